package org.parsreader.sample;

/** A point or direction in millimetres (DICOM LPS axes: +x patient left, +y posterior, +z head). */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    public Vec3 plus(Vec3 o) { return new Vec3(x + o.x, y + o.y, z + o.z); }
    public Vec3 minus(Vec3 o) { return new Vec3(x - o.x, y - o.y, z - o.z); }
    public Vec3 times(double k) { return new Vec3(x * k, y * k, z * k); }
    public double dot(Vec3 o) { return x * o.x + y * o.y + z * o.z; }
    public Vec3 cross(Vec3 o) { return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x); }
    public double norm() { return Math.sqrt(dot(this)); }
    public Vec3 unit() { return times(1.0 / norm()); }

    /** Rounded to 0.001 mm, for reports (JSON) that must read the same on every run. */
    public Vec3 rounded() { return new Vec3(r3(x), r3(y), r3(z)); }

    static double r3(double v) {
        double r = Math.round(v * 1000.0) / 1000.0;
        return r == 0.0 ? 0.0 : r; // no "-0.0" in reports
    }
}
