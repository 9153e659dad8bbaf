package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** score with a composed rule, linear outcomes and groups: the README's example (issue 15 point 4). */
class ScoreOutcomeRulesCommandTest {
    static final String COHORT = "sample-data/cohort";

    @Test
    void readmeExample(@TempDir Path tmp) throws Exception {
        CommandLineTest.Run s = CommandLineTest.run("score", "--findings", COHORT, "--outcomes", COHORT + "/outcomes.csv", "--out", tmp.toString(),
                "--reader", "R1", "--rule", "drop:2@leg_nrs+gpe+no-intervention", "--time-points", "1month", "--linear", "ppr,change@odi",
                "--group", "guidance");
        assertThat(s.status()).as(s.err()).isZero();
        assertThat(s.out()).contains("Outcome: leg_nrs drop >= 2 points and positive global perceived effect and no intervening intervention")
                .contains("Linear regression: 66 univariable models of ppr, change@odi (linear.csv)")
                .containsPattern("guidance, 1month: CT \\d+/\\d+ fluoroscopy \\d+/\\d+; chi-square \\(Yates\\) p ");
        assertThat(tmp.resolve("linear.csv")).exists();
        assertThat(tmp.resolve("groups.csv")).exists();
        assertThat(Files.readAllLines(tmp.resolve("linear.csv"))).hasSize(1 + 66);
    }

    @Test
    void aRuleOnAColumnNobodyHasIsAnErrorAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        CommandLineTest.Run s = CommandLineTest.run("score", "--findings", COHORT, "--outcomes", COHORT + "/outcomes.csv", "--out", out.toString(),
                "--rule", "drop:2@leg_nrs+gpe");
        assertThat(s.status()).isEqualTo(1);
        assertThat(s.err()).contains("outcome rule 'drop:2@leg_nrs+gpe' needs column gpe_15min at time point 15min, but no patient of")
                .contains("--time-points").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }
}
