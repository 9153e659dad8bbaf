package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import java.awt.EventQueue;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.WindowPreset;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.Vec3;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;

/**
 * The case viewers in a real ImageJ under Xvfb, used as a reader uses them: the sample case's
 * four series open tiled on a 1366x768 screen beside the panel; L5 and S1 are marked by clicks
 * on the T2 and show on the STIR (same frame) but not on the CT (another frame) until L5 is
 * clicked there too; "go to L5 left pars" then finds a slice on every series; a scroll on the
 * T2 takes the STIR to the same patient x; presets change the display range. The screen is saved
 * as screenshots/viewers.png in the build folder.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class ViewersIT {
    static final Path SAMPLE = Path.of("sample-data/case-001");
    static final ReadingTemplate PARS = ReadingTemplate.builtIn("pars-injection");
    static ImageJ imagej;
    static GroundTruth truth;

    @BeforeAll
    static void startImageJ() throws Exception {
        truth = GroundTruth.read(SAMPLE.resolve("ground-truth.json"));
        imagej = org.parsreader.ij.RealImageJ.start(Files.createTempDirectory("imagej")); // null: another IT of this JVM started it
        if (imagej != null) imagej.setLocation(0, 0);
    }

    @AfterAll
    static void quit() {
        WindowManager.closeAllWindows();
        if (imagej != null) imagej.dispose();
    }

    @Test
    void aReaderMarksLevelsGoesToTheParsScrollsAndSwitchesPresets() throws Exception {
        Path caseDir = copy(Files.createTempDirectory("viewers"));
        ReadingSession.Options options = new ReadingSession.Options(new FindingsDocument.Reader("R1", Role.R1), PARS, true, null, 0);
        try (ReadingSession session = ReadingSession.open(caseDir, options, ProgressListener.NONE)) {
            CaseViewers v = CaseViewers.open(session);
            try {
                check(v, session);
            } finally {
                v.close();
            }
            assertThat(v.images()).isEmpty();
            assertThat(ActiveSession.views()).isEmpty();
            assertThat((java.util.List<?>) ImagePlus.getListeners()).noneMatch(l -> l.getClass().getName().startsWith(CaseViewers.class.getName()));
            java.lang.reflect.Field f = ReadingSession.class.getDeclaredField("listeners");
            f.setAccessible(true);
            assertThat((java.util.List<?>) f.get(session)).as("no listener left on the session").isEmpty();
        }
    }

    private void check(CaseViewers v, ReadingSession session) throws Exception {
        // ---- four windows, titled by what they show (modality first), without identity, inside the screen right of the panel
        assertThat(v.images()).extracting(ImagePlus::getTitle).hasSize(4).allSatisfy(t -> {
            assertThat(t).matches("(MR|CT) .*").doesNotContain("PHANTOM").doesNotContain("PR-SAMPLE").doesNotContain(session.pseudonym());
        });
        Rectangle screen = new Rectangle(0, 0, 1366, 768);
        // the X server confirms each window's moves and sizes a moment later (without a window manager a stale size can show
        // in between): wait until the windows stand where they were put
        for (int i = 0; i < 50 && overlapping(v); i++) {
            settle();
            Thread.sleep(60);
        }
        // ImageJ's menus and tools: never covered (when another test left ImageJ disposed, there is no bar)
        Rectangle bar = IJ.getInstance().isShowing() ? IJ.getInstance().getBounds() : new Rectangle();
        for (ImagePlus imp : v.images()) {
            Rectangle b = imp.getWindow().getBounds();
            assertThat(b.intersects(bar)).as(imp.getTitle() + " " + b + " over ImageJ's bar " + bar).isFalse();
            assertThat(screen.contains(b)).as(imp.getTitle() + " " + b).isTrue();
            assertThat(b.x).as(imp.getTitle() + " beside the panel").isGreaterThanOrEqualTo(ViewerLayout.PANEL_WIDTH);
            assertThat(imp.getCanvas().getMagnification()).as(imp.getTitle() + " zoomed to its tile").isGreaterThan(1.2);
        }
        for (int i = 0; i < v.images().size(); i++) {
            for (int j = i + 1; j < v.images().size(); j++) {
                Rectangle bi = v.images().get(i).getWindow().getBounds(), bj = v.images().get(j).getWindow().getBounds();
                assertThat(bi.intersects(bj)).as(bi + " and " + bj).isFalse();
            }
        }
        assertThat(v.images()).allSatisfy(imp -> assertThat(imp.getProperty("ParsReader.Volume")).isInstanceOf(Volume.class));
        assertThat(v.images().get(0).getStack().getSliceLabel(1)).startsWith("slice 1/").doesNotContain("PHANTOM");

        SeriesViewer t2 = v.find("T2 TSE SAG").orElseThrow();
        SeriesViewer stir = v.find("STIR SAG").orElseThrow();
        SeriesViewer post = v.find("Post contrast").orElseThrow();
        SeriesViewer needle = v.find("Needle check").orElseThrow();
        String mrFrame = truth.frames().mrFrameOfReferenceUid();
        String ctFrame = truth.frames().ctFrameOfReferenceUid();

        // ---- mark L5 and S1 by clicks on the T2 (its mid-sagittal slice)
        clickLevel(v, t2, "L5", p(body("L5").mr()));
        clickLevel(v, t2, "S1", p(body("S1").mr()));
        LevelMap mr = session.levels(mrFrame);
        assertThat(dist(mr.level("L5").orElseThrow().point(), p(body("L5").mr()))).isLessThan(1.5);
        assertThat(mr.level("L5").orElseThrow().marked()).isTrue();
        assertThat(mr.level("L3").orElseThrow().marked()).isFalse();
        assertThat(t2.image().getRoi()).as("a marking click leaves no selection").isNull();
        settle();
        // on the STIR (same frame): marked L5 and S1, proposed L4
        int stirSlice = stir.voxelOf(p(body("L5").mr())).map(x -> (int) Math.round(x[2]) + 1).orElseThrow();
        assertThat(stir.overlayNames(stirSlice)).contains("level L5 marked", "level S1 marked", "level L4 proposed");
        // a click on a label must not make it the selection (it would replace a polygon being drawn)
        assertThat(stir.image().getOverlay().isSelectable()).isFalse();
        // not on the CTs (another frame)
        assertThat(post.overlayNames(0)).noneMatch(n -> n.startsWith("level"));
        assertThat(needle.overlayNames(0)).noneMatch(n -> n.startsWith("level"));
        // the reader's saved ROIs (gap lines on the post-contrast CT) are drawn there in their tool's colour
        assertThat(post.overlayNames(0)).anyMatch(n -> n.startsWith("roi roi-1 gap_width_mm L5 left"));
        int gapColour = org.parsreader.reading.RoiTool.require(PARS, "gap_width_mm").rgb();
        assertThat(java.util.Arrays.stream(post.image().getOverlay().toArray()).filter(r -> r.getName().startsWith("pr-view:roi roi-1 "))
                .map(r -> r.getStrokeColor().getRGB() & 0xFFFFFF)).containsOnly(gapColour);

        // marking can be cancelled; ImageJ's own mouse handling comes back
        v.beginMarkLevel("L3");
        assertThat(java.util.Arrays.asList(t2.image().getCanvas().getMouseListeners())).doesNotContain(t2.image().getCanvas());
        v.cancelMarkLevel();
        assertThat(v.markingLevel()).isEmpty();
        assertThat(java.util.Arrays.asList(t2.image().getCanvas().getMouseListeners())).contains(t2.image().getCanvas());
        assertThatThrownBy(() -> v.beginMarkLevel("L9")).hasMessageContaining("'L9'");

        // ---- go to L4: not possible on the CT yet (no level there), then one click on the CT's L5
        assertThat(v.goTo("L4", null)).isTrue();
        assertThat(v.status()).contains("not on").contains("Post contrast").contains("mark L4 on");
        // (as the panel has it: the session is the active one, so the click goes through Reading Mark Level...)
        ActiveSession.set(session, null);
        try {
            clickLevel(v, post, "L5", p(body("L5").ct()));
        } finally {
            ActiveSession.set(null, null);
        }
        assertThat(dist(session.levels(ctFrame).level("L5").orElseThrow().point(), p(body("L5").ct()))).isLessThan(1.5);
        settle();
        assertThat(post.overlayNames(0)).contains("level L5 marked", "level S1 proposed"); // S1 carried over from the MR's marks
        assertThat(needle.overlayNames(0)).contains("level L5 marked");
        // the CT's S1 (carried over from the MR through L5; 7 mm below the last slice) labels the slices nearest to it
        double[] s1 = p(body("S1").ct());
        int s1Slice = (int) Math.max(1, Math.min(post.volume().depth(), Math.round(post.volume().geometry().toVoxel(s1[0], s1[1], s1[2])[2]) + 1));
        assertThat(post.overlayNames(s1Slice)).contains("level S1 proposed");

        // scroll somewhere else first, so that going there is seen
        for (SeriesViewer s : v.viewers()) onEdt(() -> s.image().setSlice(1));
        settle();
        assertThat(v.goTo("L5", Side.LEFT)).isTrue();
        settle();
        assertThat(v.status()).doesNotContain("not on");
        GroundTruth.ParsDefect left = truth.parsDefects().stream().filter(d -> d.side().equals("left")).findFirst().orElseThrow();
        for (SeriesViewer s : v.viewers()) {
            double[] want = s.volume().frameOfReferenceUid().equals(mrFrame) ? p(left.centreMr()) : p(left.centreCt());
            int wantSlice = (int) Math.round(s.voxelOf(want).orElseThrow()[2]) + 1;
            assertThat(s.image().getCurrentSlice()).as(s + " shows the left L5 pars").isBetween(wantSlice - 1, wantSlice + 1);
            assertThat(s.overlayNames(s.image().getCurrentSlice())).as(s.toString()).contains("target");
        }

        // ---- a scroll on the T2 moves the STIR to the same patient x (linked), and the CT follows the point
        moveMouse(t2, p(truth.edema().ellipsoidCentreMr()));
        int before = t2.image().getCurrentSlice();
        wheel(t2, 1);
        waitFor(() -> t2.image().getCurrentSlice() != before, 3000);
        settle();
        double t2x = t2.volume().geometry().toPatient(0, 0, t2.image().getCurrentSlice() - 1)[0];
        double stirX = stir.volume().geometry().toPatient(0, 0, stir.image().getCurrentSlice() - 1)[0];
        assertThat(t2.image().getCurrentSlice()).isNotEqualTo(before);
        assertThat(stirX).as("STIR x after a scroll on the T2").isEqualTo(t2x);
        assertThat(stir.overlayNames(stir.image().getCurrentSlice())).contains("cursor");
        assertThat(post.overlayNames(post.image().getCurrentSlice())).as("the CT shows the cursor through the levels").contains("cursor");
        // the mouse on the CT's left pars: the MR series show the left pars' sagittal slice (through L5 of both frames)
        moveMouse(post, p(left.centreCt()));
        for (SeriesViewer mrSeries : List.of(t2, stir)) {
            int want = (int) Math.round(mrSeries.voxelOf(p(left.centreMr())).orElseThrow()[2]) + 1;
            assertThat(mrSeries.image().getCurrentSlice()).as(mrSeries + " follows the CT cursor").isBetween(want - 1, want + 1);
            assertThat(mrSeries.overlayNames(mrSeries.image().getCurrentSlice())).contains("cursor");
        }
        // unlinked: a scroll moves only the T2
        v.setLinked(false);
        int stirBefore = stir.image().getCurrentSlice();
        int t2Before = t2.image().getCurrentSlice();
        wheel(t2, 1);
        waitFor(() -> t2.image().getCurrentSlice() != t2Before, 3000);
        settle();
        assertThat(stir.image().getCurrentSlice()).isEqualTo(stirBefore);
        v.setLinked(true);

        // ---- presets change the display range; the CT presets leave the MR alone
        double[] mrRange = range(t2.image());
        v.preset("ct-soft");
        assertThat(range(post.image())).containsExactly(WindowPreset.CT_SOFT_TISSUE.storedRange(post.volume()));
        assertThat(range(needle.image())).containsExactly(WindowPreset.CT_SOFT_TISSUE.storedRange(needle.volume()));
        assertThat(range(t2.image())).containsExactly(mrRange);
        v.preset("ct-bone");
        assertThat(range(post.image())).containsExactly(WindowPreset.CT_BONE.storedRange(post.volume()));
        assertThat(v.preset(post.image(), "mr-auto")).isTrue();
        assertThat(range(post.image())).containsExactly(WindowPreset.MR_AUTO.storedRange(post.volume()));
        assertThatThrownBy(() -> v.preset("lung")).hasMessageContaining("ct-bone");
        v.preset("ct-bone");
        assertThat(range(t2.image())).containsExactly(WindowPreset.MR_AUTO.storedRange(t2.volume()));

        // ---- labels keep their screen size when the zoom changes, whatever changed it: no mouse move needed
        // (they followed only a mouse move over the viewer, so a tiling left them at the zoom before it)
        ImageCanvas tc = t2.image().getCanvas();
        onEdt(() -> tc.zoomIn(tc.getWidth() / 2, tc.getHeight() / 2));
        awaitLabelScreenSize(t2);
        onEdt(() -> tc.zoomOut(tc.getWidth() / 2, tc.getHeight() / 2));
        moveMouse(t2, p(body("L5").mr()));
        assertThat(labelScreenSize(t2)).isCloseTo(12, org.assertj.core.api.Assertions.within(0.6));
        onEdt(() -> tc.zoomOut(tc.getWidth() / 2, tc.getHeight() / 2));
        awaitLabelScreenSize(t2);
        // ImageJ's zoom steps do not come back to the fitted zoom: tiling again does, and the labels follow it
        v.layout();
        settle();
        assertThat(screen.contains(t2.image().getWindow().getBounds())).isTrue();
        awaitLabelScreenSize(t2);

        // ---- the hook the macros use
        assertThat(ActiveSession.views()).containsSame(v);

        // ---- what the reader sees: go to L5 left pars, the mouse on it on the T2; save the screen
        v.goTo("L5", Side.LEFT);
        settle();
        moveMouse(t2, p(left.centreMr()));
        settle();
        onEdt(() -> IJ.getInstance().setLocation(0, 768 - IJ.getInstance().getHeight())); // ImageJ's bar out of the way, bottom left
        Thread.sleep(600);
        BufferedImage shot = new Robot().createScreenCapture(new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()));
        Path out = Path.of(System.getProperty("pars.pluginJar", "target/x.jar")).toAbsolutePath().getParent().resolve("screenshots/viewers.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(shot, "png", out.toFile());
        assertThat(out).isNotEmptyFile();
    }

    // ---- helpers: real AWT events on the canvases

    /** Starts marking {@code level}, shows the slice through {@code point} on {@code s} and clicks the point on its canvas. */
    static void clickLevel(CaseViewers v, SeriesViewer s, String level, double[] point) throws Exception {
        double[] ijk = s.voxelOf(point).orElseThrow();
        onEdt(() -> s.image().setSlice((int) Math.round(ijk[2]) + 1));
        settle();
        v.beginMarkLevel(level);
        assertThat(v.markingLevel()).contains(level);
        ImageCanvas c = s.image().getCanvas();
        int x = c.screenXD(ijk[0] + 0.5), y = c.screenYD(ijk[1] + 0.5);
        onEdt(() -> {
            long now = System.currentTimeMillis();
            c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_PRESSED, now, InputEvent.BUTTON1_DOWN_MASK, x, y, 1, false, MouseEvent.BUTTON1));
            c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_RELEASED, now + 5, 0, x, y, 1, false, MouseEvent.BUTTON1));
            c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_CLICKED, now + 6, 0, x, y, 1, false, MouseEvent.BUTTON1));
        });
        settle();
        assertThat(v.markingLevel()).isEmpty();
        assertThat(v.status()).contains(level + " marked");
    }

    static void moveMouse(SeriesViewer s, double[] point) throws Exception {
        double[] ijk = s.voxelOf(point).orElseThrow();
        ImageCanvas c = s.image().getCanvas();
        int x = c.screenXD(ijk[0] + 0.5), y = c.screenYD(ijk[1] + 0.5);
        onEdt(() -> c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_MOVED, System.currentTimeMillis(), 0, x, y, 0, false)));
        settle();
    }

    static void wheel(SeriesViewer s, int clicks) throws Exception {
        ImageCanvas c = s.image().getCanvas();
        onEdt(() -> c.dispatchEvent(new MouseWheelEvent(c, MouseEvent.MOUSE_WHEEL, System.currentTimeMillis(), 0, c.getWidth() / 2,
                c.getHeight() / 2, 0, false, MouseWheelEvent.WHEEL_UNIT_SCROLL, 1, clicks)));
    }

    /** Waits (a few of ViewerView's looks at the views) until {@code s}'s L5 label is 12 px on screen again; fails with its size after 3 s. */
    static void awaitLabelScreenSize(SeriesViewer s) throws Exception {
        for (int i = 0; i < 30 && Math.abs(labelScreenSize(s) - 12) > 0.6; i++) {
            settle();
            Thread.sleep(ViewerView.POLL_MS);
        }
        assertThat(labelScreenSize(s)).as("L5's label on screen at zoom %.3f", s.image().getCanvas().getMagnification())
                .isCloseTo(12, org.assertj.core.api.Assertions.within(0.6));
    }

    /** The on-screen size of the marked L5 label on {@code s}: font size (image pixels) x zoom. */
    static double labelScreenSize(SeriesViewer s) {
        ij.gui.Roi label = java.util.Arrays.stream(s.image().getOverlay().toArray())
                .filter(r -> "pr-view:level L5 marked label".equals(r.getName())).findFirst().orElseThrow();
        return ((ij.gui.TextRoi) label).getCurrentFont().getSize2D() * s.image().getCanvas().getMagnification();
    }

    static double[] range(ImagePlus imp) {
        return new double[] {imp.getDisplayRangeMin(), imp.getDisplayRangeMax()};
    }

    /** Lets queued events (and the repaints they cause) run. */
    static boolean overlapping(CaseViewers v) {
        List<ImagePlus> imps = v.images();
        for (int i = 0; i < imps.size(); i++) {
            for (int j = i + 1; j < imps.size(); j++) if (imps.get(i).getWindow().getBounds().intersects(imps.get(j).getWindow().getBounds())) return true;
        }
        return false;
    }

    static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            EventQueue.invokeAndWait(() -> {});
            Thread.sleep(30);
        }
    }

    static void waitFor(BooleanSupplier condition, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) Thread.sleep(20);
    }

    static void onEdt(Runnable r) throws Exception {
        EventQueue.invokeAndWait(r);
    }

    static double[] p(Vec3 v) {
        return new double[] {v.x(), v.y(), v.z()};
    }

    static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    static GroundTruth.Landmark body(String level) {
        return truth.vertebralBodyCentres().stream().filter(l -> l.name().startsWith(level + " ")).findFirst().orElseThrow();
    }

    static Path copy(Path dir) throws IOException {
        return org.parsreader.sample.SampleCase.copy(dir);
    }
}
