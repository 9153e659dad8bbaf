package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** score --multivariable on the sample cohort (issue 6, point 3). */
class ScoreMultivariableCommandTest {
    static final String COHORT = "sample-data/cohort";

    @Test
    void multivariableModelPerReaderAndTimePoint(@TempDir Path tmp) throws Exception {
        CommandLineTest.Run s = CommandLineTest.run("score", "--findings", COHORT, "--outcomes", COHORT + "/outcomes.csv", "--out", tmp.toString(),
                "--reader", "R1", "--multivariable", "bme_isthmic_any,contrast_n_compartments");
        assertThat(s.status()).as(s.err()).isZero();
        assertThat(s.out()).contains("Reader R1, 15min, multivariable: n = 134 (0 dropped for a missing predictor), events 56, ML,"
                + " model LR chi-square 30.68 on 2 df").contains("7.74 (3.55-16.85)").contains("Reader R1, 1month, multivariable")
                .contains("p Wald    p LR    Holm      BH")
                .contains("Holm, BH: p (LR) adjusted within each reader and time point (multivariable: within the model); "
                        + "66 univariable tests, 4 multivariable terms in all");
        assertThat(Files.readAllLines(tmp.resolve("multivariable.csv"))).hasSize(1 + 2 * 2);
        assertThat(Files.readString(tmp.resolve("report.md"))).contains("### 1month, reader R1 (multivariable)");
    }

    @Test
    void unknownPredictorIsAnErrorListingTheValidOnes(@TempDir Path tmp) throws Exception {
        CommandLineTest.Run s = CommandLineTest.run("score", "--findings", COHORT, "--outcomes", COHORT + "/outcomes.csv", "--out", tmp.toString(),
                "--multivariable", "bme_isthmic_any,edema");
        assertThat(s.status()).isEqualTo(1);
        assertThat(s.err()).contains("unknown predictor edema").contains("valid predictors: bme_isthmic_any,");
        assertThat(tmp.resolve("results.csv")).doesNotExist();
    }
}
