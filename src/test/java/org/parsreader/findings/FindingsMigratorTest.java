package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsMigrator.Options;
import org.parsreader.findings.FindingsMigrator.Outcome;
import org.parsreader.findings.FindingsMigrator.Status;
import org.parsreader.findings.store.AuditAction;
import org.parsreader.findings.store.AuditEntry;
import org.parsreader.findings.store.FindingsStore;
import org.parsreader.findings.store.FreezeRecord;

/** Issue 14 point 5: findings files of cases move to the current template version through the store, audited; frozen and damaged reads are handled. */
class FindingsMigratorTest {
    static final Options MIGRATE = new Options(false, false, "lead");

    /** A case folder holding the 1.0.0 fixture as R1's read. */
    static Path oldCase(Path root, String name) throws Exception {
        Path findings = Files.createDirectories(root.resolve(name).resolve("findings"));
        Files.copy(TemplateMigrationTest.OLD, findings.resolve("R1.findings.json"));
        return root.resolve(name);
    }

    static List<AuditEntry> audit(Path caseDir) throws Exception {
        return CaseFindings.store(caseDir).auditLog().read().entries();
    }

    @Test
    void migratesAtomicallyKeepsTheOldContentAsAVersionAuditsAndIsIdempotent(@TempDir Path tmp) throws Exception {
        Path c = oldCase(tmp, "P1");
        Path file = c.resolve("findings/R1.findings.json");
        byte[] old = Files.readAllBytes(file);

        Outcome o = FindingsMigrator.migrate(file, MIGRATE);
        assertThat(o.status()).as(o.toString()).isEqualTo(Status.MIGRATED);
        assertThat(o.toString()).contains("1.0.0 -> 1.1.0");
        FindingsDocument before = FindingsJson.read(old, "old");
        FindingsDocument after = FindingsJson.readFile(file);
        assertThat(after.template().version()).isEqualTo("1.1.0");
        assertThat(after.values()).usingRecursiveFieldByFieldElementComparator().isEqualTo(before.values());
        assertThat(after.rois()).usingRecursiveFieldByFieldElementComparator().isEqualTo(before.rois());
        assertThat(after.measurements()).usingRecursiveFieldByFieldElementComparator().isEqualTo(before.measurements());
        assertThat(after.levelComments()).isEqualTo(before.levelComments());
        List<AuditEntry> log = audit(c);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).action()).isEqualTo(AuditAction.MIGRATE);
        assertThat(log.get(0).who()).isEqualTo("lead");
        assertThat(log.get(0).what()).contains("pars-injection 1.0.0 -> 1.1.0");
        assertThat(log.get(0).sha256()).isEqualTo(AuditEntry.sha256(Files.readAllBytes(file)));
        // the 1.0.0 content is kept, so 'findings restore' can bring it back
        FindingsStore store = CaseFindings.store(c);
        assertThat(store.versions("R1").stream().anyMatch(v -> {
            try {
                return Arrays.equals(store.readVersion("R1", v.seq()), old);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).isTrue();

        byte[] migrated = Files.readAllBytes(file);
        Outcome again = FindingsMigrator.migrate(file, MIGRATE);
        assertThat(again.status()).isEqualTo(Status.UP_TO_DATE);
        assertThat(Files.readAllBytes(file)).isEqualTo(migrated);
        assertThat(audit(c)).hasSize(1);
    }

    @Test
    void aDryRunWritesNothing(@TempDir Path tmp) throws Exception {
        Path c = oldCase(tmp, "P1");
        byte[] old = Files.readAllBytes(c.resolve("findings/R1.findings.json"));
        List<Outcome> out = FindingsMigrator.run(List.of(tmp), new Options(true, false, "lead"));
        assertThat(out).extracting(Outcome::status).containsExactly(Status.WOULD_MIGRATE);
        assertThat(Files.readAllBytes(c.resolve("findings/R1.findings.json"))).isEqualTo(old);
        assertThat(c.resolve("findings/audit.log")).doesNotExist();
        assertThat(c.resolve("findings/.versions")).doesNotExist();
    }

    @Test
    void aFrozenReadIsMigratedOnlyWhenAskedAndItsFreezeMovesWithIt(@TempDir Path tmp) throws Exception {
        Path c = oldCase(tmp, "P1");
        Path file = c.resolve("findings/R1.findings.json");
        FindingsStore store = CaseFindings.store(c);
        FreezeRecord frozen = store.freeze("R1", "R1", "marked complete");
        byte[] old = Files.readAllBytes(file);

        Outcome refused = FindingsMigrator.migrate(file, MIGRATE);
        assertThat(refused.status()).isEqualTo(Status.FROZEN);
        assertThat(refused.message()).contains("frozen").contains("by R1 (marked complete)").contains("--include-frozen");
        assertThat(Files.readAllBytes(file)).isEqualTo(old);

        Outcome done = FindingsMigrator.migrate(file, new Options(false, true, "lead"));
        assertThat(done.status()).as(done.toString()).isEqualTo(Status.MIGRATED);
        byte[] now = Files.readAllBytes(file);
        FreezeRecord moved = store.freezeRecord("R1").orElseThrow();
        assertThat(moved.matches(now)).isTrue();
        assertThat(List.of(moved.time(), moved.who(), moved.why())).containsExactly(frozen.time(), frozen.who(), frozen.why());
        assertThat(store.read("R1")).isPresent(); // still frozen, and intact: no FrozenReadException
        AuditEntry last = audit(c).get(audit(c).size() - 1);
        assertThat(last.action()).isEqualTo(AuditAction.MIGRATE);
        assertThat(last.what()).contains("frozen read: the freeze").contains("now holds the migrated content");
    }

    @Test
    void aDamagedOrHandEditedFileIsReportedByNameAndLeftUntouched(@TempDir Path tmp) throws Exception {
        Path c = oldCase(tmp, "P1");
        byte[] whole = Files.readAllBytes(TemplateMigrationTest.OLD);
        // a half-written file of another reader
        Path half = Files.write(c.resolve("findings/R2.findings.json"), Arrays.copyOf(whole, whole.length / 2));
        // a frozen read edited by hand after it was frozen
        Path edited = oldCase(tmp, "P2").resolve("findings/R1.findings.json");
        CaseFindings.store(tmp.resolve("P2")).freeze("R1", "R1", "marked complete");
        byte[] hand = new String(whole, java.nio.charset.StandardCharsets.UTF_8).replace("\"2.5\"", "\"3.5\"").replace("2.5", "3.5")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(edited, hand);

        List<Outcome> out = FindingsMigrator.run(List.of(tmp), new Options(false, true, "lead"));
        assertThat(out).extracting(Outcome::file).containsExactly(c.resolve("findings/R1.findings.json"), half, edited);
        assertThat(out).extracting(Outcome::status).containsExactly(Status.MIGRATED, Status.FAILED, Status.FAILED);
        assertThat(out.get(1).toString()).contains(half.toString()).contains("damaged, left as it is").contains("not valid JSON");
        assertThat(out.get(2).toString()).contains(edited.toString()).contains("changed on disk").contains("left as it is");
        assertThat(Files.readAllBytes(half)).isEqualTo(Arrays.copyOf(whole, whole.length / 2));
        assertThat(Files.readAllBytes(edited)).isEqualTo(hand);
        try (var files = Files.list(c.resolve("findings"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged")); // not moved aside either
        }
    }

    @Test
    void aFileOutsideACaseIsRefusedNamingWhy(@TempDir Path tmp) throws Exception {
        Path loose = Files.copy(TemplateMigrationTest.OLD, tmp.resolve("R1.findings.json"));
        Outcome o = FindingsMigrator.migrate(loose, MIGRATE);
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.toString()).contains(loose.toString()).contains("CASE/findings/<reader>.findings.json");
        assertThat(Files.readAllBytes(loose)).isEqualTo(Files.readAllBytes(TemplateMigrationTest.OLD));
    }
}
