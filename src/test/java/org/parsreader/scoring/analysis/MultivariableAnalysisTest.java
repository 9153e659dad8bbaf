package org.parsreader.scoring.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.scoring.ScoreRequest;
import org.parsreader.scoring.ScoringRun;
import org.parsreader.scoring.predictors.PredictorTable;
import org.parsreader.scoring.stats.FitOptions;
import org.parsreader.scoring.stats.LogisticFit;

/**
 * Issue 6, point 3: multivariable models for a chosen predictor set on the sample cohort,
 * equal to R's glm (scripts/r-reference/multivariable.R) to 1e-6.
 */
class MultivariableAnalysisTest {
    static final Path COHORT = Path.of("sample-data/cohort");
    static final List<String> PAIR = List.of("bme_isthmic_any", "contrast_n_compartments");
    static final List<String> FOUR = List.of("bme_isthmic_any", "contrast_n_compartments", "bme_ratio_max", "age");
    static ScoringRun.Result run;

    @BeforeAll
    static void score() throws IOException {
        run = ScoringRun.run(ScoreRequest.of(COHORT, COHORT.resolve("outcomes.csv")).withMultivariable(PAIR));
    }

    @Test
    void edemaStaysSignificantAt15MinutesWithContrastAlongside() {
        assertThat(run.multivariable()).hasSize(4); // R1, R2 x 15min, 1month
        for (String reader : List.of("R1", "R2")) {
            MultivariableResult m = model(reader, "15min");
            assertThat(m.method()).isEqualTo(LogisticFit.Method.ML);
            assertThat(m.n()).isEqualTo(134);
            assertThat(m.dropped()).isZero();
            MultivariableResult.Term bme = m.term("bme_isthmic_any");
            assertThat(bme.oddsRatio()).as(reader).isGreaterThan(3);
            assertThat(bme.lower()).as(reader).isGreaterThan(1);
            assertThat(bme.pWald()).as(reader).isLessThan(0.001);
            assertThat(bme.pLr()).as(reader).isLessThan(0.001);
            assertThat(m.term("contrast_n_compartments").pLr()).as(reader).isGreaterThan(0.05);
            assertThat(m.modelDf()).isEqualTo(2);
            assertThat(m.lowEventsPerParameter()).isFalse();
        }
    }

    @Test
    void equalsRGlm() throws IOException {
        Map<String, Double> ref = reference();
        check(ref, "R1_15min", model("R1", "15min"));
        PredictorTable t = run.table();
        check(ref, "R1_1month_4", MultivariableAnalysis.fit(t, "R1", "1month", FOUR, FitOptions.DEFAULT));
        System.out.println("multivariable vs R glm: largest relative deviation " + worst);
    }

