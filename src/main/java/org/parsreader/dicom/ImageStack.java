package org.parsreader.dicom;

import java.util.List;

/**
 * A geometrically consistent stack of slices from one series: one orientation, one matrix,
 * one acquisition, sorted by position along the slice normal (ImagePositionPatient projected
 * on the normal of ImageOrientationPatient), never by file name or InstanceNumber.
 *
 * @param id               stable id: series UID, plus "#n" when the series holds several stacks
 * @param frames           slices in position order, from -normal to +normal
 * @param sliceSpacing     median distance between neighbouring slice planes along the normal (mm); NaN for one slice
 * @param regularSpacing   whether every gap is within tolerance of the median
 * @param missingSlices    slices that would fill gaps of a whole multiple of the spacing
 * @param duplicatePositions positions occupied by more than one slice
 * @param geometricTiltDeg  angle between the slice-to-slice step and the normal: gantry tilt as the geometry shows it
 * @param headerTiltDeg     GantryDetectorTilt (0018,1120), NaN when absent
 * @param ctdiVol           CTDIvol (mGy), max over slices; NaN when absent
 * @param dlpEstimate       CTDIvol x irradiated length (mGy*cm), an estimate; NaN when not CT or no CTDIvol
 * @param warnings          what the reader of this stack should know
 * @param leftOut           images of the series that belong to this stack's grid but are not in
 *                          it, each with why (no usable position, another image at its position,
 *                          split off into another stack); the loader names them at the gaps
 */
public record ImageStack(
        String id,
        InstanceHeader.SeriesInfo series,
        Orientation orientation,
        SequenceClassifier.Result sequence,
        List<StackFrame> frames,
        int rows,
        int columns,
        double[] pixelSpacing,
        double sliceSpacing,
        boolean regularSpacing,
        int missingSlices,
        int duplicatePositions,
        double geometricTiltDeg,
        double headerTiltDeg,
        double ctdiVol,
        double dlpEstimate,
        boolean localizer,
        List<String> warnings,
        List<LeftOut> leftOut) {

    /**
     * An image left out of the stack.
     *
     * @param position position along the stack's normal (mm) when known, else NaN
     */
    public record LeftOut(java.nio.file.Path file, int frame, double position, String reason) {}

    public InstanceHeader first() {
        return frames.get(0).instance();
    }

    public int size() {
        return frames.size();
    }

    public String modality() {
        return series.modality();
    }

    public String transferSyntaxUid() {
        return first().transferSyntaxUid();
    }

    /** One line for tables: "CT axial 40 x 256x256, 2.00 mm". */
    public String summary() {
        String seq = "MR".equals(modality()) ? " " + sequence.sequenceClass().label() : "";
        return String.format("%s%s %s %d x %dx%d%s", modality(), seq, orientation.label(), size(), columns, rows,
                Double.isNaN(sliceSpacing) ? "" : String.format(", %.2f mm", sliceSpacing));
    }
}
