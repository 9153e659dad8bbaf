package org.parsreader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.parsreader.findings.store.AtomicFiles;

/**
 * Merges the manifests of the shards of one batch into one. A case in two manifests is a
 * conflict (shards never overlap, so it means a case was run twice): the done entry wins over
 * failed or skipped, else the first; differing steps, tool versions, cohorts or parameters are
 * conflicts too. Conflicts are reported, never silently resolved.
 */
public final class ManifestMerge {
    private ManifestMerge() {}

    /** @param conflicts one line per conflict, empty when the shards fit together */
    public record Result(Manifest manifest, List<String> conflicts, List<String> missingShards) {}

    /**
     * Reads the shard manifests, merges them, copies each case's outputs ({@code cases/<name>/})
     * from its shard's folder into {@code outDir} and writes the merged manifest there. With
     * {@code outcomes}, also scores the cohort once into {@code outDir/score}.
     */
    public static Result mergeInto(Path outDir, List<Path> manifests, Path outcomes) throws IOException {
        List<Manifest> ms = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path p : manifests) {
            ms.add(Manifest.read(p));
            names.add(p.toString());
        }
        Result r = merge(ms, names);
        AtomicFiles.createDirectories(outDir);
        Path target = outDir.toAbsolutePath().normalize();
        for (Manifest.CaseEntry c : r.manifest().cases()) {
            for (int i = 0; i < ms.size(); i++) {
                if (!ms.get(i).cases().contains(c)) continue;
                Path from = manifests.get(i).toAbsolutePath().normalize().getParent().resolve("cases").resolve(c.name());
                Path to = target.resolve("cases").resolve(c.name());
                if (Files.isDirectory(from) && !from.equals(to)) copyTree(from, to);
                break;
            }
        }
        BatchRunner.collectDoseTime(outDir); // the merged cases' dose and time in one dose-time.csv
        Manifest m = r.manifest();
        if (outcomes != null) {
            m = new Manifest(m.formatVersion(), m.tool(), m.toolVersion(), m.cohort(), m.steps(), m.parameters(), null, m.startedAt(), m.endedAt(),
                    m.cases(), BatchRunner.score(Path.of(m.cohort()), outcomes, outDir));
        }
        m.write(outDir.resolve(Manifest.FILE));
        return new Result(m, r.conflicts(), r.missingShards());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) AtomicFiles.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** @param names how to call each input in messages (its file) */
    public static Result merge(List<Manifest> inputs, List<String> names) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("nothing to merge: give one or more shard manifests");
        List<String> conflicts = new ArrayList<>();
        Manifest first = inputs.get(0);
        Map<String, Manifest.CaseEntry> cases = new TreeMap<>();
        Map<String, String> from = new TreeMap<>();
        Set<Integer> shardsSeen = new LinkedHashSet<>();
        int shardCount = 0;
        String started = first.startedAt(), ended = first.endedAt();
        for (int i = 0; i < inputs.size(); i++) {
            Manifest m = inputs.get(i);
            String name = names.get(i);
            differs(conflicts, "tool version", first.toolVersion(), m.toolVersion(), names.get(0), name);
            differs(conflicts, "cohort", first.cohort(), m.cohort(), names.get(0), name);
            differs(conflicts, "steps", first.steps(), m.steps(), names.get(0), name);
            differs(conflicts, "parameters", without(first.parameters()), without(m.parameters()), names.get(0), name);
            if (m.shard() != null) {
                Shard s = Shard.parse(m.shard());
                if (shardCount != 0 && shardCount != s.count()) conflicts.add(name + " is shard " + s + ", but others are of " + shardCount);
                shardCount = s.count();
                if (!shardsSeen.add(s.index())) conflicts.add(name + ": shard " + s + " given twice");
            }
            if (m.startedAt() != null && (started == null || m.startedAt().compareTo(started) < 0)) started = m.startedAt();
            if (m.endedAt() == null) conflicts.add(name + " has no end time: that shard has not finished");
            else if (ended != null && m.endedAt().compareTo(ended) > 0) ended = m.endedAt();
            for (Manifest.CaseEntry c : m.cases()) {
                Manifest.CaseEntry had = cases.get(c.name());
                if (had == null) {
                    cases.put(c.name(), c);
                    from.put(c.name(), name);
                    continue;
                }
                conflicts.add("case " + c.name() + " is in " + from.get(c.name()) + " (" + had.status() + ") and in " + name + " (" + c.status() + ")");
                if (had.status() != Manifest.Status.done && c.status() == Manifest.Status.done) {
                    cases.put(c.name(), c);
                    from.put(c.name(), name);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= shardCount; k++) if (!shardsSeen.contains(k)) missing.add(k + "/" + shardCount);
        Manifest merged = new Manifest(Manifest.FORMAT_VERSION, first.tool(), first.toolVersion(), first.cohort(), first.steps(),
                without(first.parameters()), null, started, ended, new ArrayList<>(cases.values()), null);
        return new Result(merged, conflicts, missing);
    }

    /** Parameters that may differ between shards without meaning anything: each machine's job count. */
    private static Map<String, String> without(Map<String, String> p) {
        Map<String, String> out = new TreeMap<>(p);
        out.remove("jobs");
        return out;
    }

    private static void differs(List<String> conflicts, String what, Object a, Object b, String an, String bn) {
        if (!Objects.equals(a, b)) conflicts.add(what + " differ: " + an + " has " + a + ", " + bn + " has " + b);
    }
}
