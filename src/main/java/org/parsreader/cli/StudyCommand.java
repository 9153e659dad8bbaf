package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Side;
import org.parsreader.findings.Worklist;
import org.parsreader.findings.store.FreezeRecord;
import org.parsreader.study.Consensus;
import org.parsreader.study.ConsensusRecord;
import org.parsreader.study.Discrepancies;
import org.parsreader.study.Freezing;
import org.parsreader.study.StatusReport;
import org.parsreader.study.Study;
import org.parsreader.study.StudyException;
import org.parsreader.study.StudyFile;
import org.parsreader.study.StudyStatus;
import org.parsreader.util.OutputFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code study init|status|worklist|complete|start-consensus|unlock|discrepancies|consensus|resolve}: a reader study from the command line. */
@Command(name = "study", description = "Run a reader study: set it up, follow progress, freeze first reads, list discrepancies, make and resolve the consensus.",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader study init --cases sample-data/cohort --readers R1,R2 \\", "      --consensus consensus --seed 7 --tolerance gap_width_mm=1 \\", "      --study out/study.json", "  pars-reader study status --study out/study.json"},
        subcommands = {StudyCommand.Init.class, StudyCommand.Status.class, StudyCommand.WorklistCmd.class, StudyCommand.Complete.class,
            StudyCommand.StartConsensus.class, StudyCommand.Unlock.class, StudyCommand.DiscrepanciesCmd.class, StudyCommand.ConsensusCmd.class,
            StudyCommand.Resolve.class, StudyCommand.Add.class})
final class StudyCommand {
    /** The options every study subcommand has. */
    static class StudyOption {
        @Option(names = "--study", paramLabel = "FILE", defaultValue = "study.json", description = "the study file (default ${DEFAULT-VALUE})")
        Path study;

        @Option(names = "--who", paramLabel = "NAME", description = "who does this, for the audit log (default: your login)")
        String who;

        Study open() throws IOException {
            return Study.open(study);
        }

        String who() {
            if (who != null && !who.isBlank()) return who.strip();
            String u = System.getProperty("user.name");
            return u == null || u.isBlank() ? "unknown" : u;
        }
    }

    @Command(name = "init", description = {"Write a new study file (refuses to overwrite one)."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader study init --cases sample-data/cohort --readers R1,R2 \\", "      --consensus consensus --seed 7 --tolerance gap_width_mm=1 \\", "      --study out/study.json"})
    static final class Init extends StudyOption implements Callable<Integer> {
        @Option(names = "--cases", required = true, paramLabel = "DIR", description = "the folder of the case folders")
        Path cases;

        @Option(names = "--case", paramLabel = "NAME", description = "a case folder name in DIR (repeat; default: every case folder in DIR)")
        List<String> caseList;

        @Option(names = "--readers", required = true, split = ",", paramLabel = "R1,R2", description = "the two independent readers (read as R1 and R2)")
        List<String> readers;

        @ArgGroup(exclusive = true)
        Adjudicator adjudicator;

        static final class Adjudicator {
            @Option(names = "--consensus", paramLabel = "ID", description = "the consensus read's reader id (e.g. consensus)")
            String consensus;

            @Option(names = "--third", paramLabel = "ID", description = "a named third reader who adjudicates")
            String third;
        }

        @Option(names = "--template", defaultValue = "pars-injection", paramLabel = "ID", description = "template id (default ${DEFAULT-VALUE})")
        String template;

        @Option(names = "--template-file", paramLabel = "FILE", description = "a template file of the study's own")
        Path templateFile;

        @Option(names = "--seed", paramLabel = "N", description = "randomisation seed of the worklists (default: a random one, written into the file)")
        Long seed;

        @Option(names = "--tolerance", paramLabel = "FINDING=X", description = "largest difference of a numeric finding that counts as agreement (repeat)")
        Map<String, Double> tolerances = new LinkedHashMap<>();

        @Option(names = "--no-identity-blinding", description = "readers may see patient identity (default: blinded)")
        boolean noBlinding;

        @Option(names = "--title", description = "a title for reports")
        String title;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(study)) throw new StudyException(study + " exists already; a study file is not overwritten (edit it, or give another --study)");
            if (readers.size() != 2) throw new StudyException("--readers needs the two independent readers, got " + readers);
            Path dir = study.toAbsolutePath().normalize().getParent();
            ReadingTemplate t = templateFile != null ? ReadingTemplate.fromFile(templateFile) : ReadingTemplate.builtIn(template);
            String adj = adjudicator == null ? null : adjudicator.consensus != null ? adjudicator.consensus : adjudicator.third;
            StudyFile.Role role = adjudicator != null && adjudicator.third != null ? StudyFile.Role.THIRD : StudyFile.Role.CONSENSUS;
            StudyFile f = StudyFile.create(title, relative(dir, cases), caseList, readers, adj, role, t.id(), t.version(),
                    templateFile == null ? null : relative(dir, templateFile), !noBlinding, seed, tolerances);
            Study s = Study.of(study, f); // every problem before anything is written
            OutputFiles.createDirectories(dir);
            OutputFiles.write(study, out -> out.write(f.toJson()));
            System.out.println("study written to " + study + ": " + s.cases().size() + " cases, readers " + String.join(", ", readers)
                    + (adj == null ? "" : ", " + role.label() + " " + adj) + ", template " + t.id() + " " + t.version() + ", seed " + f.seed());
            return 0;
        }

        private static String relative(Path dir, Path p) {
            Path a = p.toAbsolutePath().normalize();
            return a.startsWith(dir) ? dir.relativize(a).toString().replace('\\', '/') : a.toString();
        }
    }

