package org.parsreader.reformat;

/**
 * Where the pixels of a reformat image (one plane or a stack of parallel planes, as
 * {@code Reformat...} and the panel's reformat viewer make them) lie in patient space (DICOM LPS,
 * mm), and back. Pixel (x, y) of slice k (0-based) is {@code first.shifted(k * step).point(x, y)}:
 * integer x, y are pixel centres, as for ImageJ's lines and points (area vertices are pixel corners:
 * subtract 0.5, as {@code ImageRois} does for acquired slices). The planes are orthonormal with
 * square pixels, so a distance on the image times the pixel size is the distance in mm.
 */
public record PlaneMapping(Plane first, double step) {
    public PlaneMapping {
        if (first == null) throw new IllegalArgumentException("reformat image without its plane geometry");
        if (!(Math.abs(step) > 0) || Double.isInfinite(step)) step = 1; // a single plane: any step maps slice 0 to it
    }

    /** The plane of slice {@code k} (0-based). */
    public Plane plane(int k) {
        return k == 0 ? first : first.shifted(k * step);
    }

    /** Patient position (mm) of pixel (x, y), fractional allowed, on slice {@code k} (0-based, fractional allowed). */
    public double[] toPatient(double x, double y, double k) {
        double[] n = first.normal();
        double[] p = first.point(x, y);
        for (int a = 0; a < 3; a++) p[a] += k * step * n[a];
        return p;
    }

    /** (x, y, k) of a patient point: its pixel position and its (fractional) slice, 0-based; inverse of {@link #toPatient}. */
    public double[] toPixel(double[] p) {
        double[] ij = first.pixelOf(p);
        double along = Vec.dot(Vec.sub(p, first.origin()), first.normal());
        return new double[] {ij[0], ij[1], along / step};
    }

    /** Distance (mm) of a patient point from the plane of slice {@code k}, signed along the normal. */
    public double distance(double[] p, int k) {
        return toPixel(p)[2] * step - k * step;
    }
}
