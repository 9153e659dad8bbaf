package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The save indicator: a failure shows (red) until a save succeeds; then unsaved changes; then when it was saved. */
class ReadingPanelSaveStateTest {
    static final LocalTime T = LocalTime.of(14, 2, 31);

    @Test
    void aFreshCaseIsSavedAndAnEditIsUnsaved() {
        ReadingPanelSaveState s = new ReadingPanelSaveState();
        assertThat(s.state(false, 30).text()).isEqualTo("saved");
        assertThat(s.state(true, 30)).satisfies(st -> {
            assertThat(st.text()).isEqualTo("unsaved changes");
            assertThat(st.level()).isEqualTo(ReadingPanelSaveState.Level.WARN);
            assertThat(st.tooltip()).contains("30 s");
        });
    }

    @Test
    void autosavesAndSavesSayWhen() {
        ReadingPanelSaveState s = new ReadingPanelSaveState();
        s.changed("autosaved", "autosaved v3", T);
        assertThat(s.state(false, 30).text()).isEqualTo("autosaved 14:02:31");
        s.changed("saved", "saved v4", T.plusSeconds(9));
        assertThat(s.state(false, 30)).satisfies(st -> {
            assertThat(st.text()).isEqualTo("saved 14:02:40");
            assertThat(st.level()).isEqualTo(ReadingPanelSaveState.Level.OK);
        });
        s.changed("set", "pars_defect L5 left = complete", T);
        assertThat(s.state(true, 30).text()).isEqualTo("unsaved changes");
    }

    @Test
    void aFailureShowsItsReasonInRedUntilASaveSucceeds() {
        ReadingPanelSaveState s = new ReadingPanelSaveState();
        s.changed("autosave-failed", "autosave failed: No space left on device", T);
        assertThat(s.state(true, 30)).satisfies(st -> {
            assertThat(st.text()).isEqualTo("autosave failed: No space left on device");
            assertThat(st.level()).isEqualTo(ReadingPanelSaveState.Level.FAIL);
            assertThat(st.tooltip()).contains("kept in memory");
        });
        s.changed("set", "another edit", T);
        assertThat(s.state(true, 30).level()).isEqualTo(ReadingPanelSaveState.Level.FAIL); // still red: nothing was saved
        s.saveFailed("read-only file system");
        assertThat(s.state(true, 30).text()).isEqualTo("save failed: read-only file system");
        s.changed("autosaved", "autosaved v5", T);
        assertThat(s.state(false, 30).text()).isEqualTo("autosaved 14:02:31");
        s.changed("autosave-failed", "autosave failed: gone", T);
        s.reset();
        assertThat(s.state(false, 30).text()).isEqualTo("saved");
    }
}
