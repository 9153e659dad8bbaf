package org.parsreader.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyScanner;

/** A private copy of sample-data/case-001 (with its R1 findings) for tests that write findings: the one copy routine of the test tree. */
public final class SampleCase {
    public static final Path SAMPLE = Path.of("sample-data/case-001");

    private SampleCase() {}

    /** Copies the sample case into {@code dir}/case-001 and returns that folder. */
    public static Path copy(Path dir) throws IOException {
        return copy(dir, "case-001");
    }

    /** Copies the sample case into {@code dir}/{@code name} (several cases of a cohort) and returns that folder. */
    public static Path copy(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
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
    public static String stackId(Path caseDir, String description) {
        return StudyScanner.scan(caseDir).stacks().stream().filter(s -> s.series().description().equals(description))
                .map(ImageStack::id).findFirst().orElseThrow(() -> new AssertionError("no series " + description));
    }

    /**
     * Series of the committed sample case, by SeriesDescription, loaded as calibrated volumes
     * (one scan for all): what tests that read the sample against its ground truth start from.
     */
    public static java.util.Map<String, org.parsreader.volume.Volume> volumes(String... descriptions) {
        org.parsreader.dicom.StudyIndex index = StudyScanner.scan(SAMPLE);
        java.util.Map<String, org.parsreader.volume.Volume> out = new java.util.LinkedHashMap<>();
        for (String d : descriptions) {
            ImageStack s = index.stacks().stream().filter(x -> d.equals(x.series().description())).findFirst()
                    .orElseThrow(() -> new AssertionError("the sample case has no series '" + d + "'"));
            out.put(d, org.parsreader.dicom.VolumeLoader.load(s));
        }
        return out;
    }
}
