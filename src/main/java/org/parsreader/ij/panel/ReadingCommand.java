package org.parsreader.ij.panel;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parsreader.dicom.ImageStack;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.RoiType;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Side;
import org.parsreader.ij.Commands;
import org.parsreader.ij.ImageRois;
import org.parsreader.ij.MacroOptions;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.RoiTool;
import org.parsreader.reading.SeriesPlan;
import org.parsreader.reading.WindowPreset;
import org.parsreader.reading.WorklistNavigator;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;

/**
 * The reading macros: one PlugIn, one menu entry per action ({@code plugins.config} passes the
 * action as the argument), each acting on the {@link ActiveSession} that Read Case... opened,
 * through {@link ReadingSession} (so every change is undoable and announced to the panel).
 *
 * <p>The panel's buttons call {@link #perform(String, Map)}: the same code path as the menu
 * and macros, plus a line in ImageJ's macro Recorder ({@link PanelRecorder}) with the options
 * resolved (a selection becomes {@code points=}, a clicked seed {@code seed=x,y,z}), so the
 * recorded line replays to the same result without the selection.
 *
 * <pre>{@code
 * run("Reading Set...", "finding=pars_defect level=L5 side=left value=complete");
 * run("Reading Add ROI...", "tool=bme_roi_mean level=L5 side=left");   // the active image's selection
 * run("Reading Add ROI...", "tool=gap_width_mm level=L5 side=left series=ct points=[14.5,48,-487.5;17.1,48,-487.5]");
 * run("Reading Undo");
 * }</pre>
 */
public final class ReadingCommand implements ij.plugin.PlugIn {
    static final String FINDING = "finding";
    static final String LEVEL = "level";
    static final String SIDE = "side";
    static final String VALUE = "value";
    static final String POINT = "point";
    static final String POINTS = "points";
    static final String SERIES = "series";
    static final String SLICE = "slice";
    static final String X = "x";
    static final String Y = "y";
    static final String TOOL = "tool";
    static final String LABEL = "label";
    static final String ROI = "roi";
    static final String PRESET = "preset";
    static final String SEED = "seed";
    static final String COMPARTMENTS = "compartments";
    static final String TIP = "tip";
    /** Flag of Reading Add ROI: set the numeric finding's value from the ROI's measure and link it, in the same undo step. */
    static final String FILL = "fill";
    /** Of Reading Resolve: how a consensus disagreement is resolved (agreed, r1, r2, new, third). */
    static final String HOW = "how";
    static final String[] SIDES = {"left", "right", "none"};

    /** Every action: its name (the plugins.config argument), aliases the panel may use, the menu command, its option keys. */
    public enum Action {
        SET("set", "Reading Set...", "finding=pars_defect level=L5 side=left value=complete", FINDING, LEVEL, SIDE, VALUE),
        CLEAR("clear", "Reading Clear...", "finding=pars_defect level=L5 side=left", FINDING, LEVEL, SIDE),
        MARK_LEVEL("mark-level", "Reading Mark Level...", "level=L5 series=t2 point=1.5,-20,-52 (or series=t2 slice=8 x=64 y=100)",
                LEVEL, POINT, SERIES, SLICE, X, Y),
        ADD_ROI("add-roi", "Reading Add ROI...", "tool=gap_width_mm level=L5 side=left [fill] (the active image's selection, or series=ct points=[x,y,z;x,y,z])",
                TOOL, FINDING, LABEL, LEVEL, SIDE, POINTS, SERIES, FILL),
        REMOVE_ROI("remove-roi", "Reading Remove ROI...", "roi=roi-3", ROI),
        GO_TO("go-to", "Reading Go To...", "level=L5 side=left", LEVEL, SIDE),
        WINDOW("window", "Reading Window...", "preset=ct-bone", PRESET),
        UNDO("undo", "Reading Undo", ""),
        REDO("redo", "Reading Redo", ""),
        SAVE("save", "Reading Save", ""),
        CLOSE("close", "Reading Close", ""),
        NEXT_CASE("next-case", "Reading Next Case", ""),
        PREVIOUS_CASE("previous-case", "Reading Previous Case", ""),
        BME("bme", "Reading BME Ratio...", "level=L5 side=left", LEVEL, SIDE),
        QUANTIFY("quantify", "Reading Quantify Contrast...", "level=L5 side=left seed=16.5,52,-499.5 (or seed=roi) [tip=x,y,z] [compartments]",
                LEVEL, SIDE, SEED, TIP, COMPARTMENTS),
        STATUS("status", "Reading Status", ""),
        SHOW("show", "Reading Show Series...", "series=edema (t2, edema, ct, baseline, a row #3, a SeriesNumber or a UID)", SERIES),
        RESOLVE("resolve", "Reading Resolve...", "finding=gap_width_mm level=L5 side=left how=r1 (how: agreed, r1, r2, new, third; agreed, new and third take value=V)",
                FINDING, LEVEL, SIDE, HOW, VALUE);

