package org.parsreader.findings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A reader's role in a reading study: first reader, second reader, or the consensus read. */
public enum Role {
    R1, R2, CONSENSUS;

    @JsonValue
    public String label() {
        return this == CONSENSUS ? "consensus" : name();
    }

    @JsonCreator
    public static Role parse(String s) {
        if (s == null) throw new IllegalArgumentException("role is missing; expected R1, R2 or consensus");
        return switch (s.trim().toUpperCase(Locale.ROOT)) {
            case "R1" -> R1;
            case "R2" -> R2;
            case "CONSENSUS", "C" -> CONSENSUS;
            default -> throw new IllegalArgumentException("role '" + s + "' is not R1, R2 or consensus");
        };
    }
}
