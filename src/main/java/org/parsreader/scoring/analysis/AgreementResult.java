package org.parsreader.scoring.analysis;

/**
 * Agreement of two readers on one item by one statistic.
 *
 * @param scope      "finding" (per level and side, as recorded) or "predictor" (per patient, rolled up)
 * @param item       the finding id ("hollenberg", "contrast_compartments=pars_defect") or predictor name
 * @param statistic  kappa, kappa_linear, kappa_quadratic or icc21
 * @param n          paired ratings (places or patients rated by both readers)
 * @param observedAgreement proportion of exact agreement (kappa statistics), NaN for ICC
 * @param note       why the estimate is missing, or empty
 */
public record AgreementResult(String scope, String item, String readerA, String readerB, String statistic, int n,
                             double estimate, double lower, double upper, double observedAgreement, String note) {
}
