package org.parsreader.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.ProcedureDoseTime;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsCsv;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.findings.store.AtomicFiles;
import org.parsreader.quant.BmeRatio;
import org.parsreader.scoring.DoseTimeTable;
import org.parsreader.quant.ContrastFindings;
import org.parsreader.quant.ContrastParameters;
import org.parsreader.quant.ContrastResult;
import org.parsreader.quant.ContrastSegmenter;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;

/**
 * The chosen steps for one case folder. Throws on the first failure (the runner records it);
 * steps with nothing to do leave a note. Volumes are loaded inside a {@link VolumeGate} lease
 * and dropped when the step ends.
 */
final class CaseWork {
    static final String NEEDLE_TIP = "needle_tip";
    static final String CONTRAST_VOLUME = "contrast_volume_ml";
    static final String BME_ROI = "bme_roi_mean";
    static final String BME_REF = "bme_ref_mean";
    static final String BME_REF_TYPE = "bme_ref_type";
    static final String WHO = "pars-reader batch";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path caseDir;
    private final Path outDir;
    private final String rel;
    private final Set<Step> steps;
    private final VolumeGate gate;
    private final String software;
    private final int threads;
    private final boolean adapt;
    final List<String> outputs = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    private StudyIndex index;
    private List<FindingsDocument> findings;

    /** @param outDir the batch's out folder; this case writes under {@code cases/<name>/} */
    CaseWork(Path caseDir, Path outDir, Set<Step> steps, VolumeGate gate, String software, int threads) {
        this(caseDir, outDir, steps, gate, software, threads, false);
    }

    /**
     * @param adapt the steps are the defaults, not the user's: a case without DICOM images skips the
     *              image steps with {@link #NO_IMAGES} as a note and runs the findings steps
     */
    CaseWork(Path caseDir, Path outDir, Set<Step> steps, VolumeGate gate, String software, int threads, boolean adapt) {
        this.caseDir = caseDir;
        this.outDir = outDir;
        this.rel = "cases/" + caseDir.getFileName();
        this.steps = steps;
        this.gate = gate;
        this.software = software;
        this.threads = threads;
        this.adapt = adapt;
    }

    /** The note of a case whose image steps were skipped (default steps, no DICOM images). */
    static final String NO_IMAGES = "image steps (index, contrast, bme) skipped: no DICOM images in the case folder";

    /** The steps this case ran (after {@link #run()}): the chosen ones, less the image steps when skipped. */
    final Set<Step> ran = java.util.EnumSet.noneOf(Step.class);

    /** Runs every step; true when any produced output (else the case counts as skipped). */
    boolean run() throws IOException, InterruptedException {
        boolean noImages = adapt && steps.stream().anyMatch(Step::needsImages) && scan().stacks().isEmpty();
        if (noImages) {
            notes.add(NO_IMAGES);
            skippedFilesNote();
        }
        for (Step s : steps) {
            if (noImages && s.needsImages()) continue;
            ran.add(s);
            switch (s) {
                case INDEX -> index();
                case CONTRAST -> contrast();
                case BME -> bme();
                case CSV -> csv();
            }
        }
        return !outputs.isEmpty();
    }

    private StudyIndex scan() {
        if (index == null) index = StudyScanner.scan(caseDir, ProgressListener.NONE, threads);
        return index;
    }

    /**
     * The case's index with at least one image stack; else throws. The reason is the same for every
     * such case but for the folder (so that a summary can group them); what was skipped goes into the notes.
     */
    private StudyIndex studyIndex() {
        StudyIndex ix = scan();
        if (ix.stacks().isEmpty()) {
            skippedFilesNote();
            throw new IllegalArgumentException("no DICOM images in the case folder " + caseDir);
        }
        return ix;
    }

    private void skippedFilesNote() {
        if (index.skipped().isEmpty()) return;
        String note = "index: " + index.skipped().size() + " file(s) not read as DICOM, e.g. " + index.skipped().get(0).file().getFileName()
                + ": " + index.skipped().get(0).reason();
        if (!notes.contains(note)) notes.add(note);
    }

