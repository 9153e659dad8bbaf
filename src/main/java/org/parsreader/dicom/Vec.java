package org.parsreader.dicom;

/** The few 3-vector operations geometry needs; small enough not to pull in a library. */
public final class Vec {
    private Vec() {}

    public static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    public static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    public static double[] normalize(double[] a) {
        double n = norm(a);
        return n == 0 ? a.clone() : new double[] {a[0] / n, a[1] / n, a[2] / n};
    }

    public static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    public static double[] scale(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    /** Angle between two vectors in degrees, 0..180. */
    public static double angleDeg(double[] a, double[] b) {
        double c = dot(a, b) / (norm(a) * norm(b));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
    }
}
