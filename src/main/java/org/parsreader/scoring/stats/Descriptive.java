package org.parsreader.scoring.stats;

import java.util.Arrays;

/**
 * Descriptive statistics as R computes them: {@code mean}, {@code sd} (n - 1), and
 * {@code quantile(type = 7)} (R's default) for the median and the quartiles; {@code rank}
 * with ties averaged. Missing values (NaN) are left out and counted.
 */
public final class Descriptive {
    private Descriptive() { }

    /**
     * @param n       non-missing values
     * @param missing NaN values left out
     * @param sd      NaN for fewer than two values
     */
    public record Summary(int n, int missing, double mean, double sd, double median, double q1, double q3, double min, double max) { }

    public static Summary summary(double[] values) {
        double[] x = finite(values);
        int missing = values.length - x.length;
        if (x.length == 0) return new Summary(0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        Arrays.sort(x);
        return new Summary(x.length, missing, mean(x), sd(x), quantile7(x, 0.5), quantile7(x, 0.25), quantile7(x, 0.75), x[0], x[x.length - 1]);
    }

    /** The values that are not NaN, in order; an infinite value is refused (never a statistic). */
    static double[] finite(double[] values) {
        double[] x = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isInfinite(v)) throw new StatsInputException("infinite value " + v + " in a descriptive statistic");
            if (!Double.isNaN(v)) x[n++] = v;
        }
        return Arrays.copyOf(x, n);
    }

    /** Arithmetic mean; R's mean refines the sum by a second pass, and so does this. */
    public static double mean(double[] x) {
        if (x.length == 0) return Double.NaN;
        double s = 0;
        for (double v : x) s += v;
        double m = s / x.length;
        double t = 0;
        for (double v : x) t += v - m;
        return m + t / x.length;
    }

    /** Sample standard deviation (divisor n - 1), two-pass; NaN below two values. */
    public static double sd(double[] x) {
        if (x.length < 2) return Double.NaN;
        double m = mean(x);
        double ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        return Math.sqrt(ss / (x.length - 1));
    }

    /**
     * R's {@code quantile(x, p, type = 7)} of sorted values: index {@code h = 1 + (n - 1) p},
     * {@code (1 - f) x[floor h] + f x[ceil h]} with f the fraction of h.
     */
    public static double quantile7(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) return Double.NaN;
        double index = (n - 1) * p;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double q = sorted[lo];
        double h = index - lo;
        if (h > 0 && sorted[hi] != q) q = (1 - h) * q + h * sorted[hi];
        return q;
    }

    /**
     * Ranks 1..n with ties given their average rank (R's {@code rank}, ties.method "average").
     * A value's rank depends only on the value, so it is found in the sorted values (first and
     * last position of the value), with primitive sorting only.
     */
    public static double[] ranks(double[] x) {
        int n = x.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = x[i] + 0.0; // -0.0 == 0.0 as R compares them
        Arrays.sort(s);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double v = x[i] + 0.0;
            int first = lowerBound(s, v);
            int last = lowerBound(s, Math.nextUp(v)) - 1;
            r[i] = (first + last + 2) / 2.0;
        }
        return r;
    }

    /** The first index of sorted values whose value is at least v. */
    private static int lowerBound(double[] sorted, double v) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** The sum over tie groups of t^3 - t (t = size of the group), for the rank tests' variance. */
    static double tieSum(double[] x) {
        double[] s = new double[x.length];
        for (int i = 0; i < s.length; i++) s[i] = x[i] + 0.0;
        Arrays.sort(s);
        double sum = 0;
        for (int i = 0; i < s.length; ) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) j++;
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }
}
