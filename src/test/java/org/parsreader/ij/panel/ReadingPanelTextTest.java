package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.reading.RoiTool;

/** The panel's texts: the key list (F1, "?") names each ROI tool's own Alt key; the grid's label column fits what it can; the status line wraps. */
class ReadingPanelTextTest {
    static final ReadingTemplate PARS = ReadingTemplate.builtIn("pars-injection");

    @Test
    void theKeyListNamesEveryToolsAltKey() {
        String keys = ReadingPanel.keyList(PARS);
        List<RoiTool> tools = RoiTool.of(PARS);
        assertThat(tools).isNotEmpty();
        for (RoiTool t : tools) {
            assertThat(t.shortcut()).as(t.id()).isNotNull();
            assertThat(keys).as(t.id()).contains("Alt+" + t.shortcut().toUpperCase(Locale.ROOT) + ": " + t.label());
        }
        assertThat(keys).contains(ReadingPanel.PANEL_SHORTCUTS).contains(FindingsForm.SHORTCUTS);
        // another template, other tools: nothing hard-wired
        ReadingTemplate esi = ReadingTemplate.builtIn("transforaminal-esi");
        String other = ReadingPanel.keyList(esi);
        for (RoiTool t : RoiTool.of(esi)) assertThat(other).contains("Alt+" + t.shortcut().toUpperCase(Locale.ROOT) + ": " + t.label());
        assertThat(ReadingPanel.toolKeys(List.of())).contains("no ROI tools");
    }

    @Test
    void theLabelColumnTakesTheRoomTheLevelsLeave() {
        // three levels (six value columns): what is left, more than the old fixed width
        assertThat(FindingsForm.labelColumnWidth(6, 400)).isEqualTo(FindingsForm.GRID_WIDTH - 6 * FindingsForm.CELL_WIDTH)
                .isGreaterThan(FindingsForm.LABEL_WIDTH);
        // one level: the whole longest label
        assertThat(FindingsForm.labelColumnWidth(2, 190)).isEqualTo(190);
        // short labels or many levels: never below the old width
        assertThat(FindingsForm.labelColumnWidth(2, 60)).isEqualTo(FindingsForm.LABEL_WIDTH);
        assertThat(FindingsForm.labelColumnWidth(12, 400)).isEqualTo(FindingsForm.LABEL_WIDTH);
    }

    @Test
    void theStatusLineWrapsAtSpacesAndEndsInAnEllipsisWhenTooLong() {
        java.util.function.ToIntFunction<String> chars = String::length; // one unit per character
        String go = "L5 left shown: T2 TSE SAG: slice 4; STIR SAG: slice 4; Post contrast: mark L5 on Post contrast first";
        List<String> lines = ReadingPanel.wrap(go, chars, 40, 3);
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
        assertThat(String.join(" ", lines)).isEqualTo(go); // nothing lost: the important end is shown
        assertThat(ReadingPanel.wrap(go, chars, 40, 2)).hasSize(2).last().satisfies(l -> assertThat(l).endsWith(" …").hasSizeLessThanOrEqualTo(40));
        assertThat(ReadingPanel.wrap("saved", chars, 40, 3)).containsExactly("saved");
        assertThat(ReadingPanel.wrap("", chars, 40, 3)).isEmpty();
        assertThat(ReadingPanel.wrap("x".repeat(50), chars, 40, 3)).containsExactly("x".repeat(40), "x".repeat(10)); // no space: cut
    }
}