    /** The committed data R fitted are the cohort's own predictor columns (to the CSV's 10 digits). */
    @Test
    void referenceDataAreTheCohortColumns() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/scoring/multivariable-cohort.csv"));
        String[] header = lines.get(0).split(",", -1);
        List<PredictorTable.Row> rows = run.table().rows("R1");
        assertThat(lines).hasSize(1 + rows.size());
        for (int j = 1; j < header.length; j++) {
            double[] col = run.table().column(header[j], "R1");
            for (int i = 0; i < rows.size(); i++) {
                String[] cells = lines.get(i + 1).split(",", -1);
                assertThat(cells[0]).isEqualTo(rows.get(i).pseudonym());
                if (cells[j].isEmpty()) assertThat(col[i]).as(header[j] + " " + cells[0]).isNaN();
                else assertEquals(Double.parseDouble(cells[j]), col[i], 1e-9 * Math.max(1, Math.abs(col[i])), header[j] + " " + cells[0]);
            }
        }
    }

    @Test
    void unknownPredictorsAreNamedWithTheValidOnes() {
        assertThatThrownBy(() -> ScoringRun.run(ScoreRequest.of(COHORT, COHORT.resolve("outcomes.csv"))
                .withMultivariable(List.of("bme_isthmic_any", "bme_any", "success_15min"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown predictors bme_any, success_15min")
                .hasMessageContaining("valid predictors: bme_isthmic_any, bme_isthmic_bilateral")
                .hasMessageContaining("contrast_n_compartments");
    }

    @Test
    void separationSwitchesToFirthWithProfileIntervals() {
        // outcome = bme_isthmic_any: complete separation, ML estimates do not exist
        PredictorTable t = run.table();
        int y = t.dictionary().index("success_15min");
        int x = t.dictionary().index("bme_isthmic_any");
        List<PredictorTable.Row> rows = new ArrayList<>();
        for (PredictorTable.Row r : t.rows()) {
            double[] v = r.values().clone();
            v[y] = v[x];
            rows.add(new PredictorTable.Row(r.pseudonym(), r.reader(), r.role(), r.injectedLevels(), v));
        }
        MultivariableResult m = MultivariableAnalysis.fit(new PredictorTable(t.dictionary(), rows, List.of()), "R1", "15min", PAIR,
                FitOptions.DEFAULT);
        assertThat(m.method()).isEqualTo(LogisticFit.Method.FIRTH);
        assertThat(m.note()).contains("separation");
        MultivariableResult.Term bme = m.term("bme_isthmic_any");
        assertThat(bme.ciMethod()).isEqualTo("profile");
        assertThat(bme.oddsRatio()).isFinite().isGreaterThan(100);
        assertThat(bme.lower()).isFinite().isGreaterThan(1);
        assertThat(m.warnings()).anyMatch(w -> w.startsWith("separation"));
    }

    @Test
    void completeCasesAndTheEventsPerParameterWarning() {
        MultivariableResult m = MultivariableAnalysis.fit(run.table(), "R1", "1month", FOUR, FitOptions.DEFAULT);
        assertThat(m.n()).isEqualTo(117);
        assertThat(m.dropped()).isEqualTo(15); // bme_ratio_max missing without edema ROIs; 2 without 1-month follow-up are not counted
        // 55 non-events / 4 parameters is above 10; 10 predictors would not be
        assertThat(m.lowEventsPerParameter()).isFalse();
        List<String> ten = List.of("bme_isthmic_any", "contrast_n_compartments", "age", "sex", "nrs_baseline", "modic_any", "slip_pct",
                "facet_oa_max", "foraminal_max", "pfirrmann_index");
        MultivariableResult big = MultivariableAnalysis.fit(run.table(), "R1", "15min", ten, FitOptions.DEFAULT);
        assertThat(big.lowEventsPerParameter()).isTrue();
        assertThat(big.warnings()).anyMatch(w -> w.contains("events per parameter"));
    }

    @Test
    void csvAndReportSection(@TempDir Path tmp) throws IOException {
        List<Path> files = ScoringRun.write(run, tmp);
        assertThat(files).contains(tmp.resolve("multivariable.csv"));
        List<String> csv = Files.readAllLines(tmp.resolve("multivariable.csv"));
        assertThat(csv).hasSize(1 + 4 * 2);
        assertThat(csv.get(0)).startsWith("reader,time_point,rule,missing_rule,model,predictor,n,dropped_missing,events,method,estimate,se,"
                + "odds_ratio,ci_lower,ci_upper,ci_method,p_wald,lr_chisq,p_lr,p_wald_holm,p_wald_bh,p_lr_holm,p_lr_bh,p_wald_holm_all,"
                + "p_wald_bh_all,p_lr_holm_all,p_lr_bh_all,model_lr_chisq,model_df,model_p,events_per_parameter");
        int columns = csv.get(0).split(",", -1).length;
        for (String line : csv) assertThat(line.split(",", -1)).as(line).hasSize(columns);
        assertThat(csv.get(1)).startsWith("R1,15min,ppr50,complete,bme_isthmic_any+contrast_n_compartments,bme_isthmic_any,134,0,56,ML,2.046164511,");
        String report = Files.readString(tmp.resolve("report.md"));
        assertThat(report).contains("## Multivariable logistic regression").contains("### 15min, reader R1 (multivariable)")
                .contains("n = 134 (0 dropped), 56 events; ML (Wald CI); model LR chi-square 30.68 on 2 df")
                .contains("| **bme_isthmic_any** | 7.74 (3.55-16.85) | <0.001 | <0.001 | <0.001 | <0.001 | <0.001 | <0.001 |")
                .contains("Family (this model): 2 terms; Holm and BH adjust p (LR) over them. \"all\": over the 8 multivariable terms of the"
                        + " report.");
    }

    /**
     * Issue 15, points 2 and 7: Holm and BH of the Wald and LR p, within a model's terms and
     * over several models, and of univariable models within a time point and over both, equal
     * R's p.adjust on R's own glm p-values (scripts/r-reference/multivariable.R) to 1e-6 relative.
     */
    @Test
    void multiplicityEqualsR() throws IOException {
        Map<String, Double> ref = reference();
        List<MultivariableResult> models = Multiplicity.adjustMultivariable(List.of(model("R1", "15min"),
                MultivariableAnalysis.fit(run.table(), "R1", "1month", FOUR, FitOptions.DEFAULT)));
        int checked = 0;
        for (MultivariableResult m : models) {
            for (MultivariableResult.Term t : m.terms()) {
                checked += adjusted(ref, (m.timePoint().equals("15min") ? "R1_15min" : "R1_1month_4") + "|" + t.predictor() + "|",
                        t.adjustedWald(), t.adjustedLr());
            }
        }
        // univariable: the run's R1 models of the reference data's predictors (ML, as glm), adjusted as their own run would
        List<UnivariableResult> uni = Multiplicity.adjustUnivariable(run.results().stream()
                .filter(r -> r.reader().equals("R1") && FOUR.contains(r.predictor())).toList());
        assertThat(uni).hasSize(8).allMatch(r -> r.method() == LogisticFit.Method.ML);
        for (UnivariableResult r : uni) {
            String k = "uni_" + r.timePoint() + "|" + r.predictor() + "|";
            relative(ref, k + "p_wald", r.pWald());
            relative(ref, k + "p_lr", r.pLr());
            checked += adjusted(ref, k, r.adjustedWald(), r.adjustedLr());
        }
        assertThat(checked).isEqualTo(8 * (6 + 8));
    }

    private static int adjusted(Map<String, Double> ref, String k, AdjustedP wald, AdjustedP lr) {
        relative(ref, k + "p_wald_holm", wald.holm());
        relative(ref, k + "p_wald_bh", wald.bh());
        relative(ref, k + "p_wald_holm_all", wald.holmAll());
        relative(ref, k + "p_wald_bh_all", wald.bhAll());
        relative(ref, k + "p_lr_holm", lr.holm());
        relative(ref, k + "p_lr_bh", lr.bh());
        relative(ref, k + "p_lr_holm_all", lr.holmAll());
        relative(ref, k + "p_lr_bh_all", lr.bhAll());
        return 8;
    }

    /** Within 1e-6 of R relative to the value itself: small p-values must be right in their own scale. */
    private static void relative(Map<String, Double> ref, String key, double actual) {
        Double expected = ref.get(key);
        assertThat(expected).as("reference " + key).isNotNull();
        assertEquals(expected, actual, 1e-6 * Math.abs(expected), key);
    }

    private static MultivariableResult model(String reader, String tp) {
        return run.multivariable().stream().filter(m -> m.reader().equals(reader) && m.timePoint().equals(tp)).findFirst().orElseThrow();
    }

    private static void check(Map<String, Double> ref, String model, MultivariableResult m) {
        assertThat(m.method()).isEqualTo(LogisticFit.Method.ML);
        close(ref, model + "||n", m.n());
        close(ref, model + "||dropped", m.dropped());
        close(ref, model + "||events", m.events());
        close(ref, model + "||model_lr_chisq", m.modelChiSquare());
        close(ref, model + "||model_df", m.modelDf());
        close(ref, model + "||model_p", m.modelP());
        for (MultivariableResult.Term t : m.terms()) {
            String k = model + "|" + t.predictor() + "|";
            close(ref, k + "estimate", t.estimate());
            close(ref, k + "se", t.se());
            close(ref, k + "p_wald", t.pWald());
            close(ref, k + "odds_ratio", t.oddsRatio());
            close(ref, k + "wald_lower", t.lower());
            close(ref, k + "wald_upper", t.upper());
            close(ref, k + "lr_chisq", t.lrChiSquare());
            close(ref, k + "p_lr", t.pLr());
        }
    }

    static double worst;

    private static void close(Map<String, Double> ref, String key, double actual) {
        Double expected = ref.get(key);
        assertThat(expected).as("reference " + key).isNotNull();
        double tol = 1e-6 * Math.max(1, Math.abs(expected));
        worst = Math.max(worst, Math.abs(actual - expected) / Math.max(1, Math.abs(expected)));
        assertEquals(expected, actual, tol, key);
    }

    private static Map<String, Double> reference() throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        try (InputStream in = MultivariableAnalysisTest.class.getResourceAsStream("/scoring/multivariable-reference.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#")).toList();
            for (String l : lines.subList(1, lines.size())) {
                String[] c = l.split(",", -1);
                m.put(c[0] + "|" + c[1] + "|" + c[2], Double.parseDouble(c[3]));
            }
        }
        return m;
    }
}
