package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import ij.gui.Toolbar;
import ij.plugin.frame.Recorder;
import java.awt.Component;
import java.awt.EventQueue;
import java.awt.KeyboardFocusManager;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.Side;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.SampleCase;
import org.parsreader.sample.Vec3;

/**
 * The reading panel in a real ImageJ under Xvfb, used as a reader uses it, with AWT events on
 * the real windows: Read Case... on a copy of the sample case as reader R2 shows the panel and
 * the viewers; L5 and S1 are marked with the level buttons and a click on the T2; findings are
 * typed into the form (digits, letters, a number out of range and then a good one); a line on
 * the CT becomes the gap width (value filled from its length, linked to the line); edema and
 * reference polygons on the STIR give the ratio at once; Ctrl+Z and Ctrl+Y undo and redo;
 * Ctrl+S saves; the window's close box with unsaved changes asks (Save is the default, "Keep
 * reading" keeps everything), then saves and closes with the lock released and the viewers
 * gone; Read Case... again shows the same findings, and the file holds the values, ROIs,
 * measurements and level marks. Every panel action was recorded as a macro line.
 *
 * <p>With {@code -Dpars.screenshots=true} it also writes docs/images/reading-panel.png and
 * reading-panel-form.png (the README's pictures); otherwise it writes nothing outside the build.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class ReadingPanelIT {
    static final Path SAMPLE = SampleCase.SAMPLE;
    static ImageJ imagej;
    static GroundTruth truth;
    static Path caseDir;

    @BeforeAll
    static void startImageJ() throws Exception {
        truth = GroundTruth.read(SAMPLE.resolve("ground-truth.json"));
        caseDir = copy(Files.createTempDirectory("reading-panel"));
        imagej = org.parsreader.ij.RealImageJ.start(Files.createTempDirectory("imagej")); // null: another IT of this JVM started it
    }

    @AfterAll
    static void quit() throws Exception {
        if (ActiveSession.get().isPresent()) ReadingCommand.perform("close", java.util.Map.of()); // a test that failed half way
        waitFor(() -> ReadingPanel.current().isEmpty(), 10000, "no panel");
        WindowManager.closeAllWindows();
        if (imagej != null) imagej.dispose();
    }

    @Test
    void aReaderReadsTheSampleCaseInThePanel() throws Exception {
        assertThat(Menus.getCommands().get("Read Case...")).isEqualTo(ReadCaseCommand.class.getName());
        Recorder recorder = new Recorder();
        onEdt(() -> recorder.setLocation(1366, 768)); // out of the picture; it records all the same
        try {
            read(recorder);
        } finally {
            recorder.close();
        }
    }

    @Test
    void aWorklistMovesOnWithNextAndBackWithPrevious() throws Exception {
        Path cohort = Files.createTempDirectory("worklist");
        Path a = copy(cohort, "case-a"), b = copy(cohort, "case-b");
        // ImageJ's bar at the top-left corner, over the panel's column: the panel goes below it, shorter
        java.awt.Point barWas = onEdt(() -> IJ.getInstance().getLocation());
        onEdt(() -> IJ.getInstance().setLocation(0, 0));
        try {
            readWorklist(cohort, a, b);
        } finally {
            onEdt(() -> IJ.getInstance().setLocation(barWas));
        }
    }

    private void readWorklist(Path cohort, Path a, Path b) throws Exception {
        IJ.run("Read Case...", "worklist=[" + cohort + "] reader=W1 role=R1");
        ReadingPanel panel = waitForPanel();
        waitFor(() -> panel.viewers() != null && panel.viewers().images().size() == 4, 20000, "viewers");
        settle();
        Path first = panel.session().caseDir();
        assertThat(List.of(a, b)).contains(first);
        assertThat(panel.worklistText()).isEqualTo("case 1 of 2 · 0 complete");
        Rectangle bar = onEdt(() -> IJ.getInstance().getBounds());
        assertThat(onEdt(() -> panel.getBounds()).intersects(bar)).as("panel below ImageJ's bar").isFalse();
        assertThat(panel.getX()).isZero();
        // the worklist line and a message under the grid: the panel scrolls, the save state, Save and the status line stay on screen
        clickCell(panel.form(), "gap_width_mm", "L5", Side.LEFT);
        type('4');
        type('5');
        key(KeyEvent.VK_ENTER, 0);
        waitFor(() -> panel.form().messageText().contains("above the maximum"), 3000, "range message");
        for (String name : List.of("save-state", "save", "status")) assertFullyShown(panel, name);
        key(KeyEvent.VK_ESCAPE, 0);
        settle();
        for (String name : List.of("save-state", "save", "status")) assertFullyShown(panel, name);

        // ---- Ctrl+W on a viewer (ImageJ's Close): the panel carries on, and Show series brings the viewer back
        AbstractButton showSeries = button(panel, "show-series");
        assertThat(showSeries.isEnabled()).isFalse();
        SeriesViewer stirViewer = panel.viewers().find("STIR SAG").orElseThrow();
        activate(stirViewer.image());
        IJ.run("Close");
        waitFor(() -> panel.viewers().images().size() == 3, 5000, "the STIR closed");
        settle();
        waitFor(showSeries::isEnabled, 3000, "Show series offered");
        assertThat(panel.statusText()).contains("STIR SAG closed");
        assertThat(panel.viewers().missing()).extracting(s -> s.series().description()).containsExactly("STIR SAG");
        click(button(panel, "goto-left")); // the panel still acts on the other viewers (no level is marked in this case)
        waitFor(() -> panel.viewers().status().contains("T2 TSE SAG"), 3000, "go-to answered (now '" + panel.viewers().status() + "')");
        assertThat(panel.viewers().status()).contains("Post contrast").doesNotContain("STIR");
        click(showSeries);
        waitFor(() -> panel.viewers().images().size() == 4, 20000, "the STIR again");
        settle();
        waitFor(() -> !showSeries.isEnabled(), 3000, "nothing missing");
        List<Rectangle> shown = new ArrayList<>();
        for (ImagePlus imp : panel.viewers().images()) shown.add(onEdt(() -> imp.getWindow().getBounds()));
        for (int i = 0; i < shown.size(); i++) {
            assertThat(shown.get(i).intersects(bar)).isFalse();
            assertThat(new Rectangle(0, 0, 1366, 768).contains(shown.get(i))).isTrue();
            for (int j = i + 1; j < shown.size(); j++) assertThat(shown.get(i).intersects(shown.get(j))).isFalse();
        }
        click(button(panel, "goto-left")); // the STIR is one of the viewers again
        waitFor(() -> panel.viewers().status().contains("STIR"), 3000, "go-to on the STIR again (now '" + panel.viewers().status() + "')");
        assertThat(named(panel, "previous-case").isEnabled()).isFalse();
        clickCell(panel.form(), "pars_defect", "L5", Side.LEFT);
        type('3');
        waitForValue(panel, "pars_defect", "L5", Side.LEFT, "complete");

        click(button(panel, "next-case")); // saves this case, opens the other in the same panel
        waitFor(() -> !panel.session().caseDir().equals(first), 20000, "the next case");
        waitFor(() -> panel.viewers() != null && panel.viewers().images().size() == 4, 20000, "its viewers");
        settle();
        assertThat(panel.isDisplayable()).isTrue();
        // the first case is started, not finished: the template requires pars_defect, bme_isthmic, needle_tip and contrast_compartments
        assertThat(panel.worklistText()).isEqualTo("case 2 of 2 · 0 complete");
        assertThat(named(panel, "next-case").isEnabled()).isFalse();
        assertThat(cellText(panel.form().model(), "pars_defect", "L5", Side.LEFT)).isNull();
        assertThat(FindingsJson.read(Files.readAllBytes(first.resolve("findings/W1.findings.json")), "W1").values())
                .anyMatch(v -> v.finding().equals("pars_defect") && v.value().text().equals("complete"));

        // the second case read to the end (the required findings, through the panel's own command path): complete
        for (String v : new String[] {"pars_defect value=complete", "bme_isthmic value=yes", "needle_tip value=intra-defect",
            "contrast_compartments value=pars_defect"}) {
            ReadingCommand.perform("set", "finding=" + v.replace(" value", " level=L5 side=left value"));
        }
        click(button(panel, "previous-case"));
        waitFor(() -> panel.session().caseDir().equals(first), 20000, "back to the first case");
        waitFor(() -> panel.viewers() != null && panel.viewers().images().size() == 4, 20000, "its viewers again");
        settle();
        assertThat(panel.worklistText()).isEqualTo("case 1 of 2 · 1 complete");
        assertThat(cellText(panel.form().model(), "pars_defect", "L5", Side.LEFT)).isEqualTo("complete");
        assertThat(panel.statusText()).doesNotContain("not done");
        // the buttons of the panel act once per click after the case changed twice
        clickCell(panel.form(), "pars_defect", "L5", Side.RIGHT);
        type('2');
        waitForValue(panel, "pars_defect", "L5", Side.RIGHT, "incomplete");
        clickCell(panel.form(), "hollenberg", "L5", Side.RIGHT);
        type('4');
        waitForValue(panel, "hollenberg", "L5", Side.RIGHT, "4");
        click(button(panel, "undo"));
        waitFor(() -> value(panel, "hollenberg", "L5", Side.RIGHT).isEmpty(), 5000, "undone");
        settle();
        assertThat(value(panel, "pars_defect", "L5", Side.RIGHT)).contains("incomplete"); // one click, one undo
        JDialog ask = closeBox(panel);
        click(dialogButton(ask, ReadingPanel.SAVE_AND_CLOSE));
        waitFor(() -> !panel.isDisplayable(), 10000, "closed");
        assertThat(ActiveSession.get()).isEmpty();
    }

    private void read(Recorder recorder) throws Exception {
        // ---- Read Case...: the panel at the left edge, the viewers beside it
        IJ.run("Read Case...", "case=[" + caseDir + "] reader=R2 role=R2");
        ReadingPanel panel = waitForPanel();
        CaseViewers viewers = waitFor(() -> panel.viewers() != null && panel.viewers().images().size() == 4, 20000, "viewers") ? panel.viewers() : null;
        assertThat(viewers).isNotNull();
        settle();
        assertThat(panel.getTitle()).startsWith("Pars Reader: P").doesNotContain("PHANTOM");
        assertThat(text(panel)).doesNotContain("PHANTOM").doesNotContain("PR-SAMPLE").doesNotContain("19800101");
        assertThat(panel.getX()).isZero();
        assertThat(panel.getWidth()).isLessThanOrEqualTo(ViewerLayout.PANEL_WIDTH);
        assertThat(panel.getHeight()).isLessThanOrEqualTo(768);
        assertThat(panel.saveStateText()).isEqualTo("saved");
        String pseudonym = panel.session().pseudonym();
        // ImageJ's bar (menus File, Edit, Image ...) stays reachable: neither the panel nor a viewer covers it
        Rectangle bar = onEdt(() -> IJ.getInstance().getBounds());
        assertThat(onEdt(() -> panel.getBounds()).intersects(bar)).as("panel " + panel.getBounds() + " over ImageJ " + bar).isFalse();
        for (ImagePlus imp : viewers.images()) {
            Rectangle b = onEdt(() -> imp.getWindow().getBounds());
            assertThat(b.intersects(bar)).as(imp.getTitle() + " " + b + " over ImageJ " + bar).isFalse();
            assertThat(new Rectangle(0, 0, 1366, 768).contains(b)).as(imp.getTitle() + " " + b + " on screen").isTrue();
        }

        SeriesViewer t2 = viewers.find("T2 TSE SAG").orElseThrow();
        SeriesViewer stir = viewers.find("STIR SAG").orElseThrow();
        SeriesViewer post = viewers.find("Post contrast").orElseThrow();
        String mrFrame = truth.frames().mrFrameOfReferenceUid();

        // ---- levels: the L5 button, then a click on L5's body on the T2; the same for S1
        for (String level : List.of("L5", "S1")) {
            double[] body = p(body(level).mr());
            showSliceOf(t2, body);
            click(panel.levelButton(level));
            waitFor(() -> viewers.markingLevel().filter(level::equals).isPresent(), 5000, "marking " + level);
            clickImage(t2, body);
            waitFor(() -> panel.session().document().levelMarks().stream().anyMatch(m -> m.level().equals(level)), 5000, level + " marked");
        }
        settle();
        assertThat(panel.levelButton("L5").getText()).isEqualTo("L5 ✓");
        assertThat(panel.levelButton("L4").getText()).isEqualTo("L4 ~"); // proposed from L5 and S1
        assertThat(panel.session().levels(mrFrame).level("L5").orElseThrow().marked()).isTrue();

        // ---- the form, by keyboard
        FindingsForm form = panel.form();
        JTable grid = form.table();
        clickCell(form, "pars_defect", "L5", Side.LEFT);
        type('3');
        waitForValue(panel, "pars_defect", "L5", Side.LEFT, "complete");
        key(KeyEvent.VK_RIGHT, 0);
        type('3');
        waitForValue(panel, "pars_defect", "L5", Side.RIGHT, "complete");
        key(KeyEvent.VK_DOWN, 0); // CT stage, L5 right
        type('p');
        waitForValue(panel, "ct_stage", "L5", Side.RIGHT, "pre-lysis");
        type('p'); // the next value starting with p
        waitForValue(panel, "ct_stage", "L5", Side.RIGHT, "progressive");
        key(KeyEvent.VK_DOWN, 0); // gap width L5 right: a number out of range, then a good one
        type('4');
        type('5');
        key(KeyEvent.VK_ENTER, 0);
        waitFor(() -> form.messageText().contains("above the maximum 30 mm"), 3000, "range message");
        assertThat(value(panel, "gap_width_mm", "L5", Side.RIGHT)).isEmpty();
        key(KeyEvent.VK_ESCAPE, 0);
        settle();
        type('2');
        type('.');
        type('4');
        key(KeyEvent.VK_ENTER, 0);
        waitForValue(panel, "gap_width_mm", "L5", Side.RIGHT, "2.4");
        // a number being typed survives a change made elsewhere meanwhile (a macro; the autosave does the same)
        clickCell(form, "gap_width_mm", "L4", Side.LEFT);
        type('1');
        assertThat(grid.isEditing()).isTrue();
        ReadingCommand.perform("set", java.util.Map.of("finding", "pfirrmann", "level", "L5", "value", "3"));
        waitForValue(panel, "pfirrmann", "L5", null, "3");
        assertThat(grid.isEditing()).as("still typing").isTrue();
        type('.');
        type('5');
        key(KeyEvent.VK_ENTER, 0);
        waitForValue(panel, "gap_width_mm", "L4", Side.LEFT, "1.5");
        // a finding name too long for its column ("Isthmic bone-marrow ...") shows whole in its tooltip
        int bmeRow = form.model().rowOf("bme_isthmic");
        String bmeLabel = FindingsFormModel.label(panel.session().template().finding("bme_isthmic").orElseThrow());
        String tip = onEdt(() -> {
            Rectangle r = grid.getCellRect(bmeRow, 0, true);
            return grid.getToolTipText(new MouseEvent(grid, MouseEvent.MOUSE_MOVED, System.currentTimeMillis(), 0, r.x + 5, r.y + 5, 0, false));
        });
        assertThat(tip).contains(FindingsForm.esc(bmeLabel));
        assertThat(onEdt(() -> grid.getColumnModel().getColumn(0).getWidth())).isGreaterThan(FindingsForm.LABEL_WIDTH);
        // the level filter: L3 shown and hidden again, group rows keep their height
        int columns = grid.getColumnCount();
        click(named(panel, "level-filter-L3"));
        assertThat(grid.getColumnCount()).isEqualTo(columns + 2);
        assertThat(grid.getRowHeight(form.model().rowOf("pars_defect") - 1)).isEqualTo(FindingsForm.GROUP_ROW_HEIGHT);
        click(named(panel, "level-filter-L3"));
        assertThat(grid.getColumnCount()).isEqualTo(columns);
        click(named(panel, "level-filter-L5")); // L5 has findings: it stays
        assertThat(grid.getColumnCount()).isEqualTo(columns);
        assertThat(form.messageText()).contains("L5 has findings");
        clickCell(form, "hollenberg", "L5", Side.LEFT);
        type('3'); // a grade's own digit
        waitForValue(panel, "hollenberg", "L5", Side.LEFT, "3");
        clickCell(form, "bme_isthmic", "L5", Side.LEFT);
        type('y');
        waitForValue(panel, "bme_isthmic", "L5", Side.LEFT, "yes");
        key(KeyEvent.VK_DOWN, 0); // edema location: digits toggle
        type('1');
        waitForValue(panel, "bme_location", "L5", Side.LEFT, "pars");
        type('2');
        waitForValue(panel, "bme_location", "L5", Side.LEFT, "pars|pedicle");
        clickCell(form, "bme_ref_type", "L5", Side.LEFT);
        type('3');
        waitForValue(panel, "bme_ref_type", "L5", Side.LEFT, "normal_marrow");
        clickCell(form, "meyerding", "L5", Side.RIGHT); // a segment finding: either column of L5 is L5-S1
        type('2');
        waitForValue(panel, "meyerding", "L5", null, "I");
        clickCell(form, "hollenberg", "L5", Side.RIGHT);
        type('4');
        waitForValue(panel, "hollenberg", "L5", Side.RIGHT, "4");
        key(KeyEvent.VK_DELETE, 0);
        waitFor(() -> value(panel, "hollenberg", "L5", Side.RIGHT).isEmpty(), 3000, "cleared");
        clickCell(form, "needle_tip", "L5", Side.LEFT); // Enter: the list of values, in the template's order
        key(KeyEvent.VK_ENTER, 0);
        javax.swing.JPopupMenu list = popup();
        List<String> items = new ArrayList<>();
        for (Component c : list.getComponents()) if (c instanceof javax.swing.JMenuItem i) items.add(i.getText());
        assertThat(items).containsExactly("1  intra-defect", "2  peri-defect", "3  other", "Clear (Delete)");
        click(list.getComponent(0));
        waitForValue(panel, "needle_tip", "L5", Side.LEFT, "intra-defect");

        // ---- a line across the left L5 defect on the post-contrast CT, stored as the gap width
        clickCell(form, "gap_width_mm", "L5", Side.LEFT);
        click(button(panel, "roi-tool-gap_width_mm"));
        assertThat(Toolbar.getToolId()).isEqualTo(Toolbar.LINE);
        GroundTruth.ParsDefect leftDefect = truth.parsDefects().stream().filter(x -> x.side().equals("left")).findFirst().orElseThrow();
        double[] gapAt = post.voxelOf(p(leftDefect.centreCt())).orElseThrow(); // patient left: the right half of the axial image
        showSliceOf(post, p(leftDefect.centreCt()));
        activate(post.image());
        drag(post.image(), Math.round(gapAt[0]) - 1, Math.round(gapAt[1]), Math.round(gapAt[0]) + 2, Math.round(gapAt[1]));
        assertThat(post.image().getRoi()).isNotNull();
        click(button(panel, "roi-add"));
        waitFor(() -> find(panel.session().document(), "gap_width_mm", "L5", Side.LEFT).map(v -> v.roi() != null).orElse(false), 5000,
                "gap width linked to its line (status '" + panel.statusText() + "')");
        settle();
        FindingsDocument d = panel.session().document();
        FindingsDocument.FindingValue gap = find(d, "gap_width_mm", "L5", Side.LEFT).orElseThrow();
        FindingsDocument.Roi line = d.rois().stream().filter(r -> r.id().equals(gap.roi())).findFirst().orElseThrow();
        assertThat(line.type()).isEqualTo(FindingsDocument.RoiType.LINE);
        assertThat(line.points()).allSatisfy(pt -> assertThat(pt[0]).as("on the patient's left (+x)").isBetween(10.0, 20.0));
        double length = org.parsreader.findings.RoiGeometry.lengthMm(line);
        assertThat(length).as("a 3-pixel line of 0.875 mm pixels, as drawn by the mouse").isBetween(2.4, 3.4);
        String gapText = FindingsFormModel.number(Math.round(length * 100) / 100.0);
        assertThat(gap.value().text()).as("the value filled from the line's length").isEqualTo(gapText);
        assertThat(d.measurements()).anyMatch(m -> line.id().equals(m.provenance().roi()) && Math.abs(m.value() - length) < 1e-9);
        assertThat(form.detailText()).contains("L5 left = " + gapText + " mm").contains(line.id()).contains("measured");

        // ---- the left L5 pars defect outlined as a contrast compartment, then the contrast seed there: the 3D quantification
        double[] inDefect = p(leftDefect.centreCt());
        showSliceOf(post, inDefect);
        click(button(panel, "roi-tool-contrast_compartments:pars_defect"));
        assertThat(Toolbar.getToolId()).isEqualTo(Toolbar.POLYGON);
        zoom(post, inDefect, 2);
        polygon(post, squareAxial(inDefect, 3.5));
        click(button(panel, "roi-add"));
        waitFor(() -> panel.session().document().rois().stream().anyMatch(r -> "pars_defect".equals(r.label())), 5000,
                "compartment polygon (status '" + panel.statusText() + "')");
        click(button(panel, "roi-tool-contrast_volume_ml"));
        assertThat(Toolbar.getToolId()).isEqualTo(Toolbar.POINT);
        clickImage(post, inDefect);
        zoom(post, inDefect, -2);
        click(button(panel, "roi-add"));
        waitFor(() -> find(panel.session().document(), "contrast_compartments", "L5", Side.LEFT).isPresent(), 20000,
                "quantified (status '" + panel.statusText() + "')");
        assertThat(value(panel, "contrast_compartments", "L5", Side.LEFT)).contains("pars_defect"); // the one outlined, and reached
        assertThat(panel.session().document().measurements()).anyMatch(m -> m.finding().equals("contrast_volume_ml") && m.value() > 0.2);
        assertThat(panel.session().document().rois()).anyMatch(r -> r.type() == FindingsDocument.RoiType.MASK3D);

        // ---- edema and reference polygons on the STIR: the ratio at once
        GroundTruth.Edema edema = truth.edema();
        double x = 21.5; // a sagittal slice through the edema
        // the bright edema marrow of the left L5 pedicle on that slice (inside the ground truth's edema box), and normal marrow low in
        // the L5 body: both clear of the viewers' level labels, which ImageJ would pick up as the selection on a click
        double[] centre = {x, 6.4, -43.1};
        assertThat(centre[1]).isBetween(edema.marrowBoxMinMr().y(), edema.marrowBoxMaxMr().y());
        assertThat(centre[2]).isBetween(edema.marrowBoxMinMr().z(), edema.marrowBoxMaxMr().z());
        double[] reference = {x, body("L5").mr().y() - 2, body("L5").mr().z() - 8};
        clickCell(form, "bme_roi_mean", "L5", Side.LEFT);
        click(button(panel, "roi-tool-bme_roi_mean"));
        assertThat(Toolbar.getToolId()).isEqualTo(Toolbar.POLYGON);
        showSliceOf(stir, centre);
        activate(stir.image());
        zoom(stir, centre, 3); // a small region: the reader zooms in to outline it
        polygon(stir, square(centre, 1.5));
        click(button(panel, "roi-add"));
        waitFor(() -> find(panel.session().document(), "bme_roi_mean", "L5", Side.LEFT).isPresent(), 5000, "edema mean");
        zoom(stir, centre, -3);
        // this time from the keyboard: Alt + the tool's shortcut in the panel
        org.parsreader.reading.RoiTool refTool = panel.roiTools().tools().stream().filter(t -> t.id().equals("bme_ref_mean")).findFirst().orElseThrow();
        org.parsreader.reading.RoiTool edemaTool = panel.roiTools().tools().stream().filter(t -> t.id().equals("bme_roi_mean")).findFirst().orElseThrow();
        focusGrid(grid);
        key(KeyEvent.getExtendedKeyCodeForChar(refTool.shortcut().charAt(0)), InputEvent.ALT_DOWN_MASK);
        waitFor(() -> panel.roiTools().active().filter(refTool::equals).isPresent(), 3000, "reference tool by Alt+" + refTool.shortcut());
        assertThat(button(panel, "roi-tool-bme_ref_mean").isSelected()).isTrue();
        // ... and on the viewer the reader draws on: Alt + a tool's key there chooses it too (ImageJ does not also take the letter)
        activate(stir.image());
        pressOn(stir.image().getCanvas(), KeyEvent.getExtendedKeyCodeForChar(edemaTool.shortcut().charAt(0)), InputEvent.ALT_DOWN_MASK);
        waitFor(() -> panel.roiTools().active().filter(edemaTool::equals).isPresent(), 3000, "edema tool by Alt+" + edemaTool.shortcut() + " on the STIR");
        pressOn(stir.image().getCanvas(), KeyEvent.getExtendedKeyCodeForChar(refTool.shortcut().charAt(0)), InputEvent.ALT_DOWN_MASK);
        waitFor(() -> panel.roiTools().active().filter(refTool::equals).isPresent(), 3000, "reference tool by Alt+" + refTool.shortcut() + " on the STIR");
        zoom(stir, reference, 3);
        polygon(stir, square(reference, 1.5));
        // Ctrl+Enter where the reader just drew, the viewer having the keys
        pressOn(stir.image().getCanvas(), KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK);
        waitFor(() -> find(panel.session().document(), "bme_ref_mean", "L5", Side.LEFT).isPresent(), 5000,
                "reference mean by Ctrl+Enter on the STIR (status '" + panel.statusText() + "')");
        zoom(stir, reference, -3);
        waitFor(() -> !panel.roiTools().ratioText().isEmpty(), 5000, "ratio shown");
        String ratio = panel.roiTools().ratioText();
        assertThat(ratio).startsWith("Edema L5 left: CR 0.");
        double cr = Double.parseDouble(ratio.replaceAll(".*CR ([0-9.]+).*", "$1"));
        assertThat(cr).as(ratio).isBetween(0.4, 0.95); // STIR edema 900 against normal marrow 110: about 0.78 inside the edema

        // ---- window presets from the panel's buttons
        click(button(panel, "preset-ct-soft"));
        waitFor(() -> post.image().getDisplayRangeMax() == org.parsreader.reading.WindowPreset.CT_SOFT_TISSUE.storedRange(post.volume())[1],
                5000, "CT soft tissue window");
        click(button(panel, "preset-ct-bone"));
        waitFor(() -> post.image().getDisplayRangeMax() == org.parsreader.reading.WindowPreset.CT_BONE.storedRange(post.volume())[1],
                5000, "CT bone window");

        // ---- go to the left L5 pars, for the picture (the viewers tiled again after the zooming)
        panel.viewers().layout();
        onEdt(() -> ((javax.swing.JComboBox<?>) named(panel, "goto-level")).setSelectedItem("L5"));
        click(button(panel, "goto-left"));
        settle();
        // a line naming the slice on every series: wrapped, whole in its tooltip
        waitFor(() -> panel.statusText().startsWith("L5 left") && panel.statusText().contains("Needle check"), 3000,
                "go-to status (now '" + panel.statusText() + "')");
        javax.swing.JLabel statusLine = (javax.swing.JLabel) named(panel, "status");
        assertThat(statusLine.getToolTipText()).contains(FindingsForm.esc(panel.statusText()));
        assertThat(statusLine.getFontMetrics(statusLine.getFont()).stringWidth(panel.statusText())).isGreaterThan(ViewerLayout.PANEL_WIDTH);
        assertThat(statusLine.getHeight()).as("wrapped on more than one line").isGreaterThan(2 * statusLine.getFontMetrics(statusLine.getFont()).getHeight() - 2);
        assertFullyShown(panel, "status");
        onEdt(() -> {
            Window log = WindowManager.getWindow("Log");
            if (log != null) log.setVisible(false); // the Log would cover a viewer in the picture
        });
        Thread.sleep(500);
        screenshots(panel);

        // ---- the panel at its tallest (the ratio line, a message under the grid): the save state, Save and the status stay on screen
        clickCell(form, "gap_width_mm", "L4", Side.RIGHT);
        type('4');
        type('5');
        key(KeyEvent.VK_ENTER, 0);
        waitFor(() -> form.messageText().contains("above the maximum"), 3000, "range message");
        for (String name : List.of("save-state", "save", "undo", "status")) assertFullyShown(panel, name);
        key(KeyEvent.VK_ESCAPE, 0);
        settle();
        clickCell(form, "bme_isthmic", "L5", Side.LEFT); // back to L5 left, where the ratio is

        // ---- undo and redo from the keyboard: the reference ROI goes and comes back, and the ratio with it
        focusGrid(grid);
        key(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK);
        waitFor(() -> panel.session().document().rois().stream().noneMatch(r -> r.finding().equals("bme_ref_mean")), 5000, "undone");
        waitFor(() -> panel.roiTools().ratioText().isEmpty(), 3000, "ratio gone");
        assertThat(value(panel, "bme_ref_mean", "L5", Side.LEFT)).as("the value the ROI filled goes with it: one act, one undo").isEmpty();
        assertThat(named(panel, "redo").isEnabled()).isTrue();
        key(KeyEvent.VK_Y, InputEvent.CTRL_DOWN_MASK);
        waitFor(() -> panel.session().document().rois().stream().anyMatch(r -> r.finding().equals("bme_ref_mean")), 5000, "redone");
        waitFor(() -> !panel.roiTools().ratioText().isEmpty(), 3000, "ratio back");
        key(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK); // and once more with the other redo key
        waitFor(() -> panel.session().document().rois().stream().noneMatch(r -> r.finding().equals("bme_ref_mean")), 5000, "undone again");
        key(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK);
        waitFor(() -> panel.session().document().rois().stream().anyMatch(r -> r.finding().equals("bme_ref_mean")), 5000, "redone again");
        assertThat(grid.isEditing()).as("Ctrl keys never start a number's editor").isFalse();

        // ---- Ctrl+S
        assertThat(panel.saveStateText()).isIn("unsaved changes");
        key(KeyEvent.VK_S, InputEvent.CTRL_DOWN_MASK);
        waitFor(() -> panel.saveStateText().startsWith("saved "), 5000, "saved");
        assertThat(onDisk().values()).anyMatch(v -> v.finding().equals("gap_width_mm") && v.level().equals("L5") && v.side() == Side.LEFT);

        // ---- a change, then the close box: it asks; "Keep reading" keeps the panel and the change
        clickCell(form, "ct_stage", "L5", Side.LEFT);
        type('2');
        waitForValue(panel, "ct_stage", "L5", Side.LEFT, "early");
        JDialog ask = closeBox(panel);
        assertThat(ask.getRootPane().getDefaultButton().getText()).isEqualTo(ReadingPanel.SAVE_AND_CLOSE);
        click(dialogButton(ask, ReadingPanel.KEEP_READING));
        waitFor(() -> !ask.isShowing(), 3000, "dialog gone");
        settle();
        assertThat(panel.isDisplayable()).isTrue();
        assertThat(panel.session().isClosed()).isFalse();
        assertThat(value(panel, "ct_stage", "L5", Side.LEFT)).contains("early");
        assertThat(find(onDisk(), "ct_stage", "L5", Side.LEFT)).isEmpty(); // not saved, not lost

        // ---- the close box again: Enter takes the default, Save and close
        JDialog again = closeBox(panel);
        pressOn(again.getRootPane(), KeyEvent.VK_ENTER);
        waitFor(() -> !panel.isDisplayable(), 10000, "panel closed");
        assertThat(ActiveSession.get()).isEmpty();
        assertThat(viewers.isClosed()).isTrue();
        assertThat(WindowManager.getIDList()).isNull(); // no image window left
        try (org.parsreader.findings.CaseFindings free = org.parsreader.findings.CaseFindings.openCase(caseDir,
                new FindingsDocument.Reader("R2", org.parsreader.findings.Role.R2), org.parsreader.findings.ReadingTemplate.builtIn("pars-injection"),
                null, "ReadingPanelIT")) {
            assertThat(free.editor().document().values()).isNotEmpty(); // the reader's lock was released: it opens again
        }
        assertThat(find(onDisk(), "ct_stage", "L5", Side.LEFT).map(v -> v.value().text())).contains("early");

        // ---- reopen: the same findings in the form
        IJ.run("Read Case...", "case=[" + caseDir + "] reader=R2 role=R2");
        ReadingPanel reopened = waitForPanel();
        assertThat(reopened).isNotSameAs(panel);
        waitFor(() -> reopened.viewers() != null && reopened.viewers().images().size() == 4, 20000, "viewers again");
        settle();
        FindingsFormModel m = reopened.form().model();
        assertThat(cellText(m, "pars_defect", "L5", Side.LEFT)).isEqualTo("complete");
        assertThat(cellText(m, "gap_width_mm", "L5", Side.LEFT)).isEqualTo(gapText);
        assertThat(reopened.levelButton("S1").getText()).isEqualTo("S1 ✓");
        assertThat(reopened.saveStateText()).isEqualTo("saved");
        reopened.settle(5);
        onEdtLater(reopened::requestClose); // nothing unsaved: closes without asking
        waitFor(() -> !reopened.isDisplayable(), 10000, "closed without asking");

        // ---- the file
        FindingsDocument f = onDisk();
        assertThat(f.reader().id()).isEqualTo("R2");
        assertThat(f.pseudonym()).isEqualTo(pseudonym);
        assertThat(f.identity()).isNull();
        assertThat(text(f, "pars_defect", "L5", Side.LEFT)).isEqualTo("complete");
        assertThat(text(f, "pars_defect", "L5", Side.RIGHT)).isEqualTo("complete");
        assertThat(text(f, "ct_stage", "L5", Side.RIGHT)).isEqualTo("progressive");
        assertThat(text(f, "ct_stage", "L5", Side.LEFT)).isEqualTo("early");
        assertThat(text(f, "gap_width_mm", "L5", Side.RIGHT)).isEqualTo("2.4");
        assertThat(text(f, "gap_width_mm", "L5", Side.LEFT)).isEqualTo(gapText);
        assertThat(text(f, "hollenberg", "L5", Side.LEFT)).isEqualTo("3");
        assertThat(find(f, "hollenberg", "L5", Side.RIGHT)).isEmpty();
        assertThat(text(f, "gap_width_mm", "L4", Side.LEFT)).isEqualTo("1.5");
        assertThat(text(f, "pfirrmann", "L5", null)).isEqualTo("3");
        assertThat(text(f, "bme_isthmic", "L5", Side.LEFT)).isEqualTo("yes");
        assertThat(text(f, "bme_location", "L5", Side.LEFT)).isEqualTo("pars|pedicle");
        assertThat(text(f, "meyerding", "L5", null)).isEqualTo("I");
        assertThat(text(f, "needle_tip", "L5", Side.LEFT)).isEqualTo("intra-defect");
        assertThat(find(f, "gap_width_mm", "L5", Side.LEFT).orElseThrow().roi()).isEqualTo(line.id());
        assertThat(f.rois()).extracting(FindingsDocument.Roi::finding).containsExactlyInAnyOrder("gap_width_mm", "contrast_compartments",
                "contrast_volume_ml", "bme_roi_mean", "bme_ref_mean");
        assertThat(text(f, "contrast_compartments", "L5", Side.LEFT)).isEqualTo("pars_defect");
        assertThat(f.rois()).filteredOn(r -> r.finding().startsWith("bme")).allSatisfy(r -> {
            assertThat(r.type()).isEqualTo(FindingsDocument.RoiType.POLYGON);
            assertThat(r.frameOfReferenceUid()).isEqualTo(mrFrame);
        });
        assertThat(f.measurements()).extracting(FindingsDocument.Measurement::finding).contains("gap_width_mm", "bme_roi_mean", "bme_ref_mean",
                "contrast_volume_ml");
        assertThat(f.levelMarks()).extracting(FindingsDocument.LevelMark::level).containsExactlyInAnyOrder("L5", "S1");
        assertThat(f.levelMarks()).allSatisfy(mk -> assertThat(mk.frameOfReferenceUid()).isEqualTo(mrFrame));
        FindingsDocument.LevelMark l5 = f.levelMarks().stream().filter(mk -> mk.level().equals("L5")).findFirst().orElseThrow();
        assertThat(dist(l5.point(), p(body("L5").mr()))).isLessThan(2.5);

        // ---- every panel action was a macro line
        String recorded = recorder.getText();
        System.out.println("ReadingPanelIT recorded:\n" + recorded);
        assertThat(recorded).contains("run(\"Reading Set...\", \"finding=pars_defect level=L5 side=left value=complete\");")
                .contains("run(\"Reading Set...\", \"finding=meyerding level=L5 value=I\");")
                .contains("run(\"Reading Clear...\", \"finding=hollenberg level=L5 side=right\");")
                .contains("run(\"Reading Add ROI...\", \"tool=gap_width_mm level=L5 side=left")
                .contains("run(\"Reading Undo\");").contains("run(\"Reading Redo\");").contains("run(\"Reading Save\");")
                .contains("run(\"Reading Go To...\", \"level=L5 side=left\");")
                .contains("run(\"Reading Window...\", \"preset=ct-soft\");");
        // nothing the reader did not do: the edema mean came from its polygon in one Add ROI with fill, and was never set again
        // (Ctrl keys on its cell started no editor that set it)
        assertThat(recorded.lines().filter(l -> l.startsWith("run(\"Reading Set...\", \"finding=bme_roi_mean")).count()).isZero();
        assertThat(recorded.lines().filter(l -> l.startsWith("run(\"Reading Add ROI...\", \"tool=bme_roi_mean") && l.contains(" fill")).count())
                .isEqualTo(1);
    }

    // ---- the pictures of the README, only on request

    private static void screenshots(ReadingPanel panel) throws Exception {
        Path dir = Boolean.getBoolean("pars.screenshots") ? Path.of("docs/images")
                : Path.of(System.getProperty("pars.pluginJar", "target/x.jar")).toAbsolutePath().getParent().resolve("screenshots");
        Files.createDirectories(dir);
        Robot robot = new Robot();
        BufferedImage screen = robot.createScreenCapture(new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()));
        ImageIO.write(screen, "png", dir.resolve("reading-panel.png").toFile());
        Rectangle form = onEdt(() -> {
            Point at = panel.form().getLocationOnScreen();
            return new Rectangle(at.x, at.y, panel.form().getWidth(), panel.form().getHeight());
        });
        ImageIO.write(robot.createScreenCapture(form), "png", dir.resolve("reading-panel-form.png").toFile());
        System.out.println("ReadingPanelIT screenshots in " + dir.toAbsolutePath());
    }

    // ---- finding the panel and reading it

    static ReadingPanel waitForPanel() throws Exception {
        AtomicReference<ReadingPanel> found = new AtomicReference<>();
        waitFor(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof ReadingPanel p && w.isShowing() && !p.session().isClosed()) found.set(p);
            }
            return found.get() != null;
        }, 20000, "the reading panel");
        return found.get();
    }

    static String text(Component c) throws Exception {
        StringBuilder b = new StringBuilder();
        onEdt(() -> collect(c, b));
        return b.toString();
    }

    private static void collect(Component c, StringBuilder b) {
        if (c instanceof javax.swing.JLabel l) b.append(l.getText()).append('\n');
        if (c instanceof AbstractButton a) b.append(a.getText()).append('\n');
        if (c instanceof java.awt.Container k) for (Component x : k.getComponents()) collect(x, b);
    }

    static Component named(Component root, String name) {
        if (name.equals(root.getName())) return root;
        if (root instanceof java.awt.Container k) {
            for (Component c : k.getComponents()) {
                Component f = named(c, name);
                if (f != null) return f;
            }
        }
        if (root instanceof javax.swing.JFrame f) return named(f.getContentPane(), name);
        return null;
    }

    /** A component of the panel wholly visible (not scrolled away) and inside the 1366x768 screen. */
    static void assertFullyShown(ReadingPanel panel, String name) throws Exception {
        onEdt(() -> {
            javax.swing.JComponent c = (javax.swing.JComponent) named(panel.getContentPane(), name);
            assertThat(c).as(name).isNotNull();
            assertThat(c.isShowing()).as(name + " showing").isTrue();
            Rectangle visible = c.getVisibleRect();
            assertThat(visible.height).as(name + " wholly visible (not scrolled away): " + visible + " of " + c.getSize()).isEqualTo(c.getHeight());
            assertThat(visible.width).as(name + " wholly visible").isEqualTo(c.getWidth());
            Point at = c.getLocationOnScreen();
            assertThat(at.y + c.getHeight()).as(name + " above the screen's bottom").isLessThanOrEqualTo(768);
        });
    }

    static AbstractButton button(ReadingPanel panel, String name) {
        Component c = named(panel.getContentPane(), name);
        assertThat(c).as("button " + name).isInstanceOf(AbstractButton.class);
        return (AbstractButton) c;
    }

    static Optional<FindingsDocument.FindingValue> find(FindingsDocument d, String finding, String level, Side side) {
        return d.values().stream().filter(v -> v.finding().equals(finding) && v.level().equals(level) && v.side() == side).findFirst();
    }

    static Optional<String> value(ReadingPanel panel, String finding, String level, Side side) {
        return find(panel.session().document(), finding, level, side).map(v -> v.value().text());
    }

    static String text(FindingsDocument d, String finding, String level, Side side) {
        return find(d, finding, level, side).map(v -> v.value().text()).orElse(null);
    }

    static void waitForValue(ReadingPanel panel, String finding, String level, Side side, String want) throws Exception {
        waitFor(() -> value(panel, finding, level, side).filter(want::equals).isPresent(), 5000,
                finding + " " + level + " " + side + " = " + want + " (now " + value(panel, finding, level, side) + ", message '"
                        + panel.form().messageText() + "', status '" + panel.statusText() + "')");
        settle();
    }

    static String cellText(FindingsFormModel m, String finding, String level, Side side) {
        Object v = m.getValueAt(m.rowOf(finding), m.columnOf(level, side));
        return v instanceof FindingsDocument.FindingValue fv ? fv.value().text() : null;
    }

    static FindingsDocument onDisk() throws IOException {
        return FindingsJson.read(Files.readAllBytes(caseDir.resolve("findings/R2.findings.json")), "R2");
    }

    // ---- real AWT events

    /** A mouse click on a component, as the mouse does it (press, release, click at its centre). */
    static void click(Component c) throws Exception {
        waitFor(() -> c.isShowing() && c.isEnabled(), 5000, "enabled " + c.getName());
        onEdt(() -> {
            int x = c.getWidth() / 2, y = c.getHeight() / 2;
            long now = System.currentTimeMillis();
            c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_ENTERED, now, 0, x, y, 0, false));
            c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_PRESSED, now, InputEvent.BUTTON1_DOWN_MASK, x, y, 1, false, MouseEvent.BUTTON1));
            c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_RELEASED, now + 5, 0, x, y, 1, false, MouseEvent.BUTTON1));
            c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_CLICKED, now + 6, 0, x, y, 1, false, MouseEvent.BUTTON1));
        });
        settle();
    }

    /** A click on a cell of the form's grid (which gives the grid the keyboard). */
    static void clickCell(FindingsForm form, String finding, String level, Side side) throws Exception {
        JTable t = form.table();
        FindingsFormModel m = form.model();
        int row = m.rowOf(finding), col = m.columnOf(level, side == null ? Side.LEFT : side);
        assertThat(row).as(finding).isNotNegative();
        assertThat(col).as(level).isPositive();
        onEdt(() -> {
            Rectangle r = t.getCellRect(row, col, true);
            t.scrollRectToVisible(r);
            int x = r.x + r.width / 2, y = r.y + r.height / 2;
            long now = System.currentTimeMillis();
            t.dispatchEvent(new MouseEvent(t, MouseEvent.MOUSE_PRESSED, now, InputEvent.BUTTON1_DOWN_MASK, x, y, 1, false, MouseEvent.BUTTON1));
            t.dispatchEvent(new MouseEvent(t, MouseEvent.MOUSE_RELEASED, now + 5, 0, x, y, 1, false, MouseEvent.BUTTON1));
            t.dispatchEvent(new MouseEvent(t, MouseEvent.MOUSE_CLICKED, now + 6, 0, x, y, 1, false, MouseEvent.BUTTON1));
        });
        focusGrid(t);
        onEdt(() -> {
            assertThat(t.getSelectedRow()).isEqualTo(row);
            assertThat(t.getSelectedColumn()).isEqualTo(col);
        });
    }

    /** The panel in front with the keyboard on the grid, as after a click in it. */
    static void focusGrid(JTable t) throws Exception {
        onEdt(() -> {
            Window w = SwingUtilities.getWindowAncestor(t);
            w.toFront();
            t.requestFocus();
        });
        waitFor(() -> focusOwner() == t || focusOwner() != null && SwingUtilities.isDescendingFrom(focusOwner(), t), 5000,
                "keyboard focus on the form (now " + focusOwner() + ")");
    }

    static Component focusOwner() {
        return KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
    }

    /** Types a character where the keyboard is (press, typed, release), as a keyboard does. */
    static void type(char ch) throws Exception {
        int code = KeyEvent.getExtendedKeyCodeForChar(ch);
        onEdt(() -> {
            Component c = focusOwner();
            assertThat(c).as("keyboard focus").isNotNull();
            long now = System.currentTimeMillis();
            c.dispatchEvent(new KeyEvent(c, KeyEvent.KEY_PRESSED, now, 0, code, ch));
        });
        onEdt(() -> {
            Component c = focusOwner();
            long now = System.currentTimeMillis();
            c.dispatchEvent(new KeyEvent(c, KeyEvent.KEY_TYPED, now, 0, KeyEvent.VK_UNDEFINED, ch));
            c.dispatchEvent(new KeyEvent(c, KeyEvent.KEY_RELEASED, now + 2, 0, code, ch));
        });
        settle();
    }

    /** Presses and releases a key (with modifiers) where the keyboard is. */
    static void key(int code, int modifiers) throws Exception {
        onEdt(() -> {
            Component c = focusOwner();
            assertThat(c).as("keyboard focus").isNotNull();
            pressOn(c, code, modifiers);
        });
        settle();
    }

    static void pressOn(Component c, int code) throws Exception {
        onEdt(() -> pressOn(c, code, 0));
        settle();
    }

    static void pressOn(Component c, int code, int modifiers) {
        long now = System.currentTimeMillis();
        char ch = code == KeyEvent.VK_ENTER ? '\n' : code == KeyEvent.VK_ESCAPE ? (char) 27 : KeyEvent.CHAR_UNDEFINED;
        c.dispatchEvent(new KeyEvent(c, KeyEvent.KEY_PRESSED, now, modifiers, code, ch));
        c.dispatchEvent(new KeyEvent(c, KeyEvent.KEY_RELEASED, now + 2, modifiers, code, ch));
    }

    /** The window's close box (a WINDOW_CLOSING event, as the window manager sends it); returns the question it asks. */
    static JDialog closeBox(ReadingPanel panel) throws Exception {
        onEdtLater(() -> panel.dispatchEvent(new WindowEvent(panel, WindowEvent.WINDOW_CLOSING)));
        AtomicReference<JDialog> dialog = new AtomicReference<>();
        waitFor(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof JDialog d && d.isShowing() && d.getTitle().startsWith("Pars Reader: close")) dialog.set(d);
            }
            return dialog.get() != null;
        }, 10000, "the question on closing");
        settle();
        return dialog.get();
    }

    /** The pop-up menu on screen (the form's list of values). */
    static javax.swing.JPopupMenu popup() throws Exception {
        AtomicReference<javax.swing.JPopupMenu> found = new AtomicReference<>();
        waitFor(() -> {
            for (Window w : Window.getWindows()) findPopup(w, found);
            return found.get() != null;
        }, 5000, "the list of values");
        return found.get();
    }

    private static void findPopup(Component c, AtomicReference<javax.swing.JPopupMenu> found) {
        if (c instanceof javax.swing.JPopupMenu m && m.isShowing()) found.set(m);
        if (c instanceof java.awt.Container k) for (Component x : k.getComponents()) findPopup(x, found);
    }

    static JButton dialogButton(JDialog d, String text) {
        List<JButton> all = new ArrayList<>();
        collectButtons(d.getContentPane(), all);
        return all.stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow(() -> new AssertionError("no button " + text));
    }

    private static void collectButtons(Component c, List<JButton> out) {
        if (c instanceof JButton b) out.add(b);
        if (c instanceof java.awt.Container k) for (Component x : k.getComponents()) collectButtons(x, out);
    }

    /** The image window made the active one, as a click on its title bar does. */
    static void activate(ImagePlus imp) throws Exception {
        onEdt(() -> {
            imp.getWindow().toFront();
            WindowManager.setCurrentWindow(imp.getWindow());
        });
        waitFor(() -> WindowManager.getCurrentImage() == imp, 3000, "active image " + imp.getTitle());
    }

    static void showSliceOf(SeriesViewer s, double[] point) throws Exception {
        double[] ijk = s.voxelOf(point).orElseThrow();
        onEdt(() -> s.image().setSlice((int) Math.round(ijk[2]) + 1));
        settle();
    }

    static void clickImage(SeriesViewer s, double[] point) throws Exception {
        double[] ijk = s.voxelOf(point).orElseThrow();
        ImageCanvas c = s.image().getCanvas();
        int x = c.screenXD(ijk[0] + 0.5), y = c.screenYD(ijk[1] + 0.5);
        mouse(c, MouseEvent.MOUSE_MOVED, x, y, 0, 0);
        mouse(c, MouseEvent.MOUSE_PRESSED, x, y, InputEvent.BUTTON1_DOWN_MASK, 1);
        mouse(c, MouseEvent.MOUSE_RELEASED, x, y, 0, 1);
        mouse(c, MouseEvent.MOUSE_CLICKED, x, y, 0, 1);
        settle();
    }

    /** A drag with the mouse from image pixel (x1, y1) to (x2, y2) (pixel centres), as drawing a straight line. */
    static void drag(ImagePlus imp, double x1, double y1, double x2, double y2) throws Exception {
        ImageCanvas c = imp.getCanvas();
        int sx1 = c.screenXD(x1 + 0.5), sy1 = c.screenYD(y1 + 0.5), sx2 = c.screenXD(x2 + 0.5), sy2 = c.screenYD(y2 + 0.5);
        mouse(c, MouseEvent.MOUSE_MOVED, sx1, sy1, 0, 0);
        mouse(c, MouseEvent.MOUSE_PRESSED, sx1, sy1, InputEvent.BUTTON1_DOWN_MASK, 1);
        for (int i = 1; i <= 5; i++) {
            mouse(c, MouseEvent.MOUSE_DRAGGED, sx1 + (sx2 - sx1) * i / 5, sy1 + (sy2 - sy1) * i / 5, InputEvent.BUTTON1_DOWN_MASK, 0);
        }
        mouse(c, MouseEvent.MOUSE_RELEASED, sx2, sy2, 0, 1);
        settle();
    }

    /** A polygon drawn with ImageJ's polygon tool: a click per vertex (points in patient mm on the shown slice), closed by a click on the first. */
    static void polygon(SeriesViewer s, List<double[]> points) throws Exception {
        ImageCanvas c = s.image().getCanvas();
        List<int[]> screen = new ArrayList<>();
        for (double[] p : points) {
            double[] ijk = s.voxelOf(p).orElseThrow();
            screen.add(new int[] {c.screenXD(ijk[0] + 0.5), c.screenYD(ijk[1] + 0.5)});
        }
        screen.add(screen.get(0));
        for (int[] xy : screen) {
            mouse(c, MouseEvent.MOUSE_MOVED, xy[0], xy[1], 0, 0);
            mouse(c, MouseEvent.MOUSE_PRESSED, xy[0], xy[1], InputEvent.BUTTON1_DOWN_MASK, 1);
            mouse(c, MouseEvent.MOUSE_RELEASED, xy[0], xy[1], 0, 1);
            mouse(c, MouseEvent.MOUSE_CLICKED, xy[0], xy[1], 0, 1);
            Thread.sleep(60);
        }
        settle();
        waitFor(() -> s.image().getRoi() != null && s.image().getRoi().getState() != ij.gui.Roi.CONSTRUCTING
                && s.image().getRoi().getType() == ij.gui.Roi.POLYGON, 3000,
                "a finished polygon on " + s.image().getTitle() + " (" + s.image().getRoi() + ")");
    }

    /** Zooms a viewer in (clicks &gt; 0) or out at a patient point, as ImageJ's + and - keys do. */
    static void zoom(SeriesViewer s, double[] at, int clicks) throws Exception {
        double[] ijk = s.voxelOf(at).orElseThrow();
        ImageCanvas c = s.image().getCanvas();
        onEdt(() -> {
            for (int i = 0; i < Math.abs(clicks); i++) {
                int x = c.screenXD(ijk[0] + 0.5), y = c.screenYD(ijk[1] + 0.5);
                if (clicks > 0) c.zoomIn(x, y);
                else c.zoomOut(x, y);
            }
        });
        settle();
    }

    /** A square of half-width {@code half} mm around {@code centre} in the sagittal plane (y, z), in patient mm. */
    static List<double[]> square(double[] centre, double half) {
        return List.of(new double[] {centre[0], centre[1] - half, centre[2] - half}, new double[] {centre[0], centre[1] + half, centre[2] - half},
                new double[] {centre[0], centre[1] + half, centre[2] + half}, new double[] {centre[0], centre[1] - half, centre[2] + half});
    }

    /** A square of half-width {@code half} mm around {@code centre} in the axial plane (x, y), in patient mm. */
    static List<double[]> squareAxial(double[] centre, double half) {
        return List.of(new double[] {centre[0] - half, centre[1] - half, centre[2]}, new double[] {centre[0] + half, centre[1] - half, centre[2]},
                new double[] {centre[0] + half, centre[1] + half, centre[2]}, new double[] {centre[0] - half, centre[1] + half, centre[2]});
    }

    static void mouse(Component c, int id, int x, int y, int modifiers, int clicks) throws Exception {
        onEdt(() -> c.dispatchEvent(new MouseEvent(c, id, System.currentTimeMillis(), modifiers, x, y, clicks, false,
                id == MouseEvent.MOUSE_MOVED || id == MouseEvent.MOUSE_DRAGGED ? MouseEvent.NOBUTTON : MouseEvent.BUTTON1)));
    }

    // ---- plumbing

    static void onEdt(Runnable r) throws Exception {
        if (EventQueue.isDispatchThread()) r.run();
        else EventQueue.invokeAndWait(r);
    }

    static <T> T onEdt(java.util.concurrent.Callable<T> c) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> err = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> {
            try {
                out.set(c.call());
            } catch (Exception e) {
                err.set(e);
            }
        });
        if (err.get() != null) throw err.get();
        return out.get();
    }

    static void onEdtLater(Runnable r) {
        EventQueue.invokeLater(r);
    }

    /** Lets queued events (and the panel's queued actions) run. */
    static void settle() throws Exception {
        ReadingPanel.current().ifPresent(p -> p.settle(10));
        for (int i = 0; i < 3; i++) {
            EventQueue.invokeAndWait(() -> {});
            Thread.sleep(20);
        }
    }

    static boolean waitFor(BooleanSupplier ok, long millis, String what) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (ok.getAsBoolean()) return true;
            Thread.sleep(40);
        }
        if (ok.getAsBoolean()) return true;
        throw new AssertionError("timed out waiting for " + what);
    }

    static double[] p(Vec3 v) {
        return new double[] {v.x(), v.y(), v.z()};
    }

    static double dist(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    static GroundTruth.Landmark body(String level) {
        return truth.vertebralBodyCentres().stream().filter(l -> l.name().startsWith(level + " ")).findFirst().orElseThrow();
    }

    static Path copy(Path dir) throws IOException {
        return SampleCase.copy(dir);
    }

    static Path copy(Path dir, String name) throws IOException {
        return SampleCase.copy(dir, name);
    }
}
