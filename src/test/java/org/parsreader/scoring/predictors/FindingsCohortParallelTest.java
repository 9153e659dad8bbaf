package org.parsreader.scoring.predictors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.scoring.cohort.CohortGenerator;

/** Reading a cohort's findings files on several threads gives what one thread gives: the same entries and problems, in file order. */
class FindingsCohortParallelTest {
    @Test
    void anyThreadCountGivesTheSameCohort(@TempDir Path dir) throws Exception {
        CohortGenerator.Cohort c = CohortGenerator.generate(40, 3);
        CohortGenerator.write(c, dir);
        Path first = dir.resolve(c.reader1().get(0).pseudonym()).resolve("findings");
        Files.writeString(dir.resolve(c.reader1().get(7).pseudonym()).resolve("findings/R3.findings.json"), "[", StandardCharsets.UTF_8);
        Files.copy(first.resolve("R2.findings.json"), Files.createDirectories(dir.resolve("zz/findings")).resolve("R2.findings.json"));

        FindingsCohort one = FindingsCohort.load(dir, 1);
        assertThat(one.entries()).hasSize(80);
        assertThat(one.problems()).hasSize(2);
        assertThat(one.problems().get(0)).contains("R3.findings.json").contains("left out");
        assertThat(one.problems().get(1)).contains("a second findings file of reader R2").contains("zz");
        for (int threads : new int[] {2, 3, 16}) {
            FindingsCohort many = FindingsCohort.load(dir, threads);
            assertThat(many.problems()).as(threads + " threads").isEqualTo(one.problems());
            assertThat(many.entries().stream().map(FindingsCohort.Entry::file).toList()).as(threads + " threads")
                    .isEqualTo(one.entries().stream().map(FindingsCohort.Entry::file).toList());
            assertThat(many.entries().stream().map(FindingsCohort.Entry::document).toList()).isEqualTo(one.entries().stream()
                    .map(FindingsCohort.Entry::document).toList());
        }
    }
}
