package org.parsreader.scoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.scoring.analysis.GroupComparison;
import org.parsreader.scoring.analysis.LinearAnalysis;
import org.parsreader.scoring.analysis.LinearModelResult;
import org.parsreader.scoring.analysis.LinearResult;
import org.parsreader.scoring.analysis.Multiplicity;
import org.parsreader.scoring.describe.GroupColumn;
import org.parsreader.scoring.describe.Table1;
import org.parsreader.scoring.describe.Table1Builder;
import org.parsreader.scoring.describe.Table1Csv;
import org.parsreader.scoring.describe.Table1Markdown;
import org.parsreader.scoring.analysis.MultivariableAnalysis;
import org.parsreader.scoring.analysis.MultivariableResult;
import org.parsreader.scoring.analysis.UnivariableAnalysis;
import org.parsreader.scoring.analysis.UnivariableResult;
import org.parsreader.scoring.outcome.ContinuousOutcome;
import org.parsreader.scoring.outcome.OutcomeCsv;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.TimePointOutcomes;
import org.parsreader.scoring.predictors.DataDictionary;
import org.parsreader.scoring.predictors.FindingsCohort;
import org.parsreader.scoring.predictors.PredictorTable;
import org.parsreader.render.Figure;
import org.parsreader.scoring.report.ForestPlot;
import org.parsreader.scoring.report.LinearCsv;
import org.parsreader.scoring.report.LinearReport;
import org.parsreader.scoring.report.HtmlReport;
import org.parsreader.scoring.report.NrsOverTime;
import org.parsreader.scoring.report.MarkdownReport;
import org.parsreader.scoring.report.ScoringCsv;
import org.parsreader.util.OutputFiles;
import org.parsreader.util.Parallel;

/**
 * The whole scoring of a reading study: outcomes CSV + findings files, to outcomes per time
 * point, the predictor table and a univariable model per predictor, reader and time point
 * (and, when the request names a predictor set, one multivariable model per reader and time
 * point), their p-values adjusted for multiplicity ({@link Multiplicity}: Holm and
 * Benjamini-Hochberg per reader and time point and over all tests of the run); then the
 * output files. Problems with single files or rows are collected in
 * {@link Result#problems()} and the rest goes on.
 *
 * <pre>{@code
 * ScoringRun.Result r = ScoringRun.run(ScoreRequest.of(Path.of("sample-data/cohort"), Path.of("sample-data/cohort/outcomes.csv")));
 * ScoringRun.write(r, Path.of("out"));
 * }</pre>
 */
public final class ScoringRun {
    public static final String TEMPLATE = "pars-injection";
    /** Base name of the pain-over-time figure (.png, .svg, .pdf). */
    public static final String NRS_FIGURE = "nrs-over-time";

    private ScoringRun() { }

    /** Everything a run computed. */
    public record Result(ScoreRequest request, OutcomeTable outcomes, List<TimePointOutcomes> timePoints, PredictorTable table,
                         List<String> readers, List<UnivariableResult> results, List<MultivariableResult> multivariable,
                         List<String> problems, List<LinearResult> linear, List<LinearModelResult> linearModels,
                         List<GroupComparison.Responders> groups, List<LinearModelResult> groupModels, Table1 table1) {
        public Result {
            linear = linear == null ? List.of() : List.copyOf(linear);
            linearModels = linearModels == null ? List.of() : List.copyOf(linearModels);
            groups = groups == null ? List.of() : List.copyOf(groups);
            groupModels = groupModels == null ? List.of() : List.copyOf(groupModels);
        }

        /** Without continuous outcomes or group comparisons. */
        public Result(ScoreRequest request, OutcomeTable outcomes, List<TimePointOutcomes> timePoints, PredictorTable table, List<String> readers,
                      List<UnivariableResult> results, List<MultivariableResult> multivariable, List<String> problems) {
            this(request, outcomes, timePoints, table, readers, results, multivariable, problems, null, null, null, null, null);
        }

        public List<UnivariableResult> results(String reader, String timePoint) {
            return results.stream().filter(r -> r.reader().equals(reader) && r.timePoint().equals(timePoint)).toList();
        }
    }

    public static Result run(ScoreRequest req) throws IOException {
        return run(req, null);
    }

