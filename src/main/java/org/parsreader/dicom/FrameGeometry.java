package org.parsreader.dicom;

/**
 * Where one frame lies in patient space (DICOM LPS, mm) and how its stored values calibrate.
 *
 * @param position     ImagePositionPatient: centre of the first transmitted voxel, or null
 *                     (absent, or present but not three finite numbers: then {@code problem} says so)
 * @param orientation  ImageOrientationPatient: row direction then column direction, or null
 *                     (absent, or not two orthogonal unit vectors: then {@code problem} says so)
 * @param pixelSpacing PixelSpacing: [between rows, between columns] in mm, or null
 * @param sliceThickness SliceThickness in mm, NaN when absent
 * @param rescaleSlope  RescaleSlope, 1 when absent
 * @param rescaleIntercept RescaleIntercept, 0 when absent
 * @param problem      why this frame's geometry or calibration cannot be trusted (naming the
 *                     attribute and its value), or null; see {@link FrameGeometries}
 */
public record FrameGeometry(double[] position, double[] orientation, double[] pixelSpacing,
                            double sliceThickness, double rescaleSlope, double rescaleIntercept, String problem) {

    public FrameGeometry(double[] position, double[] orientation, double[] pixelSpacing,
                         double sliceThickness, double rescaleSlope, double rescaleIntercept) {
        this(position, orientation, pixelSpacing, sliceThickness, rescaleSlope, rescaleIntercept, null);
    }

    public boolean hasPosition() {
        return position != null && position.length == 3 && orientation != null && orientation.length == 6;
    }

    /** Whether PixelSpacing is present and two positive finite numbers. */
    public boolean hasUsablePixelSpacing() {
        return pixelSpacing != null && pixelSpacing.length >= 2 && FrameGeometries.positiveFinite(pixelSpacing[0])
                && FrameGeometries.positiveFinite(pixelSpacing[1]);
    }

    /** Whether the stored values of this frame may not be turned into physical values (bad rescale). */
    public boolean calibrationBad() {
        return problem != null && problem.contains("Rescale");
    }

    /** Unit normal of the image plane (row x column), or null without orientation. */
    public double[] normal() {
        if (orientation == null || orientation.length != 6) return null;
        double[] n = Vec.cross(new double[] {orientation[0], orientation[1], orientation[2]},
                new double[] {orientation[3], orientation[4], orientation[5]});
        return Vec.normalize(n);
    }
}
