package org.parsreader.scoring.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Firth against brglm2::brglmFit(type = "AS_mean") (estimates, Wald SE, p) and
 * scripts/r-reference/firth-profile.R (penalised LR tests and profile limits, as logistf).
 */
class FirthLogisticRegressionTest {
    static final RReference REF = RReference.load("/scoring/logistic-reference.csv");

    static void compare(String dataset, String model, LogisticFit fit) {
        LogisticRegressionTest.compare(REF, dataset, model, fit, false);
        assertEquals(LogisticFit.Method.FIRTH, fit.method());
    }

    @Test
    void separatedRarePredictorGetsFiniteEstimateAndProfileInterval() {
        int[] y = RReference.ints(LogisticRegressionTest.COHORT, "success");
        LogisticFit fit = FirthLogisticRegression.fit(LogisticRegressionTest.design(LogisticRegressionTest.COHORT,
                "rare"), y);
        compare("cohort", "firth_uni_rare", fit);
        assertTrue(fit.separation().detected());
        assertEquals(List.of("rare"), fit.separation().predictors());
        Coefficient rare = fit.coefficient("rare");
        assertEquals(19.59, rare.oddsRatio(), 0.01);
        // profile interval excludes 1 while the Wald interval does not: why profile limits are used
        assertTrue(rare.profileLower() > 1 && rare.waldLower() < 1);
    }

    @Test
    void multivariableWithSeparationEqualsBrglm2() {
        LogisticFit fit = FirthLogisticRegression.fit(LogisticRegressionTest.design(LogisticRegressionTest.COHORT,
                "bme", "sex", "width", "age", "rare"), RReference.ints(LogisticRegressionTest.COHORT, "success"));
        compare("cohort", "firth_multi_rare", fit);
    }

    @Test
    void multivariableWithoutSeparationEqualsBrglm2() {
        LogisticFit fit = FirthLogisticRegression.fit(LogisticRegressionTest.design(LogisticRegressionTest.COHORT,
                "bme", "sex", "width", "age"), RReference.ints(LogisticRegressionTest.COHORT, "success"));
        compare("cohort", "firth_multi", fit);
        assertTrue(!fit.separation().detected() && fit.warnings().isEmpty(), fit.warnings().toString());
    }

    @Test
    void classicInfertEqualsBrglm2() {
        LogisticFit fit = FirthLogisticRegression.fit(LogisticRegressionTest.design(LogisticRegressionTest.INFERT,
                "spontaneous", "induced"), RReference.ints(LogisticRegressionTest.INFERT, "case"));
        compare("infert", "firth_multi", fit);
    }

    @AfterAll
    static void report() {
        System.out.println("Firth vs R: " + REF.summary());
    }
}