    @Command(name = "add", description = {"Add cases (to a study with a case list) or a consensus/third reader; every existing worklist order stays as it was."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader study init --cases sample-data/cohort --readers R1,R2 \\", "      --seed 7 --study out/study2.json", "  pars-reader study add --study out/study2.json --reader R3 --role third"})
    static final class Add extends StudyOption implements Callable<Integer> {
        @Option(names = "--case", paramLabel = "NAME", description = "a case folder name (repeat)")
        List<String> cases = new ArrayList<>();

        @Option(names = "--reader", paramLabel = "ID", description = "a reader to add")
        String reader;

        @Option(names = "--role", paramLabel = "consensus|third", defaultValue = "third", description = "the added reader's role (default ${DEFAULT-VALUE})")
        String role;

        @Override
        public Integer call() throws IOException {
            Study s = open();
            StudyFile f = s.data();
            if (!cases.isEmpty() && f.cases().list() == null) {
                throw new StudyException(study + " takes every case folder in " + s.casesFolder() + "; put the new case folders there, nothing to add");
            }
            for (String c : cases) f = f.withCase(c);
            if (reader != null) {
                StudyFile.Role r;
                try {
                    r = StudyFile.Role.parse(role);
                } catch (IllegalArgumentException e) {
                    throw new StudyException("--role: " + e.getMessage());
                }
                f = f.withReader(new StudyFile.Reader(reader, r));
            }
            Study.of(study, f); // checked before it is written: missing cases, a second adjudicator ...
            StudyFile written = f;
            OutputFiles.write(study, out -> out.write(written.toJson()));
            System.out.println(study + ": " + (cases.isEmpty() ? "" : cases.size() + " case(s) added ") + (reader == null ? "" : "reader " + reader + " added")
                    + "; existing worklist orders unchanged");
            return 0;
        }
    }

    @Command(name = "status", description = {"Per reader and case: not started, in progress, complete, invalid (with the problem), frozen;"
        + " totals per reader; cases ready for consensus."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader study init --cases sample-data/cohort --readers R1,R2 \\", "      --consensus consensus --seed 7 --tolerance gap_width_mm=1 \\", "      --study out/study.json", "  pars-reader study complete --study out/study.json --reader R1 --case P001", "  pars-reader study status --study out/study.json --report html \\", "      --out out/status.html"})
    static final class Status extends StudyOption implements Callable<Integer> {
        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Option(names = "--report", paramLabel = "md|html", description = "write a report for the study lead to --out")
        String report;

        @Option(names = "--out", paramLabel = "FILE", description = "the report file (written whole or not at all)")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (report != null && !report.equals("md") && !report.equals("html")) throw new StudyException("--report '" + report + "' is not md or html");
            if (report != null && out == null) throw new StudyException("--report needs --out FILE");
            StudyStatus s = StudyStatus.of(open());
            if (report != null) {
                OutputFiles.writeString(out, report.equals("md") ? StatusReport.markdown(s) : StatusReport.html(s));
            }
            if (json) {
                System.out.println(Json.write(StatusReport.data(s)));
            } else {
                System.out.printf("%-10s %-10s %12s %12s %9s %8s %7s%n", "reader", "role", "not started", "in progress", "complete", "invalid", "frozen");
                for (StudyStatus.Totals t : s.totals()) {
                    System.out.printf("%-10s %-10s %12d %12d %9d %8d %7d%n", t.reader(), s.study().reader(t.reader()).role().label(), t.notStarted(),
                            t.inProgress(), t.complete(), t.invalid(), t.frozen());
                }
                List<String> ready = s.readyForConsensus();
                System.out.println("ready for consensus: " + (ready.isEmpty() ? "none" : ready.size() + " (" + String.join(", ", ready) + ")"));
                for (StudyStatus.CaseRow r : s.rows()) {
                    List<String> parts = new ArrayList<>();
                    for (StudyStatus.Cell c : r.reads()) parts.add(c.reader() + " " + StatusReport.text(c));
                    String cons = r.consensus() != null && r.consensus().problem() != null ? " (" + r.consensus().reader() + ": "
                            + r.consensus().problem() + ")" : "";
                    System.out.println(r.caseId() + ": " + String.join("; ", parts) + "; consensus " + r.consensusState() + cons);
                }
            }
            if (report != null) System.out.println("report written to " + out);
            return 0;
        }
    }

    @Command(name = "worklist", description = {"A reader's cases in the study's seeded order, with their status."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader study init --cases sample-data/cohort --readers R1,R2 \\", "      --consensus consensus --seed 7 --tolerance gap_width_mm=1 \\", "      --study out/study.json", "  pars-reader study worklist --study out/study.json --reader R1"})
    static final class WorklistCmd extends StudyOption implements Callable<Integer> {
        @Option(names = "--reader", required = true, paramLabel = "ID")
        String reader;

        @Override
        public Integer call() throws IOException {
            Worklist w = open().worklist(reader);
            int i = 0;
            for (Worklist.Entry e : w.entries()) {
                System.out.printf("%4d  %-20s %s%n", ++i, e.caseDir().getFileName(), e.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
            return 0;
        }
    }

    @Command(name = "complete", description = {"A reader marks a case complete: the read must be complete and is then frozen."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader study init --cases sample-data/cohort --readers R1,R2 \\", "      --consensus consensus --seed 7 --tolerance gap_width_mm=1 \\", "      --study out/study.json", "  pars-reader study complete --study out/study.json --reader R1 --case P001"})
    static final class Complete extends StudyOption implements Callable<Integer> {
        @Option(names = "--reader", required = true, paramLabel = "ID")
        String reader;

        @Option(names = "--case", required = true, paramLabel = "NAME")
        String caseId;

        @Override
        public Integer call() throws IOException {
            FreezeRecord r = Freezing.complete(open(), reader, caseId, who == null ? reader : who());
            System.out.println(caseId + ": " + reader + "'s read " + r.describe());
            return 0;
        }
    }

    @Command(name = "start-consensus", description = {"The study lead starts the consensus: the reads of every ready case (or the cases given) are frozen."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader study init --cases sample-data/cohort --readers R1,R2 \\", "      --consensus consensus --seed 7 --tolerance gap_width_mm=1 \\", "      --study out/study.json", "  pars-reader study start-consensus --study out/study.json --case P001 \\", "      --who lead"})
    static final class StartConsensus extends StudyOption implements Callable<Integer> {
        @Option(names = "--case", paramLabel = "NAME", description = "a case (repeat; default: all)")
        List<String> cases = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            List<Freezing.Outcome> out = Freezing.startConsensus(open(), cases, who());
            int n = 0;
            for (Freezing.Outcome o : out) {
                System.out.println(o.caseId() + ": " + o.note());
                if (o.frozen()) n++;
            }
            System.out.println(n + " of " + out.size() + " cases frozen for consensus");
            return 0;
        }
    }

    @Command(name = "unlock", description = {"Lift the freeze of one read, with a reason (audit log: who, when, why)."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader study init --cases sample-data/cohort --readers R1,R2 \\", "      --consensus consensus --seed 7 --tolerance gap_width_mm=1 \\", "      --study out/study.json", "  pars-reader study complete --study out/study.json --reader R1 --case P001", "  pars-reader study unlock --study out/study.json --reader R1 --case P001 \\", "      --why \"R1 mistyped the L5 gap width\""})
    static final class Unlock extends StudyOption implements Callable<Integer> {
        @Option(names = "--reader", required = true, paramLabel = "ID")
        String reader;

        @Option(names = "--case", required = true, paramLabel = "NAME")
        String caseId;

        @Option(names = "--why", required = true, paramLabel = "TEXT")
        String why;

        @Override
        public Integer call() throws IOException {
            FreezeRecord r = Freezing.unlock(open(), reader, caseId, who(), why);
            System.out.println(caseId + ": " + reader + "'s read unlocked by " + who() + " (was " + r.describe() + ")");
            return 0;
        }
    }

    @Command(name = "discrepancies", description = {"Every value on which the independent readers differ, per case, finding, level and side,"
        + " with each reader's value and ROI (numbers beyond the study's tolerance)."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader study init --cases sample-data/cohort --readers R1,R2 \\", "      --consensus consensus --seed 7 --tolerance gap_width_mm=1 \\", "      --study out/study.json", "  pars-reader study complete --study out/study.json --reader R1 --case P001", "  pars-reader study complete --study out/study.json --reader R2 --case P001", "  pars-reader study discrepancies --study out/study.json --csv"})
    static final class DiscrepanciesCmd extends StudyOption implements Callable<Integer> {
        @ArgGroup(exclusive = true)
        Format format;

        static final class Format {
            @Option(names = "--json", description = "print JSON")
            boolean json;

            @Option(names = "--csv", description = "print CSV")
            boolean csv;
        }

        @Override
        public Integer call() throws IOException {
            Study s = open();
            Discrepancies.Listing l = Discrepancies.of(s);
            List<String> readers = s.independentReaders().stream().map(StudyFile.Reader::id).toList();
            if (format != null && format.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("compared", l.compared());
                m.put("discrepancies", l.discrepancies());
                m.put("notCompared", l.skipped());
                System.out.println(Json.write(m));
                return 0;
            }
            if (format != null && format.csv) {
                String a = readers.get(0);
                String b = readers.get(1);
                System.out.println("case,finding,level,side,kind,value_" + a + ",roi_" + a + ",value_" + b + ",roi_" + b + ",difference,tolerance");
                for (Discrepancies.Discrepancy d : l.discrepancies()) {
                    System.out.println(String.join(",", csv(d.caseId()), csv(d.finding()), csv(d.level()), d.side() == null ? "" : d.side().label(), d.kind(),
                            csv(value(d, 0)), csv(d.values().get(0).roi()), csv(value(d, 1)), csv(d.values().get(1).roi()),
                            d.difference() == null ? "" : String.valueOf(d.difference()), d.tolerance() == null ? "" : String.valueOf(d.tolerance())));
                }
                for (Discrepancies.Skipped k : l.skipped()) System.err.println("not compared: " + k.reason());
                return 0;
            }
            String current = null;
            for (Discrepancies.Discrepancy d : l.discrepancies()) {
                if (!d.caseId().equals(current)) System.out.println((current = d.caseId()) + ":");
                System.out.printf("  %-36s %-8s %s: %s%s   %s: %s%s%n", d.place(), d.kind(), readers.get(0), value(d, 0), roi(d, 0), readers.get(1), value(d, 1), roi(d, 1));
            }
            for (Discrepancies.Skipped k : l.skipped()) System.out.println("not compared: " + k.reason());
            System.out.println(l.discrepancies().size() + " discrepancies in " + l.compared() + " compared cases; " + l.skipped().size() + " not compared");
            return 0;
        }

        private static String value(Discrepancies.Discrepancy d, int i) {
            return d.values().get(i).value() == null ? "(none)" : d.values().get(i).value().text();
        }

        private static String roi(Discrepancies.Discrepancy d, int i) {
            return d.values().get(i).roi() == null ? "" : " [" + d.values().get(i).roi() + "]";
        }

        private static String csv(String s) {
            if (s == null) return "";
            return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }

    @Command(name = "consensus", description = {"Create the consensus read of a case (or of every case whose reads are frozen), pre-filled with"
        + " the values the readers agree on; lists the open disagreements."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader study init --cases sample-data/cohort --readers R1,R2 \\", "      --consensus consensus --seed 7 --tolerance gap_width_mm=1 \\", "      --study out/study.json", "  pars-reader study complete --study out/study.json --reader R1 --case P001", "  pars-reader study complete --study out/study.json --reader R2 --case P001", "  pars-reader study consensus --study out/study.json --case P001 --who lead"})
    static final class ConsensusCmd extends StudyOption implements Callable<Integer> {
        @Option(names = "--case", paramLabel = "NAME", description = "a case (repeat; default: every case whose reads are frozen)")
        List<String> cases = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            Study s = open();
            Consensus c = new Consensus();
            List<Object> out = new ArrayList<>();
            if (cases.isEmpty()) out.addAll(c.createAll(s, who()));
            else for (String id : cases) out.add(c.create(s, id, who()));
            for (Object o : out) {
                if (o instanceof Discrepancies.Skipped k) {
                    System.out.println("not created: " + k.reason());
                    continue;
                }
                Consensus.Created cr = (Consensus.Created) o;
                ConsensusRecord r = cr.record();
                System.out.println(cr.caseId() + ": consensus " + r.consensusReader() + (cr.createdNow() ? " created" : " exists already") + ", "
                        + r.agreed().size() + " agreed values, " + r.open().size() + " open" + (r.open().isEmpty() ? "" : ":"));
                for (Discrepancies.Discrepancy d : r.open()) {
                    System.out.println("  " + d.place() + ": " + String.join(" vs ", d.values().stream()
                            .map(v -> v.reader() + " " + (v.value() == null ? "(none)" : v.value().text())).toList()));
                }
            }
            return 0;
        }
    }

    @Command(name = "resolve", description = {"Resolve one open disagreement of a consensus: agreed (--value), r1, r2, new (--value) or third (--value);"
        + " recorded with how and by whom."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader study init --cases sample-data/cohort --readers R1,R2 \\", "      --consensus consensus --seed 7 --tolerance gap_width_mm=1 \\", "      --study out/study.json", "  pars-reader study complete --study out/study.json --reader R1 --case P001", "  pars-reader study complete --study out/study.json --reader R2 --case P001", "  pars-reader study consensus --study out/study.json --case P001 --who lead", "  pars-reader study resolve --study out/study.json --case P001 \\", "      --finding pars_defect --level L5 --side left --how r1 --who lead"})
    static final class Resolve extends StudyOption implements Callable<Integer> {
        @Option(names = "--case", required = true, paramLabel = "NAME")
        String caseId;

        @Option(names = "--finding", required = true, paramLabel = "ID")
        String finding;

        @Option(names = "--level", required = true, paramLabel = "L")
        String level;

        @Option(names = "--side", paramLabel = "left|right", description = "for sided findings")
        String side;

        @Option(names = "--how", required = true, paramLabel = "agreed|r1|r2|new|third")
        String how;

        @Option(names = "--value", paramLabel = "V", description = "the value, for agreed, new and third")
        String value;

        @Override
        public Integer call() throws IOException {
            Side sd;
            try {
                sd = side == null ? null : Side.parse(side);
            } catch (IllegalArgumentException e) {
                throw new StudyException("--side: " + e.getMessage());
            }
            ConsensusRecord.Resolution r = new Consensus().resolve(open(), caseId, finding, level, sd, ConsensusRecord.How.parse(how), value, who());
            System.out.println(caseId + ": " + finding + " " + level + (sd == null ? "" : " " + sd.label()) + " resolved (" + r.how() + ") = "
                    + (r.value() == null ? "(none)" : r.value().text()) + " by " + r.by());
            return 0;
        }
    }
}
