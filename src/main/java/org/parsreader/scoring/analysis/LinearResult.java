package org.parsreader.scoring.analysis;

import org.parsreader.scoring.predictors.PredictorType;

/**
 * One univariable linear model {@code outcome_t ~ predictor} for one reader (as R's {@code lm}):
 * the slope with its t-based confidence interval and two-sided p. When the model could not
 * be fitted the numbers are NaN and {@code note} says why.
 *
 * @param outcome  the continuous outcome's key ({@code ppr}, {@code change@odi})
 * @param n        patients with both the predictor and the outcome
 * @param df       residual degrees of freedom (n - 2)
 * @param adjusted p adjusted for multiplicity ({@link Multiplicity#adjustLinear}; {@link AdjustedP#NONE} until then)
 */
public record LinearResult(String outcome, String reader, String timePoint, String predictor, PredictorType type, int n,
                           double estimate, double se, double t, int df, double lower, double upper, double p, double rSquared,
                           String note, AdjustedP adjusted) {
    public LinearResult {
        if (adjusted == null) adjusted = AdjustedP.NONE;
    }

    public LinearResult withAdjusted(AdjustedP a) {
        return new LinearResult(outcome, reader, timePoint, predictor, type, n, estimate, se, t, df, lower, upper, p, rSquared, note, a);
    }

    public boolean fitted() {
        return !Double.isNaN(estimate);
    }
}
