package org.parsreader.scoring.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 point 4: several pain series with declared scales, GPE, "no intervening
 * intervention" and composed responder rules; classifications equal those R computes with
 * the same rules (scripts/r-reference/outcome-rules.R, seed 1504, outcome-reference.csv).
 */
class OutcomeSeriesRulesTest {
    static String resource(String name) throws IOException {
        try (InputStream in = OutcomeSeriesRulesTest.class.getResourceAsStream("/scoring/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void responderClassificationsEqualR() throws IOException {
        OutcomeTable t = OutcomeCsv.parse(resource("outcome-reference-data.csv"), "outcome-reference-data.csv", false);
        assertThat(t.problems()).isEmpty();
        assertThat(t.patients()).hasSize(90);
        assertThat(t.series()).extracting(OutcomeSeries::name).containsExactly("nrs", "leg_nrs", "back_vas", "odi");
        assertThat(t.series("back_vas").label()).isEqualTo("back VAS 0-10");
        assertThat(t.series("back_vas").declared()).isTrue();
        assertThat(t.series("odi").label()).isEqualTo("ODI 0-100 %");
        assertThat(t.series("leg_nrs").timePoints()).containsExactly("4wk", "12wk");
        assertThat(t.otherColumns()).containsExactly("guidance", "x_bme", "x_age", "x_ratio");
        Map<String, String> r = new HashMap<>();
        for (String line : resource("outcome-reference.csv").split("\n")) {
            if (!line.startsWith("responder,")) continue;
            String[] c = line.split(",");
            r.put(c[1] + "|" + c[2] + "|" + c[3], c[4]);
        }
        int compared = 0;
        for (String rule : List.of("ppr:50", "ppr:50|zero", "drop:2@leg_nrs+gpe+no-intervention", "drop:10@odi|ppr:30@odi", "drop:2@back_vas+gpe")) {
            OutcomeRule parsed = OutcomeRule.parse(rule);
            assertThat(OutcomeRule.parse(parsed.key())).as(rule).isEqualTo(parsed);
            List<TimePointOutcomes> tps = TimePointOutcomes.evaluateAll(t, parsed, MissingRule.COMPLETE_CASE);
            assertThat(tps).extracting(TimePointOutcomes::timePoint).containsExactly("4wk", "12wk");
            for (TimePointOutcomes o : tps) {
                for (PatientOutcome p : t.patients()) {
                    String expected = r.get(rule + "|" + p.pseudonym() + "|" + o.timePoint());
                    int got = o.byPseudonym().get(p.pseudonym()).outcome();
                    assertThat(got < 0 ? "NA" : Integer.toString(got)).as(rule + " " + p.pseudonym() + " " + o.timePoint()).isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(5 * 2 * 90);
    }

    @Test
    void composedRuleHandChecked() {
        String csv = """
                pseudonym,leg_nrs_0,leg_nrs_4wk,gpe_4wk,intervention_4wk,odi_0,odi_4wk
                A,7,5,positive,no,40,31
                B,7,5,positive,yes,40,28
                C,7,6,positive,no,40,
                D,7,4,,no,0,0
                """;
        OutcomeTable t = OutcomeCsv.parse(csv, "c.csv", false);
        TimePointOutcomes leg = TimePointOutcomes.evaluate(t, "4wk", OutcomeRule.parse("drop:2@leg_nrs+gpe+no-intervention"), MissingRule.COMPLETE_CASE);
        assertThat(leg.byPseudonym().get("A").status()).isEqualTo(TimePointOutcomes.Status.SUCCESS);
        assertThat(leg.byPseudonym().get("B").status()).isEqualTo(TimePointOutcomes.Status.FAILURE);   // another intervention
        assertThat(leg.byPseudonym().get("C").status()).isEqualTo(TimePointOutcomes.Status.FAILURE);   // drop 1
        assertThat(leg.byPseudonym().get("D").status()).isEqualTo(TimePointOutcomes.Status.MISSING_EXCLUDED); // no GPE
        OutcomeRule odi = OutcomeRule.parse("drop:10@odi|ppr:30@odi");
        assertThat(odi.label()).isEqualTo("odi drop >= 10 points or reduction of odi >= 30 %");
        TimePointOutcomes o = TimePointOutcomes.evaluate(t, "4wk", odi, MissingRule.FAILURE);
        assertThat(o.byPseudonym().get("A").status()).isEqualTo(TimePointOutcomes.Status.FAILURE);     // 9 points, 22.5 %
        assertThat(o.byPseudonym().get("B").status()).isEqualTo(TimePointOutcomes.Status.SUCCESS);     // 12 points
        assertThat(o.byPseudonym().get("C").status()).isEqualTo(TimePointOutcomes.Status.MISSING_AS_FAILURE);
        assertThat(o.byPseudonym().get("D").status()).isEqualTo(TimePointOutcomes.Status.BASELINE_ZERO_EXCLUDED);
    }

    @Test
    void valuesOutsideTheDeclaredScaleNameColumnLineAndValue() {
        String csv = """
                # scale vas 0-10
                pseudonym,nrs_0,nrs_1w,vas_0,vas_1w,odi_0,odi_1w
                A,5,3,6,11,40,30
                B,5,3,6,4,40,120
                C,5,3,6,4,40,30
                """;
        OutcomeTable t = OutcomeCsv.parse(csv, "s.csv", false);
        assertThat(t.patients()).extracting(PatientOutcome::pseudonym).containsExactly("C");
        assertThat(t.problems()).extracting(Object::toString).containsExactly(
                "s.csv line 3, column 5 (vas_1w): '11' is outside the range; expected a VAS between 0 and 10 (declared scale); row left out",
                "s.csv line 4, column 7 (odi_1w): '120' is outside the range; expected an ODI between 0 and 100 %; row left out");
        assertThat(OutcomeCsv.parse(csv.replace("# scale vas 0-10\n", ""), "s.csv", false).problems()).hasSize(1);  // VAS 0-100 by default
        assertThat(OutcomeCsv.parse("pseudonym,leg_nrs_0,leg_nrs_4wk\nA,7,12\n", "l.csv", false).problems()).extracting(Object::toString)
                .containsExactly("l.csv line 2, column 3 (leg_nrs_4wk): '12' is outside the range; expected a leg NRS between 0 and 10; row left out");
    }

    @Test
    void badDeclarationsRulesAndTimePointsAreNamed() {
        assertThatThrownBy(() -> OutcomeCsv.parse("# scale odi 0-10\npseudonym,nrs_0,odi_0\nA,1,2\n", "d.csv", false))
                .hasMessage("d.csv: line 1: series odi: scale 0-10 is not a scale of ODI (NRS 0-10, VAS 0-10 or 0-100, ODI 0-100)");
        assertThatThrownBy(() -> OutcomeCsv.parse("# scale leg_vas 0-10\npseudonym,nrs_0\nA,1\n", "d.csv", false))
                .hasMessageContaining("line 1: '# scale leg_vas' names no outcome column");
        assertThatThrownBy(() -> OutcomeCsv.parse("# scale vas ten\npseudonym,nrs_0\nA,1\n", "d.csv", false))
                .hasMessageContaining("line 1: '# scale vas ten' is not a scale declaration");
        OutcomeTable t = OutcomeCsv.parse("pseudonym,nrs_0,nrs_4wk,nrs_6month,gpe_4wk\nA,5,2,,positive\nB,6,3,,negative\n", "t.csv", false);
        assertThatThrownBy(() -> TimePointOutcomes.evaluateAll(t, OutcomeRule.parse("drop:2@leg_nrs"), MissingRule.COMPLETE_CASE))
                .hasMessageContaining("reads series leg_nrs").hasMessageContaining("t.csv").hasMessageContaining("[nrs]");
        assertThatThrownBy(() -> TimePointOutcomes.evaluateAll(t, OutcomeRule.DEFAULT, MissingRule.COMPLETE_CASE))
                .hasMessage("outcome rule 'ppr50' needs column nrs_6month at time point 6month, but no patient of t.csv has a value there"
                        + " (the column is missing or empty; choose time points with --time-points)");
        OutcomeTable t2 = OutcomeCsv.parse("pseudonym,nrs_0,nrs_4wk\nA,5,2\n", "t2.csv", false);
        assertThatThrownBy(() -> TimePointOutcomes.evaluateAll(t2, OutcomeRule.parse("drop:2+gpe+no-intervention"), MissingRule.COMPLETE_CASE))
                .hasMessageContaining("needs column gpe_4wk");
        OutcomeTable one = OutcomeCsv.parse("pseudonym,nrs_0,nrs_4wk,guidance\nA,5,2,CT\nB,6,3,CT\n", "g.csv", false);
        assertThatThrownBy(() -> org.parsreader.scoring.analysis.GroupComparison.levels(one, "guidance"))
                .hasMessage("grouping column 'guidance' of g.csv has one group only ('CT', 2 patients); a comparison needs two or more");
        assertThatThrownBy(() -> OutcomeRule.parse("drop:2@leg_nrs+gpee")).hasMessageContaining("'gpee' is not a condition");
        assertThatThrownBy(() -> OutcomeRule.parse("drop:2|")).hasMessageContaining("'' is not a condition");
    }
}
