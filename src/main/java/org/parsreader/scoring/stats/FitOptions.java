package org.parsreader.scoring.stats;

/**
 * Settings of a logistic fit.
 *
 * @param tolerance          convergence when every Newton step is below tolerance * (1 + |b_j|)
 * @param maxIterations      Newton iterations at most (ML under separation stops here, not converged)
 * @param likelihoodRatio    compute drop-one likelihood-ratio tests (one refit per coefficient)
 * @param profileIntervals   compute profile penalised-likelihood intervals (Firth only)
 * @param confidenceLevel    level of the intervals, e.g. 0.95
 */
public record FitOptions(double tolerance, int maxIterations, boolean likelihoodRatio,
                         boolean profileIntervals, double confidenceLevel) {
    public static final FitOptions DEFAULT = new FitOptions(1e-10, 50, true, true, 0.95);

    public FitOptions {
        if (!(tolerance > 0) || maxIterations < 1 || !(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new StatsInputException("invalid fit options: tolerance " + tolerance + ", maxIterations "
                    + maxIterations + ", confidenceLevel " + confidenceLevel);
        }
    }

    /** The same options without likelihood-ratio tests or profile intervals (fast screening). */
    public FitOptions waldOnly() {
        return new FitOptions(tolerance, maxIterations, false, false, confidenceLevel);
    }
}
