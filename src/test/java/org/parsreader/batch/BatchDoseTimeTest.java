package org.parsreader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.scoring.DoseTimeTable;

/** Issue 15, point 5: the index step writes each case's dose and time; the run gathers them into dose-time.csv. */
class BatchDoseTimeTest {
    @TempDir
    Path dir;

    @Test
    void indexStepWritesDoseAndTimePerCaseAndTheRunGathersThem() throws Exception {
        Path cohort = dir.resolve("cohort");
        BatchTestCohort.copyCase(cohort.resolve("case-a"));
        BatchTestCohort.copyCase(cohort.resolve("case-b"));
        Path other = cohort.resolve("case-b/findings/R1.findings.json");
        Files.writeString(other, Files.readString(other).replace("\"P0001\"", "\"P0002\"")); // two patients, not one twice
        Path out = dir.resolve("out");
        BatchRunner.Result r = BatchRunner.run(new BatchRunner.Options(cohort, out, 1, Shard.ALL, EnumSet.of(Step.INDEX), null, 0),
                (a, b, c) -> { });
        assertThat(r.allDone()).isTrue();
        assertThat(r.manifest().cases().get(0).outputs()).contains("cases/case-a/dose-time.csv");
        List<String> lines = Files.readAllLines(out.resolve(DoseTimeTable.FILE));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(String.join(",", DoseTimeTable.HEADER));
        // the sample case: CTDIvol 3.4 mGy (planning) from the headers, 14:05:12 to 14:18:51
        assertThat(lines.get(1)).startsWith("case-a,")
                .contains(",3.4,image headers (highest image),")
                .contains(",image headers: CTDIvol x scanned length (estimate),13.65,AcquisitionDate+AcquisitionTime (")
                .contains(",2024-03-20T14:05:12,2024-03-20T14:18:51,3,");
        DoseTimeTable t = DoseTimeTable.read(out.resolve(DoseTimeTable.FILE));
        assertThat(t.rows()).hasSize(2);
        DoseTimeTable.Row a = t.rows().values().iterator().next();
        assertThat(a.caseName()).isEqualTo("case-a");
        assertThat(a.pseudonym()).as("the findings' pseudonym, for the join with the outcomes").isEqualTo("P0001");
        assertThat(Files.readString(out.resolve("cases/case-a/index.txt"))).contains("procedure: CTDIvol 3.40 mGy (image headers (highest image))");

        // scoring in the batch: P0001's typed DLP differs and is kept, its empty time is filled; P0002's three empty cells are filled
        Path outcomes = dir.resolve("outcomes.csv");
        Files.writeString(outcomes, "pseudonym,nrs_0,nrs_15min,ctdivol_mgy,dlp_mgycm,procedure_min\nP0001,6,2,3.4,99,\nP0002,7,6,,,\n");
        Manifest.CaseEntry score = BatchRunner.score(cohort, outcomes, out);
        assertThat(score.outputs()).contains("score/" + DoseTimeTable.DISCREPANCIES);
        assertThat(Files.readAllLines(out.resolve("score").resolve(DoseTimeTable.DISCREPANCIES))).containsExactly(
                "pseudonym,column,outcomes_value_kept,image_value,image_source",
                "P0001,dlp_mgycm,99,41.964,image headers: CTDIvol x scanned length (estimate)");
        assertThat(score.notes()).anyMatch(n -> n.contains("dose-time.csv: 4 dose/time value(s) filled from the images; 1 differ"));
    }
}
