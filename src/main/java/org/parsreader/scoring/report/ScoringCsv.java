package org.parsreader.scoring.report;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parsreader.scoring.analysis.AdjustedP;
import org.parsreader.scoring.analysis.Multiplicity;
import org.parsreader.scoring.analysis.MultivariableResult;
import org.parsreader.scoring.analysis.UnivariableResult;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.TimePointOutcomes;
import org.parsreader.scoring.predictors.DataDictionary;
import org.parsreader.scoring.predictors.PredictorDef;
import org.parsreader.scoring.predictors.PredictorTable;

/**
 * Tidy CSV outputs (one observation per row, one variable per column; missing values are
 * empty cells, which R's {@code read.csv} and pandas read as NA). Pseudonyms only.
 */
public final class ScoringCsv {
    private ScoringCsv() { }

    /** predictors.csv: pseudonym, reader, role, injected_levels, then every dictionary column. */
    public static void predictors(PredictorTable t, Writer w) throws IOException {
        w.write("pseudonym,reader,role,injected_levels");
        for (PredictorDef d : t.dictionary().entries()) w.write("," + d.name());
        w.write("\n");
        // the same few thousand values recur over 10,000 rows; String.format is the cost of Fmt.csv, so each is formatted once
        Map<Double, String> formatted = new HashMap<>();
        for (PredictorTable.Row r : t.rows()) {
            w.write(Fmt.cell(r.pseudonym()) + "," + Fmt.cell(r.reader()) + "," + r.role().label() + "," + String.join("|", r.injectedLevels()));
            for (double v : r.values()) w.write("," + formatted.computeIfAbsent(v, Fmt::csv));
            w.write("\n");
        }
        w.flush();
    }

    /** dictionary.csv: name, type, role, roll_up, coding, definition. */
    public static void dictionary(DataDictionary d, Writer w) throws IOException {
        w.write("name,type,role,roll_up,coding,definition\n");
        for (PredictorDef e : d.entries()) {
            w.write(String.join(",", e.name(), e.type().label(), e.role().label(), e.rollUp().label(), Fmt.cell(e.coding()),
                    Fmt.cell(e.definition())) + "\n");
        }
        w.flush();
    }

    /** outcomes.csv: n and successes per time point under the rule, and why patients were left out. */
    public static void outcomeSummary(OutcomeTable table, List<TimePointOutcomes> tps, Writer w) throws IOException {
        w.write("time_point,rule,missing_rule,patients,analysed,successes,success_pct,missing_follow_up,baseline_zero_excluded,"
                + "baseline_missing_excluded,nrs_n,nrs_mean\n");
        w.write("0,,," + table.patients().size() + ",,,,,,," + table.countNrs(OutcomeTable.BASELINE) + ","
                + Fmt.csv(table.meanNrs(OutcomeTable.BASELINE)) + "\n");
        for (TimePointOutcomes o : tps) {
            TimePointOutcomes.Counts c = o.counts();
            w.write(String.join(",", Fmt.cell(o.timePoint()), Fmt.cell(o.rule().key()), o.missingRule().key(), "" + c.patients(), "" + c.analysed(),
                    "" + c.successes(), Fmt.csv(100 * c.successRate()), "" + c.missingFollowUp(), "" + c.baselineZero(), "" + c.baselineMissing(),
                    "" + table.countNrs(o.timePoint()), Fmt.csv(table.meanNrs(o.timePoint()))) + "\n");
        }
        w.flush();
    }

    /**
     * The adjusted p-value columns after the raw ones ({@link Multiplicity}): Holm and BH of the
     * Wald and of the LR p, within the reader x time point family, then over all tests together.
     */
    static final String ADJUSTED_COLUMNS = "p_wald_holm,p_wald_bh,p_lr_holm,p_lr_bh,p_wald_holm_all,p_wald_bh_all,p_lr_holm_all,p_lr_bh_all";

