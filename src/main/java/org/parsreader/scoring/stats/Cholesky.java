package org.parsreader.scoring.stats;

/**
 * Cholesky factorisation {@code A = L L^T} of a symmetric positive definite matrix (the
 * Fisher information of a logistic model, p up to a few hundred), with solve, inverse
 * and log-determinant. Only the lower triangle of the input is read.
 */
final class Cholesky {
    private final double[][] l;
    private final int n;

    private Cholesky(double[][] l) {
        this.l = l;
        this.n = l.length;
    }

    /**
     * Factorises {@code a}; returns null when a pivot is not positive relative to the
     * diagonal ({@code <= tol * a[j][j]}), i.e. when the matrix is singular to working
     * precision; {@link #firstDeficientColumn} then names the column.
     */
    static Cholesky of(double[][] a, double tol) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            double[] lj = l[j];
            for (int k = 0; k < j; k++) d -= lj[k] * lj[k];
            if (!(d > tol * Math.abs(a[j][j])) || !(d > 0)) return null;
            double djj = Math.sqrt(d);
            lj[j] = djj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                double[] li = l[i];
                for (int k = 0; k < j; k++) s -= li[k] * lj[k];
                li[j] = s / djj;
            }
        }
        return new Cholesky(l);
    }

    /** Index of the first column whose pivot fails, or -1 when {@code a} is positive definite. */
    static int firstDeficientColumn(double[][] a, double tol) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) d -= l[j][k] * l[j][k];
            if (!(d > tol * Math.abs(a[j][j])) || !(d > 0)) return j;
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                l[i][j] = s / l[j][j];
            }
        }
        return -1;
    }

    /** Solves {@code A x = b}. */
    double[] solve(double[] b) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * y[k];
            y[i] = s / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) s -= l[k][i] * x[k];
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** The full symmetric inverse {@code A^-1}. */
    double[][] inverse() {
        // inverse of L (lower triangular), then A^-1 = L^-T L^-1
        double[][] li = new double[n][n];
        for (int j = 0; j < n; j++) {
            li[j][j] = 1 / l[j][j];
            for (int i = j + 1; i < n; i++) {
                double s = 0;
                for (int k = j; k < i; k++) s -= l[i][k] * li[k][j];
                li[i][j] = s / l[i][i];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < n; k++) s += li[k][i] * li[k][j];
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }
        return inv;
    }

    /** ln det A = 2 sum ln L_jj. */
    double logDeterminant() {
        double s = 0;
        for (int j = 0; j < n; j++) s += Math.log(l[j][j]);
        return 2 * s;
    }
}
