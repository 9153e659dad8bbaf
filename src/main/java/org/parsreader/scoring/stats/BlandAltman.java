package org.parsreader.scoring.stats;

/**
 * Bland-Altman agreement of two readers on a continuous measure (Bland &amp; Altman 1986,
 * Lancet i:307; intervals Bland &amp; Altman 1999, Stat Methods Med Res 8:135): differences
 * {@code d = a - b}, bias {@code mean(d)}, limits of agreement {@code bias -/+ z sd(d)} with
 * {@code z = qnorm(0.975)} (1.96). Confidence intervals (t with n - 1 df): bias
 * {@code -/+ t sd / sqrt(n)}, each limit {@code -/+ t sd sqrt(3 / n)} (the approximate SE of
 * 1999, section 4.3). These assume independent pairs: when one patient gives several pairs,
 * use the bootstrap by patient instead ({@link ClusterBootstrap}).
 *
 * <pre>{@code
 * BlandAltman r = BlandAltman.of(widthR1, widthR2, 0.95);
 * }</pre>
 */
public record BlandAltman(int n, double bias, double sd, double lowerLimit, double upperLimit, double biasLower,
                          double biasUpper, double lowerLimitLower, double lowerLimitUpper, double upperLimitLower,
                          double upperLimitUpper, double[] means, double[] differences) {

    /** Pairs (a[i], b[i]), finite, at least 2. */
    public static BlandAltman of(double[] a, double[] b, double confidenceLevel) {
        if (a.length != b.length) throw new StatsInputException.DimensionMismatchException("ratings of reader 2", a.length, b.length);
        int n = a.length;
        if (n < 2) throw new StatsInputException.DegenerateDataException("Bland-Altman needs at least 2 pairs, got " + n);
        double[] mean = new double[n];
        double[] diff = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i])) throw new StatsInputException.MissingValueException("reader 1", i, a[i]);
            if (!Double.isFinite(b[i])) throw new StatsInputException.MissingValueException("reader 2", i, b[i]);
            mean[i] = (a[i] + b[i]) / 2;
            diff[i] = a[i] - b[i];
            s += diff[i];
        }
        double bias = s / n;
        double ss = 0;
        for (double d : diff) ss += (d - bias) * (d - bias);
        double sd = Math.sqrt(ss / (n - 1));
        double z = Distributions.normalQuantile(0.975);
        double t = tQuantile(0.5 + confidenceLevel / 2, n - 1);
        double seBias = sd / Math.sqrt(n);
        double seLimit = sd * Math.sqrt(3.0 / n);
        double lo = bias - z * sd;
        double hi = bias + z * sd;
        return new BlandAltman(n, bias, sd, lo, hi, bias - t * seBias, bias + t * seBias, lo - t * seLimit, lo + t * seLimit,
                hi - t * seLimit, hi + t * seLimit, mean, diff);
    }

    /** Student's t quantile for p above 0.5, from F(1, df): {@code qt(p, df)^2 = qf(2p - 1, 1, df)}. */
    static double tQuantile(double p, double df) {
        return Math.sqrt(Distributions.fQuantile(2 * p - 1, 1, df));
    }
}
