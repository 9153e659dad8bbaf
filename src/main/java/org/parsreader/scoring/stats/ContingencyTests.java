package org.parsreader.scoring.stats;

import java.util.Arrays;

/**
 * Tests of independence in an r x c table of counts, two-sided, as R computes them:
 * <ul>
 * <li>{@link #chiSquare}: {@code chisq.test(x)} (Pearson; Yates' continuity correction
 *     {@code min(0.5, |O - E|)} for a 2 x 2 table, as R's default {@code correct = TRUE});</li>
 * <li>{@link #fisher}: {@code fisher.test(x)}: the sum of the probabilities (hypergeometric,
 *     conditional on both margins) of all tables no more probable than the observed one, with
 *     R's relative tolerance 1e-7. Here by enumerating every table with the observed margins;
 *     R uses the network algorithm (FEXACT) for r x c, which gives the same sum. Enumeration is
 *     bounded ({@link #MAX_TABLES}); a larger table is refused with a message rather than
 *     computed slowly (R itself needs a larger {@code workspace} there).</li>
 * <li>{@link #choose}: Fisher's exact test when any expected count is below 5, otherwise the
 *     chi-square test (the usual Cochran rule); a table too large to enumerate gets the
 *     chi-square test with a note saying so.</li>
 * </ul>
 * Rows or columns whose total is zero are dropped first (they carry no information; R's
 * chisq.test would return NaN, fisher.test drops them too).
 * Written by hand: commons-math3 has no Fisher test and its chi-square test has no Yates
 * correction, so it does not equal R for 2 x 2 tables.
 */
public final class ContingencyTests {
    public static final String CHI_SQUARE = "chi-square";
    public static final String CHI_SQUARE_YATES = "chi-square (Yates)";
    public static final String FISHER = "Fisher's exact";
    /** At most this many tables are enumerated for Fisher's exact test. */
    public static final long MAX_TABLES = 20_000_000L;

    private ContingencyTests() { }

    /** Chi-square test, or Fisher's exact test when an expected count is below 5. */
    public static TestResult choose(long[][] counts) {
        long[][] x = compact(counts);
        if (x.length < 2 || x[0].length < 2) return TestResult.notComputed(CHI_SQUARE, "fewer than two groups or two categories with counts");
        double[][] e = expected(x);
        for (double[] row : e) {
            for (double v : row) {
                if (v >= 5) continue;
                TestResult f = fisher(x);
                if (f.computed()) return f;
                TestResult c = chiSquare(x);
                return new TestResult(c.test(), c.statisticName(), c.statistic(), c.df(), c.p(), false,
                        "an expected count is below 5, but Fisher's exact test was not computed (" + f.note() + ")");
            }
        }
        return chiSquare(x);
    }

    /** R's {@code chisq.test(x)}: with Yates' continuity correction for a 2 x 2 table. */
    public static TestResult chiSquare(long[][] counts) {
        return chiSquare(counts, true);
    }

