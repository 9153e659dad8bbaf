package org.parsreader.scoring.report;

import java.util.List;
import org.parsreader.scoring.analysis.AgreementResult;
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

    private static void problems(StringBuilder b, List<String> problems) {
        if (problems.isEmpty()) return;
        b.append("\n## Problems and notes\n\n");
        for (int i = 0; i < Math.min(problems.size(), MAX_PROBLEMS); i++) b.append("- ").append(problems.get(i)).append('\n');
        if (problems.size() > MAX_PROBLEMS) b.append("- ... and ").append(problems.size() - MAX_PROBLEMS).append(" more (see the command's error output)\n");
    }
}
