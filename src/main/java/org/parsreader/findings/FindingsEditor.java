package org.parsreader.findings;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.ReadingTemplate.FindingType;

/**
 * Changes one findings document, checking every change against the template, with multi-step
 * undo and redo. Each change makes a new immutable {@link FindingsDocument}; {@link #isDirty()}
 * says whether there is something to save.
 */
public final class FindingsEditor {
    private final ReadingTemplate template;
    private final Clock clock;
    /** Volatile: an autosave thread takes snapshots while the reader edits. */
    private volatile FindingsDocument doc;
    private volatile long revision;
    private final Deque<FindingsDocument> undo = new ArrayDeque<>();
    private final Deque<FindingsDocument> redo = new ArrayDeque<>();
    private FindingsDocument saved;

    public FindingsEditor(ReadingTemplate template, FindingsDocument doc, Clock clock) {
        this.template = template;
        this.doc = doc;
        this.saved = doc;
        this.clock = clock;
        if (doc.template() == null || !template.id().equals(doc.template().id())) {
            throw new FindingsException("findings of template '" + (doc.template() == null ? null : doc.template().id())
                    + "' cannot be edited with template '" + template.id() + "'");
        }
    }

    /** A new, empty document. */
    public static FindingsEditor create(ReadingTemplate t, String pseudonym, FindingsDocument.Reader reader, List<String> studyUids, Clock clock) {
        Instant now = clock.instant();
        FindingsDocument d = new FindingsDocument(FindingsDocument.SCHEMA_VERSION, pseudonym, studyUids, reader,
                new FindingsDocument.TemplateRef(t.id(), t.version()), now, now, List.of(), List.of(), List.of(), null);
        List<FindingsValidator.Problem> p = FindingsValidator.validate(d, t);
        if (!p.isEmpty()) throw new FindingsException("cannot start findings: " + p.get(0));
        FindingsEditor e = new FindingsEditor(t, d, clock);
        return e;
    }

    public FindingsDocument document() { return doc; }

    public ReadingTemplate template() { return template; }

    public boolean isDirty() { return doc != saved; }

    /** Increases on every change, undo and redo (the autosaver saves when it moved). */
    public long revision() { return revision; }

    /** Call after the document was written: it is no longer dirty. */
    public synchronized void markSaved() { saved = doc; }

    /** Marks saved only if nothing changed since {@code revision} was saved (an autosave raced an edit otherwise). */
    public synchronized void markSavedAt(long revision) {
        if (this.revision == revision) saved = doc;
    }

    /**
     * Sets a value from text as a reader or a macro types it: a choice ("complete"), choices
     * separated by '|' or ',' ("pars|pedicle"), a number ("2.5"), or yes/no/true/false/present/absent;
     * or, for any finding, not assessable with a reason ("na:motion", see {@link Value.NotAssessable}).
     * {@code side} is null for segment findings.
     */
    public void set(String finding, String level, Side side, String text) {
        FindingType f = place(finding, level, side);
        Value v = parse(f, text);
        List<FindingsValidator.Problem> p = new ArrayList<>();
        FindingsValidator.checkValue(f, v, finding + " at " + level + (side == null ? "" : " " + side.label()), p);
        if (!p.isEmpty()) throw new FindingsException(p.get(0).toString());
        Optional<FindingValue> old = find(finding, level, side);
        String roi = old.map(FindingValue::roi).orElse(null);
        Integer confidence = old.map(FindingValue::confidence).orElse(null); // the reader's confidence stays with the finding
        List<FindingValue> values = new ArrayList<>(doc.values());
        old.ifPresent(values::remove);
        values.add(new FindingValue(finding, level, side, v, roi, confidence));
        commit(with(values, doc.rois(), doc.measurements()));
    }

    /**
     * Records that the finding could not be assessed, for {@code reason} (one of
     * {@link Value.NotAssessable#REASONS}); replaces any value there, keeps its ROI link.
     */
    public void setNotAssessable(String finding, String level, Side side, String reason) {
        set(finding, level, side, Value.NotAssessable.PREFIX + (reason == null ? "" : reason.trim()));
    }

