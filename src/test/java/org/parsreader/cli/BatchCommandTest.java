package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7: batch and batch-merge from the command line; exit 1 with the reason per failed case, the rest done. */
class BatchCommandTest {
    static Path cohort(Path tmp, boolean withBad) throws Exception {
        Path cohort = tmp.resolve("cohort");
        for (String p : new String[] {"P001", "P002", "P003"}) {
            Path f = Files.createDirectories(cohort.resolve(p).resolve("findings"));
            Files.copy(Path.of("sample-data/cohort").resolve(p).resolve("findings/R1.findings.json"), f.resolve("R1.findings.json"));
        }
        if (withBad) {
            Path f = Files.createDirectories(cohort.resolve("P000").resolve("findings"));
            Files.writeString(f.resolve("R1.findings.json"), "{ broken");
        }
        return cohort;
    }

    @Test
    void aFailedCaseExitsOneWithItsReasonAndTheRestAreDone(@TempDir Path tmp) throws Exception {
        Path cohort = cohort(tmp, true);
        Path out = tmp.resolve("out");
        CommandLineTest.Run r = CommandLineTest.run("batch", cohort.toString(), "--out", out.toString(), "--jobs", "2", "--steps", "csv");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("case P000 failed: ").contains("R1.findings.json");
        assertThat(r.out()).contains("4 cases: 3 done, 1 failed, 0 skipped").contains("manifest: ");
        assertThat(out.resolve("cases/P003/findings.csv")).exists();

        Files.writeString(cohort.resolve("P000/findings/R1.findings.json"),
                Files.readString(Path.of("sample-data/cohort/P004/findings/R1.findings.json")));
        CommandLineTest.Run again = CommandLineTest.run("batch", cohort.toString(), "--out", out.toString(), "--steps", "csv");
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("4 cases: 4 done").contains("this run did 1, 3 were done before");
    }

    @Test
    void wrongOptionsNameTheOption(@TempDir Path tmp) throws Exception {
        Path cohort = cohort(tmp, false);
        CommandLineTest.Run steps = CommandLineTest.run("batch", cohort.toString(), "--out", tmp.resolve("o").toString(), "--steps", "index,paint");
        assertThat(steps.status()).isEqualTo(1);
        assertThat(steps.err()).contains("step 'paint' is not one of [index, contrast, bme, csv]");
        CommandLineTest.Run shard = CommandLineTest.run("batch", cohort.toString(), "--out", tmp.resolve("o").toString(), "--shard", "3/2");
        assertThat(shard.status()).isEqualTo(1);
        assertThat(shard.err()).contains("shard 3/2");
    }

    @Test
    void shardsRunAndMerge(@TempDir Path tmp) throws Exception {
        Path cohort = cohort(tmp, false);
        for (int i = 1; i <= 2; i++) {
            CommandLineTest.Run r = CommandLineTest.run("batch", cohort.toString(), "--out", tmp.resolve("shard-" + i).toString(), "--shard", i + "/2",
                    "--steps", "csv");
            assertThat(r.status()).as(r.err()).isZero();
        }
        Path merged = tmp.resolve("merged");
        CommandLineTest.Run m = CommandLineTest.run("batch-merge", merged.toString(), tmp.resolve("shard-1/manifest.json").toString(),
                tmp.resolve("shard-2/manifest.json").toString());
        assertThat(m.status()).as(m.err()).isZero();
        assertThat(m.out()).contains("3 cases: 3 done");
        assertThat(merged.resolve("cases/P002/findings.csv")).exists(); // from shard 2
        assertThat(Files.readString(merged.resolve("manifest.json"))).contains("\"P001\"").contains("\"P002\"").contains("\"P003\"");

        CommandLineTest.Run half = CommandLineTest.run("batch-merge", tmp.resolve("m2").toString(), tmp.resolve("shard-1/manifest.json").toString());
        assertThat(half.status()).isEqualTo(1);
        assertThat(half.err()).contains("missing shard: 2/2");
    }
}
