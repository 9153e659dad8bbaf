package org.parsreader.scoring.predictors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsException;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.FindingsValidator;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.util.Parallel;

/**
 * The findings files of a cohort: every {@code *.findings.json} under a folder (a cohort
 * folder whose case folders hold {@code findings/}, or a plain folder of findings files),
 * kept versions excluded. A file that does not read or does not validate against its
 * template is reported in {@link #problems()} and left out; the others are used.
 */
public record FindingsCohort(List<Entry> entries, List<String> problems) {
    public static final String SUFFIX = ".findings.json";

    public FindingsCohort {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** One findings file and its document. */
    public record Entry(Path file, FindingsDocument document) {
        public String pseudonym() {
            return document.pseudonym();
        }

        public String reader() {
            return document.reader().id();
        }
    }

    public static FindingsCohort load(Path dir) throws IOException {
        return load(dir, Parallel.cores());
    }

    /**
     * As {@link #load(Path)} on {@code threads} threads: the files are read and validated in
     * parallel (reading the JSON was over a third of {@code score}'s time on 5,000 patients), then
     * taken in file order, so entries, duplicates and problems are the same for any thread count.
     */
    public static FindingsCohort load(Path dir, int threads) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + ": not a folder (expected a cohort folder or a folder of *" + SUFFIX + " files)");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .filter(p -> !hidden(dir.relativize(p)))
                    .sorted().toList();
        }
        Map<String, ReadingTemplate> templates = new ConcurrentHashMap<>();
        // one task per slice of files, not per file: 20,000 futures cost more than the reading they share out
        int slices = threads <= 1 ? 1 : Math.min(files.size(), 8 * threads);
        List<Callable<List<Object>>> tasks = new ArrayList<>();
        for (int k = 0; k < slices; k++) {
            List<Path> slice = files.subList(k * files.size() / slices, (k + 1) * files.size() / slices);
            tasks.add(() -> {
                List<Object> read = new ArrayList<>(slice.size());
                for (Path f : slice) read.add(readOne(f, templates));
                return read;
            });
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (List<Object> slice : Parallel.run(tasks, threads, "findings-reader")) {
            for (Object o : slice) {
                if (o instanceof String problem) {
                    problems.add(problem);
                    continue;
                }
                Entry e = (Entry) o;
                String key = e.document().pseudonym() + "/" + e.document().reader().id();
                Path first = seen.putIfAbsent(key, e.file());
                if (first != null) {
                    problems.add(e.file() + ": a second findings file of reader " + e.reader() + " for patient " + e.pseudonym() + " (first: " + first + "); left out");
                    continue;
                }
                entries.add(e);
            }
        }
        return new FindingsCohort(entries, problems);
    }

    /** One file read and validated: its {@link Entry}, or the problem (a String) that leaves it out. */
    private static Object readOne(Path f, Map<String, ReadingTemplate> templates) {
        try {
            FindingsDocument d = FindingsJson.readFile(f);
            String tid = d.template() == null ? null : d.template().id();
            ReadingTemplate t = templates.computeIfAbsent(String.valueOf(tid), id -> ReadingTemplate.builtIn(id));
            List<FindingsValidator.Problem> p = FindingsValidator.validate(d, t);
            if (!p.isEmpty()) {
                return f + ": invalid findings, left out: " + p.get(0) + (p.size() > 1 ? " (and " + (p.size() - 1) + " more)" : "");
            }
            return new Entry(f, d);
        } catch (FindingsException | IllegalArgumentException | IOException e) {
            String m = String.valueOf(e.getMessage());
            return (m.contains(f.toString()) ? m : f + ": " + m) + "; left out"; // the strict reader names the file itself
        }
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) if (part.toString().startsWith(".")) return true;
        return false;
    }

    /** Reader ids in role order (R1, R2, consensus), then by id. */
    public List<String> readers() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        entries.stream().sorted(Comparator.comparing((Entry e) -> e.document().reader().role()).thenComparing(Entry::reader))
                .forEach(e -> out.add(e.reader()));
        return List.copyOf(out);
    }

    /** The reader id a name given by the user means: an id, or a role label (R1, R2, consensus). */
    public String resolveReader(String name) {
        for (Entry e : entries) if (e.reader().equals(name)) return e.reader();
        for (Entry e : entries) {
            if (e.document().reader().role().label().equalsIgnoreCase(name) || e.reader().equalsIgnoreCase(name)) return e.reader();
        }
        throw new IllegalArgumentException("no findings of reader '" + name + "'; readers: " + readers());
    }

    /** One reader's documents, in file order. */
    public List<Entry> ofReader(String reader) {
        return entries.stream().filter(e -> e.reader().equals(reader)).toList();
    }
}
