package org.parsreader.reading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parsreader.dicom.DicomHeaderText;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.FindingsException;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.FindingsDocument.Provenance;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.FindingsDocument.RoiType;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.RoiGeometry;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.findings.store.Version;
import org.parsreader.quant.CompartmentOverlap;
import org.parsreader.quant.ContrastFindings;
import org.parsreader.quant.ContrastParameters;
import org.parsreader.quant.ContrastResult;
import org.parsreader.quant.ContrastSegmenter;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;

/**
 * One reader's open case: the study index, the series plan, the loaded volumes and the
 * reader's findings (locked, autosaved). Every change a reader makes goes through here, from
 * the panel or from a macro, and every change is announced to the listeners (the panel's form
 * and overlays). Headless: the panel is one listener among others.
 *
 * <p>Thread-safety: changes are synchronized; listeners are called on the changing thread.
 */
public final class ReadingSession implements AutoCloseable {
    /** What happened, for the panel's status line and the recorder. */
    public record Change(String kind, String description) {}

    public interface Listener {
        void changed(Change change);
    }

    /**
     * How a case is opened.
     *
     * @param registry the cohort's pseudonym list (null: {@link CaseFindings#defaultRegistry})
     * @param blinded  hide identity, dates, outcomes and the other readers' findings (the default)
     * @param series   the reader's series choices over the automatic plan: {@code t2}, {@code edema},
     *                 {@code ct}, {@code baseline} to a row ({@code #3}), SeriesNumber, UID, or {@code none}
     */
    public record Options(FindingsDocument.Reader reader, ReadingTemplate template, boolean blinded, Path registry,
                          double autosaveSeconds, Map<String, String> series) {
        public Options {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(template, "template");
            series = series == null ? Map.of() : Map.copyOf(series);
        }

        public Options(FindingsDocument.Reader reader, ReadingTemplate template, boolean blinded, Path registry, double autosaveSeconds) {
            this(reader, template, blinded, registry, autosaveSeconds, Map.of());
        }

        public static Options blinded(FindingsDocument.Reader reader, ReadingTemplate template) {
            return new Options(reader, template, true, null, 30);
        }

        public Options withSeries(Map<String, String> choices) {
            return new Options(reader, template, blinded, registry, autosaveSeconds, choices);
        }
    }

    /** The finding ids of the edema ROI pair (pars-injection); the ratio is computed when both ROIs exist. */
    public static final String BME_ROI = "bme_roi_mean";
    public static final String BME_REF = "bme_ref_mean";
    public static final String BME_REF_TYPE = "bme_ref_type";
    /** The contrast-region finding (its ROI is the 3D mask of the quantification). */
    public static final String CONTRAST_VOLUME = "contrast_volume_ml";
    /** Measurement method of the edema ROI mean that carries the ratios in its parameters. */
    public static final String BME_METHOD = "roi-mean";

    /** The software named in measurement provenance. */
    public static final String SOFTWARE = "Pars Reader " + version();

    /**
     * The edema ratio at one level and side, from the reader's edema and reference ROIs.
     *
     * @param referenceType the value of {@code bme_ref_type} there, or null when not set yet
     */
    public record BmeResult(String level, Side side, String bmeRoi, String refRoi, double bmeMean, double refMean,
                            String referenceType, double contrastRatio, double simpleRatio) {
        public String describe() {
            return String.format(Locale.ROOT, "BME %s%s: edema %.1f, reference %.1f%s, contrast ratio %.3f, ratio %.3f", level,
                    side == null ? "" : " " + side.label(), bmeMean, refMean, referenceType == null ? "" : " (" + referenceType + ")",
                    contrastRatio, simpleRatio);
        }
    }

    /** The contrast region quantified from a seed and stored as a mask3d ROI with its volume. */
    public record ContrastOutcome(String roiId, ContrastResult result, CompartmentOverlap overlap) {
        public String describe() {
            return String.format(Locale.ROOT, "contrast %s: %.4f mL, extent %.1f mm (%s)", roiId, result.volumeMl(),
                    result.craniocaudalExtentMm(), result.mode());
        }
    }

    /** One undoable step of the reader: the editor changes it made (one or more) and what it was. */
    private record Step(int edits, String description) {}

