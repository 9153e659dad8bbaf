package org.parsreader.reformat;

import java.util.Locale;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/**
 * A sampled plane in patient space (DICOM LPS, mm): pixel (i, j) lies at
 * {@code origin + i * pixelSize * rowDirection + j * pixelSize * columnDirection}, where the row
 * direction is the way along a row (i increases, like the first half of DICOM's
 * ImageOrientationPatient) and the column direction the way down a column (j increases). Both are
 * unit vectors at right angles; the normal is row x column, so the image is seen looking along the
 * normal (the sagittal preset's normal points to the patient's right: seen from the left). Pixels are square.
 */
public record Plane(double[] origin, double[] rowDirection, double[] columnDirection, double pixelSize, int width, int height) {
    /** Patient axes: x to the patient's left, y posterior, z superior. */
    private static final double[] X = {1, 0, 0}, Y = {0, 1, 0}, Z = {0, 0, 1};

    /** The plane presets named on the command line. */
    public enum Orientation {
        /** Rows to the patient's left, columns to posterior (seen from the feet): normal superior. */
        AXIAL(X, Y),
        /** Rows to posterior, columns to inferior (anterior at the image's left, as sagittal images are shown): normal to the patient's right. */
        SAGITTAL(Y, new double[] {0, 0, -1}),
        /** Rows to the patient's left, columns to inferior (seen from the front): normal posterior. */
        CORONAL(X, new double[] {0, 0, -1});

        final double[] row, column;

        Orientation(double[] row, double[] column) {
            this.row = row;
            this.column = column;
        }
    }

    public Plane {
        origin = origin.clone();
        rowDirection = rowDirection.clone();
        columnDirection = columnDirection.clone();
        if (!(pixelSize > 0) || Double.isInfinite(pixelSize)) throw new IllegalArgumentException("pixel size " + pixelSize + " mm is not a positive number");
        if (width < 1 || height < 1) throw new IllegalArgumentException("plane of " + width + " x " + height + " pixels");
        if (Math.abs(Vec.norm(rowDirection) - 1) > 1e-6 || Math.abs(Vec.norm(columnDirection) - 1) > 1e-6
                || Math.abs(Vec.dot(rowDirection, columnDirection)) > 1e-6) {
            throw new IllegalArgumentException("row and column directions must be unit vectors at right angles: "
                    + Vec.str(rowDirection) + ", " + Vec.str(columnDirection));
        }
    }

    /** Unit normal: row direction x column direction. */
    public double[] normal() {
        return Vec.cross(rowDirection, columnDirection);
    }

    /** Pixel indices (i, j), fractional, of the orthogonal projection of patient point {@code p} onto the plane: inverse of {@link #point}. */
    public double[] pixelOf(double[] p) {
        double[] d = {p[0] - origin[0], p[1] - origin[1], p[2] - origin[2]};
        return new double[] {Vec.dot(d, rowDirection) / pixelSize, Vec.dot(d, columnDirection) / pixelSize};
    }

