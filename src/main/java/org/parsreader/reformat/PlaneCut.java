package org.parsreader.reformat;

import java.util.Optional;
import org.parsreader.volume.VoxelGeometry;

/**
 * Where one viewer's plane cuts another's image (issue 12, reference lines): the segment, in the
 * image's pixel indices, along which the plane through {@code point} with {@code normal} crosses
 * an image whose pixel (i, j) lies at {@code origin + i*u + j*v} (patient mm). An acquired slice
 * of a gantry-tilted CT is such an image too (its slice k through {@link VoxelGeometry#toPatient}),
 * so the line is exact on sheared grids. Written by hand: a line-rectangle clip in a few lines,
 * which no library here offers for these types.
 */
public final class PlaneCut {
    private PlaneCut() {}

    /**
     * The segment {x1, y1, x2, y2} (pixel indices, fractional; a pixel's centre at whole numbers) where
     * the plane crosses the image of {@code width} x {@code height} pixels, clipped to its edges
     * (-0.5 .. width - 0.5); empty when it misses the image or runs (nearly) parallel to it.
     */
    public static Optional<double[]> segment(double[] origin, double[] u, double[] v, int width, int height, double[] point, double[] normal) {
        double a = Vec.dot(u, normal), b = Vec.dot(v, normal), c = Vec.dot(Vec.sub(origin, point), normal);
        double len = Math.hypot(a, b);
        // parallel planes (within about 0.1 degree of each other): no line to draw
        if (len < 2e-3 * Vec.norm(normal) * Math.min(Vec.norm(u), Vec.norm(v))) return Optional.empty();
        double x0 = -0.5, x1 = width - 0.5, y0 = -0.5, y1 = height - 0.5;
        double[] p = new double[4];
        int n = 0;
        // a*x + b*y + c = 0 against the four edges
        if (Math.abs(b) > 1e-12) {
            for (double x : new double[] {x0, x1}) {
                double y = -(a * x + c) / b;
                if (y >= y0 - 1e-9 && y <= y1 + 1e-9 && n < 4) n = add(p, n, x, y);
            }
        }
        if (Math.abs(a) > 1e-12) {
            for (double y : new double[] {y0, y1}) {
                double x = -(b * y + c) / a;
                if (x >= x0 - 1e-9 && x <= x1 + 1e-9 && n < 4) n = add(p, n, x, y);
            }
        }
        if (n < 4) return Optional.empty();
        return Optional.of(p);
    }

    /** Keeps at most two distinct points (a corner is found on two edges). */
    private static int add(double[] p, int n, double x, double y) {
        if (n == 2 && Math.abs(p[0] - x) < 1e-9 && Math.abs(p[1] - y) < 1e-9) return n;
        if (n >= 4) return n;
        p[n] = x;
        p[n + 1] = y;
        return n + 2;
    }

    /** Where the plane through {@code point} with {@code normal} cuts reformat plane {@code p}, in its pixel indices. */
    public static Optional<double[]> onPlane(Plane p, double[] point, double[] normal) {
        return segment(p.origin(), Vec.scale(p.rowDirection(), p.pixelSize()), Vec.scale(p.columnDirection(), p.pixelSize()), p.width(), p.height(),
                point, normal);
    }

    /** Where the plane through {@code point} with {@code normal} cuts slice {@code k} of a volume of geometry {@code g}, in voxel (i, j). */
    public static Optional<double[]> onSlice(VoxelGeometry g, int width, int height, int k, double[] point, double[] normal) {
        double[] o = g.toPatient(0, 0, k);
        return segment(o, Vec.sub(g.toPatient(1, 0, k), o), Vec.sub(g.toPatient(0, 1, k), o), width, height, point, normal);
    }

    /** The plane of slice {@code k} of geometry {@code g}: {point, unit normal}. */
    public static double[][] slicePlane(VoxelGeometry g, int k) {
        double[] o = g.toPatient(0, 0, k);
        return new double[][] {o, Vec.normalize(Vec.cross(Vec.sub(g.toPatient(1, 0, k), o), Vec.sub(g.toPatient(0, 1, k), o)))};
    }
}
