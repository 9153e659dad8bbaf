package org.parsreader.ij;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parsreader.findings.Side;
import org.parsreader.findings.store.FreezeRecord;
import org.parsreader.study.Consensus;
import org.parsreader.study.ConsensusRecord;
import org.parsreader.study.Discrepancies;
import org.parsreader.study.Freezing;
import org.parsreader.study.StatusReport;
import org.parsreader.study.Study;
import org.parsreader.study.StudyException;
import org.parsreader.study.StudyStatus;

/**
 * Plugins &gt; Pars Reader &gt; Reading Study...: the reader study of a study file, as the
 * command line's {@code study} does it. {@code action=status} (the default) shows the table
 * "Pars Reader Study" (one row per case: each read's state, ready for consensus, the
 * consensus); {@code discrepancies} shows "Pars Reader Discrepancies"; {@code worklist} a reader's
 * seeded order ("Pars Reader Worklist"); {@code report} writes the lead's status report
 * ({@code format=md|html out=FILE}); {@code init} writes a new study file ({@code cases=DIR
 * readers=R1,R2 [consensus=ID | third=ID] [seed=N] [tolerance=[gap_width_mm=1,slip_pct=5]]}), {@code add}
 * adds cases or a reader; {@code complete}, {@code start-consensus}, {@code unlock},
 * {@code consensus} and {@code resolve} act and log what they did. Reading the consensus itself
 * is Read Case... {@code study=FILE reader=consensus}.
 *
 * <p>Macro: {@code run("Reading Study...", "study=/data/study.json action=status");}
 * {@code run("Reading Study...", "study=/data/study.json action=resolve case=P001 finding=pars_defect level=L5 side=left how=r1 who=lead");}
 */
