package org.parsreader.scoring.stats;

/**
 * Intraclass correlation for continuous ratings in the forms of {@link IccForm}: ICC(2,1),
 * ICC(3,1) and ICC(2,k), equal to R's {@code psych::ICC(x, lmer = FALSE)} rows "ICC2",
 * "ICC3" and "ICC2k" (for complete data lmer = TRUE gives the same mean squares unless a
 * variance component is negative). Sources: Shrout &amp; Fleiss
 * (1979) Psychol Bull 86:420; McGraw &amp; Wong (1996) Psychol Methods 1:30 (interval, with
 * Satterthwaite's degrees of freedom v).
 */
public final class Icc {
    private Icc() { }

    /** Two readers, one value each per subject. */
    public static IccResult icc21(double[] reader1, double[] reader2) {
        if (reader1.length != reader2.length) {
            throw new StatsInputException.DimensionMismatchException("ratings of reader 2", reader1.length, reader2.length);
        }
        double[][] x = new double[reader1.length][];
        for (int i = 0; i < x.length; i++) x[i] = new double[] {reader1[i], reader2[i]};
        return icc21(x, 0.95);
    }

    /** ICC(2,1) of {@code ratings[subject][rater]}. */
    public static IccResult icc21(double[][] ratings, double confidenceLevel) {
        return of(ratings, IccForm.ICC2_1, confidenceLevel);
    }

    /**
     * {@code ratings[subject][rater]}, complete (no NaN), at least 2 subjects and 2 raters.
     * ICC(3,1) has the F-based interval of Shrout &amp; Fleiss; ICC(2,k) the ICC(2,1) limits
     * stepped up by Spearman-Brown, as psych::ICC.
     */
    public static IccResult of(double[][] ratings, IccForm form, double confidenceLevel) {
        double[] ms = meanSquares(ratings);
        int n = ratings.length;
        int k = ratings[0].length;
        double msr = ms[0];
        double msc = ms[1];
        double mse = ms[2];
        double icc = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n);
        return withInterval(icc, msr, msc, mse, n, k, form, confidenceLevel);
    }

    /** The estimate alone (no test, no interval): what a bootstrap resample needs. */
    public static double estimate(double[][] ratings, IccForm form) {
        double[] ms = meanSquares(ratings);
        int n = ratings.length;
        int k = ratings[0].length;
        return switch (form) {
            case ICC2_1 -> (ms[0] - ms[2]) / (ms[0] + (k - 1) * ms[2] + k * (ms[1] - ms[2]) / n);
            case ICC3_1 -> (ms[0] - ms[2]) / (ms[0] + (k - 1) * ms[2]);
            case ICC2_K -> (ms[0] - ms[2]) / (ms[0] + (ms[1] - ms[2]) / n);
        };
    }

    /** {MSR, MSC, MSE} of the two-way layout without replication. */
    private static double[] meanSquares(double[][] ratings) {
        int n = ratings.length;
        int k = n == 0 ? 0 : ratings[0].length;
        if (n < 2 || k < 2) {
            throw new StatsInputException.DegenerateDataException("ICC needs at least 2 subjects and 2 raters, got "
                    + n + " x " + k);
        }
        double grand = 0;
        double[] rowMean = new double[n];
        double[] colMean = new double[k];
        for (int i = 0; i < n; i++) {
            if (ratings[i].length != k) throw new StatsInputException.DimensionMismatchException("raters in row " + i, k, ratings[i].length);
            for (int j = 0; j < k; j++) {
                double v = ratings[i][j];
                if (!Double.isFinite(v)) throw new StatsInputException.MissingValueException("rater " + (j + 1), i, v);
                rowMean[i] += v / k;
                colMean[j] += v / n;
                grand += v;
            }
        }
        grand /= (double) n * k;
        double ssr = 0;
        double ssc = 0;
        double sse = 0;
        for (int i = 0; i < n; i++) ssr += k * (rowMean[i] - grand) * (rowMean[i] - grand);
        for (int j = 0; j < k; j++) ssc += n * (colMean[j] - grand) * (colMean[j] - grand);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double e = ratings[i][j] - rowMean[i] - colMean[j] + grand;
                sse += e * e;
            }
        }
        double msr = ssr / (n - 1);
        double msc = ssc / (k - 1);
        double mse = sse / ((n - 1.0) * (k - 1));
        if (!(mse > 0)) throw new StatsInputException.DegenerateDataException("residual mean square is 0 (perfect agreement up to rater offsets)");
        return new double[] {msr, msc, mse};
    }

    private static IccResult withInterval(double icc, double msr, double msc, double mse, int n, int k, IccForm form, double confidenceLevel) {
        double f = msr / mse;
        double alpha = 1 - confidenceLevel;
        double df1 = n - 1;
        double df2 = (n - 1.0) * (k - 1);
        double p = Distributions.fSf(f, df1, df2);
        if (form == IccForm.ICC3_1) {
            double fl3 = f / Distributions.fQuantile(1 - alpha / 2, df1, df2);
            double fu3 = f * Distributions.fQuantile(1 - alpha / 2, df2, df1);
            return new IccResult((msr - mse) / (msr + (k - 1) * mse), f, df1, df2, p, (fl3 - 1) / (fl3 + k - 1),
                    (fu3 - 1) / (fu3 + k - 1), n, k, msr, msc, mse, form);
        }
        // McGraw & Wong (1996) case 2A, as psych::ICC
        double fj = msc / mse;
        double a = n * (1 + (k - 1) * icc) - k * icc;
        double vn = (k - 1) * (n - 1.0) * Math.pow(k * icc * fj + a, 2);
        double vd = (n - 1.0) * k * k * icc * icc * fj * fj + a * a;
        double v = vn / vd;
        double fu = Distributions.fQuantile(1 - alpha / 2, n - 1, v);
        double fl = Distributions.fQuantile(1 - alpha / 2, v, n - 1);
        double common = k * msc + (k * n - k - n) * mse;
        double lower = n * (msr - fu * mse) / (fu * common + n * msr);
        double upper = n * (fl * msr - mse) / (common + n * fl * msr);
        if (form == IccForm.ICC2_K) {
            return new IccResult((msr - mse) / (msr + (msc - mse) / n), f, df1, df2, p, lower * k / (1 + lower * (k - 1)),
                    upper * k / (1 + upper * (k - 1)), n, k, msr, msc, mse, form);
        }
        return new IccResult(icc, f, df1, df2, p, lower, upper, n, k, msr, msc, mse, form);
    }
}