    /**
     * Sets (or, with null, removes) the reader's confidence 1-5 in the value of a finding whose
     * template declares {@code "confidence": true}; the value must be set first.
     */
    public void setConfidence(String finding, String level, Side side, Integer confidence) {
        FindingType f = place(finding, level, side);
        String at = finding + " at " + level + (side == null ? "" : " " + side.label());
        FindingValue old = find(finding, level, side).orElseThrow(() -> new FindingsException(at + " has no value yet; set the value, then the confidence"));
        FindingValue next = new FindingValue(finding, level, side, old.value(), old.roi(), confidence);
        List<FindingsValidator.Problem> p = new ArrayList<>();
        FindingsValidator.checkConfidence(f, next, at, p);
        if (!p.isEmpty()) throw new FindingsException(p.get(0).toString());
        List<FindingValue> values = new ArrayList<>(doc.values());
        values.set(values.indexOf(old), next);
        commit(with(values, doc.rois(), doc.measurements()));
    }

    /** Sets the reader's free-text comment on a level; null or blank removes it. Undoable. */
    public void comment(String level, String text) {
        if (!template.allLevels().contains(level)) throw new FindingsException("level " + Quote.of(level) + " is not one of " + template.allLevels());
        String t = text == null ? "" : text.strip();
        if (t.length() > FindingsDocument.MAX_COMMENT) {
            throw new FindingsException("comment on " + level + " is " + t.length() + " characters; at most " + FindingsDocument.MAX_COMMENT);
        }
        List<FindingsDocument.LevelComment> cs = new ArrayList<>(doc.levelComments());
        cs.removeIf(c -> c.level().equals(level));
        if (!t.isEmpty()) cs.add(new FindingsDocument.LevelComment(level, t));
        commit(new FindingsDocument(doc.schemaVersion(), doc.pseudonym(), doc.studyInstanceUids(), doc.reader(), doc.template(),
                doc.created(), clock.instant(), doc.values(), doc.rois(), doc.measurements(), doc.identity(), doc.levels(), cs));
    }

    /** The reader's comment on a level, if any. */
    public Optional<String> comment(String level) {
        return doc.levelComments().stream().filter(c -> c.level().equals(level)).map(FindingsDocument.LevelComment::text).findFirst();
    }

    /** Removes a value; nothing happens if it was not set. */
    public void clear(String finding, String level, Side side) {
        place(finding, level, side);
        Optional<FindingValue> old = find(finding, level, side);
        if (old.isEmpty()) return;
        List<FindingValue> values = new ArrayList<>(doc.values());
        values.remove(old.get());
        commit(with(values, doc.rois(), doc.measurements()));
    }

    public Optional<Value> get(String finding, String level, Side side) {
        place(finding, level, side);
        return find(finding, level, side).map(FindingValue::value);
    }

    /** Adds an ROI (its id is assigned: roi-1, roi-2 ...) and returns its id; links it to the finding's value when one exists. */
    public String addRoi(Roi roi) {
        String id = nextRoiId();
        Roi r = new Roi(id, roi.type(), roi.finding(), roi.level(), roi.side(), roi.points(), roi.frameOfReferenceUid(),
                roi.seriesInstanceUid(), roi.sopInstanceUids(), roi.mask(), roi.label());
        List<Roi> rois = new ArrayList<>(doc.rois());
        rois.add(r);
        List<FindingValue> values = new ArrayList<>(doc.values());
        if (r.finding() != null) {
            find(r.finding(), r.level(), r.side()).ifPresent(v -> {
                values.set(values.indexOf(v), new FindingValue(v.finding(), v.level(), v.side(), v.value(), id, v.confidence()));
            });
        }
        FindingsDocument next = with(values, rois, doc.measurements());
        List<FindingsValidator.Problem> p = FindingsValidator.validate(next, template).stream().filter(x -> x.field().startsWith("rois[")).toList();
        if (!p.isEmpty()) throw new FindingsException(p.get(0).toString());
        commit(next);
        return id;
    }

