package org.parsreader.scoring.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parsreader.scoring.outcome.ContinuousOutcome;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.PatientOutcome;
import org.parsreader.scoring.outcome.TimePointOutcomes;
import org.parsreader.scoring.stats.ContingencyTests;
import org.parsreader.scoring.stats.TestResult;

/**
 * Groups of patients compared over time points, by a text column of the outcomes CSV (e.g.
 * {@code guidance} = CT / fluoroscopy): the responder proportion per group and time point with
 * the between-group test ({@link ContingencyTests#choose}, as Table 1 chooses it: R's
 * {@code chisq.test}, with Yates' correction on a 2 x 2 table; Fisher's exact test when any
 * expected count is below 5), and the linear model of a continuous
 * outcome on the group (indicator columns {@code guidance=fluoroscopy} against the first level
 * in sorted order, as R's factor coding). Patients without a group value are left out and
 * counted.
 *
 * <pre>{@code
 * List<String> levels = GroupComparison.levels(outcomes, "guidance");
 * GroupComparison.Responders r = GroupComparison.responders(outcomes, "guidance", timePoint);
 * }</pre>
 */
public final class GroupComparison {
    private GroupComparison() { }

    /**
     * Responders per group at one time point.
     *
     * @param analysed  patients analysed per level (same order as {@code levels})
     * @param responders successes per level
     * @param noGroup   analysed patients without a group value (left out)
     * @param test      the test used ({@link ContingencyTests#CHI_SQUARE}, {@link ContingencyTests#CHI_SQUARE_YATES} or {@link ContingencyTests#FISHER}); empty when none
     */
    public record Responders(String group, String timePoint, String rule, List<String> levels, List<Integer> analysed, List<Integer> responders,
                             int noGroup, String test, double statistic, int df, double p, double minExpected, String note) {
        public Responders {
            levels = List.copyOf(levels);
            analysed = List.copyOf(analysed);
            responders = List.copyOf(responders);
        }

        public double percent(int level) {
            return analysed.get(level) == 0 ? Double.NaN : 100.0 * responders.get(level) / analysed.get(level);
        }
    }

    /**
     * The sorted levels of a grouping column; throws naming the column (and its one value, or
     * the text columns there are) when it is not a column of the file or has fewer than two groups.
     */
    public static List<String> levels(OutcomeTable t, String column) {
        String c = column.trim().toLowerCase(java.util.Locale.ROOT);
        if (!t.otherColumns().contains(c)) {
            throw new IllegalArgumentException("grouping column '" + column + "' is not a text column of " + t.source() + "; its text columns: "
                    + t.otherColumns());
        }
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (PatientOutcome p : t.patients()) {
            String v = p.other().get(c);
            if (v != null) counts.merge(v, 1, Integer::sum);
        }
        if (counts.size() < 2) {
            throw new IllegalArgumentException("grouping column '" + c + "' of " + t.source() + " has " + (counts.isEmpty() ? "no values"
                    : "one group only ('" + counts.firstKey() + "', " + counts.firstEntry().getValue() + " patients)") + "; a comparison needs two or more");
        }
        return List.copyOf(counts.keySet());
    }

    public static Responders responders(OutcomeTable t, String column, TimePointOutcomes tp) {
        List<String> levels = levels(t, column);
        int[] n = new int[levels.size()];
        int[] s = new int[levels.size()];
        int noGroup = 0;
        for (PatientOutcome p : t.patients()) {
            int y = tp.byPseudonym().get(p.pseudonym()).outcome();
            if (y < 0) continue;
            String v = p.other().get(column);
            if (v == null) { noGroup++; continue; }
            int k = levels.indexOf(v);
            n[k]++;
            s[k] += y;
        }
        long[][] table = new long[levels.size()][2];
        for (int k = 0; k < levels.size(); k++) { table[k][0] = n[k] - s[k]; table[k][1] = s[k]; }
        List<Integer> nl = java.util.Arrays.stream(n).boxed().toList();
        List<Integer> sl = java.util.Arrays.stream(s).boxed().toList();
        TestResult r = ContingencyTests.choose(table);
        if (!r.computed()) {
            return new Responders(column, tp.timePoint(), tp.rule().key(), levels, nl, sl, noGroup, "", Double.NaN, 0, Double.NaN, Double.NaN,
                    "not tested: " + r.note());
        }
        return new Responders(column, tp.timePoint(), tp.rule().key(), levels, nl, sl, noGroup, r.test(), r.statistic(),
                Double.isNaN(r.df()) ? 0 : (int) r.df(), r.p(), ContingencyTests.minExpected(table), r.note());
    }

    /** The linear model outcome_t ~ group (indicators against the first level); reader "". */
    public static LinearModelResult linear(OutcomeTable t, String column, ContinuousOutcome o, String timePoint) {
        List<String> levels = levels(t, column);
        List<PatientOutcome> ps = t.patients();
        double[] y = new double[ps.size()];
        double[][] x = new double[levels.size() - 1][ps.size()];
        List<String> names = new ArrayList<>();
        for (int k = 1; k < levels.size(); k++) names.add(column + "=" + levels.get(k));
        for (int i = 0; i < ps.size(); i++) {
            y[i] = o.value(ps.get(i), timePoint);
            String v = ps.get(i).other().get(column);
            for (int k = 1; k < levels.size(); k++) x[k - 1][i] = v == null ? Double.NaN : v.equals(levels.get(k)) ? 1 : 0;
        }
        LinearModelResult m = LinearAnalysis.model(o.key(), "", timePoint, names, x, y);
        String ref = "reference " + column + "=" + levels.get(0);
        return new LinearModelResult(m.outcome(), m.reader(), m.timePoint(), m.predictors(), m.n(), m.dropped(), m.terms(), m.rSquared(),
                m.adjustedRSquared(), m.fStatistic(), m.fDf1(), m.fDf2(), m.fP(), m.note().isEmpty() ? ref : m.note() + "; " + ref);
    }

    /** Counts of each level among all patients (for the report). */
    public static Map<String, Integer> sizes(OutcomeTable t, String column) {
        Map<String, Integer> m = new TreeMap<>();
        for (PatientOutcome p : t.patients()) {
            String v = p.other().get(column);
            if (v != null) m.merge(v, 1, Integer::sum);
        }
        return m;
    }
}
