package org.parsreader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.parsreader.findings.store.AtomicFiles;
import org.parsreader.quant.ContrastParameters;
import org.parsreader.scoring.DoseTimeTable;
import org.parsreader.scoring.ScoreRequest;
import org.parsreader.scoring.ScoringRun;
import org.parsreader.scoring.outcome.MissingRule;
import org.parsreader.scoring.outcome.OutcomeRule;
import org.parsreader.util.OutputFiles;
import org.parsreader.util.Parallel;
import org.parsreader.util.ProgressListener;

/**
 * Runs the chosen {@link Step steps} over every case folder of a cohort (or of one shard of it),
 * then scores the cohort once when an outcomes CSV is given.
 *
 * <ul>
 *   <li>Each case is a task on a pool of {@code jobs} threads; it loads its own volumes inside a
 *       {@link VolumeGate} lease, so at most {@code jobs} cases hold volumes at once (a lease holds
 *       one step's set: a post-contrast CT and its baseline, or one MR) and none outlive their step.</li>
 *   <li>A failing case is recorded with its reason; the others go on.</li>
 *   <li>{@code manifest.json} in the out folder is rewritten atomically after every case; a rerun
 *       into the same folder skips cases already done with the same or more steps.</li>
 * </ul>
 *
 * <pre>{@code
 * BatchRunner.Result r = BatchRunner.run(new BatchRunner.Options(cohort, out, 2, Shard.ALL,
 *         EnumSet.of(Step.INDEX, Step.CONTRAST, Step.CSV), null, 0), ProgressListener.NONE);
 * }</pre>
 */
public final class BatchRunner {
    public static final String TOOL = "Pars Reader";

    /**
     * @param outcomes outcomes CSV to score the cohort with, or null
     * @param limit    process at most this many pending cases, then stop (0: all); for time-boxed scheduler slots
     * @param defaultSteps the steps are the defaults, not named by the user: a case without DICOM images then
     *                 skips the image steps (index, contrast, bme) with a note and runs the findings steps, instead of failing
     */
    public record Options(Path cohort, Path out, int jobs, Shard shard, Set<Step> steps, Path outcomes, int limit, boolean defaultSteps) {
        /** Steps named by the user (or all, when null or empty): every one is required of every case. */
        public Options(Path cohort, Path out, int jobs, Shard shard, Set<Step> steps, Path outcomes, int limit) {
            this(cohort, out, jobs, shard, steps, outcomes, limit, false);
        }

        public Options {
            if (jobs < 1) throw new IllegalArgumentException("jobs " + jobs + ": needs 1 or more");
            if (limit < 0) throw new IllegalArgumentException("limit " + limit + ": needs 0 (all) or more");
            shard = shard == null ? Shard.ALL : shard;
            steps = steps == null || steps.isEmpty() ? EnumSet.allOf(Step.class) : EnumSet.copyOf(steps);
        }
    }

    /**
     * @param ran         cases processed in this run
     * @param resumed     cases found done by an earlier run and not redone
     * @param peakCases   most cases holding volumes at once
     * @param peakVolumes most volumes held at once
     */
    public record Result(Manifest manifest, int ran, int resumed, int peakCases, int peakVolumes) {
        public boolean allDone() {
            return manifest.cases().stream().noneMatch(c -> c.status() == Manifest.Status.failed)
                    && (manifest.score() == null || manifest.score().status() != Manifest.Status.failed);
        }
    }

    private BatchRunner() {}