    private final Path caseDir;
    private final Options options;
    private final StudyIndex index;
    private volatile SeriesPlan plan;
    private final CaseFindings findings;
    private final Deque<Step> undoSteps = new ArrayDeque<>();
    private final Deque<Step> redoSteps = new ArrayDeque<>();
    private final Map<String, Volume> volumes = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** The freeze of this read, if it is frozen: the session is then read-only. */
    private volatile org.parsreader.findings.store.FreezeRecord frozen;

    private ReadingSession(Path caseDir, Options options, StudyIndex index, SeriesPlan plan, CaseFindings findings) {
        this.caseDir = caseDir;
        this.options = options;
        this.index = index;
        this.plan = plan;
        this.findings = findings;
    }

    /**
     * Scans {@code caseDir}, chooses the series, and opens (locks) the reader's findings there.
     * Only this reader's findings file is read: never another reader's, never outcomes.
     */
    public static ReadingSession open(Path caseDir, Options options, ProgressListener progress) throws IOException {
        if (!Files.isDirectory(caseDir)) throw new IllegalArgumentException("not a case folder: " + caseDir);
        StudyIndex index = StudyScanner.scan(caseDir, progress);
        if (index.stacks().isEmpty()) throw new IllegalArgumentException("no image series in " + caseDir);
        SeriesPlan plan = SeriesPlan.choose(index).withOverrides(index, options.series());
        Path registry = options.registry() != null ? options.registry() : CaseFindings.defaultRegistry(caseDir);
        CaseFindings f = CaseFindings.openCase(caseDir, options.reader(), options.template(), registry,
                options.reader().id() + " (reading panel)");
        ReadingSession s = new ReadingSession(caseDir, options, index, plan, f);
        s.frozen = CaseFindings.store(caseDir).freezeRecord(options.reader().id()).orElse(null);
        if (options.autosaveSeconds() > 0 && s.frozen == null) {
            f.startAutosave(options.autosaveSeconds(), new org.parsreader.findings.store.Autosaver.Listener() {
                @Override
                public void saved(long revision, Version version) {
                    s.fire(new Change("autosaved", "autosaved (version " + version.seq() + ")"));
                }

                @Override
                public void failed(Exception error) {
                    s.fire(new Change("autosave-failed", "autosave failed: " + error.getMessage()));
                }
            });
        }
        return s;
    }

    public Path caseDir() { return caseDir; }

    public Options options() { return options; }

    public StudyIndex index() { return index; }

    public SeriesPlan plan() { return plan; }

    /** Shows {@code stack} (null: none) as the plan's {@code role}; announced as a "series" change (not a findings change). */
    public void choose(SeriesPlan.Role role, ImageStack stack) {
        plan = plan.with(role, stack);
        fire(new Change("series", role.key() + ": " + (stack == null ? "none" : SeriesPlan.label(stack))));
    }

    public ReadingTemplate template() { return options.template(); }

    public FindingsDocument.Reader reader() { return options.reader(); }

    public boolean blinded() { return options.blinded(); }

    /** The reader's findings as they are now (immutable snapshot). */
    public FindingsDocument document() { return findings.editor().document(); }

    /** The patient as the reader sees him: the pseudonym (identity only when not blinded, see {@link #caseTitle}). */
    public String pseudonym() { return document().pseudonym(); }

    /** The editor, for reads (values, undo state); make changes through this session. */
    public FindingsEditor editor() { return findings.editor(); }

    public boolean isDirty() { return findings.editor().isDirty(); }

    /** The volume of a stack, loaded once. */
    public Volume volume(ImageStack stack, ProgressListener progress) {
        return volumes.computeIfAbsent(stack.id(), id -> VolumeLoader.load(stack, progress));
    }

    /** The volume of the series (SeriesInstanceUID or any key {@link SeriesPlan#find} takes), loaded once. */
    public Volume volume(String series, ProgressListener progress) {
        return volume(SeriesPlan.find(index, series), progress);
    }

    /** The stack of the plan's {@code role}; throws saying that the case has none. */
    public ImageStack stack(SeriesPlan.Role role) {
        ImageStack s = plan.get(role);
        if (s == null) throw new IllegalArgumentException("this case has no " + role.key() + " series (" + String.join("; ", plan.how()) + ")");
        return s;
    }

