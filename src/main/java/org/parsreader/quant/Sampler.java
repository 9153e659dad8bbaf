package org.parsreader.quant;

import org.parsreader.volume.Volume;

/**
 * Physical values of a volume at patient positions, trilinear between voxel centres (NaN
 * outside the volume or on an unreadable slice). Used to read a baseline series at the
 * positions of another series' voxels, whatever the grids, tilts and slice spacings.
 */
final class Sampler {
    private final Volume v;
    private final double[][] inverse;
    private final double[] origin;

    Sampler(Volume v) {
        this.v = v;
        var g = v.geometry();
        double[][] m = {
            {g.columnStep()[0], g.rowStep()[0], g.sliceStep()[0]},
            {g.columnStep()[1], g.rowStep()[1], g.sliceStep()[1]},
            {g.columnStep()[2], g.rowStep()[2], g.sliceStep()[2]}};
        this.inverse = invert(m);
        this.origin = g.origin();
    }

    double at(double x, double y, double z) {
        double dx = x - origin[0], dy = y - origin[1], dz = z - origin[2];
        double fi = inverse[0][0] * dx + inverse[0][1] * dy + inverse[0][2] * dz;
        double fj = inverse[1][0] * dx + inverse[1][1] * dy + inverse[1][2] * dz;
        double fk = inverse[2][0] * dx + inverse[2][1] * dy + inverse[2][2] * dz;
        if (fi < 0 || fj < 0 || fk < 0 || fi > v.width() - 1 || fj > v.height() - 1 || fk > v.depth() - 1) return Double.NaN;
        int i = Math.min((int) fi, v.width() - 2 < 0 ? 0 : v.width() - 2);
        int j = Math.min((int) fj, v.height() - 2 < 0 ? 0 : v.height() - 2);
        int k = Math.min((int) fk, v.depth() - 2 < 0 ? 0 : v.depth() - 2);
        double a = fi - i, b = fj - j, c = fk - k;
        int i1 = Math.min(i + 1, v.width() - 1), j1 = Math.min(j + 1, v.height() - 1), k1 = Math.min(k + 1, v.depth() - 1);
        if (!v.isValidSlice(k) || !v.isValidSlice(k1)) return Double.NaN;
        double c00 = lerp(v.value(i, j, k), v.value(i1, j, k), a);
        double c10 = lerp(v.value(i, j1, k), v.value(i1, j1, k), a);
        double c01 = lerp(v.value(i, j, k1), v.value(i1, j, k1), a);
        double c11 = lerp(v.value(i, j1, k1), v.value(i1, j1, k1), a);
        return lerp(lerp(c00, c10, b), lerp(c01, c11, b), c);
    }

    /**
     * The brightest of the 8 voxels around a patient position (NaN outside): compared with
     * this, a voxel at a bone edge does not look enhanced just because interpolation between
     * two grids blurred the edge. Values at or above {@code ignoreAbove} (metal: the needle) are
     * left out; -infinity when all are.
     */
    double maxAround(double x, double y, double z, double ignoreAbove) {
        double dx = x - origin[0], dy = y - origin[1], dz = z - origin[2];
        double fi = inverse[0][0] * dx + inverse[0][1] * dy + inverse[0][2] * dz;
        double fj = inverse[1][0] * dx + inverse[1][1] * dy + inverse[1][2] * dz;
        double fk = inverse[2][0] * dx + inverse[2][1] * dy + inverse[2][2] * dz;
        if (fi < 0 || fj < 0 || fk < 0 || fi > v.width() - 1 || fj > v.height() - 1 || fk > v.depth() - 1) return Double.NaN;
        int i0 = (int) fi, j0 = (int) fj, k0 = (int) fk;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = k0; k <= Math.min(k0 + 1, v.depth() - 1); k++) {
            if (!v.isValidSlice(k)) return Double.NaN;
            for (int j = j0; j <= Math.min(j0 + 1, v.height() - 1); j++) {
                for (int i = i0; i <= Math.min(i0 + 1, v.width() - 1); i++) {
                    double val = v.value(i, j, k);
                    if (val < ignoreAbove) max = Math.max(max, val);
                }
            }
        }
        return max;
    }

    /**
     * The smallest |value - v| over the 8 voxels around a patient position (NaN outside): for the
     * alignment check, so that a thin cortex that two grids sample differently still matches when
     * the scans are aligned, while a shift of a few millimetres does not.
     */
    double nearestDifference(double x, double y, double z, double value) {
        double dx = x - origin[0], dy = y - origin[1], dz = z - origin[2];
        double fi = inverse[0][0] * dx + inverse[0][1] * dy + inverse[0][2] * dz;
        double fj = inverse[1][0] * dx + inverse[1][1] * dy + inverse[1][2] * dz;
        double fk = inverse[2][0] * dx + inverse[2][1] * dy + inverse[2][2] * dz;
        if (fi < 0 || fj < 0 || fk < 0 || fi > v.width() - 1 || fj > v.height() - 1 || fk > v.depth() - 1) return Double.NaN;
        int i0 = (int) fi, j0 = (int) fj, k0 = (int) fk;
        double best = Double.POSITIVE_INFINITY;
        for (int k = k0; k <= Math.min(k0 + 1, v.depth() - 1); k++) {
            if (!v.isValidSlice(k)) return Double.NaN;
            for (int j = j0; j <= Math.min(j0 + 1, v.height() - 1); j++) {
                for (int i = i0; i <= Math.min(i0 + 1, v.width() - 1); i++) best = Math.min(best, Math.abs(value - v.value(i, j, k)));
            }
        }
        return best;
    }

    private static double lerp(double p, double q, double t) {
        return p + (q - p) * t;
    }

    private static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        if (Math.abs(det) < 1e-12) throw new IllegalStateException("degenerate voxel geometry");
        double[][] r = new double[3][3];
        r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
        r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
        r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        r[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
        r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
        r[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
        r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
        r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
        return r;
    }
}
