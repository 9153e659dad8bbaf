package org.parsreader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.quant.ContrastFindings;
import org.parsreader.sample.GroundTruth;

/** Issue 7: a cohort batch isolates a bad case, records contrast with provenance, bounds volumes, and resumes. */
class BatchRunnerTest {
    @TempDir
    static Path tmp;
    static Path cohort;
    static Path out;
    static BatchRunner.Result first;
    static List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void runOnce() throws Exception {
        cohort = BatchTestCohort.threeCases(tmp);
        out = tmp.resolve("out");
        first = BatchRunner.run(new BatchRunner.Options(cohort, out, 2, Shard.ALL, EnumSet.of(Step.INDEX, Step.CONTRAST, Step.CSV), null, 0),
                (done, total, what) -> progress.add(done + "/" + total + " " + what));
    }

    @Test
    void aBadCaseIsRecordedWithItsReasonAndTheOthersAreDone() throws Exception {
        Manifest m = Manifest.read(out.resolve(Manifest.FILE));
        assertThat(m.cases()).extracting(Manifest.CaseEntry::name).containsExactly("bad-1", "good-1", "good-2");
        Manifest.CaseEntry bad = m.find("bad-1").orElseThrow();
        assertThat(bad.status()).isEqualTo(Manifest.Status.failed);
        assertThat(bad.reason()).contains("no DICOM images").contains("bad-1");
        assertThat(m.find("good-1").orElseThrow().status()).isEqualTo(Manifest.Status.done);
        assertThat(m.find("good-2").orElseThrow().outputs()).contains("cases/good-2/index.txt", "cases/good-2/contrast.json", "cases/good-2/findings.csv");
        assertThat(m.steps()).containsExactly("index", "contrast", "csv");
        assertThat(m.toolVersion()).isNotBlank();
        assertThat(m.parameters()).containsEntry("jobs", "2").containsKey("contrast.min_enhancement_hu");
        assertThat(m.startedAt()).isNotNull();
        assertThat(m.endedAt()).isNotNull();
        assertThat(first.allDone()).isFalse();
        assertThat(progress).hasSize(4).last().asString().startsWith("3/3");
    }

    @Test
    void contrastFromTheNeedleTipGoesIntoTheReadersFindingsWithProvenance() throws Exception {
        GroundTruth truth = GroundTruth.read(BatchTestCohort.SAMPLE.resolve("ground-truth.json"));
        FindingsDocument d = FindingsJson.read(Files.readAllBytes(cohort.resolve("good-1/findings/R1.findings.json")), "R1");
        FindingsDocument.Measurement m = d.measurements().stream().filter(x -> x.finding().equals("contrast_volume_ml")).findFirst().orElseThrow();
        assertThat(m.provenance().method()).isEqualTo(ContrastFindings.METHOD);
        assertThat(m.provenance().parameters()).containsEntry("mode", "subtraction"); // the needle check was found as baseline
        assertThat(m.value()).isCloseTo(truth.contrast().volumeVoxelMl(), within(0.05 * truth.contrast().volumeVoxelMl()));
        assertThat(m.provenance().software()).contains("batch");
        String json = Files.readString(out.resolve("cases/good-1/contrast.json"));
        assertThat(json).contains("'Post contrast'").contains("'Needle check'").contains("the series the needle tip was marked on");
        // the CSV was written after contrast, so it holds the new measurement
        assertThat(Files.readString(out.resolve("cases/good-1/findings.csv"))).contains("contrast_volume_ml");
    }

    @Test
    void noMoreThanJobsCasesHoldVolumesAtOnce() {
        assertThat(first.peakCases()).isBetween(1, 2);
        assertThat(first.peakVolumes()).isLessThanOrEqualTo(2); // jobs = 2: the baseline is cropped before the post-contrast CT loads
    }

    @Test
    void aRerunRedoesOnlyTheFailedCaseAndReQuantifiesFromTheStoredSeed(@TempDir Path own) throws Exception {
        Path cohort = BatchTestCohort.threeCases(own);
        Path out = own.resolve("out");
        BatchRunner.run(new BatchRunner.Options(cohort, out, 2, Shard.ALL, EnumSet.of(Step.INDEX, Step.CONTRAST, Step.CSV), null, 0), (a, b, c) -> { });
        BatchRunner.Result again = BatchRunner.run(new BatchRunner.Options(cohort, out, 1, Shard.ALL,
                EnumSet.of(Step.INDEX, Step.CONTRAST, Step.CSV), null, 0), (a, b, c) -> { });
        assertThat(again.ran()).isEqualTo(1); // bad-1 only
        assertThat(again.resumed()).isEqualTo(2);
        // asking for a step the done cases have not had redoes them, from the stored seed, without piling up ROIs
        BatchRunner.Result more = BatchRunner.run(new BatchRunner.Options(cohort, out, 2, Shard.ALL, EnumSet.of(Step.CONTRAST, Step.BME), null, 0),
                (a, b, c) -> { });
        assertThat(more.ran()).isEqualTo(3);
        FindingsDocument d = FindingsJson.read(Files.readAllBytes(cohort.resolve("good-2/findings/R1.findings.json")), "R1");
        assertThat(d.rois().stream().filter(r -> r.type() == FindingsDocument.RoiType.MASK3D)).hasSize(1);
        assertThat(Files.readString(out.resolve("cases/good-2/contrast.json"))).contains("stored seed");
        assertThat(more.manifest().find("good-2").orElseThrow().notes()).anyMatch(n -> n.startsWith("bme:"));
    }
}
