package org.parsreader.scoring.predictors;

/** What a column of the predictor table is for. */
public enum ColumnRole {
    /** modelled: one univariable model per predictor */
    PREDICTOR,
    /** an outcome at a time point (ppr_<t>, success_<t>); never a predictor */
    OUTCOME,
    /** described, not modelled (dose, procedure time) */
    DESCRIPTIVE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
