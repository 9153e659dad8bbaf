package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsJson;

/** {@code findings migrate}: dry run, migration, frozen reads only with --include-frozen and --who, exit 1 when a file is left. */
class FindingsMigrateCommandTest {
    static final Path OLD = Path.of("src/test/resources/findings/template-pars-injection-1.0.0/R1.findings.json");

    @Test
    void migratesACohortSaysWhatItDidAndLeavesFrozenReadsUnlessToldOtherwise(@TempDir Path tmp) throws Exception {
        for (String p : new String[] {"P1", "P2"}) {
            Files.createDirectories(tmp.resolve(p).resolve("findings"));
            Files.copy(OLD, tmp.resolve(p).resolve("findings/R1.findings.json"));
        }
        CaseFindings.store(tmp.resolve("P2")).freeze("R1", "R1", "marked complete");

        CommandLineTest.Run dry = CommandLineTest.run("findings", "migrate", tmp.toString(), "--dry-run");
        assertThat(dry.out()).contains("would migrate").contains("frozen, not migrated").contains("--include-frozen").contains("dry run: nothing written");
        assertThat(dry.status()).isEqualTo(1); // the frozen read is not migrated
        assertThat(Files.readAllBytes(tmp.resolve("P1/findings/R1.findings.json"))).isEqualTo(Files.readAllBytes(OLD));

        CommandLineTest.Run run = CommandLineTest.run("findings", "migrate", tmp.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("migrated ").contains("1.0.0 -> 1.1.0").contains("2 file(s): 1 migrated, 0 up to date, 1 not migrated");
        assertThat(FindingsJson.readFile(tmp.resolve("P1/findings/R1.findings.json")).template().version()).isEqualTo("1.1.0");
        assertThat(FindingsJson.readFile(tmp.resolve("P2/findings/R1.findings.json")).template().version()).isEqualTo("1.0.0");

        CommandLineTest.Run noWho = CommandLineTest.run("findings", "migrate", tmp.toString(), "--include-frozen");
        assertThat(noWho.status()).isNotZero();
        assertThat(noWho.err()).contains("--who NAME");

        CommandLineTest.Run lead = CommandLineTest.run("findings", "migrate", tmp.toString(), "--include-frozen", "--who", "jd");
        assertThat(lead.status()).as(lead.out() + lead.err()).isZero();
        assertThat(lead.out()).contains("2 file(s): 1 migrated, 1 up to date, 0 not migrated").contains("the freeze moved with it");
        assertThat(CaseFindings.store(tmp.resolve("P2")).auditLog().read().entries()).last()
                .satisfies(e -> assertThat(e.who()).isEqualTo("jd (findings migrate)"));
    }
}
