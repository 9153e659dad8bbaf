package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parsreader.batch.BatchRunner;
import org.parsreader.batch.FailureSummary;
import org.parsreader.batch.Manifest;
import org.parsreader.batch.Shard;
import org.parsreader.batch.Step;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code batch COHORT_DIR --out DIR}: the chosen steps over every case folder, resumable, in parallel, as one shard of several if asked. */
@Command(name = "batch", description = {"Run steps over every case folder of a cohort: index (study summary), contrast (from each reader's"
        + " needle tip or stored seed, recorded in the findings), bme (ratios where both ROIs are marked), csv (findings export);"
        + " then score the cohort once with --outcomes. Writes DIR/manifest.json after every case; rerun to resume.",
        "Default steps (no --steps): a case without DICOM images skips index, contrast and bme (one note for the run) and runs csv;"
        + " named steps are required of every case. Identical failure reasons are summarised once with the count.",
        "Exit 0 when every case is done (or had nothing to do), 1 when any failed (reasons on stderr; the others are done)."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader batch sample-data/cohort --out out/run1 --jobs 2",
            "  pars-reader batch sample-data/cohort --out out/run1 \\",
            "      --outcomes sample-data/cohort/outcomes.csv"})
final class BatchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "COHORT_DIR", description = "a folder of case folders")
    Path cohort;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder: manifest.json, cases/<case>/..., score/")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "cases at once, and at most N cases' volumes in memory (default 1)")
    int jobs;

    @Option(names = "--shard", paramLabel = "i/n", description = "only every n-th case from the i-th (1-based, cases sorted by folder name)")
    String shard;

    @Option(names = "--steps", paramLabel = "STEPS", description = "comma-separated: index, contrast, bme, csv (default: all that fit each case:"
            + " a case without DICOM images runs csv only)")
    String steps;

    @Option(names = "--verbose", description = "list every failed case on stderr (default: each distinct reason once, with a count and the first few cases)")
    boolean verbose;

    /** Failed cases named per reason before "..." (all with --verbose; all of them are in the manifest). */
    static final int FIRST_FEW = FailureSummary.FIRST_FEW;

    @Option(names = "--outcomes", paramLabel = "CSV", description = "score the cohort once with these outcomes (not in a shard: give it to batch-merge)")
    Path outcomes;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "stop after N cases (a time-boxed slot); rerun to go on")
    int limit;

    @Override
    public Integer call() throws IOException {
        Shard s = shard == null ? Shard.ALL : Shard.parse(shard);
        if (outcomes != null && !s.equals(Shard.ALL)) {
            System.err.println("warning: --outcomes is ignored in a shard; score after merging: batch-merge OUT SHARD_MANIFEST... --outcomes CSV");
        }
        boolean defaults = steps == null;
        BatchRunner.Result r = BatchRunner.run(new BatchRunner.Options(cohort, out, jobs, s, Step.parse(defaults ? "index,contrast,bme,csv" : steps),
                outcomes, limit, defaults), TerminalProgress.forBatch("batch"));
        FailureSummary.noImagesNote(r.manifest(), out.resolve(Manifest.FILE), "name --steps").ifPresent(System.err::println);
        return report(r.manifest(), r.ran(), r.resumed(), out, verbose);
    }

    static int report(Manifest m, int ran, int resumed, Path out) {
        return report(m, ran, resumed, out, false);
    }

    /**
     * Failures on stderr, grouped by reason (the reason less the case's own folder): a reason shared by
     * several cases is printed once with the count and the first few cases (all with {@code verbose});
     * the summary on stdout; the exit status.
     */
    static int report(Manifest m, int ran, int resumed, Path out, boolean verbose) {
        int failed = (int) m.count(Manifest.Status.failed);
        for (String line : FailureSummary.lines(m, verbose)) {
            System.err.println(verbose || !line.contains("; list in ") ? line : line.replace("; list in " + Manifest.FILE + ")",
                    "; list in " + Manifest.FILE + ", every case with --verbose)"));
        }
        System.out.printf("%d cases: %d done, %d failed, %d skipped (nothing to do)%s%n", m.cases().size(), m.count(Manifest.Status.done), failed,
                m.count(Manifest.Status.skipped), ran < 0 ? "" : "; this run did " + ran + ", " + resumed + " were done before");
        if (m.score() != null) {
            if (m.score().status() == Manifest.Status.failed) {
                failed++;
                System.err.println("score failed: " + m.score().reason());
            } else {
                System.out.println("score: " + m.score().outputs().size() + " files in " + out.resolve("score"));
            }
        }
        System.out.println("manifest: " + out.resolve(Manifest.FILE));
        return failed == 0 ? 0 : 1;
    }

    /** See {@link FailureSummary#reasonKey}. */
    static String reasonKey(Manifest.CaseEntry c) {
        return FailureSummary.reasonKey(c);
    }
}
