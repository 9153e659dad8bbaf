package org.parsreader.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.findings.store.AtomicFiles;

/**
 * The provenance of a consensus read ({@code findings/<consensus reader>.consensus.json}, beside
 * the read): which frozen reads it was made from (by checksum), the values taken over because the
 * readers agreed, the disagreements still open, and every resolution with how and by whom. The
 * findings format has no per-value provenance, so it lives here; the audit log has a line for
 * each change of the consensus read as well.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsensusRecord(int schemaVersion, String caseId, String consensusReader, String createdBy, Instant created,
                              List<ReadRef> reads, List<Agreed> agreed, List<Discrepancies.Discrepancy> open, List<Resolution> resolutions) {
    public static final int SCHEMA_VERSION = 1;
    public static final String SUFFIX = ".consensus.json";

    public ConsensusRecord {
        reads = reads == null ? List.of() : List.copyOf(reads);
        agreed = agreed == null ? List.of() : List.copyOf(agreed);
        open = open == null ? List.of() : List.copyOf(open);
        resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
    }

    /** A frozen independent read the consensus was made from. */
    public record ReadRef(String reader, String role, String sha256) {}

    /** A value both readers gave (numbers: within the tolerance; then the mean was taken). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Agreed(String finding, String level, Side side, Value value, String how) {}

    /** How a disagreement was resolved. */
    public enum How {
        AGREED, R1, R2, NEW, THIRD;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static How parse(String s) {
            for (How h : values()) if (h.label().equalsIgnoreCase(s == null ? "" : s.trim())) return h;
            throw new StudyException("--how " + (s == null ? "null" : "'" + s + "'") + " is not agreed, r1, r2, new or third");
        }
    }

    /** One resolution: the disagreement, how and by whom it was resolved, and the value the consensus now holds (null: none). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resolution(String finding, String level, Side side, String how, Value value, String by, Instant time,
                             List<Discrepancies.ReaderValue> readerValues) {}

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public static Path file(Path caseDir, String consensusReader) {
        return caseDir.resolve("findings").resolve(consensusReader + SUFFIX);
    }

    /** The record of a case's consensus, if it was created; a damaged record is an error naming the file. */
    public static Optional<ConsensusRecord> read(Path caseDir, String consensusReader) throws IOException {
        Path f = file(caseDir, consensusReader);
        byte[] b;
        try {
            b = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            ConsensusRecord r = MAPPER.readValue(b, ConsensusRecord.class);
            if (r == null || r.schemaVersion() != SCHEMA_VERSION) throw new StudyException(f + ": not a consensus record of schema " + SCHEMA_VERSION);
            return Optional.of(r);
        } catch (JsonProcessingException e) {
            throw new StudyException(f + ": damaged consensus record: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Writes the record atomically (the whole file or nothing). */
    public void write(Path caseDir) throws IOException {
        try {
            AtomicFiles.write(file(caseDir, consensusReader), (MAPPER.writeValueAsString(this) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new StudyException("cannot write the consensus record: " + e.getOriginalMessage(), e);
        }
    }

    /** This record with one disagreement moved from open to resolved. */
    ConsensusRecord resolved(Discrepancies.Discrepancy d, Resolution r) {
        List<Discrepancies.Discrepancy> o = new ArrayList<>(open);
        o.remove(d);
        List<Resolution> rs = new ArrayList<>(resolutions);
        rs.add(r);
        return new ConsensusRecord(schemaVersion, caseId, consensusReader, createdBy, created, reads, agreed, o, rs);
    }

    /** This record with a resolution taken back: the disagreement {@code d} is open again. */
    ConsensusRecord reopened(Resolution r, Discrepancies.Discrepancy d) {
        List<Resolution> rs = new ArrayList<>(resolutions);
        rs.remove(r);
        List<Discrepancies.Discrepancy> o = new ArrayList<>(open);
        o.add(d);
        return new ConsensusRecord(schemaVersion, caseId, consensusReader, createdBy, created, reads, agreed, o, rs);
    }
}