        private final String id;
        private final String command;
        private final String example;
        private final Set<String> keys;

        Action(String id, String command, String example, String... keys) {
            this.id = id;
            this.command = command;
            this.example = example;
            this.keys = Set.of(keys);
        }

        public String id() { return id; }

        /** The menu command, as {@code run("...")} names it. */
        public String command() { return command; }

        public Set<String> keys() { return keys; }

        public String example() { return example; }

        /** By id ("set", "add-roi"), enum name, menu command, or the panel's short names (goto, preset, next, previous). */
        public static Action parse(String s) {
            String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            switch (k) {
                case "goto" -> { return GO_TO; }
                case "preset" -> { return WINDOW; }
                case "next" -> { return NEXT_CASE; }
                case "previous", "prev" -> { return PREVIOUS_CASE; }
                case "mark" -> { return MARK_LEVEL; }
                case "contrast" -> { return QUANTIFY; }
                default -> { }
            }
            for (Action a : values()) if (a.id.equals(k) || a.command.equalsIgnoreCase(s.trim())) return a;
            throw new IllegalArgumentException("no reading action '" + s + "'; actions: "
                    + String.join(", ", java.util.Arrays.stream(values()).map(Action::id).toList()));
        }
    }

    /** Forwards progress (loading a series) to ImageJ's progress bar and status line. */
    static final ProgressListener PROGRESS = (done, total, what) -> {
        IJ.showProgress((int) Math.min(Integer.MAX_VALUE, done), (int) Math.max(1, total));
        if (done == total || done % 32 == 0) IJ.showStatus(what + " " + done + "/" + total);
    };

    private static volatile String lastRoi = "";

    /** The id of the ROI the last Reading Add ROI added: {@code call("org.parsreader.ij.panel.ReadingCommand.lastRoi")}. */
    public static String lastRoi() {
        return lastRoi;
    }

    /** The option keys of the action named {@code arg} (the plugins.config argument). */
    static Set<String> keys(String arg) {
        return Action.parse(arg).keys();
    }

    /** What an action did: the message for the Log / status line, and the options that repeat it (for the Recorder). */
    public record Result(String message, String options) {}

    @Override
    public void run(String arg) {
        Action a;
        try {
            a = Action.parse(arg);
        } catch (IllegalArgumentException e) {
            IJ.error("Pars Reader", e.getMessage());
            return;
        }
        Commands.run(a.command, () -> {
            String macro = Macro.getOptions();
            String options;
            if (macro != null || a.keys.isEmpty()) {
                options = macro == null ? "" : macro;
            } else {
                Commands.requireDisplay(a.command, a.example);
                options = dialog(a, ActiveSession.require(a.command));
                if (options == null) return;
            }
            IJ.log("Pars Reader: " + execute(a, options, PROGRESS).message());
        });
    }

    /**
     * Runs {@code action} with macro {@code options} on the active session and records it in the
     * macro Recorder (when recording): what the panel's buttons call. Returns the message for the
     * status line; throws with a message for the reader when the action cannot be done.
     */
    public static String perform(String action, String options) throws IOException {
        Action a = Action.parse(action);
        Result r = execute(a, options == null ? "" : options, ProgressListener.NONE);
        PanelRecorder.record(a.command, r.options());
        return r.message();
    }

    /** As {@link #perform(String, String)}, with the options as keys and values in order (an empty value is a flag). */
    public static String perform(String action, Map<String, String> options) throws IOException {
        return perform(action, PanelRecorder.options(options == null ? Map.of() : options));
    }

    /**
     * For macros: {@code call("org.parsreader.ij.panel.ReadingCommand.call", "go-to", "level=L5 side=left")}
     * runs an action (without recording) and returns its message, or "error: ..." (call() never throws).
     */
    public static String call(String action, String options) {
        try {
            return execute(Action.parse(action), options == null ? "" : options, ProgressListener.NONE).message();
        } catch (IOException | RuntimeException e) {
            return "error: " + e.getMessage();
        }
    }

