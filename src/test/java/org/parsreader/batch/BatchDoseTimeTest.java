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
    }
}