    /** Removes an ROI, its links from values, and the measurements derived from it. */
    public void removeRoi(String id) {
        if (doc.rois().stream().noneMatch(r -> r.id().equals(id))) {
            throw new FindingsException("no ROI '" + id + "'; ROIs: " + doc.rois().stream().map(Roi::id).toList());
        }
        List<Roi> rois = doc.rois().stream().filter(r -> !r.id().equals(id)).toList();
        List<FindingValue> values = doc.values().stream()
                .map(v -> id.equals(v.roi()) ? new FindingValue(v.finding(), v.level(), v.side(), v.value(), null, v.confidence()) : v).toList();
        List<Measurement> ms = doc.measurements().stream()
                .filter(m -> m.provenance() == null || !id.equals(m.provenance().roi())).toList();
        commit(with(values, rois, ms));
    }

    /** Adds (or replaces, for the same finding, level and side and method) a measurement. */
    public void putMeasurement(Measurement m) {
        FindingType f = place(m.finding(), m.level(), m.side());
        if (f.unit() != null && !f.unit().equals(m.unit())) throw new FindingsException(m.finding() + " is measured in " + f.unit() + ", not " + m.unit());
        List<Measurement> ms = new ArrayList<>(doc.measurements());
        ms.removeIf(x -> x.finding().equals(m.finding()) && x.level().equals(m.level()) && java.util.Objects.equals(x.side(), m.side())
                && x.provenance() != null && m.provenance() != null && java.util.Objects.equals(x.provenance().method(), m.provenance().method()));
        ms.add(m);
        FindingsDocument next = with(doc.values(), doc.rois(), ms);
        List<FindingsValidator.Problem> p = FindingsValidator.validate(next, template).stream().filter(x -> x.field().startsWith("measurements[")).toList();
        if (!p.isEmpty()) throw new FindingsException(p.get(0).toString());
        commit(next);
    }

    /**
     * Imports values, ROIs and measurements read from elsewhere (a DICOM SR, a SEG) as ONE
     * undoable step: ROIs get new ids (links from the imported values and measurements follow
     * them), a value replaces the value at its finding, level and side, a measurement replaces
     * one of the same method there. The whole result is validated first; any problem refuses
     * the import and changes nothing. Returns the new id of each imported ROI id.
     */
    public java.util.Map<String, String> importAll(List<FindingValue> newValues, List<Roi> newRois, List<Measurement> newMeasurements) {
        java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
        List<Roi> rois = new ArrayList<>(doc.rois());
        int next = Integer.parseInt(nextRoiId().substring(4));
        for (Roi r : newRois) {
            // an ROI already in the findings with the same content (e.g. the same SR imported twice) is
            // reused, not copied: a second import must not double the reader's ROIs
            Roi same = rois.stream().filter(x -> sameContent(x, r)).findFirst().orElse(null);
            if (same != null) {
                if (r.id() != null) ids.put(r.id(), same.id());
                continue;
            }
            String id = "roi-" + next++;
            if (r.id() != null) ids.put(r.id(), id);
            rois.add(new Roi(id, r.type(), r.finding(), r.level(), r.side(), r.points(), r.frameOfReferenceUid(), r.seriesInstanceUid(),
                    r.sopInstanceUids(), r.mask(), r.label()));
        }
        List<FindingValue> values = new ArrayList<>(doc.values());
        for (FindingValue v : newValues) {
            FindingValue old = null;
            for (FindingValue x : values) if (x.finding().equals(v.finding()) && x.level().equals(v.level()) && x.side() == v.side()) old = x;
            String roi = v.roi() != null ? ids.get(v.roi()) : old != null ? old.roi() : null;
            if (roi == null) {
                for (Roi r : newRois) {
                    if (v.finding().equals(r.finding()) && v.level().equals(r.level()) && v.side() == r.side() && r.id() != null) { roi = ids.get(r.id()); break; }
                }
            }
            if (old != null) values.remove(old);
            values.add(new FindingValue(v.finding(), v.level(), v.side(), v.value(), roi, v.confidence() != null ? v.confidence()
                    : old != null ? old.confidence() : null));
        }
        List<Measurement> ms = new ArrayList<>(doc.measurements());
        for (Measurement m : newMeasurements) {
            FindingsDocument.Provenance p = m.provenance();
            FindingsDocument.Provenance q = p == null ? null : new FindingsDocument.Provenance(p.roi() == null ? null : ids.get(p.roi()),
                    p.seriesInstanceUid(), p.method(), p.software(), p.time(), p.parameters());
            ms.removeIf(x -> x.finding().equals(m.finding()) && x.level().equals(m.level()) && java.util.Objects.equals(x.side(), m.side())
                    && x.provenance() != null && q != null && java.util.Objects.equals(x.provenance().method(), q.method()));
            ms.add(new Measurement(m.finding(), m.level(), m.side(), m.value(), m.unit(), q));
        }
        FindingsDocument next2 = with(values, rois, ms);
        java.util.Set<String> before = new java.util.HashSet<>();
        for (FindingsValidator.Problem x : FindingsValidator.validate(doc, template)) before.add(x.toString());
        List<FindingsValidator.Problem> p = FindingsValidator.validate(next2, template).stream().filter(x -> !before.contains(x.toString())).toList();
        if (!p.isEmpty()) throw new FindingsException("import refused, nothing changed: " + p.get(0));
        commit(next2);
        return ids;
    }