    /** Runs one action; the single code path of menu, macro and panel. */
    public static Result execute(Action a, String options, ProgressListener progress) throws IOException {
        MacroOptions o = MacroOptions.parse(a.command, options, a.keys);
        Opts rec = new Opts();
        String message = switch (a) {
            case SET -> {
                ReadingSession s = ActiveSession.require(a.command);
                String finding = o.require(a.command, FINDING, a.example), level = o.require(a.command, LEVEL, a.example);
                Side side = Commands.side(o.get(SIDE, ""));
                String value = o.require(a.command, VALUE, a.example);
                s.set(finding, level, side, value);
                rec.put(FINDING, finding).put(LEVEL, level).side(side).put(VALUE, value);
                yield finding + " " + level + sideText(side) + " = " + value;
            }
            case CLEAR -> {
                ReadingSession s = ActiveSession.require(a.command);
                String finding = o.require(a.command, FINDING, a.example), level = o.require(a.command, LEVEL, a.example);
                Side side = Commands.side(o.get(SIDE, ""));
                s.clear(finding, level, side);
                rec.put(FINDING, finding).put(LEVEL, level).side(side);
                yield finding + " " + level + sideText(side) + " cleared";
            }
            case MARK_LEVEL -> markLevel(a, o, rec);
            case ADD_ROI -> addRoi(a, o, rec, progress);
            case REMOVE_ROI -> {
                String id = o.require(a.command, ROI, a.example);
                ActiveSession.require(a.command).removeRoi(id);
                rec.put(ROI, id);
                yield "ROI " + id + " removed";
            }
            case GO_TO -> goTo(a, o, rec, progress);
            case WINDOW -> {
                ReadingSession s = ActiveSession.require(a.command);
                String preset = o.require(a.command, PRESET, a.example);
                Optional<ActiveSession.ViewActions> views = ActiveSession.views();
                String where;
                if (views.isPresent()) {
                    views.get().preset(preset);
                    where = "the panel's viewers";
                } else {
                    // no panel: the active image of the case (Reading Show Series)
                    WindowPreset p = WindowPreset.require(preset);
                    ImagePlus imp;
                    try {
                        imp = caseImage(s, a);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(a.command + ": no panel is shown and no series of the case is the active image;"
                                + " show one with Reading Show Series...");
                    }
                    Volume v = ImageRois.volume(imp);
                    if (!p.appliesTo(v)) throw new IllegalArgumentException(a.command + ": " + p.label() + " does not apply to " + v.name());
                    double[] r = p.storedRange(v);
                    imp.setDisplayRange(r[0], r[1]);
                    imp.updateAndDraw();
                    where = imp.getTitle();
                }
                rec.put(PRESET, preset);
                yield "window " + preset + " on " + where;
            }
            case UNDO -> {
                ReadingSession s = ActiveSession.require(a.command);
                Optional<String> what = s.undoDescription();
                yield s.undo() ? "undone: " + what.orElse("") : "nothing to undo";
            }
            case REDO -> {
                ReadingSession s = ActiveSession.require(a.command);
                Optional<String> what = s.redoDescription();
                yield s.redo() ? "redone: " + what.orElse("") : "nothing to redo";
            }
            case SAVE -> {
                ReadingSession s = ActiveSession.require(a.command);
                yield s.save().map(v -> "saved " + s.pseudonym() + " (" + s.reader().id() + "), version " + v.seq()).orElse("nothing new to save");
            }
            case CLOSE -> {
                Optional<ReadingSession> s = ActiveSession.get();
                if (s.isEmpty()) yield "no case is open";
                String who = s.get().pseudonym() + " (" + s.get().reader().id() + ")";
                ActiveSession.close();
                yield "saved and closed " + who;
            }
            case NEXT_CASE, PREVIOUS_CASE -> move(a, progress);
            case BME -> {
                ReadingSession s = ActiveSession.require(a.command);
                String level = o.require(a.command, LEVEL, a.example);
                Side side = Commands.side(o.get(SIDE, ""));
                rec.put(LEVEL, level).side(side);
                yield s.measureBme(level, side).describe();
            }
            case QUANTIFY -> quantify(a, o, rec, progress);
            case STATUS -> {
                ReadingSession s = ActiveSession.require(a.command);
                String w = ActiveSession.worklist().filter(n -> n.current() == s).map(n -> "; worklist " + n.progress().text()).orElse("");
                yield s.status() + w;
            }
            case RESOLVE -> {
                ConsensusReading c = ConsensusReading.require(ActiveSession.require(a.command), a.command);
                String finding = o.require(a.command, FINDING, a.example), level = o.require(a.command, LEVEL, a.example);
                Side side = Commands.side(o.get(SIDE, ""));
                org.parsreader.study.ConsensusRecord.How how;
                try {
                    how = org.parsreader.study.ConsensusRecord.How.parse(o.require(a.command, HOW, a.example));
                } catch (org.parsreader.study.StudyException e) {
                    throw new IllegalArgumentException(a.command + ": " + e.getMessage().replace("--how", "how"), e);
                }
                String value = o.get(VALUE, "").trim();
                try {
                    String m = c.resolve(finding, level, side, how, value.isEmpty() ? null : value);
                    rec.put(FINDING, finding).put(LEVEL, level).side(side).put(HOW, how.label());
                    if (!value.isEmpty()) rec.put(VALUE, value);
                    yield m;
                } catch (org.parsreader.study.StudyException e) {
                    throw new IllegalArgumentException(a.command + ": " + e.getMessage().replace("--how", "how").replace("--value V", "value=V")
                            .replace("leave out --value", "leave out value="), e);
                }
            }
            case SHOW -> {
                ReadingSession s = ActiveSession.require(a.command);
                String key = o.require(a.command, SERIES, a.example);
                ImagePlus imp = image(s, stack(s, key), progress);
                imp.show();
                rec.put(SERIES, key);
                yield "showing " + imp.getTitle();
            }
        };
        return new Result(message, rec.text());
    }

