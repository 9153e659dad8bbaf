package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.batch.BatchRunner;
import org.parsreader.batch.Shard;
import org.parsreader.batch.Step;

/** Issue 7: Batch... takes the command line's keys, reports bad ones by name, and logs failed cases without aborting. */
class BatchCommandTest {
    @Test
    void macroOptionsAreTheCommandLinesKeys(@TempDir Path tmp) {
        BatchRunner.Options o = BatchCommand.parse("cohort=[" + tmp + "/my cohort] out=" + tmp + "/o jobs=2 steps=index,csv shard=2/4 outcomes=" + tmp + "/x.csv");
        assertThat(o.cohort()).isEqualTo(tmp.resolve("my cohort"));
        assertThat(o.jobs()).isEqualTo(2);
        assertThat(o.steps()).containsExactly(Step.INDEX, Step.CSV);
        assertThat(o.shard()).isEqualTo(new Shard(2, 4));
        assertThat(o.outcomes()).isEqualTo(tmp.resolve("x.csv"));
        assertThatThrownBy(() -> BatchCommand.parse("cohort=/a out=/b job=2")).hasMessageContaining("job");
        assertThatThrownBy(() -> BatchCommand.parse("out=/b")).hasMessageContaining("cohort");
        assertThatThrownBy(() -> BatchCommand.parse("cohort=/a out=/b jobs=two")).hasMessageContaining("jobs 'two'");
        assertThatThrownBy(() -> BatchCommand.parse("cohort=/a out=/b steps=index,paint")).hasMessageContaining("step 'paint'");
    }

    @Test
    void failedCasesAreLoggedAndTheRestDone(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        Path good = Files.createDirectories(cohort.resolve("P001/findings"));
        Files.copy(Path.of("sample-data/cohort/P001/findings/R1.findings.json"), good.resolve("R1.findings.json"));
        Files.writeString(Files.createDirectories(cohort.resolve("P002/findings")).resolve("R1.findings.json"), "{");
        AtomicLong last = new AtomicLong();
        BatchRunner.Result r = BatchCommand.process(BatchCommand.parse("cohort=" + cohort + " out=" + tmp.resolve("out") + " steps=csv"),
                (done, total, what) -> last.set(done * 100 + total));
        assertThat(last.get()).isEqualTo(202);
        assertThat(BatchCommand.log(r, tmp.resolve("out"))).anyMatch(l -> l.startsWith("Pars Reader: batch: case P002 failed: "))
                .last().asString().contains("2 cases: 1 done, 1 failed");
    }

    /** Issue 16: without steps=, Batch... decides per case as the command line does, and groups identical failures. */
    @Test
    void defaultStepsFitEachCaseAndFailuresAreGrouped(@TempDir Path tmp) throws Exception {
        assertThat(BatchCommand.parse("cohort=/a out=/b").defaultSteps()).isTrue();
        assertThat(BatchCommand.parse("cohort=/a out=/b steps=index").defaultSteps()).isFalse();
        Path cohort = tmp.resolve("cohort");
        for (String p : new String[] {"P001", "P002", "P003", "P004"}) {
            Path f = Files.createDirectories(cohort.resolve(p + "/findings"));
            Files.copy(Path.of("sample-data/cohort/" + p + "/findings/R1.findings.json"), f.resolve("R1.findings.json"));
        }
        BatchRunner.Result r = BatchCommand.process(BatchCommand.parse("cohort=" + cohort + " out=" + tmp.resolve("out")), (d, t, w) -> {});
        java.util.List<String> log = BatchCommand.log(r, tmp.resolve("out"));
        assertThat(r.allDone()).as(String.join("\n", log)).isTrue();
        assertThat(log).filteredOn(l -> l.contains("no DICOM images")).singleElement().asString()
                .contains("4 cases have no DICOM images").contains("steps=");
        assertThat(log.get(log.size() - 1)).contains("4 cases: 4 done, 0 failed");

        BatchRunner.Result strict = BatchCommand.process(BatchCommand.parse("cohort=" + cohort + " out=" + tmp.resolve("out2") + " steps=index,csv"),
                (d, t, w) -> {});
        java.util.List<String> failed = BatchCommand.log(strict, tmp.resolve("out2"));
        assertThat(failed).filteredOn(l -> l.contains("4 cases: ") && l.contains("(P001, P002, P003, ...; list in manifest.json)")).hasSize(1);
        assertThat(failed).noneMatch(l -> l.contains("case P002 failed"));
    }
}
