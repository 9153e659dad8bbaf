package org.parsreader.findings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Body side of a finding, with its DICOM CID 244 (SNOMED CT) code. */
public enum Side {
    LEFT("left", "7771000"), RIGHT("right", "24028007");

    private final String label;
    private final String snomed;

    Side(String label, String snomed) {
        this.label = label;
        this.snomed = snomed;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public String snomedCode() {
        return snomed;
    }

    /** "left", "L", "LEFT", "right", "R" ...; throws naming the value otherwise. */
    @JsonCreator
    public static Side parse(String s) {
        if (s == null) throw new IllegalArgumentException("side is missing; expected left or right");
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "left", "l", "lt", "sin" -> { return LEFT; }
            case "right", "r", "rt", "dex" -> { return RIGHT; }
            default -> throw new IllegalArgumentException("side '" + s + "' is not left or right");
        }
    }
}
