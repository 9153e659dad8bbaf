package org.parsreader.scoring.analysis;

import java.util.List;

/**
 * Agreement of a set of readers (two, or all of them) on one item by one statistic.
 *
 * @param scope      "finding" (per level and side, as recorded) or "predictor" (per patient, rolled up)
 * @param item       the finding id ("hollenberg", "contrast_compartments=pars_defect") or predictor name
 * @param readers    the readers compared: a pair, or three or more for the many-reader statistics
 * @param statistic  kappa, kappa_linear, kappa_quadratic, percent_agreement, ac1, pabak (pairs);
 *                   fleiss_kappa, alpha_nominal, alpha_ordinal, alpha_interval (three or more readers);
 *                   icc21, icc31 or icc2k (the chosen form); ba_bias, ba_lower_loa, ba_upper_loa (pairs, numbers)
 * @param n          places (finding) or patients (predictor) rated by every reader of the set
 * @param patients   patients among them (the clusters of the bootstrap)
 * @param lower      analytic 95 % limit where the statistic has one (kappa, ICC, Bland-Altman), else NaN
 * @param observedAgreement proportion of exact agreement (kappa rows), NaN otherwise
 * @param bootLower  percentile 95 % limit of the bootstrap by patient, NaN when not run
 * @param resamples  bootstrap resamples in which the statistic was defined (0 when not run)
 * @param note       why the estimate or its bootstrap is missing or partial, or empty
 */
public record AgreementResult(String scope, String item, List<String> readers, String statistic, int n, int patients,
                             double estimate, double lower, double upper, double observedAgreement, double bootLower,
                             double bootUpper, int resamples, String note) {
    public AgreementResult {
        readers = List.copyOf(readers);
    }

    /** The readers as "R1 vs R2" or "R1, R2, R3". */
    public String readerLabel() {
        return readers.size() == 2 ? readers.get(0) + " vs " + readers.get(1) : String.join(", ", readers);
    }
}
