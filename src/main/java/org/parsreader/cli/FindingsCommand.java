package org.parsreader.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsCsv;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsException;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.FindingsValidator;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.store.FindingsStore;
import org.parsreader.findings.store.ReaderSession;
import org.parsreader.findings.store.Version;
import org.parsreader.util.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code findings validate|export-csv|versions|restore|set}: findings files from the command line. */
@Command(name = "findings", description = "Check, export and restore findings files (*.findings.json).",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader findings validate sample-data/cohort",
            "  pars-reader findings export-csv sample-data/case-001"},
        subcommands = {FindingsCommand.Validate.class, FindingsCommand.ExportCsv.class, FindingsCommand.Versions.class,
            FindingsCommand.Restore.class, FindingsSetCommand.class, FindingsCommentCommand.class, FindingsMigrateCommand.class})
final class FindingsCommand {
    static final String SUFFIX = ".findings.json";

    /**
     * Files given, and *.findings.json under folders given, in a stable order. A folder found
     * under them whose name ends in .findings.json is listed too, so that it is reported rather
     * than silently passed over.
     */
    static List<Path> files(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> !f.equals(p) && f.getFileName().toString().endsWith(SUFFIX) && !f.toString().contains("/.versions/"))
                            .sorted().forEach(out::add);
                }
            } else if (Files.exists(p)) {
                out.add(p);
            } else {
                throw new IllegalArgumentException(p + ": no such file or folder");
            }
        }
        return out;
    }

    static ReadingTemplate template(FindingsDocument d, Path templateFile) throws IOException {
        if (templateFile != null) return ReadingTemplate.fromFile(templateFile);
        if (d.template() == null || d.template().id() == null) throw new FindingsException("template.id is missing; give --template FILE");
        return ReadingTemplate.builtIn(d.template().id());
    }

    /** A findings file read strictly, its template, and what is wrong with it against that template. */
    record Checked(Path file, FindingsDocument document, ReadingTemplate template, List<FindingsValidator.Problem> problems) {}

    /**
     * Reads and checks one file. Throws with a message that names the file when the file cannot be
     * read, is not a findings document, or names a template that cannot be found.
     */
    static Checked check(Path f, Path templateFile) throws IOException {
        FindingsDocument d = FindingsJson.readFile(f);
        ReadingTemplate t;
        try {
            t = template(d, templateFile);
        } catch (IllegalArgumentException | FindingsException e) {
            throw new FindingsException(f + ": " + e.getMessage(), e);
        }
        return new Checked(f, d, t, FindingsValidator.validate(d, t));
    }

    /** The message of a per-file failure, naming the file (the JDK's own messages often do not). */
    static String reason(Path f, Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.contains(f.toString()) ? m : f + ": " + m;
    }

    @Command(name = "validate", description = "Check findings files against their reading template; exit 1 if any is invalid.",
            footerHeading = Main.EXAMPLES, footer = {"  pars-reader findings validate sample-data/case-001",
            "  pars-reader findings validate sample-data/cohort"})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "findings files or folders")
        List<Path> paths;

        @Option(names = "--template", paramLabel = "FILE", description = "a study's own template (default: the built-in one the file names)")
        Path templateFile;

        @Override
        public Integer call() throws IOException {
            List<Path> files = files(paths);
            if (files.isEmpty()) throw new IllegalArgumentException("no *" + SUFFIX + " files in " + paths);
            int bad = 0;
            for (Path f : files) {
                try {
                    Checked c = check(f, templateFile);
                    FindingsDocument d = c.document();
                    if (c.problems().isEmpty()) {
                        System.out.printf("ok       %s (%s %s, %d values, %d ROIs, %d measurements)%n", f, d.reader().role().label(),
                                d.reader().id(), d.values().size(), d.rois().size(), d.measurements().size());
                    } else {
                        bad++;
                        System.out.printf("INVALID  %s%n", f);
                        for (FindingsValidator.Problem p : c.problems()) System.out.println("         " + f + ": " + p);
                    }
                } catch (FindingsException | IllegalArgumentException | IOException e) {
                    bad++;
                    System.out.printf("INVALID  %s%n         %s%n", f, reason(f, e));
                }
            }
            System.out.printf("%d file(s), %d invalid%n", files.size(), bad);
            return bad == 0 ? 0 : 1;
        }
    }

    @Command(name = "export-csv", description = "One CSV row per finding value and measurement (pseudonyms only, never identity)."
            + " Files that are not valid findings are left out and named on standard error (exit 1); the others are exported.",
            footerHeading = Main.EXAMPLES, footer = {"  pars-reader findings export-csv sample-data/case-001",
            "  pars-reader findings export-csv sample-data/cohort --out out/findings.csv"})
    static final class ExportCsv implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "findings files or folders")
        List<Path> paths;

        @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output (whole or not at all)")
        Path out;

        @Option(names = "--template", paramLabel = "FILE", description = "a study's own template")
        Path templateFile;

        @Option(names = "--include-identity", description = "add patient ID, name and birth date columns where findings files kept them (off by default)")
        boolean includeIdentity;

        @Override
        public Integer call() throws IOException {
            List<Path> files = files(paths);
            if (files.isEmpty()) throw new IllegalArgumentException("no *" + SUFFIX + " files in " + paths);
            List<FindingsDocument> docs = new ArrayList<>();
            List<String> leftOut = new ArrayList<>();
            ReadingTemplate template = null;
            Path templateOf = null;
            for (Path f : files) {
                try {
                    Checked c = check(f, templateFile);
                    if (!c.problems().isEmpty()) {
                        leftOut.add(f + ": invalid findings: " + c.problems().get(0)
                                + (c.problems().size() > 1 ? " (and " + (c.problems().size() - 1) + " more; see findings validate)" : ""));
                    } else if (template != null && !template.id().equals(c.template().id())) {
                        leftOut.add(f + ": uses template " + c.template().id() + ", " + templateOf + " and the files before it "
                                + template.id() + "; export them separately");
                    } else {
                        template = c.template();
                        templateOf = f;
                        docs.add(c.document());
                    }
                } catch (FindingsException | IllegalArgumentException | IOException e) {
                    leftOut.add(reason(f, e));
                }
            }
            for (String l : leftOut) System.err.println("left out: " + l);
            if (docs.isEmpty()) throw new IllegalArgumentException("none of the " + files.size() + " findings file(s) in " + paths + " could be exported");
            ReadingTemplate t = template;
            if (out == null) {
                Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                FindingsCsv.write(docs, t, w, includeIdentity);
            } else {
                OutputFiles.createDirectories(out.toAbsolutePath().getParent()); // as --out of the other commands: the folder is made
                OutputFiles.writeText(out, w -> FindingsCsv.write(docs, t, w, includeIdentity));
            }
            System.err.println(docs.size() + " of " + files.size() + " findings file(s) exported" + (out == null ? "" : " to " + out)
                    + (leftOut.isEmpty() ? "" : "; " + leftOut.size() + " left out"));
            return leftOut.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "versions", description = "The kept versions of a reader's findings in a case, and any damaged file set aside.",
            footerHeading = Main.EXAMPLES, footer = {"  pars-reader findings versions sample-data/case-001 --reader R1"})
    static final class Versions implements Callable<Integer> {
        @Parameters(paramLabel = "CASE", description = "the case folder")
        Path caseDir;

        @Option(names = "--reader", required = true, paramLabel = "ID", description = "the reader")
        String reader;

        @Override
        public Integer call() throws IOException {
            FindingsStore store = CaseFindings.store(caseDir);
            List<Version> versions = store.versions(reader);
            Optional<Version> good = store.lastGoodVersion(reader);
            System.out.println(reader + " in " + caseDir + ": " + versions.size() + " kept version(s)"
                    + good.map(v -> ", last intact " + v.seq()).orElse(", none intact"));
            for (Version v : versions) {
                System.out.printf(Locale.ROOT, "  %4d  %s  %7d bytes  %s%n", v.seq(), v.time(), v.bytes(), caseDir.relativize(v.path()));
            }
            for (Path d : store.damagedFiles(reader)) System.out.println("  damaged, set aside: " + caseDir.relativize(d));
            return 0;
        }
    }

    @Command(name = "restore", description = "Bring back a kept version of a reader's findings as the current file (audited; the "
            + "file it replaces stays a version too).",
            footerHeading = Main.EXAMPLES, footer = {"  # every save keeps a version: record a contrast in R1's findings, then",
                "  # bring back the last intact version",
                "  pars-reader quantify-contrast sample-data/case-001 --record --reader R1 \\",
                "      --level L5 --side left \\",
                "      --series 2.25.144238974742240537401837040969335971267 \\",
                "      --seed 16.5,52,-499.5",
            "  pars-reader findings versions sample-data/case-001 --reader R1",
            "  pars-reader findings restore sample-data/case-001 --reader R1"})
    static final class Restore implements Callable<Integer> {
        @Parameters(paramLabel = "CASE", description = "the case folder")
        Path caseDir;

        @Option(names = "--reader", required = true, paramLabel = "ID", description = "the reader")
        String reader;

        @Option(names = "--version", paramLabel = "N", description = "the version to restore (default: the last intact one; see 'findings versions')")
        Long version;

        @Override
        public Integer call() throws IOException {
            FindingsStore store = CaseFindings.store(caseDir);
            long seq = version != null ? version : store.lastGoodVersion(reader).map(Version::seq).orElseThrow(() ->
                    new IllegalArgumentException("no intact kept version of " + reader + " in " + caseDir + " to restore; see: findings versions "
                            + caseDir + " --reader " + reader));
            try (ReaderSession session = store.open(reader)) {
                Version v = session.restore(seq, System.getProperty("user.name", "cli") + " (findings restore)");
                System.out.println("restored version " + seq + " of " + reader + " in " + caseDir + " as version " + v.seq());
            }
            return 0;
        }
    }
}
