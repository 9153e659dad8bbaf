package org.parsreader.findings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The states a killed write can leave behind are never taken for findings, and are cleaned up. */
class AtomicFilesTest {
    @Test
    void writeReplacesTheWholeFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("R1.findings.json");
        AtomicFiles.write(target, TestDocs.generate(1, 1, 50_000, 50_000));
        AtomicFiles.write(target, TestDocs.generate(1, 2, 10, 10));
        assertThat(target).hasBinaryContent(TestDocs.generate(1, 2, 10, 10));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aHalfWrittenTemporaryFileIsIgnoredByReadsAndRemovedWhenTheReaderIsOpened(@TempDir Path caseDir)
            throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        byte[] saved = TestDocs.generate(5, 1, 1000, 2000);
        store.save("R1", saved, "R1", "first");
        byte[] newer = TestDocs.generate(5, 2, 1000, 2000);
        Path temp = store.findingsDir().resolve(".R1.findings.json.5f3a9c.tmp");
        Path versionTemp = store.versionsDir("R1").resolve(".20250301T080000.000Z-000002.json.77.tmp");
        Files.write(temp, java.util.Arrays.copyOf(newer, newer.length / 3));
        Files.write(versionTemp, java.util.Arrays.copyOf(newer, 10));
        Path otherReadersTemp = store.findingsDir().resolve(".R2.findings.json.1.tmp");
        Files.write(otherReadersTemp, new byte[] {1});

        assertThat(AtomicFiles.isTemp(temp)).isTrue();
        assertThat(store.readers()).containsExactly("R1");
        assertThat(store.read("R1")).contains(saved);
        assertThat(store.versions("R1")).hasSize(1);
        try (ReaderSession session = store.open("R1")) {
            assertThat(temp).doesNotExist();
            assertThat(versionTemp).doesNotExist();
            assertThat(otherReadersTemp).as("R2 may be writing it right now").exists();
        }
    }

    @Test
    void directoryFsyncWorksOnThisFileSystem(@TempDir Path dir) {
        // false would mean renames are durable only when the OS flushes (reported, not fatal)
        assertThat(AtomicFiles.fsyncDirectory(dir)).isTrue();
    }
}
