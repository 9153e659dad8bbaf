package org.parsreader.scoring.stats;

/**
 * One coefficient of a logistic model. Odds-ratio scale values are {@code exp} of the
 * log-odds values. Fields that a method does not compute are NaN: the intercept has no
 * likelihood-ratio test, maximum-likelihood fits have no profile interval.
 *
 * @param name         predictor name, {@link Design#INTERCEPT} for the intercept
 * @param estimate     log odds ratio (ML or Firth estimate)
 * @param se           standard error from the inverse Fisher information at the estimate
 * @param z            estimate / se
 * @param pWald        two-sided Wald p-value
 * @param oddsRatio    exp(estimate)
 * @param waldLower    exp(estimate - z_(1-alpha/2) se)
 * @param waldUpper    exp(estimate + z_(1-alpha/2) se)
 * @param lrChiSquare  likelihood-ratio statistic for estimate = 0 (Firth: penalised), 1 df
 * @param pLr          its chi-square p-value
 * @param profileLower lower profile (penalised) likelihood limit on the odds-ratio scale
 * @param profileUpper upper profile (penalised) likelihood limit on the odds-ratio scale
 */
public record Coefficient(String name, double estimate, double se, double z, double pWald,
                          double oddsRatio, double waldLower, double waldUpper,
                          double lrChiSquare, double pLr, double profileLower, double profileUpper) {
}
