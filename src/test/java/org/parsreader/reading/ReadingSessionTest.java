package org.parsreader.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.store.ReaderLockedException;
import org.parsreader.util.ProgressListener;

/** A reader opens the sample case: the series are chosen, changes are announced, undone, saved and found again. */
class ReadingSessionTest {
    static final Path SAMPLE = Path.of("sample-data/case-001");
    static final ReadingTemplate PARS = ReadingTemplate.builtIn("pars-injection");

    static Path copy(Path dir) throws IOException {
        return org.parsreader.sample.SampleCase.copy(dir);
    }

    static ReadingSession.Options r2() {
        return new ReadingSession.Options(new FindingsDocument.Reader("R2", Role.R2), PARS, true, null, 0);
    }

    @Test
    void choosesTheSeriesAReaderWantsFirst() throws Exception {
        SeriesPlan plan = SeriesPlan.choose(org.parsreader.dicom.StudyScanner.scan(SAMPLE));
        assertThat(plan.t2().series().description()).isEqualTo("T2 TSE SAG");
        assertThat(plan.edema().series().description()).isEqualTo("STIR SAG");
        assertThat(plan.ct().series().description()).isEqualTo("Post contrast");
        assertThat(plan.ctBaseline().series().description()).isEqualTo("Needle check");
        assertThat(plan.shown()).hasSize(4);
        assertThat(plan.how()).hasSize(3).allSatisfy(h -> assertThat(h).contains(":"));
    }

    @Test
    void changesAreAnnouncedUndoneSavedAndReopened(@TempDir Path tmp) throws Exception {
        Path c = copy(tmp);
        List<String> heard = new ArrayList<>();
        try (ReadingSession s = ReadingSession.open(c, r2(), ProgressListener.NONE)) {
            s.addListener(ch -> heard.add(ch.kind()));
            assertThat(s.pseudonym()).isNotBlank().doesNotContain("PHANTOM");
            s.set("pars_defect", "L5", Side.LEFT, "complete");
            s.set("pars_defect", "L5", Side.RIGHT, "incomplete");
            assertThat(s.undo()).isTrue();
            assertThat(s.editor().get("pars_defect", "L5", Side.RIGHT)).isEmpty();
            assertThat(s.redo()).isTrue();
            assertThat(s.isDirty()).isTrue();
            assertThat(s.save()).isPresent();
            assertThat(s.isDirty()).isFalse();
            // a second window for the same reader is refused while the first holds the case
            assertThatThrownBy(() -> ReadingSession.open(c, r2(), ProgressListener.NONE)).isInstanceOf(ReaderLockedException.class);
        }
        assertThat(heard).containsExactly("set", "set", "undo", "redo", "saved", "closed");
        FindingsDocument back = FindingsJson.read(Files.readAllBytes(c.resolve("findings/R2.findings.json")), "R2");
        assertThat(back.values()).extracting(v -> v.finding() + " " + v.level() + " " + v.side() + " " + v.value().text())
                .contains("pars_defect L5 LEFT complete", "pars_defect L5 RIGHT incomplete");
        try (ReadingSession s = ReadingSession.open(c, r2(), ProgressListener.NONE)) {
            assertThat(s.editor().get("pars_defect", "L5", Side.LEFT)).isPresent();
        }
    }

    @Test
    void aRoiThatFillsItsValueIsOneStepForTheReader(@TempDir Path tmp) throws Exception {
        Path c = copy(tmp);
        try (ReadingSession s = ReadingSession.open(c, r2(), ProgressListener.NONE)) {
            org.parsreader.volume.Volume ct = s.volume(s.plan().ct(), ProgressListener.NONE);
            double[] a = ct.geometry().toPatient(80, 60, 10), b = ct.geometry().toPatient(84, 60, 10); // 4 columns of 0.875 mm
            FindingsDocument.Roi line = new FindingsDocument.Roi(null, FindingsDocument.RoiType.LINE, "gap_width_mm", "L5", Side.LEFT,
                    List.of(a, b), ct.frameOfReferenceUid(), ct.seriesInstanceUid(), List.of(), null, null);
            String id = s.addRoi(line, true);
            assertThat(s.editor().get("gap_width_mm", "L5", Side.LEFT)).hasValueSatisfying(v -> assertThat(v.text()).isEqualTo("3.5"));
            assertThat(s.document().values()).filteredOn(v -> v.finding().equals("gap_width_mm")).singleElement()
                    .satisfies(v -> assertThat(v.roi()).isEqualTo(id));
            assertThat(s.undo()).isTrue();
            assertThat(s.editor().get("gap_width_mm", "L5", Side.LEFT)).isEmpty();
            assertThat(s.document().rois()).isEmpty();
            assertThat(s.canUndo()).isFalse();
            // without fill the value is left to the reader
            s.addRoi(line, false);
            assertThat(s.editor().get("gap_width_mm", "L5", Side.LEFT)).isEmpty();
        }
    }
}
