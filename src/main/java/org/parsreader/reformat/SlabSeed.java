package org.parsreader.reformat;

/**
 * A point clicked on a thick-slab MIP stands for the brightest sample of the slab behind it: the
 * patient position of that sample, so a contrast seed clicked on a MIP starts the region growing in
 * the contrast itself, not in the plane's (possibly darker) centre. The samples are the ones the
 * MIP took ({@link Reformatter#slab}: offsets {@code m * step} along the normal, {@code |m * step|
 * <= thickness / 2}, step the volume's smallest spacing); ties go to the sample nearest the plane.
 */
public final class SlabSeed {
    private SlabSeed() {}

    /**
     * The patient point (mm) of the brightest sample along the normal of {@code plane} through its
     * pixel (x, y) within a slab of {@code thicknessMm} (0: the pixel's own point).
     *
     * @throws IllegalArgumentException when no sample of the slab lies inside the volume
     */
    public static double[] brightest(Reformatter r, Plane plane, double x, double y, double thicknessMm) {
        double step = r.slabStep();
        int m = thicknessMm > 0 ? (int) Math.floor(thicknessMm / 2 / step + 1e-9) : 0;
        double[] centre = plane.point(x, y);
        double[] n = plane.normal();
        double best = Double.NEGATIVE_INFINITY;
        double[] at = null;
        // from the plane outwards (0, -1, +1, -2, +2, ...): a tie keeps the sample nearest the plane
        for (int t = 0; t <= 2 * m; t++) {
            int s = (t % 2 == 0 ? 1 : -1) * ((t + 1) / 2);
            double[] p = {centre[0] + s * step * n[0], centre[1] + s * step * n[1], centre[2] + s * step * n[2]};
            double v = r.valueAt(p);
            if (v > best) {
                best = v;
                at = p;
            }
        }
        if (at == null) {
            throw new IllegalArgumentException("the clicked point " + Vec.str(centre) + " mm has no sample inside the volume within the slab of "
                    + Vec.num(thicknessMm) + " mm");
        }
        return at;
    }
}
