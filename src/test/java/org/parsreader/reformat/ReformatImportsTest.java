package org.parsreader.reformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reformat core stays headless and small: of ours it imports {@code volume} only, and nothing of ImageJ or AWT. */
class ReformatImportsTest {
    @Test
    void importsVolumeOnly() throws Exception {
        List<String> offenders;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/parsreader/reformat"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> l.startsWith("import "))
                            .filter(l -> (l.contains("org.parsreader.") && !l.startsWith("import org.parsreader.volume."))
                                    || l.startsWith("import ij.") || l.startsWith("import java.awt") || l.startsWith("import javax.swing"))
                            .map(l -> f.getFileName() + ": " + l);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offenders).isEmpty();
    }
}
