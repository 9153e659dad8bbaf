package org.parsreader.dicom.sr;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Side;
import org.parsreader.quant.ContrastFindings;
import org.parsreader.quant.ContrastParameters;
import org.parsreader.quant.ContrastResult;
import org.parsreader.quant.ContrastSegmenter;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.SampleCase;
import org.parsreader.sample.Vec3;
import org.parsreader.volume.Volume;

/**
 * The sample case's R1 findings with the contrast region of the L5 left injection recorded as
 * quantify-contrast records it (a mask3d ROI and contrast_volume_ml with provenance), a polygon
 * and a compartment label added, so every ROI type and value type reaches the SR: shared by the
 * SR/SEG tests.
 */
public final class SrFixtures {
    static final Instant WHEN = Instant.parse("2024-04-02T10:00:00Z");
    public static StudyIndex index;
    public static FindingsDocument r1;
    static Volume post;
    public static ReadingTemplate template = ReadingTemplate.builtIn("pars-injection");

    private SrFixtures() {}

    public static synchronized void load() throws Exception {
        if (r1 != null) return;
        index = StudyScanner.scan(SampleCase.SAMPLE);
        GroundTruth truth = GroundTruth.read(SampleCase.SAMPLE.resolve("ground-truth.json"));
        var v = SampleCase.volumes("Post contrast", "Needle check");
        post = v.get("Post contrast");
        Vec3 f = truth.facetJointCentres().stream().filter(l -> l.name().startsWith("left L5-S1")).findFirst().orElseThrow().ct();
        Vec3 t = truth.needle().tipCt();
        ContrastResult r = ContrastSegmenter.segment(post, v.get("Needle check"), new double[] {f.x(), f.y(), f.z()},
                new double[] {t.x(), t.y(), t.z()}, ContrastParameters.DEFAULTS);
        FindingsDocument d = FindingsJson.readFile(SampleCase.SAMPLE.resolve("findings/R1.findings.json"));
        FindingsEditor e = new FindingsEditor(template, d, Clock.fixed(WHEN, ZoneOffset.UTC));
        ContrastFindings.record(e, r, post, "L5", Side.LEFT, "Pars Reader 0.1.0 quantify-contrast", WHEN);
        double[] c = post.geometry().toPatient(200, 220, 10);
        List<double[]> square = new ArrayList<>();
        for (double[] o : new double[][] {{0, 0}, {6, 0}, {6, 6}, {0, 6}}) square.add(post.geometry().toPatient(200 + o[0], 220 + o[1], 10));
        e.addRoi(new FindingsDocument.Roi(null, FindingsDocument.RoiType.POLYGON, "contrast_compartments", "L5", Side.LEFT, square,
                post.frameOfReferenceUid(), post.seriesInstanceUid(), List.of(post.slices().get(10).sopInstanceUid()), null, "caudal_facet"));
        r1 = e.document();
    }

    public static Composite.Context context(String pseudonym, boolean identity) {
        return new Composite.Context(pseudonym, identity, "Pars Reader", "0.1.0", ZonedDateTime.of(2024, 4, 2, 10, 0, 0, 0, ZoneOffset.UTC));
    }

    static Path python() {
        // Debian's interpreter: the one with python3-pydicom (a pyenv python3 may come first on PATH)
        return Path.of("/usr/bin/python3");
    }
}
