package org.parsreader.scoring.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsreader.scoring.predictors.PredictorType;
import org.parsreader.scoring.stats.LogisticFit;
import org.parsreader.scoring.stats.PAdjust;

/** Families of {@link Multiplicity}: reader x time point, all together, models not fitted, a family of one. */
class MultiplicityTest {
    private static UnivariableResult uni(String reader, String tp, String predictor, double pWald, double pLr) {
        boolean fitted = !Double.isNaN(pWald);
        return new UnivariableResult(reader, tp, predictor, PredictorType.BINARY, 100, 40, fitted ? LogisticFit.Method.ML : null, 1, 1, 1,
                "Wald", pWald, pLr, 40, List.of(), fitted ? "" : "not fitted: constant");
    }

    @Test
    void univariableFamiliesAreReaderByTimePointAndAllTogether() {
        List<UnivariableResult> rows = new ArrayList<>();
        double[] lr = {0.01, 0.04, Double.NaN, 0.03, 0.2, 0.001};
        String[][] keys = {{"R1", "15min"}, {"R1", "15min"}, {"R1", "15min"}, {"R2", "15min"}, {"R1", "1month"}, {"R2", "15min"}};
        for (int i = 0; i < lr.length; i++) rows.add(uni(keys[i][0], keys[i][1], "x" + i, lr[i], lr[i]));
        List<UnivariableResult> adj = Multiplicity.adjustUnivariable(rows);

        assertThat(adj).extracting(UnivariableResult::predictor).containsExactly("x0", "x1", "x2", "x3", "x4", "x5");
        // R1 15min: two tests (the unfitted model is not one)
        assertThat(adj.get(0).adjustedLr().holm()).isEqualTo(PAdjust.holm(new double[] {0.01, 0.04})[0]).isEqualTo(0.02);
        assertThat(adj.get(1).adjustedLr().bh()).isEqualTo(0.04);
        assertThat(adj.get(2).adjustedLr().holm()).isNaN();
        assertThat(adj.get(2).adjustedLr().holmAll()).isNaN();
        // R1 1month: a family of one, not adjusted within it; adjusted over all five tests
        assertThat(adj.get(4).adjustedLr().holm()).isEqualTo(0.2);
        assertThat(adj.get(4).adjustedLr().bh()).isEqualTo(0.2);
        double[] all = PAdjust.holm(lr);
        for (int i = 0; i < lr.length; i++) {
            if (i != 2) assertThat(adj.get(i).adjustedLr().holmAll()).isEqualTo(all[i]);
        }
        assertThat(adj.get(3).adjustedWald()).isEqualTo(adj.get(3).adjustedLr());
        assertThat(Multiplicity.tests(adj, Multiplicity.Test.LR)).isEqualTo(5);
        assertThat(Multiplicity.basis(adj)).isEqualTo(Multiplicity.Test.LR);
    }

    @Test
    void withoutLrTestsTheWaldPIsTheBasis() {
        List<UnivariableResult> adj = Multiplicity.adjustUnivariable(List.of(uni("R1", "15min", "a", 0.01, Double.NaN),
                uni("R1", "15min", "b", 0.02, Double.NaN)));
        assertThat(Multiplicity.basis(adj)).isEqualTo(Multiplicity.Test.WALD);
        assertThat(Multiplicity.adjusted(adj.get(0), Multiplicity.Test.WALD).holm()).isEqualTo(0.02);
        assertThat(adj.get(0).adjustedLr().holm()).isNaN();
    }

    @Test
    void multivariableFamilyIsTheModelsTermsAndAModelOfOneTermIsNotAdjusted() {
        MultivariableResult.Term a = new MultivariableResult.Term("a", 0, 0, 1, 1, 1, "Wald", 0.01, 6, 0.012);
        MultivariableResult.Term b = new MultivariableResult.Term("b", 0, 0, 1, 1, 1, "Wald", 0.3, 1, 0.31);
        MultivariableResult two = new MultivariableResult("R1", "15min", List.of("a", "b"), 100, 0, 40, LogisticFit.Method.ML, List.of(a, b), 7,
                2, 0.03, 20, List.of(), "");
        MultivariableResult one = new MultivariableResult("R1", "1month", List.of("a"), 100, 0, 40, LogisticFit.Method.ML, List.of(a), 6, 1,
                0.012, 40, List.of(), "");
        MultivariableResult none = new MultivariableResult("R2", "15min", List.of("a"), 0, 0, 0, null, List.of(), Double.NaN, 1, Double.NaN,
                0, List.of(), "not fitted: no patient");
        List<MultivariableResult> adj = Multiplicity.adjustMultivariable(List.of(two, one, none));
        assertThat(adj.get(0).term("a").adjustedLr().holm()).isEqualTo(0.024);
        assertThat(adj.get(0).term("b").adjustedWald().bh()).isEqualTo(0.3);
        assertThat(adj.get(1).term("a").adjustedLr().holm()).isEqualTo(0.012); // one term: adjusted = raw
        assertThat(adj.get(1).term("a").adjustedLr().holmAll()).isEqualTo(PAdjust.holm(new double[] {0.012, 0.31, 0.012})[2]);
        assertThat(adj.get(2).terms()).isEmpty();
        assertThat(adj.get(2).note()).isEqualTo("not fitted: no patient");
        assertThat(Multiplicity.testsMultivariable(adj, Multiplicity.Test.LR)).isEqualTo(3);
    }

    @Test
    void resultsMadeOutsideARunAreNotAdjusted() {
        assertThat(uni("R1", "15min", "a", 0.01, 0.01).adjustedLr()).isEqualTo(AdjustedP.NONE);
    }
}
