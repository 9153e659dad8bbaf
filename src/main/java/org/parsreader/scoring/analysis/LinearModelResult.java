package org.parsreader.scoring.analysis;

import java.util.List;

/**
 * One multivariable linear model {@code outcome_t ~ x1 + x2 + ...} on the complete cases, for
 * one reader (or, for a group comparison, {@code reader} = "" and the group's indicator
 * columns as terms). When it could not be fitted {@code terms} is empty and {@code note} says
 * why.
 *
 * @param dropped patients with the outcome left out because a predictor is missing
 * @param fP      overall F test of the model against intercept only
 */
public record LinearModelResult(String outcome, String reader, String timePoint, List<String> predictors, int n, int dropped,
                                List<Term> terms, double rSquared, double adjustedRSquared, double fStatistic, int fDf1, int fDf2,
                                double fP, String note) {
    public LinearModelResult {
        predictors = List.copyOf(predictors);
        terms = List.copyOf(terms);
    }

    /** One coefficient: estimate, SE, t, t-based CI and p, with the p adjusted for multiplicity (within the model and over all). */
    public record Term(String predictor, double estimate, double se, double t, double lower, double upper, double p, AdjustedP adjusted) {
        public Term {
            if (adjusted == null) adjusted = AdjustedP.NONE;
        }

        public Term withAdjusted(AdjustedP a) {
            return new Term(predictor, estimate, se, t, lower, upper, p, a);
        }
    }

    public LinearModelResult withTerms(List<Term> newTerms) {
        return new LinearModelResult(outcome, reader, timePoint, predictors, n, dropped, newTerms, rSquared, adjustedRSquared, fStatistic,
                fDf1, fDf2, fP, note);
    }

    public boolean fitted() {
        return !terms.isEmpty();
    }

    public Term term(String predictor) {
        return terms.stream().filter(t -> t.predictor().equals(predictor)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term '" + predictor + "' in " + predictors));
    }
}
