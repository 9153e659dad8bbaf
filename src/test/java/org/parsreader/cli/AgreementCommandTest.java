package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * agreement with three readers (R1, R2 and a consensus), the ICC form, the seeded bootstrap by
 * patient and the Bland-Altman plots, end to end (issue 15, point 3); bad options and data.
 */
class AgreementCommandTest {
    @TempDir
    static Path tmp;
    static Path cohort;

    /** A generated cohort plus a consensus "C": R1's findings on odd patients, R2's on even ones. */
    @BeforeAll
    static void cohortWithConsensus() throws IOException {
        cohort = tmp.resolve("cohort");
        CommandLineTest.Run g = CommandLineTest.run("generate-cohort", cohort.toString(), "--patients", "30", "--seed", "5");
        assertThat(g.status()).as(g.err()).isZero();
        for (int i = 1; i <= 30; i++) consensus(cohort, String.format("P%03d", i), i % 2 == 1 ? "R1" : "R2");
    }

    static void consensus(Path dir, String patient, String from) throws IOException {
        ObjectMapper m = new ObjectMapper();
        Path f = dir.resolve(patient + "/findings");
        ObjectNode d = (ObjectNode) m.readTree(f.resolve(from + ".findings.json").toFile());
        ((ObjectNode) d.get("reader")).put("id", "C").put("role", "consensus");
        Files.writeString(f.resolve("C.findings.json"), m.writerWithDefaultPrettyPrinter().writeValueAsString(d));
    }