public final class ReadingStudyCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Reading Study...";
    static final String STATUS_TABLE = "Pars Reader Study";
    static final String DISCREPANCY_TABLE = "Pars Reader Discrepancies";
    static final String WORKLIST_TABLE = "Pars Reader Worklist";
    static final List<String> ACTIONS = List.of("status", "discrepancies", "worklist", "report", "init", "add", "complete", "start-consensus",
            "unlock", "consensus", "resolve");
    static final Set<String> KEYS = Set.of("study", "action", "reader", "case", "why", "who", "finding", "level", "side", "how", "value",
            "format", "out", "cases", "readers", "consensus", "third", "seed", "tolerance", "template", "role", "title");
    static final String EXAMPLE = "study=/data/study.json action=status";
    /** The dialog's text fields, named as the macro keys (so the Recorder records what process() takes); empty ones are left out. */
    static final List<String> DIALOG_FIELDS = List.of("reader", "case", "finding", "level", "side", "how", "value", "why", "who",
            "format", "out", "cases", "readers", "consensus", "third", "seed", "tolerance", "role");

    /** What an action produced: a table to show (with its title), or lines for the Log. */
    record Result(String title, ResultsTable table, List<String> log) {}

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            String macro = Macro.getOptions();
            if (macro == null) {
                Commands.requireDisplay(COMMAND, EXAMPLE);
                macro = dialog();
                if (macro == null) return;
            }
            Result r = process(macro);
            if (r.table() != null) r.table().show(r.title());
            for (String line : r.log()) IJ.log("Pars Reader: " + line);
        });
    }

    private static String dialog() {
        GenericDialog gd = new GenericDialog("Pars Reader: Reading Study");
        gd.addFileField("study", "study.json", 40);
        gd.addChoice("action", ACTIONS.toArray(String[]::new), "status");
        for (String k : DIALOG_FIELDS) gd.addStringField(k, "", 20);
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        StringBuilder b = new StringBuilder("study=[" + gd.getNextString().trim() + "] action=" + gd.getNextChoice());
        for (String k : DIALOG_FIELDS) {
            String v = gd.getNextString().trim();
            if (!v.isEmpty()) b.append(' ').append(k).append("=[").append(v).append(']');
        }
        return b.toString();
    }

    /** Runs an action from macro options (headless); a study problem is an IllegalArgumentException with its message. */
    static Result process(String options) throws IOException {
        MacroOptions o = MacroOptions.parse(COMMAND, options, KEYS);
        String action = o.get("action", "status");
        if (!ACTIONS.contains(action)) throw new IllegalArgumentException(COMMAND + ": action '" + action + "' is not one of " + String.join(", ", ACTIONS));
        String who = o.get("who", System.getProperty("user.name", "unknown"));
        try {
            if (action.equals("init")) return StudySetup.init(o);
            if (action.equals("add")) return StudySetup.add(o);
            Study s = Study.open(Path.of(o.require(COMMAND, "study", EXAMPLE)));
            String ex = EXAMPLE.replace("status", action);
            return switch (action) {
                case "worklist" -> {
                    String reader = o.require(COMMAND, "reader", ex + " reader=R1");
                    ResultsTable rt = new ResultsTable();
                    for (org.parsreader.findings.Worklist.Entry e : s.worklist(reader).entries()) {
                        rt.incrementCounter();
                        rt.addValue("case", e.caseDir().getFileName().toString());
                        rt.addValue("status", e.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                    }
                    yield new Result(WORKLIST_TABLE + " " + reader, rt, List.of());
                }
                case "report" -> {
                    String format = o.get("format", "html");
                    if (!format.equals("md") && !format.equals("html")) throw new IllegalArgumentException(COMMAND + ": format '" + format + "' is not md or html");
                    Path out = Path.of(o.require(COMMAND, "out", ex + " format=html out=/data/status.html"));
                    StudyStatus st = StudyStatus.of(s);
                    if (out.toAbsolutePath().getParent() != null) org.parsreader.util.OutputFiles.createDirectories(out.toAbsolutePath().getParent());
                    org.parsreader.util.OutputFiles.writeString(out, format.equals("md") ? StatusReport.markdown(st) : StatusReport.html(st));
                    yield log("status report written to " + out);
                }
                case "status" -> new Result(STATUS_TABLE, statusTable(StudyStatus.of(s)), List.of());
                case "discrepancies" -> discrepancies(s);
                case "complete" -> {
                    String reader = o.require(COMMAND, "reader", ex + " reader=R1 case=P001");
                    String c = o.require(COMMAND, "case", ex + " reader=R1 case=P001");
                    FreezeRecord f = Freezing.complete(s, reader, c, o.get("who", reader));
                    yield log(c + ": " + reader + "'s read " + f.describe());
                }
                case "start-consensus" -> {
                    List<String> lines = new ArrayList<>();
                    String c = o.get("case", "");
                    for (Freezing.Outcome x : Freezing.startConsensus(s, c.isEmpty() ? List.of() : List.of(c), who)) lines.add(x.caseId() + ": " + x.note());
                    yield new Result(null, null, lines);
                }
                case "unlock" -> {
                    String reader = o.require(COMMAND, "reader", ex + " reader=R1 case=P001 why=[reason]");
                    String c = o.require(COMMAND, "case", ex + " reader=R1 case=P001 why=[reason]");
                    FreezeRecord f = Freezing.unlock(s, reader, c, who, o.require(COMMAND, "why", ex + " reader=R1 case=P001 why=[reason]"));
                    yield log(c + ": " + reader + "'s read unlocked by " + who + " (was " + f.describe() + ")");
                }
                case "consensus" -> {
                    String c = o.get("case", "");
                    List<Object> made = c.isEmpty() ? new Consensus().createAll(s, who) : List.of(new Consensus().create(s, c, who));
                    List<String> lines = new ArrayList<>();
                    for (Object m : made) {
                        if (m instanceof Discrepancies.Skipped k) lines.add("not created: " + k.reason());
                        else if (m instanceof Consensus.Created cr) lines.add(cr.caseId() + ": consensus " + (cr.createdNow() ? "created" : "exists already")
                                + ", " + cr.record().agreed().size() + " agreed, " + cr.record().open().size() + " open");
                    }
                    yield new Result(null, null, lines);
                }
                default -> { // resolve
                    String e = ex + " case=P001 finding=pars_defect level=L5 side=left how=r1";
                    String side = o.get("side", "");
                    ConsensusRecord.Resolution r = new Consensus().resolve(s, o.require(COMMAND, "case", e), o.require(COMMAND, "finding", e),
                            o.require(COMMAND, "level", e), side.isEmpty() ? null : Side.parse(side), ConsensusRecord.How.parse(o.require(COMMAND, "how", e)),
                            o.get("value", null), who);
                    yield log(o.get("case", "") + ": " + r.finding() + " " + r.level() + (r.side() == null ? "" : " " + r.side().label()) + " resolved ("
                            + r.how() + ") = " + (r.value() == null ? "(none)" : r.value().text()) + " by " + r.by());
                }
            };
        } catch (StudyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Result log(String line) {
        return new Result(null, null, List.of(line));
    }

    /** The status table: one row per case; a column per read; ready for consensus; the consensus. */
    static ResultsTable statusTable(StudyStatus s) {
        ResultsTable rt = new ResultsTable();
        for (StudyStatus.CaseRow r : s.rows()) {
            rt.incrementCounter();
            rt.addValue("case", r.caseId());
            for (StudyStatus.Cell c : r.reads()) rt.addValue(c.reader(), StatusReport.text(c));
            rt.addValue("ready for consensus", r.readyForConsensus() ? "yes" : "no");
            if (r.consensus() != null) rt.addValue(r.consensus().reader() + " read", StatusReport.text(r.consensus()));
            rt.addValue("consensus progress", r.consensusState());
        }
        return rt;
    }

    private static Result discrepancies(Study s) throws IOException {
        Discrepancies.Listing l = Discrepancies.of(s);
        ResultsTable rt = new ResultsTable();
        for (Discrepancies.Discrepancy d : l.discrepancies()) {
            rt.incrementCounter();
            rt.addValue("case", d.caseId());
            rt.addValue("finding", d.finding());
            rt.addValue("level", d.level());
            rt.addValue("side", d.side() == null ? "" : d.side().label());
            rt.addValue("kind", d.kind());
            for (Discrepancies.ReaderValue v : d.values()) {
                rt.addValue(v.reader(), v.value() == null ? "" : v.value().text());
                rt.addValue(v.reader() + " roi", v.roi() == null ? "" : v.roi());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(l.discrepancies().size() + " discrepancies in " + l.compared() + " compared cases");
        for (Discrepancies.Skipped k : l.skipped()) lines.add("not compared: " + k.reason());
        return new Result(DISCREPANCY_TABLE, rt, lines);
    }
}