    /**
     * Keeps the patient's identity in this findings file. Only on the user's explicit request:
     * by default findings carry the pseudonym alone. {@code null} removes it again.
     */
    public void keepIdentityByExplicitRequest(FindingsDocument.Identity identity) {
        commit(new FindingsDocument(doc.schemaVersion(), doc.pseudonym(), doc.studyInstanceUids(), doc.reader(), doc.template(),
                doc.created(), clock.instant(), doc.values(), doc.rois(), doc.measurements(), identity, doc.levels(), doc.comments()));
    }

    /** Marks (or moves) a level's vertebral body centre in a frame of reference; undoable. */
    public void markLevel(String level, String frameOfReferenceUid, String seriesInstanceUid, double[] point) {
        if (!template.allLevels().contains(level)) throw new FindingsException("level '" + level + "' is not one of " + template.allLevels());
        if (frameOfReferenceUid == null || frameOfReferenceUid.isBlank()) {
            throw new FindingsException("a level mark needs the frame of reference of the series it is marked on");
        }
        if (point == null || point.length != 3 || !Double.isFinite(point[0] + point[1] + point[2])) {
            throw new FindingsException("a level mark needs a point [x, y, z] in patient mm");
        }
        java.util.List<FindingsDocument.LevelMark> marks = new ArrayList<>(doc.levelMarks());
        marks.removeIf(m -> m.level().equals(level) && m.frameOfReferenceUid().equals(frameOfReferenceUid));
        marks.add(new FindingsDocument.LevelMark(level, frameOfReferenceUid, seriesInstanceUid, point.clone()));
        commit(new FindingsDocument(doc.schemaVersion(), doc.pseudonym(), doc.studyInstanceUids(), doc.reader(), doc.template(),
                doc.created(), clock.instant(), doc.values(), doc.rois(), doc.measurements(), doc.identity(), marks, doc.comments()));
    }

    public boolean canUndo() { return !undo.isEmpty(); }

    public boolean canRedo() { return !redo.isEmpty(); }

    public synchronized void undo() {
        if (undo.isEmpty()) return;
        redo.push(doc);
        doc = undo.pop();
        revision++;
    }

    public synchronized void redo() {
        if (redo.isEmpty()) return;
        undo.push(doc);
        doc = redo.pop();
        revision++;
    }

    public List<FindingsValidator.Problem> validate() {
        return FindingsValidator.validate(doc, template);
    }

    private synchronized void commit(FindingsDocument next) {
        undo.push(doc);
        redo.clear();
        doc = next;
        revision++;
    }

    private FindingsDocument with(List<FindingValue> values, List<Roi> rois, List<Measurement> ms) {
        return new FindingsDocument(doc.schemaVersion(), doc.pseudonym(), doc.studyInstanceUids(), doc.reader(), doc.template(),
                doc.created(), clock.instant(), values, rois, ms, doc.identity(), doc.levels(), doc.comments());
    }

