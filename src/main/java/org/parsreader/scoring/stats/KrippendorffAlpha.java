package org.parsreader.scoring.stats;

import java.util.Arrays;

/**
 * Krippendorff's alpha for any number of readers with missing ratings, nominal, ordinal and
 * interval metrics (Krippendorff 2011, "Computing Krippendorff's alpha-reliability", and
 * Hayes &amp; Krippendorff 2007, Commun Methods Meas 1:77). Written by hand: no JVM library
 * has it and Debian carries no R package with it ({@code irr} is not packaged);
 * {@code scripts/r-reference/agreement-beyond-kappa.R} computes it from the coincidence
 * matrix as the paper does.
 *
 * <p>{@code alpha = 1 - (n - 1) D_o / D_e}, with {@code D_o = sum_u sum_{i != j} delta^2(v_ui, v_uj) / (m_u - 1)}
 * over units with {@code m_u >= 2} values and {@code D_e = sum_{a,b} delta^2(v_a, v_b)} over
 * all n pairable values. Nominal: delta = 0 when equal, else 1. Interval: {@code (c - k)^2}.
 * Ordinal: {@code (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2}, which is the interval metric on
 * the mid-ranks {@code n_{<c} + n_c / 2} of the pairable values, computed so here.
 *
 * <pre>{@code
 * double a = KrippendorffAlpha.of(values, KrippendorffAlpha.Metric.ORDINAL).alpha(); // values[unit][reader], NaN = missing
 * }</pre>
 */
public final class KrippendorffAlpha {
    public enum Metric { NOMINAL, ORDINAL, INTERVAL }

    /**
     * @param alpha     NaN when D_e = 0 (every pairable value the same)
     * @param units     units with at least two values
     * @param pairable  n, the values in those units
     * @param observed  D_o / n
     * @param expected  D_e / (n (n - 1))
     */
    public record Result(Metric metric, double alpha, int units, int pairable, double observed, double expected) {
        public String undefinedReason() {
            if (!Double.isNaN(alpha)) return "";
            return units == 0 ? "undefined: no unit with two ratings" : "undefined: every rating is the same (no expected disagreement)";
        }
    }

    private KrippendorffAlpha() { }

    /** {@code values[unit][reader]}, NaN where a reader gave no value; nominal and ordinal values are category codes. */
    public static Result of(double[][] values, Metric metric) {
        int total = 0;
        int units = 0;
        for (double[] u : values) {
            int m = 0;
            for (double v : u) {
                if (Double.isInfinite(v)) throw new StatsInputException("infinite rating " + v);
                if (!Double.isNaN(v)) m++;
            }
            if (m >= 2) { units++; total += m; }
        }
        double[] pooled = new double[total];
        int t = 0;
        for (double[] u : values) {
            if (present(u) < 2) continue;
            for (double v : u) if (!Double.isNaN(v)) pooled[t++] = v;
        }
        if (units == 0) return new Result(metric, Double.NaN, 0, 0, Double.NaN, Double.NaN);
        double[] sorted = pooled;
        if (metric == Metric.ORDINAL) {
            sorted = pooled.clone();
            Arrays.sort(sorted);
        }
        double n = total;
        double dObs = 0;
        for (double[] u : values) {
            int m = present(u);
            if (m < 2) continue;
            double[] x = new double[m];
            int j = 0;
            for (double v : u) if (!Double.isNaN(v)) x[j++] = metric == Metric.ORDINAL ? midRank(sorted, v) : v;
            dObs += pairSum(x, metric) / (m - 1);
        }
        double[] all = pooled;
        if (metric == Metric.ORDINAL) {
            all = new double[total];
            for (int i = 0; i < total; i++) all[i] = midRank(sorted, pooled[i]);
        }
        double dExp = pairSum(all, metric);
        double alpha = dExp > 0 ? 1 - (n - 1) * dObs / dExp : Double.NaN;
        return new Result(metric, alpha, units, total, dObs / n, dExp / (n * (n - 1)));
    }

    /**
     * The same from category counts per unit ({@code counts[unit][category]}, readers who chose
     * each category): nominal and ordinal use the categories' order only; interval uses
     * {@code values[category]}. O(units x categories), for the bootstrap of graded items.
     */
    public static Result ofCounts(int[][] counts, double[] values, Metric metric) {
        int q = values.length;
        double[] nc = new double[q];
        int units = 0;
        int total = 0;
        for (int[] u : counts) {
            int m = 0;
            for (int v : u) m += v;
            if (m < 2) continue;
            units++;
            total += m;
            for (int c = 0; c < q; c++) nc[c] += u[c];
        }
        if (units == 0) return new Result(metric, Double.NaN, 0, 0, Double.NaN, Double.NaN);
        double[] x = new double[q];
        double below = 0;
        for (int c = 0; c < q; c++) {
            x[c] = metric == Metric.ORDINAL ? below + nc[c] / 2 : values[c];
            below += nc[c];
        }
        double n = total;
        double dObs = 0;
        for (int[] u : counts) {
            int m = 0;
            for (int v : u) m += v;
            if (m < 2) continue;
            dObs += pairSum(u, m, x, metric) / (m - 1);
        }
        double dExp;
        if (metric == Metric.NOMINAL) {
            double same = 0;
            for (double v : nc) same += v * v;
            dExp = n * n - same;
        } else {
            double s1 = 0;
            for (int c = 0; c < q; c++) s1 += nc[c] * x[c];
            double mean = s1 / n;
            double ss = 0;
            for (int c = 0; c < q; c++) ss += nc[c] * (x[c] - mean) * (x[c] - mean);
            dExp = 2 * n * ss;
        }
        double alpha = dExp > 0 ? 1 - (n - 1) * dObs / dExp : Double.NaN;
        return new Result(metric, alpha, units, total, dObs / n, dExp / (n * (n - 1)));
    }

    private static double pairSum(int[] u, int m, double[] x, Metric metric) {
        if (metric == Metric.NOMINAL) {
            double same = 0;
            for (int v : u) same += (double) v * v;
            return (double) m * m - same;
        }
        double s1 = 0;
        for (int c = 0; c < u.length; c++) s1 += u[c] * x[c];
        double mean = s1 / m;
        double ss = 0;
        for (int c = 0; c < u.length; c++) ss += u[c] * (x[c] - mean) * (x[c] - mean);
        return 2 * m * ss;
    }

    private static int present(double[] u) {
        int m = 0;
        for (double v : u) if (!Double.isNaN(v)) m++;
        return m;
    }

    /** n_{<v} + n_v / 2 among the sorted pairable values. */
    private static double midRank(double[] sorted, double v) {
        int lo = lowerBound(sorted, v);
        int hi = lowerBound(sorted, Math.nextUp(v));
        return lo + (hi - lo) / 2.0;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Sum of delta^2 over ordered pairs (a, b), a != b, of x. */
    private static double pairSum(double[] x, Metric metric) {
        int m = x.length;
        if (metric == Metric.NOMINAL) {
            double[] s = x.clone();
            Arrays.sort(s);
            double same = 0;
            for (int i = 0; i < m; ) {
                int j = i;
                while (j < m && s[j] == s[i]) j++;
                same += (double) (j - i) * (j - i);
                i = j;
            }
            return (double) m * m - same;
        }
        // sum_{a,b} (x_a - x_b)^2 = 2 m sum (x - mean)^2, centred for accuracy
        double mean = 0;
        for (double v : x) mean += v;
        mean /= m;
        double ss = 0;
        for (double v : x) ss += (v - mean) * (v - mean);
        return 2 * m * ss;
    }
}
