package org.parsreader.scoring.stats;

/**
 * A kappa coefficient with its asymptotic standard error and normal-theory interval
 * {@code kappa -/+ z se}, clamped to [-1, 1] as psych::cohen.kappa does. All NaN when
 * kappa is undefined (both readers use a single category only).
 */
public record KappaEstimate(double kappa, double se, double lower, double upper) {
    static final KappaEstimate UNDEFINED = new KappaEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