    /** {@code continuity} false: R's {@code chisq.test(x, correct = FALSE)}, Pearson's statistic for every table. */
    public static TestResult chiSquare(long[][] counts, boolean continuity) {
        long[][] x = compact(counts);
        if (x.length < 2 || x[0].length < 2) return TestResult.notComputed(CHI_SQUARE, "fewer than two groups or two categories with counts");
        double[][] e = expected(x);
        boolean yates = continuity && x.length == 2 && x[0].length == 2;
        double yc = 0;
        if (yates) {
            yc = 0.5;
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) yc = Math.min(yc, Math.abs(x[i][j] - e[i][j]));
        }
        double stat = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                double d = Math.abs(x[i][j] - e[i][j]) - yc;
                stat += d * d / e[i][j];
            }
        }
        double df = (x.length - 1) * (x[0].length - 1);
        return new TestResult(yates ? CHI_SQUARE_YATES : CHI_SQUARE, "X-squared", stat, df, Distributions.chiSquareSf(stat, df), false, "");
    }

    public static TestResult fisher(long[][] counts) {
        long[][] x = compact(counts);
        if (x.length < 2 || x[0].length < 2) return TestResult.notComputed(FISHER, "fewer than two groups or two categories with counts");
        int r = x.length, c = x[0].length;
        long[] rows = new long[r];
        long[] cols = new long[c];
        long n = 0;
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) { rows[i] += x[i][j]; cols[j] += x[i][j]; n += x[i][j]; }
        if (n > 100_000) return TestResult.notComputed(FISHER, "more than 100,000 counts: too large to enumerate");
        double[] lf = new double[(int) n + 1];
        for (int k = 2; k <= n; k++) lf[k] = lf[k - 1] + Math.log(k);
        double constant = -lf[(int) n];
        for (long v : rows) constant += lf[(int) v];
        for (long v : cols) constant += lf[(int) v];
        double observed = constant;
        for (long[] row : x) for (long v : row) observed -= lf[(int) v];
        Enumeration en = new Enumeration(r, c, rows, cols, lf, constant, observed + Math.log1p(1e-7));
        en.fill(0, 0, new long[c], 0);
        if (en.visited > MAX_TABLES) {
            return TestResult.notComputed(FISHER, "more than " + MAX_TABLES + " tables with these margins: too large to enumerate"
                    + " (" + r + " x " + c + ", n = " + n + ")");
        }
        return new TestResult(FISHER, "", Double.NaN, Double.NaN, Math.min(1, en.p), true, "");
    }

    /** Enumerates the tables with the given margins row by row, cell by cell. */
    private static final class Enumeration {
        final int r, c;
        final long[] rows, cols;
        final double[] lf;
        final double constant, limit;
        final long[][] cell;
        double p;
        long visited;

        Enumeration(int r, int c, long[] rows, long[] cols, double[] lf, double constant, double limit) {
            this.r = r;
            this.c = c;
            this.rows = rows;
            this.cols = cols;
            this.lf = lf;
            this.constant = constant;
            this.limit = limit;
            this.cell = new long[r][c];
        }

        /** colUsed: what rows before i took of each column; rowLeft: what is left of row i after column j - 1. */
        void fill(int i, int j, long[] colUsed, double logSoFar) {
            if (visited > MAX_TABLES) return;
            if (i == r - 1) {
                // the last row is fixed by the column margins
                double lp = logSoFar;
                for (int k = 0; k < c; k++) lp -= lf[(int) (cols[k] - colUsed[k])];
                visited++;
                double logp = constant + lp;
                if (logp <= limit) p += Math.exp(logp);
                return;
            }
            long used = 0;
            for (int k = 0; k < j; k++) used += cell[i][k];
            long rowLeft = rows[i] - used;
            if (j == c - 1) {
                long v = rowLeft;
                if (v > cols[j] - colUsed[j]) return;
                cell[i][j] = v;
                colUsed[j] += v;
                fill(i + 1, 0, colUsed, logSoFar - lf[(int) v]);
                colUsed[j] -= v;
                return;
            }
            // the columns after j must be able to take what is left of the row
            long restCapacity = 0;
            for (int k = j + 1; k < c; k++) restCapacity += cols[k] - colUsed[k];
            long lo = Math.max(0, rowLeft - restCapacity);
            long hi = Math.min(rowLeft, cols[j] - colUsed[j]);
            for (long v = lo; v <= hi; v++) {
                cell[i][j] = v;
                colUsed[j] += v;
                fill(i, j + 1, colUsed, logSoFar - lf[(int) v]);
                colUsed[j] -= v;
            }
        }
    }

    /** The smallest expected count under independence, after empty rows and columns are dropped; NaN for a table without two of each. */
    public static double minExpected(long[][] counts) {
        long[][] x = compact(counts);
        if (x.length < 2 || x[0].length < 2) return Double.NaN;
        double m = Double.POSITIVE_INFINITY;
        for (double[] row : expected(x)) for (double v : row) m = Math.min(m, v);
        return m;
    }

    /** Expected counts under independence: row total x column total / n. */
    static double[][] expected(long[][] x) {
        double n = 0;
        double[] rows = new double[x.length];
        double[] cols = new double[x[0].length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) { rows[i] += x[i][j]; cols[j] += x[i][j]; n += x[i][j]; }
        double[][] e = new double[x.length][cols.length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < cols.length; j++) e[i][j] = rows[i] * cols[j] / n;
        return e;
    }

    /** The table without rows or columns whose total is zero; refuses negative counts and ragged rows. */
    static long[][] compact(long[][] x) {
        if (x.length == 0) return new long[0][0];
        int c = x[0].length;
        long[] colSum = new long[c];
        boolean[] keepRow = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != c) throw new StatsInputException("contingency table row " + (i + 1) + " has " + x[i].length + " cells, row 1 has " + c);
            long s = 0;
            for (int j = 0; j < c; j++) {
                if (x[i][j] < 0) throw new StatsInputException("negative count " + x[i][j] + " at row " + (i + 1) + ", column " + (j + 1));
                s += x[i][j];
                colSum[j] += x[i][j];
            }
            keepRow[i] = s > 0;
        }
        int[] cols = java.util.stream.IntStream.range(0, c).filter(j -> colSum[j] > 0).toArray();
        return java.util.stream.IntStream.range(0, x.length).filter(i -> keepRow[i])
                .mapToObj(i -> Arrays.stream(cols).mapToLong(j -> x[i][j]).toArray()).toArray(long[][]::new);
    }
}
