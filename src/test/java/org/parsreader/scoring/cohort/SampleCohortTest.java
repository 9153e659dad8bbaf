package org.parsreader.scoring.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.scoring.AgreementRun;
import org.parsreader.scoring.ScoreRequest;
import org.parsreader.scoring.ScoringRun;
import org.parsreader.scoring.analysis.AgreementOptions;
import org.parsreader.scoring.analysis.AgreementResult;
import org.parsreader.scoring.analysis.UnivariableResult;
import org.parsreader.scoring.stats.LogisticFit;

/** sample-data/cohort (issue 6, point 6): the generator's bytes, and the paper's qualitative result. */
class SampleCohortTest {
    static final Path COHORT = Path.of("sample-data/cohort");
    static ScoringRun.Result result;

    @BeforeAll
    static void score() throws IOException {
        result = ScoringRun.run(ScoreRequest.of(COHORT, COHORT.resolve("outcomes.csv")));
    }

    @Test
    void committedCohortEqualsTheGeneratorsOutput(@TempDir Path tmp) throws IOException {
        CohortGenerator.write(CohortGenerator.generate(CohortGenerator.SAMPLE_PATIENTS, CohortGenerator.SAMPLE_SEED), tmp);
        List<Path> generated = files(tmp);
        assertThat(files(COHORT)).isEqualTo(generated);
        for (Path rel : generated) {
            assertThat(Files.readAllBytes(COHORT.resolve(rel))).as(rel.toString()).isEqualTo(Files.readAllBytes(tmp.resolve(rel)));
        }
        assertThat(generated).hasSize(2 * 134 + 2);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void marginsResembleThePaper() {
        assertThat(result.problems()).isEmpty();
        assertThat(result.outcomes().patients()).hasSize(134);
        assertThat(result.outcomes().meanNrs("0")).isBetween(5.4, 6.0);
        assertThat(result.outcomes().meanNrs("15min")).isBetween(3.4, 4.0);
        assertThat(result.outcomes().meanNrs("1month")).isBetween(2.9, 3.6);
        assertThat(result.timePoints().get(0).counts().successRate()).isBetween(0.40, 0.44);
        assertThat(result.timePoints().get(1).counts().successRate()).isBetween(0.50, 0.58);
        assertThat(result.timePoints().get(1).counts().missingFollowUp()).isEqualTo(2);
    }

    @Test
    void edemaPredictsAndContrastDoesNot() {
        for (String reader : List.of("R1", "R2")) {
            for (String t : List.of("15min", "1month")) {
                List<UnivariableResult> r = result.results(reader, t);
                UnivariableResult bme = find(r, "bme_isthmic_any");
                assertThat(bme.pLr()).as(reader + " " + t).isLessThan(0.05);
                assertThat(bme.oddsRatio()).isGreaterThan(t.equals("15min") ? 4 : 2);
                for (UnivariableResult u : r) {
                    if (u.predictor().startsWith("contrast_") && !u.predictor().equals("contrast_intravascular_any")) {
                        assertThat(u.pLr()).as(reader + " " + t + " " + u.predictor()).isGreaterThan(0.1);
                    }
                }
            }
        }
        UnivariableResult r1 = find(result.results("R1", "15min"), "bme_isthmic_any");
        assertThat(r1.oddsRatio()).isBetween(6.0, 9.0);
        assertThat(find(result.results("R1", "1month"), "bme_isthmic_any").oddsRatio()).isBetween(2.0, 3.0);
        // the rare compartment separates the 15-min outcome: Firth with profile limits
        UnivariableResult iv = find(result.results("R1", "15min"), "contrast_intravascular_any");
        assertThat(iv.method()).isEqualTo(LogisticFit.Method.FIRTH);
        assertThat(iv.ciMethod()).isEqualTo("profile");
        assertThat(iv.events()).isEqualTo(56);
        assertThat(iv.pLr()).isGreaterThan(0.05);
    }

    @Test
    void readersAgreeWellButNotPerfectly() throws IOException {
        AgreementRun.Result a = AgreementRun.run(COHORT, List.of(), AgreementOptions.DEFAULT);
        assertThat(a.readerA()).isEqualTo("R1");
        assertThat(a.readerB()).isEqualTo("R2");
        AgreementResult bme = a.rows().stream().filter(x -> x.scope().equals("finding") && x.item().equals("bme_isthmic")
                && x.statistic().equals("kappa")).findFirst().orElseThrow();
        assertThat(bme.estimate()).isBetween(0.6, 0.95);
        assertThat(bme.lower()).isLessThan(bme.estimate());
        assertThat(bme.n()).isGreaterThan(260);
        AgreementResult hollenberg = a.rows().stream().filter(x -> x.item().equals("hollenberg") && x.statistic().equals("kappa_quadratic"))
                .findFirst().orElseThrow();
        assertThat(hollenberg.estimate()).isBetween(0.6, 0.99);
        AgreementResult gap = a.rows().stream().filter(x -> x.item().equals("gap_width_mm")).findFirst().orElseThrow();
        assertThat(gap.statistic()).isEqualTo("icc21");
        assertThat(gap.estimate()).isBetween(0.8, 0.999);
        assertThat(a.rows()).anySatisfy(x -> assertThat(x.item()).isEqualTo("contrast_compartments=pars_defect"));
        assertThat(a.rows()).anySatisfy(x -> assertThat(x.item()).isEqualTo("contrast_total_ml"));
    }

    static UnivariableResult find(List<UnivariableResult> r, String name) {
        return r.stream().filter(u -> u.predictor().equals(name)).findFirst().orElseThrow();
    }
}
