package org.parsreader.findings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3, point 4: a file damaged by hand is reported and kept, never silently dropped or overwritten. */
class DamagedFindingsTest {
    private final byte[] v1 = TestDocs.generate(7, 1, 2_000, 5_000);
    private final byte[] v2 = TestDocs.generate(7, 2, 2_000, 5_000);
    private final byte[] v3 = TestDocs.generate(7, 3, 2_000, 5_000);

    @Test
    void truncatedFileIsReportedWithItsPathMovedAsideAndTheLastGoodVersionRestorable(@TempDir Path caseDir)
            throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        store.save("R1", v1, "R1", "first");
        store.save("R1", v2, "R1", "second");
        byte[] damaged = Arrays.copyOf(v2, v2.length / 2);
        Files.write(store.file("R1"), damaged);

        DamagedFindingsException e = catchThrowableOfType(DamagedFindingsException.class, () -> store.read("R1"));
        assertThat(e.path()).isEqualTo(store.file("R1"));
        assertThat(e.problem()).startsWith("length ").contains("truncated");
        assertThat(e.getMessage()).contains(store.file("R1").toString()).contains("kept as");
        Path movedTo = e.movedTo().orElseThrow();
        assertThat(movedTo.getFileName().toString()).matches("R1\\.findings\\.damaged-\\d{8}T\\d{6}\\.\\d{3}Z\\.json");
        assertThat(Files.readAllBytes(movedTo)).as("damaged bytes kept as they were").isEqualTo(damaged);
        assertThat(store.damagedFiles("R1")).containsExactly(movedTo);
        assertThat(store.read("R1")).as("nothing current until restored").isEmpty();
        assertThat(store.readers()).as("a damaged file is not taken for findings").isEmpty();

        Version good = e.lastGoodVersion().orElseThrow();
        assertThat(good.seq()).isEqualTo(2); // every save is kept, so the very last save is back
        assertThat(store.readVersion("R1", good.seq())).isEqualTo(v2);
        store.restore("R1", good.seq(), "R1");
        assertThat(store.read("R1")).contains(v2);

        List<AuditEntry> log = store.auditLog().read().entries();
        assertThat(log).extracting(AuditEntry::action).containsExactly(AuditAction.SAVE, AuditAction.SAVE,
                AuditAction.DAMAGED_MOVED_ASIDE, AuditAction.RESTORE);
        assertThat(log.get(2).sha256()).isEqualTo(AuditEntry.sha256(damaged));
        assertThat(log.get(2).what()).contains(movedTo.getFileName().toString()).contains("truncated");
    }

    @Test
    void saveOverAGarbageFileNeverDestroysTheGarbage(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        store.save("R1", v1, "R1", "first");
        byte[] garbage = new byte[5_000];
        new Random(42).nextBytes(garbage);
        Files.write(store.file("R1"), garbage);

        try (ReaderSession session = store.open("R1")) {
            session.save(v3, "R1", "saving without reading first");
        }
        assertThat(store.read("R1")).contains(v3);
        List<Path> damaged = store.damagedFiles("R1");
        assertThat(damaged).hasSize(1);
        assertThat(Files.readAllBytes(damaged.get(0))).isEqualTo(garbage);
        assertThat(store.versions("R1")).extracting(v -> TestDocs.seqOf(Files.readAllBytes(v.path())))
                .containsExactly(1L, 3L);
    }

    @Test
    void emptyFileIsDamagedWhateverTheCallersCheckSays(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, IntegrityCheck.ANY);
        store.save("R1", v1, "R1", "first");
        Files.write(store.file("R1"), new byte[0]);
        assertThatThrownBy(() -> store.read("R1")).isInstanceOf(DamagedFindingsException.class)
                .hasMessageContaining("file is empty");
        assertThat(store.damagedFiles("R1")).hasSize(1);
    }

    @Test
    void damagedFileOfAReaderOpenElsewhereIsReportedButLeftInPlace(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        try (ReaderSession session = store.open("R1")) {
            session.save(v1, "R1", "first");
            byte[] garbage = "{\"seq\":1, oops".getBytes();
            Files.write(store.file("R1"), garbage);
            DamagedFindingsException e = catchThrowableOfType(DamagedFindingsException.class,
                    () -> new FindingsStore(caseDir, TestDocs.CHECK).read("R1"));
            assertThat(e.movedTo()).isEmpty();
            assertThat(e.getMessage()).contains("not moved aside").contains("left in place");
            assertThat(Files.readAllBytes(store.file("R1"))).isEqualTo(garbage);
            assertThat(e.lastGoodVersion()).map(Version::seq).contains(1L);
            // the session holding the lock moves it aside when it reads
            assertThatThrownBy(session::read).isInstanceOf(DamagedFindingsException.class);
            assertThat(store.damagedFiles("R1")).hasSize(1);
        }
    }

    @Test
    void contentThatFailsTheCheckIsNotSaved(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        store.save("R1", v1, "R1", "first");
        assertThatThrownBy(() -> store.save("R1", Arrays.copyOf(v2, v2.length - 10), "R1", "broken"))
                .isInstanceOf(RejectedContentException.class)
                .hasMessageContaining(store.file("R1").toString())
                .hasMessageContaining("truncated");
        assertThat(store.read("R1")).contains(v1);
        assertThat(store.auditLog().read().entries()).hasSize(1);
    }

    @Test
    void aCheckThatThrowsCountsAsDamageNotAsACrash(@TempDir Path caseDir) throws Exception {
        FindingsStore writer = new FindingsStore(caseDir, IntegrityCheck.ANY);
        writer.save("R1", v1, "R1", "first");
        FindingsStore store = new FindingsStore(caseDir, bytes -> {
            throw new IllegalStateException("parser bug");
        });
        assertThatThrownBy(() -> store.read("R1")).isInstanceOf(DamagedFindingsException.class)
                .hasMessageContaining("parser bug");
        assertThat(Files.readAllBytes(store.damagedFiles("R1").get(0))).isEqualTo(v1);
    }

    @Test
    void anIntactFileWrittenByAnotherProgramIsKeptAsAVersionBeforeItIsReplaced(@TempDir Path caseDir)
            throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        store.save("R1", v1, "R1", "first");
        Files.write(store.file("R1"), v2); // a hand edit that is still a valid document
        store.save("R1", v3, "R1", "third");
        assertThat(store.versions("R1")).extracting(v -> TestDocs.seqOf(Files.readAllBytes(v.path())))
                .containsExactly(1L, 2L, 3L);
    }
}
