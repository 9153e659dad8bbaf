package org.parsreader.scoring.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Detects (quasi-)complete separation, where the maximum-likelihood estimates do not
 * exist and ML odds ratios, SEs and Wald tests are meaningless (Albert &amp; Anderson 1984).
 *
 * <p>Two checks. (1) Exact, per predictor: predictor j alone separates when every event
 * has {@code x_j >= c} and every non-event {@code x_j <= c} for some c (or the reverse);
 * for a 0/1 predictor this is a zero cell in its 2x2 table with the outcome. Such a
 * predictor separates every model that contains it. (2) Divergence, for separation by a
 * combination of predictors: on separated data Newton's iterates move the linear
 * predictor by about one unit per iteration for ever, so ten iterations after the 15th from the
 * start are compared and predictors whose coefficient moves the linear predictor by more
 * than 0.5 over its observed range are reported. This second check is a heuristic (an
 * exact answer needs a linear programme, as in R's detectseparation); it runs when the
 * fit did not converge, when fitted probabilities are numerically 0 or 1 (R glm's
 * threshold 10 * machine epsilon), or when check (1) fired.
 */
public final class SeparationCheck {
    /** R glm's threshold for "fitted probabilities numerically 0 or 1 occurred". */
    static final double ZERO_ONE_EPS = 10 * Math.ulp(1.0);
    private static final double DIVERGENCE_ETA = 0.5;

    private SeparationCheck() { }

    /** Checks the model {@code outcome ~ design} (fits it by ML). */
    public static Separation check(Design design, int[] outcome) {
        LogisticCore core = new LogisticCore(design, outcome);
        FitOptions o = FitOptions.DEFAULT;
        return check(core, core.fit(false, LogisticCore.allFree(core.p), core.nullStart(), o.tolerance(),
                o.maxIterations()));
    }

    static Separation check(LogisticCore core, LogisticCore.Estimate ml) {
        List<String> found = new ArrayList<>();
        List<String> text = new ArrayList<>();
        double[] range = new double[core.p];
        for (int j = 1; j < core.p; j++) {
            double min0 = Double.POSITIVE_INFINITY, max0 = Double.NEGATIVE_INFINITY;
            double min1 = Double.POSITIVE_INFINITY, max1 = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < core.n; i++) {
                double v = core.x[i][j];
                if (core.y[i] == 1) { min1 = Math.min(min1, v); max1 = Math.max(max1, v); }
                else { min0 = Math.min(min0, v); max0 = Math.max(max0, v); }
            }
            range[j] = Math.max(max0, max1) - Math.min(min0, min1);
            boolean up = min1 >= max0;
            boolean down = max1 <= min0;
            if (up || down) {
                boolean complete = up ? min1 > max0 : max1 < min0;
                found.add(core.names[j]);
                text.add(String.format("'%s' %s separates the outcome: events have values %s %s,"
                                + " non-events %s %s", core.names[j], complete ? "completely" : "quasi-completely",
                        up ? ">=" : "<=", fmt(up ? min1 : max1), up ? "<=" : ">=", fmt(up ? max0 : min0)));
            }
        }
        boolean zeroOne = false;
        for (double m : ml.mu()) if (m < ZERO_ONE_EPS || m > 1 - ZERO_ONE_EPS) { zeroOne = true; break; }
        if (!ml.converged() || zeroOne || !found.isEmpty()) {
            // iterations 15 -> 25 from the null start: far enough to see the drift, before weights underflow
            LogisticCore.Estimate early = core.fit(false, LogisticCore.allFree(core.p), core.nullStart(), 0, 15);
            if (!early.infoSingular()) {
                LogisticCore.Estimate more = core.fit(false, LogisticCore.allFree(core.p), early.beta(), 0, 10);
                List<String> diverging = new ArrayList<>();
                for (int j = 1; j < core.p; j++) {
                    if (Math.abs(more.beta()[j] - early.beta()[j]) * range[j] > DIVERGENCE_ETA) {
                        diverging.add(core.names[j]);
                    }
                }
                if (!diverging.isEmpty()) {
                    text.add("ML coefficients diverge for " + diverging);
                    for (String d : diverging) if (!found.contains(d)) found.add(d);
                }
            } else {
                text.add("the Fisher information became singular (all weights vanish): complete separation");
            }
        }
        boolean detected = !found.isEmpty() || ml.infoSingular();
        if (zeroOne) text.add("fitted probabilities numerically 0 or 1 occurred");
        return new Separation(detected, found, zeroOne, String.join("; ", text));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
