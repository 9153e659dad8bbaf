package org.parsreader.scoring.stats;

/**
 * Tests of independence in a table of counts: Pearson's chi-square without continuity
 * correction (R's {@code chisq.test(t, correct = FALSE)}) and Fisher's exact test for 2 x 2
 * tables (R's {@code fisher.test}, two-sided: the tables at most as likely as the observed
 * one, with R's relative tolerance 1e-7). {@link #choose} picks Fisher when a 2 x 2 table
 * has an expected count below 5, as journals ask. Written by hand (no statistics library in
 * the project); a shared implementation of these tests (issue 15 point 1) may replace it.
 *
 * <pre>{@code
 * ContingencyTest.Result r = ContingencyTest.choose(new long[][] {{12, 8}, {5, 15}});
 * r.p();  r.method();
 * }</pre>
 */
public final class ContingencyTest {
    private ContingencyTest() { }

    /** @param statistic chi-square (NaN for Fisher), df its degrees of freedom, minExpected smallest expected count */
    public record Result(String method, double statistic, int df, double p, double minExpected) { }

    public static final String CHI_SQUARE = "Pearson chi-square";
    public static final String FISHER = "Fisher exact";

    /** Fisher for a 2 x 2 table with an expected count below 5, otherwise chi-square. */
    public static Result choose(long[][] t) {
        double minE = minExpected(t);
        if (t.length == 2 && t[0].length == 2 && minE < 5) return fisher2x2(t);
        return chiSquare(t);
    }

    public static Result chiSquare(long[][] t) {
        check(t);
        int r = t.length, c = t[0].length;
        double[] rs = new double[r];
        double[] cs = new double[c];
        double n = 0;
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) { rs[i] += t[i][j]; cs[j] += t[i][j]; n += t[i][j]; }
        double x2 = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double e = rs[i] * cs[j] / n;
                x2 += (t[i][j] - e) * (t[i][j] - e) / e;
            }
        }
        int df = (r - 1) * (c - 1);
        return new Result(CHI_SQUARE, x2, df, Distributions.chiSquareSf(x2, df), minExpected(t));
    }

    public static Result fisher2x2(long[][] t) {
        check(t);
        if (t.length != 2 || t[0].length != 2) throw new StatsInputException("Fisher's exact test here needs a 2 x 2 table, got "
                + t.length + " x " + t[0].length);
        long a = t[0][0], r1 = t[0][0] + t[0][1], c1 = t[0][0] + t[1][0], n = r1 + t[1][0] + t[1][1];
        long lo = Math.max(0, r1 + c1 - n), hi = Math.min(r1, c1);
        double[] logp = new double[(int) (hi - lo + 1)];
        double max = Double.NEGATIVE_INFINITY;
        for (long x = lo; x <= hi; x++) {
            double l = logChoose(r1, x) + logChoose(n - r1, c1 - x) - logChoose(n, c1);
            logp[(int) (x - lo)] = l;
            max = Math.max(max, l);
        }
        double total = 0, le = 0;
        double obs = logp[(int) (a - lo)];
        for (double l : logp) {
            double d = Math.exp(l - max);
            total += d;
            if (d <= Math.exp(obs - max) * (1 + 1e-7)) le += d;
        }
        return new Result(FISHER, Double.NaN, 1, Math.min(1, le / total), minExpected(t));
    }

    /** The smallest expected count under independence. */
    public static double minExpected(long[][] t) {
        check(t);
        double n = 0;
        double[] rs = new double[t.length];
        double[] cs = new double[t[0].length];
        for (int i = 0; i < t.length; i++) for (int j = 0; j < t[0].length; j++) { rs[i] += t[i][j]; cs[j] += t[i][j]; n += t[i][j]; }
        double m = Double.POSITIVE_INFINITY;
        for (double r : rs) for (double c : cs) m = Math.min(m, r * c / n);
        return m;
    }

    private static double logChoose(long n, long k) {
        return Distributions.logGamma(n + 1.0) - Distributions.logGamma(k + 1.0) - Distributions.logGamma(n - k + 1.0);
    }

    private static void check(long[][] t) {
        if (t.length < 2 || t[0].length < 2) throw new StatsInputException("a test of independence needs at least 2 x 2 counts");
        for (long[] row : t) {
            if (row.length != t[0].length) throw new StatsInputException("rows of the table differ in length");
            double s = 0;
            for (long v : row) { if (v < 0) throw new StatsInputException("negative count " + v); s += v; }
            if (s == 0) throw new StatsInputException("a row of the table has no observations");
        }
        for (int j = 0; j < t[0].length; j++) {
            long s = 0;
            for (long[] row : t) s += row[j];
            if (s == 0) throw new StatsInputException("a column of the table has no observations (all outcomes equal)");
        }
    }
}
