package org.parsreader.scoring;

import java.nio.file.Path;
import java.util.List;
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
 * @param groupBy   a column of the outcomes file whose values group Table 1 (guidance, say); null for none
 */
public record ScoreRequest(Path findings, Path outcomes, List<String> readers, OutcomeRule rule, MissingRule missing,
                           boolean allowIdentityColumns, FitOptions fitOptions, List<String> multivariable, boolean firth, String groupBy) {
    public ScoreRequest {
        readers = readers == null ? List.of() : List.copyOf(readers);
        multivariable = multivariable == null ? List.of() : List.copyOf(multivariable);
        rule = rule == null ? OutcomeRule.DEFAULT : rule;
        missing = missing == null ? MissingRule.COMPLETE_CASE : missing;
        fitOptions = fitOptions == null ? FitOptions.DEFAULT : fitOptions;
    }

    /** Without a grouping column for Table 1. */
    public ScoreRequest(Path findings, Path outcomes, List<String> readers, OutcomeRule rule, MissingRule missing,
                        boolean allowIdentityColumns, FitOptions fitOptions, List<String> multivariable, boolean firth) {
        this(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, multivariable, firth, null);
    }

    /** The same request with Table 1 also grouped by this column of the outcomes file (null for none). */
    public ScoreRequest withGroupBy(String column) {
        return new ScoreRequest(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, multivariable, firth, column);
    }

    /** Firth only where separation is detected. */
    public ScoreRequest(Path findings, Path outcomes, List<String> readers, OutcomeRule rule, MissingRule missing,
                        boolean allowIdentityColumns, FitOptions fitOptions, List<String> multivariable) {
        this(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, multivariable, false);
    }

    /** The same request with Firth's penalised likelihood for every model (on request), not only on separation. */
    public ScoreRequest withFirth(boolean always) {
        return new ScoreRequest(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, multivariable, always, groupBy);
    }

    /** Without a multivariable model. */
    public ScoreRequest(Path findings, Path outcomes, List<String> readers, OutcomeRule rule, MissingRule missing,
                        boolean allowIdentityColumns, FitOptions fitOptions) {
        this(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, List.of());
    }

    /** The same request with a multivariable model of these predictors. */
    public ScoreRequest withMultivariable(List<String> predictors) {
        return new ScoreRequest(findings, outcomes, readers, rule, missing, allowIdentityColumns, fitOptions, predictors, firth, groupBy);
    }

    public static ScoreRequest of(Path findings, Path outcomes) {
        return new ScoreRequest(findings, outcomes, List.of(), null, null, false, null);
    }
}
