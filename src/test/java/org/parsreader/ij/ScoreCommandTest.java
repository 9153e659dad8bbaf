package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.scoring.report.ForestPlot;

/** Score... headless on the sample cohort (issue 6, point 5: the Results table and the plot in ImageJ). */
class ScoreCommandTest {
    static final String COHORT = "sample-data/cohort";

    private static String options(Path out, String extra) {
        return "findings=" + COHORT + " outcomes=" + COHORT + "/outcomes.csv out=[" + out + "] " + extra;
    }

    @Test
    void tableAndForestPlotsWithoutAWindow(@TempDir Path tmp) throws Exception {
        ScoreCommand.Scored s = ScoreCommand.process(ScoreCommand.parse(options(tmp,
                "reader=R1 rule=ppr50 missing=complete multivariable=bme_isthmic_any,contrast_n_compartments")));
        ResultsTable rt = s.table();
        int univariable = s.result().results().size();
        assertThat(rt.size()).isEqualTo(univariable + 2 * 2); // + 2 terms x 2 time points
        assertThat(rt.getHeadings()).contains("Reader", "Time point", "Predictor", "n", "Events", "OR", "CI lower", "CI upper", "p Wald", "p LR",
                "Method", "Warning");
        assertThat(rt.getStringValue("Reader", 0)).isEqualTo("R1");
        assertThat(rt.getStringValue("Time point", 0)).isEqualTo("15min");
        assertThat(rt.getStringValue("Predictor", 0)).isEqualTo("bme_isthmic_any");
        assertThat(rt.getValue("n", 0)).isEqualTo(134);
        assertThat(rt.getValue("Events", 0)).isEqualTo(56);
        assertThat(rt.getValue("OR", 0)).isBetween(7.0, 8.5);
        assertThat(rt.getStringValue("Method", 0)).isEqualTo("ML");
        // multiplicity: the adjusted p of the first row is the one results.csv holds, never below the raw p
        assertThat(rt.getValue("p LR Holm", 0)).isBetween(rt.getValue("p LR", 0), 1.0);
        assertThat(rt.getValue("p LR BH", 0)).isBetween(rt.getValue("p LR", 0), 1.0);
        assertThat(rt.getValue("p LR Holm all", 0)).isGreaterThanOrEqualTo(rt.getValue("p LR Holm", 0));
        int mv = univariable;
        assertThat(rt.getStringValue("Model", mv)).isEqualTo("multivariable: bme_isthmic_any+contrast_n_compartments");
        assertThat(rt.getStringValue("Predictor", mv)).isEqualTo("bme_isthmic_any");
        assertThat(rt.getValue("OR", mv)).isEqualTo(s.result().multivariable().get(0).term("bme_isthmic_any").oddsRatio());
        assertThat(rt.getValue("p LR", mv)).isLessThan(0.001);
        boolean firthRow = false;
        for (int i = 0; i < univariable; i++) firthRow |= rt.getStringValue("Method", i).equals("FIRTH");
        assertThat(firthRow).as("the sample cohort's rare compartment needs Firth").isTrue();

        assertThat(s.plots()).hasSize(2);
        ImagePlus plot = s.plots().get(0);
        assertThat(plot.getTitle()).isEqualTo("forest-R1-15min.png");
        assertThat(plot.getWidth()).isEqualTo(ForestPlot.WIDTH);
        assertThat(plot.getWindow()).isNull();
        assertThat(tmp.resolve("multivariable.csv")).exists();
    }

    @Test
    void outcomeRulesLinearOutcomesAndGroupsFromMacroOptions(@TempDir Path tmp) {
        ScoreCommand.Options o = ScoreCommand.parse(options(tmp, "reader=R1 rule=[drop:10@odi|ppr:30@odi] linear=ppr,change@odi group=guidance"
                + " timepoints=1month"));
        assertThat(o.request().rule().key()).isEqualTo("drop:10@odi|ppr:30@odi");
        assertThat(o.request().linear()).extracting(org.parsreader.scoring.outcome.ContinuousOutcome::key).containsExactly("ppr", "change@odi");
        assertThat(o.request().group()).isEqualTo("guidance");
        assertThat(o.request().timePoints()).containsExactly("1month");
        assertThatThrownBy(() -> ScoreCommand.parse(options(tmp, "rule=drop:2@leg_nrs+gpee"))).hasMessageContaining("'gpee' is not a condition");
    }

    @Test
    void badOptionsAreErrorsNamingThem(@TempDir Path tmp) {
        assertThatThrownBy(() -> ScoreCommand.parse(options(tmp, "readers=R1")))
                .hasMessageContaining("unknown option 'readers'").hasMessageContaining("multivariable");
        assertThatThrownBy(() -> ScoreCommand.parse("findings=" + COHORT)).hasMessageContaining("option 'outcomes' is required");
        assertThatThrownBy(() -> ScoreCommand.process(ScoreCommand.parse(options(tmp, "multivariable=bme_isthmic_any,edema"))))
                .hasMessageContaining("unknown predictor edema").hasMessageContaining("valid predictors:");
    }

    @Test
    void headlessMacroRunWritesTheFilesAndOpensNoWindow(@TempDir Path tmp) {
        FindingsCommandsTest.runAsMacro(new ScoreCommand(), options(tmp, "reader=R2"));
        assertThat(tmp.resolve("results.csv")).exists();
        assertThat(tmp.resolve("forest-R2-1month.png")).exists();
        assertThat(ij.WindowManager.getImageCount()).isZero();
    }
}