    // ---- what the reader sees (blinded by default)

    /** The case as the panel's header shows it: the pseudonym; identity and study dates only when not blinded. */
    public String caseTitle() {
        return Blinding.caseTitle(index, pseudonym(), blinded());
    }

    /** A series' window title: pseudonym and series; identity and date only when not blinded. */
    public String seriesTitle(ImageStack stack) {
        return Blinding.seriesTitle(index, stack, pseudonym(), blinded());
    }

    /**
     * The DICOM header text of slice {@code k} (0-based) of {@code v}, in ImageJ's "Info" format,
     * without patient identity, dates, accession numbers and institutions when blinded. Viewers
     * attach this, never {@code DicomHeaderText} directly.
     */
    public String headerText(Volume v, int k) {
        Path file = v.slices().get(k).file();
        if (file == null) return "";
        String text = DicomHeaderText.of(file);
        return blinded() ? Blinding.header(text) : text;
    }

    /** One line for the status bar and the log: case, reader, counts, saved or not (blinded: no identity). */
    public String status() {
        FindingsDocument d = document();
        return String.format(Locale.ROOT, "case %s, reader %s (%s), template %s: %d value(s), %d ROI(s), %d measurement(s), %d level mark(s); %s%s",
                blinded() ? pseudonym() : caseDir.getFileName() + " / " + pseudonym(), reader().id(), reader().role().label(), template().id(),
                d.values().size(), d.rois().size(), d.measurements().size(), d.levelMarks().size(),
                isDirty() ? "unsaved changes" : "all saved", (closed ? " (closed)" : "") + (frozen != null ? " (read-only: frozen)" : ""));
    }

    /** The levels of a frame of reference, marked and proposed. */
    public LevelMap levels(String frameOfReferenceUid) {
        return LevelMap.of(document(), template(), frameOfReferenceUid);
    }

    public void addListener(Listener l) { listeners.add(l); }

    public void removeListener(Listener l) { listeners.remove(l); }

    /** Announces a change made beside the findings (a consensus record moved on), so the panel shows it; changes nothing. */
    public void announce(String kind, String description) {
        fire(new Change(kind, description));
    }

    void fire(Change c) {
        for (Listener l : listeners) l.changed(c);
    }

    // ---- changes: each one undoable (one step, however many edits it makes), announced, and saved by the autosaver

    /**
     * Makes a change of several edits as one undoable step: {@code edit} runs on the editor
     * (e.g. {@code ContrastFindings.record}); if it throws, its edits are rolled back. Announced
     * as {@code kind} with {@code describe(result)}.
     */
    public <T> T change(String kind, Function<FindingsEditor, T> edit, Function<T, String> describe) {
        T result;
        String text;
        synchronized (this) {
            requireOpen();
            FindingsEditor e = findings.editor();
            long before = e.revision();
            try {
                result = edit.apply(e);
                text = describe.apply(result);
            } catch (RuntimeException ex) {
                long made = e.revision() - before;
                for (long i = 0; i < made; i++) e.undo();
                if (made > 0) redoSteps.clear();
                throw ex;
            }
            int made = (int) (e.revision() - before);
            if (made > 0) {
                undoSteps.push(new Step(made, text));
                redoSteps.clear();
            }
        }
        fire(new Change(kind, text));
        return result;
    }

    private void change(String kind, String description, java.util.function.Consumer<FindingsEditor> edit) {
        change(kind, e -> {
            edit.accept(e);
            return description;
        }, d -> d);
    }

    public void set(String finding, String level, Side side, String text) {
        change("set", finding + " " + level + (side == null ? "" : " " + side.label()) + " = " + text, e -> e.set(finding, level, side, text));
    }

    public void clear(String finding, String level, Side side) {
        change("clear", finding + " " + level + (side == null ? "" : " " + side.label()) + " cleared", e -> e.clear(finding, level, side));
    }

    /** Marks {@code level} at patient point {@code p} on {@code v}'s frame of reference. */
    public void markLevel(String level, Volume v, double[] p) {
        change("level", String.format(Locale.ROOT, "%s marked at %.1f, %.1f, %.1f mm on %s", level, p[0], p[1], p[2], v.name()),
                e -> e.markLevel(level, v.frameOfReferenceUid(), v.seriesInstanceUid(), p));
    }