    public static String toolVersion() {
        String v = BatchRunner.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** The case folders of a cohort, sorted by name: sub-folders, not hidden, not the out folder. */
    public static List<Path> cases(Path cohort, Path exclude) throws IOException {
        if (!Files.isDirectory(cohort)) throw new IllegalArgumentException(cohort + ": no such folder");
        Path ex = exclude == null ? null : exclude.toAbsolutePath().normalize();
        try (Stream<Path> s = Files.list(cohort)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> ex == null || !p.toAbsolutePath().normalize().equals(ex))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
    }

    public static Result run(Options o, ProgressListener progress) throws IOException {
        AtomicFiles.createDirectories(o.out());
        Path manifestFile = o.out().resolve(Manifest.FILE);
        Manifest previous = Manifest.readIfPresent(o.out()).orElse(null);
        String shard = o.shard().equals(Shard.ALL) ? null : o.shard().toString();
        if (previous != null && !java.util.Objects.equals(previous.shard(), shard)) {
            throw new IllegalArgumentException(manifestFile + " is from shard " + previous.shard() + ", not " + shard + "; use another --out folder");
        }
        List<String> steps = Step.labels(o.steps());
        List<Path> all = o.shard().select(cases(o.cohort(), o.out()));
        Map<String, Manifest.CaseEntry> entries = new TreeMap<>();
        if (previous != null) for (Manifest.CaseEntry c : previous.cases()) entries.put(c.name(), c);
        List<Path> pending = new ArrayList<>();
        int resumed = 0;
        for (Path c : all) {
            Manifest.CaseEntry e = entries.get(c.getFileName().toString());
            if (e != null && e.status() != Manifest.Status.failed && covers(e, steps, o.defaultSteps())) {
                resumed++;
            } else {
                pending.add(c);
            }
        }
        if (o.limit() > 0 && pending.size() > o.limit()) pending = pending.subList(0, o.limit());

        String started = previous != null ? previous.startedAt() : Instant.now().toString();
        Map<String, String> parameters = parameters(o);
        Object lock = new Object();
        Manifest[] current = {new Manifest(Manifest.FORMAT_VERSION, TOOL, toolVersion(), o.cohort().toAbsolutePath().toString(), steps, parameters,
                shard, started, null, new ArrayList<>(entries.values()), previous == null ? null : previous.score())};
        current[0].write(manifestFile);

        int inner = Math.max(1, Parallel.cores() / o.jobs());
        VolumeGate gate = new VolumeGate(o.jobs(), inner);
        String software = TOOL + " " + toolVersion() + " batch";
        AtomicInteger done = new AtomicInteger();
        int total = pending.size();
        progress.progress(0, total, "cases");
        ExecutorService pool = Executors.newFixedThreadPool(o.jobs(), r -> {
            Thread t = new Thread(r, "pars-reader batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path c : pending) {
                futures.add(pool.submit(() -> {
                    Manifest.CaseEntry e = runCase(c, o, gate, software, inner);
                    synchronized (lock) {
                        entries.put(e.name(), e);
                        current[0] = with(current[0], entries, null, current[0].score());
                        try {
                            current[0].write(manifestFile);
                        } catch (IOException ex) {
                            throw new java.io.UncheckedIOException("cannot write " + manifestFile + ": " + ex.getMessage(), ex);
                        }
                    }
                    if (progress instanceof CaseListener l) l.caseEnded(e);
                    progress.progress(done.incrementAndGet(), total, e.name());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException ex) {
                    if (ex.getCause() instanceof RuntimeException r) throw r;
                    throw new IllegalStateException(ex.getCause());
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch interrupted; rerun to resume", ex);
        } finally {
            pool.shutdownNow();
        }

        collectDoseTime(o.out());
        Manifest.CaseEntry score = current[0].score();
        boolean complete = o.limit() == 0 || pending.size() + resumed == all.size();
        if (o.outcomes() != null && shard == null && complete) score = score(o.cohort(), o.outcomes(), o.out());
        Manifest m = with(current[0], entries, Instant.now().toString(), score);
        m.write(manifestFile);
        return new Result(m, pending.size(), resumed, gate.peakLeases(), gate.peakVolumes());
    }

    /** Told of each case as it ends, before the progress count moves (a terminal bar counts failures). */
    public interface CaseListener extends ProgressListener {
        void caseEnded(Manifest.CaseEntry entry);
    }

    /**
     * Whether an earlier entry did what this run asks: all the steps, or (default steps) a case without
     * images that ran every findings step and skipped the image steps.
     */
    static boolean covers(Manifest.CaseEntry e, List<String> steps, boolean defaultSteps) {
        if (e.steps().containsAll(steps)) return true;
        if (!defaultSteps || !e.notes().contains(CaseWork.NO_IMAGES)) return false;
        for (Step s : Step.values()) if (!s.needsImages() && steps.contains(s.label()) && !e.steps().contains(s.label())) return false;
        return true;
    }

    /** How many cases of the manifest skipped their image steps for want of images (default steps). */
    public static long withoutImages(Manifest m) {
        return m.cases().stream().filter(c -> c.notes().contains(CaseWork.NO_IMAGES)).count();
    }

    /** The note {@link #withoutImages} counts. */
    public static String noImagesNote() {
        return CaseWork.NO_IMAGES;
    }

    private static Manifest.CaseEntry runCase(Path c, Options o, VolumeGate gate, String software, int inner) {
        String name = c.getFileName().toString();
        String start = Instant.now().toString();
        List<String> steps = Step.labels(o.steps());
        CaseWork w = new CaseWork(c, o.out(), o.steps(), gate, software, inner, o.defaultSteps());
        try {
            boolean any = w.run();
            steps = Step.labels(w.ran);
            return new Manifest.CaseEntry(name, any ? Manifest.Status.done : Manifest.Status.skipped,
                    any ? null : String.join("; ", w.notes), steps, w.outputs, w.notes, start, Instant.now().toString());
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            if (e instanceof OutOfMemoryError) why = "out of memory (" + why + "); rerun with fewer --jobs or a larger -Xmx";
            return new Manifest.CaseEntry(name, Manifest.Status.failed, why, steps, w.outputs, w.notes, start, Instant.now().toString());
        }
    }

    /**
     * Scores the cohort (default rule: PPR >= 50 %, complete cases) into {@code out/score}; the
     * entry says whether it worked. Used after a whole run, and after merging shards.
     */
    public static Manifest.CaseEntry score(Path cohort, Path outcomes, Path out) {
        String start = Instant.now().toString();
        try {
            Path doseFile = collectDoseTime(out);
            DoseTimeTable dose = doseFile == null ? null : DoseTimeTable.read(doseFile);
            ScoringRun.Result r = ScoringRun.run(new ScoreRequest(cohort, outcomes, null, OutcomeRule.parse("ppr50"),
                    MissingRule.parse("complete"), false, null, null, false), dose);
            List<String> files = new ArrayList<>();
            Path base = out.toAbsolutePath().normalize();
            List<Path> written = new ArrayList<>(ScoringRun.write(r, out.resolve("score")));
            if (dose != null) {
                Path d = out.resolve("score").resolve(DoseTimeTable.DISCREPANCIES);
                OutputFiles.writeText(d, dose::writeDiscrepancies);
                written.add(d);
            }
            for (Path p : written) {
                Path abs = p.toAbsolutePath().normalize();
                files.add((abs.startsWith(base) ? base.relativize(abs) : abs).toString());
            }
            return new Manifest.CaseEntry("score", Manifest.Status.done, null, List.of("score"), files, r.problems(), start, Instant.now().toString());
        } catch (Exception e) {
            return new Manifest.CaseEntry("score", Manifest.Status.failed, e.getMessage() == null ? e.toString() : e.getMessage(), List.of("score"),
                    null, null, start, Instant.now().toString());
        }
    }

    /**
     * Gathers the cases' {@code cases/<case>/dose-time.csv} rows (written by the index step) into
     * the out folder's {@value DoseTimeTable#FILE}, sorted by case, whole or not at all; returns it,
     * or null when no case has one. Rerun after every run and before scoring, so resumed and merged
     * cases are in it.
     */
    public static Path collectDoseTime(Path out) throws IOException {
        Path cases = out.resolve("cases");
        if (!Files.isDirectory(cases)) return null;
        List<String> rows = new ArrayList<>();
        try (Stream<Path> s = Files.list(cases)) {
            for (Path c : s.sorted().toList()) {
                Path f = c.resolve(DoseTimeTable.FILE);
                if (!Files.isRegularFile(f)) continue;
                List<String> lines = Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8);
                if (lines.size() < 2 || !lines.get(0).equals(String.join(",", DoseTimeTable.HEADER))) {
                    throw new IllegalArgumentException(f + ": not a dose-time row written by this version (header "
                            + (lines.isEmpty() ? "missing" : lines.get(0)) + "); rerun the index step of that case");
                }
                rows.addAll(lines.subList(1, lines.size()));
            }
        }
        if (rows.isEmpty()) return null;
        Path file = out.resolve(DoseTimeTable.FILE);
        OutputFiles.writeText(file, w -> {
            w.write(String.join(",", DoseTimeTable.HEADER) + "\n");
            for (String r : rows) w.write(r + "\n");
        });
        return file;
    }

    private static Map<String, String> parameters(Options o) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("jobs", Integer.toString(o.jobs()));
        if (o.outcomes() != null) {
            p.put("outcomes", o.outcomes().toAbsolutePath().toString());
            p.put("score.rule", "ppr50");
            p.put("score.missing", "complete");
        }
        if (o.steps().contains(Step.CONTRAST)) {
            for (Map.Entry<String, String> e : ContrastParameters.DEFAULTS.asMap().entrySet()) p.put("contrast." + e.getKey(), e.getValue());
            p.put("contrast.series", "SeriesChoice v1: post by description else last CT; baseline = needle-tip series, else described, else last before");
        }
        return p;
    }

    private static Manifest with(Manifest m, Map<String, Manifest.CaseEntry> entries, String ended, Manifest.CaseEntry score) {
        return new Manifest(m.formatVersion(), m.tool(), m.toolVersion(), m.cohort(), m.steps(), m.parameters(), m.shard(), m.startedAt(), ended,
                new ArrayList<>(entries.values()), score);
    }
}
