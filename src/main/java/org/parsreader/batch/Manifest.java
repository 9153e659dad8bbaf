package org.parsreader.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parsreader.findings.store.AtomicFiles;

/**
 * What a batch ran: the tool's version, steps and parameters, when, and per case its status,
 * reason and outputs. Written atomically after every case, so that it is always a complete
 * JSON file and a rerun knows which cases are done.
 *
 * @param shard   "i/n", or null for the whole cohort (or a merge of shards)
 * @param cases   sorted by case name
 * @param score   the cohort scoring, or null when not asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(int formatVersion, String tool, String toolVersion, String cohort, List<String> steps, Map<String, String> parameters,
                       String shard, String startedAt, String endedAt, List<CaseEntry> cases, CaseEntry score) {
    public static final int FORMAT_VERSION = 1;
    public static final String FILE = "manifest.json";

    /** Case states. */
    public enum Status { done, failed, skipped }

    /**
     * One case (or the score run): {@code reason} says why it failed or was skipped;
     * {@code notes} what a step found nothing to do for; {@code outputs} relative to the out folder
     * unless absolute (findings files written in the case folder).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseEntry(String name, Status status, String reason, List<String> steps, List<String> outputs, List<String> notes,
                            String startedAt, String endedAt) {
        public CaseEntry {
            steps = steps == null ? List.of() : List.copyOf(steps);
            outputs = outputs == null ? List.of() : List.copyOf(outputs);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    public Manifest {
        steps = steps == null ? List.of() : List.copyOf(steps);
        parameters = parameters == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(parameters));
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Optional<CaseEntry> find(String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public long count(Status s) {
        return cases.stream().filter(c -> c.status() == s).count();
    }

    public byte[] toJson() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("manifest does not serialise: " + e.getMessage(), e);
        }
    }

    /** Atomically, so that an interrupted run leaves the previous complete manifest. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson());
    }

    public static Manifest read(Path file) throws IOException {
        try {
            Manifest m = MAPPER.readValue(Files.readAllBytes(file), Manifest.class);
            if (m.formatVersion() > FORMAT_VERSION) {
                throw new IOException(file + " is manifest format " + m.formatVersion() + "; this version reads up to " + FORMAT_VERSION);
            }
            return m;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is not a batch manifest: " + e.getOriginalMessage(), e);
        }
    }

    /** The manifest in {@code outDir}, if a previous run left one. */
    public static Optional<Manifest> readIfPresent(Path outDir) throws IOException {
        Path f = outDir.resolve(FILE);
        return Files.isRegularFile(f) ? Optional.of(read(f)) : Optional.empty();
    }
}
