package org.parsreader.findings.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One line of the audit log.
 *
 * @param time when (UTC)
 * @param reader whose findings file
 * @param who the person or component that acted ("R1", "autosave (R1)")
 * @param action what kind of change
 * @param what free text: what changed, why, which version was restored, the damage found
 * @param sha256 hex SHA-256 of the content written (for a damaged file: of the damaged bytes)
 * @param bytes size of that content
 */
public record AuditEntry(Instant time, String reader, String who, AuditAction action, String what,
        String sha256, long bytes) {

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** An entry describing {@code content}. */
    public static AuditEntry of(Instant time, String reader, String who, AuditAction action, String what,
            byte[] content) {
        return new AuditEntry(time, reader, who, action, what, sha256(content), content.length);
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
