package org.parsreader.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.Side;
import org.parsreader.findings.store.FrozenReadException;
import org.parsreader.util.ProgressListener;

/** A reader marks the sample case complete: the read is frozen and opens read-only, saying why (issue 14 point 3). */
class FrozenReadingSessionTest {
    @Test
    void markingCompleteFreezesAndAFrozenReadOpensReadOnly(@TempDir Path tmp) throws Exception {
        Path c = ReadingSessionTest.copy(tmp);
        try (ReadingSession s = ReadingSession.open(c, ReadingSessionTest.r2(), ProgressListener.NONE)) {
            assertThat(s.frozen()).isEmpty();
            s.set("pars_defect", "L5", Side.LEFT, "complete");
            assertThatThrownBy(s::markComplete).hasMessageContaining("not complete yet: no value yet for bme_isthmic, needle_tip, contrast_compartments");
            s.set("bme_isthmic", "L5", Side.LEFT, "yes");
            s.set("needle_tip", "L5", Side.LEFT, "intra-defect");
            s.set("contrast_compartments", "L5", Side.LEFT, "pars_defect");
            s.markComplete();
            assertThat(s.isDirty()).isFalse();
            assertThatThrownBy(() -> s.set("pars_defect", "L5", Side.RIGHT, "none")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("R2's read of").hasMessageContaining("is read-only: frozen").hasMessageContaining("study unlock --reader R2");
            assertThatThrownBy(s::undo).hasMessageContaining("read-only");
        }
        try (ReadingSession s = ReadingSession.open(c, ReadingSessionTest.r2(), ProgressListener.NONE)) {
            assertThat(s.frozen()).isPresent();
            assertThat(s.status()).endsWith("(read-only: frozen)");
            assertThat(s.editor().get("pars_defect", "L5", Side.LEFT)).isPresent();
            assertThatThrownBy(() -> s.clear("pars_defect", "L5", Side.LEFT)).hasMessageContaining("read-only");
        }
        Path f = CaseFindings.store(c).file("R2");
        Files.writeString(f, Files.readString(f).replace("intra-defect", "peri-defect"));
        assertThatThrownBy(() -> ReadingSession.open(c, ReadingSessionTest.r2(), ProgressListener.NONE)).isInstanceOf(FrozenReadException.class)
                .hasMessageContaining("changed on disk");
    }
}
