package org.parsreader.scoring.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Ordinary least squares with an intercept, as R's {@code lm}: coefficients, standard errors,
 * t statistics and two-sided p on n - p - 1 residual degrees of freedom, t-based confidence
 * intervals ({@code confint}), R², adjusted R² and the overall F test ({@code summary.lm}).
 * Solved by Householder QR (as {@code lm}, which uses LINPACK's QR), not by the normal
 * equations, so collinear designs are found on the same scale of tolerance (1e-7): a column
 * that is a linear combination of the earlier ones is refused, named, where R would report an
 * NA coefficient. Written by hand: the project carries no linear-algebra library and the
 * logistic code already solves its small systems itself.
 *
 * <pre>{@code
 * LinearFit f = LinearRegression.fit(Design.of(List.of("bme"), bme), ppr, 0.95);
 * f.coefficient("bme").estimate();
 * }</pre>
 */
public final class LinearRegression {
    /** Relative size below which a diagonal element of R means a collinear column (lm's tol). */
    static final double TOLERANCE = 1e-7;

    private LinearRegression() { }

    /** One coefficient: estimate, SE, t, p (two-sided) and the confidence interval. */
    public record Term(String name, double estimate, double se, double t, double p, double lower, double upper) { }

    /**
     * @param df        residual degrees of freedom n - p - 1
     * @param sigma     residual standard error
     * @param fStatistic overall F against the intercept-only model (NaN without predictors)
     */
    public record LinearFit(List<Term> terms, int n, int df, double sigma, double rSquared, double adjustedRSquared,
                            double fStatistic, int fDf1, double fP, double confidenceLevel) {
        public LinearFit {
            terms = List.copyOf(terms);
        }

        public Term coefficient(String name) {
            return terms.stream().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no coefficient '" + name + "'"));
        }
    }

    /** Fits y ~ 1 + design; every value must be finite; needs n > p + 1. */
    public static LinearFit fit(Design design, double[] y, double confidenceLevel) {
        int n = y.length;
        int p = design.p() + 1;
        if (design.p() > 0 && design.columns()[0].length != n) {
            throw new StatsInputException.DimensionMismatchException("rows of the outcome", design.columns()[0].length, n);
        }
        for (int i = 0; i < n; i++) if (!Double.isFinite(y[i])) throw new StatsInputException.MissingValueException("outcome", i, y[i]);
        if (n <= p) throw new StatsInputException.DegenerateDataException(n + " observations for " + p + " parameters: no residual degrees of freedom");
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new StatsInputException("confidence level " + confidenceLevel + " is not in (0, 1)");
        List<String> names = new ArrayList<>();
        names.add(Design.INTERCEPT);
        names.addAll(design.names());
        // a = X column-major, overwritten by the Householder vectors; qty = Q'y
        double[][] a = new double[p][];
        a[0] = new double[n];
        java.util.Arrays.fill(a[0], 1.0);
        for (int j = 1; j < p; j++) a[j] = design.columns()[j - 1].clone();
        double[] qty = y.clone();
        double[] diag = new double[p];
        double[] norms = new double[p];
        for (int j = 0; j < p; j++) norms[j] = norm(a[j], 0);
        for (int k = 0; k < p; k++) {
            double alpha = norm(a[k], k);
            if (alpha <= TOLERANCE * Math.max(norms[k], Double.MIN_NORMAL)) {
                throw new StatsInputException.SingularDesignException(names.get(k));
            }
            if (a[k][k] > 0) alpha = -alpha;
            // v = x - alpha e_k, stored in a[k][k..]
            a[k][k] -= alpha;
            double vv = 0;
            for (int i = k; i < n; i++) vv += a[k][i] * a[k][i];
            for (int j = k + 1; j < p; j++) reflect(a[k], a[j], k, vv);
            reflect(a[k], qty, k, vv);
            diag[k] = alpha;
        }
        // R: diag on the diagonal, a[j][k] (k < j) above it
        double[] beta = new double[p];
        for (int k = p - 1; k >= 0; k--) {
            double s = qty[k];
            for (int j = k + 1; j < p; j++) s -= a[j][k] * beta[j];
            beta[k] = s / diag[k];
        }
        // Rinv (upper triangular), then (X'X)^-1 = Rinv Rinv'
        double[][] rinv = new double[p][p];
        for (int k = 0; k < p; k++) {
            rinv[k][k] = 1 / diag[k];
            for (int i = k - 1; i >= 0; i--) {
                double s = 0;
                for (int j = i + 1; j <= k; j++) s += a[j][i] * rinv[j][k];
                rinv[i][k] = -s / diag[i];
            }
        }
        double rss = 0;
        for (int i = p; i < n; i++) rss += qty[i] * qty[i];
        double mean = 0;
        for (double v : y) mean += v;
        mean /= n;
        double tss = 0;
        for (double v : y) tss += (v - mean) * (v - mean);
        int df = n - p;
        double s2 = rss / df;
        double tq = p > 0 ? Math.sqrt(Distributions.fQuantile(confidenceLevel, 1, df)) : Double.NaN;
        List<Term> terms = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            double v = 0;
            for (int j = k; j < p; j++) v += rinv[k][j] * rinv[k][j];
            double se = Math.sqrt(s2 * v);
            double t = beta[k] / se;
            terms.add(new Term(names.get(k), beta[k], se, t, tP(t, df), beta[k] - tq * se, beta[k] + tq * se));
        }
        double r2 = p == 1 ? 0 : 1 - rss / tss;
        double adj = p == 1 ? 0 : 1 - (1 - r2) * (n - 1) / df;
        double f = p == 1 ? Double.NaN : ((tss - rss) / (p - 1)) / s2;
        double fp = p == 1 ? Double.NaN : Distributions.fSf(f, p - 1, df);
        return new LinearFit(terms, n, df, Math.sqrt(s2), r2, adj, f, p - 1, fp, confidenceLevel);
    }

    /** Two-sided p of a t statistic on df degrees of freedom: P(F(1, df) &gt; t²). */
    public static double tP(double t, double df) {
        if (Double.isNaN(t)) return Double.NaN;
        return Distributions.fSf(t * t, 1, df);
    }

    private static double norm(double[] x, int from) {
        double scale = 0;
        for (int i = from; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
        if (scale == 0) return 0;
        double s = 0;
        for (int i = from; i < x.length; i++) { double v = x[i] / scale; s += v * v; }
        return scale * Math.sqrt(s);
    }

    /** x := (I - 2 v v' / v'v) x on rows from..n-1. */
    private static void reflect(double[] v, double[] x, int from, double vv) {
        double d = 0;
        for (int i = from; i < x.length; i++) d += v[i] * x[i];
        double f = 2 * d / vv;
        for (int i = from; i < x.length; i++) x[i] -= f * v[i];
    }
}
