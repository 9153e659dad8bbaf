package org.parsreader.findings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.SmallDisk;

/**
 * Issue 11, point 6: a save that fails on a full or read-only disk leaves no false trail. On a
 * real tmpfs, a save is tried with 0, 1, 2 ... free pages, so the disk fills at each step of the
 * save in turn (the new content beside the file, the kept version, the audit line); whatever the
 * step, either the save is complete or the findings file, the kept versions and the audit log are
 * exactly what they were, and the error names the file.
 */
class FailedSaveTest {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    static final int SIZE = 3 * SmallDisk.PAGE - 300; // three pages per copy of the findings
    static final byte[] V1 = TestDocs.generate(11, 1, SIZE, SIZE);
    static final byte[] V2 = TestDocs.generate(11, 2, SIZE, SIZE);
    static final byte[] V3 = TestDocs.generate(11, 3, SIZE, SIZE);

    record State(byte[] file, byte[] audit, List<String> versions, Long lastGood) {}

    static State state(FindingsStore store) throws IOException {
        List<String> versions = new ArrayList<>();
        for (Version v : store.versions("R1")) versions.add(v.seq() + " " + v.path().getFileName() + " " + AuditEntry.sha256(Files.readAllBytes(v.path())));
        return new State(Files.readAllBytes(store.file("R1")), Files.readAllBytes(store.auditLog().file()), versions,
                store.lastGoodVersion("R1").map(Version::seq).orElse(null));
    }

    @Test
    void aSaveThatRunsOutOfSpaceAtAnyStepLeavesNoTrail(@TempDir Path tmp) throws Exception {
        TreeMap<Integer, String> outcome = new TreeMap<>();
        List<String> failedOn = new ArrayList<>();
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 1024 * 1024)) {
            for (int pages = 0; pages <= 10; pages++) {
                Path caseDir = disk.root().resolve("case-" + pages);
                FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK, 20, Clock.fixed(T0, ZoneOffset.UTC));
                store.save("R1", V1, "test", "first");
                padAuditLogToJustBelowAPage(store);
                State before = state(store);
                Throwable error;
                try (ReaderSession session = store.open("R1")) { // the reader has the case open; then the disk fills
                    disk.fill((long) pages * SmallDisk.PAGE);
                    error = catchThrowable(() -> session.save(V2, "test", "second"));
                    disk.unfill();
                }
                String where = pages + " free page(s)";
                if (error == null) {
                    outcome.put(pages, "saved");
                    assertThat(Files.readAllBytes(store.file("R1"))).as(where).isEqualTo(V2);
                    assertThat(last(store).sha256()).as(where).isEqualTo(AuditEntry.sha256(V2));
                    assertThat(Files.readAllBytes(store.versions("R1").get(store.versions("R1").size() - 1).path())).as(where).isEqualTo(V2);
                    continue;
                }
                assertThat(error).as(where).isInstanceOf(FindingsStoreException.class).hasMessageContaining("No space left on device");
                Path named = ((FindingsStoreException) error).path();
                assertThat(error.getMessage()).as(where).startsWith(named.toString());
                assertThat(named.startsWith(caseDir)).as(where + ": " + error.getMessage()).isTrue();
                outcome.put(pages, "failed on " + caseDir.relativize(named));
                failedOn.add(named.getFileName().toString().endsWith(".json") && named.getParent().getFileName().toString().equals("R1")
                        ? "version" : named.getFileName().toString());

                State after = state(store);
                assertThat(after.file()).as(where + ": the findings file, byte for byte").isEqualTo(before.file());
                assertThat(after.audit()).as(where + ": the audit log, byte for byte").isEqualTo(before.audit());
                assertThat(after.versions()).as(where + ": kept versions").isEqualTo(before.versions());
                assertThat(after.lastGood()).as(where).isEqualTo(before.lastGood());
                assertThat(temps(caseDir)).as(where + ": temporary files").isEmpty();
                // and the store goes on: the next save is there, the failed one never is
                store.save("R1", V3, "test", "third");
                AuditLog.Contents log = store.auditLog().read();
                assertThat(log.skipped()).as(where).isEmpty();
                assertThat(log.entries()).extracting(AuditEntry::sha256).as(where)
                        .containsExactly(AuditEntry.sha256(V1), AuditEntry.sha256(V1), AuditEntry.sha256(V3));
                assertThat(store.versions("R1")).as(where).hasSize(2);
            }
        }
        System.out.println("FailedSaveTest: " + outcome);
        // the disk filled at each step of a save, and with room enough the save went through
        assertThat(failedOn).as(outcome.toString()).contains("R1.findings.json", "version", "audit.log");
        assertThat(outcome.lastEntry().getValue()).isEqualTo("saved");
    }

    @Test
    void aSaveOnAReadOnlyDiskLeavesEverythingAsItWasAndNamesTheFile(@TempDir Path tmp) throws Exception {
        try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 256 * 1024)) {
            Path caseDir = disk.root().resolve("case");
            FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
            store.save("R1", V1, "test", "first");
            State before = state(store);
            disk.readOnly(true);
            try {
                Throwable error = catchThrowable(() -> store.save("R1", V2, "test", "second"));
                assertThat(error).isInstanceOf(FindingsStoreException.class).hasMessageContaining("Read-only file system")
                        .hasMessageStartingWith(store.lockFile("R1").toString());
                assertThat(state(store)).usingRecursiveComparison().isEqualTo(before);
            } finally {
                disk.readOnly(false);
            }
            assertThat(state(store).file()).isEqualTo(V1);
        }
    }

    /** The audit log ends 20 bytes short of a page, so the next line needs a new page. */
    static void padAuditLogToJustBelowAPage(FindingsStore store) throws IOException {
        long size = Files.size(store.auditLog().file());
        int perLine = (int) size - "first".length(); // a line with an empty "what"
        int what = (int) (SmallDisk.PAGE - 20 - size - perLine);
        store.auditLog().append(AuditEntry.of(T0, "R1", "test", AuditAction.SAVE, "p".repeat(what), V1));
        assertThat(Files.size(store.auditLog().file())).isEqualTo(SmallDisk.PAGE - 20);
    }

    static AuditEntry last(FindingsStore store) throws IOException {
        List<AuditEntry> e = store.auditLog().read().entries();
        return e.get(e.size() - 1);
    }

    static List<Path> temps(Path caseDir) throws IOException {
        try (Stream<Path> files = Files.walk(caseDir)) {
            return files.filter(AtomicFiles::isTemp).toList();
        }
    }
}
