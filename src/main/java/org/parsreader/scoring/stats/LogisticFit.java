package org.parsreader.scoring.stats;

import java.util.List;

/**
 * A fitted logistic model (maximum likelihood or Firth).
 *
 * @param method            ML or FIRTH
 * @param coefficients      intercept first, then predictors in design order
 * @param covariance        inverse Fisher information at the estimates (p x p)
 * @param n                 subjects
 * @param events            subjects with outcome 1
 * @param logLik            log-likelihood at the estimates (unpenalised, also for Firth)
 * @param penalisedLogLik   Firth: l + 1/2 ln det I at the estimates; NaN for ML
 * @param deviance          -2 logLik
 * @param aic               deviance + 2 p (as R's glm and brglm2)
 * @param modelChiSquare    likelihood-ratio statistic of the model against intercept only
 *                          (Firth: penalised, the null model keeps the full model's penalty)
 * @param modelDf           its degrees of freedom (number of predictors)
 * @param modelP            its chi-square p-value
 * @param iterations        Newton iterations of the main fit
 * @param converged         whether the main fit converged
 * @param separation        separation check (run for both methods)
 * @param warnings          events-per-parameter, separation and convergence warnings
 */
public record LogisticFit(Method method, List<Coefficient> coefficients, double[][] covariance, int n, int events,
                          double logLik, double penalisedLogLik, double deviance, double aic,
                          double modelChiSquare, int modelDf, double modelP, int iterations, boolean converged,
                          Separation separation, List<String> warnings) {
    public enum Method { ML, FIRTH }

    public LogisticFit {
        coefficients = List.copyOf(coefficients);
        warnings = List.copyOf(warnings);
    }

    /** The coefficient with this name. */
    public Coefficient coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new StatsInputException("no coefficient '" + name + "'"));
    }

    /** min(events, non-events) / number of predictors; infinite for the intercept-only model. */
    public double eventsPerParameter() {
        int k = coefficients.size() - 1;
        return k == 0 ? Double.POSITIVE_INFINITY : Math.min(events, n - events) / (double) k;
    }
}
