package org.parsreader.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where everything of a forest plot goes, before any drawing: the lines (group headings and
 * rows, in order), the axis range and ticks, and which intervals are cut at the axis edge.
 * Tested as a model; {@link ForestPlotImage} only draws it.
 *
 * <p>The axis: one very wide interval (a Firth profile interval on a rare predictor reaches 0.01
 * to 500) must not squeeze every other row into a few pixels. The axis therefore covers every
 * point estimate, 1, and the limits of the <em>ordinary</em> intervals: those no wider (on the log
 * scale) than {@link #WIDE_FACTOR} times the median width of all intervals. It is rounded outward
 * to a 1-2-5 step and never goes beyond {@link #MIN} to {@link #MAX}. A limit beyond the axis is
 * drawn cut at the edge with an arrow, and the footnote says how many were cut; the full limits
 * stay in the text column.
 */
public record ForestLayout(List<Line> lines, double lo, double hi, List<Double> ticks, int clipped, String footnote) {
    /** Smallest and largest axis value. */
    public static final double MIN = 1e-3;
    public static final double MAX = 1e3;
    /** Intervals wider (log scale) than this many times the median width do not set the axis. */
    public static final double WIDE_FACTOR = 3;
    private static final double[] STEPS = {1, 2, 5};

    /** A group of rows under a heading (a heading "" draws none). */
    public record Group(String heading, List<ForestPlotImage.Row> rows) {
        public Group {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One line of the plot: a heading (row null) or a row; {@code cutLow}/{@code cutHigh} when its
     * interval reaches beyond the axis and is drawn cut with an arrow.
     */
    public record Line(String heading, ForestPlotImage.Row row, boolean cutLow, boolean cutHigh) {
        public boolean isHeading() {
            return row == null;
        }
    }

    public static ForestLayout of(List<Group> groups) {
        List<ForestPlotImage.Row> all = new ArrayList<>();
        for (Group g : groups) all.addAll(g.rows());
        double[] range = range(all);
        List<Line> lines = new ArrayList<>();
        int clipped = 0;
        for (Group g : groups) {
            if (g.rows().isEmpty()) continue;
            if (!g.heading().isEmpty()) lines.add(new Line(g.heading(), null, false, false));
            for (ForestPlotImage.Row r : g.rows()) {
                boolean low = !(r.lower() >= range[0] * (1 - 1e-9));
                boolean high = !(r.upper() <= range[1] * (1 + 1e-9));
                if (low || high) clipped++;
                lines.add(new Line("", r, low, high));
            }
        }
        String note = clipped == 0 ? "" : String.format(Locale.ROOT,
                "%d interval%s reach%s beyond the axis (%s to %s) and %s cut at its edge (arrow); the full limits are in the OR (95 %% CI) column.",
                clipped, clipped == 1 ? "" : "s", clipped == 1 ? "es" : "", tick(range[0]), tick(range[1]), clipped == 1 ? "is" : "are");
        return new ForestLayout(List.copyOf(lines), range[0], range[1], ticks(range), clipped, note);
    }

    /** The axis range of the rule above. */
    public static double[] range(List<ForestPlotImage.Row> rows) {
        double[] widths = rows.stream().filter(r -> positive(r.lower()) && positive(r.upper()))
                .mapToDouble(r -> Math.log(r.upper() / r.lower())).sorted().toArray();
        double median = widths.length == 0 ? Double.NaN : widths.length % 2 == 1 ? widths[widths.length / 2]
                : (widths[widths.length / 2 - 1] + widths[widths.length / 2]) / 2;
        double lo = 1, hi = 1;
        for (ForestPlotImage.Row r : rows) {
            if (positive(r.estimate())) { lo = Math.min(lo, r.estimate()); hi = Math.max(hi, r.estimate()); }
            boolean ordinary = positive(r.lower()) && positive(r.upper())
                    && !(Math.log(r.upper() / r.lower()) > WIDE_FACTOR * median);
            if (!ordinary) continue;
            lo = Math.min(lo, r.lower());
            hi = Math.max(hi, r.upper());
        }
        lo = Math.max(MIN, stepDown(lo));
        hi = Math.min(MAX, stepUp(hi));
        if (lo >= hi) hi = lo * 10;
        return new double[] {lo, hi};
    }

    private static boolean positive(double v) {
        return v > 0 && Double.isFinite(v);
    }

    /** The largest 1-2-5 value at or below v. */
    static double stepDown(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
        double best = decade;
        for (double s : STEPS) if (s * decade <= v * (1 + 1e-9)) best = s * decade;
        return round(best);
    }

    /** The smallest 1-2-5 value at or above v. */
    static double stepUp(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
        for (double s : STEPS) if (s * decade >= v * (1 - 1e-9)) return round(s * decade);
        return round(10 * decade);
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }

    /** 1-2-5 ticks when the range spans at most 2 decades, decades otherwise; the ends where they do not crowd a tick. */
    public static List<Double> ticks(double[] range) {
        double decades = Math.log10(range[1] / range[0]);
        List<Double> out = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(range[0]) + 1e-9);
        int last = (int) Math.ceil(Math.log10(range[1]) - 1e-9);
        for (int e = first; e <= last; e++) {
            for (double s : decades <= 2 + 1e-9 ? STEPS : new double[] {1}) {
                double t = round(s * Math.pow(10, e));
                if (t >= range[0] * 0.999 && t <= range[1] * 1.001) out.add(t);
            }
        }
        // an end that is not a tick gets one, unless a tick lies within 0.35 decades (their labels would touch)
        if (out.isEmpty() || Math.log10(out.get(0) / range[0]) >= 0.35) out.add(0, range[0]);
        if (Math.log10(range[1] / out.get(out.size() - 1)) >= 0.35) out.add(range[1]);
        return List.copyOf(out);
    }

    /** A tick's text: "0.05", "2", "100". */
    public static String tick(double t) {
        if (t >= 1 && t == Math.rint(t)) return String.valueOf((long) t);
        String s = String.format(Locale.ROOT, "%.3g", t);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    @Override
    public String toString() {
        return "ForestLayout[" + lines.size() + " lines, axis " + lo + ".." + hi + ", ticks " + Arrays.toString(ticks.toArray()) + ", clipped " + clipped + "]";
    }
}
