package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parsreader.ij.panel.ReadingPanelIT.activate;
import static org.parsreader.ij.panel.ReadingPanelIT.button;
import static org.parsreader.ij.panel.ReadingPanelIT.click;
import static org.parsreader.ij.panel.ReadingPanelIT.clickCell;
import static org.parsreader.ij.panel.ReadingPanelIT.drag;
import static org.parsreader.ij.panel.ReadingPanelIT.find;
import static org.parsreader.ij.panel.ReadingPanelIT.key;
import static org.parsreader.ij.panel.ReadingPanelIT.onEdt;
import static org.parsreader.ij.panel.ReadingPanelIT.p;
import static org.parsreader.ij.panel.ReadingPanelIT.pressOn;
import static org.parsreader.ij.panel.ReadingPanelIT.settle;
import static org.parsreader.ij.panel.ReadingPanelIT.showSliceOf;
import static org.parsreader.ij.panel.ReadingPanelIT.type;
import static org.parsreader.ij.panel.ReadingPanelIT.value;
import static org.parsreader.ij.panel.ReadingPanelIT.waitFor;
import static org.parsreader.ij.panel.ReadingPanelIT.waitForPanel;
import static org.parsreader.ij.panel.ReadingPanelIT.waitForValue;

import ij.IJ;
import ij.ImageJ;
import ij.WindowManager;
import java.awt.Rectangle;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.swing.JTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.Side;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.SampleCase;

