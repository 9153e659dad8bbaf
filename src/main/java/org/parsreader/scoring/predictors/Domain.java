package org.parsreader.scoring.predictors;

/** Where a predictor comes from, for grouping in figures and tables, in display order. */
public enum Domain {
    MRI("MRI"), CT("CT"), INJECTION("Injection"), PATIENT("Patient"), OTHER("Other");

    private final String label;

    Domain(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
