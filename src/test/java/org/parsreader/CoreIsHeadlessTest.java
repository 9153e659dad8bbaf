package org.parsreader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the ij package may touch ImageJ's GUI, AWT windows or Swing; everything else runs
 * headless. Off-screen drawing is headless-safe and allowed (the forest plot draws a PNG with
 * {@code -Djava.awt.headless=true}): java.awt.image and java.awt.geom, Graphics2D, Color,
 * BasicStroke, Font, FontMetrics, RenderingHints.
 */
class CoreIsHeadlessTest {
    private static final Pattern UI_IMPORT = Pattern.compile("^import (static )?(ij\\.gui|ij\\.WindowManager|ij\\.IJ;|javax\\.swing"
            + "|java\\.awt\\.(?!(image|geom)\\.[A-Za-z0-9.]+;|(Graphics2D|Color|BasicStroke|Font|FontMetrics|RenderingHints);))", Pattern.MULTILINE);

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

    @Test
    void offScreenDrawingIsAllowedAndWindowsAreNot() {
        assertThat(UI_IMPORT.matcher("import java.awt.image.BufferedImage;").find()).isFalse();
        assertThat(UI_IMPORT.matcher("import java.awt.geom.Line2D;").find()).isFalse();
        assertThat(UI_IMPORT.matcher("import java.awt.Graphics2D;").find()).isFalse();
        assertThat(UI_IMPORT.matcher("import java.awt.Color;").find()).isFalse();
        assertThat(UI_IMPORT.matcher("import java.awt.Frame;").find()).isTrue();
        assertThat(UI_IMPORT.matcher("import java.awt.*;").find()).isTrue();
        assertThat(UI_IMPORT.matcher("import java.awt.event.MouseEvent;").find()).isTrue();
        assertThat(UI_IMPORT.matcher("import java.awt.ColorDialog;").find()).isTrue();
        assertThat(UI_IMPORT.matcher("import javax.swing.JPanel;").find()).isTrue();
    }
}
