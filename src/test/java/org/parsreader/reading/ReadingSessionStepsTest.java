package org.parsreader.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.FindingsDocument.RoiType;
import org.parsreader.findings.Side;
import org.parsreader.sample.GroundTruth;
import org.parsreader.util.ProgressListener;

/**
 * A reader's steps in a session: an edema ROI pair gives the ratio at once, every step (however
 * many edits) undoes and redoes as one, a failing step leaves nothing behind, series choices
 * override the automatic plan, and a seed quantifies the contrast.
 */
class ReadingSessionStepsTest {
    static GroundTruth truth;
    static GroundTruth.Series stir;

    @BeforeAll
    static void truth() throws Exception {
        truth = GroundTruth.read(ReadingSessionTest.SAMPLE.resolve("ground-truth.json"));
        stir = truth.series().stream().filter(s -> s.seriesDescription().startsWith("STIR")).findFirst().orElseThrow();
    }

    /** A 6 x 6 mm square in the sagittal plane x = {@code x} around (y, z), on the STIR. */
    static Roi square(String finding, double x, double y, double z) {
        List<double[]> pts = new ArrayList<>();
        for (double[] d : new double[][] {{-3, -3}, {3, -3}, {3, 3}, {-3, 3}}) pts.add(new double[] {x, y + d[0], z + d[1]});
        return new Roi(null, RoiType.POLYGON, finding, "L5", Side.LEFT, pts, stir.frameOfReferenceUid(), stir.seriesInstanceUid(), List.of(), null, null);
    }

    static Roi edema() {
        return square(ReadingSession.BME_ROI, 21.5, truth.edema().ellipsoidCentreMr().y(), truth.edema().ellipsoidCentreMr().z());
    }

    /** Normal marrow at the mirrored place on the right (the midline is between the two pars defects). */
    static Roi reference() {
        double midline = truth.parsDefects().stream().mapToDouble(d -> d.centreMr().x()).average().orElseThrow();
        return square(ReadingSession.BME_REF, 2 * midline - 21.5, truth.edema().ellipsoidCentreMr().y(), truth.edema().ellipsoidCentreMr().z());
    }

    static Measurement measurement(ReadingSession s, String finding) {
        return s.document().measurements().stream().filter(m -> m.finding().equals(finding)).findFirst().orElse(null);
    }

    @Test
    void theEdemaRatioIsComputedAtOnceAndUndoneAsOneStep(@TempDir Path tmp) throws Exception {
        Path c = ReadingSessionTest.copy(tmp);
        List<String> heard = new ArrayList<>();
        try (ReadingSession s = ReadingSession.open(c, ReadingSessionTest.r2(), ProgressListener.NONE)) {
            s.addListener(ch -> heard.add(ch.kind() + ": " + ch.description()));
            s.set(ReadingSession.BME_REF_TYPE, "L5", Side.LEFT, "normal_marrow");
            String bmeId = s.addRoi(edema());
            assertThat(measurement(s, ReadingSession.BME_ROI).provenance().parameters()).doesNotContainKey("contrast_ratio");
            assertThat(s.bme("L5", Side.LEFT)).isEmpty();

            String refId = s.addRoi(reference());
            Measurement m = measurement(s, ReadingSession.BME_ROI);
            assertThat(m.provenance().roi()).isEqualTo(bmeId);
            assertThat(m.provenance().parameters()).containsEntry("reference_roi", refId).containsEntry("reference_type", "normal_marrow");
            double cr = Double.parseDouble(m.provenance().parameters().get("contrast_ratio"));
            assertThat(cr).isGreaterThan(0.6); // STIR edema 900 against normal marrow 110
            assertThat(measurement(s, ReadingSession.BME_REF).value()).isLessThan(m.value() / 4);
            assertThat(heard.get(heard.size() - 1)).startsWith("roi: ROI " + refId).contains("contrast ratio");

            ReadingSession.BmeResult again = s.measureBme("L5", Side.LEFT);
            assertThat(again.contrastRatio()).isCloseTo(cr, within(1e-4));
            assertThat(again.simpleRatio()).isGreaterThan(4);

            // measureBme replaced nothing visible; undo it, then undo the reference ROI with its ratio in one step
            assertThat(s.undo()).isTrue();
            assertThat(s.undoDescription()).get().asString().startsWith("ROI " + refId);
            assertThat(s.undo()).isTrue();
            assertThat(s.document().rois()).extracting(Roi::id).containsExactly(bmeId);
            assertThat(measurement(s, ReadingSession.BME_ROI).provenance().parameters()).doesNotContainKey("contrast_ratio");
            assertThat(measurement(s, ReadingSession.BME_REF)).isNull();
            assertThat(s.redo()).isTrue();
            assertThat(s.document().rois()).extracting(Roi::id).containsExactly(bmeId, refId);
            assertThat(measurement(s, ReadingSession.BME_ROI).provenance().parameters()).containsKey("contrast_ratio");
            // undo everything: back to the empty document, and no further
            while (s.undo()) { /* all steps */ }
            assertThat(s.document().values()).isEmpty();
            assertThat(s.document().rois()).isEmpty();
            assertThat(s.document().measurements()).isEmpty();
            assertThat(s.canUndo()).isFalse();
        }
    }

