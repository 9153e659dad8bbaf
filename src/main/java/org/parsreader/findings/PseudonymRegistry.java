package org.parsreader.findings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The only place that links pseudonyms to patients: a CSV file of its own
 * ({@code pseudonym,patient_id}), kept apart from findings and exports, so that sharing
 * findings never shares identity. New patients get the next pseudonym (P0001, P0002 ...).
 */
public final class PseudonymRegistry {
    private static final String HEADER = "pseudonym,patient_id";
    private final Path file;
    private final Map<String, String> byPatient = new LinkedHashMap<>();

    private PseudonymRegistry(Path file) {
        this.file = file;
    }

    /** Opens (or starts) the registry in {@code file}; a damaged file is an error, never overwritten. */
    public static PseudonymRegistry open(Path file) throws IOException {
        PseudonymRegistry r = new PseudonymRegistry(file);
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                throw new FindingsException(file + ": not a pseudonym registry (first line must be '" + HEADER + "'); left unchanged");
            }
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                int comma = lines.get(i).indexOf(',');
                if (comma <= 0) throw new FindingsException(file + ": line " + (i + 1) + " is not 'pseudonym,patient_id'; left unchanged");
                String pseudonym = lines.get(i).substring(0, comma);
                String patient = unquote(lines.get(i).substring(comma + 1));
                if (r.byPatient.containsValue(pseudonym)) throw new FindingsException(file + ": pseudonym " + pseudonym + " appears twice (line " + (i + 1) + ")");
                r.byPatient.put(patient, pseudonym);
            }
        }
        return r;
    }

    /** The pseudonym of {@code patientId}, created and saved if new. */
    public synchronized String pseudonymFor(String patientId) throws IOException {
        if (patientId == null || patientId.isBlank()) throw new FindingsException("a patient without PatientID cannot get a pseudonym");
        String p = byPatient.get(patientId);
        if (p != null) return p;
        p = String.format("P%04d", byPatient.size() + 1);
        byPatient.put(patientId, p);
        save();
        return p;
    }

    /** The pseudonym the registry holds for {@code patientId}, without creating one. */
    public synchronized java.util.Optional<String> lookup(String patientId) {
        return java.util.Optional.ofNullable(patientId == null ? null : byPatient.get(patientId));
    }

    public synchronized int size() {
        return byPatient.size();
    }

    private void save() throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Map.Entry<String, String> e : byPatient.entrySet()) b.append(e.getValue()).append(',').append(FindingsCsv.cell(e.getKey())).append('\n');
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".pseudonyms", ".tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }
}
