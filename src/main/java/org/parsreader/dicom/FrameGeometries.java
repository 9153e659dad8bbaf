package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeList;
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

    static List<FrameGeometry> read(AttributeList list, int frames) {
        double slope = Attrs.dbl(list, Tags.RescaleSlope, 1.0);
        double intercept = Attrs.dbl(list, Tags.RescaleIntercept, 0.0);
        double doseScaling = Attrs.dbl(list, Tags.DoseGridScaling, Double.NaN);
        if (!Double.isNaN(doseScaling) && list.get(Tags.RescaleSlope) == null) slope = doseScaling;
        double[] ipp = Attrs.doubles(list, Tags.ImagePositionPatient);
        double[] iop = Attrs.doubles(list, Tags.ImageOrientationPatient);
        double[] spacing = Attrs.doubles(list, Tags.PixelSpacing);
        double thickness = Attrs.dbl(list, Tags.SliceThickness, Double.NaN);

        int perFrameItems = Attrs.items(list, Tags.PerFrameFunctionalGroupsSequence);
        AttributeList shared = Attrs.item(list, Tags.SharedFunctionalGroupsSequence);
        if (perFrameItems > 0 || shared != null) {
            List<FrameGeometry> out = new ArrayList<>(frames);
            for (int i = 0; i < frames; i++) {
                AttributeList pf = Attrs.item(list, Tags.PerFrameFunctionalGroupsSequence, i);
                AttributeList pos = Attrs.functionalGroup(pf, shared, Tags.PlanePositionSequence);
                AttributeList ori = Attrs.functionalGroup(pf, shared, Tags.PlaneOrientationSequence);
                AttributeList meas = Attrs.functionalGroup(pf, shared, Tags.PixelMeasuresSequence);
                AttributeList pvt = Attrs.functionalGroup(pf, shared, Tags.PixelValueTransformationSequence);
                out.add(new FrameGeometry(
                        pos != null ? Attrs.doubles(pos, Tags.ImagePositionPatient) : ipp,
                        ori != null ? Attrs.doubles(ori, Tags.ImageOrientationPatient) : iop,
                        meas != null && Attrs.doubles(meas, Tags.PixelSpacing) != null ? Attrs.doubles(meas, Tags.PixelSpacing) : spacing,
                        meas != null ? Attrs.dbl(meas, Tags.SliceThickness, thickness) : thickness,
                        pvt != null ? Attrs.dbl(pvt, Tags.RescaleSlope, slope) : slope,
                        pvt != null ? Attrs.dbl(pvt, Tags.RescaleIntercept, intercept) : intercept));
            }
            return out;
        }
        double[] offsets = Attrs.doubles(list, Tags.GridFrameOffsetVector);
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
