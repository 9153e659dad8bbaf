package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * ImageJ with the packaged plugin jar in its plugins folder, in real windows (Xvfb in CI):
 * the menu command exists, opens the chosen series in a window, calibrated, and the screen
 * is saved as target/screenshots/open-study.png.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class OpenStudyIT {
    static ImageJ imagej;

    @BeforeAll
    static void startImageJ() throws Exception {
        imagej = RealImageJ.start(Files.createTempDirectory("imagej"));
    }

    @AfterAll
    static void quit() {
        WindowManager.closeAllWindows();
        if (imagej != null) imagej.dispose();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void openStudyFromTheMenuShowsTheCalibratedSeriesAndTheIndex() throws Exception {
        assertThat(Menus.getCommands().get("Open Study...")).isEqualTo("org.parsreader.ij.OpenStudyCommand");
        Path sample = Path.of("sample-data/case-001").toAbsolutePath();
        IJ.run("Open Study...", "folder=[" + sample + "] series=#6 table");
        ImagePlus imp = null;
        for (int i = 0; i < 100 && (imp == null || imp.getWindow() == null || !imp.getWindow().isShowing()); i++) {
            Thread.sleep(50);
            imp = WindowManager.getCurrentImage();
        }
        assertThat(imp).isNotNull();
        assertThat(imp.getWindow().isShowing()).isTrue();
        assertThat(imp.getTitle()).contains("Post contrast");
        assertThat(imp.getStackSize()).isEqualTo(21);
        assertThat(imp.getCalibration().getValueUnit()).isEqualTo("HU");
        assertThat(imp.getCalibration().pixelWidth).isEqualTo(0.875);
        ResultsTable table = ResultsTable.getResultsTable("Study Index: case-001");
        assertThat(table).isNotNull();
        assertThat(table.size()).isEqualTo(7); // 6 stacks + the skipped ground-truth.json (Pars Reader's findings files are not listed)

        // arrange like a reader would see it, then save the screen
        WindowManager.getWindow("Study Index: case-001").setBounds(0, 500, 1366, 230);
        imp.getWindow().setLocation(20, 20);
        imp.setSlice(12);
        ImagePlus shown = imp;
        java.awt.EventQueue.invokeAndWait(() -> {
            ij.gui.ImageCanvas canvas = shown.getCanvas();
            canvas.setMagnification(2.5);
            canvas.setSize(400, 400);
            shown.getWindow().pack();
        });
        Thread.sleep(800);
        BufferedImage screen = new Robot().createScreenCapture(new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()));
        Path out = Path.of("target/screenshots/open-study.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(screen, "png", out.toFile());
        assertThat(out).isNotEmptyFile();
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aWrongOptionIsReportedNotIgnored() {
        String before = IJ.getLog() == null ? "" : IJ.getLog();
        ij.Macro.setOptions(null);
        IJ.redirectErrorMessages(true);
        // the error aborts the calling macro, as ImageJ does for its own commands
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IJ.run("Open Study...", "folder=/tmp serie=#1"))
                .hasMessageContaining("Macro canceled");
        String log = IJ.getLog() == null ? "" : IJ.getLog();
        assertThat(log.substring(Math.min(before.length(), log.length()))).contains("unknown option 'serie'");
    }
}
