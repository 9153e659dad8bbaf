package org.parsreader.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsMigrator;

/**
 * Issue 14 point 5: a study pinned to pars-injection 1.0.0 keeps reading with 1.0.0 after 1.1.0
 * came; the study lead migrates its reads (frozen ones too) and moves the study to 1.1.0.
 */
class StudyTemplateVersionTest {
    @Test
    void aPinnedStudyKeepsItsVersionAndMovesWhenTheLeadMigrates(@TempDir Path dir) throws Exception {
        Path file = StudyFixture.study(dir, 3);
        Study s = Study.open(file);
        assertThat(s.template().version()).isEqualTo("1.0.0");
        assertThat(s.template().finding("facet_effusion")).isEmpty();
        Path p1 = s.cases().get(0);
        java.util.List<String> before = states(StudyStatus.of(s));

        // R1 completes the first case (frozen), then the lead migrates every read of the study
        org.parsreader.findings.CaseFindings.store(p1).freeze("R1", "R1", "marked complete");
        var out = FindingsMigrator.run(java.util.List.of(dir.resolve("cohort")), new FindingsMigrator.Options(false, true, "lead"));
        assertThat(out).allSatisfy(o -> assertThat(o.status()).as(o.toString()).isEqualTo(FindingsMigrator.Status.MIGRATED));

        // still 1.0.0 in study.json: the migrated reads are valid there too (same major version), nothing changed state
        StudyStatus after = StudyStatus.of(Study.open(file));
        assertThat(states(after)).isEqualTo(before);
        assertThat(after.rows().get(0).reads().stream().filter(StudyStatus.Cell::isFrozen).map(StudyStatus.Cell::reader)).containsExactly("R1");
        Files.writeString(file, Files.readString(file).replace("\"1.0.0\"", "\"1.1.0\""));
        Study moved = Study.open(file);
        assertThat(moved.template().version()).isEqualTo("1.1.0");
        assertThat(moved.template().finding("facet_effusion")).isPresent();

        Files.writeString(file, Files.readString(file).replace("\"1.1.0\"", "\"0.9.0\""));
        assertThatThrownBy(() -> Study.open(file)).hasMessageContaining("0.9.0");
    }

    /** Every read's state and value count, case by case. */
    private static java.util.List<String> states(StudyStatus s) {
        return s.rows().stream().flatMap(r -> r.reads().stream()).map(c -> c.caseId() + " " + c.reader() + " " + c.state() + " " + c.values()
                + (c.problem() == null ? "" : " " + c.problem())).toList();
    }
}