    // ---- the actions with more to them

    private static String markLevel(Action a, MacroOptions o, Opts rec) {
        ReadingSession s = ActiveSession.require(a.command);
        String level = o.require(a.command, LEVEL, a.example);
        Volume v;
        double[] p;
        if (!o.get(POINT, "").isEmpty()) {
            v = seriesVolume(s, o.get(SERIES, ""), a);
            p = point(a, POINT, o.get(POINT, ""));
        } else if (!o.get(SLICE, "").isEmpty() || !o.get(X, "").isEmpty() || !o.get(Y, "").isEmpty()) {
            v = seriesVolume(s, o.require(a.command, SERIES, a.example), a);
            int slice = (int) number(a, SLICE, o.require(a.command, SLICE, a.example));
            if (slice < 1 || slice > v.depth()) throw new IllegalArgumentException(a.command + ": slice " + slice + " is outside " + v.name() + " (1.." + v.depth() + ")");
            p = v.geometry().toPatient(number(a, X, o.require(a.command, X, a.example)), number(a, Y, o.require(a.command, Y, a.example)), slice - 1);
        } else {
            ImagePlus imp = caseImage(s, a);
            Roi sel = imp.getRoi();
            if (sel == null || sel.getType() != Roi.POINT) {
                throw new IllegalArgumentException(a.command + ": click the vertebral body centre with the point tool on a series of the case, or give " + a.example);
            }
            v = ImageRois.sourceVolume(imp);
            p = ImageRois.toFindingsRoi(imp, sel, null, level, null).points().get(0);
        }
        s.markLevel(level, v, p);
        rec.put(LEVEL, level).put(SERIES, v.seriesInstanceUid()).put(POINT, mm(p));
        return String.format(Locale.ROOT, "%s marked at %s mm on %s", level, mm(p), v.name());
    }

    private static String addRoi(Action a, MacroOptions o, Opts rec, ProgressListener progress) {
        ReadingSession s = ActiveSession.require(a.command);
        String level = o.require(a.command, LEVEL, a.example);
        Side side = Commands.side(o.get(SIDE, ""));
        String toolId = o.get(TOOL, "").trim();
        RoiTool tool;
        String finding;
        String label;
        if (!toolId.isEmpty()) {
            tool = RoiTool.require(s.template(), toolId);
            finding = tool.finding();
            label = tool.roiLabel();
        } else {
            finding = o.require(a.command, FINDING, a.example);
            label = o.get(LABEL, "").trim().isEmpty() ? null : o.get(LABEL, "").trim();
            tool = RoiTool.forRoi(s.template(), finding, label).orElse(null);
        }
        if (tool != null && tool.kind() == RoiTool.Kind.SEED) {
            throw new IllegalArgumentException(a.command + ": " + tool.id() + " is a seed tool; its ROI is the contrast region: use Reading Quantify Contrast (level, side, seed)");
        }
        FindingsDocument.Roi roi;
        if (!o.get(POINTS, "").isEmpty()) {
            Volume v = seriesVolume(s, o.get(SERIES, "").isEmpty() && tool != null ? role(tool.series()) : o.require(a.command, SERIES, a.example), a);
            List<double[]> pts = points(a, o.get(POINTS, ""));
            RoiType type = tool != null ? tool.roiType() : switch (pts.size()) {
                case 1 -> RoiType.POINT;
                case 2 -> RoiType.LINE;
                default -> RoiType.POLYGON;
            };
            roi = new FindingsDocument.Roi(null, type, finding, level, side, pts, v.frameOfReferenceUid(), v.seriesInstanceUid(),
                    sop(v, pts.get(0)), null, label);
        } else {
            ImagePlus imp = caseImage(s, a);
            Roi sel = imp.getRoi();
            FindingsDocument.Roi drawn = ImageRois.toFindingsRoi(imp, sel, finding, level, side);
            roi = new FindingsDocument.Roi(null, drawn.type(), drawn.finding(), drawn.level(), drawn.side(), drawn.points(),
                    drawn.frameOfReferenceUid(), drawn.seriesInstanceUid(), drawn.sopInstanceUids(), null, label);
        }
        if (tool != null && roi.type() != tool.roiType()) {
            throw new IllegalArgumentException(a.command + ": the " + tool.id() + " tool draws a " + tool.roiType().label() + ", not a " + roi.type().label());
        }
        boolean fill = o.flag(FILL);
        String id = s.addRoi(roi, fill);
        if (tool != null) rec.put(TOOL, tool.id());
        else rec.put(FINDING, finding).put(LABEL, label);
        rec.put(LEVEL, level).side(side).put(SERIES, roi.seriesInstanceUid()).put(POINTS, mm(roi.points()));
        if (fill) rec.put(FILL, "");
        lastRoi = id;
        FindingsDocument d = s.document();
        StringBuilder m = new StringBuilder("ROI " + id + " added (" + roi.type().label() + " " + finding + (label == null ? "" : " " + label) + " "
                + level + sideText(side) + ")");
        if (fill) s.editor().get(finding, level, side).ifPresent(v -> m.append("; ").append(finding).append(" = ").append(v.text()));
        for (FindingsDocument.Measurement x : d.measurements()) {
            if (x.provenance() != null && id.equals(x.provenance().roi())) {
                m.append(String.format(Locale.ROOT, "; %s = %.3f %s", x.finding(), x.value(), x.unit()));
                String cr = x.provenance().parameters() == null ? null : x.provenance().parameters().get("contrast_ratio");
                if (cr != null) m.append(", contrast ratio ").append(cr);
            }
        }
        s.bme(level, side).filter(b -> b.bmeRoi().equals(id) || b.refRoi().equals(id)).ifPresent(b -> m.append("; ").append(b.describe()));
        return m.toString();
    }