    private Optional<FindingValue> find(String finding, String level, Side side) {
        for (FindingValue v : doc.values()) {
            if (v.finding().equals(finding) && v.level().equals(level) && v.side() == side) return Optional.of(v);
        }
        return Optional.empty();
    }

    private FindingType place(String finding, String level, Side side) {
        List<FindingsValidator.Problem> p = new ArrayList<>();
        FindingType f = FindingsValidator.checkPlace(finding, level, side, "finding " + finding, template, p);
        if (!p.isEmpty()) throw new FindingsException(p.get(0).toString());
        return f;
    }

    private String nextRoiId() {
        int max = 0;
        for (Roi r : doc.rois()) {
            if (r.id() != null && r.id().startsWith("roi-")) {
                try {
                    max = Math.max(max, Integer.parseInt(r.id().substring(4)));
                } catch (NumberFormatException ignored) {
                    // hand-named ids do not take part in numbering
                }
            }
        }
        return "roi-" + (max + 1);
    }

    /** Text to a value of {@code f}'s type; throws naming the finding, the text and what is expected. */
    static Value parse(FindingType f, String text) {
        String s = text == null ? "" : text.trim();
        if (Value.NotAssessable.isTyped(s)) {
            String reason = s.substring(Value.NotAssessable.PREFIX.length()).trim().toLowerCase(Locale.ROOT);
            if (!Value.NotAssessable.REASONS.contains(reason)) {
                throw new FindingsException(f.id() + ": not assessable for '" + Quote.clipPlain(reason) + "'? the reason is one of "
                        + Value.NotAssessable.REASONS);
            }
            return new Value.NotAssessable(reason);
        }
        switch (f.type()) {
            case CHOICE:
                return new Value.Choice(s);
            case CHOICES:
                List<String> parts = new ArrayList<>();
                for (String part : s.split("[|,]")) if (!part.isBlank()) parts.add(part.trim());
                return new Value.Choices(parts);
            case NUMBER:
                try {
                    return new Value.Number(Double.parseDouble(s));
                } catch (NumberFormatException e) {
                    throw new FindingsException(f.id() + ": '" + text + "' is not a number (" + f.unit() + ")");
                }
            default:
                switch (s.toLowerCase(Locale.ROOT)) {
                    case "yes", "true", "present", "1", "y": return new Value.Flag(true);
                    case "no", "false", "absent", "0", "n": return new Value.Flag(false);
                    default: throw new FindingsException(f.id() + ": '" + text + "' is not yes or no");
                }
        }
    }

    /** Same ROI but for its id: type, place, points, series, instances, mask and label. */
    static boolean sameContent(Roi a, Roi b) {
        if (a.type() != b.type() || !java.util.Objects.equals(a.finding(), b.finding()) || !java.util.Objects.equals(a.level(), b.level())
                || a.side() != b.side() || !java.util.Objects.equals(a.frameOfReferenceUid(), b.frameOfReferenceUid())
                || !java.util.Objects.equals(a.seriesInstanceUid(), b.seriesInstanceUid())
                || !java.util.Objects.equals(a.sopInstanceUids() == null ? List.of() : a.sopInstanceUids(), b.sopInstanceUids() == null ? List.of() : b.sopInstanceUids())
                || !java.util.Objects.equals(a.label(), b.label())) return false;
        List<double[]> pa = a.points() == null ? List.of() : a.points(), pb = b.points() == null ? List.of() : b.points();
        if (pa.size() != pb.size()) return false;
        for (int i = 0; i < pa.size(); i++) if (!java.util.Arrays.equals(pa.get(i), pb.get(i))) return false;
        FindingsDocument.Mask ma = a.mask(), mb = b.mask();
        if (ma == null || mb == null) return ma == mb;
        return java.util.Arrays.equals(ma.dims(), mb.dims()) && java.util.Arrays.equals(ma.origin(), mb.origin())
                && java.util.Arrays.equals(ma.columnStep(), mb.columnStep()) && java.util.Arrays.equals(ma.rowStep(), mb.rowStep())
                && java.util.Arrays.equals(ma.sliceStep(), mb.sliceStep()) && java.util.Arrays.equals(ma.runs(), mb.runs());
    }
}