    /**
     * Adds a ROI with what follows from it, as one step: a line on a finding in mm gets its
     * length, a polygon on a numeric finding its mean signal (on the series it was drawn on),
     * and when the edema and the reference ROI both exist at its level and side, the edema ratio
     * is computed at once (see {@link #measureBme}). Returns the ROI id.
     */
    public String addRoi(Roi roi) {
        return addRoi(roi, false);
    }

    /**
     * Adds a reader's ROI as {@link #addRoi(Roi)} does; with {@code fill}, a numeric finding's
     * value at the ROI's level and side is first set from what the ROI measures (a line's length
     * in mm to 0.01, a polygon's mean to 0.1) so the ROI is linked to it as its support: the
     * reader's one act (draw, add) is one undo step.
     */
    public String addRoi(Roi roi, boolean fill) {
        String[] filled = {null};
        return change("roi", e -> {
            if (fill) {
                filled[0] = filledValue(roi).orElse(null);
                if (filled[0] != null) e.set(roi.finding(), roi.level(), roi.side(), filled[0]);
            }
            String id = e.addRoi(roi);
            Roi stored = e.document().rois().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            Measurement m = measurementOf(stored);
            if (m != null) e.putMeasurement(m);
            if (isBmeFinding(stored.finding())) {
                try {
                    bme(e, stored.level(), stored.side()).ifPresent(b -> putBme(e, b));
                } catch (FindingsException noRatio) {
                    // the ROI stands; the description says why there is no ratio (e.g. a reference without signal)
                }
            }
            return id;
        }, id -> "ROI " + id + " added (" + roi.type().label() + " " + roi.finding() + " " + roi.level()
                + (roi.side() == null ? "" : " " + roi.side().label()) + (roi.label() == null ? "" : " " + roi.label()) + ")"
                + (filled[0] == null ? "" : "; " + roi.finding() + " = " + filled[0])
                + bmeNote(roi));
    }

