package org.parsreader.scoring.analysis;

import java.util.List;
import org.parsreader.scoring.stats.LogisticFit;

/**
 * One multivariable logistic model {@code success_t ~ x1 + x2 + ...} for one reader and time
 * point, fitted on the complete cases. When it could not be fitted {@code method} is null,
 * {@code terms} is empty and {@code note} says why.
 *
 * @param predictors     the model's predictors, in the order asked for
 * @param n              complete cases (outcome and every predictor known)
 * @param dropped        patients with a known outcome left out because a predictor is missing
 * @param events         successes among the complete cases
 * @param method         ML, or FIRTH when separation was detected
 * @param terms          one per predictor (no intercept)
 * @param modelChiSquare likelihood-ratio chi-square of the model against intercept only (Firth: penalised)
 * @param modelDf        its degrees of freedom
 * @param modelP         its p-value
 * @param eventsPerParameter min(events, non-events) / number of predictors
 * @param warnings       separation, events-per-parameter and convergence warnings of the fit
 */
public record MultivariableResult(String reader, String timePoint, List<String> predictors, int n, int dropped, int events,
                                  LogisticFit.Method method, List<Term> terms, double modelChiSquare, int modelDf, double modelP,
                                  double eventsPerParameter, List<String> warnings, String note) {
    public MultivariableResult {
        predictors = List.copyOf(predictors);
        terms = List.copyOf(terms);
        warnings = List.copyOf(warnings);
    }

    /**
     * One adjusted coefficient.
     *
     * @param estimate log odds ratio
     * @param ciMethod "Wald" (ML) or "profile" (Firth)
     * @param pLr      drop-one likelihood-ratio test (Firth: penalised)
     * @param adjustedWald {@code pWald} adjusted for multiplicity ({@link Multiplicity}; {@link AdjustedP#NONE} until then)
     * @param adjustedLr   {@code pLr} adjusted for multiplicity
     */
    public record Term(String predictor, double estimate, double se, double oddsRatio, double lower, double upper, String ciMethod,
                       double pWald, double lrChiSquare, double pLr, AdjustedP adjustedWald, AdjustedP adjustedLr) {
        public Term {
            if (adjustedWald == null) adjustedWald = AdjustedP.NONE;
            if (adjustedLr == null) adjustedLr = AdjustedP.NONE;
        }

        /** A term not (yet) adjusted for multiplicity. */
        public Term(String predictor, double estimate, double se, double oddsRatio, double lower, double upper, String ciMethod,
                    double pWald, double lrChiSquare, double pLr) {
            this(predictor, estimate, se, oddsRatio, lower, upper, ciMethod, pWald, lrChiSquare, pLr, AdjustedP.NONE, AdjustedP.NONE);
        }

        /** This term with its adjusted p-values. */
        public Term withAdjusted(AdjustedP wald, AdjustedP lr) {
            return new Term(predictor, estimate, se, oddsRatio, lower, upper, ciMethod, pWald, lrChiSquare, pLr, wald, lr);
        }
    }

    /** This model with other terms (the same predictors, adjusted p-values added). */
    public MultivariableResult withTerms(List<Term> newTerms) {
        return new MultivariableResult(reader, timePoint, predictors, n, dropped, events, method, newTerms, modelChiSquare, modelDf, modelP,
                eventsPerParameter, warnings, note);
    }

    public boolean fitted() {
        return method != null;
    }

    public boolean lowEventsPerParameter() {
        return eventsPerParameter < org.parsreader.scoring.stats.LogisticRegression.MIN_EVENTS_PER_PARAMETER;
    }

    /** The term of this predictor. */
    public Term term(String predictor) {
        return terms.stream().filter(t -> t.predictor().equals(predictor)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term '" + predictor + "' in " + predictors));
    }
}
