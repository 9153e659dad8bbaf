package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader's worklist on the sample cohort: seeded per-reader order, status from findings, resume. */
class WorklistTest {
    static final Path COHORT = Path.of("sample-data/cohort");
    static final ReadingTemplate PARS = ReadingTemplate.builtIn("pars-injection");

    @Test
    void orderIsReproduciblePerReaderAndDiffersBetweenReaders() {
        Worklist a = Worklist.of(COHORT, "R1", PARS, List.of("pars_defect"));
        Worklist again = Worklist.of(COHORT, "R1", PARS, List.of("pars_defect"));
        Worklist b = Worklist.of(COHORT, "R2", PARS, List.of("pars_defect"));
        assertThat(a.order()).hasSize(134).isEqualTo(again.order()).isNotEqualTo(b.order());
        assertThat(a.order()).containsExactlyInAnyOrderElementsOf(b.order());
        assertThat(a.order()).isNotEqualTo(a.order().stream().sorted().toList()); // shuffled, not alphabetical
        assertThat(a.next(a.order().get(0))).contains(a.order().get(1));
        assertThat(a.previous(a.order().get(0))).isEmpty();
    }

    @Test
    void statusAndResumeFollowTheReadersFindings(@TempDir Path cohort) throws Exception {
        for (String c : List.of("case-a", "case-b", "case-c")) Files.createDirectories(cohort.resolve(c));
        Worklist w = Worklist.of(cohort, "R7", PARS, List.of("pars_defect"));
        Path first = w.order().get(0);
        Path second = w.order().get(1);
        assertThat(w.resume()).contains(first);
        assertThat(w.progress()).containsExactly(0, 3);
        // the first case read completely, the second started
        FindingsEditor e = FindingsEditor.create(PARS, "P0001", new FindingsDocument.Reader("R7", Role.R1), List.of(), java.time.Clock.systemUTC());
        e.set("pars_defect", "L5", Side.LEFT, "complete");
        Files.createDirectories(first.resolve("findings"));
        Files.write(first.resolve("findings/R7.findings.json"), FindingsJson.write(e.document()));
        FindingsEditor started = FindingsEditor.create(PARS, "P0002", new FindingsDocument.Reader("R7", Role.R1), List.of(), java.time.Clock.systemUTC());
        started.set("hollenberg", "L5", Side.LEFT, "3");
        Files.createDirectories(second.resolve("findings"));
        Files.write(second.resolve("findings/R7.findings.json"), FindingsJson.write(started.document()));
        assertThat(w.entries()).extracting(Worklist.Entry::status)
                .containsExactly(Worklist.Status.COMPLETE, Worklist.Status.IN_PROGRESS, Worklist.Status.NOT_STARTED);
        assertThat(w.resume()).contains(second);
        assertThat(w.progress()).containsExactly(1, 3);
        assertThatThrownBy(() -> Worklist.of(cohort, "R7", PARS, List.of("pars_width"))).hasMessageContaining("'pars_width' is not in template");
    }
}
