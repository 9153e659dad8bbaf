package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.ReadmeBlocks;

/**
 * Issue 16: every command-line example in README.md (```bash, ```sh and ```console blocks, lines
 * that run the jar) runs as written on sample-data/, in README order on one copy of it, with out/
 * in a temporary folder. Slurm job scripts (#SBATCH) are for a cluster's /data and are left out.
 */
class ReadmeCommandLineExamplesTest {
    @Test
    void everyReadmeCommandLineRunsOnTheSampleData(@TempDir Path tmp) throws Exception {
        List<String> commands = new ArrayList<>();
        for (ReadmeBlocks.Block b : ReadmeBlocks.of(Set.of("bash", "sh", "console", "shell"))) {
            if (b.text().contains("#SBATCH")) continue;
            commands.addAll(CliExamples.commands(b.lines()));
        }
        assertThat(commands).hasSizeGreaterThanOrEqualTo(5);
        CliExamples.copySample(tmp);
        for (String c : commands) {
            String[] a = CliExamples.args(c, tmp);
            if (a.length > 0 && a[0].equals("pacs")) {
                // needs a live PACS: here the options must parse; OrthancPacsTest and PacsCommandTest run them against a real Orthanc
                Main.commandLine(a).parseArgs(a);
                continue;
            }
            CommandLineTest.Run r = CommandLineTest.run(CliExamples.args(c, tmp));
            assertThat(r.status()).as("README: " + c + "\n" + r.err()).isZero();
            assertThat(r.err()).as(c).doesNotContain("[picocli WARN]");
            assertThat(r.out()).as(c).isNotBlank();
        }
    }
}
