package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.text.TextWindow;
import java.awt.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Score... in a real ImageJ with the packaged plugin jar (Xvfb): a macro call on the sample
 * cohort shows the "Pars Reader Scores" table and opens the forest plots as images.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class ScoreIT {
    static ImageJ started;

    @BeforeAll
    static void startImageJ() throws Exception {
        started = RealImageJ.start(Files.createTempDirectory("score-it")); // null when another IT already started it in this JVM
    }

    @AfterAll
    static void quit() {
        WindowManager.closeAllWindows();
        if (started != null) started.dispose();
    }

    @Test
    void macroShowsTheTableAndOpensTheForestPlots() throws Exception {
        assertThat((String) Menus.getCommands().get("Score...")).isEqualTo("org.parsreader.ij.ScoreCommand");
        Path out = Files.createTempDirectory("score-it-out");
        Path cohort = Path.of("sample-data/cohort").toAbsolutePath();
        int before = WindowManager.getImageCount();
        IJ.run("Score...", "findings=[" + cohort + "] outcomes=[" + cohort.resolve("outcomes.csv") + "] out=[" + out
                + "] reader=R1 multivariable=bme_isthmic_any,contrast_n_compartments");

        Frame f = WindowManager.getFrame(ScoreCommand.TABLE);
        assertThat(f).as("table window").isInstanceOf(TextWindow.class);
        ResultsTable rt = ((TextWindow) f).getResultsTable();
        assertThat(rt.size()).isGreaterThan(60);
        assertThat(rt.getStringValue("Reader", 0)).isEqualTo("R1");
        assertThat(rt.getStringValue("Predictor", 0)).isEqualTo("bme_isthmic_any");
        assertThat(rt.getValue("OR", 0)).isBetween(7.0, 8.5);
        assertThat(rt.getStringValue("Model", rt.size() - 1)).startsWith("multivariable");

        assertThat(WindowManager.getImageCount()).as("two forest plots and the pain-over-time figure").isEqualTo(before + 3);
        assertThat(WindowManager.getImage("nrs-over-time.png")).isNotNull();
        ImagePlus plot = WindowManager.getImage("forest-R1-15min.png");
        assertThat(plot).isNotNull();
        assertThat(plot.getWindow()).isNotNull();
        assertThat(out.resolve("multivariable.csv")).exists();
    }
}
