package org.parsreader.scoring.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Kappa against psych::cohen.kappa (weighted SE: vcd::Kappa), ICC(2,1) against psych::ICC. */
class AgreementTest {
    static final double TOL = 1e-6;
    static final RReference REF = RReference.load("/scoring/agreement-reference.csv");
    static final Map<String, List<String>> R = RReference.table("/scoring/ratings.csv");

    static void compare(String model, KappaResult k) {
        assertEquals((int) REF.get("ratings", model, "", "n"), k.n());
        assertEquals((int) REF.get("ratings", model, "", "categories"), k.categories().size());
        String[] kinds = {"unweighted", "linear", "quadratic"};
        KappaEstimate[] est = {k.unweighted(), k.linear(), k.quadratic()};
        for (int i = 0; i < 3; i++) {
            REF.check("ratings", model, kinds[i], "kappa", est[i].kappa(), TOL);
            REF.check("ratings", model, kinds[i], "se", est[i].se(), TOL);
            REF.check("ratings", model, kinds[i], "lower", est[i].lower(), TOL);
            REF.check("ratings", model, kinds[i], "upper", est[i].upper(), TOL);
        }
    }

    @Test
    void binaryKappaEqualsPsych() {
        KappaResult k = CohenKappa.of(RReference.ints(R, "bme_r1"), RReference.ints(R, "bme_r2"));
        compare("bme", k);
        assertEquals(0.7363, k.unweighted().kappa(), 1e-4);
    }

    @Test
    void ordinalWeightedKappaEqualsPsychAndVcd() {
        compare("grade", CohenKappa.of(RReference.ints(R, "grade_r1"), RReference.ints(R, "grade_r2")));
        KappaResult k = CohenKappa.of(RReference.ints(R, "grade_r1"), RReference.ints(R, "grade_r2"),
                new int[] {0, 1, 2, 3, 4, 5});
        compare("grade_levels_0_5", k);
        assertEquals(6, k.categories().size());
    }

    @Test
    void weightedSeDiffersFromPsychsKnownDefect() {
        // psych 2.2.9 sums weights against the wrong margin; its variance for this table is
        // negative and reported as 0. We follow Fleiss, Cohen & Everitt (1969) = vcd::Kappa.
        assertEquals(0.0, REF.get("ratings", "grade", "quadratic", "psych_se"));
        KappaResult k = CohenKappa.of(RReference.ints(R, "grade_r1"), RReference.ints(R, "grade_r2"));
        assertTrue(k.quadratic().se() > 0.01, "SE " + k.quadratic().se());
    }

    @Test
    void nominalKappaEqualsPsych() {
        String[] a = R.get("comp_r1").toArray(String[]::new);
        String[] b = R.get("comp_r2").toArray(String[]::new);
        KappaResult k = CohenKappa.of(a, b);
        REF.check("ratings", "compartment", "unweighted", "kappa", k.unweighted().kappa(), TOL);
        REF.check("ratings", "compartment", "unweighted", "se", k.unweighted().se(), TOL);
        REF.check("ratings", "compartment", "unweighted", "lower", k.unweighted().lower(), TOL);
        REF.check("ratings", "compartment", "unweighted", "upper", k.unweighted().upper(), TOL);
        assertEquals(List.of("epidural", "facet", "intradefect", "none"), k.categories());
    }

    @Test
    void iccOfTwoReadersEqualsPsych() {
        IccResult r = Icc.icc21(RReference.doubles(R, "width_r1"), RReference.doubles(R, "width_r2"));
        checkIcc("ratings", "width", r);
        assertEquals(2, r.raters());
    }

    @Test
    void iccOfShroutFleissTable2EqualsPsychAndThePaper() {
        Map<String, List<String>> t = RReference.table("/scoring/shrout-fleiss.csv");
        double[][] x = new double[6][4];
        String[] judges = {"J1", "J2", "J3", "J4"};
        for (int j = 0; j < 4; j++) {
            double[] c = RReference.doubles(t, judges[j]);
            for (int i = 0; i < 6; i++) x[i][j] = c[i];
        }
        IccResult r = Icc.icc21(x, 0.95);
        checkIcc("shrout_fleiss", "table2", r);
        assertEquals(0.29, r.icc(), 0.005); // Shrout & Fleiss (1979), Table 4
    }

    static void checkIcc(String dataset, String model, IccResult r) {
        REF.check(dataset, model, "ICC2", "icc", r.icc(), TOL);
        REF.check(dataset, model, "ICC2", "f", r.f(), TOL);
        REF.check(dataset, model, "ICC2", "df1", r.df1(), TOL);
        REF.check(dataset, model, "ICC2", "df2", r.df2(), TOL);
        REF.check(dataset, model, "ICC2", "p", r.p(), TOL);
        REF.check(dataset, model, "ICC2", "lower", r.lower(), TOL);
        REF.check(dataset, model, "ICC2", "upper", r.upper(), TOL);
    }

    @Test
    void undefinedAndInvalidInput() {
        KappaResult k = CohenKappa.of(new int[] {1, 1, 1}, new int[] {1, 1, 1});
        assertTrue(Double.isNaN(k.unweighted().kappa()));
        assertEquals(1.0, k.observedAgreement());
        assertThrows(StatsInputException.DimensionMismatchException.class,
                () -> CohenKappa.of(new int[] {1, 0}, new int[] {1}));
        assertThrows(StatsInputException.class, () -> CohenKappa.of(new int[] {1, 7}, new int[] {1, 0}, new int[] {0, 1}));
        assertThrows(StatsInputException.MissingValueException.class,
                () -> Icc.icc21(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3}));
    }

    @AfterAll
    static void report() {
        System.out.println("agreement vs R: " + REF.summary());
    }
}