    private List<FindingsDocument> findings() throws IOException {
        if (findings == null) {
            // filled into a local list and cached only when every file was read: a file that fails
            // must fail every later step too, not leave a half list that a later step exports as if whole
            List<FindingsDocument> read = new ArrayList<>();
            Path dir = caseDir.resolve("findings");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".findings.json")).sorted().toList()) {
                        read.add(FindingsJson.readFile(f));
                    }
                }
            }
            findings = read;
        }
        return findings;
    }

    private void index() throws IOException {
        StudyIndex ix = studyIndex();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %d patient(s), %d instance(s), %d stack(s), %d skipped file(s)%n", caseDir.getFileName(),
                ix.patients().size(), ix.instanceCount(), ix.stacks().size(), ix.skipped().size()));
        for (StudyIndex.PatientEntry p : ix.patients()) {
            for (StudyIndex.StudyEntry st : p.studies()) {
                b.append("study ").append(st.info().date()).append(' ').append(Objects.toString(st.info().description(), "")).append('\n');
                for (StudyIndex.SeriesEntry se : st.series()) {
                    for (ImageStack s : se.stacks()) b.append("  ").append(s.id()).append(' ').append(s.summary()).append('\n');
                }
            }
        }
        for (StudyIndex.SkippedFile s : ix.skipped()) b.append("skipped ").append(caseDir.relativize(s.file())).append(": ").append(s.reason()).append('\n');
        ProcedureDoseTime dose = ProcedureDoseTime.of(ix);
        b.append("procedure: ").append(dose.summary()).append('\n');
        write("index.txt", b.toString());
        write(DoseTimeTable.FILE, doseTimeCsv(dose));
    }

    /** The case's row of the batch's dose-time.csv, with the header ({@link DoseTimeTable#HEADER}). */
    private String doseTimeCsv(ProcedureDoseTime d) throws IOException {
        String pseudonym = "";
        // read here, not through findings(): a failure must not leave that cache half filled for the later steps
        Path dir = caseDir.resolve("findings");
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".findings.json")).sorted().toList()) {
                String found = FindingsJson.readFile(f).pseudonym();
                if (found != null && !found.isBlank()) {
                    pseudonym = found;
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the index step does not need the findings: the row is joined by the case name instead, and the note says why
            pseudonym = "";
            notes.add("dose-time: no pseudonym (findings unreadable: " + e.getMessage() + "); the row is joined by the case folder name");
        }
        List<String> cells = List.of(caseDir.getFileName().toString(), pseudonym, DoseTimeTable.num(d.ctdiVolMgy()), d.ctdiVolSource(),
                DoseTimeTable.num(d.dlpMgyCm()), d.dlpSource(), DoseTimeTable.num(d.durationMin()), d.timeSource(), d.firstAcquisition(),
                d.lastAcquisition(), Integer.toString(d.ctSeries()), String.join("; ", d.notes()));
        StringBuilder b = new StringBuilder(String.join(",", DoseTimeTable.HEADER)).append('\n');
        for (int i = 0; i < cells.size(); i++) b.append(i == 0 ? "" : ",").append(DoseTimeTable.cellOut(cells.get(i)));
        return b.append('\n').toString();
    }

    /** A place to segment from: a reader's stored seed (re-quantified) or needle tip. */
    record Target(String level, Side side, double[] seed, double[] tip, String source, String oldRoi, String frame, String tipSeries) {}

    static List<Target> targets(FindingsDocument d) {
        Map<String, Target> out = new LinkedHashMap<>();
        Map<String, FindingsDocument.Roi> tips = new LinkedHashMap<>();
        for (FindingsDocument.Roi r : d.rois()) {
            if (NEEDLE_TIP.equals(r.finding()) && r.type() == FindingsDocument.RoiType.POINT && r.points() != null && r.points().size() == 1) {
                tips.putIfAbsent(r.level() + "/" + r.side(), r);
            }
        }
        for (FindingsDocument.Measurement m : d.measurements()) {
            FindingsDocument.Provenance p = m.provenance();
            if (!CONTRAST_VOLUME.equals(m.finding()) || p == null || !ContrastFindings.METHOD.equals(p.method()) || p.parameters() == null) continue;
            String seed = p.parameters().get("seed_mm");
            if (seed == null) continue;
            String key = m.level() + "/" + m.side();
            FindingsDocument.Roi tip = tips.get(key);
            out.put(key, new Target(m.level(), m.side(), point(seed), tip == null ? null : tip.points().get(0), "stored seed", p.roi(), null,
                    tip == null ? null : tip.seriesInstanceUid()));
        }
        for (Map.Entry<String, FindingsDocument.Roi> e : tips.entrySet()) {
            FindingsDocument.Roi r = e.getValue();
            out.putIfAbsent(e.getKey(), new Target(r.level(), r.side(), r.points().get(0), r.points().get(0), "needle tip " + r.id(), null,
                    r.frameOfReferenceUid(), r.seriesInstanceUid()));
        }
        return List.copyOf(out.values());
    }

    private void contrast() throws IOException, InterruptedException {
        Map<FindingsDocument, List<Target>> work = new LinkedHashMap<>();
        String tipSeries = null;
        for (FindingsDocument d : findings()) {
            List<Target> t = targets(d);
            if (t.isEmpty()) continue;
            work.put(d, t);
            for (Target x : t) if (tipSeries == null) tipSeries = x.tipSeries();
        }
        if (work.isEmpty()) {
            notes.add("contrast: no reader marked a needle_tip point or holds a stored seed");
            return;
        }
        SeriesChoice choice = SeriesChoice.choose(studyIndex(), tipSeries);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<double[]> seeds = new ArrayList<>();
        for (List<Target> ts : work.values()) for (Target t : ts) seeds.add(t.seed());
        try (VolumeGate.Lease lease = gate.open()) {
            // the baseline first, cropped to where the segmentation can reach, then the post-contrast CT:
            // one full volume at a time per case
            Volume base = choice.baseline() == null ? null
                    : lease.loadAround(choice.baseline(), seeds, ContrastParameters.DEFAULTS.maxRadiusMm() + 2);
            Volume post = lease.load(choice.post());
            volumeNotes("contrast", post);
            if (base != null) volumeNotes("contrast baseline", base);
            for (Map.Entry<FindingsDocument, List<Target>> e : work.entrySet()) {
                FindingsDocument d = e.getKey();
                String reader = d.reader().id();
                ReadingTemplate template = ReadingTemplate.builtIn(d.template().id());
                try (CaseFindings cf = CaseFindings.open(caseDir, d.reader(), template, d.pseudonym(), d.studyInstanceUids(), WHO, Clock.systemUTC())) {
                    FindingsEditor ed = cf.editor();
                    for (Target t : e.getValue()) {
                        String where = reader + " " + t.level() + " " + (t.side() == null ? "" : t.side().label());
                        if (t.frame() != null && !t.frame().isEmpty() && !t.frame().equals(post.frameOfReferenceUid())) {
                            throw new IllegalArgumentException("contrast " + where + ": the needle tip is in frame of reference " + t.frame()
                                    + ", the post-contrast CT " + SeriesChoice.label(choice.post()) + " in " + post.frameOfReferenceUid());
                        }
                        ContrastResult r;
                        try {
                            r = ContrastSegmenter.segment(post, base, t.seed(), t.tip(), ContrastParameters.DEFAULTS);
                        } catch (RuntimeException ex) {
                            throw new IllegalArgumentException("contrast " + where + " (" + t.source() + "): " + ex.getMessage(), ex);
                        }
                        if (t.oldRoi() != null && ed.document().rois().stream().anyMatch(x -> x.id().equals(t.oldRoi()))) ed.removeRoi(t.oldRoi());
                        String roi = ContrastFindings.record(ed, r, post, t.level(), t.side(), software, Instant.now());
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("reader", reader);
                        row.put("level", t.level());
                        row.put("side", t.side() == null ? null : t.side().label());
                        row.put("seed_from", t.source());
                        row.put("post_series", post.seriesInstanceUid());
                        row.put("baseline_series", base == null ? null : base.seriesInstanceUid());
                        row.put("mode", r.mode());
                        row.put("volume_ml", r.volumeMl());
                        row.put("extent_mm", r.craniocaudalExtentMm());
                        row.put("voxels", r.voxels());
                        row.put("roi", roi);
                        row.put("warnings", r.warnings());
                        rows.add(row);
                    }
                    cf.save("batch: contrast from " + e.getValue().size() + " seed(s) on " + post.seriesInstanceUid());
                }
                outputs.add(caseDir.resolve("findings").resolve(reader + ".findings.json").toAbsolutePath().toString());
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("series_choice", choice.how());
        doc.put("parameters", ContrastParameters.DEFAULTS.asMap());
        doc.put("results", rows);
        write("contrast.json", JSON.writeValueAsString(doc));
        findings = null; // re-read: later steps export what was just recorded
    }

    /** A loaded volume's warnings go into the case's manifest notes (once per case), so the manifest tells what the numbers rest on. */
    private void volumeNotes(String step, Volume v) {
        for (String w : v.warnings()) {
            String note = step + ": " + v.name() + ": " + w;
            if (!notes.contains(note)) notes.add(note);
        }
    }

    private void bme() throws IOException, InterruptedException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FindingsDocument d : findings()) {
            ReadingTemplate template = ReadingTemplate.builtIn(d.template().id());
            FindingsEditor view = new FindingsEditor(template, d, Clock.systemUTC());
            for (FindingsDocument.Roi bme : d.rois()) {
                if (!BME_ROI.equals(bme.finding()) || bme.type() != FindingsDocument.RoiType.POLYGON) continue;
                FindingsDocument.Roi ref = d.rois().stream().filter(r -> BME_REF.equals(r.finding()) && r.type() == FindingsDocument.RoiType.POLYGON
                        && Objects.equals(r.level(), bme.level()) && r.side() == bme.side()).findFirst().orElse(null);
                String where = d.reader().id() + " " + bme.level() + " " + (bme.side() == null ? "" : bme.side().label());
                if (ref == null) {
                    notes.add("bme: " + where + " has an edema ROI but no reference ROI");
                    continue;
                }
                String type = view.get(BME_REF_TYPE, bme.level(), bme.side()).map(Value::text).orElse(null);
                if (type == null) throw new IllegalArgumentException("bme " + where + ": " + BME_REF_TYPE + " is not set (cord, csf or normal_marrow)");
                ImageStack stack = studyIndex().findStack(bme.seriesInstanceUid()).orElseThrow(() -> new IllegalArgumentException(
                        "bme " + where + ": the series the ROI was drawn on (" + bme.seriesInstanceUid() + ") is not in the case"));
                BmeRatio r;
                List<String> volumeWarnings;
                try (VolumeGate.Lease lease = gate.open()) {
                    Volume mr = lease.load(stack);
                    r = BmeRatio.of(mr, bme, ref, type);
                    volumeWarnings = mr.warnings();
                    volumeNotes("bme", mr);
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("reader", d.reader().id());
                row.put("level", bme.level());
                row.put("side", bme.side() == null ? null : bme.side().label());
                row.put("series", bme.seriesInstanceUid());
                row.put("reference_type", type);
                row.put("bme_mean", r.bme().mean());
                row.put("ref_mean", r.reference().mean());
                row.put("contrast_ratio", finite(r.contrastRatio()));
                row.put("simple_ratio", finite(r.simpleRatio()));
                row.put("warnings", volumeWarnings);
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            notes.add("bme: no reader marked both a " + BME_ROI + " and a " + BME_REF + " polygon");
            return;
        }
        write("bme.json", JSON.writeValueAsString(Map.of("results", rows)));
    }

    private void csv() throws IOException {
        List<FindingsDocument> docs = findings();
        if (docs.isEmpty()) {
            notes.add("csv: no findings in " + caseDir.resolve("findings"));
            return;
        }
        StringWriter w = new StringWriter();
        FindingsCsv.write(docs, ReadingTemplate.builtIn(docs.get(0).template().id()), w);
        write("findings.csv", w.toString());
    }

    private void write(String name, String text) throws IOException {
        Path dir = outDir.resolve(rel);
        AtomicFiles.createDirectories(dir);
        AtomicFiles.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
        outputs.add(rel + "/" + name);
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    static double[] point(String text) {
        String[] p = text.split(",");
        if (p.length != 3) throw new IllegalArgumentException("stored seed '" + text + "' is not x,y,z");
        return new double[] {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()), Double.parseDouble(p[2].trim())};
    }
}
