package org.parsreader.scoring.stats;

/**
 * Paired and Welch two-sample t tests, two-sided, as R's {@code t.test(x, y, paired = TRUE)}
 * and {@code t.test(x, y)} (var.equal = FALSE: Welch-Satterthwaite degrees of freedom). The t
 * distribution's tail is the regularised incomplete beta function of {@link Distributions}.
 * Written out (a few lines) because the statistics core has no numerical dependency.
 */
public final class TTests {
    public static final String PAIRED = "paired t";
    public static final String WELCH = "Welch t";

    private TTests() { }

    /** Paired t test of x - y (pairs where either is NaN are left out). */
    public static TestResult paired(double[] x, double[] y) {
        if (x.length != y.length) throw new StatsInputException("paired t test: " + x.length + " and " + y.length + " values are not pairs");
        double[] d = new double[x.length];
        int m = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i] - y[i];
            if (!Double.isNaN(v)) d[m++] = v;
        }
        d = java.util.Arrays.copyOf(d, m);
        if (m < 2) return TestResult.notComputed(PAIRED, "fewer than 2 pairs");
        double sd = Descriptive.sd(d);
        if (!(sd > 0)) return TestResult.notComputed(PAIRED, "all differences are equal");
        double t = Descriptive.mean(d) / (sd / Math.sqrt(m));
        return result(PAIRED, t, m - 1);
    }

    /** Welch's t test of x against y (NaN values left out). */
    public static TestResult welch(double[] x, double[] y) {
        x = Descriptive.finite(x);
        y = Descriptive.finite(y);
        if (x.length < 2 || y.length < 2) return TestResult.notComputed(WELCH, "a group has fewer than 2 values");
        double vx = Descriptive.sd(x), vy = Descriptive.sd(y);
        vx = vx * vx / x.length;
        vy = vy * vy / y.length;
        double se = Math.sqrt(vx + vy);
        if (!(se > 0)) return TestResult.notComputed(WELCH, "both groups are constant");
        double df = (vx + vy) * (vx + vy) / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
        double t = (Descriptive.mean(x) - Descriptive.mean(y)) / se;
        return result(WELCH, t, df);
    }

    private static TestResult result(String test, double t, double df) {
        return new TestResult(test, "t", t, df, twoSidedP(t, df), false, "");
    }

    /** 2 P(T &gt; |t|) with df degrees of freedom = I_{df/(df+t^2)}(df/2, 1/2). */
    public static double twoSidedP(double t, double df) {
        if (Double.isNaN(t)) return Double.NaN;
        if (Double.isInfinite(t)) return 0;
        return Math.min(1, Distributions.betaI(0.5 * df, 0.5, df / (df + t * t)));
    }
}
