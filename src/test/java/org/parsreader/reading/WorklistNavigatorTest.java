package org.parsreader.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.Side;
import org.parsreader.util.ProgressListener;

/** A reader goes through a small cohort (copies of the sample case): next, previous, progress, resume. */
class WorklistNavigatorTest {
    static final List<String> REQUIRED = List.of("pars_defect");

    /** {@code n} copies of the sample case in {@code cohort}: case-01 .. case-0n. */
    static Path cohort(Path dir, int n) throws IOException {
        Path cohort = dir.resolve("cohort");
        for (int i = 1; i <= n; i++) {
            Path tmp = Files.createDirectories(dir.resolve("copy-" + i));
            Files.move(ReadingSessionTest.copy(tmp), Files.createDirectories(cohort).resolve(String.format("case-%02d", i)));
        }
        return cohort;
    }

    @Test
    void nextAndPreviousSaveCloseAndOpenInTheReadersOrder(@TempDir Path tmp) throws Exception {
        Path cohort = cohort(tmp, 4);
        List<Path> order;
        try (WorklistNavigator w = WorklistNavigator.open(cohort, ReadingSessionTest.r2(), REQUIRED, ProgressListener.NONE)) {
            order = w.worklist().order();
            assertThat(order).hasSize(4);
            assertThat(w.current().caseDir()).isEqualTo(order.get(0));
            assertThat(w.progress().text()).isEqualTo("1 of 4, 0 complete");
            assertThat(w.hasPrevious()).isFalse();
            assertThat(w.previous(ProgressListener.NONE)).isEmpty();

            ReadingSession first = w.current();
            first.set("pars_defect", "L5", Side.LEFT, "complete");
            ReadingSession second = w.next(ProgressListener.NONE).orElseThrow();
            assertThat(first.isClosed()).isTrue();
            assertThat(first.isDirty()).isFalse(); // saved before it was closed
            assertThat(second.caseDir()).isEqualTo(order.get(1));
            assertThat(w.progress().text()).isEqualTo("2 of 4, 1 complete");

            second.set("pars_defect", "L5", Side.RIGHT, "incomplete");
            ReadingSession back = w.previous(ProgressListener.NONE).orElseThrow();
            assertThat(back.caseDir()).isEqualTo(order.get(0));
            assertThat(back.editor().get("pars_defect", "L5", Side.LEFT)).map(v -> v.text()).contains("complete");
            assertThat(w.progress().text()).isEqualTo("1 of 4, 2 complete");

            w.next(ProgressListener.NONE);
            w.next(ProgressListener.NONE);
            w.next(ProgressListener.NONE);
            assertThat(w.current().caseDir()).isEqualTo(order.get(3));
            assertThat(w.hasNext()).isFalse();
            ReadingSession last = w.current();
            assertThat(w.next(ProgressListener.NONE)).isEmpty();
            assertThat(w.current()).isSameAs(last);
            assertThat(last.isClosed()).isFalse();
        }
        // resumed at the first case not complete in this reader's order: the third
        try (WorklistNavigator w = WorklistNavigator.open(cohort, ReadingSessionTest.r2(), REQUIRED, ProgressListener.NONE)) {
            assertThat(w.current().caseDir()).isEqualTo(order.get(2));
            assertThat(w.progress().text()).isEqualTo("3 of 4, 2 complete");
        }
        // and every case's lock was released: another window could open any of them now
        for (Path c : order) ReadingSession.open(c, ReadingSessionTest.r2(), ProgressListener.NONE).close();
    }

    @Test
    void eachReaderHasOwnOrderAndStatus(@TempDir Path tmp) throws Exception {
        Path cohort = cohort(tmp, 5);
        ReadingSession.Options r3 = new ReadingSession.Options(new org.parsreader.findings.FindingsDocument.Reader("R3",
                org.parsreader.findings.Role.R2), ReadingSessionTest.PARS, true, null, 0);
        List<Path> a, b;
        try (WorklistNavigator w = WorklistNavigator.open(cohort, ReadingSessionTest.r2(), REQUIRED, ProgressListener.NONE)) {
            a = w.worklist().order();
            w.current().set("pars_defect", "L5", Side.LEFT, "none");
        }
        try (WorklistNavigator w = WorklistNavigator.open(cohort, r3, REQUIRED, ProgressListener.NONE)) {
            b = w.worklist().order();
            assertThat(w.progress().complete()).isZero(); // R2's complete case is not R3's
            assertThat(w.current().caseDir()).isEqualTo(b.get(0));
        }
        assertThat(b).containsExactlyInAnyOrderElementsOf(a).isNotEqualTo(a);
    }
}
