package org.parsreader.scoring.outcome;

import org.parsreader.scoring.outcome.OutcomeRule.Verdict;

/**
 * One condition of a composed outcome rule ({@link OutcomeRule.Composite}), evaluated for one
 * patient at one time point t.
 */
public sealed interface RuleAtom {

    /** Percent reduction 100 (v_0 - v_t) / v_0 of a series at least {@code percent}. */
    record PercentDrop(String series, double percent) implements RuleAtom {
        @Override public Verdict test(PatientOutcome p, String t) {
            double b = p.value(series, OutcomeTable.BASELINE), v = p.value(series, t);
            if (Double.isNaN(b)) return Verdict.BASELINE_MISSING;
            if (b == 0) return Verdict.BASELINE_ZERO;
            if (Double.isNaN(v)) return Verdict.MISSING;
            return of(100 * (b - v) / b >= percent);
        }

        @Override public String key() { return "ppr:" + OutcomeSeries.num(percent) + at(series); }

        @Override public String label() { return "reduction of " + series + " >= " + OutcomeSeries.num(percent) + " %"; }
    }

    /** Drop v_0 - v_t of a series at least {@code points}. */
    record PointDrop(String series, double points) implements RuleAtom {
        @Override public Verdict test(PatientOutcome p, String t) {
            double b = p.value(series, OutcomeTable.BASELINE), v = p.value(series, t);
            if (Double.isNaN(b)) return Verdict.BASELINE_MISSING;
            if (Double.isNaN(v)) return Verdict.MISSING;
            return of(b - v >= points);
        }

        @Override public String key() { return "drop:" + OutcomeSeries.num(points) + at(series); }

        @Override public String label() { return series + " drop >= " + OutcomeSeries.num(points) + " points"; }
    }

    /** The series is 0 at t (no pain). */
    record Zero(String series) implements RuleAtom {
        @Override public Verdict test(PatientOutcome p, String t) {
            double v = p.value(series, t);
            return Double.isNaN(v) ? Verdict.MISSING : of(v == 0);
        }

        @Override public String key() { return "zero" + at(series); }

        @Override public String label() { return series + " = 0"; }
    }

    /** A positive global perceived effect at t ({@code gpe_<t>}). */
    record PositiveGpe() implements RuleAtom {
        @Override public Verdict test(PatientOutcome p, String t) {
            Boolean g = p.gpe().get(t);
            return g == null ? Verdict.MISSING : of(g);
        }

        @Override public String key() { return "gpe"; }

        @Override public String label() { return "positive global perceived effect"; }
    }

    /** No other intervention between baseline and t ({@code intervention_<t>} = no). */
    record NoIntervention() implements RuleAtom {
        @Override public Verdict test(PatientOutcome p, String t) {
            Boolean g = p.intervention().get(t);
            return g == null ? Verdict.MISSING : of(!g);
        }

        @Override public String key() { return "no-intervention"; }

        @Override public String label() { return "no intervening intervention"; }
    }

    Verdict test(PatientOutcome p, String timePoint);

    /** The grammar's form, which {@link OutcomeRule#parse} reads back. */
    String key();

    String label();

    /** The series this condition reads, null for GPE and interventions. */
    default String series() {
        if (this instanceof PercentDrop a) return a.series();
        if (this instanceof PointDrop a) return a.series();
        if (this instanceof Zero a) return a.series();
        return null;
    }

    /** The column it needs at t: {@code leg_nrs_4wk}, {@code gpe_4wk}, {@code intervention_4wk}. */
    default String column(String timePoint) {
        if (this instanceof PositiveGpe) return "gpe_" + timePoint;
        if (this instanceof NoIntervention) return "intervention_" + timePoint;
        return series() + "_" + timePoint;
    }

    private static Verdict of(boolean b) {
        return b ? Verdict.TRUE : Verdict.FALSE;
    }

    private static String at(String series) {
        return series.equals("nrs") ? "" : "@" + series;
    }
}
