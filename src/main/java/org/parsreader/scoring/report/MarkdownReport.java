package org.parsreader.scoring.report;

import java.util.List;
import org.parsreader.scoring.analysis.AgreementResult;
import org.parsreader.scoring.analysis.MultivariableResult;
import org.parsreader.scoring.analysis.UnivariableResult;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.TimePointOutcomes;
import org.parsreader.scoring.predictors.DataDictionary;
import org.parsreader.scoring.predictors.PredictorDef;
import org.parsreader.scoring.stats.LogisticFit;

/** The readable reports: outcomes per time point, the univariable table per time point and reader (as in a paper), agreement. */
public final class MarkdownReport {
    private static final int MAX_PROBLEMS = 50;

    private MarkdownReport() { }

    public static String score(OutcomeTable outcomes, List<TimePointOutcomes> tps, List<String> readers, List<UnivariableResult> results,
                               DataDictionary dictionary, List<String> problems, List<String> plots) {
        return score(outcomes, tps, readers, results, List.of(), dictionary, problems, plots);
    }

    /** The score report with a section of multivariable models (none when the list is empty). */
    public static String score(OutcomeTable outcomes, List<TimePointOutcomes> tps, List<String> readers, List<UnivariableResult> results,
                               List<MultivariableResult> multivariable, DataDictionary dictionary, List<String> problems, List<String> plots) {
        StringBuilder b = new StringBuilder("# Univariable logistic regression\n\n");
        if (!tps.isEmpty()) {
            b.append("Outcome: **").append(tps.get(0).rule().label()).append("**; missing follow-up: ")
                    .append(tps.get(0).missingRule().label()).append(". Source: `").append(outcomes.source()).append("`.\n\n");
        }
        b.append("## Outcomes\n\n| time point | NRS n | NRS mean | analysed n | successes | missing follow-up | NRS_0 = 0 excluded | no NRS_0 |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        b.append("| baseline | ").append(outcomes.countNrs(OutcomeTable.BASELINE)).append(" | ")
                .append(Fmt.fixed(outcomes.meanNrs(OutcomeTable.BASELINE), 1)).append(" | | | | | |\n");
        for (TimePointOutcomes o : tps) {
            TimePointOutcomes.Counts c = o.counts();
            b.append("| ").append(o.timePoint()).append(" | ").append(outcomes.countNrs(o.timePoint())).append(" | ")
                    .append(Fmt.fixed(outcomes.meanNrs(o.timePoint()), 1)).append(" | ").append(c.analysed()).append(" | ")
                    .append(c.successes()).append(" (").append(Fmt.fixed(100 * c.successRate(), 0)).append(" %) | ")
                    .append(c.missingFollowUp()).append(o.missingRule() == org.parsreader.scoring.outcome.MissingRule.FAILURE ? " (as failure)" : "")
                    .append(" | ").append(c.baselineZero()).append(" | ").append(c.baselineMissing()).append(" |\n");
        }
        for (TimePointOutcomes o : tps) {
            for (String reader : readers) {
                b.append("\n## ").append(o.timePoint()).append(", reader ").append(reader).append("\n\n");
                b.append("| predictor | n | events | OR (95 % CI) | p Wald | p LR | method |\n|---|---:|---:|---|---:|---:|---|\n");
                List<String> notes = new java.util.ArrayList<>();
                for (UnivariableResult r : results) {
                    if (!r.reader().equals(reader) || !r.timePoint().equals(o.timePoint())) continue;
                    boolean strong = r.fitted() && (Double.isNaN(r.pLr()) ? r.pWald() : r.pLr()) < 0.05;
                    String name = strong ? "**" + r.predictor() + "**" : r.predictor();
                    if (!r.fitted()) {
                        b.append("| ").append(name).append(" | ").append(r.n()).append(" | ").append(r.events()).append(" | ")
                                .append(r.note().replace("|", "/")).append(" | | | |\n");
                        continue;
                    }
                    String method = r.method() == LogisticFit.Method.FIRTH ? "Firth (profile CI)" : "ML (Wald CI)";
                    if (r.lowEventsPerParameter()) method += " †";
                    b.append("| ").append(name).append(" | ").append(r.n()).append(" | ").append(r.events()).append(" | ")
                            .append(Fmt.ratio(r.oddsRatio())).append(" (").append(Fmt.ratio(r.lower())).append("-").append(Fmt.ratio(r.upper()))
                            .append(") | ").append(Fmt.p(r.pWald())).append(" | ").append(Fmt.p(r.pLr())).append(" | ").append(method).append(" |\n");
                    if (r.method() == LogisticFit.Method.FIRTH) notes.add(r.predictor() + ": " + String.join("; ", r.warnings()));
                }
                b.append("\nBold: p (LR) < 0.05. † fewer than 10 events per parameter.\n");
                for (String n : notes) b.append("- ").append(n).append('\n');
                String plot = "forest-" + reader.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + o.timePoint().replaceAll("[^A-Za-z0-9_.-]", "_") + ".png";
                if (plots.contains(plot)) b.append("\n![forest plot ").append(reader).append(' ').append(o.timePoint()).append("](").append(plot).append(")\n");
            }
        }
        multivariable(b, multivariable);
        problems(b, problems);
        b.append("\n## Data dictionary\n\n| name | type | role | roll-up | coding | definition |\n|---|---|---|---|---|---|\n");
        for (PredictorDef d : dictionary.entries()) {
            b.append("| ").append(d.name()).append(" | ").append(d.type().label()).append(" | ").append(d.role().label()).append(" | ")
                    .append(d.rollUp().label()).append(" | ").append(d.coding()).append(" | ").append(d.definition()).append(" |\n");
        }
        b.append("\nFindings are rolled up over the injected level(s) (levels with a needle tip or contrast finding; L5 when none). "
                + "Unrecorded findings are missing, never 0; each model uses the patients with both the predictor and the outcome. "
                + "Firth's penalised likelihood is used when separation is detected.\n");
        return b.toString();
    }

    public static String agreement(List<AgreementResult> rows, List<String> problems) {
        StringBuilder b = new StringBuilder("# Inter-reader agreement\n\n");
        if (!rows.isEmpty()) b.append("Readers ").append(rows.get(0).readerA()).append(" and ").append(rows.get(0).readerB()).append(".\n");
        for (String scope : List.of("predictor", "finding")) {
            b.append("\n## Per ").append(scope).append(scope.equals("finding") ? " (paired per patient, level and side)\n\n" : " (per patient)\n\n");
            b.append("| item | n | kappa (95 % CI) | linear weighted | quadratic weighted | ICC(2,1) (95 % CI) | agreement |\n")
                    .append("|---|---:|---|---|---|---|---:|\n");
            String current = null;
            String[] cells = null;
            for (AgreementResult a : rows) {
                if (!a.scope().equals(scope)) continue;
                if (!a.item().equals(current)) {
                    if (cells != null) b.append(String.join(" | ", cells)).append(" |\n");
                    current = a.item();
                    cells = new String[] {"| " + a.item(), "" + a.n(), "", "", "", "", ""};
                }
                String v = a.note().isEmpty() ? Fmt.fixed(a.estimate(), 2) + " (" + Fmt.fixed(a.lower(), 2) + " to " + Fmt.fixed(a.upper(), 2) + ")"
                        : a.note();
                switch (a.statistic()) {
                    case "kappa" -> { cells[2] = v; cells[6] = Fmt.fixed(100 * a.observedAgreement(), 0) + " %"; }
                    case "kappa_linear" -> cells[3] = v;
                    case "kappa_quadratic" -> cells[4] = v;
                    default -> cells[5] = v;
                }
            }
            if (cells != null) b.append(String.join(" | ", cells)).append(" |\n");
        }
        problems(b, problems);
        return b.toString();
    }

    private static void multivariable(StringBuilder b, List<MultivariableResult> models) {
        if (models.isEmpty()) return;
        b.append("\n## Multivariable logistic regression\n\nPredictors: ").append(String.join(", ", models.get(0).predictors()))
                .append(". Complete cases: patients with the outcome and every predictor; \"dropped\" counts those left out for a missing"
                        + " predictor. Odds ratios are adjusted for the other predictors.\n");
        for (MultivariableResult m : models) {
            b.append("\n### ").append(m.timePoint()).append(", reader ").append(m.reader()).append(" (multivariable)\n\n");
            b.append("n = ").append(m.n()).append(" (").append(m.dropped()).append(" dropped), ").append(m.events()).append(" events");
            if (!m.fitted()) {
                b.append("; ").append(m.note()).append("\n");
                continue;
            }
            b.append("; ").append(m.method() == LogisticFit.Method.FIRTH ? "Firth (profile CI)" : "ML (Wald CI)")
                    .append("; model LR chi-square ").append(Fmt.fixed(m.modelChiSquare(), 2)).append(" on ").append(m.modelDf())
                    .append(" df, p ").append(Fmt.p(m.modelP())).append("; ").append(Fmt.fixed(m.eventsPerParameter(), 1))
                    .append(" events per parameter").append(m.lowEventsPerParameter() ? " †" : "").append(".\n\n");
            b.append("| predictor | adjusted OR (95 % CI) | p Wald | p LR |\n|---|---|---:|---:|\n");
            for (MultivariableResult.Term t : m.terms()) {
                boolean strong = (Double.isNaN(t.pLr()) ? t.pWald() : t.pLr()) < 0.05;
                b.append("| ").append(strong ? "**" + t.predictor() + "**" : t.predictor()).append(" | ").append(Fmt.ratio(t.oddsRatio()))
                        .append(" (").append(Fmt.ratio(t.lower())).append("-").append(Fmt.ratio(t.upper())).append(") | ")
                        .append(Fmt.p(t.pWald())).append(" | ").append(Fmt.p(t.pLr())).append(" |\n");
            }
            for (String w : m.warnings()) b.append("- ").append(w).append('\n');
        }
        b.append("\nBold: p (LR) < 0.05. † fewer than 10 events per parameter.\n");
    }

    private static void problems(StringBuilder b, List<String> problems) {
        if (problems.isEmpty()) return;
        b.append("\n## Problems and notes\n\n");
        for (int i = 0; i < Math.min(problems.size(), MAX_PROBLEMS); i++) b.append("- ").append(problems.get(i)).append('\n');
        if (problems.size() > MAX_PROBLEMS) b.append("- ... and ").append(problems.size() - MAX_PROBLEMS).append(" more (see the command's error output)\n");
    }
}
