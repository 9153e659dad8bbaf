package org.parsreader.scoring.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Binary logistic regression by maximum likelihood, with intercept: R's
 * {@code glm(y ~ ., family = binomial)} with {@code summary}, {@code confint.default}
 * (Wald intervals), {@code drop1(test = "LRT")} and the likelihood-ratio test against the
 * intercept-only model. Every fit is also checked for separation and for fewer than
 * {@value #MIN_EVENTS_PER_PARAMETER} events per parameter (Peduzzi et al. 1996), where
 * events = min(events, non-events) and parameters exclude the intercept.
 */
public final class LogisticRegression {
    public static final int MIN_EVENTS_PER_PARAMETER = 10;

    private LogisticRegression() { }

    /** Fits {@code outcome ~ design} with default options. */
    public static LogisticFit fit(Design design, int[] outcome) {
        return fit(design, outcome, FitOptions.DEFAULT);
    }

    /** Fits {@code outcome ~ design}; outcome values must be 0 or 1. */
    public static LogisticFit fit(Design design, int[] outcome, FitOptions options) {
        LogisticCore core = new LogisticCore(design, outcome);
        int p = core.p;
        LogisticCore.Estimate est = core.fit(false, LogisticCore.allFree(p), core.nullStart(),
                options.tolerance(), options.maxIterations());
        Separation sep = SeparationCheck.check(core, est);
        double[] lr = new double[p];
        java.util.Arrays.fill(lr, Double.NaN);
        if (options.likelihoodRatio()) {
            for (int j = 1; j < p; j++) {
                boolean[] free = LogisticCore.allFree(p);
                free[j] = false;
                double[] start = est.beta().clone();
                start[j] = 0;
                LogisticCore.Estimate reduced = core.fit(false, free, start, options.tolerance(),
                        options.maxIterations());
                lr[j] = 2 * (est.logLik() - reduced.logLik());
            }
        }
        double nullLogLik = nullLogLik(core);
        double modelChi = 2 * (est.logLik() - nullLogLik);
        List<String> warnings = new ArrayList<>();
        if (!est.converged()) warnings.add("maximum likelihood did not converge in " + est.iterations() + " iterations");
        if (sep.detected()) {
            warnings.add("separation: " + sep.description() + "; ML estimates are not finite, use Firth's method");
        } else if (sep.fittedZeroOrOne()) {
            warnings.add(sep.description());
        }
        epvWarning(core, warnings);
        return new LogisticFit(LogisticFit.Method.ML, coefficients(core, est, lr, null, null, options),
                est.cov(), core.n, core.events(), est.logLik(), Double.NaN, -2 * est.logLik(),
                -2 * est.logLik() + 2 * p, modelChi, p - 1, Distributions.chiSquareSf(Math.max(modelChi, 0), p - 1),
                est.iterations(), est.converged(), sep, warnings);
    }

    /** One model per predictor, {@code outcome ~ x_j}, in design order. */
    public static List<LogisticFit> univariable(Design design, int[] outcome, FitOptions options) {
        List<LogisticFit> fits = new ArrayList<>(design.p());
        for (int j = 0; j < design.p(); j++) fits.add(fit(design.select(j), outcome, options));
        return fits;
    }

    /** Log-likelihood of the intercept-only model, e log(e/n) + (n-e) log(1-e/n). */
    static double nullLogLik(LogisticCore core) {
        double e = core.events();
        double n = core.n;
        return e * Math.log(e / n) + (n - e) * Math.log1p(-e / n);
    }

    static void epvWarning(LogisticCore core, List<String> warnings) {
        int k = core.p - 1;
        if (k == 0) return;
        int e = Math.min(core.events(), core.n - core.events());
        double epv = e / (double) k;
        if (epv < MIN_EVENTS_PER_PARAMETER) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "%.1f events per parameter (%d %s, %d parameters) is below %d; estimates may be biased"
                            + " and unstable", epv, e, e == core.events() ? "events" : "non-events", k,
                    MIN_EVENTS_PER_PARAMETER));
        }
    }

    static List<Coefficient> coefficients(LogisticCore core, LogisticCore.Estimate est, double[] lr,
                                          double[] profileLower, double[] profileUpper, FitOptions options) {
        double zc = Distributions.normalQuantile(0.5 + 0.5 * options.confidenceLevel());
        List<Coefficient> out = new ArrayList<>(core.p);
        for (int j = 0; j < core.p; j++) {
            double b = est.beta()[j];
            double se = est.cov() == null ? Double.NaN : Math.sqrt(est.cov()[j][j]);
            double z = b / se;
            double chi = lr[j];
            out.add(new Coefficient(core.names[j], b, se, z, Distributions.twoSidedP(z), Math.exp(b),
                    Math.exp(b - zc * se), Math.exp(b + zc * se), chi,
                    Double.isNaN(chi) ? Double.NaN : Distributions.chiSquareSf(Math.max(chi, 0), 1),
                    profileLower == null ? Double.NaN : Math.exp(profileLower[j]),
                    profileUpper == null ? Double.NaN : Math.exp(profileUpper[j])));
        }
        return out;
    }
}
