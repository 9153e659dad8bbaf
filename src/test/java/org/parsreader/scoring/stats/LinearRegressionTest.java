package org.parsreader.scoring.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OLS against R's lm / confint / summary.lm, and the group tests against chisq.test /
 * fisher.test, on the data that scripts/r-reference/outcome-rules.R draws (seed 1504) and
 * stores with its results (outcome-reference-data.csv, outcome-reference.csv). 1e-6 relative
 * (observed: about 1e-13).
 */
class LinearRegressionTest {
    private static final double TOL = 1e-6;
    static final Map<String, List<String>> DATA = RReference.table("/scoring/outcome-reference-data.csv");
    static final RReference REF = RReference.load("/scoring/outcome-reference.csv");

    static double[] col(String name) {
        return DATA.get(name).stream().mapToDouble(s -> s.isEmpty() ? Double.NaN : Double.parseDouble(s)).toArray();
    }

    static double[] ppr(String t) {
        double[] b = col("nrs_0"), f = col("nrs_" + t);
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] > 0 ? 100 * (b[i] - f[i]) / b[i] : Double.NaN;
        return out;
    }

    static double[] change(String series, String t) {
        double[] b = col(series + "_0"), f = col(series + "_" + t);
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) out[i] = f[i] - b[i];
        return out;
    }

    static double[] guidance() {
        return DATA.get("guidance").stream().mapToDouble(s -> s.equals("fluoroscopy") ? 1 : 0).toArray();
    }

    /** lm's complete cases, then the fit, compared term by term. */
    private static void check(String model, double[] y, List<String> names, List<String> rNames, double[]... x) {
        List<Integer> keep = new ArrayList<>();
        outer:
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) continue;
            for (double[] c : x) if (Double.isNaN(c[i])) continue outer;
            keep.add(i);
        }
        double[] ys = keep.stream().mapToDouble(i -> y[i]).toArray();
        double[][] xs = new double[x.length][];
        for (int j = 0; j < x.length; j++) { double[] c = x[j]; xs[j] = keep.stream().mapToDouble(i -> c[i]).toArray(); }
        LinearRegression.LinearFit f = LinearRegression.fit(new Design(names, xs), ys, 0.95);
        REF.check("lm", model, "", "n", f.n(), 0);
        REF.check("lm", model, "", "df", f.df(), 0);
        REF.check("lm", model, "", "sigma", f.sigma(), TOL);
        REF.check("lm", model, "", "r_squared", f.rSquared(), TOL);
        REF.check("lm", model, "", "adj_r_squared", f.adjustedRSquared(), TOL);
        REF.check("lm", model, "", "f", f.fStatistic(), TOL);
        REF.check("lm", model, "", "f_p", f.fP(), TOL);
        for (int k = 0; k < f.terms().size(); k++) {
            LinearRegression.Term t = f.terms().get(k);
            String r = k == 0 ? Design.INTERCEPT : rNames.get(k - 1);
            REF.check("lm", model, r, "estimate", t.estimate(), TOL);
            REF.check("lm", model, r, "se", t.se(), TOL);
            REF.check("lm", model, r, "t", t.t(), TOL);
            REF.check("lm", model, r, "p", t.p(), TOL);
            REF.check("lm", model, r, "lower", t.lower(), TOL);
            REF.check("lm", model, r, "upper", t.upper(), TOL);
        }
    }

    @Test
    void equalsLm() {
        check("ppr_4wk~x_bme", ppr("4wk"), List.of("x_bme"), List.of("x_bme"), col("x_bme"));
        check("ppr_12wk~x_bme+x_age+x_ratio", ppr("12wk"), List.of("x_bme", "x_age", "x_ratio"), List.of("x_bme", "x_age", "x_ratio"),
                col("x_bme"), col("x_age"), col("x_ratio"));
        check("change_leg_nrs_4wk~x_ratio", change("leg_nrs", "4wk"), List.of("x_ratio"), List.of("x_ratio"), col("x_ratio"));
        check("change_odi_12wk~guidance", change("odi", "12wk"), List.of("guidance"), List.of("guidancefluoroscopy"), guidance());
        check("change_nrs_12wk~guidance+x_bme", change("nrs", "12wk"), List.of("guidance", "x_bme"), List.of("guidancefluoroscopy", "x_bme"),
                guidance(), col("x_bme"));
        System.out.println("lm vs R: " + REF.summary());
    }

    @Test
    void groupTestsEqualR() {
        RReference ref = RReference.load("/scoring/outcome-reference.csv");
        int compared = 0;
        for (String key : ref.values.keySet()) {
            // rule names hold '|' (or): the model is what lies between "groups|" and "||ct_n"
            if (!key.startsWith("groups|") || !key.endsWith("||ct_n")) continue;
            String m = key.substring("groups|".length(), key.length() - "||ct_n".length());
            long ctN = (long) ref.get("groups", m, "", "ct_n"), ctR = (long) ref.get("groups", m, "", "ct_responders");
            long flN = (long) ref.get("groups", m, "", "fl_n"), flR = (long) ref.get("groups", m, "", "fl_responders");
            long[][] t = {{ctN - ctR, ctR}, {flN - flR, flR}};
            TestResult chi = ContingencyTests.chiSquare(t, false); // the R script's chisq.test(correct = FALSE)
            ref.check("groups", m, "", "chisq", chi.statistic(), TOL);
            ref.check("groups", m, "", "chisq_p", chi.p(), TOL);
            ref.check("groups", m, "", "fisher_p", ContingencyTests.fisher(t).p(), TOL);
            compared++;
        }
        assertThat(compared).isEqualTo(10);
        long[][] small = {{7, 2}, {1, 6}};
        TestResult r = ContingencyTests.choose(small);
        assertThat(r.test()).isEqualTo(ContingencyTests.FISHER);
        ref.check("groups", "small", "", "fisher_p", r.p(), TOL);
        ref.check("groups", "small", "", "chisq_p", ContingencyTests.chiSquare(small, false).p(), TOL);
        System.out.println("chisq.test / fisher.test vs R: " + ref.summary());
    }

    @Test
    void collinearAndTooSmallDesignsAreNamed() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {2, 4, 6, 8, 10};
        double[] y = {1, 3, 2, 5, 4};
        assertThatThrownBy(() -> LinearRegression.fit(Design.of(List.of("a", "b"), a, b), y, 0.95))
                .isInstanceOf(StatsInputException.SingularDesignException.class).hasMessageContaining("'b'");
        assertThatThrownBy(() -> LinearRegression.fit(Design.of(List.of("c"), new double[] {1, 1, 1, 1, 1}), y, 0.95))
                .hasMessageContaining("'c'");
        assertThatThrownBy(() -> LinearRegression.fit(Design.of(List.of("a"), new double[] {1, 2}), new double[] {1, 2}, 0.95))
                .hasMessageContaining("no residual degrees of freedom");
    }
}