    @Test
    void aStepThatFailsLeavesNothingBehind(@TempDir Path tmp) throws Exception {
        Path c = ReadingSessionTest.copy(tmp);
        try (ReadingSession s = ReadingSession.open(c, ReadingSessionTest.r2(), ProgressListener.NONE)) {
            Roi e = edema();
            Roi elsewhere = new Roi(null, RoiType.POLYGON, e.finding(), e.level(), e.side(), e.points(), e.frameOfReferenceUid(), "2.25.999",
                    List.of(), null, null);
            FindingsDocument before = s.document();
            assertThatThrownBy(() -> s.addRoi(elsewhere)).hasMessageContaining("2.25.999").hasMessageContaining("not in this case");
            assertThat(s.document().rois()).isEqualTo(before.rois());
            assertThat(s.canUndo()).isFalse();
            assertThat(s.canRedo()).isFalse();
            assertThat(s.isDirty()).isFalse();
            assertThatThrownBy(() -> s.measureBme("L5", Side.LEFT)).hasMessageContaining("both needed");
        }
    }

    @Test
    void seriesChoicesOverrideThePlan(@TempDir Path tmp) throws Exception {
        Path c = ReadingSessionTest.copy(tmp);
        GroundTruth.Series planning = truth.series().stream().filter(s -> s.seriesDescription().equals("Planning")).findFirst().orElseThrow();
        ReadingSession.Options o = ReadingSessionTest.r2().withSeries(Map.of("ct", planning.seriesInstanceUid(), "baseline", "none"));
        try (ReadingSession s = ReadingSession.open(c, o, ProgressListener.NONE)) {
            assertThat(s.plan().ct().series().description()).isEqualTo("Planning");
            assertThat(s.plan().ctBaseline()).isNull();
            assertThat(s.plan().edema().series().description()).isEqualTo("STIR SAG");
            int row = SeriesPlan.row(s.index(), s.plan().edema());
            assertThat(SeriesPlan.find(s.index(), "#" + row)).isSameAs(s.plan().edema());
            List<String> heard = new ArrayList<>();
            s.addListener(ch -> heard.add(ch.kind()));
            s.choose(SeriesPlan.Role.T2, null);
            assertThat(s.plan().t2()).isNull();
            assertThat(heard).containsExactly("series");
            assertThat(s.canUndo()).isFalse(); // a view choice, not a findings change
        }
        assertThatThrownBy(() -> ReadingSession.open(c, ReadingSessionTest.r2().withSeries(Map.of("ct", "#99")), ProgressListener.NONE))
                .hasMessageContaining("#99");
        assertThatThrownBy(() -> ReadingSession.open(c, ReadingSessionTest.r2().withSeries(Map.of("flair", "#1")), ProgressListener.NONE))
                .hasMessageContaining("t2, edema, ct, baseline");
    }

    @Test
    void aSeedQuantifiesTheContrastAsOneStep(@TempDir Path tmp) throws Exception {
        Path c = ReadingSessionTest.copy(tmp);
        try (ReadingSession s = ReadingSession.open(c, ReadingSessionTest.r2(), ProgressListener.NONE)) {
            ReadingSession.ContrastOutcome o = s.quantifyContrast("L5", Side.LEFT, new double[] {16.5, 52, -499.5}, false, ProgressListener.NONE);
            assertThat(o.result().volumeMl()).isCloseTo(truth.contrast().volumeAnalyticMl(), within(0.1));
            assertThat(s.document().rois()).extracting(Roi::type).containsExactly(RoiType.MASK3D);
            assertThat(measurement(s, ReadingSession.CONTRAST_VOLUME).provenance().roi()).isEqualTo(o.roiId());
            assertThat(s.undo()).isTrue();
            assertThat(s.document().rois()).isEmpty();
            assertThat(s.document().measurements()).isEmpty();
        }
    }
}