    static List<String[]> csv(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.skip(1).map(l -> l.split(",", -1)).toList();
        }
    }

    @Test
    void threeReadersGivePairsAndManyReaderStatisticsWithBootstrapAndPlots() throws IOException {
        Path out = tmp.resolve("three");
        CommandLineTest.Run a = CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", out.toString(),
                "--readers", "R1,R2,consensus", "--bootstrap", "200", "--seed", "11");
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(a.out()).contains("Agreement of R1, R2, C; ICC(2,1); bootstrap 200 resamples of patients, seed 11");
        List<String[]> rows = csv(out.resolve("agreement.csv"));
        assertThat(rows).extracting(r -> r[2]).contains("R1;R2", "R1;C", "R2;C", "R1;R2;C");
        List<String> all = rows.stream().filter(r -> r[2].equals("R1;R2;C")).map(r -> r[3]).distinct().toList();
        assertThat(all).contains("percent_agreement", "ac1", "fleiss_kappa", "alpha_nominal", "alpha_ordinal", "alpha_interval", "icc21")
                .doesNotContain("pabak", "kappa", "ba_bias");
        List<String> pair = rows.stream().filter(r -> r[2].equals("R1;C")).map(r -> r[3]).distinct().toList();
        assertThat(pair).contains("kappa", "percent_agreement", "ac1", "pabak", "icc21", "ba_bias", "ba_lower_loa", "ba_upper_loa");
        String[] fleiss = rows.stream().filter(r -> r[0].equals("finding") && r[1].equals("bme_isthmic") && r[3].equals("fleiss_kappa"))
                .findFirst().orElseThrow();
        double est = Double.parseDouble(fleiss[6]);
        assertThat(Double.parseDouble(fleiss[9])).as("bootstrap lower").isLessThanOrEqualTo(est);
        assertThat(Double.parseDouble(fleiss[10])).as("bootstrap upper").isGreaterThanOrEqualTo(est);
        assertThat(fleiss[11]).isEqualTo("200");
        assertThat(Integer.parseInt(fleiss[4])).as("places").isGreaterThan(Integer.parseInt(fleiss[5])).as("patients");
        String md = Files.readString(out.resolve("agreement.md"));
        assertThat(md).contains("Bootstrap: 200 resamples of patients with replacement (seed 11)").contains("### R1, R2, C")
                .contains("Fleiss' kappa").contains("Krippendorff's alpha (ordinal)").contains("ICC(2,1) (two-way random effects");
        assertThat(out.resolve("bland-altman-finding-gap_width_mm-R1-C.png")).exists();
        assertThat(out.resolve("bland-altman-predictor-defect_width_max_mm-R1-R2.png")).exists();
        assertThat(md).contains("](bland-altman-finding-gap_width_mm-R2-C.png)");
        assertThat(Arrays.copyOf(Files.readAllBytes(out.resolve("bland-altman-finding-gap_width_mm-R1-R2.png")), 4))
                .containsExactly(0x89, 'P', 'N', 'G');
        // SVG and PDF beside the PNG, like the forest plots
        assertThat(Files.readString(out.resolve("bland-altman-finding-gap_width_mm-R1-R2.svg"))).contains("<svg").contains("R1 - R2");
        assertThat(Arrays.copyOf(Files.readAllBytes(out.resolve("bland-altman-finding-gap_width_mm-R1-R2.pdf")), 5))
                .containsExactly('%', 'P', 'D', 'F', '-');

        // same seed, same intervals; another seed, other intervals
        Path again = tmp.resolve("again");
        CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", again.toString(), "--readers", "R1,R2,C", "--bootstrap", "200",
                "--seed", "11");
        assertThat(Files.readString(again.resolve("agreement.csv"))).isEqualTo(Files.readString(out.resolve("agreement.csv")));
        Path other = tmp.resolve("other");
        CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", other.toString(), "--readers", "R1,R2,C", "--bootstrap", "200",
                "--seed", "12");
        assertThat(Files.readString(other.resolve("agreement.csv"))).isNotEqualTo(Files.readString(out.resolve("agreement.csv")));
    }

    @Test
    void iccFormIsChosenAndNamed() throws IOException {
        Path out = tmp.resolve("icc");
        CommandLineTest.Run a = CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", out.toString(), "--readers", "R1,R2",
                "--icc", "3,1", "--bootstrap", "0");
        assertThat(a.status()).as(a.err()).isZero();
        List<String[]> rows = csv(out.resolve("agreement.csv"));
        assertThat(rows).extracting(r -> r[3]).contains("icc31").doesNotContain("icc21", "icc2k");
        assertThat(rows).allSatisfy(r -> assertThat(r[9]).as("no bootstrap").isEmpty());
        assertThat(Files.readString(out.resolve("agreement.md"))).contains("ICC(3,1) (two-way mixed effects, consistency")
                .contains("No bootstrap (--bootstrap 0)");
        CommandLineTest.Run k = CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", out.toString(), "--readers", "R1,R2",
                "--icc", "2,k", "--bootstrap", "0");
        assertThat(k.out()).contains("icc2k").contains("ICC(2,k)");
    }

    @Test
    void badOptionsAndTooLittleDataSaySo() throws IOException {
        Path out = tmp.resolve("bad");
        CommandLineTest.Run icc = CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", out.toString(), "--icc", "1,1");
        assertThat(icc.status()).isEqualTo(1);
        assertThat(icc.err()).contains("--icc: ICC form '1,1' is not one of 2,1 3,1 2,k");
        CommandLineTest.Run boot = CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", out.toString(), "--bootstrap", "-5");
        assertThat(boot.status()).isEqualTo(1);
        assertThat(boot.err()).contains("--bootstrap must be 0 (no bootstrap) or a number of resamples, got -5");
        CommandLineTest.Run one = CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", out.toString(), "--readers", "R1");
        assertThat(one.status()).isEqualTo(1);
        assertThat(one.err()).contains("--readers needs two or more readers, got [R1]");
        CommandLineTest.Run twice = CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", out.toString(), "--readers", "R1,R1");
        assertThat(twice.status()).isEqualTo(1);
        assertThat(twice.err()).contains("reader R1 is named twice");
        assertThat(out).doesNotExist();

        // a third reader who read one patient only: too few rows, and no bootstrap over one patient
        Path small = tmp.resolve("small");
        CommandLineTest.run("generate-cohort", small.toString(), "--patients", "6", "--seed", "2");
        consensus(small, "P001", "R1");
        Path o2 = tmp.resolve("small-out");
        CommandLineTest.Run s = CommandLineTest.run("agreement", "--findings", small.toString(), "--out", o2.toString(), "--bootstrap", "50");
        assertThat(s.status()).as(s.err()).isZero();
        List<String[]> rows = csv(o2.resolve("agreement.csv"));
        assertThat(rows).anySatisfy(r -> assertThat(r[2] + " " + r[13]).startsWith("R1;C fewer than 2 patients rated by both R1 and C (n = 1)"));
        String text = Files.readString(o2.resolve("agreement.csv"));
        assertThat(text).contains("no bootstrap CI: the bootstrap by patient needs at least 2 patients, got 1")
                .contains("undefined: every rating is the same").doesNotContain("NaN");
    }
}
