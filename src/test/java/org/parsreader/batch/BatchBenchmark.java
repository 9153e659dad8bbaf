package org.parsreader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Stream;
import org.parsreader.sample.SampleCaseGenerator;
import org.parsreader.util.ProgressListener;

/**
 * Issue 7 benchmark: a synthetic cohort of N cases (default 200) through index, contrast and
 * csv with 1 and 2 jobs; cases per second. The sample case is generated once and linked into
 * every case folder (DICOM files hard-linked, findings copied, so each case records its own
 * contrast). Each run gets a fresh cohort and out folder; a warm-up run of 100 cases comes first, and 1 and 2 jobs alternate twice to show the spread.
 *
 * <p>{@code java -cp target/test-classes:target/classes:... org.parsreader.batch.BatchBenchmark DIR [N]}
 */
public final class BatchBenchmark {
    private BatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench-data/batch");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path template = dir.resolve("template");
        if (!Files.isDirectory(template)) SampleCaseGenerator.generate(template);
        run(dir, template, "warmup", 100, 2);
        System.out.println("| cases | jobs | seconds | cases/s | peak cases with volumes | peak volumes |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        int k = 0;
        for (int jobs : new int[] {1, 2, 1, 2}) run(dir, template, "run-" + (++k), n, jobs);
    }

    static void run(Path dir, Path template, String name, int n, int jobs) throws IOException {
        Path cohort = dir.resolve(name).resolve("cohort");
        Path out = dir.resolve(name).resolve("out");
        delete(dir.resolve(name));
        for (int i = 1; i <= n; i++) link(template, cohort.resolve(String.format("case-%04d", i)));
        long t0 = System.nanoTime();
        BatchRunner.Result r = BatchRunner.run(new BatchRunner.Options(cohort, out, jobs, Shard.ALL,
                EnumSet.of(Step.INDEX, Step.CONTRAST, Step.CSV), null, 0), ProgressListener.NONE);
        double s = (System.nanoTime() - t0) / 1e9;
        if (r.manifest().count(Manifest.Status.done) != n) {
            throw new IllegalStateException(name + ": " + r.manifest().count(Manifest.Status.failed) + " failed, e.g. "
                    + r.manifest().cases().stream().filter(c -> c.status() != Manifest.Status.done).findFirst().orElseThrow().reason());
        }
        if (!name.equals("warmup")) {
            System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.2f | %d | %d |%n", n, jobs, s, n / s, r.peakCases(), r.peakVolumes());
        }
    }

    private static void link(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else if (p.toString().endsWith(".findings.json")) Files.copy(p, t);
                else Files.createLink(t, p);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
