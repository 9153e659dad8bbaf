package org.parsreader.findings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frozen reads (issue 14 point 3): no save without an audited unlock; a hand edit on disk is found by its checksum and refused. */
class FrozenReadTest {
    @Test
    void aFrozenReadRefusesSavesUntilUnlockedWithAReason(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        byte[] first = TestDocs.generate(1, 1, 100, 100);
        store.save("R1", first, "R1", "read");
        FreezeRecord r = store.freeze("R1", "R1", "marked complete");
        assertThat(r.sha256()).isEqualTo(AuditEntry.sha256(first));
        assertThat(store.freezeRecord("R1")).contains(r);
        assertThat(store.freeze("R1", "lead", "consensus started")).as("idempotent").isEqualTo(r);

        byte[] second = TestDocs.generate(1, 2, 100, 100);
        assertThatThrownBy(() -> store.save("R1", second, "R1", "late change"))
                .isInstanceOf(FrozenReadException.class)
                .hasMessageContaining("refused to save").hasMessageContaining("marked complete").hasMessageContaining("study unlock");
        assertThat(store.read("R1")).contains(first);
        int versions = store.versions("R1").size();

        assertThatThrownBy(() -> store.unfreeze("R1", "lead", " ")).hasMessageContaining("needs a reason");
        store.unfreeze("R1", "lead jd", "R1 mistyped the L5 gap width");
        assertThat(store.freezeRecord("R1")).isEmpty();
        store.save("R1", second, "R1", "corrected");
        assertThat(store.read("R1")).contains(second);
        assertThat(store.versions("R1")).hasSize(versions + 1);

        List<AuditEntry> log = store.auditLog().read().entries();
        assertThat(log).extracting(AuditEntry::action).containsExactly(AuditAction.SAVE, AuditAction.FREEZE, AuditAction.UNFREEZE, AuditAction.SAVE);
        AuditEntry unlock = log.get(2);
        assertThat(unlock.who()).isEqualTo("lead jd");
        assertThat(unlock.what()).contains("R1 mistyped the L5 gap width").contains("marked complete");
        assertThat(log.get(1).sha256()).isEqualTo(r.sha256());
    }

    @Test
    void aHandEditOfAFrozenReadIsRefusedOnReadingAndLeftAsFound(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        byte[] first = TestDocs.generate(2, 1, 100, 100);
        store.save("R1", first, "R1", "read");
        store.freeze("R1", "R1", "marked complete");
        byte[] edited = TestDocs.generate(2, 7, 100, 100);
        Files.write(store.file("R1"), edited);

        assertThatThrownBy(() -> store.read("R1")).isInstanceOf(FrozenReadException.class)
                .hasMessageContaining("changed on disk").hasMessageContaining("findings restore").hasMessageContaining("--version 1")
                .satisfies(e -> assertThat(((FrozenReadException) e).changedOnDisk()).isTrue());
        assertThatThrownBy(() -> {
            try (ReaderSession s = store.open("R1")) {
                s.read();
            }
        }).isInstanceOf(FrozenReadException.class);
        assertThatThrownBy(() -> store.save("R1", TestDocs.generate(2, 8, 100, 100), "R1", "x")).isInstanceOf(FrozenReadException.class);
        assertThat(store.file("R1")).hasBinaryContent(edited);
        assertThat(store.damagedFiles("R1")).isEmpty();

        // the repair: the frozen version comes back (the hand edit is kept as a version), and the read is frozen still
        store.restore("R1", 1, "lead");
        assertThat(store.read("R1")).contains(first);
        assertThat(store.freezeRecord("R1")).isPresent();
        assertThat(store.versions("R1")).anySatisfy(v -> assertThat(v.path()).hasBinaryContent(edited));
    }

    @Test
    void aDeletedFrozenReadIsNoticedAndUnlockRecordsTheAcceptedEdit(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        store.save("R2", TestDocs.generate(3, 1, 100, 100), "R2", "read");
        store.freeze("R2", "lead", "consensus started");
        Files.delete(store.file("R2"));
        assertThatThrownBy(() -> store.read("R2")).hasMessageContaining("file is gone");

        store.save("R1", TestDocs.generate(4, 1, 100, 100), "R1", "read");
        store.freeze("R1", "R1", "marked complete");
        byte[] edited = TestDocs.generate(4, 2, 100, 100);
        Files.write(store.file("R1"), edited);
        store.unfreeze("R1", "lead", "the edit was agreed at the meeting");
        assertThat(store.read("R1")).contains(edited);
        assertThat(store.auditLog().read().entries()).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.UNFREEZE);
            assertThat(e.what()).contains("changed on disk, change accepted");
        });
    }

    @Test
    void nothingToFreezeAndDamagedRecordsAreNamed(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        assertThatThrownBy(() -> store.freeze("R1", "R1", "x")).hasMessageContaining("no findings here");
        store.save("R1", TestDocs.generate(5, 1, 100, 100), "R1", "read");
        Files.writeString(store.freezeFile("R1"), "{\"reader\": \"R1\"}");
        assertThatThrownBy(() -> store.read("R1")).hasMessageContaining("R1.frozen.json").hasMessageContaining("missing 'sha256'");
    }
}