    /** The value a numeric finding takes from its ROI's measure, rounded as a reader would write it; empty for other findings. */
    private Optional<String> filledValue(Roi roi) {
        ReadingTemplate.FindingType type = template().finding(roi.finding()).orElse(null);
        if (type == null || type.type() != ReadingTemplate.ValueType.NUMBER) return Optional.empty();
        Measurement m = measurementOf(roi);
        if (m == null || !Double.isFinite(m.value())) return Optional.empty();
        int places = roi.type() == RoiType.LINE ? 2 : 1;
        return Optional.of(java.math.BigDecimal.valueOf(m.value()).setScale(places, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString());
    }

    public void removeRoi(String id) {
        change("roi", "ROI " + id + " removed", e -> e.removeRoi(id));
    }

    public void putMeasurement(FindingsDocument.Measurement m) {
        change("measurement", m.finding() + " " + m.level() + " = " + m.value() + " " + m.unit(), e -> e.putMeasurement(m));
    }

    /**
     * The edema ratio at {@code level} and {@code side} from the reader's latest edema and
     * reference polygons there, put into the findings (the edema mean's measurement carries
     * the contrast ratio, the simple ratio and the reference type; the reference mean its own)
     * as one step. Throws when one of the two ROIs is missing.
     */
    public BmeResult measureBme(String level, Side side) {
        return change("bme", e -> {
            BmeResult b = bme(e, level, side).orElseThrow(() -> new IllegalArgumentException("BME " + level + (side == null ? "" : " " + side.label())
                    + ": the edema ROI (" + BME_ROI + ") and the reference ROI (" + BME_REF + ") are both needed; the reader has "
                    + e.document().rois().stream().filter(r -> isBmeFinding(r.finding()) && level.equals(r.level()) && r.side() == side)
                    .map(r -> r.id() + " " + r.finding()).toList()));
            putBme(e, b);
            return b;
        }, BmeResult::describe);
    }

    /** The edema ratio at a level and side, computed but not stored; empty when a ROI is missing. */
    public Optional<BmeResult> bme(String level, Side side) {
        return bme(findings.editor(), level, side);
    }

    /**
     * Segments the injected contrast from {@code seed} (patient mm) on the plan's post-contrast
     * CT, subtracting the plan's baseline when there is one, and stores the region (mask3d ROI of
     * {@code contrast_volume_ml}) and its volume with provenance, as one step; with
     * {@code compartments}, also which of the reader's compartment ROIs at this level and side it
     * reached (setting {@code contrast_compartments} there). The same code as Quantify Contrast.
     */
    public ContrastOutcome quantifyContrast(String level, Side side, double[] seed, boolean compartments, ProgressListener progress) {
        return quantifyContrast(level, side, seed, null, compartments, progress);
    }

    /** As above, with the needle tip (patient mm, or null): the farthest spread is measured from it, and the region also grows from there. */
    public ContrastOutcome quantifyContrast(String level, Side side, double[] seed, double[] tip, boolean compartments, ProgressListener progress) {
        Volume post = volume(stack(SeriesPlan.Role.CT), progress);
        Volume baseline = plan.ctBaseline() == null ? null : volume(plan.ctBaseline(), progress);
        ContrastResult r = ContrastSegmenter.segment(post, baseline, seed, tip, ContrastParameters.DEFAULTS);
        Instant now = Instant.now();
        return change("contrast", e -> {
            CompartmentOverlap overlap = null;
            if (compartments) {
                List<Roi> marked = e.document().rois().stream()
                        .filter(x -> CompartmentOverlap.FINDING.equals(x.finding()) && level.equals(x.level()) && x.side() == side).toList();
                if (marked.isEmpty()) {
                    throw new IllegalArgumentException("no " + CompartmentOverlap.FINDING + " ROI at " + level + (side == null ? "" : " " + side.label())
                            + "; outline the compartments first (tools " + CompartmentOverlap.FINDING + ":<compartment>)");
                }
                overlap = CompartmentOverlap.of(r, post, marked);
            }
            // the volume fills the finding's value as a line's length or a polygon's mean does (linked to the region by record)
            if (Double.isFinite(r.volumeMl())) {
                e.set(CONTRAST_VOLUME, level, side, java.math.BigDecimal.valueOf(r.volumeMl()).setScale(2, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString());
            }
            String id = ContrastFindings.record(e, r, post, level, side, SOFTWARE, now, overlap);
            return new ContrastOutcome(id, r, overlap);
        }, ContrastOutcome::describe);
    }

    public boolean canUndo() {
        synchronized (this) {
            return !undoSteps.isEmpty();
        }
    }

    public boolean canRedo() {
        synchronized (this) {
            return !redoSteps.isEmpty();
        }
    }

    /** Undoes the reader's last step (all the edits it made); false when there is none. */
    public boolean undo() {
        Step s;
        synchronized (this) {
            requireOpen();
            if (undoSteps.isEmpty()) return false;
            s = undoSteps.pop();
            for (int i = 0; i < s.edits(); i++) findings.editor().undo();
            redoSteps.push(s);
        }
        fire(new Change("undo", "undone: " + s.description()));
        return true;
    }

    /** Redoes the last undone step; false when there is none. */
    public boolean redo() {
        Step s;
        synchronized (this) {
            requireOpen();
            if (redoSteps.isEmpty()) return false;
            s = redoSteps.pop();
            for (int i = 0; i < s.edits(); i++) findings.editor().redo();
            undoSteps.push(s);
        }
        fire(new Change("redo", "redone: " + s.description()));
        return true;
    }

    /** What {@link #undo} would undo, if anything (for a tooltip). */
    public synchronized Optional<String> undoDescription() {
        return Optional.ofNullable(undoSteps.peek()).map(Step::description);
    }

    public synchronized Optional<String> redoDescription() {
        return Optional.ofNullable(redoSteps.peek()).map(Step::description);
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException("the reading session of " + pseudonym() + " is closed");
        if (frozen != null) throw new IllegalStateException(readOnlyReason());
    }

    /** The freeze of this read when it is frozen (opened read-only: every change is refused). */
    public Optional<org.parsreader.findings.store.FreezeRecord> frozen() {
        return Optional.ofNullable(frozen);
    }

    /** Why the read cannot be changed ("... is read-only: frozen ... by R1 (marked complete) ..."). */
    public String readOnlyReason() {
        org.parsreader.findings.store.FreezeRecord f = frozen;
        return f == null ? "" : reader().id() + "'s read of " + caseDir.getFileName() + " is read-only: " + f.describe()
                + "; to change it the study lead runs 'study unlock --reader " + reader().id() + " --case " + caseDir.getFileName() + " --why TEXT'";
    }

    /**
     * The reader marks this case complete: the read must be valid and hold the template's required
     * findings; it is saved and frozen, and the session turns read-only.
     */
    public synchronized org.parsreader.findings.store.FreezeRecord markComplete() throws IOException {
        requireOpen();
        FindingsDocument d = document();
        List<org.parsreader.findings.FindingsValidator.Problem> p = org.parsreader.findings.FindingsValidator.validate(d, template());
        List<String> missing = template().requiredFindings().stream().filter(r -> d.values().stream().noneMatch(v -> v.finding().equals(r))).toList();
        if (d.values().isEmpty() || !p.isEmpty() || !missing.isEmpty()) {
            throw new IllegalStateException("not complete yet: " + (d.values().isEmpty() ? "no values"
                    : !p.isEmpty() ? p.get(0).toString() : "no value yet for " + String.join(", ", missing)));
        }
        frozen = findings.freeze("marked complete");
        fire(new Change("frozen", "marked complete: " + frozen.describe() + "; the read is now read-only"));
        return frozen;
    }

    // ---- derived measurements

    /** Line on a finding in mm: its length; polygon on a numeric finding: its mean on the series it was drawn on; else none. */
    private Measurement measurementOf(Roi roi) {
        ReadingTemplate.FindingType type = template().finding(roi.finding()).orElse(null);
        if (type == null) return null;
        Instant now = Instant.now();
        if (roi.type() == RoiType.LINE && "mm".equals(type.unit())) return RoiGeometry.lengthMeasurement(roi, SOFTWARE, now);
        if (roi.type() == RoiType.POLYGON && type.type() == ReadingTemplate.ValueType.NUMBER) {
            Volume v = drawnOn(roi);
            return RoiGeometry.meanMeasurement(roi, v, type.unit() != null ? type.unit() : v.unit(), SOFTWARE, now);
        }
        return null;
    }

    private Volume drawnOn(Roi roi) {
        if (roi.seriesInstanceUid() == null) throw new FindingsException("ROI " + roi.id() + " names no series; a polygon's mean needs the series it was drawn on");
        ImageStack s = index.findStack(roi.seriesInstanceUid()).orElseThrow(() -> new FindingsException(
                "ROI " + roi.id() + " was drawn on series " + roi.seriesInstanceUid() + ", which is not in this case"));
        return volume(s, ProgressListener.NONE);
    }

    private boolean isBmeFinding(String finding) {
        return (BME_ROI.equals(finding) || BME_REF.equals(finding)) && template().finding(BME_ROI).isPresent()
                && template().finding(BME_REF).isPresent();
    }

    private String bmeNote(Roi roi) {
        if (!isBmeFinding(roi.finding())) return "";
        try {
            return bme(roi.level(), roi.side()).map(b -> "; " + b.describe()).orElse("");
        } catch (RuntimeException e) {
            return "; no edema ratio: " + e.getMessage();
        }
    }

    private Optional<BmeResult> bme(FindingsEditor e, String level, Side side) {
        if (!isBmeFinding(BME_ROI)) return Optional.empty();
        FindingsDocument d = e.document();
        Roi bme = latest(d, BME_ROI, level, side);
        Roi ref = latest(d, BME_REF, level, side);
        if (bme == null || ref == null) return Optional.empty();
        Volume v = drawnOn(bme);
        RoiGeometry.RegionStats b = RoiGeometry.polygonStats(bme, v);
        RoiGeometry.RegionStats r = RoiGeometry.polygonStats(ref, Objects.equals(ref.seriesInstanceUid(), bme.seriesInstanceUid()) ? v : drawnOn(ref));
        if (r.mean() == 0 || b.mean() + r.mean() == 0) throw new FindingsException("the reference ROI " + ref.id() + " has no signal: no edema ratio");
        String type = template().finding(BME_REF_TYPE).isEmpty() ? null
                : e.get(BME_REF_TYPE, level, side).map(Value::text).orElse(null);
        return Optional.of(new BmeResult(level, side, bme.id(), ref.id(), b.mean(), r.mean(), type,
                (b.mean() - r.mean()) / (b.mean() + r.mean()), b.mean() / r.mean()));
    }

    private static Roi latest(FindingsDocument d, String finding, String level, Side side) {
        Roi found = null;
        for (Roi r : d.rois()) {
            if (finding.equals(r.finding()) && Objects.equals(level, r.level()) && r.side() == side && r.type() == RoiType.POLYGON) found = r;
        }
        return found;
    }

    private void putBme(FindingsEditor e, BmeResult b) {
        Roi bme = e.document().rois().stream().filter(r -> r.id().equals(b.bmeRoi())).findFirst().orElseThrow();
        Roi ref = e.document().rois().stream().filter(r -> r.id().equals(b.refRoi())).findFirst().orElseThrow();
        Instant now = Instant.now();
        Measurement bm = RoiGeometry.meanMeasurement(bme, drawnOn(bme), unit(BME_ROI), SOFTWARE, now);
        Map<String, String> p = new LinkedHashMap<>(bm.provenance().parameters());
        p.put("reference_roi", b.refRoi());
        if (b.referenceType() != null) p.put("reference_type", b.referenceType());
        p.put("contrast_ratio", String.format(Locale.ROOT, "%.4f", b.contrastRatio()));
        p.put("simple_ratio", String.format(Locale.ROOT, "%.4f", b.simpleRatio()));
        Provenance pv = bm.provenance();
        e.putMeasurement(new Measurement(bm.finding(), bm.level(), bm.side(), bm.value(), bm.unit(),
                new Provenance(pv.roi(), pv.seriesInstanceUid(), BME_METHOD, pv.software(), pv.time(), p)));
        e.putMeasurement(RoiGeometry.meanMeasurement(ref, drawnOn(ref), unit(BME_REF), SOFTWARE, now));
    }

    private String unit(String finding) {
        return template().finding(finding).map(ReadingTemplate.FindingType::unit).orElse("SI");
    }

    private static String version() {
        String v = ReadingSession.class.getPackage() == null ? null : ReadingSession.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    /** Saves now; empty when there was nothing to save. */
    public Optional<Version> save() throws IOException {
        return save("reading panel");
    }

    /** Saves now with {@code what} as the audit log's text (a consensus resolution says what it resolved); empty when there was nothing to save. */
    public Optional<Version> save(String what) throws IOException {
        Optional<Version> v = findings.save(what);
        fire(new Change("saved", v.map(x -> "saved (version " + x.seq() + ")").orElse("nothing new to save")));
        return v;
    }

    /** Saves what is unsaved and releases the reader's lock; idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        closed = true;
        findings.close();
        fire(new Change("closed", "closed"));
    }

    public boolean isClosed() { return closed; }

    /**
     * What the reader must know before reading on: an earlier findings file of this reader that
     * was damaged and kept aside (the form then starts from what survived, possibly empty), with
     * where it is and the last intact version. Empty when all is well.
     */
    public List<String> warnings() throws IOException {
        org.parsreader.findings.store.FindingsStore store = CaseFindings.store(caseDir);
        List<java.nio.file.Path> damaged = store.damagedFiles(reader().id());
        List<String> out = new java.util.ArrayList<>();
        CaseFindings.registryWarning(options.registry() != null ? options.registry() : CaseFindings.defaultRegistry(caseDir), caseDir)
                .ifPresent(out::add);
        if (damaged.isEmpty()) return out;
        String lastGood = store.lastGoodVersion(reader().id())
                .map(v -> "the last intact version is " + v.seq() + " of " + v.time() + " (" + v.path() + ")")
                .orElse("no intact earlier version is kept");
        for (java.nio.file.Path d : damaged) {
            out.add(reader().id() + "'s findings file in " + caseDir.getFileName() + " was damaged and kept aside as " + d.getFileName()
                    + "; " + lastGood + ". Check what the form shows before reading on; to go back to a kept version, close the case and run "
                    + "'findings restore " + caseDir + " --reader " + reader().id() + "' (the command line).");
        }
        return out;
    }
}