    private static String goTo(Action a, MacroOptions o, Opts rec, ProgressListener progress) {
        ReadingSession s = ActiveSession.require(a.command);
        String level = o.require(a.command, LEVEL, a.example);
        if (!s.template().allLevels().contains(level)) {
            throw new IllegalArgumentException(a.command + ": level '" + level + "' is not one of " + s.template().allLevels());
        }
        Side side = Commands.side(o.get(SIDE, ""));
        rec.put(LEVEL, level).side(side);
        List<String> where = new ArrayList<>();
        for (ImageStack st : s.plan().shown()) {
            Volume v = s.volume(st, progress);
            LevelMap map = s.levels(v.frameOfReferenceUid());
            Optional<double[]> p = side == null ? map.level(level).map(LevelMap.Position::point) : map.pars(s.document(), level, side);
            String name = st.series().description();
            if (p.isEmpty()) {
                where.add(name + ": " + level + " not marked in this frame of reference (mark two levels there)");
                continue;
            }
            Optional<int[]> at = map.locate(v, p.get());
            where.add(at.map(x -> String.format(Locale.ROOT, "%s: slice %d (x %d, y %d)", name, x[0], x[1], x[2]))
                    .orElse(name + ": outside the series"));
        }
        boolean shown = ActiveSession.views().map(v -> v.goTo(level, side)).orElse(false);
        if (!shown) shown = goToOnActiveImage(s, level, side);
        // the form follows: its selected cell moves to the level and side (the next value typed lands there)
        ReadingPanel.current().filter(p -> p.session() == s).ifPresent(p -> javax.swing.SwingUtilities.invokeLater(() -> p.form().selectPlace(level, side)));
        return level + sideText(side) + (shown ? " shown" : "") + ": " + String.join("; ", where);
    }

