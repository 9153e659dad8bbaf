package org.parsreader.findings.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Objects;
import java.util.List;

/**
 * A frozen read: the reader's findings as they were when the read was completed or the
 * consensus began ({@code findings/<reader>.frozen.json}). The store refuses every save of a
 * frozen reader, and refuses to read a current file whose SHA-256 is not {@link #sha256} (a hand
 * edit on disk), until the freeze is lifted with a reason ({@link ReaderSession#unfreeze}).
 *
 * @param reader whose findings
 * @param sha256 hex SHA-256 of the frozen content
 * @param bytes its size
 * @param time when it was frozen (UTC)
 * @param who who froze it ("R1", "study lead jd")
 * @param why why ("marked complete", "consensus started")
 */
public record FreezeRecord(String reader, String sha256, long bytes, Instant time, String who, String why) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> FIELDS = List.of("reader", "sha256", "bytes", "time", "who", "why");

    public FreezeRecord {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(why, "why");
    }

    /** Whether {@code content} is exactly the frozen content. */
    public boolean matches(byte[] content) {
        return content != null && content.length == bytes && AuditEntry.sha256(content).equals(sha256);
    }

    /** "frozen 2026-12-02T03:00:00Z by R1 (marked complete)" */
    public String describe() {
        return "frozen " + time + " by " + who + " (" + why + ")";
    }

    byte[] toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("reader", reader);
        o.put("sha256", sha256);
        o.put("bytes", bytes);
        o.put("time", time.toString());
        o.put("who", who);
        o.put("why", why);
        try {
            return (MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a freeze record", e);
        }
    }

    /** Reads a record strictly: every field present, no other field; an error names the file. */
    static FreezeRecord parse(Path file, byte[] json) throws FindingsStoreException {
        try {
            JsonNode o = MAPPER.readTree(json);
            if (o == null || !o.isObject()) throw new FindingsStoreException(file, "freeze record is not a JSON object");
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!FIELDS.contains(f)) throw new FindingsStoreException(file, "freeze record has an unknown field '" + f + "'");
            }
            for (String f : FIELDS) {
                if (!o.hasNonNull(f)) throw new FindingsStoreException(file, "freeze record is missing '" + f + "'");
            }
            if (!o.get("bytes").canConvertToLong() || !o.get("sha256").asText().matches("[0-9a-f]{64}")) {
                throw new FindingsStoreException(file, "freeze record has no usable sha256/bytes");
            }
            return new FreezeRecord(o.get("reader").asText(), o.get("sha256").asText(), o.get("bytes").asLong(),
                    Instant.parse(o.get("time").asText()), o.get("who").asText(), o.get("why").asText());
        } catch (DateTimeParseException e) {
            throw new FindingsStoreException(file, "freeze record has an unreadable time: " + e.getParsedString());
        } catch (FindingsStoreException e) {
            throw e;
        } catch (IOException e) {
            throw new FindingsStoreException(file, "freeze record is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
