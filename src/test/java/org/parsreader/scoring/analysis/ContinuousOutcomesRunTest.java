package org.parsreader.scoring.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.scoring.ScoreRequest;
import org.parsreader.scoring.ScoringRun;
import org.parsreader.scoring.outcome.ContinuousOutcome;
import org.parsreader.scoring.outcome.OutcomeRule;
import org.parsreader.scoring.outcome.PatientOutcome;
import org.parsreader.scoring.outcome.TimePointOutcomes;
import org.parsreader.scoring.stats.ContingencyTests;
import org.parsreader.scoring.stats.Design;
import org.parsreader.scoring.stats.LinearRegression;
import org.parsreader.scoring.stats.PAdjust;

/**
 * Issue 15 point 4 through a whole run on the sample cohort: a composed rule on leg pain,
 * continuous outcomes by linear regression with the predictor machinery and multiplicity,
 * guidance groups over time points; bad options named before anything is written. The
 * statistics themselves equal R (LinearRegressionTest, OutcomeSeriesRulesTest); here the
 * run must feed them the right patients.
 */
class ContinuousOutcomesRunTest {
    static final Path COHORT = Path.of("sample-data/cohort");
    static ScoringRun.Result r;

    static ScoreRequest request() {
        return ScoreRequest.of(COHORT, COHORT.resolve("outcomes.csv"));
    }

    @BeforeAll
    static void run() throws IOException {
        ScoreRequest req = new ScoreRequest(COHORT, COHORT.resolve("outcomes.csv"), List.of("R1"), OutcomeRule.parse("drop:2@leg_nrs+gpe+no-intervention"),
                null, false, null, List.of("bme_isthmic_any", "age"), false, ContinuousOutcome.parseList("ppr,change@odi"), "guidance",
                List.of("1month"));
        r = ScoringRun.run(req);
    }

    @Test
    void linearModelsUseThePredictorTableAndAreAdjusted() {
        assertThat(r.problems()).isEmpty();
        assertThat(r.timePoints()).extracting(TimePointOutcomes::timePoint).containsExactly("1month");
        List<LinearResult> ppr = r.linear().stream().filter(x -> x.outcome().equals("ppr")).toList();
        assertThat(ppr).hasSize(r.table().dictionary().predictors().size());
        // bme_isthmic_any against PPR, refitted from the predictor and outcome columns by hand
        LinearResult bme = ppr.stream().filter(x -> x.predictor().equals("bme_isthmic_any")).findFirst().orElseThrow();
        double[] x = r.table().column("bme_isthmic_any", "R1");
        double[] y = r.table().column("ppr_1month", "R1");
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) pairs.add(new double[] {x[i], y[i]});
        LinearRegression.LinearFit f = LinearRegression.fit(Design.of(List.of("b"), pairs.stream().mapToDouble(p -> p[0]).toArray()),
                pairs.stream().mapToDouble(p -> p[1]).toArray(), 0.95);
        assertThat(bme.n()).isEqualTo(pairs.size());
        assertThat(bme.estimate()).isEqualTo(f.coefficient("b").estimate());
        assertThat(bme.lower()).isEqualTo(f.coefficient("b").lower());
        assertThat(bme.p()).isEqualTo(f.coefficient("b").p());
        assertThat(bme.estimate()).as("edema: more relief").isPositive();
        // Holm within the family (ppr, R1, 1month) as p.adjust
        double[] p = ppr.stream().mapToDouble(LinearResult::p).toArray();
        double[] holm = PAdjust.holm(p);
        for (int i = 0; i < ppr.size(); i++) assertThat(ppr.get(i).adjusted().holm()).isEqualTo(holm[i]);
        assertThat(bme.adjusted().holmAll()).isGreaterThanOrEqualTo(bme.adjusted().holm());
        // the multivariable linear model of each outcome
        assertThat(r.linearModels()).extracting(LinearModelResult::outcome).containsExactly("ppr", "change@odi");
        assertThat(r.linearModels().get(1).term("bme_isthmic_any").estimate()).as("ODI falls more with edema").isNegative();
    }

    @Test
    void guidanceGroupsOverTimePoints() {
        assertThat(r.groups()).hasSize(1);
        GroupComparison.Responders g = r.groups().get(0);
        assertThat(g.levels()).containsExactly("CT", "fluoroscopy");
        TimePointOutcomes tp = r.timePoints().get(0);
        int[] n = new int[2], s = new int[2];
        for (PatientOutcome p : r.outcomes().patients()) {
            int y = tp.byPseudonym().get(p.pseudonym()).outcome();
            if (y < 0) continue;
            int k = p.other().get("guidance").equals("CT") ? 0 : 1;
            n[k]++;
            s[k] += y;
        }
        assertThat(g.analysed()).containsExactly(n[0], n[1]);
        assertThat(g.responders()).containsExactly(s[0], s[1]);
        assertThat(g.p()).isEqualTo(ContingencyTests.choose(new long[][] {{n[0] - s[0], s[0]}, {n[1] - s[1], s[1]}}).p());
        assertThat(r.groupModels()).hasSize(2);
        LinearModelResult odi = r.groupModels().get(1);
        assertThat(odi.outcome()).isEqualTo("change@odi");
        assertThat(odi.term("guidance=fluoroscopy").estimate()).as("the cohort gives CT about 5 ODI points more").isBetween(1.0, 9.0);
        assertThat(odi.note()).isEqualTo("reference guidance=CT");
    }

    @Test
    void filesAreWritten(@TempDir Path tmp) throws IOException {
        ScoringRun.write(r, tmp);
        assertThat(Files.readAllLines(tmp.resolve("linear.csv")).get(0)).startsWith("outcome,reader,time_point,predictor,type,n,estimate,se,ci_lower")
                .contains("p_holm,p_bh,p_holm_all,p_bh_all");
        assertThat(Files.readString(tmp.resolve("groups.csv"))).contains("responders,guidance,1month,drop:2@leg_nrs+gpe+no-intervention,CT,");
        assertThat(Files.readString(tmp.resolve("report.md"))).contains("## Continuous outcomes (linear regression)", "## Groups by guidance",
                "| leg_nrs | leg NRS 0-10 | 15min, 1month |");
    }

    @Test
    void badOptionsAreNamedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> ScoringRun.run(request().withGroup("guidence"))).hasMessageContaining("grouping column 'guidence'")
                .hasMessageContaining("[guidance]");
        assertThatThrownBy(() -> ScoringRun.run(request().withLinear(ContinuousOutcome.parseList("change@vas"))))
                .hasMessageContaining("continuous outcome 'change@vas' reads series vas");
        assertThatThrownBy(() -> ScoringRun.run(request().withTimePoints(List.of("6month"))))
                .hasMessageContaining("time point '6month' is not a follow-up of nrs").hasMessageContaining("[15min, 1month]");
        assertThatThrownBy(() -> ScoringRun.run(request().withLinear(ContinuousOutcome.parseList("ppr")).withTimePoints(List.of("15min"))
                .withGroup("sex"))).hasMessageContaining("'sex' is not a text column");
        assertThatThrownBy(() -> ContinuousOutcome.parse("delta@odi")).hasMessageContaining("'delta@odi'");
    }
}
