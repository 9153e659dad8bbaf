package org.parsreader.scoring.report;

import java.util.List;
import java.util.Locale;
import org.parsreader.scoring.ScoringRun;
import org.parsreader.scoring.analysis.GroupComparison;
import org.parsreader.scoring.analysis.LinearModelResult;
import org.parsreader.scoring.analysis.LinearResult;
import org.parsreader.scoring.outcome.OutcomeSeries;

/**
 * The report sections of issue 15 point 4, appended to report.md: the outcome series with their
 * scales, the continuous outcomes by linear regression (estimate, 95 % t interval, p with
 * Holm and BH; bold on Holm < 0.05 within the family) and the group comparisons.
 */
public final class LinearReport {
    private LinearReport() { }

    public static String section(ScoringRun.Result r) {
        StringBuilder b = new StringBuilder();
        List<OutcomeSeries> series = r.outcomes().series();
        if (series.size() > 1 || series.stream().anyMatch(OutcomeSeries::declared)) {
            b.append("\n## Outcome series\n\n| series | scale | time points |\n|---|---|---|\n");
            for (OutcomeSeries s : series) {
                b.append("| ").append(s.name()).append(" | ").append(s.label()).append(s.declared() ? " (declared)" : "").append(" | ")
                        .append(String.join(", ", s.timePoints())).append(" |\n");
            }
        }
        if (!r.linear().isEmpty()) {
            long tests = r.linear().stream().filter(x -> !Double.isNaN(x.p())).count();
            b.append("\n## Continuous outcomes (linear regression)\n\nOrdinary least squares (as R's lm), 95 % t intervals; estimates are"
                    + " the change of the outcome per unit of the predictor. Holm and BH adjust the t-test p within each outcome, reader and"
                    + " time point; \"all\": over all ").append(tests).append(" linear tests. Bold: Holm-adjusted p < 0.05 within the family.\n");
            String key = null;
            for (LinearResult x : r.linear()) {
                String k = x.outcome() + " " + x.reader() + " " + x.timePoint();
                if (!k.equals(key)) {
                    key = k;
                    b.append("\n### ").append(x.outcome()).append(", reader ").append(x.reader()).append(", ").append(x.timePoint()).append("\n\n")
                            .append("| predictor | n | estimate (95 % CI) | p | p Holm | p BH | p Holm, all | p BH, all | R² |\n")
                            .append("|---|---|---|---|---|---|---|---|---|\n");
                }
                if (!x.fitted()) {
                    b.append("| ").append(x.predictor()).append(" | ").append(x.n()).append(" | ").append(x.note()).append(" | | | | | | |\n");
                    continue;
                }
                boolean strong = x.adjusted().holm() < 0.05;
                b.append("| ").append(strong ? "**" + x.predictor() + "**" : x.predictor()).append(" | ").append(x.n()).append(" | ")
                        .append(ci(x.estimate(), x.lower(), x.upper())).append(" | ").append(Fmt.p(x.p())).append(" | ")
                        .append(Fmt.p(x.adjusted().holm())).append(" | ").append(Fmt.p(x.adjusted().bh())).append(" | ")
                        .append(Fmt.p(x.adjusted().holmAll())).append(" | ").append(Fmt.p(x.adjusted().bhAll())).append(" | ")
                        .append(Fmt.fixed(x.rSquared(), 3)).append(" |\n");
            }
        }
        for (LinearModelResult m : r.linearModels()) model(b, "### Multivariable: " + m.outcome() + ", reader " + m.reader() + ", " + m.timePoint(), m);
        if (!r.groups().isEmpty()) {
            GroupComparison.Responders first = r.groups().get(0);
            b.append("\n## Groups by ").append(first.group()).append("\n\nResponders (").append(r.timePoints().get(0).rule().label())
                    .append(") per group and time point; chi-square test as R's chisq.test (Yates-corrected for a 2 x 2 table), or Fisher's exact test when an expected count is below 5.\n\n")
                    .append("| time point | ").append(String.join(" | ", first.levels().stream().map(l -> l + " responders / n (%)").toList()))
                    .append(" | test | p |\n|---|").append("---|".repeat(first.levels().size())).append("---|---|\n");
            for (GroupComparison.Responders g : r.groups()) {
                b.append("| ").append(g.timePoint());
                for (int k = 0; k < g.levels().size(); k++) {
                    b.append(" | ").append(g.responders().get(k)).append(" / ").append(g.analysed().get(k)).append(" (")
                            .append(Fmt.fixed(g.percent(k), 0)).append(" %)");
                }
                b.append(" | ").append(g.test().isEmpty() ? g.note() : g.test()).append(" | ").append(Fmt.p(g.p())).append(" |\n");
            }
            if (r.groups().stream().anyMatch(g -> g.noGroup() > 0)) {
                b.append("\nAnalysed patients without a value of ").append(first.group()).append(" are left out of the comparison (")
                        .append(r.groups().stream().mapToInt(GroupComparison.Responders::noGroup).max().orElse(0)).append(" at most).\n");
            }
            for (LinearModelResult m : r.groupModels()) model(b, "### " + m.outcome() + " by " + first.group() + ", " + m.timePoint()
                    + " (difference from " + first.levels().get(0) + ")", m);
        }
        return b.toString();
    }

    private static void model(StringBuilder b, String title, LinearModelResult m) {
        b.append("\n").append(title).append("\n\n");
        if (!m.fitted()) {
            b.append("n = ").append(m.n()).append("; ").append(m.note()).append("\n");
            return;
        }
        b.append("n = ").append(m.n()).append(m.note().isEmpty() ? "" : " (" + m.note() + ")").append(m.dropped() > 0 ? " (" + m.dropped() + " dropped for a missing predictor)" : "").append(", R² ")
                .append(Fmt.fixed(m.rSquared(), 3)).append(", F ").append(Fmt.fixed(m.fStatistic(), 2)).append(" on ").append(m.fDf1())
                .append(" and ").append(m.fDf2()).append(" df (p ").append(Fmt.p(m.fP())).append(")\n\n")
                .append("| term | estimate (95 % CI) | p | p Holm | p BH |\n|---|---|---|---|---|\n");
        for (LinearModelResult.Term t : m.terms()) {
            b.append("| ").append(t.adjusted().holm() < 0.05 ? "**" + t.predictor() + "**" : t.predictor()).append(" | ")
                    .append(ci(t.estimate(), t.lower(), t.upper())).append(" | ").append(Fmt.p(t.p())).append(" | ")
                    .append(Fmt.p(t.adjusted().holm())).append(" | ").append(Fmt.p(t.adjusted().bh())).append(" |\n");
        }
    }

    private static String ci(double e, double lo, double hi) {
        return String.format(Locale.ROOT, "%.2f (%.2f to %.2f)", e, lo, hi);
    }
}
