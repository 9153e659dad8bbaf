package org.parsreader.scoring.outcome;

import java.util.Locale;

/** What a missing follow-up means: left out (complete case, the default) or a failure (non-responder sensitivity analysis). */
public enum MissingRule {
    COMPLETE_CASE("complete", "complete case (missing follow-up left out)"),
    FAILURE("failure", "missing follow-up counts as failure");

    private final String key;
    private final String label;

    MissingRule(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static MissingRule parse(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (MissingRule m : values()) if (m.key.equals(k)) return m;
        throw new IllegalArgumentException("missing-follow-up rule '" + s + "' is not 'complete' or 'failure'");
    }
}
