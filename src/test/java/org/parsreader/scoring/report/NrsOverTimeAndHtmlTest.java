package org.parsreader.scoring.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.render.Figure;
import org.parsreader.render.FigureFormat;
import org.parsreader.render.FigureWriter;
import org.parsreader.scoring.ScoreRequest;
import org.parsreader.scoring.ScoringRun;
import org.parsreader.scoring.cohort.CohortGenerator;

/** Issue 15, point 6: NRS over time (mean, t CI as R's t.test) and the self-contained HTML report. */
class NrsOverTimeAndHtmlTest {
    static final Path REFERENCE = Path.of("src/test/resources/scoring/nrs-over-time-reference.csv");
    static final Map<String, List<Double>> SAMPLES = Map.of(
            "a", List.of(6.0, 7.0, 5.0, 8.0, 4.0, 6.0, 9.0, 3.0, 5.0, 7.0), "b", List.of(2.0, 3.0), "c", List.of(0.0, 10.0, 10.0, 1.0, 4.0));

    @Test
    void meansAndIntervalsEqualRsTTest() throws Exception {
        int checked = 0;
        for (String line : Files.readAllLines(REFERENCE).subList(1, Files.readAllLines(REFERENCE).size())) {
            String[] c = line.split(",", -1);
            if (c[0].equals("ci")) {
                NrsOverTime.Point p = NrsOverTime.point("g", "0", SAMPLES.get(c[1]));
                assertThat(p.mean()).isCloseTo(Double.parseDouble(c[2]), within(1e-9));
                assertThat(p.lower()).isCloseTo(Double.parseDouble(c[3]), within(1e-6));
                assertThat(p.upper()).isCloseTo(Double.parseDouble(c[4]), within(1e-6));
            } else {
                assertThat(NrsOverTime.tQuantile975(Integer.parseInt(c[1]))).isCloseTo(Double.parseDouble(c[2]), within(1e-6));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(8);
        NrsOverTime.Point one = NrsOverTime.point("g", "0", List.of(4.0));
        assertThat(one.mean()).isEqualTo(4.0);
        assertThat(Double.isNaN(one.lower())).as("no interval from one patient").isTrue();
    }

    @Test
    void scoreWritesTheNrsFigureAndOneSelfContainedHtmlReport(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        CohortGenerator.write(CohortGenerator.generate(60, 7), cohort);
        ScoringRun.Result r = ScoringRun.run(ScoreRequest.of(cohort, cohort.resolve("outcomes.csv")));
        List<Path> files = ScoringRun.write(r, tmp.resolve("out"));
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("nrs-over-time.png", "nrs-over-time.svg", "nrs-over-time.pdf",
                "report.md", "report.html");
        List<NrsOverTime.Point> points = NrsOverTime.points(r.outcomes(), r.timePoints());
        assertThat(points).extracting(NrsOverTime.Point::group).containsOnly("all", "success at 1month", "failure at 1month");
        NrsOverTime.Point all0 = points.get(0);
        assertThat(all0.timePoint()).isEqualTo("0");
        assertThat(all0.mean()).isCloseTo(r.outcomes().meanNrs("0"), within(1e-12));
        assertThat(all0.n()).isEqualTo(r.outcomes().countNrs("0"));
        String svg = Files.readString(tmp.resolve("out/nrs-over-time.svg"));
        assertThat(svg).contains("baseline").contains("1month").contains("all (n = " + all0.n() + ")");

        String html = Files.readString(tmp.resolve("out/report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table>").contains("<h2>Pain over time</h2>")
                .doesNotContain("<img").doesNotContain("src=\"");
        // one inline SVG per forest plot and the NRS figure, each with its labels as text
        long svgs = Arrays.stream(html.split("<svg", -1)).count() - 1;
        assertThat(svgs).isEqualTo(r.readers().size() * r.timePoints().size() + 1L);
        assertThat(html).contains("Isthmic bone-marrow edema, either side (yes vs no)").contains("failure at 1month");
    }

    @Test
    void unknownImagesStayLinksAndTextIsEscaped() {
        Figure f = Figure.of(10, 10, g -> g.drawString("x", 1, 9));
        String html = HtmlReport.html("a < b", "# T\n\n![known](k.png)\n\n![other](o.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", Map.of("k.png", f));
        assertThat(html).contains("<title>a &lt; b</title>").contains("<img src=\"o.png\" alt=\"other\">")
                .contains("<figure><svg").contains("<td>1</td>");
        assertThat(FigureWriter.svgElement(f)).isNotEmpty();
        assertThat(FigureFormat.SVG.extension()).isEqualTo(".svg");
    }
}
