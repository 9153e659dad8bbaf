package org.parsreader.scoring.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.parsreader.scoring.predictors.ColumnRole;
import org.parsreader.scoring.predictors.DataDictionary;
import org.parsreader.scoring.predictors.PredictorDef;
import org.parsreader.scoring.predictors.PredictorTable;
import org.parsreader.scoring.stats.Coefficient;
import org.parsreader.scoring.stats.Design;
import org.parsreader.scoring.stats.FitOptions;
import org.parsreader.scoring.stats.LogisticFit;
import org.parsreader.scoring.stats.StatsInputException;

/**
 * Multivariable logistic regression of {@code success_<t>} on a chosen set of predictors, per
 * reader and time point, on the complete cases (patients with the outcome and every
 * predictor; how many were dropped for a missing predictor is reported). Maximum likelihood
 * with Wald intervals; Firth's penalised likelihood with profile intervals when separation
 * is detected, as in {@link UnivariableAnalysis}.
 *
 * <pre>{@code
 * List<String> set = MultivariableAnalysis.checkPredictors(table.dictionary(), List.of("bme_isthmic_any", "contrast_n_compartments"));
 * MultivariableResult m = MultivariableAnalysis.fit(table, "R1", "15min", set, FitOptions.DEFAULT);
 * }</pre>
 */
public final class MultivariableAnalysis {
    private MultivariableAnalysis() { }

    /**
     * The predictor set, checked against the dictionary: every name must be a predictor
     * column; otherwise the error names the unknown ones and lists the valid names.
     */
    public static List<String> checkPredictors(DataDictionary dictionary, List<String> names) {
        List<String> valid = dictionary.entries().stream().filter(d -> d.role() == ColumnRole.PREDICTOR).map(PredictorDef::name).toList();
        LinkedHashSet<String> set = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            String s = n.trim();
            if (s.isEmpty()) continue;
            if (!valid.contains(s)) unknown.add(s);
            else set.add(s);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown predictor" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + " for the multivariable model; valid predictors: " + String.join(", ", valid));
        }
        if (set.isEmpty()) throw new IllegalArgumentException("the multivariable model needs at least one predictor; valid predictors: "
                + String.join(", ", valid));
        return List.copyOf(set);
    }

    /** The model for one reader and time point; {@code predictors} as returned by {@link #checkPredictors}. */
    public static MultivariableResult fit(PredictorTable table, String reader, String timePoint, List<String> predictors, FitOptions options) {
        return fit(table, reader, timePoint, predictors, options, false);
    }

    /** @param firthAlways Firth (on request), not only where separation is detected */
    public static MultivariableResult fit(PredictorTable table, String reader, String timePoint, List<String> predictors, FitOptions options,
                                          boolean firthAlways) {
        double[] y = table.column("success_" + timePoint, reader);
        int k = predictors.size();
        double[][] x = new double[k][];
        for (int j = 0; j < k; j++) x[j] = table.column(predictors.get(j), reader);
        int n = 0;
        int dropped = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) continue;
            if (complete(x, i)) n++;
            else dropped++;
        }
        double[][] xs = new double[k][n];
        int[] ys = new int[n];
        int events = 0;
        for (int i = 0, r = 0; i < y.length; i++) {
            if (Double.isNaN(y[i]) || !complete(x, i)) continue;
            for (int j = 0; j < k; j++) xs[j][r] = x[j][i];
            ys[r] = (int) y[i];
            events += ys[r];
            r++;
        }
        String why = n == 0 ? "no patient has the outcome and every predictor"
                : events == 0 || events == n ? "the outcome is the same for all " + n + " complete cases"
                : constant(predictors, xs);
        if (why != null) return notFitted(reader, timePoint, predictors, n, dropped, events, why);
        Design design = new Design(predictors, xs);
        try {
            ModelFit m = ModelFit.of(design, ys, options, firthAlways);
            LogisticFit fit = m.fit();
            List<MultivariableResult.Term> terms = new ArrayList<>();
            for (String p : predictors) {
                Coefficient c = fit.coefficient(p);
                terms.add(new MultivariableResult.Term(p, c.estimate(), c.se(), c.oddsRatio(), m.lower(c), m.upper(c), m.ciMethod(),
                        c.pWald(), c.lrChiSquare(), c.pLr()));
            }
            return new MultivariableResult(reader, timePoint, predictors, n, dropped, events, fit.method(), terms, fit.modelChiSquare(),
                    fit.modelDf(), fit.modelP(), fit.eventsPerParameter(), fit.warnings(), m.note());
        } catch (StatsInputException e) {
            return notFitted(reader, timePoint, predictors, n, dropped, events, e.getMessage());
        }
    }

    private static boolean complete(double[][] x, int i) {
        for (double[] c : x) if (Double.isNaN(c[i])) return false;
        return true;
    }

    private static String constant(List<String> names, double[][] xs) {
        for (int j = 0; j < xs.length; j++) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double v : xs[j]) { min = Math.min(min, v); max = Math.max(max, v); }
            if (min == max) return names.get(j) + " is the same for all " + xs[j].length + " complete cases";
        }
        return null;
    }

    private static MultivariableResult notFitted(String reader, String timePoint, List<String> predictors, int n, int dropped, int events,
                                                 String why) {
        return new MultivariableResult(reader, timePoint, predictors, n, dropped, events, null, List.of(), Double.NaN, predictors.size(),
                Double.NaN, Math.min(events, n - events) / (double) predictors.size(), List.of(), "not fitted: " + why);
    }
}
