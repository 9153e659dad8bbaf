package org.parsreader.findings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, point 4: a process killed in the middle of a save leaves the previous findings intact
 * and readable. A child JVM saves 200 KB - 2 MB self-checking documents in a tight loop and is
 * killed with SIGKILL at seeded random moments; after every kill the current file must be
 * complete and be exactly the last acknowledged save or the one in flight.
 */
class KilledDuringSaveTest {
    private static final long SEED = 20240917L;
    private static final int ROUNDS = 30;
    private static final int MAX_KILL_DELAY_MS = 300;
    private static final int MIN_SIZE = 200_000;
    private static final int MAX_SIZE = 2_000_000;
    private static final int KEEP = 5;
    private static final String READER = "R1";

    @Test
    void killedMidSaveLeavesPreviousFindingsIntactAndReadable(@TempDir Path tmp) throws Exception {
        Path caseDir = tmp.resolve("case");
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK, KEEP, Clock.systemUTC());
        store.save(READER, TestDocs.generate(SEED, 0, MIN_SIZE, MAX_SIZE), "test", "first save");
        Random random = new Random(SEED);
        long current = 0;
        long nextSeq = 1;
        int acknowledged = 0;
        int killedAfterRenameBeforeAck = 0;
        int tempsLeft = 0;
        int killedBeforeFirstSave = 0;

        for (int round = 0; round < ROUNDS; round++) {
            ChildJvm child = ChildJvm.start(tmp, "loop", caseDir.toString(), READER, Long.toString(SEED),
                    Long.toString(nextSeq), Integer.toString(KEEP), Integer.toString(MIN_SIZE),
                    Integer.toString(MAX_SIZE));
            child.awaitLine("open", 30_000);
            if (round % 3 != 0) {
                // two rounds in three kill only after two acknowledged saves, so the child saves between kills
                // however loaded the machine is; every third round may kill before its first save
                long deadline = System.currentTimeMillis() + 60_000;
                while (child.lines().stream().filter(l -> l.startsWith("saved ")).count() < 2 && child.process.isAlive()
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(5);
                }
            }
            int delay = random.nextInt(MAX_KILL_DELAY_MS);
            Thread.sleep(delay);
            assertThat(child.process.isAlive()).as("child died by itself: %s", child.errors()).isTrue();
            child.kill();

            long lastAck = -1;
            for (String line : child.lines()) {
                if (line.equals("open")) {
                    continue;
                }
                lastAck = Long.parseLong(line.substring("saved ".length()));
                acknowledged++;
            }
            long floor = lastAck >= 0 ? lastAck : current;
            long inFlight = lastAck >= 0 ? lastAck + 1 : nextSeq;
            killedBeforeFirstSave += lastAck < 0 ? 1 : 0;
            tempsLeft += temps(store.findingsDir()).isEmpty() ? 0 : 1;

            byte[] doc = store.read(READER).orElseThrow();
            String where = "round " + round + " (kill after " + delay + " ms, last ack " + lastAck + ")";
            assertThat(TestDocs.problem(doc)).as(where).isEmpty();
            long seq = TestDocs.seqOf(doc);
            assertThat(seq).as(where).isIn(floor, inFlight);
            assertThat(doc).as(where).isEqualTo(TestDocs.generate(SEED, seq, MIN_SIZE, MAX_SIZE));
            killedAfterRenameBeforeAck += seq == inFlight ? 1 : 0;

            assertThat(store.readers()).as(where).containsExactly(READER);
            assertThat(store.damagedFiles(READER)).as(where).isEmpty();
            List<Version> versions = store.versions(READER);
            assertThat(versions.size()).as(where).isBetween(1, KEEP + 1);
            for (Version v : versions) {
                assertThat(TestDocs.problem(Files.readAllBytes(v.path()))).as(where + " " + v).isEmpty();
            }
            current = seq;
            nextSeq = inFlight + 1;
        }

        // every kill left the lock free, and the store goes on normally
        byte[] last = TestDocs.generate(SEED, nextSeq, MIN_SIZE, MAX_SIZE);
        store.save(READER, last, "test", "after the kills");
        assertThat(store.read(READER)).contains(last);
        assertThat(temps(store.findingsDir())).as("stale temporary files are cleaned on open").isEmpty();
        AuditLog.Contents log = store.auditLog().read();
        assertThat(log.skipped().size()).as("at most one torn line per kill").isLessThanOrEqualTo(ROUNDS);
        assertThat(log.entries().size()).isGreaterThanOrEqualTo(acknowledged + 2);
        assertThat(log.entries().get(log.entries().size() - 1).sha256()).isEqualTo(AuditEntry.sha256(last));
        System.out.printf("KilledDuringSaveTest: %d kills, %d saves acknowledged, %d kills before the first save"
                + " of the round, %d after the rename but before the acknowledgement, %d left a temp file,"
                + " %d torn audit lines%n", ROUNDS, acknowledged, killedBeforeFirstSave, killedAfterRenameBeforeAck,
                tempsLeft, log.skipped().size());
        assertThat(acknowledged).as("the child got to save between kills").isGreaterThan(ROUNDS);
    }

    private static List<Path> temps(Path findingsDir) throws IOException {
        try (Stream<Path> files = Files.walk(findingsDir)) {
            return files.filter(AtomicFiles::isTemp).toList();
        }
    }
}
