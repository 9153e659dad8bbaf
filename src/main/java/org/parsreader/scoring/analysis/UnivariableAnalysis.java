package org.parsreader.scoring.analysis;

import java.util.ArrayList;
import java.util.List;
import org.parsreader.scoring.predictors.ColumnRole;
import org.parsreader.scoring.predictors.PredictorDef;
import org.parsreader.scoring.predictors.PredictorTable;
import org.parsreader.scoring.stats.Coefficient;
import org.parsreader.scoring.stats.Design;
import org.parsreader.scoring.stats.FitOptions;
import org.parsreader.scoring.stats.LogisticFit;
import org.parsreader.scoring.stats.StatsInputException;

/**
 * Univariable logistic regression of {@code success_<t>} on every predictor, per reader and
 * time point, on the patients with both values (complete case per predictor; the outcome
 * column already carries the missing-follow-up rule). Maximum likelihood with Wald
 * intervals; when separation is detected the model is refitted by Firth's penalised
 * likelihood with profile intervals, and that fit is reported.
 *
 * <pre>{@code
 * List<UnivariableResult> r = UnivariableAnalysis.run(table, "R1", "15min", FitOptions.DEFAULT);
 * }</pre>
 */
public final class UnivariableAnalysis {
    private UnivariableAnalysis() { }

    /** Every predictor column of the table for one reader and time point. */
    public static List<UnivariableResult> run(PredictorTable table, String reader, String timePoint, FitOptions options) {
        return run(table, reader, timePoint, options, false);
    }

    /** @param firthAlways Firth for every model (on request), not only where separation is detected */
    public static List<UnivariableResult> run(PredictorTable table, String reader, String timePoint, FitOptions options, boolean firthAlways) {
        // the reader's rows once, not once per predictor (table.column filters all rows each time)
        List<PredictorTable.Row> rows = table.rows(reader);
        double[] y = column(rows, table.dictionary().index("success_" + timePoint));
        List<UnivariableResult> out = new ArrayList<>();
        List<PredictorDef> entries = table.dictionary().entries();
        for (int j = 0; j < entries.size(); j++) {
            PredictorDef d = entries.get(j);
            if (d.role() != ColumnRole.PREDICTOR) continue;
            out.add(fit(reader, timePoint, d, column(rows, j), y, options, firthAlways));
        }
        return out;
    }

    private static double[] column(List<PredictorTable.Row> rows, int j) {
        double[] c = new double[rows.size()];
        for (int i = 0; i < c.length; i++) c[i] = rows.get(i).values()[j];
        return c;
    }

    /** One model; rows where x or y is NaN are left out. */
    public static UnivariableResult fit(String reader, String timePoint, PredictorDef d, double[] x, double[] y, FitOptions options) {
        return fit(reader, timePoint, d, x, y, options, false);
    }

    public static UnivariableResult fit(String reader, String timePoint, PredictorDef d, double[] x, double[] y, FitOptions options,
                                        boolean firthAlways) {
        int n = 0;
        for (int i = 0; i < x.length; i++) if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) n++;
        double[] xs = new double[n];
        int[] ys = new int[n];
        int events = 0;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = 0, k = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
            xs[k] = x[i];
            ys[k] = (int) y[i];
            events += ys[k];
            min = Math.min(min, x[i]);
            max = Math.max(max, x[i]);
            k++;
        }
        String why = n == 0 ? "no patient has both the predictor and the outcome"
                : events == 0 || events == n ? "the outcome is the same for all " + n + " patients"
                : min == max ? "the predictor is " + fmt(min) + " for all " + n + " patients" : null;
        if (why != null) return notFitted(reader, timePoint, d, n, events, why);
        Design design = Design.of(List.of(d.name()), xs);
        try {
            ModelFit m = ModelFit.of(design, ys, options, firthAlways);
            LogisticFit fit = m.fit();
            Coefficient c = fit.coefficient(d.name());
            return new UnivariableResult(reader, timePoint, d.name(), d.type(), n, events, fit.method(), c.oddsRatio(), m.lower(c), m.upper(c),
                    m.ciMethod(), c.pWald(), c.pLr(), fit.eventsPerParameter(), fit.warnings(), m.note());
        } catch (StatsInputException e) {
            return notFitted(reader, timePoint, d, n, events, e.getMessage());
        }
    }

    private static UnivariableResult notFitted(String reader, String timePoint, PredictorDef d, int n, int events, String why) {
        return new UnivariableResult(reader, timePoint, d.name(), d.type(), n, events, null, Double.NaN, Double.NaN, Double.NaN, "",
                Double.NaN, Double.NaN, Math.min(events, n - events), List.of(), "not fitted: " + why);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
