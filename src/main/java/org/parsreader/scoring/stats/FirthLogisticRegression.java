package org.parsreader.scoring.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Firth's penalised-likelihood logistic regression (Firth 1993; Heinze &amp; Schemper 2002):
 * maximises {@code l(b) + 1/2 ln det I(b)} (Jeffreys prior), which gives finite
 * estimates under separation. Estimates and Wald SEs equal R's
 * {@code brglm2::brglmFit(type = "AS_mean")} and {@code logistf}. Likelihood-ratio tests
 * and profile intervals use the penalised likelihood with the full model's penalty, as
 * {@code logistf} does: the statistic for b_j = b0 is
 * {@code 2 (l*(b^) - max_{b: b_j = b0} l*(b))}, referred to chi-square with 1 df; the
 * profile interval is the set of b0 where that statistic is below the chi-square
 * quantile. The model test holds all slopes at 0 and keeps the full penalty.
 */
public final class FirthLogisticRegression {
    private FirthLogisticRegression() { }

    public static LogisticFit fit(Design design, int[] outcome) {
        return fit(design, outcome, FitOptions.DEFAULT);
    }

    public static LogisticFit fit(Design design, int[] outcome, FitOptions options) {
        LogisticCore core = new LogisticCore(design, outcome);
        int p = core.p;
        double tol = options.tolerance();
        int maxit = Math.max(options.maxIterations(), 100);
        LogisticCore.Estimate ml = core.fit(false, LogisticCore.allFree(p), core.nullStart(), tol,
                options.maxIterations());
        Separation sep = SeparationCheck.check(core, ml);
        LogisticCore.Estimate est = core.fit(true, LogisticCore.allFree(p), core.nullStart(), tol, maxit);
        if (est.cov() == null) {
            throw new StatsInputException.DegenerateDataException("Fisher information singular at the Firth estimate");
        }
        double[] lr = new double[p];
        double[] lower = null;
        double[] upper = null;
        Arrays.fill(lr, Double.NaN);
        if (options.likelihoodRatio()) {
            for (int j = 0; j < p; j++) {
                lr[j] = 2 * (est.penalisedLogLik() - constrained(core, est.beta(), j, 0, tol, maxit).penalisedLogLik());
            }
        }
        if (options.profileIntervals()) {
            double q = Distributions.chiSquare1Quantile(options.confidenceLevel());
            lower = new double[p];
            upper = new double[p];
            for (int j = 0; j < p; j++) {
                lower[j] = profileLimit(core, est, j, -1, q, tol, maxit);
                upper[j] = profileLimit(core, est, j, +1, q, tol, maxit);
            }
        }
        boolean[] onlyIntercept = new boolean[p];
        onlyIntercept[0] = true;
        double[] nullStart = core.nullStart();
        LogisticCore.Estimate nullFit = core.fit(true, onlyIntercept, nullStart, tol, maxit);
        double modelChi = 2 * (est.penalisedLogLik() - nullFit.penalisedLogLik());
        List<String> warnings = new ArrayList<>();
        if (!est.converged()) warnings.add("Firth's penalised likelihood did not converge in " + est.iterations() + " iterations");
        if (sep.detected()) warnings.add("separation (ML estimates do not exist; Firth estimates shown): " + sep.description());
        LogisticRegression.epvWarning(core, warnings);
        return new LogisticFit(LogisticFit.Method.FIRTH,
                LogisticRegression.coefficients(core, est, lr, lower, upper, options), est.cov(), core.n,
                core.events(), est.logLik(), est.penalisedLogLik(), -2 * est.logLik(), -2 * est.logLik() + 2 * p,
                modelChi, p - 1, Distributions.chiSquareSf(Math.max(modelChi, 0), p - 1), est.iterations(),
                est.converged(), sep, warnings);
    }

    /** Maximum of the penalised likelihood with b_j held at value (full-model penalty). */
    private static LogisticCore.Estimate constrained(LogisticCore core, double[] start, int j, double value,
                                                     double tol, int maxit) {
        boolean[] free = LogisticCore.allFree(core.p);
        free[j] = false;
        double[] s = start.clone();
        s[j] = value;
        return core.fit(true, free, s, tol, maxit);
    }

    /**
     * The profile limit on one side: the root of
     * {@code g(b) = 2 (l*max - l*prof(b)) - q}, bracketed by doubling the distance from the
     * estimate (start: the Wald limit), then found by the Illinois variant of regula falsi
     * to 1e-10 relative. Infinite when no bracket is found within 2^40 Wald half-widths.
     */
    private static double profileLimit(LogisticCore core, LogisticCore.Estimate est, int j, int side, double q,
                                       double tol, int maxit) {
        double bhat = est.beta()[j];
        double half = Math.sqrt(q) * Math.sqrt(est.cov()[j][j]);
        double[] warm = est.beta().clone();
        java.util.function.DoubleUnaryOperator g = b -> {
            LogisticCore.Estimate e = constrained(core, warm, j, b, tol, maxit);
            System.arraycopy(e.beta(), 0, warm, 0, warm.length);
            return 2 * (est.penalisedLogLik() - e.penalisedLogLik()) - q;
        };
        double a = bhat;
        double ga = -q;
        double b = bhat + side * half;
        double gb = g.applyAsDouble(b);
        for (int k = 0; gb < 0; k++) {
            if (k == 40) return side * Double.POSITIVE_INFINITY;
            a = b;
            ga = gb;
            b = bhat + 2 * (b - bhat);
            gb = g.applyAsDouble(b);
        }
        int lastSide = 0;
        for (int it = 0; it < 200; it++) {
            double c = (a * gb - b * ga) / (gb - ga);
            double gc = g.applyAsDouble(c);
            if (gc == 0 || Math.abs(b - a) < 1e-10 * (1 + Math.abs(c))) return c;
            if (gc < 0) {
                a = c; ga = gc;
                if (lastSide == -1) gb *= 0.5;
                lastSide = -1;
            } else {
                b = c; gb = gc;
                if (lastSide == 1) ga *= 0.5;
                lastSide = 1;
            }
            if (Math.abs(gc) < 1e-12) return c;
        }
        return 0.5 * (a + b);
    }
}