    /**
     * As {@link #run(ScoreRequest)}, with the dose and time columns of the outcomes completed from
     * the images ({@link DoseTimeTable#apply}: typed values win, differences are kept in the table's
     * {@link DoseTimeTable#discrepancies()} and named in the problems); {@code doseTime} may be null.
     */
    public static Result run(ScoreRequest req, DoseTimeTable doseTime) throws IOException {
        // checked before anything is read, so a misspelt predictor fails fast
        List<String> mvSet = req.multivariable().isEmpty() ? List.of() : MultivariableAnalysis.checkPredictors(
                DataDictionary.parsInjection(ReadingTemplate.builtIn(TEMPLATE), List.of()), req.multivariable());
        OutcomeTable read = OutcomeCsv.read(req.outcomes(), req.allowIdentityColumns());
        OutcomeTable outcomes = doseTime == null ? read : doseTime.apply(read);
        if (!outcomes.hasSeries(req.rule().series()) || outcomes.series(req.rule().series()).timePoints().isEmpty()) {
            throw new IllegalArgumentException(req.outcomes() + ": no follow-up column " + req.rule().series() + "_<t> (e.g. "
                    + req.rule().series() + "_15min) for the rule " + req.rule().key() + "; nothing to score");
        }
        // the grouping column is checked before anything else is read, so a misspelt column fails fast
        GroupColumn group = req.groupBy() == null ? null : GroupColumn.read(req.outcomes(), req.groupBy(), outcomes);
        FindingsCohort cohort = FindingsCohort.load(req.findings());
        if (cohort.entries().isEmpty()) {
            throw new IllegalArgumentException(req.findings() + ": no readable *" + FindingsCohort.SUFFIX + " files"
                    + (cohort.problems().isEmpty() ? "" : "; " + cohort.problems().get(0)));
        }
        List<TimePointOutcomes> tps = TimePointOutcomes.evaluateAll(outcomes, req.rule(), req.missing(), req.timePoints());
        // continuous outcomes and the grouping column are checked before any model is fitted
        Map<ContinuousOutcome, List<String>> linearTimes = new LinkedHashMap<>();
        for (ContinuousOutcome o : req.linear()) {
            List<String> all = o.timePoints(outcomes);
            // the selected time points that this outcome's series has (a series may lack one the rule has)
            linearTimes.put(o, req.timePoints().isEmpty() ? all : all.stream().filter(req.timePoints()::contains).toList());
        }
        if (req.group() != null) GroupComparison.levels(outcomes, req.group());
        Table1 table1 = Table1Builder.build(outcomes, tps, group);
        PredictorTable table = PredictorTable.build(cohort, outcomes, tps, ReadingTemplate.builtIn(TEMPLATE));
        List<String> readers = req.readers().isEmpty() ? table.readers()
                : req.readers().stream().map(cohort::resolveReader).distinct().toList();
        // the models of one reader and time point are one task; the tasks run in parallel and are taken in order
        record Fits(List<UnivariableResult> univariable, MultivariableResult multivariable) { }
        List<Callable<Fits>> fitting = new ArrayList<>();
        for (String reader : readers) {
            for (TimePointOutcomes tp : tps) {
                fitting.add(() -> new Fits(UnivariableAnalysis.run(table, reader, tp.timePoint(), req.fitOptions(), req.firth()),
                        mvSet.isEmpty() ? null : MultivariableAnalysis.fit(table, reader, tp.timePoint(), mvSet, req.fitOptions(), req.firth())));
            }
        }
        List<UnivariableResult> results = new ArrayList<>();
        List<MultivariableResult> multivariable = new ArrayList<>();
        for (Fits f : Parallel.run(fitting, Parallel.cores(), "score-fits")) {
            results.addAll(f.univariable());
            if (f.multivariable() != null) multivariable.add(f.multivariable());
        }
        // Holm and BH per reader x time point and over all tests of the run (Multiplicity)
        List<UnivariableResult> adjusted = Multiplicity.adjustUnivariable(results);
        List<MultivariableResult> adjustedMv = Multiplicity.adjustMultivariable(multivariable);
        List<LinearResult> linear = new ArrayList<>();
        List<LinearModelResult> linearModels = new ArrayList<>();
        for (var e : linearTimes.entrySet()) {
            for (String reader : readers) {
                for (String t : e.getValue()) {
                    linear.addAll(LinearAnalysis.univariable(table, outcomes, e.getKey(), reader, t));
                    if (!mvSet.isEmpty()) linearModels.add(LinearAnalysis.multivariable(table, outcomes, e.getKey(), reader, t, mvSet));
                }
            }
        }
        List<GroupComparison.Responders> groups = new ArrayList<>();
        List<LinearModelResult> groupModels = new ArrayList<>();
        if (req.group() != null) {
            for (TimePointOutcomes tp : tps) groups.add(GroupComparison.responders(outcomes, req.group(), tp));
            for (var e : linearTimes.entrySet()) for (String t : e.getValue()) groupModels.add(GroupComparison.linear(outcomes, req.group(), e.getKey(), t));
        }
        List<String> problems = new ArrayList<>();
        outcomes.problems().forEach(p -> problems.add(p.toString()));
        outcomes.notes().forEach(n -> problems.add(req.outcomes() + ": " + n));
        problems.addAll(cohort.problems());
        problems.addAll(table.notes());
        return new Result(req, outcomes, tps, table, readers, adjusted, adjustedMv, problems, Multiplicity.adjustLinear(linear),
                Multiplicity.adjustLinearModels(linearModels), groups, Multiplicity.adjustLinearModels(groupModels), table1);
    }

