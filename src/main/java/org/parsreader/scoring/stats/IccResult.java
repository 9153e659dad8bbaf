package org.parsreader.scoring.stats;

/**
 * An ICC of Shrout &amp; Fleiss (1979) in the named {@link IccForm}, with the F test of
 * ICC = 0 and its interval as psych::ICC reports them (ICC(2,1): McGraw &amp; Wong 1996,
 * case 2A).
 *
 * @param icc      ICC(2,1): (MSR - MSE) / (MSR + (k-1) MSE + k (MSC - MSE) / n);
 *                 ICC(3,1): (MSR - MSE) / (MSR + (k-1) MSE); ICC(2,k): (MSR - MSE) / (MSR + (MSC - MSE) / n)
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
 * @param form     which ICC this is
 */
public record IccResult(double icc, double f, double df1, double df2, double p, double lower, double upper,
                        int n, int raters, double msRows, double msColumns, double msError, IccForm form) {
}
