package org.parsreader.scoring.stats;

/**
 * One hypothesis test: which test, its statistic (named as R names it: V, W, t,
 * X-squared, or none for Fisher's exact test), degrees of freedom (NaN where none) and the
 * two-sided p-value (NaN when the test cannot be computed; {@link #note()} says why).
 *
 * @param exact true for an exact p-value (signed-rank or rank-sum distribution, Fisher)
 */
public record TestResult(String test, String statisticName, double statistic, double df, double p, boolean exact, String note) {
    public static TestResult notComputed(String test, String why) {
        return new TestResult(test, "", Double.NaN, Double.NaN, Double.NaN, false, why);
    }

    public boolean computed() {
        return !Double.isNaN(p);
    }
}
