package org.parsreader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Small cohorts for batch tests: copies of the sample case and broken case folders. */
final class BatchTestCohort {
    static final Path SAMPLE = Path.of("sample-data/case-001");

    private BatchTestCohort() {}

    static void copyCase(Path to) throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(SAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    /** A case folder holding one file that is not DICOM: the index step must fail on it with a reason. */
    static void brokenCase(Path to) throws IOException {
        Files.createDirectories(to);
        Files.writeString(to.resolve("IM0001.dcm"), "not a DICOM file");
    }

    /** good-1, good-2 (copies of the sample case) and bad-1 (no DICOM): sorted bad-1, good-1, good-2. */
    static Path threeCases(Path dir) throws IOException {
        Path cohort = dir.resolve("cohort");
        copyCase(cohort.resolve("good-1"));
        copyCase(cohort.resolve("good-2"));
        brokenCase(cohort.resolve("bad-1"));
        return cohort;
    }
}
