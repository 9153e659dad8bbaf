package org.parsreader.scoring.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsreader.scoring.ScoreRequest;
import org.parsreader.scoring.ScoringRun;
import org.parsreader.scoring.stats.LogisticFit;

/** Firth for every model when asked, not only on separation; and the default leaves ML where there is no separation. */
class FirthOnRequestTest {
    static final Path COHORT = Path.of("sample-data/cohort");

    @Test
    void firthOnRequestFitsEveryModelByPenalisedLikelihood() throws Exception {
        ScoreRequest plain = new ScoreRequest(COHORT, COHORT.resolve("outcomes.csv"), List.of("R1"), null, null, false, null,
                List.of("bme_isthmic_any", "contrast_n_compartments"));
        ScoringRun.Result ml = ScoringRun.run(plain);
        ScoringRun.Result firth = ScoringRun.run(plain.withFirth(true));
        UnivariableResult mlBme = pick(ml.results("R1", "15min"), "bme_isthmic_any");
        UnivariableResult firthBme = pick(firth.results("R1", "15min"), "bme_isthmic_any");
        assertThat(mlBme.method()).isEqualTo(LogisticFit.Method.ML);
        assertThat(firthBme.method()).isEqualTo(LogisticFit.Method.FIRTH);
        assertThat(firthBme.note()).isEqualTo("Firth: on request");
        assertThat(firthBme.ciMethod()).isEqualTo("profile");
        // Firth shrinks towards 1, a little with 134 patients
        assertThat(firthBme.oddsRatio()).isLessThan(mlBme.oddsRatio()).isGreaterThan(0.8 * mlBme.oddsRatio());
        assertThat(firth.results("R1", "15min")).allMatch(r -> r.method() == null || r.method() == LogisticFit.Method.FIRTH);
        assertThat(firth.multivariable()).allMatch(m -> m.method() == LogisticFit.Method.FIRTH);
    }

    static UnivariableResult pick(List<UnivariableResult> rs, String predictor) {
        return rs.stream().filter(r -> r.predictor().equals(predictor)).findFirst().orElseThrow();
    }
}
