package org.parsreader.scoring.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parsreader.render.LinePlotImage;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.PatientOutcome;
import org.parsreader.scoring.outcome.TimePointOutcomes;
import org.parsreader.scoring.stats.Distributions;

/**
 * Pain (NRS 0-10) over time: mean and 95 % confidence interval (mean +- t(0.975, n-1) SD / sqrt(n),
 * as R's {@code t.test}) at baseline and every follow-up time point, for all patients and for
 * those with success and with failure at the last time point under the run's rule. Each mean uses
 * the patients measured at that time point (n in the table; no imputation).
 */
public final class NrsOverTime {
    /** One group at one time point: n, mean, CI (NaN when n < 2). */
    public record Point(String group, String timePoint, int n, double mean, double lower, double upper) {}

    private NrsOverTime() { }

    public static List<Point> points(OutcomeTable outcomes, List<TimePointOutcomes> tps) {
        List<String> times = times(outcomes);
        List<Point> out = new ArrayList<>();
        TimePointOutcomes last = tps.isEmpty() ? null : tps.get(tps.size() - 1);
        for (String group : groups(last)) {
            for (String t : times) {
                List<Double> v = new ArrayList<>();
                for (PatientOutcome p : outcomes.patients()) {
                    if (!inGroup(p, group, last)) continue;
                    double x = p.nrs(t);
                    if (!Double.isNaN(x)) v.add(x);
                }
                out.add(point(group, t, v));
            }
        }
        return out;
    }

    static List<String> times(OutcomeTable outcomes) {
        List<String> t = new ArrayList<>();
        t.add(OutcomeTable.BASELINE);
        t.addAll(outcomes.timePoints());
        return t;
    }

    private static List<String> groups(TimePointOutcomes last) {
        if (last == null) return List.of("all");
        return List.of("all", "success at " + last.timePoint(), "failure at " + last.timePoint());
    }

    private static boolean inGroup(PatientOutcome p, String group, TimePointOutcomes last) {
        if (group.equals("all")) return true;
        TimePointOutcomes.PatientResult r = last.byPseudonym().get(p.pseudonym());
        if (r == null) return false;
        return group.startsWith("success") ? r.outcome() == 1 : r.outcome() == 0;
    }

    static Point point(String group, String timePoint, List<Double> v) {
        int n = v.size();
        if (n == 0) return new Point(group, timePoint, 0, Double.NaN, Double.NaN, Double.NaN);
        double mean = 0;
        for (double x : v) mean += x;
        mean /= n;
        if (n < 2) return new Point(group, timePoint, n, mean, Double.NaN, Double.NaN);
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        double half = tQuantile975(n - 1) * Math.sqrt(ss / (n - 1) / n);
        return new Point(group, timePoint, n, mean, mean - half, mean + half);
    }

    /**
     * The 97.5 % quantile of Student's t with {@code df} degrees of freedom, by bisection on its
     * distribution function (1 - I_{df/(df+t^2)}(df/2, 1/2) / 2, the regularised incomplete beta of
     * {@link Distributions#betaI}). Written here: the project's statistics have no t quantile yet.
     */
    static double tQuantile975(int df) {
        double lo = 0, hi = 1000;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double tail = 0.5 * Distributions.betaI(df / 2.0, 0.5, df / (df + mid * mid));
            if (tail > 0.025) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /** The figure: one line per group with its n at baseline in the legend. */
    public static LinePlotImage figure(List<Point> points, String title) {
        List<String> groups = points.stream().map(Point::group).distinct().toList();
        List<String> times = points.stream().map(Point::timePoint).distinct().toList();
        List<LinePlotImage.Series> series = new ArrayList<>();
        for (String g : groups) {
            double[] m = new double[times.size()], lo = new double[times.size()], hi = new double[times.size()];
            int n0 = 0;
            for (Point p : points) {
                if (!p.group().equals(g)) continue;
                int i = times.indexOf(p.timePoint());
                m[i] = p.mean();
                lo[i] = p.lower();
                hi[i] = p.upper();
                if (i == 0) n0 = p.n();
            }
            series.add(new LinePlotImage.Series(String.format(Locale.ROOT, "%s (n = %d)", g, n0), m, lo, hi));
        }
        List<String> labels = times.stream().map(t -> t.equals(OutcomeTable.BASELINE) ? "baseline" : t).toList();
        return new LinePlotImage(title, labels, series, 0, 10, "NRS (0-10)",
                "Mean and 95 % CI (t) of the patients measured at each time point; groups by the outcome at the last time point.");
    }
}
