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
 */
public record ScoreRequest(Path findings, Path outcomes, List<String> readers, OutcomeRule rule, MissingRule missing,
                           boolean allowIdentityColumns, FitOptions fitOptions) {
    public ScoreRequest {
        readers = readers == null ? List.of() : List.copyOf(readers);
        rule = rule == null ? OutcomeRule.DEFAULT : rule;
        missing = missing == null ? MissingRule.COMPLETE_CASE : missing;
        fitOptions = fitOptions == null ? FitOptions.DEFAULT : fitOptions;
    }

    public static ScoreRequest of(Path findings, Path outcomes) {
        return new ScoreRequest(findings, outcomes, List.of(), null, null, false, null);
    }
}
