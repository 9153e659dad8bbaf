package org.parsreader.scoring.analysis;

import org.parsreader.scoring.stats.Coefficient;
import org.parsreader.scoring.stats.Design;
import org.parsreader.scoring.stats.FirthLogisticRegression;
import org.parsreader.scoring.stats.FitOptions;
import org.parsreader.scoring.stats.LogisticFit;
import org.parsreader.scoring.stats.LogisticRegression;

/**
 * How every model of the scoring is fitted: maximum likelihood first; Firth's penalised
 * likelihood (with profile intervals) where ML detects separation, or for every model on
 * request. One place for the rule, the interval choice and the note in the results.
 */
record ModelFit(LogisticFit fit, boolean separated, boolean firth, boolean profile) {

    static ModelFit of(Design design, int[] outcome, FitOptions options, boolean firthAlways) {
        LogisticFit ml = LogisticRegression.fit(design, outcome, new FitOptions(options.tolerance(), options.maxIterations(),
                options.likelihoodRatio(), false, options.confidenceLevel()));
        boolean separated = ml.separation().detected();
        boolean firth = separated || firthAlways;
        LogisticFit fit = firth ? FirthLogisticRegression.fit(design, outcome, options) : ml;
        return new ModelFit(fit, separated, firth, firth && options.profileIntervals());
    }

    double lower(Coefficient c) {
        return profile ? c.profileLower() : c.waldLower();
    }

    double upper(Coefficient c) {
        return profile ? c.profileUpper() : c.waldUpper();
    }

    String ciMethod() {
        return profile ? "profile" : "Wald";
    }

    String note() {
        return separated ? "Firth: separation detected" : firth ? "Firth: on request" : "";
    }
}
