package org.parsreader.findings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3, point 4: the last N versions are kept, restore is an audited save, the audit log survives a crash. */
class VersionsAndAuditTest {
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    void onlyTheLastNVersionsAreKeptOldestFirst(@TempDir Path caseDir) throws Exception {
        // a clock standing still: the sequence number, not the time, orders versions
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK, 5, Clock.fixed(T0, ZoneOffset.UTC));
        try (ReaderSession session = store.open("R1")) {
            for (int seq = 1; seq <= 12; seq++) {
                session.save(TestDocs.generate(1, seq, 100, 500), "R1", "save " + seq);
            }
        }
        List<Version> versions = store.versions("R1");
        assertThat(versions).extracting(Version::seq).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(versions).allSatisfy(v -> assertThat(v.time()).isEqualTo(T0));
        for (Version v : versions) {
            assertThat(store.readVersion("R1", v.seq())).isEqualTo(TestDocs.generate(1, v.seq(), 100, 500));
            assertThat(v.bytes()).isEqualTo(Files.size(v.path()));
        }
        assertThat(store.read("R1")).contains(TestDocs.generate(1, 12, 100, 500));
    }

    @Test
    void defaultKeepsTwentyVersions(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        try (ReaderSession session = store.open("R1")) {
            for (int seq = 1; seq <= 25; seq++) {
                session.save(TestDocs.generate(1, seq, 10, 20), "R1", "save " + seq);
            }
        }
        assertThat(store.versions("R1")).extracting(Version::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(6, 25).boxed().toList());
    }

    @Test
    void restoreBringsBackAnOldVersionAndIsAuditedAsASave(@TempDir Path caseDir) throws Exception {
        Clock ticking = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK, 20, ticking);
        for (int seq = 1; seq <= 3; seq++) {
            store.save("R1", TestDocs.generate(2, seq, 100, 500), "alice", "save " + seq);
        }
        Version restored = store.restore("R1", 1, "bob");

        assertThat(store.read("R1")).contains(TestDocs.generate(2, 1, 100, 500));
        assertThat(restored.seq()).isEqualTo(4);
        assertThat(store.versions("R1")).extracting(Version::seq).containsExactly(1L, 2L, 3L, 4L);
        AuditEntry last = store.auditLog().read().entries().get(3);
        assertThat(last.action()).isEqualTo(AuditAction.RESTORE);
        assertThat(last.who()).isEqualTo("bob");
        assertThat(last.reader()).isEqualTo("R1");
        assertThat(last.what()).contains("version 1");
        assertThat(last.sha256()).isEqualTo(AuditEntry.sha256(TestDocs.generate(2, 1, 100, 500)));
        assertThat(last.bytes()).isEqualTo(TestDocs.generate(2, 1, 100, 500).length);
    }

    @Test
    void auditLogSkipsAndReportsATornLastLineAndTheNextAppendStartsAFreshLine(@TempDir Path caseDir)
            throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        store.save("R1", TestDocs.generate(3, 1, 100, 500), "R1", "one");
        store.save("R1", TestDocs.generate(3, 2, 100, 500), "R1", "two");
        // what a crash mid-append leaves: half a line, cut inside a two-byte UTF-8 character
        byte[] torn = "{\"time\":\"2025-03-01T08:00:00Z\",\"reader\":\"R1\",\"who\":\"J\u00fc".getBytes(StandardCharsets.UTF_8);
        Files.write(store.auditLog().file(), java.util.Arrays.copyOf(torn, torn.length - 1), StandardOpenOption.APPEND);

        AuditLog.Contents contents = store.auditLog().read();
        assertThat(contents.entries()).hasSize(2);
        assertThat(contents.skipped()).singleElement().satisfies(s -> {
            assertThat(s.lineNumber()).isEqualTo(3);
            assertThat(s.reason()).startsWith("torn last line");
        });

        store.save("R1", TestDocs.generate(3, 3, 100, 500), "R1", "three");
        contents = store.auditLog().read();
        assertThat(contents.entries()).extracting(AuditEntry::what).containsExactly("one", "two", "three");
        assertThat(contents.skipped()).singleElement().satisfies(s -> {
            assertThat(s.lineNumber()).isEqualTo(3);
            assertThat(s.reason()).doesNotStartWith("torn"); // now an old damaged line, not the last
        });
    }

    @Test
    void auditFieldsRoundTripWithQuotesNewlinesAndNonAscii(@TempDir Path tmp) throws Exception {
        AuditLog log = new AuditLog(tmp.resolve("audit.log"));
        AuditEntry entry = AuditEntry.of(T0, "R1", "Dr. \"Ma\u00eftre\"\nline 2", AuditAction.SAVE,
                "L5 left \\ pars: 3 mm \u2013 stage \t 3", new byte[] {1, 2, 3});
        log.append(entry);
        log.append(entry);
        assertThat(Files.readAllLines(log.file())).hasSize(2);
        assertThat(log.read().entries()).containsExactly(entry, entry);
        assertThat(log.read().skipped()).isEmpty();
        assertThat(entry.sha256()).isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
    }

    @Test
    void missingAuditLogReadsAsEmpty(@TempDir Path tmp) throws Exception {
        assertThat(new AuditLog(tmp.resolve("none.log")).read().entries()).isEmpty();
    }
}
