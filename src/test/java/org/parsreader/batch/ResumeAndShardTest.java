package org.parsreader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7: an interrupted batch resumes without redoing finished cases; shards split a cohort and merge back into one manifest. */
class ResumeAndShardTest {
    /** Findings-only cases (no DICOM): the csv step is cheap, so the counting is what is tested. */
    static Path findingsCohort(Path dir, int n) throws Exception {
        Path cohort = dir.resolve("cohort");
        Path src = Path.of("sample-data/cohort");
        for (int i = 1; i <= n; i++) {
            String name = String.format("P%03d", i);
            Path f = cohort.resolve(name).resolve("findings");
            Files.createDirectories(f);
            Files.copy(src.resolve(name).resolve("findings/R1.findings.json"), f.resolve("R1.findings.json"));
        }
        return cohort;
    }

    @Test
    void anInterruptedRunResumesWithoutRedoingFinishedCases(@TempDir Path tmp) throws Exception {
        Path cohort = findingsCohort(tmp, 7);
        Path out = tmp.resolve("out");
        AtomicInteger work = new AtomicInteger();
        // "interrupted" after 3 cases: a time-boxed run that stops, as a killed one would, with a complete manifest
        BatchRunner.Result part = BatchRunner.run(new BatchRunner.Options(cohort, out, 2, Shard.ALL, EnumSet.of(Step.CSV), null, 3),
                (done, total, what) -> { if (done > 0) work.incrementAndGet(); });
        assertThat(part.ran()).isEqualTo(3);
        assertThat(work.get()).isEqualTo(3);
        assertThat(Manifest.read(out.resolve(Manifest.FILE)).count(Manifest.Status.done)).isEqualTo(3);
        assertThat(part.manifest().endedAt()).isNotNull();

        work.set(0);
        BatchRunner.Result rest = BatchRunner.run(new BatchRunner.Options(cohort, out, 2, Shard.ALL, EnumSet.of(Step.CSV), null, 0),
                (done, total, what) -> { if (done > 0) work.incrementAndGet(); });
        assertThat(rest.ran()).isEqualTo(4);
        assertThat(rest.resumed()).isEqualTo(3);
        assertThat(work.get()).isEqualTo(4);
        assertThat(rest.manifest().count(Manifest.Status.done)).isEqualTo(7);
        assertThat(rest.allDone()).isTrue();
        for (int i = 1; i <= 7; i++) assertThat(out.resolve(String.format("cases/P%03d/findings.csv", i))).exists();
    }

    @Test
    void aShardTakesEveryNthCaseInNameOrder() {
        List<String> cases = List.of("a", "b", "c", "d", "e", "f", "g");
        assertThat(Shard.parse("1/3").select(cases)).containsExactly("a", "d", "g");
        assertThat(Shard.parse("2/3").select(cases)).containsExactly("b", "e");
        assertThat(Shard.parse("3/3").select(cases)).containsExactly("c", "f");
        assertThatThrownBy(() -> Shard.parse("0/3")).hasMessageContaining("1 <= i <= n");
        assertThatThrownBy(() -> Shard.parse("4/3")).hasMessageContaining("4/3");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("must be i/n");
    }

    @Test
    void shardsMergeIntoTheManifestOfOneRun(@TempDir Path tmp) throws Exception {
        Path cohort = findingsCohort(tmp, 5);
        List<Manifest> shards = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path out = tmp.resolve("out-" + i);
            BatchRunner.run(new BatchRunner.Options(cohort, out, 1, new Shard(i, 3), EnumSet.of(Step.CSV), null, 0), (a, b, c) -> { });
            shards.add(Manifest.read(out.resolve(Manifest.FILE)));
            names.add("out-" + i);
        }
        assertThat(shards.get(0).cases()).extracting(Manifest.CaseEntry::name).containsExactly("P001", "P004");
        assertThat(shards.get(0).shard()).isEqualTo("1/3");
        ManifestMerge.Result merged = ManifestMerge.merge(shards, names);
        assertThat(merged.conflicts()).isEmpty();
        assertThat(merged.missingShards()).isEmpty();
        Manifest whole = BatchRunner.run(new BatchRunner.Options(cohort, tmp.resolve("whole"), 1, Shard.ALL, EnumSet.of(Step.CSV), null, 0),
                (a, b, c) -> { }).manifest();
        assertThat(merged.manifest().cases()).extracting(c -> c.name() + " " + c.status() + " " + c.outputs())
                .containsExactlyElementsOf(whole.cases().stream().map(c -> c.name() + " " + c.status() + " " + c.outputs()).toList());
        assertThat(merged.manifest().shard()).isNull();

        // a shard given twice and a missing shard are reported, not silently merged
        ManifestMerge.Result bad = ManifestMerge.merge(List.of(shards.get(0), shards.get(0)), List.of("a.json", "b.json"));
        assertThat(bad.conflicts()).anyMatch(c -> c.contains("case P001 is in a.json (done) and in b.json (done)"))
                .anyMatch(c -> c.contains("given twice"));
        assertThat(bad.missingShards()).containsExactly("2/3", "3/3");
    }

    @Test
    void aShardsOutFolderIsNotReusedForAnotherShard(@TempDir Path tmp) throws Exception {
        Path cohort = findingsCohort(tmp, 2);
        Path out = tmp.resolve("out");
        BatchRunner.run(new BatchRunner.Options(cohort, out, 1, new Shard(1, 2), EnumSet.of(Step.CSV), null, 0), (a, b, c) -> { });
        assertThatThrownBy(() -> BatchRunner.run(new BatchRunner.Options(cohort, out, 1, new Shard(2, 2), EnumSet.of(Step.CSV), null, 0),
                (a, b, c) -> { })).hasMessageContaining("is from shard 1/2");
    }

    @Test
    void theCohortIsScoredOnceWhenOutcomesAreGiven(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        BatchRunner.Result r = BatchRunner.run(new BatchRunner.Options(Path.of("sample-data/cohort"), out, 2, Shard.ALL, EnumSet.of(Step.CSV),
                Path.of("sample-data/cohort/outcomes.csv"), 0), (a, b, c) -> { });
        assertThat(r.manifest().cases()).hasSize(134).allMatch(c -> c.status() == Manifest.Status.done);
        assertThat(r.manifest().score().status()).isEqualTo(Manifest.Status.done);
        assertThat(r.manifest().score().outputs()).contains("score/results.csv");
        assertThat(out.resolve("score/results.csv")).exists();
    }
}
