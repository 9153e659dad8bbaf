package org.parsreader.scoring.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parsreader.scoring.outcome.ContinuousOutcome;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.PatientOutcome;
import org.parsreader.scoring.predictors.ColumnRole;
import org.parsreader.scoring.predictors.PredictorDef;
import org.parsreader.scoring.predictors.PredictorTable;
import org.parsreader.scoring.stats.Design;
import org.parsreader.scoring.stats.LinearRegression;
import org.parsreader.scoring.stats.StatsInputException;

/**
 * Linear regression of a continuous outcome (PPR, NRS change, ODI change:
 * {@link ContinuousOutcome}) at a time point on the predictors of the predictor table, per
 * reader: one univariable model per predictor (as {@link UnivariableAnalysis} does for the
 * binary outcome) and, when a predictor set is given, one multivariable model on the complete
 * cases (as {@link MultivariableAnalysis}). OLS with t-based 95 % intervals
 * ({@link LinearRegression}, equal to R's lm / confint).
 *
 * <pre>{@code
 * List<LinearResult> r = LinearAnalysis.univariable(table, outcomes, ContinuousOutcome.parse("change@odi"), "R1", "1month");
 * }</pre>
 */
public final class LinearAnalysis {
    public static final double LEVEL = 0.95;

    private LinearAnalysis() { }

    /** The outcome for each of the reader's rows of the table, in row order (NaN when missing). */
    public static double[] outcome(PredictorTable table, OutcomeTable outcomes, ContinuousOutcome o, String reader, String timePoint) {
        Map<String, PatientOutcome> by = outcomes.byPseudonym();
        return table.rows(reader).stream().mapToDouble(r -> {
            PatientOutcome p = by.get(r.pseudonym());
            return p == null ? Double.NaN : o.value(p, timePoint);
        }).toArray();
    }

    /** One model per predictor column of the table. */
    public static List<LinearResult> univariable(PredictorTable table, OutcomeTable outcomes, ContinuousOutcome o, String reader, String timePoint) {
        double[] y = outcome(table, outcomes, o, reader, timePoint);
        List<LinearResult> out = new ArrayList<>();
        for (PredictorDef d : table.dictionary().entries()) {
            if (d.role() != ColumnRole.PREDICTOR) continue;
            out.add(fit(o.key(), reader, timePoint, d, table.column(d.name(), reader), y));
        }
        return out;
    }

    /** One model; rows where x or y is NaN are left out. */
    public static LinearResult fit(String outcome, String reader, String timePoint, PredictorDef d, double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) n++;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
            xs[k] = x[i];
            ys[k++] = y[i];
        }
        String why = n < 3 ? n + " patient(s) have both the predictor and the outcome; a line needs at least 3" : null;
        if (why == null) {
            try {
                LinearRegression.LinearFit f = LinearRegression.fit(Design.of(List.of(d.name()), xs), ys, LEVEL);
                LinearRegression.Term t = f.coefficient(d.name());
                return new LinearResult(outcome, reader, timePoint, d.name(), d.type(), n, t.estimate(), t.se(), t.t(), f.df(), t.lower(), t.upper(),
                        t.p(), f.rSquared(), "", AdjustedP.NONE);
            } catch (StatsInputException e) {
                why = e instanceof StatsInputException.SingularDesignException ? "the predictor is the same for all " + n + " patients" : e.getMessage();
            }
        }
        return new LinearResult(outcome, reader, timePoint, d.name(), d.type(), n, Double.NaN, Double.NaN, Double.NaN, Math.max(0, n - 2),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, "not fitted: " + why, AdjustedP.NONE);
    }

    /** The multivariable model of {@code predictors} (checked by {@link MultivariableAnalysis#checkPredictors}) for one reader. */
    public static LinearModelResult multivariable(PredictorTable table, OutcomeTable outcomes, ContinuousOutcome o, String reader, String timePoint,
                                                  List<String> predictors) {
        double[] y = outcome(table, outcomes, o, reader, timePoint);
        double[][] x = new double[predictors.size()][];
        for (int j = 0; j < x.length; j++) x[j] = table.column(predictors.get(j), reader);
        return model(o.key(), reader, timePoint, predictors, x, y);
    }

    /** y ~ x on the complete cases; {@code names} name the columns of x. */
    public static LinearModelResult model(String outcome, String reader, String timePoint, List<String> names, double[][] x, double[] y) {
        int k = names.size();
        int n = 0, dropped = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) continue;
            if (complete(x, i)) n++;
            else dropped++;
        }
        double[][] xs = new double[k][n];
        double[] ys = new double[n];
        for (int i = 0, r = 0; i < y.length; i++) {
            if (Double.isNaN(y[i]) || !complete(x, i)) continue;
            for (int j = 0; j < k; j++) xs[j][r] = x[j][i];
            ys[r++] = y[i];
        }
        String why;
        if (n <= k + 1) {
            why = n + " complete case(s) for " + (k + 1) + " parameters";
        } else {
            try {
                LinearRegression.LinearFit f = LinearRegression.fit(new Design(names, xs), ys, LEVEL);
                List<LinearModelResult.Term> terms = new ArrayList<>();
                for (String p : names) {
                    LinearRegression.Term t = f.coefficient(p);
                    terms.add(new LinearModelResult.Term(p, t.estimate(), t.se(), t.t(), t.lower(), t.upper(), t.p(), AdjustedP.NONE));
                }
                return new LinearModelResult(outcome, reader, timePoint, names, n, dropped, terms, f.rSquared(), f.adjustedRSquared(),
                        f.fStatistic(), f.fDf1(), f.df(), f.fP(), "");
            } catch (StatsInputException e) {
                why = e.getMessage();
            }
        }
        return new LinearModelResult(outcome, reader, timePoint, names, n, dropped, List.of(), Double.NaN, Double.NaN, Double.NaN, k,
                Math.max(0, n - k - 1), Double.NaN, "not fitted: " + why);
    }

    private static boolean complete(double[][] x, int i) {
        for (double[] c : x) if (Double.isNaN(c[i])) return false;
        return true;
    }
}
