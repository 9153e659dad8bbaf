package org.parsreader.volume;

import java.util.Arrays;

/**
 * The exact affine map between voxel indices (i = column, j = row, k = slice, voxel centres
 * at integers) and patient coordinates (DICOM LPS, mm):
 * {@code p = origin + i * columnStep + j * rowStep + k * sliceStep}.
 * For gantry-tilted CT the slice step is not along the normal; the map stays exact.
 */
public record VoxelGeometry(double[] origin, double[] columnStep, double[] rowStep, double[] sliceStep) {

    /** A geometry for images without position information: unit voxels at the origin. */
    public static VoxelGeometry unknown(double dx, double dy, double dz) {
        return new VoxelGeometry(new double[3], new double[] {dx, 0, 0}, new double[] {0, dy, 0}, new double[] {0, 0, dz});
    }

    public double[] toPatient(double i, double j, double k) {
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) p[a] = origin[a] + i * columnStep[a] + j * rowStep[a] + k * sliceStep[a];
        return p;
    }

    /** Continuous voxel index (i, j, k) of a patient point; inverse of {@link #toPatient}. */
    public double[] toVoxel(double x, double y, double z) {
        double[] d = {x - origin[0], y - origin[1], z - origin[2]};
        double[][] m = {
            {columnStep[0], rowStep[0], sliceStep[0]},
            {columnStep[1], rowStep[1], sliceStep[1]},
            {columnStep[2], rowStep[2], sliceStep[2]}};
        double det = det(m);
        if (Math.abs(det) < 1e-12) throw new IllegalStateException("degenerate voxel geometry " + this);
        double[] r = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] mc = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int row = 0; row < 3; row++) mc[row][c] = d[row];
            r[c] = det(mc) / det;
        }
        return r;
    }

    /** Voxel size along columns, rows and between slice planes (along the normal), in mm. */
    public double[] spacing() {
        double[] n = normal();
        return new double[] {norm(columnStep), norm(rowStep), Math.abs(dot(sliceStep, n))};
    }

    /** Volume of one voxel in mm^3: |det| of the step vectors, right under shear. */
    public double voxelVolumeMm3() {
        return Math.abs(det(new double[][] {columnStep, rowStep, sliceStep}));
    }

    /** Unit normal of the slice planes (column step x row step). */
    public double[] normal() {
        double[] c = {columnStep[1] * rowStep[2] - columnStep[2] * rowStep[1],
            columnStep[2] * rowStep[0] - columnStep[0] * rowStep[2],
            columnStep[0] * rowStep[1] - columnStep[1] * rowStep[0]};
        double n = norm(c);
        return new double[] {c[0] / n, c[1] / n, c[2] / n};
    }

    /** Angle between the slice step and the plane normal in degrees: 0 unless the gantry was tilted. */
    public double shearDeg() {
        double c = Math.abs(dot(sliceStep, normal())) / norm(sliceStep);
        return Math.toDegrees(Math.acos(Math.min(1, c)));
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    @Override
    public String toString() {
        return "VoxelGeometry[origin=" + Arrays.toString(origin) + ", columnStep=" + Arrays.toString(columnStep)
                + ", rowStep=" + Arrays.toString(rowStep) + ", sliceStep=" + Arrays.toString(sliceStep) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoxelGeometry g && Arrays.equals(origin, g.origin) && Arrays.equals(columnStep, g.columnStep)
                && Arrays.equals(rowStep, g.rowStep) && Arrays.equals(sliceStep, g.sliceStep);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(origin) * 31 + Arrays.hashCode(sliceStep);
    }
}
