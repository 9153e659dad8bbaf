package org.parsreader.scoring.analysis;

/**
 * A raw p-value's multiplicity-adjusted values ({@link Multiplicity}): Holm and
 * Benjamini-Hochberg within its family (one reader and time point) and over all tests of
 * the table together. NaN where the raw p is missing or no adjustment was made.
 *
 * @param holm    Holm within the reader x time point family
 * @param bh      Benjamini-Hochberg within the reader x time point family
 * @param holmAll Holm over all tests of the table (every reader and time point)
 * @param bhAll   Benjamini-Hochberg over all tests of the table
 */
public record AdjustedP(double holm, double bh, double holmAll, double bhAll) {
    /** Not adjusted (results made outside a {@link org.parsreader.scoring.ScoringRun}). */
    public static final AdjustedP NONE = new AdjustedP(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
