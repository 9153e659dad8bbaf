package org.parsreader.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.FindingsDocument.Provenance;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/**
 * ROIs (stored in patient mm) placed on a loaded volume, and the measurements they give. An
 * ROI can be shown on any volume of its frame of reference (e.g. a line drawn on the
 * post-contrast CT appears on the planning CT of the same table position), never on another
 * frame of reference (supine MRI vs prone CT), where patient coordinates mean something else.
 */
public final class RoiGeometry {
    /** How far (in slices) polygon vertices may lie from one plane and still be one in-plane ROI. */
    static final double PLANE_TOLERANCE = 0.25;

    private RoiGeometry() {}

    /** The ROI's points as continuous voxel indices (i, j, k) of {@code v}; throws if the frames of reference differ. */
    public static List<double[]> toVoxels(Roi roi, Volume v) {
        requireSameFrame(roi, v);
        List<double[]> out = new ArrayList<>();
        for (double[] p : roi.points()) out.add(v.geometry().toVoxel(p[0], p[1], p[2]));
        return out;
    }

    /** Patient coordinates of voxel positions (as a drawing tool gives them) for a new ROI. */
    public static List<double[]> toPatient(List<double[]> voxels, VoxelGeometry g) {
        List<double[]> out = new ArrayList<>();
        for (double[] ijk : voxels) out.add(g.toPatient(ijk[0], ijk[1], ijk[2]));
        return out;
    }

    static void requireSameFrame(Roi roi, Volume v) {
        String a = roi.frameOfReferenceUid();
        String b = v.frameOfReferenceUid();
        if (a == null || a.isEmpty() || b.isEmpty()) {
            if (!v.seriesInstanceUid().equals(roi.seriesInstanceUid())) {
                throw new FindingsException("ROI " + roi.id() + " has no frame of reference and was drawn on series " + roi.seriesInstanceUid()
                        + "; it can only be shown on that series");
            }
        } else if (!a.equals(b)) {
            throw new FindingsException("ROI " + roi.id() + " is in frame of reference " + a + ", the series shown is in " + b
                    + ": patient coordinates differ (e.g. supine MRI and prone CT); mark it again on this series");
        }
    }

    /** Length of a line ROI in mm (patient space, so right under gantry tilt). */
    public static double lengthMm(Roi roi) {
        if (roi.type() != FindingsDocument.RoiType.LINE || roi.points().size() != 2) {
            throw new FindingsException("ROI " + roi.id() + " is a " + roi.type().label() + ", a length needs a line of 2 points");
        }
        double[] a = roi.points().get(0);
        double[] b = roi.points().get(1);
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    /** Mean, voxel count and area (mm^2) of the physical values inside a polygon ROI on {@code v}. */
    public record RegionStats(double mean, int voxels, double areaMm2, int slice) {}

    /**
     * Statistics of the voxels whose centres lie inside a polygon ROI (even-odd rule), on the
     * slice its vertices lie in. Hand-written scan conversion: the core must not use AWT.
     */
    public static RegionStats polygonStats(Roi roi, Volume v) {
        if (roi.type() != FindingsDocument.RoiType.POLYGON) throw new FindingsException("ROI " + roi.id() + " is not a polygon");
        List<double[]> ijk = toVoxels(roi, v);
        double k0 = ijk.get(0)[2];
        for (double[] p : ijk) {
            if (Math.abs(p[2] - k0) > PLANE_TOLERANCE) {
                throw new FindingsException("ROI " + roi.id() + " does not lie in one slice of " + v.name() + " (slice " + fmt(k0) + " and " + fmt(p[2]) + ")");
            }
        }
        int k = (int) Math.round(k0);
        if (k < 0 || k >= v.depth()) throw new FindingsException("ROI " + roi.id() + " lies outside " + v.name() + " (slice " + (k + 1) + ")");
        if (!v.isValidSlice(k)) throw new FindingsException("ROI " + roi.id() + " lies on slice " + (k + 1) + ", which could not be read: " + v.slices().get(k).problem());
        double sum = 0;
        int n = 0;
        for (int j = 0; j < v.height(); j++) {
            double y = j;
            List<Double> xs = new ArrayList<>();
            for (int a = 0, b = ijk.size() - 1; a < ijk.size(); b = a++) {
                double[] pa = ijk.get(a);
                double[] pb = ijk.get(b);
                if ((pa[1] > y) != (pb[1] > y)) xs.add(pa[0] + (y - pa[1]) * (pb[0] - pa[0]) / (pb[1] - pa[1]));
            }
            xs.sort(Double::compare);
            for (int c = 0; c + 1 < xs.size(); c += 2) {
                int from = Math.max(0, (int) Math.ceil(xs.get(c)));
                int to = Math.min(v.width() - 1, (int) Math.floor(xs.get(c + 1)));
                for (int i = from; i <= to; i++) {
                    sum += v.value(i, j, k);
                    n++;
                }
            }
        }
        if (n == 0) throw new FindingsException("ROI " + roi.id() + " contains no voxel centre of " + v.name());
        double[] s = v.geometry().spacing();
        return new RegionStats(sum / n, n, n * s[0] * s[1], k);
    }

    /** A gap-width style measurement from a line ROI, with its provenance. */
    public static Measurement lengthMeasurement(Roi roi, String software, java.time.Instant when) {
        return new Measurement(roi.finding(), roi.level(), roi.side(), lengthMm(roi), "mm",
                new Provenance(roi.id(), roi.seriesInstanceUid(), "line-length", software, when, Map.of()));
    }

    /** A mean-signal measurement from a polygon ROI on {@code v}, with its provenance. */
    public static Measurement meanMeasurement(Roi roi, Volume v, String unit, String software, java.time.Instant when) {
        RegionStats st = polygonStats(roi, v);
        // insertion order, not Map.of (whose order changes from one JVM to the next): the same
        // measurement must be the same bytes in the findings file
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put("voxels", Integer.toString(st.voxels()));
        parameters.put("area_mm2", fmt(st.areaMm2()));
        parameters.put("slice", Integer.toString(st.slice() + 1));
        return new Measurement(roi.finding(), roi.level(), roi.side(), st.mean(), unit,
                new Provenance(roi.id(), v.seriesInstanceUid(), "roi-mean", software, when, java.util.Collections.unmodifiableMap(parameters)));
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
