package org.parsreader.scoring.stats;

/**
 * Kruskal-Wallis rank-sum test of k groups, as R's {@code kruskal.test}: H from the average
 * ranks of all values, divided by the tie correction 1 - sum(t^3 - t) / (n^3 - n), against a
 * chi-square distribution with k - 1 degrees of freedom. Used where more than two groups are
 * compared (Mann-Whitney and Welch's t compare two).
 */
public final class KruskalWallis {
    public static final String TEST = "Kruskal-Wallis";

    private KruskalWallis() { }

    /** Groups of values (NaN left out; empty groups dropped). */
    public static TestResult test(double[][] groups) {
        java.util.List<double[]> g = new java.util.ArrayList<>();
        for (double[] v : groups) {
            double[] f = Descriptive.finite(v);
            if (f.length > 0) g.add(f);
        }
        if (g.size() < 2) return TestResult.notComputed(TEST, "fewer than two groups with values");
        int n = 0;
        for (double[] v : g) n += v.length;
        double[] all = new double[n];
        int k = 0;
        for (double[] v : g) for (double x : v) all[k++] = x;
        double[] r = Descriptive.ranks(all);
        double stat = 0;
        k = 0;
        for (double[] v : g) {
            double s = 0;
            for (int i = 0; i < v.length; i++) s += r[k++];
            stat += s * s / v.length;
        }
        double nn = n;
        stat = (12 * stat / (nn * (nn + 1)) - 3 * (nn + 1)) / (1 - Descriptive.tieSum(all) / (nn * nn * nn - nn));
        double df = g.size() - 1;
        if (Double.isNaN(stat)) return TestResult.notComputed(TEST, "all values are equal");
        return new TestResult(TEST, "Kruskal-Wallis chi-squared", stat, df, Distributions.chiSquareSf(stat, df), false, "");
    }
}
