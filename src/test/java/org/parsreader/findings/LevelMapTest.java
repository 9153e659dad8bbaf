package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.Vec3;
import org.parsreader.volume.Volume;

/** Levels marked once (L5 and S1) are proposed for the rest and found on every series of their frame, on the sample case. */
class LevelMapTest {
    static final Path CASE = Path.of("sample-data/case-001");
    static final ReadingTemplate PARS = ReadingTemplate.builtIn("pars-injection");

    static double[] p(Vec3 v) {
        return new double[] {v.x(), v.y(), v.z()};
    }

    @Test
    void twoMarksProposeTheOtherLevelsAndFindTheParsOnEverySeriesOfTheFrame() throws Exception {
        GroundTruth t = GroundTruth.read(CASE.resolve("ground-truth.json"));
        FindingsDocument doc = FindingsJson.read(Files.readAllBytes(CASE.resolve("findings/R1.findings.json")), "R1");
        FindingsEditor e = new FindingsEditor(PARS, doc, Clock.systemUTC());
        String mrFrame = t.frames().mrFrameOfReferenceUid();
        String ctFrame = t.frames().ctFrameOfReferenceUid();
        GroundTruth.Landmark l5 = landmark(t, "L5"), s1 = landmark(t, "S1"), l3 = landmark(t, "L3");
        e.markLevel("L5", mrFrame, null, p(l5.mr()));
        e.markLevel("S1", mrFrame, null, p(s1.mr()));
        assertThat(e.validate()).isEmpty();
        // the JSON keeps them, and a file without marks keeps its bytes (levels absent, not [])
        FindingsDocument back = FindingsJson.read(FindingsJson.write(e.document()), "back");
        assertThat(back.levelMarks()).hasSize(2);
        assertThat(new String(FindingsJson.write(doc))).doesNotContain("\"levels\"");
        var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(FindingsJsonTest.SCHEMA));
        assertThat(schema.validate(FindingsJson.MAPPER.readTree(FindingsJson.write(e.document())))).isEmpty();

        LevelMap mr = LevelMap.of(back, PARS, mrFrame);
        LevelMap.Position l3proposed = mr.level("L3").orElseThrow();
        assertThat(l3proposed.marked()).isFalse();
        assertThat(l3proposed.point()).containsExactly(p(l3.mr()), within(1.0)); // a straight phantom spine
        assertThat(mr.level("L5").orElseThrow().marked()).isTrue();

        // "go to L5 left pars" on the STIR: the reader's gap line is on the CT, so the MR pars is estimated from L5
        StudyIndex index = StudyScanner.scan(CASE);
        Volume stir = VolumeLoader.load(index.findStack(series(t, "STIR SAG")).orElseThrow());
        double[] pars = mr.pars(back, "L5", Side.LEFT).orElseThrow();
        GroundTruth.ParsDefect left = t.parsDefects().stream().filter(d -> d.side().equals("left")).findFirst().orElseThrow();
        assertThat(pars).containsExactly(p(left.centreMr()), within(1.0));
        int[] at = mr.locate(stir, pars).orElseThrow();
        double[] shown = stir.geometry().toPatient(at[1], at[2], at[0] - 1);
        assertThat(Math.abs(shown[0] - left.centreMr().x())).isLessThanOrEqualTo(2.0); // the sagittal slice through the left pars (4 mm slices)

        // the CT is another frame (prone): not found there until marked there
        Volume post = VolumeLoader.load(index.findStack(series(t, "Post contrast")).orElseThrow());
        assertThat(mr.locate(post, pars)).isEmpty();
        LevelMap ct = LevelMap.of(back, PARS, ctFrame);
        assertThat(ct.level("L5")).isEmpty();
        // on the CT the reader's own gap line gives the pars, once L5 is marked there
        e.markLevel("L5", ctFrame, null, p(l5.ct()));
        double[] ctPars = LevelMap.of(e.document(), PARS, ctFrame).pars(e.document(), "L5", Side.LEFT).orElseThrow();
        assertThat(ctPars).containsExactly(p(left.centreCt()), within(0.01));
        assertThat(LevelMap.of(e.document(), PARS, ctFrame).locate(post, ctPars)).isPresent();
    }

    @Test
    void badMarksAreRefused() throws Exception {
        FindingsDocument doc = FindingsJson.read(Files.readAllBytes(CASE.resolve("findings/R1.findings.json")), "R1");
        FindingsEditor e = new FindingsEditor(PARS, doc, Clock.systemUTC());
        assertThatThrownBy(() -> e.markLevel("L9", "1.2", null, new double[] {0, 0, 0})).hasMessageContaining("'L9' is not one of");
        assertThatThrownBy(() -> e.markLevel("L5", "", null, new double[] {0, 0, 0})).hasMessageContaining("frame of reference");
        e.markLevel("L5", "1.2", null, new double[] {0, 0, 0});
        e.markLevel("L5", "1.2", null, new double[] {0, 0, 5}); // moves it
        assertThat(e.document().levelMarks()).hasSize(1);
        e.undo();
        assertThat(e.document().levelMarks().get(0).point()[2]).isEqualTo(0);
    }

    static GroundTruth.Landmark landmark(GroundTruth t, String level) {
        return t.vertebralBodyCentres().stream().filter(l -> l.name().startsWith(level + " ")).findFirst().orElseThrow();
    }

    static String series(GroundTruth t, String description) {
        return t.series().stream().filter(s -> s.seriesDescription().equals(description)).findFirst().orElseThrow().seriesInstanceUid();
    }
}
