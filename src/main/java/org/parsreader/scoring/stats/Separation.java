package org.parsreader.scoring.stats;

import java.util.List;

/**
 * Outcome of the separation check of a logistic model.
 *
 * @param detected            true when the maximum-likelihood estimates do not exist (finite)
 * @param predictors          predictors that separate the outcome, alone or together
 * @param fittedZeroOrOne     some ML fitted probabilities are numerically 0 or 1 (glm's warning)
 * @param description         human-readable explanation, empty when nothing was found
 */
public record Separation(boolean detected, List<String> predictors, boolean fittedZeroOrOne, String description) {
    public Separation {
        predictors = List.copyOf(predictors);
    }

    public static final Separation NONE = new Separation(false, List.of(), false, "");
}
