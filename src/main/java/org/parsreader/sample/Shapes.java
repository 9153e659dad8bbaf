package org.parsreader.sample;

/**
 * Signed "depth" of analytic primitives: positive inside, about the distance to the surface,
 * so that a cortical shell is simply {@code 0 < depth < cortex}. Depths of a union are the
 * maximum of the parts' depths. Ellipse/ellipsoid depths use the first-order estimate
 * (1 - r) / |grad r|, exact on the axes and close to the surface.
 */
final class Shapes {
    private Shapes() {}

    static final double OUTSIDE = -1e9;

    /** Depth in an ellipse with semi-axes a, b (u, v relative to its centre). */
    static double ellipse(double u, double v, double a, double b) {
        double r = Math.sqrt((u / a) * (u / a) + (v / b) * (v / b));
        if (r < 1e-12) return Math.min(a, b);
        double grad = Math.sqrt(u * u / (a * a * a * a) + v * v / (b * b * b * b)) / r;
        return (1 - r) / grad;
    }

    /** Depth in an ellipsoid with semi-axes a, b, c along the local coordinates u, v, w. */
    static double ellipsoid(double u, double v, double w, double a, double b, double c) {
        double r = Math.sqrt((u / a) * (u / a) + (v / b) * (v / b) + (w / c) * (w / c));
        if (r < 1e-12) return Math.min(a, Math.min(b, c));
        double grad = Math.sqrt(u * u / (a * a * a * a) + v * v / (b * b * b * b) + w * w / (c * c * c * c)) / r;
        return (1 - r) / grad;
    }

    /** Depth in a slab lo <= s <= hi. */
    static double slab(double s, double lo, double hi) {
        return Math.min(s - lo, hi - s);
    }

    /** Distance from p to the segment a-b. */
    static double segmentDistance(Vec3 p, Vec3 a, Vec3 b) {
        Vec3 ab = b.minus(a);
        double t = p.minus(a).dot(ab) / ab.dot(ab);
        t = Math.max(0, Math.min(1, t));
        return p.minus(a.plus(ab.times(t))).norm();
    }

    /** Distance from p to the infinite line through a with unit direction u. */
    static double lineDistance(Vec3 p, Vec3 a, Vec3 u) {
        Vec3 d = p.minus(a);
        return d.minus(u.times(d.dot(u))).norm();
    }

    /** Depth in a capsule (segment a-b swept by radius r). */
    static double capsule(Vec3 p, Vec3 a, Vec3 b, double r) {
        return r - segmentDistance(p, a, b);
    }
}
