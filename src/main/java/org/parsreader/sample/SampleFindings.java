package org.parsreader.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.FindingsDocument.Provenance;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.FindingsDocument.RoiType;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;

/**
 * The findings a careful first reader (R1) records on the sample case, derived from its
 * ground truth: the committed {@code sample-data/case-001/findings/R1.findings.json}.
 * Deterministic (fixed clock), so a test can check the committed file is current.
 */
public final class SampleFindings {
    public static final String FILE = "findings/R1.findings.json";
    static final Instant READ_AT = Instant.parse("2024-04-02T09:30:00Z");

    private SampleFindings() {}

    public static FindingsDocument of(GroundTruth truth) {
        ReadingTemplate t = ReadingTemplate.builtIn("pars-injection");
        Clock clock = Clock.fixed(READ_AT, ZoneOffset.UTC);
        List<String> studies = truth.series().stream().map(GroundTruth.Series::studyInstanceUid).distinct().toList();
        FindingsEditor e = FindingsEditor.create(t, "P0001", new FindingsDocument.Reader("R1", Role.R1), studies, clock);
        GroundTruth.Series post = series(truth, "Post contrast");
        for (GroundTruth.ParsDefect d : truth.parsDefects()) {
            Side side = Side.parse(d.side());
            e.set("pars_defect", d.level(), side, d.grade());
            e.set("ct_stage", d.level(), side, "progressive");
            e.set("gap_width_mm", d.level(), side, String.valueOf(d.gapWidthMm()));
            // the gap measured across the defect, along its plane normal, on the post-contrast CT
            Vec3 c = d.centreCt();
            Vec3 n = d.planeNormal();
            double h = d.gapWidthMm() / 2;
            String roi = e.addRoi(new Roi(null, RoiType.LINE, "gap_width_mm", d.level(), side,
                    List.of(new double[] {c.x() - h * n.x(), c.y() - h * n.y(), c.z() - h * n.z()},
                            new double[] {c.x() + h * n.x(), c.y() + h * n.y(), c.z() + h * n.z()}),
                    post.frameOfReferenceUid(), post.seriesInstanceUid(), List.of(), null, null));
            e.putMeasurement(new Measurement("gap_width_mm", d.level(), side, d.gapWidthMm(), "mm",
                    new Provenance(roi, post.seriesInstanceUid(), "line-length", "Pars Reader sample", READ_AT, Map.of())));
            boolean edema = truth.edema().level().equals(d.level()) && Side.parse(truth.edema().side()) == side;
            e.set("bme_isthmic", d.level(), side, edema ? "yes" : "no");
            if (edema) e.set("bme_location", d.level(), side, "pars|pedicle|articular_process");
            e.set("hollenberg", d.level(), side, edema ? "3" : "4");
        }
        e.set("slip_pct", "L5", null, "0");
        e.set("meyerding", "L5", null, "none");
        GroundTruth.Needle needle = truth.needle();
        e.set("needle_tip", "L5", Side.LEFT, "intra-defect");
        GroundTruth.Series check = series(truth, "Needle check");
        e.addRoi(new Roi(null, RoiType.POINT, "needle_tip", "L5", Side.LEFT,
                List.of(new double[] {needle.tipCt().x(), needle.tipCt().y(), needle.tipCt().z()}),
                check.frameOfReferenceUid(), check.seriesInstanceUid(), List.of(), null, null));
        e.set("contrast_compartments", "L5", Side.LEFT, "pars_defect|caudal_facet");
        e.set("contrast_volume_ml", "L5", Side.LEFT, String.valueOf(Math.round(truth.contrast().volumeVoxelMl() * 100) / 100.0));
        return e.document();
    }

    /** Where {@link #secondReader} is written in a case folder (not committed: tests and demos write it into a copy). */
    public static final String R2_FILE = "findings/R2.findings.json";

    /**
     * A second reader (R2) of the sample case who disagrees with R1 as real readers do, for
     * consensus tests and demos: the right L5 pars defect graded one step lower (incomplete), the
     * left L5 gap measured 1.5 mm wider (with its own line), the left L5 edema missed (so no
     * edema location, Hollenberg 4); every other value as R1's. Deterministic.
     */
    public static FindingsDocument secondReader(GroundTruth truth) {
        FindingsDocument r1 = of(truth);
        ReadingTemplate t = ReadingTemplate.builtIn("pars-injection");
        FindingsEditor e = FindingsEditor.create(t, r1.pseudonym(), new FindingsDocument.Reader("R2", Role.R2), r1.studyInstanceUids(),
                Clock.fixed(READ_AT.plusSeconds(86_400), ZoneOffset.UTC));
        GroundTruth.Series post = series(truth, "Post contrast");
        GroundTruth.ParsDefect left = truth.parsDefects().stream().filter(d -> Side.parse(d.side()) == Side.LEFT).findFirst().orElseThrow();
        for (FindingsDocument.FindingValue v : r1.values()) {
            boolean l5Left = "L5".equals(v.level()) && v.side() == Side.LEFT;
            boolean l5Right = "L5".equals(v.level()) && v.side() == Side.RIGHT;
            switch (v.finding()) {
                case "pars_defect" -> e.set(v.finding(), v.level(), v.side(), l5Right ? "incomplete" : v.value().text());
                case "gap_width_mm" -> {
                    if (!l5Left) {
                        e.set(v.finding(), v.level(), v.side(), v.value().text());
                        continue;
                    }
                    double w = left.gapWidthMm() + 1.5;
                    e.set("gap_width_mm", "L5", Side.LEFT, String.valueOf(w)); // before its line, which links to it
                    Vec3 c = left.centreCt();
                    Vec3 n = left.planeNormal();
                    String roi = e.addRoi(new Roi(null, RoiType.LINE, "gap_width_mm", "L5", Side.LEFT,
                            List.of(new double[] {c.x() - w / 2 * n.x(), c.y() - w / 2 * n.y(), c.z() - w / 2 * n.z()},
                                    new double[] {c.x() + w / 2 * n.x(), c.y() + w / 2 * n.y(), c.z() + w / 2 * n.z()}),
                            post.frameOfReferenceUid(), post.seriesInstanceUid(), List.of(), null, null));
                    e.putMeasurement(new Measurement("gap_width_mm", "L5", Side.LEFT, w, "mm",
                            new Provenance(roi, post.seriesInstanceUid(), "line-length", "Pars Reader sample", READ_AT, Map.of())));
                }
                case "bme_isthmic" -> e.set(v.finding(), v.level(), v.side(), l5Left ? "no" : v.value().text());
                case "bme_location" -> { if (!l5Left) e.set(v.finding(), v.level(), v.side(), v.value().text()); }
                case "hollenberg" -> e.set(v.finding(), v.level(), v.side(), l5Left ? "4" : v.value().text());
                default -> e.set(v.finding(), v.level(), v.side(), v.value().text());
            }
        }
        return e.document();
    }

    /** Writes the sample findings next to the case's DICOM files. */
    public static Path write(Path caseDir, GroundTruth truth) throws IOException {
        Path out = caseDir.resolve(FILE);
        Files.createDirectories(out.getParent());
        Files.write(out, FindingsJson.write(of(truth)));
        return out;
    }

    private static GroundTruth.Series series(GroundTruth t, String description) {
        return t.series().stream().filter(s -> s.seriesDescription().equals(description)).findFirst()
                .orElseThrow(() -> new IllegalStateException("sample case has no series " + description));
    }
}