    /**
     * Writes predictors.csv, dictionary.csv, outcomes.csv, results.csv, multivariable.csv (when
     * a multivariable model was asked for), table1.csv and table1.md (the descriptive table, also
     * a section of the report), one forest plot per reader and time point
     * (forest-&lt;reader&gt;-&lt;time point&gt; as .png, .svg and .pdf), the pain-over-time figure
     * ({@value #NRS_FIGURE}, the same three), report.md and report.html (the same report with the
     * figures inline as SVG, one file); returns the files.
     * Each file is written whole or not at all: a failure (a full disk) leaves no half-written
     * file, and its message names the file.
     */
    public static List<Path> write(Result r, Path out) throws IOException {
        OutputFiles.createDirectories(out);
        List<Path> files = new ArrayList<>();
        text(out, "predictors.csv", files, w -> ScoringCsv.predictors(r.table(), w));
        text(out, "dictionary.csv", files, w -> ScoringCsv.dictionary(r.table().dictionary(), w));
        text(out, "outcomes.csv", files, w -> ScoringCsv.outcomeSummary(r.outcomes(), r.timePoints(), w));
        text(out, "results.csv", files, w -> ScoringCsv.results(r.results(), r.request().rule().key(), r.request().missing().key(), w));
        if (!r.multivariable().isEmpty()) {
            text(out, "multivariable.csv", files, w -> ScoringCsv.multivariable(r.multivariable(), r.request().rule().key(),
                    r.request().missing().key(), w));
        }
        List<String> plots = new ArrayList<>();
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (String reader : r.readers()) {
            for (TimePointOutcomes tp : r.timePoints()) {
                String base = "forest-" + safe(reader) + "-" + safe(tp.timePoint());
                Figure f = ForestPlot.figure(r.results(reader, tp.timePoint()), r.table().dictionary(), reader + ", " + tp.timePoint()
                        + ": " + r.request().rule().label() + " (n = " + tp.counts().analysed() + ", " + tp.counts().successes() + " successes)");
                files.addAll(ForestPlot.write(f, out, base));
                plots.add(base + ".png");
                figures.put(base + ".png", f);
            }
        }
        if (!r.linear().isEmpty()) text(out, "linear.csv", files, w -> LinearCsv.univariable(r.linear(), w));
        if (!r.linearModels().isEmpty()) text(out, "linear-multivariable.csv", files, w -> LinearCsv.models(r.linearModels(), w));
        if (!r.groups().isEmpty()) text(out, "groups.csv", files, w -> LinearCsv.groups(r.groups(), r.groupModels(), w));
        if (r.table1() != null) {
            text(out, "table1.csv", files, w -> Table1Csv.write(r.table1(), w));
            text(out, "table1.md", files, w -> w.write(Table1Markdown.document(r.table1())));
        }
        Figure nrs = NrsOverTime.figure(NrsOverTime.points(r.outcomes(), r.timePoints()), "Pain (NRS) over time");
        files.addAll(ForestPlot.write(nrs, out, NRS_FIGURE));
        figures.put(NRS_FIGURE + ".png", nrs);
        String md = MarkdownReport.score(r.outcomes(), r.timePoints(), r.readers(), r.results(), r.multivariable(), r.table().dictionary(),
                r.problems(), plots, r.table().notAssessable()) + "\n## Pain over time\n\n![NRS over time: mean and 95 % CI per group](" + NRS_FIGURE + ".png)\n"
                + LinearReport.section(r) + (r.table1() == null ? "" : "\n" + Table1Markdown.section(r.table1()));
        text(out, "report.md", files, w -> w.write(md));
        text(out, "report.html", files, w -> w.write(HtmlReport.html("Pars Reader scoring report", md, figures)));
        return files;
    }

    /** One output file, written whole or not at all ({@link OutputFiles}). */
    private static void text(Path dir, String name, List<Path> files, OutputFiles.Text content) throws IOException {
        OutputFiles.writeText(dir.resolve(name), content);
        files.add(dir.resolve(name));
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
