package org.parsreader.scoring;

import java.nio.file.Path;
import java.util.List;
import org.parsreader.scoring.outcome.ContinuousOutcome;
import org.parsreader.scoring.outcome.MissingRule;
import org.parsreader.scoring.outcome.OutcomeRule;
import org.parsreader.scoring.stats.FitOptions;

/**
 * What to score.
 *
 * @param findings  a cohort folder (case folders with findings/) or a folder of findings files
 * @param outcomes  the outcomes CSV
 * @param readers   reader ids or roles to analyse; empty for every reader found
 * @param allowIdentityColumns accept (and ignore) identity columns in the outcomes CSV
 * @param multivariable predictors of one multivariable model per reader and time point; empty for none
 * @param linear    continuous outcomes (PPR, NRS change, ODI change) analysed by linear regression; empty for none
 * @param group     a text column of the outcomes CSV whose groups are compared over time points; null for none
 * @param timePoints the follow-up time points to analyse; empty for every time point of the rule's series
 */
public record ScoreRequest(Path findings, Path outcomes, List<String> readers, OutcomeRule rule, MissingRule missing,
                           boolean allowIdentityColumns, FitOptions fitOptions, List<String> multivariable, boolean firth,
                           List<ContinuousOutcome> linear, String group, List<String> timePoints) {
    public ScoreRequest {
        timePoints = timePoints == null ? List.of() : timePoints.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
        linear = linear == null ? List.of() : List.copyOf(linear);
        group = group == null || group.isBlank() ? null : group.trim().toLowerCase(java.util.Locale.ROOT);
        readers = readers == null ? List.of() : List.copyOf(readers);
        multivariable = multivariable == null ? List.of() : List.copyOf(multivariable);
        rule = rule == null ? OutcomeRule.DEFAULT : rule;
        missing = missing == null ? MissingRule.COMPLETE_CASE : missing;
        fitOptions = fitOptions == null ? FitOptions.DEFAULT : fitOptions;
    }

    /** Without continuous outcomes or groups. */
    public ScoreRequest(Path findings, Path outcomes, List<String> readers, OutcomeRule rule, MissingRule missing,
                        boolean allowIdentityColumns, FitOptions fitOptions, List<String> multivariable, boolean firth) {
        this(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, multivariable, firth, null, null, null);
    }

    /** The same request restricted to these follow-up time points (all when empty). */
    public ScoreRequest withTimePoints(List<String> selected) {
        return new ScoreRequest(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, multivariable, firth, linear, group,
                selected);
    }

    /** The same request with these continuous outcomes analysed by linear regression. */
    public ScoreRequest withLinear(List<ContinuousOutcome> outcomes) {
        return new ScoreRequest(findings, this.outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, multivariable, firth, outcomes, group, timePoints);
    }

    /** The same request comparing the groups of this outcomes column over time points. */
    public ScoreRequest withGroup(String column) {
        return new ScoreRequest(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, multivariable, firth, linear, column, timePoints);
    }

    /** Firth only where separation is detected. */
    public ScoreRequest(Path findings, Path outcomes, List<String> readers, OutcomeRule rule, MissingRule missing,
                        boolean allowIdentityColumns, FitOptions fitOptions, List<String> multivariable) {
        this(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, multivariable, false);
    }

    /** The same request with Firth's penalised likelihood for every model (on request), not only on separation. */
    public ScoreRequest withFirth(boolean always) {
        return new ScoreRequest(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, multivariable, always, linear, group, timePoints);
    }

    /** Without a multivariable model. */
    public ScoreRequest(Path findings, Path outcomes, List<String> readers, OutcomeRule rule, MissingRule missing,
                        boolean allowIdentityColumns, FitOptions fitOptions) {
        this(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, List.of());
    }

    /** The same request with a multivariable model of these predictors. */
    public ScoreRequest withMultivariable(List<String> predictors) {
        return new ScoreRequest(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, predictors, firth, linear, group, timePoints);
    }

    public static ScoreRequest of(Path findings, Path outcomes) {
        return new ScoreRequest(findings, outcomes, List.of(), null, null, false, null);
    }
}