/**
 * Issue 12 point 3, in real windows under Xvfb: the panel never drops a value. First the lost
 * value as a reader met it (the gap width's editor open and empty, a line drawn on the CT and
 * added with Ctrl+Enter on the viewer filling the cell, then a click on another cell, which
 * used to commit the empty editor and clear the value); then an empty editor committed on a
 * value (nothing stored: clearing is Delete, one undo step); a number being typed on a cell a
 * macro sets meanwhile (the editor closes and says so); Go to moving the grid's selection;
 * values never cut in their column; the status line never moving the panel's parts; and the
 * contrast seed filling its value as a line does.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class PanelKeepsValuesIT {
    static ImageJ imagej;
    static GroundTruth truth;
    static Path caseDir;

    @BeforeAll
    static void start() throws Exception {
        truth = GroundTruth.read(SampleCase.SAMPLE.resolve("ground-truth.json"));
        caseDir = SampleCase.copy(Files.createTempDirectory("keeps-values"));
        imagej = org.parsreader.ij.RealImageJ.start(Files.createTempDirectory("imagej"));
    }

    @AfterAll
    static void quit() throws Exception {
        if (ActiveSession.get().isPresent()) ReadingCommand.perform("close", Map.of());
        waitFor(() -> ReadingPanel.current().isEmpty(), 10000, "no panel");
        WindowManager.closeAllWindows();
        if (imagej != null) imagej.dispose();
    }

    @Test
    void aValueFilledWhileItsEditorWasOpenSurvivesTheNextClick() throws Exception {
        IJ.run("Read Case...", "case=[" + caseDir + "] reader=K3 role=R1");
        ReadingPanel panel = waitForPanel();
        waitFor(() -> panel.viewers() != null && panel.viewers().images().size() == 4, 20000, "viewers");
        settle();
        FindingsForm form = panel.form();
        JTable grid = form.table();
        SeriesViewer post = panel.viewers().find("Post contrast").orElseThrow();
        GroundTruth.ParsDefect left = truth.parsDefects().stream().filter(x -> x.side().equals("left")).findFirst().orElseThrow();

        // ---- the reported loss: the gap width's editor opened (Enter, empty: no ROI yet), the line drawn and added on the CT
        click(button(panel, "roi-tool-gap_width_mm"));
        clickCell(form, "gap_width_mm", "L5", Side.LEFT);
        type('2'); // the reader starts typing, thinks better of it and takes the digit back: the editor stays open, empty
        key(KeyEvent.VK_BACK_SPACE, 0);
        assertThat(grid.isEditing()).as("the number editor is open (focus " + ReadingPanelIT.focusOwner() + ", selected " + form.current()
                + ", message '" + form.messageText() + "', status '" + panel.statusText() + "')").isTrue();
        double[] at = post.voxelOf(p(left.centreCt())).orElseThrow();
        showSliceOf(post, p(left.centreCt()));
        activate(post.image());
        drag(post.image(), Math.round(at[0]) - 1, Math.round(at[1]), Math.round(at[0]) + 2, Math.round(at[1]));
        onEdt(() -> pressOn(post.image().getCanvas(), KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK));
        waitFor(() -> find(panel.session().document(), "gap_width_mm", "L5", Side.LEFT).map(v -> v.roi() != null).orElse(false), 5000,
                "gap width filled from the line (status '" + panel.statusText() + "')");
        settle();
        String filled = value(panel, "gap_width_mm", "L5", Side.LEFT).orElseThrow();
        clickCell(form, "hollenberg", "L5", Side.LEFT); // the click that used to commit the empty editor
        settle();
        panel.settle(20);
        assertThat(value(panel, "gap_width_mm", "L5", Side.LEFT)).as("the filled value after the next click").contains(filled);
        assertThat(grid.isEditing()).isFalse();

        // ---- an empty editor committed on a value stores nothing; Delete clears, and Ctrl+Z brings it back linked
        clickCell(form, "gap_width_mm", "L5", Side.LEFT);
        type('9');
        assertThat(grid.isEditing()).isTrue();
        onEdt(() -> ((javax.swing.JTextField) grid.getEditorComponent()).setText(""));
        key(KeyEvent.VK_ENTER, 0);
        settle();
        panel.settle(20);
        assertThat(value(panel, "gap_width_mm", "L5", Side.LEFT)).as("an emptied editor clears nothing").contains(filled);
        assertThat(form.messageText()).contains("Delete clears");
        clickCell(form, "gap_width_mm", "L5", Side.LEFT);
        key(KeyEvent.VK_DELETE, 0);
        waitFor(() -> value(panel, "gap_width_mm", "L5", Side.LEFT).isEmpty(), 5000, "cleared by Delete");
        key(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK);
        waitForValue(panel, "gap_width_mm", "L5", Side.LEFT, filled);
        assertThat(find(panel.session().document(), "gap_width_mm", "L5", Side.LEFT).orElseThrow().roi()).as("linked again").isNotNull();

        // ---- a number being typed on a cell a macro sets meanwhile: the editor closes and says the typed number was not stored
        clickCell(form, "gap_width_mm", "L4", Side.RIGHT);
        type('7');
        assertThat(grid.isEditing()).isTrue();
        ReadingCommand.perform("set", Map.of("finding", "gap_width_mm", "level", "L4", "side", "right", "value", "3"));
        waitForValue(panel, "gap_width_mm", "L4", Side.RIGHT, "3");
        waitFor(() -> !grid.isEditing(), 3000, "the stale editor closed");
        assertThat(form.messageText()).contains("was set meanwhile");
        clickCell(form, "hollenberg", "L5", Side.LEFT);
        panel.settle(20);
        assertThat(value(panel, "gap_width_mm", "L4", Side.RIGHT)).contains("3");

        // ---- Go to a level and side moves the grid's selection there (same finding when it has a cell there)
        clickCell(form, "hollenberg", "L5", Side.LEFT);
        ReadingCommand.perform("goto", Map.of("level", "L4", "side", "right"));
        waitFor(() -> form.current().map(c -> c.level().equals("L4") && c.side() == Side.RIGHT).orElse(false), 5000,
                "the grid at L4 right (now " + form.current() + ")");
        assertThat(form.current().orElseThrow().finding().id()).isEqualTo("hollenberg");

        // ---- a long value shows whole in its column
        ReadingCommand.perform("set", Map.of("finding", "bme_roi_mean", "level", "L5", "side", "left", "value", "12345.6"));
        waitForValue(panel, "bme_roi_mean", "L5", Side.LEFT, "12345.6");
        int row = form.model().rowOf("bme_roi_mean"), col = form.model().columnOf("L5", Side.LEFT);
        int need = onEdt(() -> grid.getFontMetrics(grid.getFont()).stringWidth("12345.6") + 6);
        int have = onEdt(() -> grid.getCellRect(row, col, false).width);
        assertThat(have).as("column width for '12345.6'").isGreaterThanOrEqualTo(need);

        // ---- the status line never moves the panel's parts
        Rectangle formBefore = onEdt(() -> form.getBounds());
        Rectangle toolsBefore = onEdt(() -> panel.roiTools().getBounds());
        String longText = "Gap width: the selection on 'CT post-contrast ax' is a polygon; draw a straight line across the defect, "
                + "then Add selection (Ctrl+Enter, in the panel or on the viewer); ".repeat(3);
        panel.error(longText); // a failure: the status line and the message under the grid, both long
        waitFor(() -> panel.statusText().startsWith("Gap width: the selection"), 3000, "the long message");
        settle();
        assertThat(onEdt(() -> form.getBounds())).isEqualTo(formBefore);
        assertThat(onEdt(() -> panel.roiTools().getBounds())).isEqualTo(toolsBefore);
        panel.error("short");
        waitFor(() -> panel.statusText().equals("short"), 3000, "the short message");
        settle();
        assertThat(onEdt(() -> form.getBounds())).isEqualTo(formBefore);
        assertThat(onEdt(() -> panel.roiTools().getBounds())).isEqualTo(toolsBefore);

        // ---- the contrast seed fills its value as a line does (linked to the region)
        ReadingCommand.perform("quantify", Map.of("level", "L5", "side", "left",
                "seed", String.format(java.util.Locale.ROOT, "%.2f,%.2f,%.2f", left.centreCt().x(), left.centreCt().y(), left.centreCt().z())));
        waitFor(() -> find(panel.session().document(), "contrast_volume_ml", "L5", Side.LEFT).isPresent(), 20000, "contrast volume value");
        FindingsDocument.FindingValue v = find(panel.session().document(), "contrast_volume_ml", "L5", Side.LEFT).orElseThrow();
        assertThat(v.roi()).isNotNull();
        assertThat(Double.parseDouble(v.value().text())).isGreaterThan(0.1);
        ReadingCommand.perform("close", Map.of());
    }
}
