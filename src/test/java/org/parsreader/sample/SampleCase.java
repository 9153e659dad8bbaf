package org.parsreader.ij;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyScanner;

/** A private copy of sample-data/case-001 (with its R1 findings) for tests that write findings. */
final class SampleCase {
    static final Path SAMPLE = Path.of("sample-data/case-001");

    private SampleCase() {}

    /** Copies the sample case into {@code dir}/case-001 and returns that folder. */
    static Path copy(Path dir) throws IOException {
        Path target = dir.resolve("case-001");
        try (Stream<Path> s = Files.walk(SAMPLE)) {
            s.forEach(p -> {
                try {
                    Path t = target.resolve(SAMPLE.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(t);
                    else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return target;
    }

    /** The stack id of the series with this description ("Needle check", "Post contrast", "STIR SAG" ...). */
    static String stackId(Path caseDir, String description) {
        return StudyScanner.scan(caseDir).stacks().stream().filter(s -> s.series().description().equals(description))
                .map(ImageStack::id).findFirst().orElseThrow(() -> new AssertionError("no series " + description));
    }
}
