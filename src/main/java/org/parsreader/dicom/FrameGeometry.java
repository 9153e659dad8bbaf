package org.parsreader.dicom;

/**
 * Where one frame lies in patient space (DICOM LPS, mm) and how its stored values calibrate.
 *
 * @param position     ImagePositionPatient: centre of the first transmitted voxel, or null
 * @param orientation  ImageOrientationPatient: row direction then column direction, or null
 * @param pixelSpacing PixelSpacing: [between rows, between columns] in mm, or null
 * @param sliceThickness SliceThickness in mm, NaN when absent
 * @param rescaleSlope  RescaleSlope, 1 when absent
 * @param rescaleIntercept RescaleIntercept, 0 when absent
 */
public record FrameGeometry(double[] position, double[] orientation, double[] pixelSpacing,
                            double sliceThickness, double rescaleSlope, double rescaleIntercept) {

    public boolean hasPosition() {
        return position != null && position.length == 3 && orientation != null && orientation.length == 6;
    }

    /** Unit normal of the image plane (row x column), or null without orientation. */
    public double[] normal() {
        if (orientation == null || orientation.length != 6) return null;
        double[] n = Vec.cross(new double[] {orientation[0], orientation[1], orientation[2]},
                new double[] {orientation[3], orientation[4], orientation[5]});
        return Vec.normalize(n);
    }
}
