package org.parsreader.scoring.predictors;

/**
 * How findings per level and side become one value per patient and reader, over the
 * injected level(s). "Recorded" means a value of the finding at an injected level (any side).
 */
public enum RollUp {
    /** 1 if any recorded value is positive; 0 if values are recorded and none is; missing if none is recorded */
    ANY("any"),
    /** 1 if both sides of an injected level are positive; 0 if at every injected level a side is recorded negative; missing otherwise (three-valued logic) */
    BILATERAL("bilateral"),
    /** the worst (highest) grade recorded; missing if none */
    WORST("worst"),
    /** the largest recorded value; missing if none */
    MAX("max"),
    /** the sum over injections; missing if any injection lacks the value */
    SUM("sum"),
    /** the number of distinct values over all injections; missing if none recorded */
    UNION("union"),
    /** a per-patient value from the outcomes CSV */
    PATIENT("patient");

    private final String label;

    RollUp(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
