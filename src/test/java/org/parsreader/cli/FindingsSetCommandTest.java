package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.findings.store.AuditLog;
import org.parsreader.sample.SampleCase;

/** Issue 14, point 5: {@code findings set}, with {@code --value} or {@code --not-assessable REASON}. */
class FindingsSetCommandTest {
    static FindingsDocument stored(Path caseDir, String reader) throws Exception {
        return FindingsJson.readFile(caseDir.resolve("findings/" + reader + ".findings.json"));
    }

    static Value valueOf(FindingsDocument d, String finding, String level, Side side) {
        return d.values().stream().filter(v -> v.finding().equals(finding) && v.level().equals(level) && v.side() == side)
                .findFirst().orElseThrow().value();
    }

    @Test
    void setsAValueOrNotAssessableSavesAndAudits(@TempDir Path dir) throws Exception {
        Path caseDir = SampleCase.copy(dir);
        CommandLineTest.Run na = CommandLineTest.run("findings", "set", caseDir.toString(), "--reader", "R1", "--finding", "pars_defect",
                "--level", "L5", "--side", "left", "--not-assessable", "motion", "--who", "tester");
        assertThat(na.status()).as(na.err()).isZero();
        assertThat(na.out()).contains("set pars_defect L5 left = na:motion (R1, ");
        assertThat(valueOf(stored(caseDir, "R1"), "pars_defect", "L5", Side.LEFT)).isEqualTo(new Value.NotAssessable("motion"));
        assertThat(new AuditLog(caseDir.resolve("findings/audit.log")).read().entries())
                .anySatisfy(e -> assertThat(e.toString()).contains("na:motion").contains("tester"));

        CommandLineTest.Run v = CommandLineTest.run("findings", "set", caseDir.toString(), "--reader", "R1", "--finding", "meyerding",
                "--level", "L5", "--value", "II");
        assertThat(v.status()).as(v.err()).isZero();
        assertThat(valueOf(stored(caseDir, "R1"), "meyerding", "L5", null)).isEqualTo(new Value.Choice("II"));
        assertThat(CommandLineTest.run("findings", "validate", caseDir.resolve("findings/R1.findings.json").toString()).status()).isZero();
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingChanges(@TempDir Path dir) throws Exception {
        Path caseDir = SampleCase.copy(dir);
        Path file = caseDir.resolve("findings/R1.findings.json");
        byte[] before = Files.readAllBytes(file);
        CommandLineTest.Run reason = CommandLineTest.run("findings", "set", caseDir.toString(), "--reader", "R1", "--finding", "pars_defect",
                "--level", "L5", "--side", "left", "--not-assessable", "tired");
        assertThat(reason.status()).isNotZero();
        assertThat(reason.err()).contains("'tired'").contains("[motion, artefact, not_in_field_of_view]");
        CommandLineTest.Run both = CommandLineTest.run("findings", "set", caseDir.toString(), "--reader", "R1", "--finding", "pars_defect",
                "--level", "L5", "--side", "left", "--not-assessable", "motion", "--value", "complete");
        assertThat(both.status()).isNotZero();
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        CaseFindings.store(caseDir).freeze("R1", "lead", "consensus started");
        CommandLineTest.Run frozen = CommandLineTest.run("findings", "set", caseDir.toString(), "--reader", "R1", "--finding", "pars_defect",
                "--level", "L5", "--side", "left", "--not-assessable", "motion");
        assertThat(frozen.status()).isNotZero();
        assertThat(frozen.err()).contains("frozen");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void confidenceAndCommentFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path caseDir = SampleCase.copy(dir);
        Path template = org.parsreader.findings.ConfidenceCommentTestAccess.templateWithConfidence(dir);
        CommandLineTest.Run c = CommandLineTest.run("findings", "set", caseDir.toString(), "--reader", "R1", "--finding", "pars_defect",
                "--level", "L5", "--side", "left", "--value", "complete", "--confidence", "4", "--template", template.toString());
        assertThat(c.status()).as(c.err()).isZero();
        assertThat(stored(caseDir, "R1").values()).anySatisfy(v -> {
            assertThat(v.finding() + v.level() + v.side()).isEqualTo("pars_defectL5LEFT");
            assertThat(v.confidence()).isEqualTo(4);
        });
        CommandLineTest.Run none = CommandLineTest.run("findings", "set", caseDir.toString(), "--reader", "R1", "--finding", "pars_defect",
                "--level", "L5", "--side", "left");
        assertThat(none.status()).isNotZero();
        assertThat(none.err()).contains("give --value V, --not-assessable REASON or --confidence N");

        CommandLineTest.Run m = CommandLineTest.run("findings", "comment", caseDir.toString(), "--reader", "R1", "--level", "L5",
                "--text", "motion on STIR", "--who", "tester");
        assertThat(m.status()).as(m.err()).isZero();
        assertThat(stored(caseDir, "R1").levelComments()).containsExactly(new FindingsDocument.LevelComment("L5", "motion on STIR"));
        CommandLineTest.Run noRead = CommandLineTest.run("findings", "comment", caseDir.toString(), "--reader", "R7", "--level", "L5", "--text", "x");
        assertThat(noRead.status()).isNotZero();
        assertThat(noRead.err()).contains("reader R7 has no findings in");
    }
}
