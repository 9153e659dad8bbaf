package org.parsreader.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Worklist;
import org.parsreader.findings.store.FindingsStore;

/**
 * A study file opened and checked: its cases folder and cases, its template, its readers. Every
 * problem of the file is reported at once, each naming the file, the field and the value.
 *
 * <pre>{@code
 * Study s = Study.open(Path.of("study.json"));
 * Worklist w = s.worklist("R1");          // R1's seeded order, stable when cases or readers are added
 * }</pre>
 */
public final class Study {
    private final Path file;
    private final StudyFile data;
    private final Path casesFolder;
    private final List<Path> cases;
    private final ReadingTemplate template;

    private Study(Path file, StudyFile data, Path casesFolder, List<Path> cases, ReadingTemplate template) {
        this.file = file;
        this.data = data;
        this.casesFolder = casesFolder;
        this.cases = cases;
        this.template = template;
    }

    /** Reads and checks {@code file}: a missing case, an unknown template or a wrong reader is a {@link StudyException} naming it. */
    public static Study open(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StudyException(file + ": no such study file (write one with 'study init')");
        }
        return of(file, StudyFile.read(bytes, file.toString()));
    }

    /** Checks a study file's content as if it were at {@code file} (relative paths are resolved against its folder). */
    public static Study of(Path file, StudyFile f) throws IOException {
        List<String> problems = new ArrayList<>();
        Path dir = file.toAbsolutePath().normalize().getParent();
        if (f.cases() == null || f.cases().folder() == null) problems.add("cases.folder is missing: the folder of the case folders");
        if (f.template() == null || f.template().id() == null || f.template().version() == null) {
            problems.add("template is missing or has no id and version, e.g. {\"id\": \"pars-injection\", \"version\": \"1.0.0\"}");
        }
        if (f.blinding() == null || f.blinding().identity() == null || f.blinding().otherReaders() == null) {
            problems.add("blinding is missing or incomplete: {\"identity\": true, \"otherReaders\": true}");
        }
        if (f.seed() == null) problems.add("seed is missing: the randomisation seed of the worklists");
        checkReaders(f, problems);
        ReadingTemplate t = null;
        if (f.template() != null && f.template().id() != null && f.template().version() != null) {
            try {
                t = f.template().file() != null ? ReadingTemplate.fromFile(dir.resolve(f.template().file()))
                        : ReadingTemplate.builtIn(f.template().id(), ReadingTemplate.BUILT_IN.contains(f.template().id())
                                && ReadingTemplate.KEPT_VERSIONS.getOrDefault(f.template().id(), List.of()).contains(f.template().version())
                                ? f.template().version() : null); // a study pinned to a kept earlier version keeps reading with it
                if (!t.id().equals(f.template().id())) {
                    problems.add("template.file " + f.template().file() + " is template '" + t.id() + "', not '" + f.template().id() + "'");
                } else if (!t.version().equals(f.template().version())) {
                    problems.add("template " + t.id() + " version '" + f.template().version() + "' is not the version here (" + t.version()
                            + (f.template().file() == null ? "; built in: " + String.join(", ", ReadingTemplate.builtInVersions(t.id())) : "")
                            + "); a study keeps one template version from start to end");
                }
            } catch (NoSuchFileException e) {
                problems.add("template.file " + dir.resolve(f.template().file()) + " does not exist");
            } catch (IllegalArgumentException | org.parsreader.findings.FindingsException e) {
                problems.add("template: " + e.getMessage());
            }
        }
        if (t != null) {
            for (Map.Entry<String, Double> e : f.tolerances().entrySet()) {
                Optional<ReadingTemplate.FindingType> ft = t.finding(e.getKey());
                if (ft.isEmpty()) problems.add("tolerances: '" + e.getKey() + "' is not a finding of template " + t.id());
                else if (ft.get().type() != ReadingTemplate.ValueType.NUMBER) problems.add("tolerances: '" + e.getKey() + "' is not a numeric finding");
                if (e.getValue() == null || !Double.isFinite(e.getValue()) || e.getValue() < 0) {
                    problems.add("tolerances: " + e.getKey() + " = " + e.getValue() + " must be a number >= 0");
                }
            }
        }
        Path folder = null;
        List<Path> cases = List.of();
        if (f.cases() != null && f.cases().folder() != null) {
            folder = dir.resolve(f.cases().folder()).normalize();
            if (!Files.isDirectory(folder)) {
                problems.add("cases.folder " + folder + " is not a folder");
            } else {
                cases = cases(folder, f.cases().list(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new StudyException(file + ": " + (problems.size() == 1 ? problems.get(0) : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
        }
        return new Study(file.toAbsolutePath().normalize(), f, folder, cases, t);
    }

    private static void checkReaders(StudyFile f, List<String> problems) {
        List<String> seen = new ArrayList<>();
        int independent = 0;
        int adjudicators = 0;
        for (int i = 0; i < f.readers().size(); i++) {
            StudyFile.Reader r = f.readers().get(i);
            if (r == null || r.id() == null || r.role() == null) {
                problems.add("readers[" + i + "] needs an id and a role (reader, consensus or third)");
                continue;
            }
            try {
                FindingsStore.requireReaderId(r.id());
            } catch (IllegalArgumentException e) {
                problems.add("readers[" + i + "]: " + e.getMessage());
            }
            if (seen.contains(r.id())) problems.add("readers[" + i + "]: reader " + r.id() + " is listed twice");
            seen.add(r.id());
            if (r.role() == StudyFile.Role.READER) independent++;
            else adjudicators++;
        }
        if (independent != 2) {
            problems.add("readers: a study has two independent readers (role reader, read as R1 and R2 in the order listed); found " + independent);
        }
        if (adjudicators > 1) problems.add("readers: at most one consensus or third reader; found " + adjudicators);
    }

    private static List<Path> cases(Path folder, List<String> list, List<String> problems) throws IOException {
        List<Path> out = new ArrayList<>();
        if (list == null) {
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(folder + ": cannot list the case folders", e);
            }
            if (out.isEmpty()) problems.add("cases.folder " + folder + " holds no case folders");
            return out;
        }
        List<String> missing = new ArrayList<>();
        for (String c : list) {
            if (c == null || c.isBlank() || c.contains("/") || c.contains("\\") || c.startsWith(".")) {
                problems.add("cases.list: " + (c == null ? "null" : "'" + c + "'") + " is not a case folder name");
                continue;
            }
            Path d = folder.resolve(c);
            if (!Files.isDirectory(d)) missing.add(c);
            else if (out.contains(d)) problems.add("cases.list: case " + c + " is listed twice");
            else out.add(d);
        }
        if (!missing.isEmpty()) {
            problems.add("cases.list names " + missing.size() + " case" + (missing.size() == 1 ? "" : "s") + " missing from " + folder + ": "
                    + String.join(", ", missing.subList(0, Math.min(20, missing.size()))) + (missing.size() > 20 ? " ..." : ""));
        }
        return out;
    }

    public Path file() { return file; }

    public StudyFile data() { return data; }

    public Path casesFolder() { return casesFolder; }

    /** The case folders, sorted by name. */
    public List<Path> cases() { return cases; }

    public ReadingTemplate template() { return template; }

    /** The case folder called {@code name}; a case not in the study is an error naming it. */
    public Path caseDir(String name) {
        for (Path c : cases) if (c.getFileName().toString().equals(name)) return c;
        throw new StudyException("case '" + name + "' is not in study " + file + " (cases in " + casesFolder + ")");
    }

    /** The two independent readers, in order (read as R1, R2). */
    public List<StudyFile.Reader> independentReaders() {
        return data.readers().stream().filter(r -> r.role() == StudyFile.Role.READER).toList();
    }

    /** The consensus or third reader, if the study names one. */
    public Optional<StudyFile.Reader> adjudicator() {
        return data.readers().stream().filter(r -> r.role() != StudyFile.Role.READER).findFirst();
    }

    /** A reader of the study by id; an unknown id is an error listing the study's readers. */
    public StudyFile.Reader reader(String id) {
        return data.readers().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new StudyException(
                "reader '" + id + "' is not in study " + file + "; its readers: "
                        + String.join(", ", data.readers().stream().map(r -> r.id() + " (" + r.role().label() + ")").toList())));
    }

    /** The findings reader (id and findings role) a study reader reads as: independent readers R1, R2; the adjudicator consensus. */
    public FindingsDocument.Reader findingsReader(String id) {
        StudyFile.Reader r = reader(id);
        if (r.role() != StudyFile.Role.READER) return new FindingsDocument.Reader(r.id(), Role.CONSENSUS);
        return new FindingsDocument.Reader(r.id(), independentReaders().indexOf(r) == 0 ? Role.R1 : Role.R2);
    }

    /** The tolerance of a numeric finding (0 unless the study declares one). */
    public double tolerance(String finding) {
        Double t = data.tolerances().get(finding);
        return t == null ? 0 : t;
    }

    /** The reader's worklist in the study's seeded order (stable when cases or readers are added). */
    public Worklist worklist(String readerId) {
        reader(readerId);
        return Worklist.ofCases(cases, readerId, data.seed(), template, template.requiredFindings());
    }
}
