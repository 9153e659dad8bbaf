package org.parsreader.scoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.scoring.analysis.Multiplicity;
import org.parsreader.scoring.analysis.MultivariableAnalysis;
import org.parsreader.scoring.analysis.MultivariableResult;
import org.parsreader.scoring.analysis.UnivariableAnalysis;
import org.parsreader.scoring.analysis.UnivariableResult;
import org.parsreader.scoring.outcome.OutcomeCsv;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.TimePointOutcomes;
import org.parsreader.scoring.predictors.DataDictionary;
import org.parsreader.scoring.predictors.FindingsCohort;
import org.parsreader.scoring.predictors.PredictorTable;
import org.parsreader.render.Figure;
import org.parsreader.scoring.report.ForestPlot;
import org.parsreader.scoring.report.HtmlReport;
import org.parsreader.scoring.report.NrsOverTime;
import org.parsreader.scoring.report.MarkdownReport;
import org.parsreader.scoring.report.ScoringCsv;
import org.parsreader.util.OutputFiles;

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
                         List<String> problems) {
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
        if (outcomes.timePoints().isEmpty()) {
            throw new IllegalArgumentException(req.outcomes() + ": no follow-up column nrs_<t> (e.g. nrs_15min); nothing to score");
        }
        FindingsCohort cohort = FindingsCohort.load(req.findings());
        if (cohort.entries().isEmpty()) {
            throw new IllegalArgumentException(req.findings() + ": no readable *" + FindingsCohort.SUFFIX + " files"
                    + (cohort.problems().isEmpty() ? "" : "; " + cohort.problems().get(0)));
        }
        List<TimePointOutcomes> tps = TimePointOutcomes.evaluateAll(outcomes, req.rule(), req.missing());
        PredictorTable table = PredictorTable.build(cohort, outcomes, tps, ReadingTemplate.builtIn(TEMPLATE));
        List<String> readers = req.readers().isEmpty() ? table.readers()
                : req.readers().stream().map(cohort::resolveReader).distinct().toList();
        List<UnivariableResult> results = new ArrayList<>();
        List<MultivariableResult> multivariable = new ArrayList<>();
        for (String reader : readers) {
            for (TimePointOutcomes tp : tps) {
                results.addAll(UnivariableAnalysis.run(table, reader, tp.timePoint(), req.fitOptions(), req.firth()));
                if (!mvSet.isEmpty()) multivariable.add(MultivariableAnalysis.fit(table, reader, tp.timePoint(), mvSet, req.fitOptions(), req.firth()));
            }
        }
        // Holm and BH per reader x time point and over all tests of the run (Multiplicity)
        List<UnivariableResult> adjusted = Multiplicity.adjustUnivariable(results);
        List<MultivariableResult> adjustedMv = Multiplicity.adjustMultivariable(multivariable);
        List<String> problems = new ArrayList<>();
        outcomes.problems().forEach(p -> problems.add(p.toString()));
        outcomes.notes().forEach(n -> problems.add(req.outcomes() + ": " + n));
        problems.addAll(cohort.problems());
        problems.addAll(table.notes());
        return new Result(req, outcomes, tps, table, readers, adjusted, adjustedMv, problems);
    }

    /**
     * Writes predictors.csv, dictionary.csv, outcomes.csv, results.csv, multivariable.csv (when
     * a multivariable model was asked for), one forest plot per reader and time point
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
        Figure nrs = NrsOverTime.figure(NrsOverTime.points(r.outcomes(), r.timePoints()), "Pain (NRS) over time");
        files.addAll(ForestPlot.write(nrs, out, NRS_FIGURE));
        figures.put(NRS_FIGURE + ".png", nrs);
        String md = MarkdownReport.score(r.outcomes(), r.timePoints(), r.readers(), r.results(), r.multivariable(), r.table().dictionary(),
                r.problems(), plots) + "\n## Pain over time\n\n![NRS over time: mean and 95 % CI per group](" + NRS_FIGURE + ".png)\n";
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
