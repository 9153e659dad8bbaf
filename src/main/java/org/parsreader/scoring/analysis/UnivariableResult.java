package org.parsreader.scoring.analysis;

import java.util.List;
import org.parsreader.scoring.predictors.PredictorType;
import org.parsreader.scoring.stats.LogisticFit;

/**
 * One univariable logistic model {@code success_t ~ predictor} for one reader. When the
 * model could not be fitted (constant predictor, no events ...) {@code method} is null, the
 * numbers are NaN and {@code note} says why.
 *
 * @param n         patients with both the predictor and the outcome
 * @param events    successes among them
 * @param method    ML, or FIRTH when separation was detected
 * @param ciMethod  "Wald" (ML) or "profile" (Firth's penalised profile likelihood)
 * @param pWald     Wald test of the slope
 * @param pLr       likelihood-ratio test of the slope (Firth: penalised)
 * @param eventsPerParameter min(events, non-events) per predictor
 * @param warnings  separation, events-per-parameter and convergence warnings of the fit
 * @param adjustedWald {@code pWald} adjusted for multiplicity ({@link Multiplicity}; {@link AdjustedP#NONE} until then)
 * @param adjustedLr   {@code pLr} adjusted for multiplicity
 */
public record UnivariableResult(String reader, String timePoint, String predictor, PredictorType type, int n, int events,
                                LogisticFit.Method method, double oddsRatio, double lower, double upper, String ciMethod,
                                double pWald, double pLr, double eventsPerParameter, List<String> warnings, String note,
                                AdjustedP adjustedWald, AdjustedP adjustedLr) {
    public UnivariableResult {
        warnings = List.copyOf(warnings);
        if (adjustedWald == null) adjustedWald = AdjustedP.NONE;
        if (adjustedLr == null) adjustedLr = AdjustedP.NONE;
    }

    /** A result not (yet) adjusted for multiplicity. */
    public UnivariableResult(String reader, String timePoint, String predictor, PredictorType type, int n, int events,
                             LogisticFit.Method method, double oddsRatio, double lower, double upper, String ciMethod,
                             double pWald, double pLr, double eventsPerParameter, List<String> warnings, String note) {
        this(reader, timePoint, predictor, type, n, events, method, oddsRatio, lower, upper, ciMethod, pWald, pLr, eventsPerParameter,
                warnings, note, AdjustedP.NONE, AdjustedP.NONE);
    }

    /** This result with its adjusted p-values. */
    public UnivariableResult withAdjusted(AdjustedP wald, AdjustedP lr) {
        return new UnivariableResult(reader, timePoint, predictor, type, n, events, method, oddsRatio, lower, upper, ciMethod, pWald, pLr,
                eventsPerParameter, warnings, note, wald, lr);
    }

    public boolean fitted() {
        return method != null;
    }

    public boolean lowEventsPerParameter() {
        return eventsPerParameter < org.parsreader.scoring.stats.LogisticRegression.MIN_EVENTS_PER_PARAMETER;
    }
}
