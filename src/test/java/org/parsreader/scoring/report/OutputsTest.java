package org.parsreader.scoring.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.scoring.ScoreRequest;
import org.parsreader.scoring.ScoringRun;
import org.parsreader.scoring.cohort.CohortGenerator;
import org.parsreader.scoring.outcome.MissingRule;
import org.parsreader.scoring.outcome.OutcomeRule;
import org.parsreader.scoring.predictors.ColumnRole;

/** The output files are written, complete and readable; the PNG decodes with the expected size. */
class OutputsTest {
    @Test
    void csvReportAndForestPlots(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        CohortGenerator.write(CohortGenerator.generate(60, 7), cohort);
        ScoringRun.Result r = ScoringRun.run(new ScoreRequest(cohort, cohort.resolve("outcomes.csv"), List.of("R2"), OutcomeRule.parse("drop:2"),
                MissingRule.FAILURE, false, null));
        Path out = tmp.resolve("out");
        List<Path> files = ScoringRun.write(r, out);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("predictors.csv", "dictionary.csv", "outcomes.csv",
                "results.csv", "forest-R2-15min.png", "forest-R2-15min.svg", "forest-R2-15min.pdf", "forest-R2-1month.png",
                "forest-R2-1month.svg", "forest-R2-1month.pdf", "table1.csv", "table1.md", "nrs-over-time.png", "nrs-over-time.svg",
                "nrs-over-time.pdf", "report.md", "report.html");

        List<String> predictors = Files.readAllLines(out.resolve("predictors.csv"));
        assertThat(predictors).hasSize(1 + 2 * 60);
        List<String> header = List.of(predictors.get(0).split(","));
        List<String> dictionary = Files.readAllLines(out.resolve("dictionary.csv"));
        assertThat(dictionary.subList(1, dictionary.size())).extracting(l -> l.split(",")[0]).containsExactlyElementsOf(header.subList(4, header.size()));
        assertThat(header).contains("success_15min", "ppr_1month", "bme_isthmic_any");

        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        long predictorsPerReader = r.table().dictionary().entries().stream().filter(d -> d.role() == ColumnRole.PREDICTOR).count();
        assertThat(results).hasSize(1 + 2 * (int) predictorsPerReader);
        assertThat(results.get(1)).startsWith("R2,15min,drop:2,failure,bme_isthmic_any,binary,60,");
        assertThat(Files.readString(out.resolve("outcomes.csv"))).contains("1month,drop:2,failure,60,60,");

        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("Outcome: **NRS drop >= 2 points**").contains("missing follow-up counts as failure")
                .contains("## 15min, reader R2").contains("| predictor | n | events | OR (95 % CI) | p Wald | p LR | p LR Holm | p LR BH | p LR Holm, all | p LR BH, all | method |")
                .contains("![forest plot R2 15min](forest-R2-15min.png)").contains("## Data dictionary");

        BufferedImage png = ImageIO.read(out.resolve("forest-R2-15min.png").toFile());
        long fitted = r.results("R2", "15min").stream().filter(u -> u.fitted()).count();
        assertThat(png.getWidth()).isEqualTo(ForestPlot.WIDTH);
        assertThat(png.getHeight()).isEqualTo(ForestPlot.figure(r.results("R2", "15min"), r.table().dictionary(), "").height());
        assertThat(ForestPlot.figure(r.results("R2", "15min"), r.table().dictionary(), "").layout().lines().stream()
                .filter(l -> !l.isHeading())).hasSize((int) fitted);
        assertThat(png.getRGB(5, 5) & 0xffffff).isEqualTo(0xffffff);
    }

    /** Issue 15, point 2: a family of one test is not adjusted, and the report says so rather than failing. */
    @Test
    void aFamilyOfOneTestIsSaidToBeUnadjusted(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        CohortGenerator.write(CohortGenerator.generate(60, 7), cohort);
        ScoringRun.Result r = ScoringRun.run(ScoreRequest.of(cohort, cohort.resolve("outcomes.csv")).withMultivariable(List.of("bme_isthmic_any")));
        ScoringRun.write(r, tmp.resolve("out"));
        String report = Files.readString(tmp.resolve("out/report.md"));
        assertThat(report).contains("## Multiplicity").contains("| 1 (not adjusted) |")
                .contains("Family (this model): 1 term, nothing to adjust: Holm and BH equal the raw p.");
        for (var m : r.multivariable()) {
            if (!m.fitted()) continue;
            var t = m.term("bme_isthmic_any");
            assertThat(t.adjustedLr().holm()).isEqualTo(t.pLr());
            assertThat(t.adjustedLr().bh()).isEqualTo(t.pLr());
        }
        assertThat(MarkdownReport.familyNote(0, "univariable test", "reader R1 at 15min", 0, "univariable tests of the report",
                org.parsreader.scoring.analysis.Multiplicity.Test.LR))
                .startsWith("Family (reader R1 at 15min): no univariable test, nothing to adjust.");
    }

    @Test
    void axisAndFormats() {
        assertThat(ForestPlot.ticks(new double[] {0.1, 10})).containsExactly(0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0);
        assertThat(ForestPlot.ticks(new double[] {0.001, 1000})).containsExactly(0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0);
        assertThat(Fmt.csv(Double.NaN)).isEmpty();
        assertThat(Fmt.csv(2.0)).isEqualTo("2");
        assertThat(Fmt.csv(0.123456789012345)).isEqualTo("0.123456789");
        assertThat(Fmt.csv(Double.POSITIVE_INFINITY)).isEqualTo("Inf");
        assertThat(Fmt.p(0.0004)).isEqualTo("<0.001");
        assertThat(Fmt.ratio(7.7612)).isEqualTo("7.76");
        assertThat(Fmt.cell("a, b")).isEqualTo("\"a, b\"");
    }
}
