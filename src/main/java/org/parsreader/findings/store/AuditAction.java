package org.parsreader.findings.store;

import java.util.Arrays;
import java.util.Optional;

/** What an audit log line records. */
public enum AuditAction {
    /** New content saved by a user or by autosave. */
    SAVE("save"),
    /** A kept version brought back as the current findings (itself a save). */
    RESTORE("restore"),
    /** A current file failed the integrity check and was renamed aside, bytes untouched. */
    DAMAGED_MOVED_ASIDE("damaged-moved-aside"),
    /** The read was frozen (completed, or the consensus began): no save until it is unfrozen. */
    FREEZE("freeze"),
    /** A frozen read was unlocked, with who and why. */
    UNFREEZE("unfreeze"),
    /** The content rewritten to a newer template version, values kept (a frozen read's freeze moves with it). */
    MIGRATE("migrate");

    private final String key;

    AuditAction(String key) {
        this.key = key;
    }

    /** The name written to the log. */
    public String key() { return key; }

    /** The action with this log name, or empty. */
    public static Optional<AuditAction> fromKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }
}
