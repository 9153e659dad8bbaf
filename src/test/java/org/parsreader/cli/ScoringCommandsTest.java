package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate-cohort, score and agreement end to end on a small cohort (issue 6, point 5). */
class ScoringCommandsTest {
    @Test
    void generateScoreAndAgreement(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        CommandLineTest.Run g = CommandLineTest.run("generate-cohort", cohort.toString(), "--patients", "40", "--seed", "3");
        assertThat(g.status()).as(g.err()).isZero();
        assertThat(cohort.resolve("P040/findings/R2.findings.json")).exists();

        Path out = tmp.resolve("out");
        CommandLineTest.Run s = CommandLineTest.run("score", "--findings", cohort.toString(), "--outcomes", cohort.resolve("outcomes.csv").toString(),
                "--out", out.toString(), "--reader", "R1", "--rule", "ppr50-or-zero", "--missing", "failure");
        assertThat(s.status()).as(s.err()).isZero();
        assertThat(s.out()).contains("Outcome: PPR >= 50 % or NRS_t = 0; missing follow-up counts as failure")
                .contains("Reader R1, 15min").contains("bme_isthmic_any").doesNotContain("Reader R2");
        assertThat(out.resolve("report.md")).exists();
        assertThat(out.resolve("forest-R1-1month.png")).exists();
        assertThat(Files.readString(out.resolve("results.csv"))).contains("R1,15min,ppr50-or-zero,failure,bme_isthmic_any,");

        CommandLineTest.Run a = CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", out.toString(), "--readers", "R1,R2");
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(a.out()).contains("Agreement of R1, R2; ICC(2,1)").contains("kappa_quadratic").contains("icc21");
        assertThat(Files.readString(out.resolve("agreement.csv"))).startsWith("scope,item,readers,statistic,n,patients,estimate");
        assertThat(Files.readString(out.resolve("agreement.md"))).contains("| hollenberg |");
    }

    @Test
    void failuresExitOneWithTheReason(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        assertThat(CommandLineTest.run("generate-cohort", cohort.toString(), "--patients", "10").status()).isZero();
        Path csv = tmp.resolve("id.csv");
        Files.writeString(csv, "pseudonym,birth_date,nrs_0,nrs_1month\nP001,1970-01-01,5,2\n");
        CommandLineTest.Run id = CommandLineTest.run("score", "--findings", cohort.toString(), "--outcomes", csv.toString(), "--out", tmp.resolve("o").toString());
        assertThat(id.status()).isEqualTo(1);
        assertThat(id.err()).contains("identity columns [birth_date]");
        CommandLineTest.Run allowed = CommandLineTest.run("score", "--findings", cohort.toString(), "--outcomes", csv.toString(),
                "--out", tmp.resolve("o").toString(), "--allow-identity-columns");
        assertThat(allowed.status()).as(allowed.err()).isZero();
        assertThat(allowed.err()).contains("have no outcomes row");
        assertThat(Files.readString(tmp.resolve("o/predictors.csv"))).doesNotContain("1970");

        CommandLineTest.Run rule = CommandLineTest.run("score", "--findings", cohort.toString(), "--outcomes", cohort.resolve("outcomes.csv").toString(),
                "--out", tmp.resolve("o").toString(), "--rule", "half");
        assertThat(rule.status()).isEqualTo(1);
        assertThat(rule.err()).contains("outcome rule 'half'");
        CommandLineTest.Run missing = CommandLineTest.run("score", "--findings", tmp.resolve("nowhere").toString(), "--outcomes",
                cohort.resolve("outcomes.csv").toString(), "--out", tmp.resolve("o").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("nowhere: not a folder");
        CommandLineTest.Run reader = CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", tmp.resolve("o").toString(), "--readers", "R1,R7");
        assertThat(reader.status()).isEqualTo(1);
        assertThat(reader.err()).contains("no findings of reader 'R7'");
        CommandLineTest.Run dict = CommandLineTest.run("score", "--dictionary");
        assertThat(dict.status()).isZero();
        assertThat(dict.out()).contains("contrast_intravascular_any").contains("ppr_<t>");
    }
}
