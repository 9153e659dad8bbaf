package org.parsreader.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Per-frame geometry of a single- or multi-frame object: enhanced objects from their
 * per-frame and shared functional groups, RT dose style objects from GridFrameOffsetVector,
 * classic objects from the top-level attributes (all frames at one position).
 */
final class FrameGeometries {
    private FrameGeometries() {}

    static List<FrameGeometry> read(Header list, int frames) {
        double slope = list.dbl(Tags.RescaleSlope, 1.0);
        double intercept = list.dbl(Tags.RescaleIntercept, 0.0);
        double doseScaling = list.dbl(Tags.DoseGridScaling, Double.NaN);
        if (!Double.isNaN(doseScaling) && !list.has(Tags.RescaleSlope)) slope = doseScaling;
        double[] ipp = list.doubles(Tags.ImagePositionPatient);
        double[] iop = list.doubles(Tags.ImageOrientationPatient);
        double[] spacing = list.doubles(Tags.PixelSpacing);
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
                out.add(new FrameGeometry(
                        pos != null ? pos.doubles(Tags.ImagePositionPatient) : ipp,
                        ori != null ? ori.doubles(Tags.ImageOrientationPatient) : iop,
                        meas != null && meas.doubles(Tags.PixelSpacing) != null ? meas.doubles(Tags.PixelSpacing) : spacing,
                        meas != null ? meas.dbl(Tags.SliceThickness, thickness) : thickness,
                        pvt != null ? pvt.dbl(Tags.RescaleSlope, slope) : slope,
                        pvt != null ? pvt.dbl(Tags.RescaleIntercept, intercept) : intercept));
            }
            return out;
        }
        double[] offsets = list.doubles(Tags.GridFrameOffsetVector);
        if (offsets != null && offsets.length == frames && ipp != null && iop != null && iop.length == 6) {
            FrameGeometry first = new FrameGeometry(ipp, iop, spacing, thickness, slope, intercept);
            double[] n = first.normal();
            List<FrameGeometry> out = new ArrayList<>(frames);
            for (int i = 0; i < frames; i++) {
                // GridFrameOffsetVector is relative to ImagePositionPatient along the normal when its first value is 0
                double d = offsets[0] == 0 ? offsets[i] : offsets[i] - ipp[2];
                out.add(new FrameGeometry(new double[] {ipp[0] + d * n[0], ipp[1] + d * n[1], ipp[2] + d * n[2]},
                        iop, spacing, thickness, slope, intercept));
            }
            return out;
        }
        return Collections.nCopies(frames, new FrameGeometry(ipp, iop, spacing, thickness, slope, intercept));
    }
}
