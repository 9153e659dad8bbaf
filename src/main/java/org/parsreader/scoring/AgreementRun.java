package org.parsreader.scoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.scoring.analysis.AgreementAnalysis;
import org.parsreader.scoring.analysis.AgreementOptions;
import org.parsreader.scoring.analysis.AgreementResult;
import org.parsreader.scoring.predictors.FindingsCohort;
import org.parsreader.scoring.predictors.PredictorTable;
import org.parsreader.scoring.report.AgreementReport;
import org.parsreader.scoring.report.BlandAltmanPlots;
import org.parsreader.util.OutputFiles;

/**
 * Agreement of two or more readers over a cohort's findings: per finding item and per
 * predictor, for every pair and (three or more readers) for all together.
 *
 * <pre>{@code
 * AgreementRun.Result r = AgreementRun.run(Path.of("sample-data/cohort"), List.of("R1", "R2", "consensus"), AgreementOptions.DEFAULT);
 * AgreementRun.write(r, Path.of("out"));
 * }</pre>
 */
public final class AgreementRun {
    private AgreementRun() { }

    public record Result(List<String> readers, AgreementOptions options, List<AgreementResult> rows,
                         List<AgreementAnalysis.BlandAltmanPlot> plots, List<String> problems) {
        public String readerA() { return readers.get(0); }

        public String readerB() { return readers.get(1); }
    }

    /** Two readers (null, null: the first two found) with the default options. */
    public static Result run(Path findings, String readerA, String readerB) throws IOException {
        List<String> readers = readerA == null || readerB == null ? null : List.of(readerA, readerB);
        FindingsCohort cohort = FindingsCohort.load(findings);
        if (readers == null) {
            List<String> found = cohort.readers();
            readers = found.size() < 2 ? found : found.subList(0, 2);
        }
        return run(cohort, findings, readers, AgreementOptions.DEFAULT);
    }

    /** {@code readers}: ids or roles (R1, R2, consensus), two or more; null or empty: every reader found. */
    public static Result run(Path findings, List<String> readers, AgreementOptions options) throws IOException {
        return run(FindingsCohort.load(findings), findings, readers, options);
    }

    private static Result run(FindingsCohort cohort, Path findings, List<String> names, AgreementOptions options) {
        List<String> readers;
        if (names == null || names.isEmpty()) {
            readers = cohort.readers();
        } else {
            LinkedHashSet<String> ids = new LinkedHashSet<>();
            for (String n : names) {
                String id = cohort.resolveReader(n.trim());
                if (!ids.add(id)) throw new IllegalArgumentException("--readers: reader " + id + " is named twice (" + String.join(",", names) + ")");
            }
            readers = List.copyOf(ids);
        }
        if (readers.size() < 2) {
            throw new IllegalArgumentException(findings + ": agreement needs findings of at least two readers; found " + readers);
        }
        ReadingTemplate t = ReadingTemplate.builtIn(ScoringRun.TEMPLATE);
        PredictorTable table = PredictorTable.build(cohort, null, List.of(), t);
        Map<String, List<FindingsCohort.Entry>> byReader = new LinkedHashMap<>();
        for (String r : readers) byReader.put(r, cohort.ofReader(r));
        AgreementAnalysis.Output p = AgreementAnalysis.predictors(table, readers, options);
        AgreementAnalysis.Output f = AgreementAnalysis.findings(byReader, readers, t, options);
        List<AgreementResult> rows = new ArrayList<>(p.rows());
        rows.addAll(f.rows());
        List<AgreementAnalysis.BlandAltmanPlot> plots = new ArrayList<>(p.plots());
        plots.addAll(f.plots());
        List<String> problems = new ArrayList<>(cohort.problems());
        problems.addAll(table.notes());
        return new Result(readers, options, rows, plots, problems);
    }

    /**
     * agreement.csv, agreement.md and one Bland-Altman plot (PNG, SVG, PDF) per continuous item and reader pair,
     * each written whole or not at all ({@link OutputFiles}).
     */
    public static List<Path> write(Result r, Path out) throws IOException {
        OutputFiles.createDirectories(out);
        Path csv = out.resolve("agreement.csv");
        Path md = out.resolve("agreement.md");
        List<Path> files = new ArrayList<>();
        List<String> pngs = new ArrayList<>();
        for (AgreementAnalysis.BlandAltmanPlot p : r.plots()) {
            files.addAll(BlandAltmanPlots.write(p, out));
            pngs.add(BlandAltmanPlots.fileName(p));
        }
        OutputFiles.writeText(csv, w -> AgreementReport.csv(r.rows(), w));
        OutputFiles.writeString(md, AgreementReport.markdown(r.readers(), r.options(), r.rows(), pngs, r.problems()));
        files.add(0, md);
        files.add(0, csv);
        return files;
    }
}
