package org.parsreader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Only the ij package may touch ImageJ's GUI, AWT or Swing; everything else runs headless. */
class CoreIsHeadlessTest {
    private static final Pattern UI_IMPORT = Pattern.compile("^import (static )?(ij\\.gui|ij\\.WindowManager|ij\\.IJ;|java\\.awt|javax\\.swing)", Pattern.MULTILINE);

    @Test
    void corePackagesImportNoGui() throws IOException {
        Path root = Path.of("src/main/java/org/parsreader");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(root.resolve("ij")))
                    .filter(p -> {
                        try {
                            return UI_IMPORT.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(Path::toString).toList();
            assertThat(offenders).as("core files importing GUI classes").isEmpty();
        }
    }
}
