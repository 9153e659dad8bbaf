package org.parsreader.scoring.stats;

/**
 * Wilcoxon signed-rank (paired) and Wilcoxon rank-sum / Mann-Whitney (two groups) tests,
 * two-sided, exactly as R's {@code wilcox.test} with its defaults ({@code exact = NULL},
 * {@code correct = TRUE}):
 * <ul>
 * <li>signed rank: differences of zero are dropped; V is the sum of the ranks of |d| over
 *     the positive d; the p-value is exact (the signed-rank distribution) when fewer than 50
 *     differences remain and there were neither ties nor zeros, otherwise normal with the
 *     tie-corrected variance and a continuity correction of 0.5 towards the mean;</li>
 * <li>rank sum: W is the rank sum of the first group minus n1 (n1 + 1) / 2; exact (the
 *     Wilcoxon distribution) when both groups have fewer than 50 values and there are no
 *     ties, otherwise normal with tie correction and continuity correction.</li>
 * </ul>
 * Written by hand: commons-math3's {@code WilcoxonSignedRankTest} and {@code MannWhitneyUTest}
 * use other rules (exact only up to 30 pairs, no continuity correction, no tie correction of
 * the exact choice), so their p-values differ from R's.
 */
public final class RankTests {
    public static final String SIGNED_RANK = "Wilcoxon signed-rank";
    public static final String RANK_SUM = "Mann-Whitney (Wilcoxon rank-sum)";

    private RankTests() { }

    /** Paired test of x - y (pairs where either is NaN are left out). */
    public static TestResult signedRank(double[] x, double[] y) {
        if (x.length != y.length) throw new StatsInputException("signed-rank test: " + x.length + " and " + y.length + " values are not pairs");
        double[] d = new double[x.length];
        int m = 0;
        boolean zeros = false;
        for (int i = 0; i < x.length; i++) {
            double v = x[i] - y[i];
            if (Double.isNaN(v)) continue;
            if (v == 0) { zeros = true; continue; }
            d[m++] = v;
        }
        d = java.util.Arrays.copyOf(d, m);
        if (m == 0) return TestResult.notComputed(SIGNED_RANK, "no pair differs");
        double[] abs = new double[m];
        for (int i = 0; i < m; i++) abs[i] = Math.abs(d[i]);
        double[] r = Descriptive.ranks(abs);
        double v = 0;
        for (int i = 0; i < m; i++) if (d[i] > 0) v += r[i];
        double ties = Descriptive.tieSum(abs);
        double n = m;
        if (m < 50 && ties == 0 && !zeros) {
            double[] dist = signedRankCounts(m);
            double total = Math.pow(2, m);
            double p;
            if (v > n * (n + 1) / 4) p = tail(dist, (int) v, dist.length - 1) / total;
            else p = tail(dist, 0, (int) v) / total;
            return new TestResult(SIGNED_RANK, "V", v, Double.NaN, Math.min(1, 2 * p), true, "");
        }
        double z = v - n * (n + 1) / 4;
        double sigma = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - ties / 48);
        double p = normalP(z, sigma);
        return new TestResult(SIGNED_RANK, "V", v, Double.NaN, p, false, approximationNote(ties > 0, zeros, m >= 50));
    }

    /** Two-group test: W of x against y (NaN values left out). */
    public static TestResult rankSum(double[] x, double[] y) {
        x = Descriptive.finite(x);
        y = Descriptive.finite(y);
        int nx = x.length, ny = y.length;
        if (nx == 0 || ny == 0) return TestResult.notComputed(RANK_SUM, "a group has no values");
        double[] all = new double[nx + ny];
        System.arraycopy(x, 0, all, 0, nx);
        System.arraycopy(y, 0, all, nx, ny);
        double[] r = Descriptive.ranks(all);
        double w = 0;
        for (int i = 0; i < nx; i++) w += r[i];
        w -= nx * (nx + 1.0) / 2;
        double ties = Descriptive.tieSum(all);
        if (nx < 50 && ny < 50 && ties == 0) {
            double[] dist = rankSumCounts(nx, ny);
            double total = 0;
            for (double c : dist) total += c;
            double p;
            if (w > nx * (double) ny / 2) p = tail(dist, (int) w, dist.length - 1) / total;
            else p = tail(dist, 0, (int) w) / total;
            return new TestResult(RANK_SUM, "W", w, Double.NaN, Math.min(1, 2 * p), true, "");
        }
        double z = w - nx * (double) ny / 2;
        double sigma = Math.sqrt((nx * (double) ny / 12) * ((nx + ny + 1) - ties / ((nx + ny) * (nx + ny - 1.0))));
        return new TestResult(RANK_SUM, "W", w, Double.NaN, normalP(z, sigma), false, approximationNote(ties > 0, false, nx >= 50 || ny >= 50));
    }

    private static String approximationNote(boolean ties, boolean zeros, boolean large) {
        String why = ties && zeros ? "ties and zero differences" : ties ? "ties" : zeros ? "zero differences" : large ? "50 or more values" : "";
        return "normal approximation with continuity correction (" + why + ")";
    }

    /** 2 min(P(Z &lt;= z'), P(Z &gt;= z')) with z' = (z - sign(z)/2) / sigma, as R. */
    private static double normalP(double z, double sigma) {
        double c = (z - Math.signum(z) * 0.5) / sigma;
        if (Double.isNaN(c)) return Double.NaN;
        return 2 * Math.min(Distributions.normalCdf(c), Distributions.normalSf(c));
    }

    private static double tail(double[] dist, int from, int to) {
        double s = 0;
        for (int k = Math.max(0, from); k <= Math.min(to, dist.length - 1); k++) s += dist[k];
        return s;
    }

    /** Number of subsets of {1..n} with each sum 0..n(n+1)/2 (R's csignrank). */
    static double[] signedRankCounts(int n) {
        int max = n * (n + 1) / 2;
        double[] c = new double[max + 1];
        c[0] = 1;
        for (int k = 1; k <= n; k++) {
            for (int s = Math.min(max, k * (k + 1) / 2); s >= k; s--) c[s] += c[s - k];
        }
        return c;
    }

    /**
     * Number of ways that m of the ranks 1..m+n sum to u + m(m+1)/2, for u = 0..mn (R's
     * cwilcox), by counting subsets of each size and sum, one rank at a time.
     */
    static double[] rankSumCounts(int m, int n) {
        int nn = m + n;
        int maxSum = m * (2 * nn - m + 1) / 2;
        double[][] c = new double[m + 1][maxSum + 1];
        c[0][0] = 1;
        for (int rank = 1; rank <= nn; rank++) {
            for (int size = Math.min(m, rank); size >= 1; size--) {
                double[] to = c[size];
                double[] from = c[size - 1];
                for (int s = maxSum; s >= rank; s--) to[s] += from[s - rank];
            }
        }
        int offset = m * (m + 1) / 2;
        double[] u = new double[m * n + 1];
        System.arraycopy(c[m], offset, u, 0, u.length);
        return u;
    }
}
