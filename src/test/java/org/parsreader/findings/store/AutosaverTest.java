package org.parsreader.findings.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autosave: saves changes, never saves an unchanged document, saves on close, survives failures. */
class AutosaverTest {
    private static final double PERIOD_S = 0.05;

    /** A document whose content is a test document numbered by its revision. */
    private static final class Doc implements Autosaver.Document {
        final AtomicLong revision = new AtomicLong();
        volatile boolean broken;

        void change() {
            revision.incrementAndGet();
        }

        @Override
        public long revision() {
            return revision.get();
        }

        @Override
        public byte[] snapshot() {
            return broken ? new byte[0] : TestDocs.generate(9, revision.get(), 100, 300);
        }
    }

    private static final class Events implements Autosaver.Listener {
        final List<Long> saved = new CopyOnWriteArrayList<>();
        final List<Exception> failed = new CopyOnWriteArrayList<>();

        @Override
        public void saved(long revision, Version version) {
            saved.add(revision);
        }

        @Override
        public void failed(Exception error) {
            failed.add(error);
        }
    }

    @Test
    void savesWhenChangedAndNeverWhenUnchanged(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        Doc doc = new Doc();
        Events events = new Events();
        try (ReaderSession session = store.open("R1");
                Autosaver autosaver = new Autosaver(session, doc, "R1 (autosave)", PERIOD_S, events)) {
            Thread.sleep(300); // six periods with nothing to save
            assertThat(events.saved).isEmpty();
            assertThat(store.read("R1")).isEmpty();

            doc.change();
            awaitSaves(events, 1);
            Thread.sleep(300); // six more periods: the saved revision is not saved again
            assertThat(events.saved).containsExactly(1L);
            assertThat(autosaver.isDirty()).isFalse();
            assertThat(store.read("R1")).contains(TestDocs.generate(9, 1, 100, 300));

            doc.change();
            doc.change();
            awaitSaves(events, 2);
            assertThat(events.saved).containsExactly(1L, 3L);
        }
        assertThat(events.failed).isEmpty();
        assertThat(store.auditLog().read().entries()).extracting(AuditEntry::who).containsOnly("R1 (autosave)");
    }

    @Test
    void closeSavesUnsavedChanges(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        Doc doc = new Doc();
        Events events = new Events();
        try (ReaderSession session = store.open("R1")) {
            Autosaver autosaver = new Autosaver(session, doc, "R1", 3600, events); // the timer never fires
            doc.change();
            autosaver.close();
            autosaver.close();
        }
        assertThat(events.saved).containsExactly(1L);
        assertThat(store.read("R1")).contains(TestDocs.generate(9, 1, 100, 300));
    }

    @Test
    void closeOfAnUnchangedDocumentWritesNothing(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        try (ReaderSession session = store.open("R1");
                Autosaver autosaver = new Autosaver(session, new Doc(), "R1", 3600, new Events())) {
            assertThat(autosaver.isDirty()).isFalse();
        }
        assertThat(store.read("R1")).isEmpty();
        assertThat(store.auditLog().read().entries()).isEmpty();
    }

    @Test
    void failuresAreReportedAndAutosavingGoesOn(@TempDir Path caseDir) throws Exception {
        FindingsStore store = new FindingsStore(caseDir, TestDocs.CHECK);
        Doc doc = new Doc();
        Events events = new Events();
        try (ReaderSession session = store.open("R1");
                Autosaver autosaver = new Autosaver(session, doc, "R1", PERIOD_S, events)) {
            doc.broken = true;
            doc.change();
            long deadline = System.currentTimeMillis() + 10_000;
            while (events.failed.size() < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(events.failed).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(e -> assertThat(e).isInstanceOf(RejectedContentException.class));
            assertThat(autosaver.isDirty()).isTrue();
            doc.broken = false;
            awaitSaves(events, 1);
        }
        assertThat(store.read("R1")).contains(TestDocs.generate(9, 1, 100, 300));
    }

    private static void awaitSaves(Events events, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (events.saved.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(events.saved).hasSizeGreaterThanOrEqualTo(count);
    }
}
