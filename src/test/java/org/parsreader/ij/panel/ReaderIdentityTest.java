package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.CaseFindings;

/** Issue 12 point 4, headless: Read Case knows a study's readers, asks before a new one, refuses ids differing only in case. */
class ReaderIdentityTest {
    @Test
    void theReadersOfACaseOrOfEveryCaseOfAWorklistAreKnown(@TempDir Path cohort) throws Exception {
        Path a = cohort.resolve("case-a"), b = cohort.resolve("case-b"), c = cohort.resolve("case-c");
        Files.createDirectories(c); // no findings yet
        file(a, "R1");
        file(b, "R2");
        file(b, "R1");
        assertThat(ReadCaseCommand.knownReaders(null, cohort)).containsExactly("R1", "R2");
        assertThat(ReadCaseCommand.knownReaders(a, null)).containsExactly("R1");
        assertThat(ReadCaseCommand.knownReaders(c, null)).isEmpty();
        assertThat(ReadCaseCommand.knownReaders(null, cohort.resolve("missing"))).isEmpty();
    }

    /** A reader's findings file (what is in it does not matter to who has read). */
    private static void file(Path caseDir, String reader) throws Exception {
        Files.createDirectories(CaseFindings.store(caseDir).file(reader).getParent());
        Files.writeString(CaseFindings.store(caseDir).file(reader), "{}");
    }

    @Test
    void aNewReaderIsAskedAboutAndACaseOnlyDifferenceIsRefused() {
        assertThat(ReadCaseCommand.newReaderQuestion("R3", List.of())).as("the study's first reader").isEmpty();
        assertThat(ReadCaseCommand.newReaderQuestion("R2", List.of("R1", "R2"))).isEmpty();
        assertThat(ReadCaseCommand.newReaderQuestion("R3", List.of("R1", "R2"))).get().asString()
                .contains("'R3' has not read in this study").contains("R1, R2");
        assertThatThrownBy(() -> ReadCaseCommand.newReaderQuestion("r2", List.of("R1", "R2")))
                .hasMessageContaining("'r2'").hasMessageContaining("'R2'").hasMessageContaining("only in upper and lower case");
    }
}
