package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.scoring.ScoreRequest;
import org.parsreader.scoring.ScoringRun;
import org.parsreader.scoring.analysis.AdjustedP;
import org.parsreader.scoring.analysis.Multiplicity;
import org.parsreader.scoring.analysis.MultivariableResult;
import org.parsreader.scoring.analysis.UnivariableResult;
import org.parsreader.scoring.outcome.ContinuousOutcome;
import org.parsreader.scoring.outcome.MissingRule;
import org.parsreader.scoring.outcome.OutcomeRule;
import org.parsreader.scoring.outcome.TimePointOutcomes;
import org.parsreader.scoring.predictors.DataDictionary;
import org.parsreader.scoring.report.Fmt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code score --findings DIR --outcomes CSV --out DIR}: predictors, outcomes and univariable models of a reading study. */
@Command(name = "score", description = {"Predictor table, outcomes per time point and a univariable logistic model per predictor,"
        + " reader and time point; writes predictors.csv, dictionary.csv, outcomes.csv, results.csv, report.md and forest plots;"
        + " and the descriptive table (Table 1: table1.csv, table1.md) by outcome and, with --group-by COLUMN, by a column of the outcomes file.",
        "With --multivariable P1,P2,... also one multivariable model per reader and time point (multivariable.csv).",
        },
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader score --findings sample-data/cohort \\",
            "      --outcomes sample-data/cohort/outcomes.csv --out out/score --reader R1",
            "  pars-reader score --findings sample-data/cohort \\",
            "      --outcomes sample-data/cohort/outcomes.csv --out out/score-mv \\",
            "      --multivariable bme_isthmic_any,contrast_n_compartments",
            "  pars-reader score --findings sample-data/cohort \\",
            "      --outcomes sample-data/cohort/outcomes.csv --out out/score-groups \\",
            "      --reader R1 --group-by guidance --linear ppr"})
