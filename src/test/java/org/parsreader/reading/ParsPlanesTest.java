package org.parsreader.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Side;
import org.parsreader.reformat.ParsPlane;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.Vec3;

/** Issue 12 point 1: the pars plane preset passes through the sample case's left L5 pars defect, from the level marks alone or from the reader's gap line. */
class ParsPlanesTest {
    static final Path CASE = Path.of("sample-data/case-001");
    static final ReadingTemplate PARS = ReadingTemplate.builtIn("pars-injection");

    static double[] p(Vec3 v) {
        return new double[] {v.x(), v.y(), v.z()};
    }

    static FindingsEditor marked(GroundTruth t, boolean keepRois) throws Exception {
        FindingsDocument doc = FindingsJson.read(Files.readAllBytes(CASE.resolve("findings/R1.findings.json")), "R1");
        FindingsEditor e = new FindingsEditor(PARS, doc, Clock.systemUTC());
        if (!keepRois) for (FindingsDocument.Roi r : doc.rois()) e.removeRoi(r.id());
        String ct = t.frames().ctFrameOfReferenceUid();
        for (String level : new String[] {"L5", "S1"}) {
            GroundTruth.Landmark l = t.vertebralBodyCentres().stream().filter(x -> x.name().startsWith(level + " ")).findFirst().orElseThrow();
            e.markLevel(level, ct, null, p(l.ct()));
        }
        return e;
    }

    static GroundTruth.ParsDefect leftL5(GroundTruth t) {
        return t.parsDefects().stream().filter(d -> d.level().equals("L5") && d.side().equals("left")).findFirst().orElseThrow();
    }

    @Test
    void fromTheLevelMarksAloneThePlanePassesWithin1mmOfTheLeftL5Defect() throws Exception {
        GroundTruth t = GroundTruth.read(CASE.resolve("ground-truth.json"));
        FindingsEditor e = marked(t, false);
        assertThat(e.document().rois()).isEmpty();
        LevelMap levels = LevelMap.of(e.document(), PARS, t.frames().ctFrameOfReferenceUid());
        ParsPlane plane = ParsPlanes.of(e.document(), levels, "L5", Side.LEFT).orElseThrow();
        assertThat(plane.normal()).containsExactly(new double[] {-1, 0, 0}, within(1e-12)); // no line: the pure sagittal plane
        assertThat(Math.abs(plane.distance(p(leftL5(t).centreCt())))).isLessThanOrEqualTo(1.0);
        // the right pars is another plane, 36 mm away
        ParsPlane right = ParsPlanes.of(e.document(), levels, "L5", Side.RIGHT).orElseThrow();
        assertThat(Math.abs(plane.distance(right.through()))).isCloseTo(36, within(0.5));
    }

    @Test
    void withTheReadersGapLineThePlaneContainsIt() throws Exception {
        GroundTruth t = GroundTruth.read(CASE.resolve("ground-truth.json"));
        FindingsEditor e = marked(t, true);
        LevelMap levels = LevelMap.of(e.document(), PARS, t.frames().ctFrameOfReferenceUid());
        ParsPlane plane = ParsPlanes.of(e.document(), levels, "L5", Side.LEFT).orElseThrow();
        assertThat(Math.abs(plane.distance(p(leftL5(t).centreCt())))).isLessThanOrEqualTo(1.0);
        FindingsDocument.Roi gap = e.document().rois().get(0);
        for (double[] q : gap.points()) assertThat(plane.distance(q)).isCloseTo(0, within(1e-9));
    }

    @Test
    void anObliqueLineTurnsThePlaneAndTiltAndShiftKeepItsMeaning() {
        double[] a = {10, 40, -480}, b = {12, 42, -484}; // the pars running 45 degrees between left-right and antero-posterior
        ParsPlane plane = ParsPlane.through(new double[] {11, 41, -482}, a, b);
        double s = Math.sqrt(0.5);
        assertThat(plane.normal()).containsExactly(new double[] {-s, s, 0}, within(1e-12)); // still towards the patient's right
        assertThat(plane.distance(a)).isCloseTo(0, within(1e-12));
        assertThat(plane.distance(b)).isCloseTo(0, within(1e-12));
        assertThat(plane.obliquityDegrees()).isCloseTo(45, within(1e-9));
        ParsPlane turned = plane.turned(2);
        assertThat(Math.toDegrees(Math.acos(dot(turned.normal(), plane.normal())))).isCloseTo(2, within(1e-9));
        assertThat(turned.distance(plane.through())).isCloseTo(0, within(1e-12));
        ParsPlane tilted = plane.tilted(2);
        assertThat(tilted.normal()[2]).isCloseTo(Math.sin(Math.toRadians(2)) * Math.signum(tilted.normal()[2]), within(1e-9));
        assertThat(tilted.distance(plane.through())).isCloseTo(0, within(1e-12));
        assertThat(plane.shifted(1).distance(plane.through())).isCloseTo(-1, within(1e-12));
        // a line nearly cranio-caudal says nothing about the pars' direction: sagittal
        ParsPlane steep = ParsPlane.through(a, a, new double[] {10.1, 40.1, -490});
        assertThat(steep.normal()).containsExactly(new double[] {-1, 0, 0}, within(1e-12));
    }

    private static double dot(double[] x, double[] y) {
        return x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
    }
}
