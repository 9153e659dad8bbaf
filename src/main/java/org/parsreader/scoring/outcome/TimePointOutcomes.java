package org.parsreader.scoring.outcome;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary outcome of every patient at one time point under one rule, with the counts a
 * paper reports (n analysed, successes, excluded and why).
 *
 * <pre>{@code
 * TimePointOutcomes o = TimePointOutcomes.evaluate(table, "15min", OutcomeRule.DEFAULT, MissingRule.COMPLETE_CASE);
 * o.counts().analysed();   // n at 15 min
 * }</pre>
 */
public record TimePointOutcomes(String timePoint, OutcomeRule rule, MissingRule missingRule,
                                Map<String, PatientResult> byPseudonym, Counts counts) {
    public TimePointOutcomes {
        byPseudonym = Collections.unmodifiableMap(new LinkedHashMap<>(byPseudonym));
    }

    /** Why a patient is in or out of the analysis at this time point. */
    public enum Status {
        SUCCESS, FAILURE,
        /** follow-up missing, counted as failure ({@link MissingRule#FAILURE}) */
        MISSING_AS_FAILURE,
        /** follow-up missing, left out (complete case) */
        MISSING_EXCLUDED,
        /** baseline 0: percent reduction undefined, left out (rules with a percent reduction only) */
        BASELINE_ZERO_EXCLUDED,
        /** no baseline of a series the rule reads: left out */
        BASELINE_MISSING_EXCLUDED;

        public boolean analysed() {
            return this == SUCCESS || this == FAILURE || this == MISSING_AS_FAILURE;
        }
    }

    /** @param ppr PPR at this time point, NaN when undefined or missing (also for non-PPR rules, for the table) */
    public record PatientResult(String pseudonym, Status status, double ppr) {
        /** 1 success, 0 failure, -1 not analysed. */
        public int outcome() {
            return status == Status.SUCCESS ? 1 : status.analysed() ? 0 : -1;
        }
    }

    /**
     * @param patients      rows in the outcomes table
     * @param analysed      n of the models at this time point
     * @param successes     events
     * @param missingFollowUp follow-up missing (left out or counted as failure, by the rule)
     * @param baselineZero  NRS_0 = 0, left out because PPR is undefined
     * @param baselineMissing no NRS_0, left out
     */
    public record Counts(int patients, int analysed, int successes, int missingFollowUp, int baselineZero, int baselineMissing) {
        public double successRate() {
            return analysed == 0 ? Double.NaN : successes / (double) analysed;
        }
    }

    public static TimePointOutcomes evaluate(OutcomeTable table, String timePoint, OutcomeRule rule, MissingRule missing) {
        List<String> tps = table.hasSeries(rule.series()) ? table.series(rule.series()).timePoints() : table.timePoints();
        if (!tps.contains(timePoint)) {
            throw new IllegalArgumentException("time point '" + timePoint + "' is not in " + table.source() + " for " + rule.series()
                    + "; it has " + tps);
        }
        Map<String, PatientResult> out = new LinkedHashMap<>();
        int analysed = 0, successes = 0, missingFu = 0, zero = 0, noBase = 0;
        for (PatientOutcome p : table.patients()) {
            double ppr = OutcomeRule.ppr(p.nrs0(), p.nrs(timePoint));
            Status s = switch (rule.evaluate(p, timePoint)) {
                case BASELINE_MISSING -> Status.BASELINE_MISSING_EXCLUDED;
                case BASELINE_ZERO -> Status.BASELINE_ZERO_EXCLUDED;
                case MISSING -> missing == MissingRule.FAILURE ? Status.MISSING_AS_FAILURE : Status.MISSING_EXCLUDED;
                case TRUE -> Status.SUCCESS;
                case FALSE -> Status.FAILURE;
            };
            switch (s) {
                case BASELINE_MISSING_EXCLUDED -> noBase++;
                case BASELINE_ZERO_EXCLUDED -> zero++;
                case MISSING_AS_FAILURE, MISSING_EXCLUDED -> missingFu++;
                default -> { }
            }
            if (s.analysed()) analysed++;
            if (s == Status.SUCCESS) successes++;
            out.put(p.pseudonym(), new PatientResult(p.pseudonym(), s, ppr));
        }
        return new TimePointOutcomes(timePoint, rule, missing, out,
                new Counts(table.patients().size(), analysed, successes, missingFu, zero, noBase));
    }

    /**
     * Every time point of the rule's series, in column order; throws (naming the rule, column
     * and file) when the rule reads a series or column the table lacks or nobody has a value.
     */
    public static List<TimePointOutcomes> evaluateAll(OutcomeTable table, OutcomeRule rule, MissingRule missing) {
        return evaluateAll(table, rule, missing, List.of());
    }

    /** The selected time points (all when empty) of the rule's series, checked as {@link OutcomeRule#timePoints(OutcomeTable, List)}. */
    public static List<TimePointOutcomes> evaluateAll(OutcomeTable table, OutcomeRule rule, MissingRule missing, List<String> selected) {
        return rule.timePoints(table, selected).stream().map(t -> evaluate(table, t, rule, missing)).toList();
    }
}
