package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.SmallDisk;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.store.FindingsStoreException;

/**
 * Issue 11, point 6, from the user's side, on a real tmpfs: a reader's save on a full disk, then
 * {@code findings versions}; {@code score}, {@code agreement} and {@code findings export-csv
 * --out} on a full disk. Nothing half-written is left, and every error names the file.
 */
class FullDiskCommandsTest {
    static final ReadingTemplate PARS = ReadingTemplate.builtIn("pars-injection");

    @Test
    void aFailedSaveIsNotListedByFindingsVersionsNorAudited(@TempDir Path tmp) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 256 * 1024)) {
            Path caseDir = disk.root().resolve("case");
            Path file = caseDir.resolve("findings/R1.findings.json");
            Path audit = caseDir.resolve("findings/audit.log");
            CommandLineTest.Run versionsBefore;
            byte[] fileBefore;
            byte[] auditBefore;
            try (CaseFindings f = CaseFindings.open(caseDir, new FindingsDocument.Reader("R1", Role.R1), PARS, "P0001", List.of("1.2.3"), "jdoe")) {
                f.editor().set("pars_defect", "L5", Side.LEFT, "complete");
                assertThat(f.save("pars defect")).isPresent();
                versionsBefore = CommandLineTest.run("findings", "versions", caseDir.toString(), "--reader", "R1");
                fileBefore = Files.readAllBytes(file);
                auditBefore = Files.readAllBytes(audit);

                f.editor().set("hollenberg", "L5", Side.LEFT, "3");
                disk.fill(0);
                Throwable error = catchThrowable(() -> f.save("hollenberg"));
                assertThat(error).isInstanceOf(FindingsStoreException.class).hasMessageContaining("No space left on device")
                        .hasMessageStartingWith(file.toString());
                assertThat(f.editor().isDirty()).as("the change is still unsaved").isTrue();
                assertThat(Files.readAllBytes(file)).isEqualTo(fileBefore);
                assertThat(Files.readAllBytes(audit)).isEqualTo(auditBefore);
                CommandLineTest.Run versions = CommandLineTest.run("findings", "versions", caseDir.toString(), "--reader", "R1");
                assertThat(versions.status()).as(versions.err()).isZero();
                assertThat(versions.out()).isEqualTo(versionsBefore.out()).contains("1 kept version(s), last intact 1");
                disk.unfill();
            } // close saves the change now that there is room
            CommandLineTest.Run after = CommandLineTest.run("findings", "versions", caseDir.toString(), "--reader", "R1");
            assertThat(after.out()).contains("2 kept version(s), last intact 2");
            assertThat(Files.readString(file)).contains("hollenberg");
        }
    }

    @Test
    void scoreAndAgreementOnAFullDiskLeaveNoPartialFile(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        assertThat(CommandLineTest.run("generate-cohort", cohort.toString(), "--patients", "30", "--seed", "3").status()).isZero();
        Path reference = tmp.resolve("reference");
        List<String> score = List.of("score", "--findings", cohort.toString(), "--outcomes", cohort.resolve("outcomes.csv").toString(), "--reader", "R1");
        List<String> agreement = List.of("agreement", "--findings", cohort.toString(), "--readers", "R1,R2", "--bootstrap", "100");
        assertThat(run(score, reference).status()).isZero();
        assertThat(run(agreement, reference).status()).isZero();
        Map<String, byte[]> expected = contents(reference);
        assertThat(expected.keySet()).contains("results.csv", "report.md", "forest-R1-1month.png", "agreement.csv", "agreement.md");
        long total = expected.values().stream().mapToLong(b -> b.length).sum();

        TreeMap<Integer, String> outcome = new TreeMap<>();
        List<String> failedAt = new ArrayList<>();
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 2 * total + 64 * SmallDisk.PAGE)) {
            for (int pages = 0; ; pages += 3) {
                Path out = disk.root().resolve("out-" + pages);
                Files.createDirectories(out);
                disk.fill((long) pages * SmallDisk.PAGE);
                CommandLineTest.Run s = run(score, out);
                CommandLineTest.Run a = s.status() == 0 ? run(agreement, out) : s;
                disk.unfill();
                for (CommandLineTest.Run r : List.of(s, a)) {
                    if (r.status() != 0) {
                        // "error: <out>/<file>: cannot write: No space left on device (nothing written; ...)"
                        assertThat(r.err()).as(pages + " pages").startsWith("error: " + out + "/").contains(": cannot write: No space left on device");
                        String name = r.err().substring(("error: " + out + "/").length()).split(":")[0];
                        failedAt.add(name);
                        outcome.put(pages, "failed at " + name);
                    }
                }
                Map<String, byte[]> written = contents(out);
                assertThat(written.keySet()).as(pages + " pages: no temporary file").noneMatch(n -> n.endsWith(".tmp"));
                for (Map.Entry<String, byte[]> e : written.entrySet()) {
                    assertThat(e.getValue()).as(pages + " pages: " + e.getKey() + " is complete").isEqualTo(expected.get(e.getKey()));
                }
                if (s.status() == 0 && a.status() == 0) {
                    outcome.put(pages, "all written");
                    assertThat(written.keySet()).isEqualTo(expected.keySet());
                    break;
                }
                assertThat(pages).as("the disk is big enough for every output").isLessThan(1000);
                for (String n : written.keySet()) Files.delete(out.resolve(n));
            }
        }
        System.out.println("FullDiskCommandsTest: " + outcome);
        assertThat(failedAt).as("the disk filled at a CSV, a plot and the agreement outputs")
                .anyMatch(n -> n.endsWith(".csv")).anyMatch(n -> n.endsWith(".png")).anyMatch(n -> n.startsWith("agreement"));
    }

    @Test
    void exportCsvOnAFullDiskKeepsTheEarlierFileAndSaysWhich(@TempDir Path tmp) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 256 * 1024)) {
            Path csv = disk.root().resolve("findings.csv");
            Files.writeString(csv, "an earlier export\n");
            disk.fill(0);
            CommandLineTest.Run x = CommandLineTest.run("findings", "export-csv", "sample-data/case-001", "--out", csv.toString());
            disk.unfill();
            assertThat(x.status()).isEqualTo(1);
            assertThat(x.err()).contains("error: " + csv + ": cannot write: No space left on device");
            assertThat(Files.readString(csv)).isEqualTo("an earlier export\n");
            try (Stream<Path> s = Files.list(disk.root())) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactly("findings.csv");
            }
        }
    }

    static CommandLineTest.Run run(List<String> args, Path out) {
        List<String> all = new ArrayList<>(args);
        all.add("--out");
        all.add(out.toString());
        return CommandLineTest.run(all.toArray(String[]::new));
    }

    static Map<String, byte[]> contents(Path dir) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) m.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return m;
    }
}
