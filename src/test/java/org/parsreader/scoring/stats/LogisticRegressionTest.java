package org.parsreader.scoring.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Maximum likelihood against R's glm, drop1(test = "LRT") and confint.default. */
class LogisticRegressionTest {
    static final double TOL = 1e-6;
    static final RReference REF = RReference.load("/scoring/logistic-reference.csv");
    static final Map<String, List<String>> COHORT = RReference.table("/scoring/cohort.csv");
    static final Map<String, List<String>> INFERT = RReference.table("/scoring/infert.csv");

    static Design design(Map<String, List<String>> t, String... names) {
        double[][] c = new double[names.length][];
        for (int j = 0; j < names.length; j++) c[j] = RReference.doubles(t, names[j]);
        return new Design(List.of(names), c);
    }

    static void compare(String dataset, String model, LogisticFit fit, boolean ml) {
        compare(REF, dataset, model, fit, ml);
    }

    static void compare(RReference ref, String dataset, String model, LogisticFit fit, boolean ml) {
        for (Coefficient c : fit.coefficients()) {
            String t = c.name();
            ref.check(dataset, model, t, "estimate", c.estimate(), TOL);
            ref.check(dataset, model, t, "se", c.se(), TOL);
            ref.check(dataset, model, t, "z", c.z(), TOL);
            ref.check(dataset, model, t, "p_wald", c.pWald(), TOL);
            ref.check(dataset, model, t, "odds_ratio", c.oddsRatio(), TOL);
            ref.check(dataset, model, t, "wald_lower", c.waldLower(), TOL);
            ref.check(dataset, model, t, "wald_upper", c.waldUpper(), TOL);
            if (ref.has(dataset, model, t, "lr_chisq")) {
                ref.check(dataset, model, t, "lr_chisq", c.lrChiSquare(), TOL);
                ref.check(dataset, model, t, "p_lr", c.pLr(), TOL);
            } else {
                assertTrue(Double.isNaN(c.lrChiSquare()), "intercept has no ML LR test");
            }
            if (!ml) {
                ref.check(dataset, model, t, "profile_lower", c.profileLower(), TOL);
                ref.check(dataset, model, t, "profile_upper", c.profileUpper(), TOL);
            }
        }
        ref.check(dataset, model, "", "loglik", fit.logLik(), TOL);
        ref.check(dataset, model, "", "deviance", fit.deviance(), TOL);
        ref.check(dataset, model, "", "aic", fit.aic(), TOL);
        ref.check(dataset, model, "", "model_chisq", fit.modelChiSquare(), TOL);
        ref.check(dataset, model, "", "model_p", fit.modelP(), TOL);
        assertEquals((int) ref.get(dataset, model, "", "model_df"), fit.modelDf());
        assertEquals((int) ref.get(dataset, model, "", "n"), fit.n());
        assertEquals((int) ref.get(dataset, model, "", "events"), fit.events());
        if (ml) {
            ref.check(dataset, model, "", "null_deviance", fit.deviance() + fit.modelChiSquare(), TOL);
        } else {
            ref.check(dataset, model, "", "penalised_loglik", fit.penalisedLogLik(), TOL);
        }
        assertTrue(fit.converged());
    }

    @Test
    void univariableModelsEqualGlm() {
        int[] y = RReference.ints(COHORT, "success");
        List<LogisticFit> fits = LogisticRegression.univariable(design(COHORT, "bme", "sex", "width", "age"), y,
                FitOptions.DEFAULT);
        String[] names = {"bme", "sex", "width", "age"};
        for (int j = 0; j < names.length; j++) {
            compare("cohort", "uni_" + names[j], fits.get(j), true);
            assertFalse(fits.get(j).separation().detected(), names[j]);
            assertTrue(fits.get(j).warnings().isEmpty(), fits.get(j).warnings().toString());
        }
        // the strong predictor is strong: guards against comparing a file with itself
        assertEquals(3.6364, fits.get(0).coefficient("bme").oddsRatio(), 1e-4);
    }

