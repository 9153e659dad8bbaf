package org.parsreader.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-frame geometry of a single- or multi-frame object: enhanced objects from their
 * per-frame and shared functional groups, RT dose style objects from GridFrameOffsetVector,
 * classic objects from the top-level attributes (all frames at one position).
 *
 * <p>A value that is present but unusable is never read as its default (a RescaleIntercept of
 * "abc" read as 0 turned one slice of a contrast region 1024 HU brighter): the frame keeps a
 * {@link FrameGeometry#problem() problem} naming the attribute and its value, and the stack
 * builder and loader decide from it (a bad rescale marks the slice bad, a bad position leaves
 * the image out of the grid, a bad orientation or spacing splits it off).
 */
final class FrameGeometries {
    /** Row and column direction cosines must be unit vectors and orthogonal within this. */
    private static final double COSINE_TOLERANCE = 0.01;
    /** A bad value is quoted up to this many characters. */
    private static final int QUOTE = 60;

    private FrameGeometries() {}

    static List<FrameGeometry> read(Header list, int frames) {
        List<String> top = new ArrayList<>(2);
        double slope = rescale(list, Tags.RescaleSlope, "RescaleSlope (0028,1053)", 1.0, top);
        double intercept = rescale(list, Tags.RescaleIntercept, "RescaleIntercept (0028,1052)", 0.0, top);
        double doseScaling = list.dbl(Tags.DoseGridScaling, Double.NaN);
        if (!Double.isNaN(doseScaling) && !list.has(Tags.RescaleSlope)) slope = doseScaling;
        double[] ipp = position(list, top);
        double[] iop = orientation(list, top);
        double[] spacing = spacing(list, top);
        double thickness = list.dbl(Tags.SliceThickness, Double.NaN);

        int perFrameItems = list.items(Tags.PerFrameFunctionalGroupsSequence);
        Header shared = list.item(Tags.SharedFunctionalGroupsSequence);
        if (perFrameItems > 0 || shared != null) {
            List<FrameGeometry> out = new ArrayList<>(frames);
            for (int i = 0; i < frames; i++) {
                Header pf = list.item(Tags.PerFrameFunctionalGroupsSequence, i);
                Header pos = Header.functionalGroup(pf, shared, Tags.PlanePositionSequence);
                Header ori = Header.functionalGroup(pf, shared, Tags.PlaneOrientationSequence);
                Header meas = Header.functionalGroup(pf, shared, Tags.PixelMeasuresSequence);
                Header pvt = Header.functionalGroup(pf, shared, Tags.PixelValueTransformationSequence);
                List<String> problems = new ArrayList<>(2);
                double[] p = pos != null ? position(pos, problems) : ipp;
                double[] o = ori != null ? orientation(ori, problems) : iop;
                double[] s = meas != null && meas.has(Tags.PixelSpacing) ? spacing(meas, problems) : spacing;
                double sl = pvt != null ? rescale(pvt, Tags.RescaleSlope, "RescaleSlope (0028,1053)", slope, problems) : slope;
                double ic = pvt != null ? rescale(pvt, Tags.RescaleIntercept, "RescaleIntercept (0028,1052)", intercept, problems) : intercept;
                if (pos == null || ori == null || meas == null || pvt == null) problems.addAll(0, top);
                out.add(new FrameGeometry(p, o, s, meas != null ? meas.dbl(Tags.SliceThickness, thickness) : thickness, sl, ic,
                        join(problems)));
            }
            return out;
        }
        String problem = join(top);
        double[] offsets = list.doubles(Tags.GridFrameOffsetVector);
        if (offsets != null && offsets.length == frames && ipp != null && iop != null && iop.length == 6) {
            FrameGeometry first = new FrameGeometry(ipp, iop, spacing, thickness, slope, intercept, problem);
            double[] n = first.normal();
            List<FrameGeometry> out = new ArrayList<>(frames);
            for (int i = 0; i < frames; i++) {
                // GridFrameOffsetVector is relative to ImagePositionPatient along the normal when its first value is 0
                double d = offsets[0] == 0 ? offsets[i] : offsets[i] - ipp[2];
                double[] p = Double.isFinite(d) ? new double[] {ipp[0] + d * n[0], ipp[1] + d * n[1], ipp[2] + d * n[2]} : null;
                out.add(new FrameGeometry(p, iop, spacing, thickness, slope, intercept,
                        p == null ? join(List.of("GridFrameOffsetVector (3004,000C) value " + (i + 1) + " is not a number")) : problem));
            }
            return out;
        }
        List<FrameGeometry> out = new ArrayList<>(frames);
        FrameGeometry one = new FrameGeometry(ipp, iop, spacing, thickness, slope, intercept, problem);
        for (int i = 0; i < frames; i++) out.add(one);
        return out;
    }

    /** RescaleSlope/Intercept: absent is the default; present must be a finite number (a slope also non-zero). */
    private static double rescale(Header h, int tag, String name, double dflt, List<String> problems) {
        if (!h.has(tag)) return dflt;
        double[] d = h.doubles(tag);
        boolean ok = d != null && d.length >= 1 && Double.isFinite(d[0]) && (tag != Tags.RescaleSlope || d[0] != 0);
        if (ok) return d[0];
        problems.add(name + " is " + quote(h, tag) + (d != null && d.length >= 1 && d[0] == 0 ? ", which maps every value to the intercept"
                : ", not a number") + ": the slice's values cannot be calibrated");
        return dflt;
    }

    /** ImagePositionPatient: null when absent or empty; null with a problem when not three finite numbers. */
    private static double[] position(Header h, List<String> problems) {
        if (!h.has(Tags.ImagePositionPatient)) return null;
        double[] d = h.doubles(Tags.ImagePositionPatient);
        if (d != null && d.length == 3 && allFinite(d)) return d;
        if (empty(h, Tags.ImagePositionPatient)) return null;
        problems.add("ImagePositionPatient (0020,0032) is " + quote(h, Tags.ImagePositionPatient) + ", not three numbers");
        return null;
    }

    /** ImageOrientationPatient: null when absent or empty; null with a problem when not two orthogonal unit vectors. */
    private static double[] orientation(Header h, List<String> problems) {
        if (!h.has(Tags.ImageOrientationPatient)) return null;
        double[] d = h.doubles(Tags.ImageOrientationPatient);
        if (d == null && empty(h, Tags.ImageOrientationPatient)) return null;
        if (d != null && d.length == 6 && allFinite(d)) {
            double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            double c = Math.sqrt(d[3] * d[3] + d[4] * d[4] + d[5] * d[5]);
            double dot = d[0] * d[3] + d[1] * d[4] + d[2] * d[5];
            if (Math.abs(r - 1) <= COSINE_TOLERANCE && Math.abs(c - 1) <= COSINE_TOLERANCE && Math.abs(dot) <= COSINE_TOLERANCE) return d;
            problems.add(String.format(Locale.ROOT, "ImageOrientationPatient (0020,0037) is %s, not two orthogonal unit vectors "
                    + "(lengths %.3f and %.3f, dot product %.3f)", quote(h, Tags.ImageOrientationPatient), r, c, dot));
            return null;
        }
        problems.add("ImageOrientationPatient (0020,0037) is " + quote(h, Tags.ImageOrientationPatient) + ", not six numbers");
        return null;
    }

    /** PixelSpacing: null when absent or empty; kept as read (for the message) with a problem when not two positive numbers. */
    private static double[] spacing(Header h, List<String> problems) {
        if (!h.has(Tags.PixelSpacing)) return null;
        double[] d = h.doubles(Tags.PixelSpacing);
        if (d != null && d.length == 2 && positiveFinite(d[0]) && positiveFinite(d[1])) return d;
        if (d == null && empty(h, Tags.PixelSpacing)) return null;
        problems.add("PixelSpacing (0028,0030) is " + quote(h, Tags.PixelSpacing) + ", not two positive numbers");
        return d == null ? new double[] {Double.NaN, Double.NaN} : d;
    }

    /** Present with an empty value: read as absent (only looked at once the value did not parse, so the common path makes no string). */
    private static boolean empty(Header h, int tag) {
        return h.multi(tag).isEmpty();
    }

    static boolean positiveFinite(double v) {
        return v > 0 && Double.isFinite(v);
    }

    private static boolean allFinite(double[] d) {
        for (double v : d) if (!Double.isFinite(v)) return false;
        return true;
    }

    /** The raw value in quotes, at most {@value #QUOTE} characters. */
    static String quote(Header h, int tag) {
        String raw = h.multi(tag);
        if (raw.length() > QUOTE) raw = raw.substring(0, QUOTE) + "... (" + raw.length() + " characters)";
        StringBuilder b = new StringBuilder(raw.length() + 2).append('\'');
        for (char ch : raw.toCharArray()) b.append(ch < ' ' || ch == 127 ? '?' : ch);
        return b.append('\'').toString();
    }

    private static String join(List<String> problems) {
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
