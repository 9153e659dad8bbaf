package org.parsreader.scoring.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.parsreader.scoring.analysis.AdjustedP;
import org.parsreader.scoring.analysis.GroupComparison;
import org.parsreader.scoring.analysis.LinearModelResult;
import org.parsreader.scoring.analysis.LinearResult;

/**
 * Tidy CSVs of the continuous outcomes (linear regression) and the group comparisons, in the
 * shape of results.csv / multivariable.csv: one model (or term) per row, the raw p followed by
 * Holm and BH within the family and over all tests ({@link #ADJUSTED}); missing values empty.
 */
public final class LinearCsv {
    /** Holm and BH of the t-test p within the family (outcome x reader x time point, or the model's terms), then over all. */
    static final String ADJUSTED = "p_holm,p_bh,p_holm_all,p_bh_all";

    private LinearCsv() { }

    private static String adjusted(AdjustedP a) {
        return String.join(",", Fmt.csv(a.holm()), Fmt.csv(a.bh()), Fmt.csv(a.holmAll()), Fmt.csv(a.bhAll()));
    }

    /** linear.csv: one univariable linear model per row. */
    public static void univariable(List<LinearResult> rows, Writer w) throws IOException {
        w.write("outcome,reader,time_point,predictor,type,n,estimate,se,ci_lower,ci_upper,ci_method,t,df,p," + ADJUSTED + ",r_squared,note\n");
        for (LinearResult r : rows) {
            w.write(String.join(",", Fmt.cell(r.outcome()), Fmt.cell(r.reader()), Fmt.cell(r.timePoint()), r.predictor(), r.type().label(), "" + r.n(),
                    Fmt.csv(r.estimate()), Fmt.csv(r.se()), Fmt.csv(r.lower()), Fmt.csv(r.upper()), "t", Fmt.csv(r.t()), "" + r.df(), Fmt.csv(r.p()),
                    adjusted(r.adjusted()), Fmt.csv(r.rSquared()), Fmt.cell(r.note())) + "\n");
        }
        w.flush();
    }

    /** linear-multivariable.csv: one row per term of each model; a model not fitted has one row with its note. */
    public static void models(List<LinearModelResult> models, Writer w) throws IOException {
        w.write("outcome,reader,time_point,model,predictor,n,dropped_missing,estimate,se,ci_lower,ci_upper,ci_method,t,p," + ADJUSTED
                + ",r_squared,adj_r_squared,model_f,model_df1,model_df2,model_p,note\n");
        for (LinearModelResult m : models) rows(m, w);
        w.flush();
    }

    private static void rows(LinearModelResult m, Writer w) throws IOException {
        String head = String.join(",", Fmt.cell(m.outcome()), Fmt.cell(m.reader()), Fmt.cell(m.timePoint()), Fmt.cell(String.join("+", m.predictors())));
        String tail = String.join(",", Fmt.csv(m.rSquared()), Fmt.csv(m.adjustedRSquared()), Fmt.csv(m.fStatistic()), "" + m.fDf1(), "" + m.fDf2(),
                Fmt.csv(m.fP()), Fmt.cell(m.note()));
        if (!m.fitted()) {
            w.write(head + ",," + m.n() + "," + m.dropped() + ",,,,,,,,,,,," + tail + "\n");
            return;
        }
        for (LinearModelResult.Term t : m.terms()) {
            w.write(String.join(",", head, Fmt.cell(t.predictor()), "" + m.n(), "" + m.dropped(), Fmt.csv(t.estimate()), Fmt.csv(t.se()),
                    Fmt.csv(t.lower()), Fmt.csv(t.upper()), "t", Fmt.csv(t.t()), Fmt.csv(t.p()), adjusted(t.adjusted()), tail) + "\n");
        }
    }

    /**
     * groups.csv: per time point and group level the responders (analysis "responders", the test
     * repeated on each level's row), then the linear models of the continuous outcomes on the
     * group (analysis "linear", one row per indicator term).
     */
    public static void groups(List<GroupComparison.Responders> responders, List<LinearModelResult> models, Writer w) throws IOException {
        w.write("analysis,group,time_point,rule_or_outcome,level,analysed,responders,responder_pct,no_group,test,statistic,df,p,"
                + "estimate,se,ci_lower,ci_upper,note\n");
        for (GroupComparison.Responders r : responders) {
            for (int k = 0; k < r.levels().size(); k++) {
                w.write(String.join(",", "responders", Fmt.cell(r.group()), Fmt.cell(r.timePoint()), Fmt.cell(r.rule()), Fmt.cell(r.levels().get(k)),
                        "" + r.analysed().get(k), "" + r.responders().get(k), Fmt.csv(r.percent(k)), "" + r.noGroup(), r.test(),
                        Fmt.csv(r.statistic()), r.test().isEmpty() || r.test().equals(org.parsreader.scoring.stats.ContingencyTests.FISHER) ? "" : "" + r.df(), Fmt.csv(r.p()), "", "", "", "", Fmt.cell(r.note())) + "\n");
            }
        }
        for (LinearModelResult m : models) {
            if (!m.fitted()) {
                w.write(String.join(",", "linear", "", Fmt.cell(m.timePoint()), Fmt.cell(m.outcome()), "", "" + m.n(), "", "", "", "", "", "", "",
                        "", "", "", "", Fmt.cell(m.note())) + "\n");
                continue;
            }
            for (LinearModelResult.Term t : m.terms()) {
                int eq = t.predictor().indexOf('=');
                w.write(String.join(",", "linear", Fmt.cell(t.predictor().substring(0, eq)), Fmt.cell(m.timePoint()), Fmt.cell(m.outcome()),
                        Fmt.cell(t.predictor().substring(eq + 1)), "" + m.n(), "", "", "", "t", Fmt.csv(t.t()), "" + m.fDf2(), Fmt.csv(t.p()),
                        Fmt.csv(t.estimate()), Fmt.csv(t.se()), Fmt.csv(t.lower()), Fmt.csv(t.upper()),
                        Fmt.cell("difference from the " + m.note())) + "\n");
            }
        }
        w.flush();
    }
}
