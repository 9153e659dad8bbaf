package org.parsreader.findings.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3, point 4: two readers never overwrite each other's files; one reader opens in one place only. */
class ReaderLockingTest {
    private static final int SAVES = 60;
    private static final int MIN_SIZE = 1_000;
    private static final int MAX_SIZE = 40_000;

    @Test
    void readersSavingAtOnceInThreadsAndAnotherProcessEachKeepTheirOwnLastSave(@TempDir Path tmp) throws Exception {
        Path caseDir = tmp.resolve("case");
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        ChildJvm child = ChildJvm.start(tmp, "count", caseDir.toString(), "R2", "2", Integer.toString(SAVES),
                Integer.toString(MIN_SIZE), Integer.toString(MAX_SIZE));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Void>> done = new ArrayList<>();
        for (String reader : List.of("R1", "R3")) {
            long seed = reader.charAt(1) - '0';
            done.add(pool.submit((Callable<Void>) () -> {
                try (ReaderSession session = store.open(reader)) {
                    for (int seq = 1; seq <= SAVES; seq++) {
                        session.save(TestDocs.generate(seed, seq, MIN_SIZE, MAX_SIZE), reader, "save " + seq);
                    }
                }
                return null;
            }));
        }
        for (Future<Void> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.process.exitValue()).as(child.errors()).isZero();

        assertThat(store.readers()).containsExactly("R1", "R2", "R3");
        for (String reader : store.readers()) {
            long seed = reader.charAt(1) - '0';
            assertThat(store.read(reader)).as(reader).contains(TestDocs.generate(seed, SAVES, MIN_SIZE, MAX_SIZE));
        }
        AuditLog.Contents log = store.auditLog().read();
        assertThat(log.skipped()).as("appends from two processes and threads never interleave").isEmpty();
        assertThat(log.entries()).hasSize(3 * SAVES);
        for (String reader : List.of("R1", "R2", "R3")) {
            List<AuditEntry> mine = log.entries().stream().filter(e -> e.reader().equals(reader)).toList();
            assertThat(mine).hasSize(SAVES);
            assertThat(mine.get(SAVES - 1).sha256()).isEqualTo(AuditEntry.sha256(store.read(reader).orElseThrow()));
        }
    }

    @Test
    void sameReaderOpenedTwiceInOneProcessFailsAndKeepsTheFirstLockForOtherProcesses(@TempDir Path tmp)
            throws Exception {
        Path caseDir = tmp.resolve("case");
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        FindingsStore sameFolderAgain = new FindingsStore(caseDir, TestDocs.CHECK); // a second window
        try (ReaderSession first = store.open("R1")) {
            assertThatThrownBy(() -> sameFolderAgain.open("R1"))
                    .isInstanceOf(ReaderLockedException.class)
                    .hasMessageContaining(store.lockFile("R1").toString())
                    .hasMessageContaining("this Java process")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            assertThatThrownBy(() -> sameFolderAgain.save("R1", TestDocs.generate(1, 1, 10, 10), "R1", "x"))
                    .isInstanceOf(ReaderLockedException.class);
            // the refused attempts must not have released the OS lock (closing any descriptor of a
            // POSIX-locked file would): another process still finds it taken
            assertThat(probe(tmp, caseDir, "R1")).startsWith("locked: ")
                    .contains("pid " + ProcessHandle.current().pid());
            first.save(TestDocs.generate(1, 2, 10, 10), "R1", "still mine");
            assertThat(store.open("R2")).satisfies(ReaderSession::close); // other readers are free
        }
        assertThat(probe(tmp, caseDir, "R1")).isEqualTo("acquired");
        try (ReaderSession again = sameFolderAgain.open("R1")) {
            assertThat(again.read()).contains(TestDocs.generate(1, 2, 10, 10));
        }
    }

