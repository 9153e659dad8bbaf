package org.parsreader.scoring.predictors;

/** The measurement scale of a table column. */
public enum PredictorType {
    /** 0/1 */
    BINARY,
    /** ordered grades coded as integers */
    ORDINAL,
    /** a count */
    COUNT,
    /** a real number */
    CONTINUOUS;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
