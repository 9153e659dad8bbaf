package org.parsreader.scoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.scoring.analysis.AgreementAnalysis;
import org.parsreader.scoring.analysis.AgreementResult;
import org.parsreader.scoring.predictors.FindingsCohort;
import org.parsreader.scoring.predictors.PredictorTable;
import org.parsreader.scoring.report.MarkdownReport;
import org.parsreader.scoring.report.ScoringCsv;
import org.parsreader.util.OutputFiles;

/**
 * Agreement of two readers over a cohort's findings: per finding item and per predictor.
 *
 * <pre>{@code
 * AgreementRun.Result r = AgreementRun.run(Path.of("sample-data/cohort"), "R1", "R2");
 * AgreementRun.write(r, Path.of("out"));
 * }</pre>
 */
public final class AgreementRun {
    private AgreementRun() { }

    public record Result(String readerA, String readerB, List<AgreementResult> rows, List<String> problems) { }

    /** readerA and readerB may be null: the first two readers found (R1, R2). */
    public static Result run(Path findings, String readerA, String readerB) throws IOException {
        FindingsCohort cohort = FindingsCohort.load(findings);
        List<String> readers = cohort.readers();
        if (readerA == null || readerB == null) {
            if (readers.size() < 2) throw new IllegalArgumentException(findings + ": agreement needs findings of two readers; found " + readers);
            readerA = readers.get(0);
            readerB = readers.get(1);
        } else {
            readerA = cohort.resolveReader(readerA);
            readerB = cohort.resolveReader(readerB);
        }
        if (readerA.equals(readerB)) throw new IllegalArgumentException("agreement needs two different readers, got " + readerA + " twice");
        ReadingTemplate t = ReadingTemplate.builtIn(ScoringRun.TEMPLATE);
        PredictorTable table = PredictorTable.build(cohort, null, List.of(), t);
        List<AgreementResult> rows = new ArrayList<>(AgreementAnalysis.predictors(table, readerA, readerB));
        rows.addAll(AgreementAnalysis.findings(cohort.ofReader(readerA), cohort.ofReader(readerB), t));
        List<String> problems = new ArrayList<>(cohort.problems());
        problems.addAll(table.notes());
        return new Result(readerA, readerB, rows, problems);
    }

    /** agreement.csv and agreement.md, each written whole or not at all ({@link OutputFiles}). */
    public static List<Path> write(Result r, Path out) throws IOException {
        OutputFiles.createDirectories(out);
        Path csv = out.resolve("agreement.csv");
        Path md = out.resolve("agreement.md");
        OutputFiles.writeText(csv, w -> ScoringCsv.agreement(r.rows(), w));
        OutputFiles.writeString(md, MarkdownReport.agreement(r.rows(), r.problems()));
        return List.of(csv, md);
    }
}
