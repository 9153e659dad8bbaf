package org.parsreader.scoring.report;

import java.util.List;
import org.parsreader.scoring.analysis.AdjustedP;
import org.parsreader.scoring.analysis.Multiplicity;
import org.parsreader.scoring.analysis.MultivariableResult;
import org.parsreader.scoring.analysis.UnivariableResult;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.TimePointOutcomes;
import org.parsreader.scoring.predictors.DataDictionary;
import org.parsreader.scoring.predictors.PredictorDef;
import org.parsreader.scoring.stats.LogisticFit;

/**
 * The readable reports: outcomes per time point, the number of tests and how they are
 * adjusted for multiplicity, the univariable table per time point and reader (as in a
 * paper, with Holm and BH adjusted p) (agreement: AgreementReport).
 */
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
        return score(outcomes, tps, readers, results, multivariable, dictionary, problems, plots, java.util.Map.of());
    }

    /**
     * The score report; {@code notAssessable} (reader, predictor, count: see
     * {@code PredictorTable#notAssessable()}) adds a section when any predictor was not assessable.
     */
    public static String score(OutcomeTable outcomes, List<TimePointOutcomes> tps, List<String> readers, List<UnivariableResult> results,
                               List<MultivariableResult> multivariable, DataDictionary dictionary, List<String> problems, List<String> plots,
                               java.util.Map<String, java.util.Map<String, Integer>> notAssessable) {
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
        Multiplicity.Test basis = Multiplicity.basis(results);
        int allUni = Multiplicity.tests(results, basis);
        multiplicity(b, tps, readers, results, multivariable, basis);
        for (TimePointOutcomes o : tps) {
            for (String reader : readers) {
                b.append("\n## ").append(o.timePoint()).append(", reader ").append(reader).append("\n\n");
                b.append("| predictor | n | events | OR (95 % CI) | p Wald | p LR | ").append(adjustedHeads(basis))
                        .append(" | method |\n|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
                List<String> notes = new java.util.ArrayList<>();
                List<UnivariableResult> family = new java.util.ArrayList<>();
                for (UnivariableResult r : results) {
                    if (!r.reader().equals(reader) || !r.timePoint().equals(o.timePoint())) continue;
                    family.add(r);
                    boolean strong = r.fitted() && Multiplicity.adjusted(r, basis).holm() < 0.05;
                    String name = strong ? "**" + r.predictor() + "**" : r.predictor();
                    if (!r.fitted()) {
                        b.append("| ").append(name).append(" | ").append(r.n()).append(" | ").append(r.events()).append(" | ")
                                .append(r.note().replace("|", "/")).append(" | | | | | | | |\n");
                        continue;
                    }
                    String method = r.method() == LogisticFit.Method.FIRTH ? "Firth (profile CI)" : "ML (Wald CI)";
                    if (r.lowEventsPerParameter()) method += " †";
                    b.append("| ").append(name).append(" | ").append(r.n()).append(" | ").append(r.events()).append(" | ")
                            .append(Fmt.ratio(r.oddsRatio())).append(" (").append(Fmt.ratio(r.lower())).append("-").append(Fmt.ratio(r.upper()))
                            .append(") | ").append(Fmt.p(r.pWald())).append(" | ").append(Fmt.p(r.pLr())).append(" | ")
                            .append(adjustedCells(Multiplicity.adjusted(r, basis))).append(" | ").append(method).append(" |\n");
                    if (r.method() == LogisticFit.Method.FIRTH) notes.add(r.predictor() + ": " + String.join("; ", r.warnings()));
                }
                b.append("\n").append(familyNote(Multiplicity.tests(family, basis), "univariable test", "reader " + reader + " at " + o.timePoint(),
                        allUni, "univariable tests of the report", basis)).append(" † fewer than 10 events per parameter.\n");
                for (String n : notes) b.append("- ").append(n).append('\n');
                String plot = "forest-" + reader.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + o.timePoint().replaceAll("[^A-Za-z0-9_.-]", "_") + ".png";
                if (plots.contains(plot)) b.append("\n![forest plot ").append(reader).append(' ').append(o.timePoint()).append("](").append(plot).append(")\n");
            }
        }
        multivariable(b, multivariable, Multiplicity.basisMultivariable(multivariable));
        notAssessable(b, dictionary, notAssessable);
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

    private static void multivariable(StringBuilder b, List<MultivariableResult> models, Multiplicity.Test basis) {
        if (models.isEmpty()) return;
        int all = Multiplicity.testsMultivariable(models, basis);
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
            b.append("| predictor | adjusted OR (95 % CI) | p Wald | p LR | ").append(adjustedHeads(basis))
                    .append(" |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (MultivariableResult.Term t : m.terms()) {
                boolean strong = Multiplicity.adjusted(t, basis).holm() < 0.05;
                b.append("| ").append(strong ? "**" + t.predictor() + "**" : t.predictor()).append(" | ").append(Fmt.ratio(t.oddsRatio()))
                        .append(" (").append(Fmt.ratio(t.lower())).append("-").append(Fmt.ratio(t.upper())).append(") | ")
                        .append(Fmt.p(t.pWald())).append(" | ").append(Fmt.p(t.pLr())).append(" | ")
                        .append(adjustedCells(Multiplicity.adjusted(t, basis))).append(" |\n");
            }
            b.append("\n").append(familyNote(Multiplicity.testsMultivariable(List.of(m), basis), "term", "this model", all,
                    "multivariable terms of the report", basis)).append('\n');
            for (String w : m.warnings()) b.append("- ").append(w).append('\n');
        }
        b.append("\n† fewer than 10 events per parameter.\n");
    }

    /** The four adjusted-p column heads of a table. */
    private static String adjustedHeads(Multiplicity.Test basis) {
        String p = "p " + basis.label();
        return p + " Holm | " + p + " BH | " + p + " Holm, all | " + p + " BH, all";
    }

    private static String adjustedCells(AdjustedP a) {
        return Fmt.p(a.holm()) + " | " + Fmt.p(a.bh()) + " | " + Fmt.p(a.holmAll()) + " | " + Fmt.p(a.bhAll());
    }

    /** What was adjusted under a table, and how many tests its families hold; says so when a family has one test or none. */
    static String familyNote(int tests, String unit, String family, int all, String allFamily, Multiplicity.Test basis) {
        String p = "p (" + basis.label() + ")";
        String f = switch (tests) {
            case 0 -> "Family (" + family + "): no " + unit + ", nothing to adjust.";
            case 1 -> "Family (" + family + "): 1 " + unit + ", nothing to adjust: Holm and BH equal the raw p.";
            default -> "Family (" + family + "): " + tests + " " + unit + "s; Holm and BH adjust " + p + " over them.";
        };
        return f + " \"all\": over the " + all + " " + allFamily + (all == 1 ? " (1 test: equal to the raw p)." : ".")
                + " Bold: Holm-adjusted " + p + " < 0.05 within the family.";
    }

    /** The multiplicity section: which p is adjusted, how, and how many tests each family holds. */
    private static void multiplicity(StringBuilder b, List<TimePointOutcomes> tps, List<String> readers, List<UnivariableResult> results,
                                     List<MultivariableResult> multivariable, Multiplicity.Test basis) {
        Multiplicity.Test mvBasis = Multiplicity.basisMultivariable(multivariable);
        boolean mv = !multivariable.isEmpty();
        b.append("\n## Multiplicity\n\n")
                .append("Every p-value is shown with its Holm (family-wise error rate) and Benjamini-Hochberg (BH, false discovery rate)"
                        + " adjustments, computed as R's `p.adjust`. The report adjusts the ")
                .append(basis == Multiplicity.Test.LR ? "likelihood-ratio p (the test used for inference)"
                        : "Wald p (no likelihood-ratio tests were computed)")
                .append("; results.csv and multivariable.csv carry both adjustments of both the Wald and the LR p. Families: each reader"
                        + " and time point (the univariable models of one table; for the multivariable analysis, the terms of one model),"
                        + " and all tests together (\"all\": every univariable test of the report; separately, every multivariable term)."
                        + " Univariable and multivariable tests are not pooled. A model that could not be fitted is not a test; a family"
                        + " of one test is not adjusted (adjusted p = raw p). Bold predictors: Holm-adjusted p < 0.05 within their"
                        + " reader x time point family.\n\n");
        b.append("| reader | time point | univariable tests").append(mv ? " | multivariable terms |\n|---|---|---:|---:|\n" : " |\n|---|---|---:|\n");
        int uniTotal = Multiplicity.tests(results, basis);
        int mvTotal = Multiplicity.testsMultivariable(multivariable, mvBasis);
        for (TimePointOutcomes o : tps) {
            for (String reader : readers) {
                int u = Multiplicity.tests(results.stream().filter(r -> r.reader().equals(reader) && r.timePoint().equals(o.timePoint())).toList(),
                        basis);
                b.append("| ").append(reader).append(" | ").append(o.timePoint()).append(" | ").append(u).append(u == 1 ? " (not adjusted)" : "");
                if (mv) {
                    int t = Multiplicity.testsMultivariable(multivariable.stream().filter(m -> m.reader().equals(reader)
                            && m.timePoint().equals(o.timePoint())).toList(), mvBasis);
                    b.append(" | ").append(t).append(t == 1 ? " (not adjusted)" : "");
                }
                b.append(" |\n");
            }
        }
        b.append("| all | all | ").append(uniTotal).append(mv ? " | " + mvTotal : "").append(" |\n\n");
        b.append("Tests run: ").append(uniTotal).append(" univariable").append(mv ? " and " + mvTotal + " multivariable, " + (uniTotal + mvTotal)
                + " in total" : "").append(".\n");
    }

    /** Per reader and predictor, the patients whose value is missing because a finding was not assessable. */
    private static void notAssessable(StringBuilder b, DataDictionary dictionary, java.util.Map<String, java.util.Map<String, Integer>> counts) {
        if (counts.values().stream().allMatch(java.util.Map::isEmpty)) return;
        b.append("\n## Not assessable\n\nPatients whose predictor is missing because the reader recorded one of its findings as not assessable "
                + "(motion, artefact, not in field of view); they are left out of that predictor's models like any missing value.\n\n"
                + "| reader | predictor | not assessable n |\n|---|---|---|\n");
        for (String reader : new java.util.TreeSet<>(counts.keySet())) {
            java.util.Map<String, Integer> m = counts.get(reader);
            for (PredictorDef d : dictionary.entries()) {
                Integer n = m.get(d.name());
                if (n != null && n > 0) b.append("| ").append(reader).append(" | ").append(d.name()).append(" | ").append(n).append(" |\n");
            }
        }
    }

    private static void problems(StringBuilder b, List<String> problems) {
        if (problems.isEmpty()) return;
        b.append("\n## Problems and notes\n\n");
        for (int i = 0; i < Math.min(problems.size(), MAX_PROBLEMS); i++) b.append("- ").append(problems.get(i)).append('\n');
        if (problems.size() > MAX_PROBLEMS) b.append("- ... and ").append(problems.size() - MAX_PROBLEMS).append(" more (see the command's error output)\n");
    }
}
