package org.parsreader.scoring.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.parsreader.scoring.outcome.TimePointOutcomes.Status;

/** Outcome rules on hand-checked patients (issue 6, point 1). */
class OutcomeRulesTest {
    static final String CSV = """
            pseudonym,nrs_0,nrs_15min,nrs_1month,gpe_1month
            A,6,3,4,positive
            B,4,6,,negative
            C,0,0,0,positive
            D,8,,2,positive
            E,5,3,1,
            F,10,5,6,negative
            """;

    static OutcomeTable table() {
        return OutcomeCsv.parse(CSV, "t.csv", false);
    }

    @Test
    void pprIsComputedAndMayBeNegative() {
        assertThat(OutcomeRule.ppr(6, 3)).isEqualTo(50.0);
        assertThat(OutcomeRule.ppr(4, 6)).isEqualTo(-50.0);
        assertThat(OutcomeRule.ppr(0, 0)).isNaN();
        assertThat(OutcomeRule.ppr(8, Double.NaN)).isNaN();
    }

    @Test
    void ppr50CompleteCase() {
        TimePointOutcomes o = TimePointOutcomes.evaluate(table(), "15min", OutcomeRule.DEFAULT, MissingRule.COMPLETE_CASE);
        assertThat(o.byPseudonym().get("A").status()).isEqualTo(Status.SUCCESS);          // exactly 50 %
        assertThat(o.byPseudonym().get("B").status()).isEqualTo(Status.FAILURE);          // -50 %
        assertThat(o.byPseudonym().get("B").ppr()).isEqualTo(-50.0);
        assertThat(o.byPseudonym().get("C").status()).isEqualTo(Status.BASELINE_ZERO_EXCLUDED);
        assertThat(o.byPseudonym().get("D").status()).isEqualTo(Status.MISSING_EXCLUDED);
        assertThat(o.byPseudonym().get("E").status()).isEqualTo(Status.FAILURE);          // 40 %
        assertThat(o.byPseudonym().get("F").status()).isEqualTo(Status.SUCCESS);
        assertThat(o.counts()).isEqualTo(new TimePointOutcomes.Counts(6, 4, 2, 1, 1, 0));
        assertThat(o.counts().successRate()).isEqualTo(0.5);
    }

    @Test
    void missingCountsAsFailure() {
        TimePointOutcomes o = TimePointOutcomes.evaluate(table(), "15min", OutcomeRule.DEFAULT, MissingRule.FAILURE);
        assertThat(o.byPseudonym().get("D").status()).isEqualTo(Status.MISSING_AS_FAILURE);
        assertThat(o.byPseudonym().get("D").outcome()).isZero();
        assertThat(o.counts().analysed()).isEqualTo(5);
        assertThat(o.counts().successes()).isEqualTo(2);
        assertThat(o.byPseudonym().get("C").status()).isEqualTo(Status.BASELINE_ZERO_EXCLUDED);   // still out: PPR undefined
    }

    @Test
    void pointDropWithAndWithoutGpe() {
        OutcomeRule drop = OutcomeRule.parse("drop:2");
        TimePointOutcomes o = TimePointOutcomes.evaluate(table(), "1month", drop, MissingRule.COMPLETE_CASE);
        assertThat(o.byPseudonym().get("A").status()).isEqualTo(Status.SUCCESS);     // 6 -> 4
        assertThat(o.byPseudonym().get("C").status()).isEqualTo(Status.FAILURE);     // NRS_0 = 0 is no problem for a drop
        assertThat(o.byPseudonym().get("F").status()).isEqualTo(Status.SUCCESS);     // 10 -> 6
        assertThat(o.byPseudonym().get("B").status()).isEqualTo(Status.MISSING_EXCLUDED);
        TimePointOutcomes g = TimePointOutcomes.evaluate(table(), "1month", OutcomeRule.parse("drop:2+gpe"), MissingRule.COMPLETE_CASE);
        assertThat(g.byPseudonym().get("A").status()).isEqualTo(Status.SUCCESS);
        assertThat(g.byPseudonym().get("F").status()).isEqualTo(Status.FAILURE);     // negative GPE
        assertThat(g.byPseudonym().get("E").status()).isEqualTo(Status.MISSING_EXCLUDED);   // no GPE: follow-up incomplete
        assertThat(TimePointOutcomes.evaluate(table(), "1month", OutcomeRule.parse("drop:2+gpe"), MissingRule.FAILURE)
                .byPseudonym().get("E").status()).isEqualTo(Status.MISSING_AS_FAILURE);
    }

    @Test
    void thresholdsAndOrZero() {
        TimePointOutcomes o = TimePointOutcomes.evaluate(table(), "15min", OutcomeRule.parse("ppr:40"), MissingRule.COMPLETE_CASE);
        assertThat(o.byPseudonym().get("E").status()).isEqualTo(Status.SUCCESS);
        OutcomeRule orZero = OutcomeRule.parse("ppr50-or-zero");
        assertThat(orZero.success(5, 0, null)).isTrue();
        assertThat(orZero.success(5, 3, null)).isFalse();
        assertThat(orZero).isEqualTo(new OutcomeRule.PprAtLeastOrZero(50));
        assertThat(OutcomeRule.parse(orZero.key())).isEqualTo(orZero);
        assertThat(OutcomeRule.parse("ppr:30").label()).isEqualTo("PPR >= 30 %");
        assertThat(OutcomeRule.parse("drop:2.5+gpe").key()).isEqualTo("drop:2.5+gpe");
        assertThatThrownBy(() -> OutcomeRule.parse("half")).hasMessageContaining("'half'");
        assertThatThrownBy(() -> OutcomeRule.parse("drop:0")).hasMessageContaining("positive");
    }

    @Test
    void meansAndCountsPerTimePoint() {
        OutcomeTable t = table();
        assertThat(t.timePoints()).containsExactly("15min", "1month");
        assertThat(t.meanNrs(OutcomeTable.BASELINE)).isCloseTo(33 / 6.0, within(1e-12));
        assertThat(t.countNrs("15min")).isEqualTo(5);
        assertThat(t.countNrs("1month")).isEqualTo(5);
    }
}
