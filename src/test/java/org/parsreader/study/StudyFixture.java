package org.parsreader.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.parsreader.scoring.cohort.CohortGenerator;

/** A study over a small generated cohort (two readers with the simulated disagreements, no images). */
final class StudyFixture {
    private StudyFixture() {}

    static Path cohort(Path dir, int patients) throws IOException {
        Path cohort = dir.resolve("cohort");
        CohortGenerator.write(CohortGenerator.generate(patients, 7), cohort);
        return cohort;
    }

    /** study.json beside the cohort: R1, R2, consensus; seed 11; gap width tolerance 1 mm. */
    static Path study(Path dir, int patients) throws IOException {
        cohort(dir, patients);
        Path file = dir.resolve("study.json");
        Files.write(file, StudyFile.create("test study", "cohort", null, List.of("R1", "R2"), "consensus", StudyFile.Role.CONSENSUS,
                "pars-injection", "1.0.0", null, true, 11L, Map.of("gap_width_mm", 1.0)).toJson());
        return file;
    }
}