    @Test
    void multivariableModelEqualsGlm() {
        LogisticFit fit = LogisticRegression.fit(design(COHORT, "bme", "sex", "width", "age"),
                RReference.ints(COHORT, "success"));
        compare("cohort", "multi", fit, true);
        assertEquals(4, fit.modelDf());
        assertEquals(LogisticFit.Method.ML, fit.method());
    }

    @Test
    void classicInfertModelEqualsGlm() {
        LogisticFit fit = LogisticRegression.fit(design(INFERT, "spontaneous", "induced"), RReference.ints(INFERT, "case"));
        compare("infert", "multi", fit, true);
    }

    @Test
    void separationByRareBinaryPredictorIsDetectedAndNamed() {
        int[] y = RReference.ints(COHORT, "success");
        LogisticFit fit = LogisticRegression.fit(design(COHORT, "bme", "width", "rare"), y);
        assertTrue(fit.separation().detected());
        assertEquals(List.of("rare"), fit.separation().predictors());
        assertTrue(fit.separation().description().contains("quasi-completely"), fit.separation().description());
        assertFalse(fit.converged());
        assertTrue(fit.coefficient("rare").estimate() > 10, "ML estimate diverges");
        assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith("separation")), fit.warnings().toString());
        assertFalse(SeparationCheck.check(design(COHORT, "bme", "width"), y).detected());
    }

    @Test
    void separationByACombinationIsFoundByDivergence() {
        // neither x1 nor x2 separates alone, x1 + x2 > 0 does
        double[] x1 = {-2, -1, 0, 1, 2, 3, -3, 1, -1, 0, 2, -2};
        double[] x2 = {1, 0, -1, 1, -1, -2, 4, 0, 2, 1, -1, 3};
        int[] y = new int[x1.length];
        for (int i = 0; i < y.length; i++) y[i] = x1[i] + x2[i] > 0 ? 1 : 0;
        Separation s = SeparationCheck.check(Design.of(List.of("x1", "x2"), x1, x2), y);
        assertTrue(s.detected(), s.toString());
        assertEquals(List.of("x1", "x2"), s.predictors());
    }

    @Test
    void fewEventsPerParameterWarns() {
        int[] y = Arrays.copyOf(RReference.ints(COHORT, "success"), 40);
        Design d = design(COHORT, "bme", "sex", "width", "age");
        double[][] c = new double[4][];
        for (int j = 0; j < 4; j++) c[j] = Arrays.copyOf(d.columns()[j], 40);
        LogisticFit fit = LogisticRegression.fit(new Design(d.names(), c), y);
        int events = Arrays.stream(y).sum();
        assertEquals(Math.min(events, 40 - events) / 4.0, fit.eventsPerParameter(), 1e-12);
        assertTrue(fit.warnings().stream().anyMatch(w -> w.contains("events per parameter")), fit.warnings().toString());
    }

    @Test
    void badInputIsRejectedWithTheOffendingValue() {
        double[] x = {1, 2, 3, 4};
        var e = assertThrows(StatsInputException.InvalidValueException.class,
                () -> LogisticRegression.fit(Design.of(List.of("x"), x), new int[] {0, 1, 2, 0}));
        assertEquals(2, e.row());
        assertEquals(2.0, e.value());
        var m = assertThrows(StatsInputException.MissingValueException.class,
                () -> Design.of(List.of("x"), new double[] {1, Double.NaN}));
        assertEquals("x", m.column());
        var s = assertThrows(StatsInputException.SingularDesignException.class,
                () -> LogisticRegression.fit(Design.of(List.of("x", "twice"), x, new double[] {2, 4, 6, 8}),
                        new int[] {0, 1, 1, 0}));
        assertEquals("twice", s.predictor());
        assertThrows(StatsInputException.DegenerateDataException.class,
                () -> LogisticRegression.fit(Design.of(List.of("x"), x), new int[] {1, 1, 1, 1}));
        assertThrows(StatsInputException.DimensionMismatchException.class,
                () -> LogisticRegression.fit(Design.of(List.of("x"), x), new int[] {1, 0, 1}));
    }

    @AfterAll
    static void report() {
        System.out.println("logistic vs R: " + REF.summary());
    }
}
