package org.parsreader.ij.panel;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Worklist;
import org.parsreader.findings.store.ReaderLockedException;
import org.parsreader.ij.CaseOptions;
import org.parsreader.ij.Commands;
import org.parsreader.ij.MacroOptions;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.SeriesPlan;
import org.parsreader.reading.WorklistNavigator;
import org.parsreader.util.ProgressListener;

/**
 * Plugins &gt; Pars Reader &gt; Read Case...: a reader opens a case (a study folder) or the next
 * case of a worklist (a folder of case folders, in the reader's own order, resumed at the first
 * case not complete), blinded by default, with the series chosen automatically unless given.
 * The session becomes the {@link ActiveSession} the Reading macros act on; with a display the
 * reading panel shows it. A case already open is saved and closed first.
 *
 * <pre>{@code
 * run("Read Case...", "case=/data/case-001 reader=R1 role=R1");
 * run("Read Case...", "worklist=/data/cases reader=R2 role=R2 template=pars-injection");
 * run("Read Case...", "case=[/data/case 002] reader=R1 ct=#6 baseline=none unblinded nopanel");
 * run("Read Case...", "study=/data/study.json reader=R2");              // R2's next case in the study's order
 * run("Read Case...", "study=/data/study.json reader=consensus");       // the next case waiting for consensus
 * }</pre>
 */
public final class ReadCaseCommand implements ij.plugin.PlugIn {
    public static final String COMMAND = "Read Case...";
    static final String CASE = "case";
    static final String WORKLIST = "worklist";
    static final String READER = "reader";
    static final String ROLE = "role";
    static final String TEMPLATE = "template";
    static final String BLINDED = "blinded";
    static final String UNBLINDED = "unblinded";
    static final String PSEUDONYMS = "pseudonyms";
    static final String NOPANEL = "nopanel";
    static final String NONE = "none";
    /** A study file: the reader's next case in the study's order (the consensus reader: the next case waiting for consensus). */
    static final String STUDY = "study";
    /** Who resolves, for the consensus record and the audit log (default: the login name). */
    static final String WHO = "who";
    /** "auto": the role of the reader's own findings, else the reader id when it names a role (R2), else R1. */
    static final String[] ROLES = {"auto", "R1", "R2", "consensus"};
    static final Set<String> KEYS = Set.of(CASE, WORKLIST, READER, ROLE, TEMPLATE, BLINDED, UNBLINDED, PSEUDONYMS, NOPANEL, STUDY, WHO,
            SeriesPlan.Role.T2.key(), SeriesPlan.Role.EDEMA.key(), SeriesPlan.Role.CT.key(), SeriesPlan.Role.BASELINE.key());
    static final String EXAMPLE = "case=/data/case-001 reader=R1 (or worklist=/data/cases reader=R1) [role=R1] [template=pars-injection]";
    private static final String READER_ID = "[A-Za-z0-9_-]{1,40}";