    private static String adjusted(AdjustedP wald, AdjustedP lr) {
        return String.join(",", Fmt.csv(wald.holm()), Fmt.csv(wald.bh()), Fmt.csv(lr.holm()), Fmt.csv(lr.bh()), Fmt.csv(wald.holmAll()),
                Fmt.csv(wald.bhAll()), Fmt.csv(lr.holmAll()), Fmt.csv(lr.bhAll()));
    }

    /**
     * results.csv: one univariable model per row; the p-values adjusted per reader and time
     * point and over every row of the file ({@link #ADJUSTED_COLUMNS}).
     */
    public static void results(List<UnivariableResult> results, String ruleKey, String missingKey, Writer w) throws IOException {
        w.write("reader,time_point,rule,missing_rule,predictor,type,n,events,method,odds_ratio,ci_lower,ci_upper,ci_method,p_wald,p_lr,"
                + ADJUSTED_COLUMNS + ",events_per_parameter,epv_warning,note,warnings\n");
        for (UnivariableResult r : results) {
            w.write(String.join(",", Fmt.cell(r.reader()), Fmt.cell(r.timePoint()), Fmt.cell(ruleKey), missingKey, r.predictor(), r.type().label(),
                    "" + r.n(), "" + r.events(), r.method() == null ? "" : r.method().name(), Fmt.csv(r.oddsRatio()), Fmt.csv(r.lower()),
                    Fmt.csv(r.upper()), r.ciMethod(), Fmt.csv(r.pWald()), Fmt.csv(r.pLr()), adjusted(r.adjustedWald(), r.adjustedLr()),
                    Fmt.csv(r.eventsPerParameter()),
                    r.lowEventsPerParameter() ? "yes" : "no", Fmt.cell(r.note()), Fmt.cell(String.join("; ", r.warnings()))) + "\n");
        }
        w.flush();
    }

    /**
     * multivariable.csv: one row per term of each multivariable model (reader, time point),
     * with the model's n, dropped patients, LR chi-square and events per parameter repeated.
     * A model that could not be fitted has one row with an empty predictor and the note.
     * The p-values are adjusted within the model's terms and over every term of the file
     * ({@link #ADJUSTED_COLUMNS}).
     */
    public static void multivariable(List<MultivariableResult> models, String ruleKey, String missingKey, Writer w) throws IOException {
        w.write("reader,time_point,rule,missing_rule,model,predictor,n,dropped_missing,events,method,estimate,se,odds_ratio,ci_lower,ci_upper,"
                + "ci_method,p_wald,lr_chisq,p_lr,"
                + ADJUSTED_COLUMNS + ",model_lr_chisq,model_df,model_p,events_per_parameter,epv_warning,note,warnings\n");
        for (MultivariableResult m : models) {
            String head = String.join(",", Fmt.cell(m.reader()), Fmt.cell(m.timePoint()), Fmt.cell(ruleKey), missingKey,
                    Fmt.cell(String.join("+", m.predictors())));
            String tail = String.join(",", Fmt.csv(m.modelChiSquare()), "" + m.modelDf(), Fmt.csv(m.modelP()), Fmt.csv(m.eventsPerParameter()),
                    m.lowEventsPerParameter() ? "yes" : "no", Fmt.cell(m.note()), Fmt.cell(String.join("; ", m.warnings())));
            String counts = m.n() + "," + m.dropped() + "," + m.events() + "," + (m.method() == null ? "" : m.method().name());
            if (!m.fitted()) {
                w.write(head + ",," + counts + ",,,,,,,,,,,,,,,,,," + tail + "\n");
                continue;
            }
            for (MultivariableResult.Term t : m.terms()) {
                w.write(String.join(",", head, t.predictor(), counts, Fmt.csv(t.estimate()), Fmt.csv(t.se()), Fmt.csv(t.oddsRatio()),
                        Fmt.csv(t.lower()), Fmt.csv(t.upper()), t.ciMethod(), Fmt.csv(t.pWald()), Fmt.csv(t.lrChiSquare()), Fmt.csv(t.pLr()),
                        adjusted(t.adjustedWald(), t.adjustedLr()), tail)
                        + "\n");
            }
        }
        w.flush();
    }
}
