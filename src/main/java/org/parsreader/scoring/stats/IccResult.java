package org.parsreader.scoring.stats;

/**
 * ICC(2,1) of Shrout &amp; Fleiss (1979): two-way random effects, absolute agreement,
 * single rater, with the F test of ICC = 0 and the 95 % interval of McGraw &amp; Wong
 * (1996, case 2A), as psych::ICC reports in its row "ICC2".
 *
 * @param icc      (MSR - MSE) / (MSR + (k-1) MSE + k (MSC - MSE) / n)
 * @param f        MSR / MSE
 * @param df1      n - 1
 * @param df2      (n - 1)(k - 1)
 * @param p        upper tail of F(df1, df2) at f
 * @param lower    lower confidence limit
 * @param upper    upper confidence limit
 * @param n        subjects
 * @param raters   raters (k)
 * @param msRows   mean square between subjects
 * @param msColumns mean square between raters
 * @param msError  residual mean square
 */
public record IccResult(double icc, double f, double df1, double df2, double p, double lower, double upper,
                        int n, int raters, double msRows, double msColumns, double msError) {
}
