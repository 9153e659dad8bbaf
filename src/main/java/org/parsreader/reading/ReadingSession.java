package org.parsreader.reading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Side;
import org.parsreader.findings.store.Version;
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
     */
    public record Options(FindingsDocument.Reader reader, ReadingTemplate template, boolean blinded, Path registry,
                          double autosaveSeconds) {
        public Options {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(template, "template");
        }

        public static Options blinded(FindingsDocument.Reader reader, ReadingTemplate template) {
            return new Options(reader, template, true, null, 30);
        }
    }

    private final Path caseDir;
    private final Options options;
    private final StudyIndex index;
    private final SeriesPlan plan;
    private final CaseFindings findings;
    private final Map<String, Volume> volumes = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private ReadingSession(Path caseDir, Options options, StudyIndex index, SeriesPlan plan, CaseFindings findings) {
        this.caseDir = caseDir;
        this.options = options;
        this.index = index;
        this.plan = plan;
        this.findings = findings;
    }

    /** Scans {@code caseDir}, chooses the series, and opens (locks) the reader's findings there. */
    public static ReadingSession open(Path caseDir, Options options, ProgressListener progress) throws IOException {
        if (!Files.isDirectory(caseDir)) throw new IllegalArgumentException("not a case folder: " + caseDir);
        StudyIndex index = StudyScanner.scan(caseDir, progress);
        if (index.stacks().isEmpty()) throw new IllegalArgumentException("no image series in " + caseDir);
        SeriesPlan plan = SeriesPlan.choose(index);
        Path registry = options.registry() != null ? options.registry() : CaseFindings.defaultRegistry(caseDir);
        CaseFindings f = CaseFindings.openCase(caseDir, options.reader(), options.template(), registry,
                options.reader().id() + " (reading panel)");
        ReadingSession s = new ReadingSession(caseDir, options, index, plan, f);
        if (options.autosaveSeconds() > 0) {
            f.startAutosave(options.autosaveSeconds(), new org.parsreader.findings.store.Autosaver.Listener() {
                @Override
                public void saved(long revision, Version version) {
                    s.fire(new Change("autosaved", "autosaved " + version));
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

    public ReadingTemplate template() { return options.template(); }

    public FindingsDocument.Reader reader() { return options.reader(); }

    public boolean blinded() { return options.blinded(); }

    /** The reader's findings as they are now (immutable snapshot). */
    public FindingsDocument document() { return findings.editor().document(); }

    /** The patient as the reader sees him: the pseudonym (identity only when not blinded, see {@link #title}). */
    public String pseudonym() { return document().pseudonym(); }

    /** The editor, for reads (values, undo state); make changes through this session. */
    public FindingsEditor editor() { return findings.editor(); }

    public boolean isDirty() { return findings.editor().isDirty(); }

    /** The volume of a stack, loaded once. */
    public Volume volume(ImageStack stack, ProgressListener progress) {
        return volumes.computeIfAbsent(stack.id(), id -> VolumeLoader.load(stack, progress));
    }

    /** The levels of a frame of reference, marked and proposed. */
    public LevelMap levels(String frameOfReferenceUid) {
        return LevelMap.of(document(), template(), frameOfReferenceUid);
    }

    public void addListener(Listener l) { listeners.add(l); }

    public void removeListener(Listener l) { listeners.remove(l); }

    void fire(Change c) {
        for (Listener l : listeners) l.changed(c);
    }

    // ---- changes: each one undoable, announced, and saved by the autosaver

    public void set(String finding, String level, Side side, String text) {
        synchronized (this) {
            findings.editor().set(finding, level, side, text);
        }
        fire(new Change("set", finding + " " + level + (side == null ? "" : " " + side.label()) + " = " + text));
    }

    public void clear(String finding, String level, Side side) {
        synchronized (this) {
            findings.editor().clear(finding, level, side);
        }
        fire(new Change("clear", finding + " " + level + (side == null ? "" : " " + side.label()) + " cleared"));
    }

    /** Marks {@code level} at patient point {@code p} on {@code v}'s frame of reference. */
    public void markLevel(String level, Volume v, double[] p) {
        synchronized (this) {
            findings.editor().markLevel(level, v.frameOfReferenceUid(), v.seriesInstanceUid(), p);
        }
        fire(new Change("level", level + " marked"));
    }

    public String addRoi(FindingsDocument.Roi roi) {
        String id;
        synchronized (this) {
            id = findings.editor().addRoi(roi);
        }
        fire(new Change("roi", "ROI " + id + " added"));
        return id;
    }

    public void removeRoi(String id) {
        synchronized (this) {
            findings.editor().removeRoi(id);
        }
        fire(new Change("roi", "ROI " + id + " removed"));
    }

    public void putMeasurement(FindingsDocument.Measurement m) {
        synchronized (this) {
            findings.editor().putMeasurement(m);
        }
        fire(new Change("measurement", m.finding() + " " + m.level() + " = " + m.value() + " " + m.unit()));
    }

    public boolean undo() {
        synchronized (this) {
            if (!findings.editor().canUndo()) return false;
            findings.editor().undo();
        }
        fire(new Change("undo", "undone"));
        return true;
    }

    public boolean redo() {
        synchronized (this) {
            if (!findings.editor().canRedo()) return false;
            findings.editor().redo();
        }
        fire(new Change("redo", "redone"));
        return true;
    }

    /** Saves now; empty when there was nothing to save. */
    public Optional<Version> save() throws IOException {
        Optional<Version> v = findings.save("reading panel");
        fire(new Change("saved", v.map(x -> "saved " + x).orElse("nothing new to save")));
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
}