    /**
     * What to open.
     *
     * @param caseDir  a study folder, or null with {@code worklist}
     * @param worklist a folder of case folders, or null with {@code caseDir}
     * @param role     null: as the reader's existing findings say, else R1
     * @param series   role key (t2, edema, ct, baseline) to a series key or "none"; for a single case only
     * @param panel    show the reading panel when there is a display
     * @param study    a study file (null: none): without {@code caseDir} the reader's next case of the study
     * @param who      who reads (a consensus resolution records it); null: the login name
     */
    public record Request(Path caseDir, Path worklist, String readerId, Role role, ReadingTemplate template, boolean blinded,
                          Path registry, Map<String, String> series, boolean panel, Path study, String who) {
        public Request(Path caseDir, Path worklist, String readerId, Role role, ReadingTemplate template, boolean blinded,
                       Path registry, Map<String, String> series, boolean panel) {
            this(caseDir, worklist, readerId, role, template, blinded, registry, series, panel, null, null);
        }

        public Request {
            if (who == null || who.isBlank()) who = System.getProperty("user.name", "unknown");
            if (study != null) {
                if (worklist != null) throw new IllegalArgumentException(COMMAND + ": study= gives the worklist; leave out worklist=");
            } else if ((caseDir == null) == (worklist == null)) {
                throw new IllegalArgumentException(COMMAND + ": give either case=<study folder> or worklist=<folder of case folders>");
            }
            Path dir = caseDir != null ? caseDir : worklist != null ? worklist : study.getParent() == null ? Path.of(".") : study.getParent();
            if (!Files.isDirectory(dir)) throw new IllegalArgumentException(COMMAND + ": " + (caseDir != null ? "case" : "worklist") + " folder not found: " + dir);
            if (readerId == null || !readerId.matches(READER_ID)) {
                throw new IllegalArgumentException(COMMAND + ": reader '" + readerId + "' must be 1-40 letters, digits, '_' or '-' (it names the findings file)");
            }
            if (template == null) template = ReadingTemplate.builtIn("pars-injection");
            series = series == null ? Map.of() : Map.copyOf(series);
            if (worklist != null && !series.isEmpty()) {
                throw new IllegalArgumentException(COMMAND + ": series choices (" + String.join(", ", series.keySet())
                        + ") apply to one case; a worklist chooses each case's series automatically");
            }
        }
    }

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            try {
                boolean fromMacro = Macro.getOptions() != null;
                Request r = Commands.request(COMMAND, EXAMPLE, ReadCaseCommand::parse, ReadCaseCommand::dialog);
                if (r == null) return;
                if (!confirmReader(r, fromMacro)) return;
                ReadingSession s = open(r, ReadingCommand.PROGRESS);
                remember(r);
                for (String w : s.warnings()) {
                    IJ.log("Pars Reader: warning: " + w);
                    if (!fromMacro) IJ.showMessage("Pars Reader: Read Case", Commands.wrap(w));
                }
                if (s.frozen().isPresent()) { // issue 14: a frozen read opens read-only, and says so
                    IJ.log("Pars Reader: " + s.readOnlyReason());
                    if (!fromMacro) IJ.showMessage("Pars Reader: Read Case", Commands.wrap(s.readOnlyReason()));
                }
                String what = "Pars Reader: reading " + s.status()
                        + ActiveSession.worklist().map(n -> "; worklist " + n.progress().text()).orElse("");
                // with the panel on screen the Log window would open over the viewers; the panel shows the same
                if (r.panel() && !GraphicsEnvironment.isHeadless()) IJ.showStatus(what);
                else IJ.log(what);
            } finally {
                IJ.showProgress(1.0);
            }
        });
    }

    /** The request from macro options; throws naming a wrong or missing option. */
    public static Request parse(String options) {
        MacroOptions o = MacroOptions.parse(COMMAND, options, KEYS);
        if (o.flag(BLINDED) && o.flag(UNBLINDED)) throw new IllegalArgumentException(COMMAND + ": give 'blinded' or 'unblinded', not both");
        String reader = o.require(COMMAND, READER, EXAMPLE);
        String role = o.get(ROLE, "").trim();
        Map<String, String> series = new LinkedHashMap<>();
        for (SeriesPlan.Role r : SeriesPlan.Role.values()) {
            String v = o.get(r.key(), "").trim();
            if (!v.isEmpty()) series.put(r.key(), v);
        }
        String c = o.get(CASE, "").trim(), w = o.get(WORKLIST, "").trim();
        if (!o.get(STUDY, "").isBlank()) {
            return StudyReading.request(Path.of(o.get(STUDY, "").trim()), c, w, reader, role, o.get(TEMPLATE, "").trim(), o.flag(UNBLINDED),
                    pathOrNull(o.get(PSEUDONYMS, "")), series, !o.flag(NOPANEL), o.get(WHO, "").trim());
        }
        if (c.isEmpty() && w.isEmpty()) throw new IllegalArgumentException(COMMAND + ": option 'case' or 'worklist' is required, e.g. " + EXAMPLE);
        return new Request(c.isEmpty() ? null : Path.of(c), w.isEmpty() ? null : Path.of(w), reader, role.isEmpty() || role.equalsIgnoreCase("auto") ? null : Role.parse(role),
                CaseOptions.template(o.get(TEMPLATE, "")), !o.flag(UNBLINDED), pathOrNull(o.get(PSEUDONYMS, "")), series, !o.flag(NOPANEL));
    }

    /**
     * Opens what {@code r} asks for, makes it the active session (saving and closing the case
     * open before), and shows the panel when {@code r.panel()} and there is a display. Headless it
     * only opens the session, for the Reading macros. The new case is opened first: a wrong
     * folder, a locked or damaged case leaves the reader in the case he is reading. Only when the
     * open case itself holds the reader's lock (the same case again) is it closed first.
     */
    public static ReadingSession open(Request r, ProgressListener progress) throws IOException {
        Opened o;
        try {
            o = openRequest(r, progress);
        } catch (ReaderLockedException e) {
            if (ActiveSession.get().filter(a -> a.reader().id().equals(r.readerId())).isEmpty()) throw e;
            ActiveSession.close(); // saves what is unsaved; its lock is the one in the way
            o = openRequest(r, progress);
        }
        ActiveSession.close(); // the case open before: saved, nothing is lost by opening another
        ReadingSession s = o.session();
        WorklistNavigator n = o.worklist();
        ActiveSession.set(s, n);
        if (r.panel() && !GraphicsEnvironment.isHeadless()) showPanel(s);
        return s;
    }

    record Opened(ReadingSession session, WorklistNavigator worklist) {}

    private static Opened openRequest(Request r, ProgressListener progress) throws IOException {
        if (r.study() != null) return StudyReading.open(r, options(r, r.role()), progress);
        if (r.caseDir() != null) {
            return new Opened(ReadingSession.open(r.caseDir(), options(r, role(r, List.of(r.caseDir()))), progress), null);
        }
        List<Path> cases = Worklist.of(r.worklist(), r.readerId(), r.template(), List.of()).order();
        WorklistNavigator n = WorklistNavigator.open(r.worklist(), options(r, role(r, cases)), progress);
        return new Opened(n.current(), n);
    }

    /** THE single call site that shows the reading panel for a session (ReadingPanel is the panel engineer's). */
    static void showPanel(ReadingSession s) {
        ReadingPanel.show(s);
    }

    private static ReadingSession.Options options(Request r, Role role) {
        return new ReadingSession.Options(new FindingsDocument.Reader(r.readerId(), role), r.template(), r.blinded(), r.registry(), 30, r.series());
    }

    /**
     * The role as given, else as this reader's own findings (the first case that has them) say,
     * else the reader id when it names a role (reader R2 reads as R2, so a second reader who
     * leaves the role alone does not write a second R1 read), else R1. Reads no other reader's file.
     */
    static Role role(Request r, List<Path> cases) throws IOException {
        if (r.role() != null) return r.role();
        for (Path c : cases) {
            Optional<byte[]> mine = CaseFindings.store(c).read(r.readerId());
            if (mine.isPresent()) return FindingsJson.read(mine.get(), r.readerId() + ".findings.json").reader().role();
        }
        try {
            return Role.parse(r.readerId());
        } catch (IllegalArgumentException notARole) {
            return Role.R1;
        }
    }

    // ---- reader identity: the last reader and case per machine, the readers a study already has

    static final String PREF_READER = "parsreader.readcase.reader";
    static final String PREF_CASE = "parsreader.readcase.case";
    static final String PREF_WORKLIST = "parsreader.readcase.worklist";

    /** Remembers who read what last on this machine (ImageJ's preferences), for the next dialog. */
    private static void remember(Request r) {
        ij.Prefs.set(PREF_READER, r.readerId());
        ij.Prefs.set(PREF_CASE, r.caseDir() == null ? "" : r.caseDir().toString());
        ij.Prefs.set(PREF_WORKLIST, r.worklist() == null ? "" : r.worklist().toString());
    }

    /** The readers with findings in a case folder, or in any case of a worklist folder (sorted, each once). */
    static List<String> knownReaders(Path caseDir, Path worklist) {
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        List<Path> cases = new ArrayList<>();
        if (caseDir != null) cases.add(caseDir);
        if (worklist != null) {
            try (java.util.stream.Stream<Path> dirs = Files.list(worklist)) {
                dirs.filter(Files::isDirectory).forEach(cases::add);
            } catch (IOException unreadable) {
                // the open that follows says what is wrong with the folder
            }
        }
        for (Path c : cases) {
            try {
                ids.addAll(CaseFindings.store(c).readers());
            } catch (IOException | RuntimeException unreadable) {
                // a case without a findings folder has no readers yet
            }
        }
        return List.copyOf(ids);
    }

    /**
     * What to ask before {@code reader} starts a read in a study whose readers are {@code known}:
     * empty when the reader is known (or the study has none yet). Throws when the id differs from a
     * known one only in case (r2 vs R2): one reader must never become two.
     */
    static Optional<String> newReaderQuestion(String reader, List<String> known) {
        if (known.isEmpty() || known.contains(reader)) return Optional.empty();
        for (String k : known) {
            if (k.equalsIgnoreCase(reader)) {
                throw new IllegalArgumentException(COMMAND + ": reader '" + reader + "' differs from this study's reader '" + k
                        + "' only in upper and lower case; give '" + k + "'");
            }
        }
        return Optional.of("Reader '" + reader + "' has not read in this study yet.\nReaders here: " + String.join(", ", known)
                + ".\n \nStart a new reader '" + reader + "'?");
    }

    /**
     * Refuses a reader id that differs from a known one only in case (macros too); from the dialog,
     * asks before creating a new reader. False when the user said no.
     */
    private static boolean confirmReader(Request r, boolean fromMacro) {
        Optional<String> q = newReaderQuestion(r.readerId(), knownReaders(r.caseDir(), r.worklist()));
        if (q.isEmpty() || fromMacro || GraphicsEnvironment.isHeadless()) return true;
        ij.gui.YesNoCancelDialog d = new ij.gui.YesNoCancelDialog(IJ.getInstance(), "Pars Reader: new reader?", q.get(), "New reader", "Cancel");
        return d.yesPressed();
    }

    private static Path pathOrNull(String s) {
        return s == null || s.isBlank() ? null : Path.of(s.trim());
    }

    // ---- the dialog: labels are the macro keys, so the Recorder records exactly what parse() takes

    private static Request dialog() {
        GenericDialog gd = new GenericDialog("Pars Reader: Read Case");
        // the case (or worklist) and reader open now, else the last ones read on this machine
        String lastWorklist = ij.Prefs.get(PREF_WORKLIST, "");
        String current = ActiveSession.get().map(s -> s.caseDir().toString()).orElse(lastWorklist.isEmpty() ? ij.Prefs.get(PREF_CASE, "") : "");
        gd.addDirectoryField(CASE, current, 40);
        gd.addDirectoryField(WORKLIST, ActiveSession.get().isPresent() ? "" : lastWorklist, 40);
        gd.addMessage("A study folder, or a worklist: a folder of case folders (opens your next unfinished case).");
        gd.addFileField(STUDY, "", 40);
        gd.addMessage("Or a reader study (study.json): your next case in the study; the consensus reader: the next disagreements.");
        gd.addStringField(READER, ActiveSession.get().map(s -> s.reader().id()).orElse(ij.Prefs.get(PREF_READER, "R1")), 10);
        List<String> known = knownReaders(current.isEmpty() ? null : Path.of(current),
                ActiveSession.get().isPresent() || lastWorklist.isEmpty() ? null : Path.of(lastWorklist));
        if (!known.isEmpty()) gd.addMessage("Readers in this study: " + String.join(", ", known) + " (a new id asks first)");
        gd.addChoice(ROLE, ROLES, ROLES[0]);
        gd.addStringField(TEMPLATE, "pars-injection", 20);
        gd.addCheckbox(BLINDED, true);
        gd.addMessage("Blinded: no patient identity, dates, outcomes or other readers' findings.");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        String c = gd.getNextString().trim();
        String w = gd.getNextString().trim();
        String study = gd.getNextString().trim();
        String reader = gd.getNextString().trim();
        String roleChoice = gd.getNextChoice();
        Role role = roleChoice.equals("auto") ? null : Role.parse(roleChoice);
        ReadingTemplate template = CaseOptions.template(gd.getNextString());
        boolean blinded = gd.getNextBoolean();
        if (!blinded && Recorder.record) Recorder.recordOption(UNBLINDED); // an unticked box records nothing, and blinded is the default
        if (!study.isEmpty()) {
            return StudyReading.request(Path.of(study), c, w, reader, role == null ? "" : role.label(), "", !blinded, null, Map.of(), true, "");
        }
        Path caseDir = c.isEmpty() ? null : Path.of(c);
        Map<String, String> series = Map.of();
        if (caseDir != null && w.isEmpty()) {
            if (!Files.isDirectory(caseDir)) throw new IllegalArgumentException(COMMAND + ": case folder not found: " + caseDir);
            series = seriesDialog(StudyScanner.scan(caseDir, ReadingCommand.PROGRESS));
            if (series == null) return null;
        }
        return new Request(caseDir, w.isEmpty() ? null : Path.of(w), reader, role, template, blinded, null, series, true);
    }

    /** The series choices, with the automatic plan preselected; only choices that differ from the plan are returned. */
    private static Map<String, String> seriesDialog(StudyIndex index) {
        List<ImageStack> stacks = index.stacks();
        if (stacks.isEmpty()) throw new IllegalArgumentException(COMMAND + ": no image series in " + index.root());
        SeriesPlan plan = SeriesPlan.choose(index);
        String[] items = new String[stacks.size() + 1];
        items[0] = NONE;
        for (int i = 0; i < stacks.size(); i++) items[i + 1] = label(i + 1, stacks.get(i));
        GenericDialog gd = new GenericDialog("Pars Reader: Read Case: series");
        for (SeriesPlan.Role r : SeriesPlan.Role.values()) {
            ImageStack chosen = plan.get(r);
            gd.addChoice(r.key(), items, chosen == null ? NONE : items[stacks.indexOf(chosen) + 1]);
        }
        gd.addMessage(String.join("\n", plan.how()));
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        Map<String, String> out = new LinkedHashMap<>();
        for (SeriesPlan.Role r : SeriesPlan.Role.values()) {
            int i = gd.getNextChoiceIndex();
            ImageStack chosen = i == 0 ? null : stacks.get(i - 1);
            if (chosen != plan.get(r)) out.put(r.key(), chosen == null ? NONE : "#" + i);
        }
        return out;
    }

    /** "#3: MR STIR sagittal 15 x 128x176, 4.00 mm 'STIR SAG'": the row first, so the recorded text selects the same row. */
    static String label(int row, ImageStack s) {
        return "#" + row + ": " + s.summary() + " '" + s.series().description() + "'";
    }
}
