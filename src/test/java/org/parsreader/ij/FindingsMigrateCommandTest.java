package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsJson;

/** Findings Migrate... from a macro: the same migration as the CLI, one Log line per file. */
class FindingsMigrateCommandTest {
    static final Path OLD = Path.of("src/test/resources/findings/template-pars-injection-1.0.0/R1.findings.json");

    @Test
    void macroOptionsDryRunThenMigrate(@TempDir Path tmp) throws Exception {
        Path file = Files.createDirectories(tmp.resolve("P1/findings")).resolve("R1.findings.json");
        Files.copy(OLD, file);
        FindingsMigrateCommand.Request dry = FindingsMigrateCommand.parse("path=[" + tmp + "] dry-run");
        assertThat(dry.dryRun()).isTrue();
        List<String> log = FindingsMigrateCommand.process(dry);
        assertThat(log.get(0)).contains("would migrate").contains("1.0.0 -> 1.1.0");
        assertThat(FindingsJson.readFile(file).template().version()).isEqualTo("1.0.0");
        log = FindingsMigrateCommand.process(FindingsMigrateCommand.parse("path=[" + tmp + "] who=lead"));
        assertThat(log.get(0)).contains("migrated");
        assertThat(log.get(1)).contains("1 findings file(s), 0 not migrated");
        assertThat(FindingsJson.readFile(file).template().version()).isEqualTo("1.1.0");
        assertThatThrownBy(() -> FindingsMigrateCommand.process(FindingsMigrateCommand.parse("path=[" + tmp + "] include-frozen")))
                .hasMessageContaining("who=NAME");
        assertThat(FindingsCommandsTest.captured(() -> new FindingsMigrateCommand().run(""))).contains("path=/data/cases dry-run");
    }
}
