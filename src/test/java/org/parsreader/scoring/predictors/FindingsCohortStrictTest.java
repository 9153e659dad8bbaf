package org.parsreader.scoring.predictors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.scoring.cohort.CohortGenerator;

/** Issue 11, point 5: a findings file under the wrong reader's name is left out, not the genuine file of that reader. */
class FindingsCohortStrictTest {
    @Test
    void anR1FileHoldingR2sFindingsIsLeftOutAndTheGenuineR2Stays(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        CohortGenerator.write(CohortGenerator.generate(5, 11), cohort);
        Path r1 = cohort.resolve("P003/findings/R1.findings.json");
        Path r2 = cohort.resolve("P003/findings/R2.findings.json");
        Files.copy(r2, r1, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // R2's findings under R1's name

        FindingsCohort c = FindingsCohort.load(cohort);
        assertThat(c.entries()).filteredOn(e -> e.pseudonym().equals("P003")).extracting(FindingsCohort.Entry::file).containsExactly(r2);
        assertThat(c.ofReader("R2")).hasSize(5);
        assertThat(c.ofReader("R1")).hasSize(4);
        assertThat(c.problems()).singleElement().asString()
                .startsWith(r1 + ": reader.id 'R2' but the file belongs to reader 'R1'").endsWith("; left out");
    }
}
