package org.parsreader.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A reader's worklist over a folder of cases: every case folder (one with DICOM files or a
 * findings folder) in an order shuffled per reader, seeded by the reader id so it is the same
 * every time and different for each reader (so readers do not share order effects). Status
 * comes from the reader's findings file, so the list resumes where the reader left off.
 */
public final class Worklist {
    /** A case's state for this reader. */
    public enum Status { NOT_STARTED, IN_PROGRESS, COMPLETE }

    public record Entry(Path caseDir, Status status, int values) {}

    private final String readerId;
    private final ReadingTemplate template;
    private final List<Path> cases;
    private final List<String> required;

    private Worklist(String readerId, ReadingTemplate template, List<Path> cases, List<String> required) {
        this.readerId = readerId;
        this.template = template;
        this.cases = cases;
        this.required = required;
    }

    /**
     * The worklist of {@code readerId} over the case folders of {@code cohort}.
     *
     * @param required findings that must have a value (at any level) for a case to count as complete
     */
    public static Worklist of(Path cohort, String readerId, ReadingTemplate template, List<String> required) {
        if (!Files.isDirectory(cohort)) throw new FindingsException(cohort + ": not a folder of cases");
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(cohort)) {
            s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).sorted().forEach(cases::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String r : required) {
            if (template.finding(r).isEmpty()) throw new FindingsException("required finding '" + r + "' is not in template " + template.id());
        }
        Collections.shuffle(cases, new Random(seed(readerId)));
        return new Worklist(readerId, template, List.copyOf(cases), List.copyOf(required));
    }

    /**
     * The worklist of {@code readerId} over the given case folders, in the study's seeded order:
     * each case is placed by a key drawn from (seed, reader, case folder name) alone, so the
     * order is the same every time, different per reader, and stable when cases or readers are
     * added later: a new case slots in between, and the cases already there keep their order
     * ({@link #of}'s shuffle would reorder them all).
     */
    public static Worklist ofCases(List<Path> cases, String readerId, long seed, ReadingTemplate template, List<String> required) {
        for (String r : required) {
            if (template.finding(r).isEmpty()) throw new FindingsException("required finding '" + r + "' is not in template " + template.id());
        }
        List<Path> ordered = new ArrayList<>(cases);
        java.util.Map<Path, String> keys = new java.util.HashMap<>();
        for (Path c : ordered) keys.put(c, orderKey(seed, readerId, c.getFileName().toString()));
        ordered.sort(java.util.Comparator.comparing((Path c) -> keys.get(c)).thenComparing(c -> c.getFileName().toString()));
        return new Worklist(readerId, template, List.copyOf(ordered), List.copyOf(required));
    }

    /** The place of a case in a reader's study order: hex SHA-256 of seed, reader and case name. */
    static String orderKey(long seed, String readerId, String caseName) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((seed + "\n" + readerId + "\n" + caseName).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stable seed from the reader id (SHA-256), so the order does not depend on the JVM or the machine. */
    static long seed(String readerId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(readerId.getBytes(StandardCharsets.UTF_8));
            long s = 0;
            for (int i = 0; i < 8; i++) s = s << 8 | (h[i] & 0xFF);
            return s;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every case in this reader's order with its status (read now from the findings files). */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(cases.size());
        for (Path c : cases) out.add(entry(c));
        return out;
    }

    /** The status of one case for this reader (read now from its findings file). */
    public Entry entry(Path caseDir) {
        Path file = caseDir.resolve("findings").resolve(readerId + ".findings.json");
        if (!Files.exists(file)) return new Entry(caseDir, Status.NOT_STARTED, 0);
        try {
            FindingsDocument d = FindingsJson.readFile(file);
            boolean complete = !d.values().isEmpty() && required.stream().allMatch(r -> d.values().stream().anyMatch(v -> v.finding().equals(r)))
                    && FindingsValidator.validate(d, template).isEmpty();
            return new Entry(caseDir, complete ? Status.COMPLETE : Status.IN_PROGRESS, d.values().size());
        } catch (IOException | FindingsException e) {
            return new Entry(caseDir, Status.IN_PROGRESS, 0); // damaged: the store reports it when the case is opened
        }
    }

    /** Where to resume: the first case in order that is not complete. */
    public Optional<Path> resume() {
        for (Path c : cases) if (entry(c).status() != Status.COMPLETE) return Optional.of(c);
        return Optional.empty();
    }

    /** The case after {@code current} in this reader's order, if any. */
    public Optional<Path> next(Path current) {
        int i = cases.indexOf(current);
        return i >= 0 && i + 1 < cases.size() ? Optional.of(cases.get(i + 1)) : Optional.empty();
    }

    public Optional<Path> previous(Path current) {
        int i = cases.indexOf(current);
        return i > 0 ? Optional.of(cases.get(i - 1)) : Optional.empty();
    }

    /** Cases complete, of all. */
    public int[] progress() {
        int done = 0;
        for (Path c : cases) if (entry(c).status() == Status.COMPLETE) done++;
        return new int[] {done, cases.size()};
    }

    public List<Path> order() {
        return cases;
    }
}