final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--findings", paramLabel = "DIR", description = "a cohort folder (case folders with findings/) or a folder of findings files")
    Path findings;

    @Option(names = "--outcomes", paramLabel = "CSV", description = "outcomes per pseudonym: pseudonym, nrs_0, nrs_<t> ...")
    Path outcomes;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (created)")
    Path out;

    @Option(names = "--reader", paramLabel = "R", split = ",", description = "reader id or role (R1, R2, consensus); repeatable; default: every reader")
    List<String> readers;

    @Option(names = "--rule", paramLabel = "RULE", defaultValue = "ppr50",
            description = "success: ppr50 (default), ppr50-or-zero, drop:K, drop:K+gpe, ppr:X; or composed: conditions ppr:X[@series],"
                    + " drop:K[@series], zero[@series], gpe, no-intervention joined by + (and) and | (or), e.g."
                    + " 'drop:2@leg_nrs+gpe+no-intervention', 'drop:10@odi|ppr:30@odi'")
    String rule;

    @Option(names = "--missing", paramLabel = "RULE", defaultValue = "complete", description = "missing follow-up: complete (default) or failure")
    String missing;

    @Option(names = "--allow-identity-columns", description = "accept an outcomes CSV with identity columns (they are ignored, never written)")
    boolean allowIdentity;

    @Option(names = "--multivariable", paramLabel = "P1,P2", split = ",",
            description = "also fit one multivariable model of these predictors per reader and time point (complete cases);"
                    + " writes multivariable.csv")
    List<String> multivariable;

    @Option(names = "--linear", paramLabel = "O1,O2", split = ",",
            description = "continuous outcomes analysed by linear regression (same predictors; univariable, and multivariable with"
                    + " --multivariable): ppr[@series], change[@series], e.g. ppr,change@odi,change@leg_nrs; writes linear.csv")
    List<String> linear;

    @Option(names = "--group", paramLabel = "COLUMN",
            description = "compare the groups of this text column of the outcomes CSV (e.g. guidance) over time points: responders"
                    + " per group with chi-square / Fisher, and the linear model of each --linear outcome on the group; writes groups.csv")
    String group;

    @Option(names = "--time-points", paramLabel = "T1,T2", split = ",",
            description = "analyse only these follow-up time points of the rule's series (default: all), e.g. 1month")
    List<String> timePoints;

    @Option(names = "--firth", description = "Firth's penalised likelihood for every model (default: only where separation is detected)")
    boolean firth;

    @Option(names = "--group-by", paramLabel = "COLUMN",
            description = "also describe the cohort by this column of the outcomes file in Table 1 (table1.csv, table1.md), e.g. guidance")
    String groupBy;
    @Option(names = "--dose-time", paramLabel = "CSV",
            description = "dose-time.csv from batch: fills empty ctdivol_mgy, dlp_mgycm, procedure_min of the outcomes from the images"
                    + " (typed values win; differences listed in dose-time-discrepancies.csv)")
    Path doseTime;

    @Option(names = "--dictionary", description = "print the data dictionary and exit")
    boolean dictionaryOnly;

    @Override
    public Integer call() throws IOException {
        if (dictionaryOnly) {
            System.out.print(DataDictionary.parsInjection(ReadingTemplate.builtIn(ScoringRun.TEMPLATE), List.of("<t>")).format());
            return 0;
        }
        if (findings == null || outcomes == null || out == null) {
            throw new IllegalArgumentException("score needs --findings DIR, --outcomes CSV and --out DIR (or --dictionary)");
        }
        ScoreRequest req = new ScoreRequest(findings, outcomes, readers, OutcomeRule.parse(rule), MissingRule.parse(missing), allowIdentity, null,
                multivariable).withFirth(firth).withLinear(ContinuousOutcome.parseList(linear == null ? "" : String.join(",", linear)))
                .withGroup(group).withTimePoints(timePoints).withGroupBy(groupBy);
        org.parsreader.scoring.DoseTimeTable dose = doseTime == null ? null : org.parsreader.scoring.DoseTimeTable.read(doseTime);
        ScoringRun.Result r = ScoringRun.run(req, dose);
        for (String p : r.problems()) System.err.println("warning: " + p);
        List<Path> files = new java.util.ArrayList<>(ScoringRun.write(r, out));
        if (dose != null) {
            Path d = out.resolve(org.parsreader.scoring.DoseTimeTable.DISCREPANCIES);
            org.parsreader.util.OutputFiles.writeText(d, dose::writeDiscrepancies);
            files.add(d);
        }
        System.out.println("Outcome: " + req.rule().label() + "; " + req.missing().label());
        for (TimePointOutcomes o : r.timePoints()) {
            System.out.printf("  %-10s n = %d, successes %d (%s %%), missing follow-up %d, NRS_0 = 0 excluded %d%n", o.timePoint(),
                    o.counts().analysed(), o.counts().successes(), Fmt.fixed(100 * o.counts().successRate(), 0), o.counts().missingFollowUp(),
                    o.counts().baselineZero());
        }
        Multiplicity.Test basis = Multiplicity.basis(r.results());
        for (String reader : r.readers()) {
            for (TimePointOutcomes o : r.timePoints()) {
                System.out.printf("%nReader %s, %s%n%-32s %5s %6s  %-22s %7s %7s %7s %7s  %s%n", reader, o.timePoint(), "predictor", "n", "events",
                        "OR (95 % CI)", "p Wald", "p LR", "Holm", "BH", "method");
                for (UnivariableResult u : r.results(reader, o.timePoint())) {
                    if (!u.fitted()) {
                        System.out.printf("%-32s %5d %6d  %s%n", u.predictor(), u.n(), u.events(), u.note());
                        continue;
                    }
                    AdjustedP a = Multiplicity.adjusted(u, basis);
                    System.out.printf("%-32s %5d %6d  %-22s %7s %7s %7s %7s  %s%s%n", u.predictor(), u.n(), u.events(),
                            Fmt.ratio(u.oddsRatio()) + " (" + Fmt.ratio(u.lower()) + "-" + Fmt.ratio(u.upper()) + ")", Fmt.p(u.pWald()),
                            Fmt.p(u.pLr()), Fmt.p(a.holm()), Fmt.p(a.bh()), u.method(), u.lowEventsPerParameter() ? " EPV<10" : "");
                }
            }
        }
        Multiplicity.Test mvBasis = Multiplicity.basisMultivariable(r.multivariable());
        for (MultivariableResult m : r.multivariable()) {
            System.out.printf("%nReader %s, %s, multivariable: n = %d (%d dropped for a missing predictor), events %d", m.reader(), m.timePoint(),
                    m.n(), m.dropped(), m.events());
            if (!m.fitted()) {
                System.out.printf("; %s%n", m.note());
                continue;
            }
            System.out.printf(", %s, model LR chi-square %s on %d df (p %s)%s%n%-32s  %-22s %7s %7s %7s %7s%n", m.method(), Fmt.fixed(m.modelChiSquare(), 2),
                    m.modelDf(), Fmt.p(m.modelP()), m.lowEventsPerParameter() ? ", EPV<10" : "", "predictor", "adjusted OR (95 % CI)", "p Wald", "p LR",
                    "Holm", "BH");
            for (MultivariableResult.Term t : m.terms()) {
                AdjustedP a = Multiplicity.adjusted(t, mvBasis);
                System.out.printf("%-32s  %-22s %7s %7s %7s %7s%n", t.predictor(), Fmt.ratio(t.oddsRatio()) + " (" + Fmt.ratio(t.lower()) + "-"
                        + Fmt.ratio(t.upper()) + ")", Fmt.p(t.pWald()), Fmt.p(t.pLr()), Fmt.p(a.holm()), Fmt.p(a.bh()));
            }
        }
        System.out.printf("%nHolm, BH: p (%s) adjusted within each reader and time point (multivariable: within the model); "
                + "%d univariable tests%s in all; over all tests together: results.csv, report.md%n", basis.label(),
                Multiplicity.tests(r.results(), basis), r.multivariable().isEmpty() ? ""
                        : ", " + Multiplicity.testsMultivariable(r.multivariable(), mvBasis) + " multivariable terms");
        if (!r.linear().isEmpty()) {
            System.out.printf("Linear regression: %d univariable models of %s (linear.csv)%s%n", r.linear().size(),
                    String.join(", ", req.linear().stream().map(ContinuousOutcome::key).toList()),
                    r.linearModels().isEmpty() ? "" : ", " + r.linearModels().size() + " multivariable (linear-multivariable.csv)");
        }
        for (var g : r.groups()) {
            StringBuilder line = new StringBuilder("  " + g.group() + ", " + g.timePoint() + ":");
            for (int k = 0; k < g.levels().size(); k++) {
                line.append(" ").append(g.levels().get(k)).append(" ").append(g.responders().get(k)).append("/").append(g.analysed().get(k));
            }
            System.out.println(line + "; " + (g.test().isEmpty() ? g.note() : g.test() + " p " + Fmt.p(g.p())));
        }
        System.out.println();
        System.out.println(files.size() + " files written to " + out);
        return 0;
    }
}
