package org.parsreader.ij;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.parsreader.batch.BatchRunner;
import org.parsreader.batch.FailureSummary;
import org.parsreader.batch.Manifest;
import org.parsreader.batch.Shard;
import org.parsreader.batch.Step;
import org.parsreader.util.ProgressListener;

/**
 * Plugins &gt; Pars Reader &gt; Batch...: the command line's {@code batch} ({@link BatchRunner}) with the
 * same keys and defaults, ImageJ's progress bar, and the command line's failure summary in the Log:
 * each distinct reason once with its count and first cases (never {@code IJ.error} per case: that
 * would abort a calling macro); the other cases are done and the manifest says all. Without
 * {@code steps} each case runs the steps that fit it (a case without images: the findings steps,
 * with one note for the run), as {@code batch} without {@code --steps} does.
 *
 * <p>Macro: {@code run("Batch...", "cohort=/data/cohort out=/data/run1 jobs=2 steps=index,contrast,csv
 * [shard=1/4] [outcomes=/data/cohort/outcomes.csv]");}
 */
public final class BatchCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Batch...";
    static final String COHORT = "cohort";
    static final String OUT = "out";
    static final String JOBS = "jobs";
    static final String SHARD = "shard";
    static final String STEPS = "steps";
    static final String OUTCOMES = "outcomes";
    static final Set<String> KEYS = Set.of(COHORT, OUT, JOBS, SHARD, STEPS, OUTCOMES);
    /** The steps a case may run; without {@code steps} each case runs those that fit it (BatchRunner decides). */
    static final String ALL_STEPS = "index,contrast,bme,csv";
    static final String EXAMPLE = "cohort=/data/cohort out=/data/run1 [jobs=2] [steps=" + ALL_STEPS + "] [shard=1/4] [outcomes=/data/cohort/outcomes.csv]";

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            BatchRunner.Options o = Commands.request(COMMAND, EXAMPLE, BatchCommand::parse, BatchCommand::dialog);
            if (o == null) return;
            BatchRunner.Result r = process(o, new ImageJProgress());
            for (String line : log(r, o.out())) IJ.log(line);
        });
    }

    /** Macro options to batch options; unknown keys and bad values are errors naming them. */
    public static BatchRunner.Options parse(String macro) {
        MacroOptions m = MacroOptions.parse(COMMAND, macro, KEYS);
        return options(m.require(COMMAND, COHORT, EXAMPLE), m.require(COMMAND, OUT, EXAMPLE), m.get(JOBS, "1"), m.get(SHARD, ""),
                m.get(STEPS, ""), m.get(OUTCOMES, ""));
    }

    static BatchRunner.Options options(String cohort, String out, String jobs, String shard, String steps, String outcomes) {
        int n;
        try {
            n = Integer.parseInt(jobs.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(COMMAND + ": " + JOBS + " '" + jobs + "' must be a whole number, e.g. jobs=2");
        }
        boolean defaults = steps.isBlank();
        try {
            return new BatchRunner.Options(Path.of(cohort.trim()), Path.of(out.trim()), n, shard.isBlank() ? Shard.ALL : Shard.parse(shard),
                    Step.parse(defaults ? ALL_STEPS : steps), outcomes.isBlank() ? null : Path.of(outcomes.trim()), 0, defaults);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(COMMAND + ": " + e.getMessage(), e);
        }
    }

    /** Runs the batch; no window. */
    public static BatchRunner.Result process(BatchRunner.Options o, ProgressListener progress) throws IOException {
        return BatchRunner.run(o, progress);
    }

    /** What the log shows: the note on cases without images, each distinct failure reason once (as the command line), then the counts. */
    static java.util.List<String> log(BatchRunner.Result r, Path out) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        Manifest m = r.manifest();
        FailureSummary.noImagesNote(m, out.resolve(Manifest.FILE), "name steps=").ifPresent(n -> lines.add("Pars Reader: batch: " + n));
        for (String l : FailureSummary.lines(m, false)) lines.add("Pars Reader: batch: " + l);
        if (m.score() != null && m.score().status() == Manifest.Status.failed) lines.add("Pars Reader: batch: score failed: " + m.score().reason());
        lines.add("Pars Reader: batch: " + m.cases().size() + " cases: " + m.count(Manifest.Status.done) + " done, " + m.count(Manifest.Status.failed)
                + " failed, " + m.count(Manifest.Status.skipped) + " skipped; this run did " + r.ran() + ", " + r.resumed() + " were done before");
        return lines;
    }

    private static BatchRunner.Options dialog() {
        GenericDialog gd = new GenericDialog("Pars Reader: Batch");
        gd.addDirectoryField(COHORT, "", 40);
        gd.addDirectoryField(OUT, "", 40);
        gd.addNumericField(JOBS, 1, 0);
        gd.addStringField(STEPS, "", 30);
        gd.addStringField(SHARD, "", 8);
        gd.addFileField(OUTCOMES, "", 40);
        gd.addMessage("steps: index, contrast, bme, csv (empty: those that fit each case); shard: i/n (empty = all cases); outcomes: score the cohort once (optional)");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        String cohort = gd.getNextString(), out = gd.getNextString();
        String jobs = Integer.toString((int) gd.getNextNumber());
        String steps = gd.getNextString(), shard = gd.getNextString(), outcomes = gd.getNextString();
        return options(cohort, out, jobs, shard, steps, outcomes);
    }
}
