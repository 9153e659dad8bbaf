package org.parsreader.scoring.stats;

import java.util.List;

/**
 * Agreement of two readers on a categorical item.
 *
 * @param n                  subjects rated by both readers
 * @param categories         category labels in the order used for the weights
 * @param observedAgreement  proportion of exact agreement
 * @param unweighted         Cohen's kappa (nominal)
 * @param linear             weighted kappa, weights 1 - |i-j|/(k-1)
 * @param quadratic          weighted kappa, weights 1 - (i-j)^2/(k-1)^2 (psych's default)
 */
public record KappaResult(int n, List<String> categories, double observedAgreement, KappaEstimate unweighted,
                          KappaEstimate linear, KappaEstimate quadratic) {
    public KappaResult {
        categories = List.copyOf(categories);
    }
}