    @Test
    void readerOpenInAnotherProcessIsNamedAndItsLockDiesWithTheProcess(@TempDir Path tmp) throws Exception {
        Path caseDir = tmp.resolve("case");
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        byte[] saved = TestDocs.generate(3, 1, 100, 1000);
        store.save("R1", saved, "R1", "before the other process");
        ChildJvm holder = ChildJvm.start(tmp, "hold", caseDir.toString(), "R1");
        try {
            holder.awaitLine("locked", 30_000);
            assertThatThrownBy(() -> store.open("R1"))
                    .isInstanceOf(ReaderLockedException.class)
                    .hasMessageContaining(store.lockFile("R1").toString())
                    .hasMessageContaining("another process, pid " + holder.pid());
            assertThatThrownBy(() -> store.save("R1", TestDocs.generate(3, 2, 100, 1000), "R1", "x"))
                    .isInstanceOf(ReaderLockedException.class);
            assertThat(store.read("R1")).as("reading needs no lock").contains(saved);
            store.save("R2", saved, "R2", "another reader is not blocked");
        } finally {
            holder.kill(); // SIGKILL: no chance to unlock; the OS drops the lock
        }
        try (ReaderSession session = store.open("R1")) {
            session.save(TestDocs.generate(3, 2, 100, 1000), "R1", "after the holder died");
        }
        assertThat(store.read("R1")).contains(TestDocs.generate(3, 2, 100, 1000));
    }

    @Test
    void readerIdsThatCouldEscapeTheFolderOrClashAreRejected(@TempDir Path tmp) {
        FindingsStore store = new FindingsStore(tmp, TestDocs.CHECK);
        for (String bad : new String[] {"", "../R1", "R 1", "R1.json", "a".repeat(41), "Rä"}) {
            assertThatThrownBy(() -> store.open(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("1-40 letters, digits, '_' or '-'");
        }
        assertThatThrownBy(() -> store.read(null)).hasMessageContaining("was null");
        assertThat(store.file("R2_consensus-1")).hasFileName("R2_consensus-1.findings.json");
    }

    @Test
    void aCleanCloseRemovesTheLockFileAndOneLeftByACrashIsTakenOver(@TempDir Path tmp) throws Exception {
        FindingsStore store = new FindingsStore(tmp.resolve("case"), TestDocs.CHECK);
        try (ReaderSession s = store.open("R1")) {
            assertThat(store.lockFile("R1")).exists();
            s.save(TestDocs.generate(1, 1, MIN_SIZE, MIN_SIZE * 2), "R1", "first");
        }
        assertThat(store.lockFile("R1")).as("removed on a clean close").doesNotExist();
        java.nio.file.Files.writeString(store.lockFile("R1"), "pid 1 on a crashed host\n"); // a crash leaves it behind
        try (ReaderSession s = store.open("R1")) {
            assertThat(s.read()).isPresent();
        }
        assertThat(store.lockFile("R1")).doesNotExist();
        // a process holding R1 still keeps everyone else out, and its lock file stays while it holds it
        ChildJvm holder = ChildJvm.start(tmp, "hold", tmp.resolve("case").toString(), "R1");
        try {
            holder.awaitLine("locked", 30_000);
            assertThatThrownBy(() -> store.open("R1")).isInstanceOf(ReaderLockedException.class);
            assertThat(store.lockFile("R1")).as("a refused open leaves the holder's file alone").exists();
        } finally {
            holder.kill();
        }
    }

    @Test
    void readerIdsDifferingOnlyInCaseAreRefused(@TempDir Path tmp) throws Exception {
        FindingsStore store = new FindingsStore(tmp.resolve("case"), TestDocs.CHECK);
        store.save("R2", TestDocs.generate(2, 1, MIN_SIZE, MIN_SIZE * 2), "R2", "first");
        assertThatThrownBy(() -> store.open("r2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'r2'").hasMessageContaining("'R2'").hasMessageContaining("only in upper and lower case");
        assertThat(store.readers()).containsExactly("R2");
    }

    private static String probe(Path tmp, Path caseDir, String reader) throws Exception {
        ChildJvm child = ChildJvm.start(tmp, "probe", caseDir.toString(), reader);
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.process.exitValue()).as(child.errors()).isZero();
        return child.lines().get(0);
    }
}