    /** Patient position (mm) of the centre of pixel (i, j); fractional indices allowed. */
    public double[] point(double i, double j) {
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) p[a] = origin[a] + (i * rowDirection[a] + j * columnDirection[a]) * pixelSize;
        return p;
    }

    /** The same plane moved by {@code mm} along its normal. */
    public Plane shifted(double mm) {
        double[] n = normal();
        double[] o = new double[3];
        for (int a = 0; a < 3; a++) o[a] = origin[a] + mm * n[a];
        return new Plane(o, rowDirection, columnDirection, pixelSize, width, height);
    }

    /**
     * A preset plane through {@code through} (patient mm; null: the centre of the volume) along
     * the patient axes, just covering the volume (its voxel centres) at {@code pixelSize} mm (0
     * or less: the volume's smallest voxel spacing).
     */
    public static Plane preset(Volume v, Orientation o, double[] through, double pixelSize) {
        return covering(v, o.row, o.column, through == null ? centre(v) : through, pixelSize);
    }

    /**
     * An oblique plane through {@code origin} with the given normal; {@code up} (null for the
     * default) is the direction shown upwards in the image: the column direction is minus its
     * part at right angles to the normal. The default up is superior, or anterior for a normal
     * within 25 degrees of superior/inferior. The plane just covers the volume's projection.
     *
     * @throws IllegalArgumentException naming "normal" or "up" when one has zero length or they are parallel
     */
    public static Plane oblique(Volume v, double[] origin, double[] normal, double[] up, double pixelSize) {
        double[] n = unit(normal, "normal");
        double[] u;
        if (up == null) {
            u = Math.abs(n[2]) > Math.cos(Math.toRadians(25)) ? new double[] {0, -1, 0} : Z.clone();
        } else {
            u = unit(up, "up");
        }
        double[] uPerp = Vec.sub(u, Vec.scale(n, Vec.dot(u, n)));
        if (Vec.norm(uPerp) < 1e-6) {
            throw new IllegalArgumentException("up " + Vec.str(up) + " is parallel to the normal " + Vec.str(normal) + ": no direction in the plane is up");
        }
        double[] column = Vec.scale(Vec.normalize(uPerp), -1);
        double[] row = Vec.cross(n, Vec.scale(column, -1));
        return covering(v, Vec.normalize(row), column, origin, pixelSize);
    }

    private static double[] unit(double[] v, String what) {
        if (v == null || v.length != 3 || !(Double.isFinite(v[0]) && Double.isFinite(v[1]) && Double.isFinite(v[2]))) {
            throw new IllegalArgumentException(what + " must be three finite numbers");
        }
        if (Vec.norm(v) < 1e-9) throw new IllegalArgumentException(what + " " + Vec.str(v) + " has zero length");
        return Vec.normalize(v);
    }

    /** The patient-space centre of the volume (the middle of its voxel centres). */
    public static double[] centre(Volume v) {
        return geometry(v).toPatient((v.width() - 1) / 2.0, (v.height() - 1) / 2.0, (v.depth() - 1) / 2.0);
    }

    /** The volume's smallest voxel spacing (mm): the default pixel size and slab sample step. */
    public static double smallestSpacing(Volume v) {
        double[] s = geometry(v).spacing();
        return Math.min(s[0], Math.min(s[1], s[2]));
    }

    /** The 8 extreme voxel centres of the volume in patient mm (a parallelepiped, sheared or not). */
    static double[][] corners(Volume v) {
        VoxelGeometry g = geometry(v);
        double[][] c = new double[8][];
        for (int m = 0; m < 8; m++) {
            c[m] = g.toPatient((m & 1) == 0 ? 0 : v.width() - 1, (m & 2) == 0 ? 0 : v.height() - 1, (m & 4) == 0 ? 0 : v.depth() - 1);
        }
        return c;
    }

    /** [min, max] of the volume's voxel centres along a unit direction, from the point {@code from}. */
    static double[] extent(Volume v, double[] from, double[] dir) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] c : corners(v)) {
            double d = Vec.dot(Vec.sub(c, from), dir);
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        return new double[] {lo, hi};
    }

    /**
     * The thickness of the volume along this plane's normal (mm, voxel centre to voxel centre),
     * and whether the plane cuts it: {@code [min, max]} of the signed distance of the volume's
     * corners from the plane.
     */
    public double[] depthRange(Volume v) {
        return extent(v, origin, normal());
    }

    static VoxelGeometry geometry(Volume v) {
        if (v.geometry() == null) throw new IllegalArgumentException("volume " + v.name() + " has no voxel geometry: it cannot be placed in patient space");
        return v.geometry();
    }

    private static Plane covering(Volume v, double[] row, double[] column, double[] through, double pixelSize) {
        if (through == null || through.length != 3 || !(Double.isFinite(through[0]) && Double.isFinite(through[1]) && Double.isFinite(through[2]))) {
            throw new IllegalArgumentException("origin must be three finite numbers");
        }
        double ps = pixelSize > 0 ? pixelSize : smallestSpacing(v);
        double[] u = extent(v, through, row);
        double[] w = extent(v, through, column);
        long width = (long) Math.floor((u[1] - u[0]) / ps + 1e-9) + 1;
        long height = (long) Math.floor((w[1] - w[0]) / ps + 1e-9) + 1;
        if (width * height > 64L * 1024 * 1024) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a %d x %d plane at %s mm pixels is too large (more than 64 M pixels)",
                    width, height, Vec.num(ps)));
        }
        double[] o = new double[3];
        for (int a = 0; a < 3; a++) o[a] = through[a] + u[0] * row[a] + w[0] * column[a];
        return new Plane(o, row, column, ps, (int) width, (int) height);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Plane[%d x %d, %.4g mm, origin %s, row %s, column %s]", width, height, pixelSize,
                Vec.str(origin), Vec.str(rowDirection), Vec.str(columnDirection));
    }
}
