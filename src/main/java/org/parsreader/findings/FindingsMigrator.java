package org.parsreader.findings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.parsreader.findings.store.FindingsStore;
import org.parsreader.findings.store.FreezeRecord;
import org.parsreader.findings.store.ReaderSession;

/**
 * Rewrites the findings files of cases to the current version of their built-in template
 * ({@link TemplateMigration}), one file at a time, each through the store: written atomically,
 * the old content kept as a version, the migration in the audit log. A file that is damaged (half
 * written, not valid JSON, not a findings document), cannot be migrated, or is a frozen read
 * changed by hand is reported by name and left exactly as it is. A frozen read is migrated only
 * when asked ({@link Options#includeFrozen()}): its freeze then moves to the migrated content.
 * Running it again changes nothing (files already at the current version are left alone).
 *
 * <pre>{@code
 * for (FindingsMigrator.Outcome o : FindingsMigrator.run(List.of(casesFolder), new Options(false, false, "jd")))
 *     System.out.println(o);
 * }</pre>
 */
public final class FindingsMigrator {
    /** What happened to one file. */
    public enum Status {
        MIGRATED("migrated"), WOULD_MIGRATE("would migrate"), UP_TO_DATE("up to date"), FROZEN("frozen, not migrated"), FAILED("FAILED");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param dryRun        say what would be migrated, write nothing
     * @param includeFrozen migrate frozen reads too (the freeze moves to the migrated content)
     * @param who           the person migrating, for the audit log
     */
    public record Options(boolean dryRun, boolean includeFrozen, String who) {}

    /** One file's outcome; {@code from}/{@code to} are template versions where known, {@code message} says why when it failed or was left. */
    public record Outcome(Path file, Status status, String from, String to, String message) {
        @Override
        public String toString() {
            String versions = from == null ? "" : " (" + from + (to == null || to.equals(from) ? "" : " -> " + to) + ")";
            return String.format("%-20s %s%s%s", status.label(), file, versions, message == null ? "" : ": " + message);
        }

        /** Whether the file is at (or, in a dry run, would be at) the current version. */
        public boolean ok() {
            return status == Status.MIGRATED || status == Status.WOULD_MIGRATE || status == Status.UP_TO_DATE;
        }
    }

    private FindingsMigrator() {}

    /** Migrates every findings file given, and every {@code *.findings.json} under folders given (kept versions excepted), in a stable order. */
    public static List<Outcome> run(List<Path> paths, Options options) throws IOException {
        List<Outcome> out = new ArrayList<>();
        for (Path f : files(paths)) out.add(migrate(f, options));
        return out;
    }

    /** The findings files given and under folders given, sorted; a path that does not exist is refused naming it. */
    public static List<Path> files(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> !f.equals(p) && f.getFileName().toString().endsWith(FindingsJson.FILE_SUFFIX)
                            && !f.toString().contains("/.versions/")).sorted().forEach(out::add);
                }
            } else if (Files.exists(p)) {
                out.add(p);
            } else {
                throw new IllegalArgumentException(p + ": no such file or folder");
            }
        }
        return out;
    }

    /** Migrates one file (see the class comment); never throws for a problem of the file itself. */
    public static Outcome migrate(Path file, Options o) {
        Optional<String> reader = FindingsJson.readerOfFileName(file.toString());
        Path dir = file.toAbsolutePath().normalize().getParent();
        if (reader.isEmpty() || dir == null || !dir.getFileName().toString().equals("findings") || dir.getParent() == null) {
            return failed(file, null, "not a reader's file in a case (CASE/findings/<reader>.findings.json): a migration is recorded in "
                    + "the case's audit log, so only such files are migrated; left as it is");
        }
        FindingsStore store = CaseFindings.store(dir.getParent());
        String from = null;
        try {
            byte[] bytes = FindingsJson.readBytes(file);
            Optional<FreezeRecord> frozen = store.freezeRecord(reader.get());
            if (frozen.isPresent() && !frozen.get().matches(bytes)) {
                return failed(file, null, "a frozen read (" + frozen.get().describe() + ") whose file was changed on disk since; not migrated, "
                        + "left as it is (see 'findings versions' and 'study unlock')");
            }
            FindingsDocument doc;
            try {
                doc = FindingsJson.read(bytes, file.toString());
            } catch (FindingsJson.NewerSchemaException e) {
                return failed(file, null, e.getMessage());
            } catch (FindingsException e) {
                return failed(file, null, "damaged, left as it is: " + e.getMessage());
            }
            from = doc.template() == null ? null : doc.template().version();
            TemplateMigration.Result r = TemplateMigration.toCurrent(doc);
            if (!r.changed()) return new Outcome(file, Status.UP_TO_DATE, from, from, null);
            if (frozen.isPresent() && !o.includeFrozen()) {
                return new Outcome(file, Status.FROZEN, from, r.to(), "read " + frozen.get().describe()
                        + "; migrate it with --include-frozen (the freeze moves to the migrated content, audited)");
            }
            if (o.dryRun()) return new Outcome(file, Status.WOULD_MIGRATE, from, r.to(), frozen.isPresent() ? "frozen; the freeze would move with it" : null);
            String what = "template " + doc.template().id() + " " + from + " -> " + r.to() + ", every value kept (findings migrate)";
            try (ReaderSession session = store.open(reader.get())) {
                session.migrate(FindingsJson.write(r.document()), o.who(), what, o.includeFrozen());
            }
            return new Outcome(file, Status.MIGRATED, from, r.to(), frozen.isPresent() ? "frozen; the freeze moved with it" : null);
        } catch (FindingsException | IllegalArgumentException e) {
            return failed(file, from, e.getMessage());
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            return failed(file, from, m.contains(file.getFileName().toString()) ? m : file + ": " + m);
        }
    }

    private static Outcome failed(Path file, String from, String why) {
        return new Outcome(file, Status.FAILED, from, null, why);
    }
}