    /** Without a panel: the active image, when it shows a series of the case, goes to the slice (and a point marks the place). */
    private static boolean goToOnActiveImage(ReadingSession s, String level, Side side) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null || !(imp.getProperty(org.parsreader.ij.OpenStudyCommand.VOLUME_PROPERTY) instanceof Volume v)
                || s.index().findStack(v.seriesInstanceUid()).isEmpty() || v.depth() != imp.getStackSize()) {
            return false;
        }
        LevelMap map = s.levels(v.frameOfReferenceUid());
        Optional<double[]> p = side == null ? map.level(level).map(LevelMap.Position::point) : map.pars(s.document(), level, side);
        Optional<int[]> at = p.flatMap(x -> map.locate(v, x));
        if (at.isEmpty()) return false;
        imp.setSlice(at.get()[0]);
        imp.setRoi(new ij.gui.PointRoi(at.get()[1], at.get()[2]));
        return true;
    }

    private static String move(Action a, ProgressListener progress) throws IOException {
        ReadingSession s = ActiveSession.require(a.command);
        WorklistNavigator n = ActiveSession.worklist().filter(w -> w.current() == s).orElseThrow(() -> new IllegalStateException(a.command
                + ": the open case was not opened from a worklist; open one with Read Case... worklist=<folder of cases>"));
        Optional<ReadingSession> to = a == Action.NEXT_CASE ? n.next(progress) : n.previous(progress);
        if (to.isEmpty()) {
            return (a == Action.NEXT_CASE ? "the last" : "the first") + " case of the worklist is open (" + n.progress().text() + ")";
        }
        ActiveSession.set(to.get(), n);
        return "case " + to.get().pseudonym() + " (" + n.progress().text() + ")";
    }

    private static String quantify(Action a, MacroOptions o, Opts rec, ProgressListener progress) {
        ReadingSession s = ActiveSession.require(a.command);
        String level = o.require(a.command, LEVEL, a.example);
        Side side = Commands.side(o.get(SIDE, ""));
        String seedText = o.get(SEED, "roi").trim();
        double[] seed;
        if (seedText.isEmpty() || seedText.equalsIgnoreCase("roi")) {
            ImagePlus imp = caseImage(s, a);
            Roi sel = imp.getRoi();
            if (sel == null) throw new IllegalArgumentException(a.command + ": click the contrast with the point tool on the post-contrast CT, or give seed=x,y,z");
            Volume v = ImageRois.sourceVolume(imp);
            Volume post = s.volume(s.stack(SeriesPlan.Role.CT), progress);
            if (!java.util.Objects.equals(v.frameOfReferenceUid(), post.frameOfReferenceUid())) {
                throw new IllegalArgumentException(a.command + ": the seed must be on a CT of the post-contrast series' frame of reference, not on " + v.name());
            }
            int slice = ImageRois.slice(imp, sel);
            if (sel.getType() == Roi.POINT) {
                seed = ImageRois.toFindingsRoi(imp, sel, null, level, side).points().get(0); // on a MIP: the brightest voxel of the slab
            } else if (ImageRois.isReformat(imp)) {
                java.awt.geom.Rectangle2D b = sel.getFloatBounds();
                seed = ImageRois.mapping(imp).toPatient(b.getCenterX() - 0.5, b.getCenterY() - 0.5, slice - 1);
            } else {
                java.awt.geom.Rectangle2D b = sel.getFloatBounds();
                seed = v.geometry().toPatient(b.getCenterX() - 0.5, b.getCenterY() - 0.5, slice - 1);
            }
        } else {
            seed = point(a, SEED, seedText);
        }
        boolean compartments = o.flag(COMPARTMENTS);
        double[] tip = o.get(TIP, "").isBlank() ? null : point(a, TIP, o.get(TIP, ""));
        ReadingSession.ContrastOutcome r = s.quantifyContrast(level, side, seed, tip, compartments, progress);
        rec.put(LEVEL, level).side(side).put(SEED, mm(seed));
        if (tip != null) rec.put(TIP, mm(tip));
        if (compartments) rec.put(COMPARTMENTS, "");
        return r.describe() + (r.overlap() == null ? "" : "; reached " + r.overlap().reached());
    }

    // ---- helpers

    /**
     * A series of the session as an ImageJ image a reader may draw on: calibrated (mm, HU), with
     * the Volume behind it (so ROIs go to patient mm), titled and with header text ("Info",
     * slice labels) as the session's blinding allows: no identity when blinded.
     */
    public static ImagePlus image(ReadingSession s, ImageStack stack, ProgressListener progress) {
        Volume v = s.volume(stack, progress);
        ImagePlus imp = org.parsreader.volume.ImageJViews.toImagePlus(v, k -> s.headerText(v, k));
        imp.setTitle(CaseViewers.title(s, stack, v)); // as the case viewers: what it is, first; no identity when blinded
        imp.setProperty(org.parsreader.ij.OpenStudyCommand.VOLUME_PROPERTY, v);
        imp.setProperty("ParsReader.StackId", stack.id());
        if (!s.blinded()) imp.setProperty("ParsReader.Case", s.caseDir().toAbsolutePath().toString());
        return imp;
    }

    /** A plan role (t2, edema, ct, baseline) or any key {@link SeriesPlan#find} takes. */
    static ImageStack stack(ReadingSession s, String key) {
        String k = key.trim();
        for (SeriesPlan.Role r : SeriesPlan.Role.values()) if (r.key().equalsIgnoreCase(k)) return s.stack(r);
        return SeriesPlan.find(s.index(), k);
    }

    /** The template's series kind to a plan role: CT, MR-STIR (edema), MR-T2 / MR (T2). */
    static String role(String templateSeries) {
        if (templateSeries == null) return "";
        String t = templateSeries.toUpperCase(Locale.ROOT);
        if (t.startsWith("CT")) return SeriesPlan.Role.CT.key();
        if (t.contains("STIR") || t.contains("FS") || t.contains("FAT")) return SeriesPlan.Role.EDEMA.key();
        return SeriesPlan.Role.T2.key();
    }

    /** A series of the case: a plan role (t2, edema, ct, baseline), a row (#3), a SeriesNumber or a UID; empty: the active image's. */
    static Volume seriesVolume(ReadingSession s, String key, Action a) {
        String k = key == null ? "" : key.trim();
        if (k.isEmpty()) return ImageRois.sourceVolume(caseImage(s, a));
        return s.volume(stack(s, k), ProgressListener.NONE);
    }

    /** The active image, which must show a series of the open case. */
    static ImagePlus caseImage(ReadingSession s, Action a) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) throw new IllegalArgumentException(a.command + ": no image is open; draw on a series of the case, or give " + a.example);
        Volume v = ImageRois.sourceVolume(imp);
        if (s.index().findStack(v.seriesInstanceUid()).isEmpty()) {
            throw new IllegalArgumentException(a.command + ": image '" + imp.getTitle() + "' is not a series of the open case " + s.pseudonym());
        }
        return imp;
    }

    private static List<String> sop(Volume v, double[] p) {
        double[] ijk = v.geometry().toVoxel(p[0], p[1], p[2]);
        int k = (int) Math.round(ijk[2]);
        if (k < 0 || k >= v.depth()) return List.of();
        String uid = v.slices().get(k).sopInstanceUid();
        return uid == null || uid.isEmpty() ? List.of() : List.of(uid);
    }

    static double[] point(Action a, String key, String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        if (parts.length != 3) throw new IllegalArgumentException(a.command + ": " + key + " '" + text + "' is not x,y,z in patient mm");
        return new double[] {number(a, key, parts[0]), number(a, key, parts[1]), number(a, key, parts[2])};
    }

    static List<double[]> points(Action a, String text) {
        List<double[]> out = new ArrayList<>();
        for (String p : text.split(";")) if (!p.isBlank()) out.add(point(a, POINTS, p));
        if (out.isEmpty()) throw new IllegalArgumentException(a.command + ": points is empty; give x,y,z;x,y,z;... in patient mm");
        return out;
    }

    static double number(Action a, String key, String text) {
        try {
            double d = Double.parseDouble(text.trim());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(a.command + ": " + key + " '" + text + "' is not a number");
        }
    }

    static String mm(double[] p) {
        return String.format(Locale.ROOT, "%s,%s,%s", num(p[0]), num(p[1]), num(p[2]));
    }

    static String mm(List<double[]> pts) {
        List<String> s = new ArrayList<>();
        for (double[] p : pts) s.add(mm(p));
        return String.join(";", s);
    }

    /** Up to 4 decimals (0.1 um), no trailing zeros: exact enough to replay, short enough to read. */
    private static String num(double d) {
        String s = String.format(Locale.ROOT, "%.4f", d);
        s = s.replaceAll("0+$", "");
        if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        return s.equals("-0") ? "0" : s;
    }

    private static String sideText(Side side) {
        return side == null ? "" : " " + side.label();
    }

    /** Options in order, for the Recorder. */
    private static final class Opts {
        private final Map<String, String> m = new LinkedHashMap<>();

        Opts put(String k, String v) {
            if (v != null) m.put(k, v);
            return this;
        }

        Opts side(Side s) {
            if (s != null) m.put(SIDE, s.label());
            return this;
        }

        String text() {
            return PanelRecorder.options(m);
        }
    }

    // ---- dialogs (labels are the macro keys, so ImageJ records key=value)

    private static String dialog(Action a, ReadingSession s) {
        ReadingTemplate t = s.template();
        String[] levels = t.allLevels().toArray(new String[0]);
        GenericDialog gd = new GenericDialog("Pars Reader: " + a.command.replace("...", ""));
        Map<String, String> o = new LinkedHashMap<>();
        switch (a) {
            case SET, CLEAR -> {
                gd.addChoice(FINDING, t.findings().stream().map(ReadingTemplate.FindingType::id).toArray(String[]::new), t.findings().get(0).id());
                gd.addChoice(LEVEL, levels, levels[Math.max(0, t.levels().size() - 2)]);
                gd.addChoice(SIDE, SIDES, SIDES[0]);
                if (a == Action.SET) gd.addStringField(VALUE, "", 20);
                gd.showDialog();
                if (gd.wasCanceled()) return null;
                o.put(FINDING, gd.getNextChoice());
                o.put(LEVEL, gd.getNextChoice());
                o.put(SIDE, gd.getNextChoice());
                if (a == Action.SET) o.put(VALUE, gd.getNextString().trim());
            }
            case MARK_LEVEL -> {
                gd.addChoice(LEVEL, levels, levels[Math.max(0, t.levels().size() - 2)]);
                gd.addMessage("The point selection on the active image marks the level's vertebral body centre.");
                gd.showDialog();
                if (gd.wasCanceled()) return null;
                o.put(LEVEL, gd.getNextChoice());
            }
            case ADD_ROI -> {
                String[] tools = RoiTool.of(t).stream().filter(x -> x.kind() != RoiTool.Kind.SEED).map(RoiTool::id).toArray(String[]::new);
                if (tools.length == 0) throw new IllegalArgumentException(a.command + ": template " + t.id() + " has no ROI tools");
                gd.addChoice(TOOL, tools, tools[0]);
                gd.addChoice(LEVEL, levels, levels[Math.max(0, t.levels().size() - 2)]);
                gd.addChoice(SIDE, SIDES, SIDES[0]);
                gd.addCheckbox(FILL, true);
                gd.addMessage("The selection on the active image becomes the ROI; with 'fill' a numeric finding\ntakes its value from it (line length, polygon mean).");
                gd.showDialog();
                if (gd.wasCanceled()) return null;
                o.put(TOOL, gd.getNextChoice());
                o.put(LEVEL, gd.getNextChoice());
                o.put(SIDE, gd.getNextChoice());
                if (gd.getNextBoolean()) o.put(FILL, "");
            }
            case REMOVE_ROI -> {
                String[] ids = s.document().rois().stream().map(FindingsDocument.Roi::id).toArray(String[]::new);
                if (ids.length == 0) throw new IllegalArgumentException(a.command + ": the reader has no ROIs in this case");
                gd.addChoice(ROI, ids, ids[ids.length - 1]);
                gd.showDialog();
                if (gd.wasCanceled()) return null;
                o.put(ROI, gd.getNextChoice());
            }
            case GO_TO, BME, QUANTIFY -> {
                gd.addChoice(LEVEL, levels, levels[Math.max(0, t.levels().size() - 2)]);
                gd.addChoice(SIDE, SIDES, SIDES[0]);
                if (a == Action.QUANTIFY) {
                    gd.addCheckbox(COMPARTMENTS, false);
                    gd.addMessage("The seed is the point selection on the post-contrast CT.");
                }
                gd.showDialog();
                if (gd.wasCanceled()) return null;
                o.put(LEVEL, gd.getNextChoice());
                o.put(SIDE, gd.getNextChoice());
                if (a == Action.QUANTIFY && gd.getNextBoolean()) o.put(COMPARTMENTS, "");
            }
            case SHOW -> {
                String[] roles = java.util.Arrays.stream(SeriesPlan.Role.values()).filter(r -> s.plan().get(r) != null)
                        .map(SeriesPlan.Role::key).toArray(String[]::new);
                if (roles.length == 0) throw new IllegalArgumentException(a.command + ": the case has no series to show");
                gd.addChoice(SERIES, roles, roles[0]);
                gd.showDialog();
                if (gd.wasCanceled()) return null;
                o.put(SERIES, gd.getNextChoice());
            }
            case RESOLVE -> {
                List<org.parsreader.study.Discrepancies.Discrepancy> open = ConsensusReading.require(s, a.command).open();
                if (open.isEmpty()) throw new IllegalArgumentException(a.command + ": no disagreement of this case is open");
                String[] places = open.stream().map(org.parsreader.study.Discrepancies.Discrepancy::place).toArray(String[]::new);
                gd.addChoice("disagreement", places, places[0]);
                gd.addChoice(HOW, new String[] {"r1", "r2", "agreed", "new", "third"}, "r1");
                gd.addStringField(VALUE, "", 12);
                gd.addMessage("r1 / r2 take that reader's value; agreed, new and third take the value typed.");
                gd.showDialog();
                if (gd.wasCanceled()) return null;
                org.parsreader.study.Discrepancies.Discrepancy d = open.get(gd.getNextChoiceIndex());
                o.put(FINDING, d.finding());
                o.put(LEVEL, d.level());
                o.put(SIDE, d.side() == null ? "none" : d.side().label());
                o.put(HOW, gd.getNextChoice());
                String v = gd.getNextString().trim();
                if (!v.isEmpty()) o.put(VALUE, v);
            }
            case WINDOW -> {
                gd.addStringField(PRESET, "ct-bone", 12);
                gd.addMessage("ct-bone, ct-soft or mr-auto");
                gd.showDialog();
                if (gd.wasCanceled()) return null;
                o.put(PRESET, gd.getNextString().trim());
            }
            default -> { }
        }
        return PanelRecorder.options(o);
    }
}
