package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.parsreader.ij.panel.ReadingPanelIT.activate;
import static org.parsreader.ij.panel.ReadingPanelIT.button;
import static org.parsreader.ij.panel.ReadingPanelIT.click;
import static org.parsreader.ij.panel.ReadingPanelIT.drag;
import static org.parsreader.ij.panel.ReadingPanelIT.find;
import static org.parsreader.ij.panel.ReadingPanelIT.onEdt;
import static org.parsreader.ij.panel.ReadingPanelIT.p;
import static org.parsreader.ij.panel.ReadingPanelIT.pressOn;
import static org.parsreader.ij.panel.ReadingPanelIT.settle;
import static org.parsreader.ij.panel.ReadingPanelIT.waitFor;
import static org.parsreader.ij.panel.ReadingPanelIT.waitForPanel;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.PointRoi;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.Side;
import org.parsreader.ij.ImageRois;
import org.parsreader.reformat.PlaneMapping;
import org.parsreader.reformat.Reformatter;
import org.parsreader.reformat.SlabSeed;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.SampleCase;
import org.parsreader.volume.Volume;

/**
 * Issue 12 point 1 in real windows under Xvfb: the reader opens the sagittal reformat of the CT
 * from the panel (tiled with the series, zoomed to its tile), marks L5 on it, measures the left L5
 * pars gap on it with the panel's keys pressed on the reformat (Alt + the gap tool's key, Ctrl+Enter;
 * stored in the CT's patient mm, within 0.3 mm of the ground truth), maximises and restores it (F11),
 * applies the window presets to it, seeds the contrast on a thick-slab MIP (the seed is the brightest
 * voxel of the slab), and opens the left L5 pars plane (both reformats' info text clear of ImageJ's zoom
 * indicator, painted as ImageJ paints it; screenshot; with {@code -Dpars.screenshots=true}
 * it rewrites docs/images/reading-panel-pars-plane.png).
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class ReformatViewerIT {
    static ImageJ imagej;
    static GroundTruth truth;
    static Path caseDir;

    @BeforeAll
    static void start() throws Exception {
        truth = GroundTruth.read(SampleCase.SAMPLE.resolve("ground-truth.json"));
        caseDir = SampleCase.copy(Files.createTempDirectory("reformat-viewer"));
        imagej = org.parsreader.ij.RealImageJ.start(Files.createTempDirectory("imagej"));
    }

    @AfterAll
    static void quit() throws Exception {
        if (ActiveSession.get().isPresent()) ReadingCommand.perform("close", Map.of());
        waitFor(() -> ReadingPanel.current().isEmpty(), 10000, "no panel");
        WindowManager.closeAllWindows();
        if (imagej != null) imagej.dispose();
    }

    static double[] body(String level) {
        return p(truth.vertebralBodyCentres().stream().filter(l -> l.name().startsWith(level + " ")).findFirst().orElseThrow().ct());
    }

    /** Moves the viewer's plane through patient point {@code q} (the reader's [ and ] keys, plus the fraction of a mm the keys do not step). */
    static void through(ReformatViewer r, double[] q) throws Exception {
        double d = r.centre().distance(q);
        onEdt(() -> r.shift(d));
        settle();
        assertThat(r.centre().distance(q)).isCloseTo(0, within(1e-9));
    }

    static void pointAt(ImagePlus imp, double[] q) throws Exception {
        double[] xyk = ImageRois.mapping(imp).toPixel(q);
        onEdt(() -> {
            imp.setSlice((int) Math.round(xyk[2]) + 1);
            imp.setRoi(new PointRoi(xyk[0], xyk[1]));
        });
        settle();
    }

    /**
     * The reformat windows are tiled with the series: in the viewers' area beside the panel, on no
     * other viewer, zoomed well above 1:1 (a plane of the sample CT is a 160 x 48 px strip).
     */
    static void assertTiled(ReadingPanel panel) throws Exception {
        java.util.List<ImagePlus> all = new java.util.ArrayList<>(panel.viewers().images());
        for (ReformatViewer r : panel.viewers().reformats()) all.add(r.image());
        Rectangle screen = ViewerLayout.screen();
        // the X server confirms each window's moves and sizes a moment later: wait until they stand where they were put
        Rectangle area0 = ViewerLayout.arrange().viewers();
        for (int i = 0; i < 50 && (overlapping(all) || covered(all) < area0.width * (long) area0.height * 0.97); i++) {
            settle();
            Thread.sleep(60);
        }
        // (how often the X server's late notices left a window smaller than its tile so far: for the log, it varies run to run)
        System.out.println("ReformatViewerIT: windows grown back into their tiles so far: " + ViewerTiling.KeepMinimum.RESTORED.get());
        assertThat(overlapping(all)).as("viewer windows overlap: " + all.stream().map(i -> i.getTitle() + " " + i.getWindow().getBounds()).toList()).isFalse();
        long covered = 0;
        for (ImagePlus imp : all) {
            Rectangle b = imp.getWindow().getBounds();
            assertThat(screen.contains(b)).as(imp.getTitle() + " " + b).isTrue();
            assertThat(b.x).as(imp.getTitle() + " beside the panel").isGreaterThanOrEqualTo(ViewerLayout.PANEL_WIDTH);
            covered += (long) b.width * b.height;
        }
        Rectangle area = ViewerLayout.arrange().viewers();
        assertThat(covered).as("the windows cover the viewers' area " + area + ": " + all.stream().map(i -> i.getTitle() + " " + i.getWindow().getBounds()).toList()).isGreaterThanOrEqualTo((long) (area.width * (long) area.height * 0.97));
        for (ReformatViewer r : panel.viewers().reformats()) {
            assertThat(r.image().getCanvas().getMagnification()).as(r.image().getTitle() + " zoomed to its tile").isGreaterThanOrEqualTo(2.0);
        }
    }

    /** The names of the overlay elements the panel drew on {@code imp}, without their prefix. */
    static java.util.List<String> names(ImagePlus imp) {
        ij.gui.Overlay o = imp.getOverlay();
        if (o == null) return java.util.List.of();
        return java.util.Arrays.stream(o.toArray()).map(ij.gui.Roi::getName).filter(n -> n != null && n.startsWith(OverlayPainter.PREFIX))
                .map(n -> n.substring(OverlayPainter.PREFIX.length())).toList();
    }

    /** A right-button drag by (dx, dy) screen pixels from the middle of {@code imp}'s canvas, with {@code modifiers} held. */
    static void rightDrag(ImagePlus imp, int dx, int dy, int modifiers) throws Exception {
        java.awt.Component c = imp.getCanvas();
        onEdt(() -> {
            int x = c.getWidth() / 2, y = c.getHeight() / 2;
            long now = System.currentTimeMillis();
            int down = modifiers | InputEvent.BUTTON3_DOWN_MASK;
            c.dispatchEvent(new java.awt.event.MouseEvent(c, java.awt.event.MouseEvent.MOUSE_PRESSED, now, down, x, y, 1, false, java.awt.event.MouseEvent.BUTTON3));
            for (int i = 1; i <= 4; i++) {
                c.dispatchEvent(new java.awt.event.MouseEvent(c, java.awt.event.MouseEvent.MOUSE_DRAGGED, now + i, down, x + dx * i / 4, y + dy * i / 4, 0, false,
                        java.awt.event.MouseEvent.NOBUTTON));
            }
            c.dispatchEvent(new java.awt.event.MouseEvent(c, java.awt.event.MouseEvent.MOUSE_RELEASED, now + 6, modifiers, x + dx, y + dy, 1, false,
                    java.awt.event.MouseEvent.BUTTON3));
        });
        settle();
    }

    /**
     * ImageJ's zoom indicator (violet (128, 128, 255) outlines of the whole image and the part shown, at the
     * canvas's top left) is painted over the overlay whenever {@code imp}'s canvas shows only part of it:
     * {@code imp}'s info text must keep out from under it. Paints the canvas as ImageJ paints it and looks
     * for the indicator's colour inside the info text's box (it is there elsewhere: the check has something to miss).
     */
    static void assertInfoClearOfZoomIndicator(ImagePlus imp) throws Exception {
        ij.gui.ImageCanvas c = imp.getCanvas();
        Rectangle src = c.getSrcRect();
        assertThat(src.width < imp.getWidth() || src.height < imp.getHeight()).as(imp.getTitle() + " shows part of its plane " + src).isTrue();
        ij.gui.Roi info = java.util.Arrays.stream(imp.getOverlay().toArray()).filter(r -> r.getName() != null && r.getName().startsWith(ViewerAnnotations.NAME + "info: "))
                .findFirst().orElseThrow();
        BufferedImage painted = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
        Rectangle[] box = new Rectangle[1];
        onEdt(() -> {
            java.awt.Graphics g = painted.getGraphics();
            c.paint(g);
            g.dispose();
            java.awt.geom.Rectangle2D b = info.getFloatBounds();
            int x0 = c.screenXD(b.getX()), y0 = c.screenYD(b.getY());
            box[0] = new Rectangle(x0, y0, c.screenXD(b.getMaxX()) - x0, c.screenYD(b.getMaxY()) - y0).intersection(new Rectangle(0, 0, c.getWidth(), c.getHeight()));
        });
        int inside = 0, all = 0;
        for (int y = 0; y < painted.getHeight(); y++) {
            for (int x = 0; x < painted.getWidth(); x++) {
                if ((painted.getRGB(x, y) & 0xFFFFFF) != 0x8080FF) continue;
                all++;
                if (box[0].contains(x, y)) inside++;
            }
        }
        assertThat(all).as(imp.getTitle() + ": ImageJ painted its zoom indicator").isGreaterThan(0);
        assertThat(inside).as(imp.getTitle() + ": pixels of the zoom indicator over the info text at " + box[0] + " (src " + src + ", magnification "
                + c.getMagnification() + ")").isZero();
    }

    static long covered(java.util.List<ImagePlus> imps) {
        long c = 0;
        for (ImagePlus imp : imps) c += (long) imp.getWindow().getWidth() * imp.getWindow().getHeight();
        return c;
    }

    static boolean overlapping(java.util.List<ImagePlus> imps) {
        for (int i = 0; i < imps.size(); i++) {
            for (int j = i + 1; j < imps.size(); j++) if (imps.get(i).getWindow().getBounds().intersects(imps.get(j).getWindow().getBounds())) return true;
        }
        return false;
    }

    @Test
    void aReaderMeasuresTheLeftL5GapOnTheSagittalReformatAndSeedsTheContrastOnAMip() throws Exception {
        IJ.run("Read Case...", "case=[" + caseDir + "] reader=M12 role=R1");
        ReadingPanel panel = waitForPanel();
        waitFor(() -> panel.viewers() != null && panel.viewers().images().size() == 4, 20000, "viewers");
        settle();
        GroundTruth.ParsDefect left = truth.parsDefects().stream().filter(x -> x.side().equals("left") && x.level().equals("L5")).findFirst().orElseThrow();
        double[] centre = p(left.centreCt());

        // ---- Sag MPR: a reformat viewer of the case's CT
        click(button(panel, "reformat-sag"));
        waitFor(() -> panel.viewers().reformats().size() == 1 && panel.viewers().reformats().get(0).image().getWindow() != null, 20000, "the sagittal reformat");
        ReformatViewer sag = panel.viewers().reformats().get(0);
        ImagePlus imp = sag.image();
        Volume ct = (Volume) imp.getProperty(org.parsreader.ij.ReformatCommand.SOURCE_PROPERTY);
        assertThat(imp.getTitle()).isEqualTo("CT sag reformat");
        assertThat(ct).isSameAs(panel.session().volume(panel.session().stack(org.parsreader.reading.SeriesPlan.Role.CT), org.parsreader.util.ProgressListener.NONE));
        assertTiled(panel);
        activate(imp);

        // ---- the viewer conventions on the reformat, and the reference lines both ways with the post-contrast CT
        SeriesViewer post = panel.viewers().find("Post contrast").orElseThrow();
        waitFor(() -> names(imp).stream().anyMatch(n -> n.startsWith("convention orientation top: ")), 5000, "orientation letters on the reformat");
        assertThat(names(imp)).contains("convention orientation top: S", "convention orientation bottom: I").anyMatch(n -> n.startsWith("convention info: CT sag reformat|"))
                .anyMatch(n -> n.startsWith("convention scale bar "));
        for (int step : new int[] {0, 3}) {
            int slice = Math.min(post.image().getStackSize(), post.image().getCurrentSlice() + step);
            onEdt(() -> post.image().setSlice(slice));
            waitFor(() -> names(imp).contains("reference " + post.image().getTitle() + " slice " + slice), 5000, "the CT's slice " + slice + " on the reformat");
            ij.gui.Line ref = (ij.gui.Line) java.util.Arrays.stream(imp.getOverlay().toArray())
                    .filter(x -> x.getName().endsWith("reference " + post.image().getTitle() + " slice " + slice)).findFirst().orElseThrow();
            double[][] plane = org.parsreader.reformat.PlaneCut.slicePlane(post.volume().geometry(), slice - 1);
            for (double[] end : new double[][] {{ref.x1d, ref.y1d}, {ref.x2d, ref.y2d}}) {
                double[] q = ImageRois.mapping(imp).toPatient(end[0], end[1], imp.getCurrentSlice() - 1);
                double off = (q[0] - plane[0][0]) * plane[1][0] + (q[1] - plane[0][1]) * plane[1][1] + (q[2] - plane[0][2]) * plane[1][2];
                assertThat(off).as("the line lies on the CT's slice " + slice).isCloseTo(0, within(1e-6));
            }
            assertThat(post.overlayNames(0)).as("the reformat's plane on the CT").contains("reference CT sag reformat");
        }

        // ---- mark L5 on it (the post-contrast CT covers L5 only): a point on the vertebral body centre, then Mark
        for (String level : new String[] {"L5"}) {
            through(sag, body(level));
            pointAt(imp, body(level));
            ReadingCommand.perform("mark", Map.of("level", level));
        }
        FindingsDocument doc = panel.session().document();
        assertThat(doc.levelMarks()).hasSize(1);
        for (FindingsDocument.LevelMark m : doc.levelMarks()) {
            assertThat(m.frameOfReferenceUid()).isEqualTo(ct.frameOfReferenceUid());
            assertThat(m.point()).containsExactly(body(m.level()), within(0.5)); // a point tool click lands on a pixel centre
        }

        // ---- the keys: ] and [ shift 1 mm each way
        through(sag, centre);
        onEdt(() -> pressOn(imp.getCanvas(), KeyEvent.VK_CLOSE_BRACKET, 0));
        settle();
        assertThat(sag.centre().distance(centre)).isCloseTo(-1, within(1e-9));
        onEdt(() -> pressOn(imp.getCanvas(), KeyEvent.VK_OPEN_BRACKET, 0));
        settle();
        assertThat(sag.centre().distance(centre)).isCloseTo(0, within(1e-9));

        // ---- the gap: a line across it, drawn with the mouse at 800 % over the defect, stored with Add ROI
        PlaneMapping m = ImageRois.mapping(imp);
        double[] n = p(left.planeNormal());
        double half = left.gapWidthMm() / 2;
        double[] a = m.toPixel(new double[] {centre[0] - half * n[0], centre[1] - half * n[1], centre[2] - half * n[2]});
        double[] b = m.toPixel(new double[] {centre[0] + half * n[0], centre[1] + half * n[1], centre[2] + half * n[2]});
        assertThat(a[2]).isCloseTo(Math.round(a[2]), within(1e-6));
        onEdt(() -> imp.setSlice((int) Math.round(a[2]) + 1));
        activate(imp);
        IJ.run(imp, "Set... ", String.format(Locale.ROOT, "zoom=800 x=%.0f y=%.0f", (a[0] + b[0]) / 2, (a[1] + b[1]) / 2));
        settle();
        // the panel's keys on the reformat, as on a series: Alt + the gap tool's key chooses it, Ctrl+Enter stores the line
        org.parsreader.reading.RoiTool gapTool = panel.roiTools().tools().stream().filter(t -> t.id().equals("gap_width_mm")).findFirst().orElseThrow();
        ReadingPanelIT.clickCell(panel.form(), "gap_width_mm", "L5", Side.LEFT);
        activate(imp);
        onEdt(() -> pressOn(imp.getCanvas(), KeyEvent.getExtendedKeyCodeForChar(gapTool.shortcut().charAt(0)), InputEvent.ALT_DOWN_MASK));
        waitFor(() -> panel.roiTools().active().filter(gapTool::equals).isPresent(), 3000, "gap tool by Alt+" + gapTool.shortcut() + " on the reformat");
        assertThat(IJ.getToolName()).isEqualTo("line");
        drag(imp, a[0], a[1], b[0], b[1]);
        onEdt(() -> pressOn(imp.getCanvas(), KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK));
        // (the ROI, not the value: the session's document shows the value a moment before the ROI of the same step)
        waitFor(() -> panel.session().document().rois().stream().anyMatch(r -> "gap_width_mm".equals(r.finding())), 5000,
                "gap width by Ctrl+Enter on the reformat (status '" + panel.statusText() + "')");
        doc = panel.session().document();
        FindingsDocument.Roi gap = doc.rois().stream().filter(r -> "gap_width_mm".equals(r.finding())).findFirst()
                .orElseThrow(() -> new AssertionError("no gap ROI in " + panel.session().document().rois().stream().map(r -> r.finding() + "/" + r.level()).toList()
                        + ", value " + find(panel.session().document(), "gap_width_mm", "L5", Side.LEFT) + ", status " + panel.statusText()));
        assertThat(gap.seriesInstanceUid()).isEqualTo(ct.seriesInstanceUid());
        assertThat(gap.frameOfReferenceUid()).isEqualTo(ct.frameOfReferenceUid());
        for (double[] q : gap.points()) assertThat(q[0]).as("on the sagittal plane through the defect").isCloseTo(centre[0], within(1e-6));
        double width = org.parsreader.findings.RoiGeometry.lengthMm(gap);
        assertThat(width).isCloseTo(left.gapWidthMm(), within(0.3));
        String stored = find(doc, "gap_width_mm", "L5", Side.LEFT).orElseThrow().value().text();
        assertThat(Double.parseDouble(stored)).isCloseTo(left.gapWidthMm(), within(0.3));
        IJ.run(imp, "Set... ", "zoom=100");
        onEdt(imp::deleteRoi);

        // ---- the stored line shows on the reformat with its length; a polygon there with its mean in HU, from the reformatted plane
        waitFor(() -> names(imp).stream().anyMatch(x -> x.startsWith("roi ") && x.contains(" gap_width_mm L5 left measure: ")), 5000, "the gap's length on the reformat");
        assertThat(names(imp)).anyMatch(x -> x.endsWith(" gap_width_mm L5 left measure: " + String.format(Locale.ROOT, "%.1f mm", width)));
        double[] cc = m.toPixel(centre);
        double s3 = 3 / m.first().pixelSize();
        ij.gui.PolygonRoi square = new ij.gui.PolygonRoi(new ij.process.FloatPolygon(
                new float[] {(float) (cc[0] - s3), (float) (cc[0] + s3), (float) (cc[0] + s3), (float) (cc[0] - s3)},
                new float[] {(float) (cc[1] - s3), (float) (cc[1] - s3), (float) (cc[1] + s3), (float) (cc[1] + s3)}), ij.gui.Roi.POLYGON);
        double[] imageJMean = new double[1];
        onEdt(() -> {
            imp.setRoi(square);
            imageJMean[0] = imp.getStatistics(ij.measure.Measurements.MEAN).mean; // ImageJ's own measure of the plane shown (HU)
        });
        ReadingCommand.perform("add-roi", Map.of("tool", "contrast_compartments:pars_defect", "level", "L5", "side", "left"));
        onEdt(imp::deleteRoi);
        String meanLabel = " contrast_compartments L5 left measure: " + String.format(Locale.ROOT, "mean %.1f HU", imageJMean[0]);
        waitFor(() -> names(imp).stream().anyMatch(x -> x.endsWith(meanLabel)), 5000, "the polygon's mean on the reformat (" + names(imp) + ")");
        panel.viewers().layout();
        settle();

        // ---- F11 on the reformat maximises it to the viewers' area, F11 again puts it back in its tile
        Rectangle tile = imp.getWindow().getBounds();
        onEdt(() -> pressOn(imp.getCanvas(), KeyEvent.VK_F11, 0));
        settle();
        Rectangle big = imp.getWindow().getBounds();
        assertThat(big.width * big.height).as("maximised " + big + " from " + tile).isGreaterThan(tile.width * tile.height * 2);
        onEdt(() -> pressOn(imp.getCanvas(), KeyEvent.VK_F11, 0));
        settle();
        assertThat(imp.getWindow().getBounds().getLocation()).isEqualTo(tile.getLocation());

        // ---- linked zoom: ImageJ's zoom on the reformat zooms the post-contrast CT (same frame) by the same factor, and the other way
        assertThat(panel.viewers().isLinked()).isTrue();
        double postMag = post.magnification(), sagMag = imp.getCanvas().getMagnification();
        ij.gui.ImageCanvas rc = imp.getCanvas();
        onEdt(() -> rc.zoomIn(rc.getWidth() / 2, rc.getHeight() / 2));
        double factor = imp.getCanvas().getMagnification() / sagMag;
        assertThat(factor).as("ImageJ zoomed the reformat in").isGreaterThan(1.05);
        waitFor(() -> Math.abs(post.magnification() / postMag - factor) < 0.02, 3000,
                "the CT follows the reformat's zoom by " + factor + " (it went " + postMag + " -> " + post.magnification() + ")");
        double sagNow = imp.getCanvas().getMagnification(), postNow = post.magnification();
        ij.gui.ImageCanvas pc = post.image().getCanvas();
        onEdt(() -> pc.zoomIn(pc.getWidth() / 2, pc.getHeight() / 2));
        panel.viewers().pollViews();
        double back = post.magnification() / postNow;
        assertThat(back).as("ImageJ zoomed the CT in").isGreaterThan(1.05);
        waitFor(() -> Math.abs(imp.getCanvas().getMagnification() / sagNow - back) < 0.02, 3000, "the reformat follows the CT's zoom by " + back);
        // the whole images again, tiled afresh (a tiling keeps a zoomed-in view's part, as ImageJ's fit to window does)
        onEdt(() -> {
            java.util.List<ImagePlus> shown = new java.util.ArrayList<>(panel.viewers().images());
            shown.add(imp);
            for (ImagePlus x : shown) x.getCanvas().setSourceRect(new Rectangle(0, 0, x.getWidth(), x.getHeight()));
            panel.viewers().layout();
        });
        settle();

        // ---- the window presets apply to the reformat too (its planes are in HU)
        ReadingCommand.perform("window", Map.of("preset", "ct-soft"));
        settle();
        assertThat(imp.getDisplayRangeMin()).isCloseTo(50 - 200, within(1e-6));
        assertThat(imp.getDisplayRangeMax()).isCloseTo(50 + 200, within(1e-6));
        ReadingCommand.perform("window", Map.of("preset", "ct-bone"));
        settle();
        assertThat(imp.getDisplayRangeMax() - imp.getDisplayRangeMin()).isCloseTo(1800, within(1e-6));

        // ---- a 10 mm MIP (M), a click on the brightest contrast near the defect: the seed is the slab's brightest voxel
        onEdt(() -> pressOn(imp.getCanvas(), KeyEvent.VK_M, 0));
        settle();
        assertThat(sag.isMip()).isTrue();
        assertThat(imp.getTitle()).isEqualTo("CT sag MIP 10 mm");
        double[] c = m.toPixel(centre);
        int k = (int) Math.round(c[2]);
        onEdt(() -> imp.setSlice(k + 1));
        float[] mip = (float[]) imp.getStack().getPixels(k + 1);
        int best = -1;
        int r = (int) Math.ceil(12 / m.first().pixelSize());
        for (int y = (int) c[1] - r; y <= (int) c[1] + r; y++) {
            for (int x = (int) c[0] - r; x <= (int) c[0] + r; x++) {
                float v = mip[y * imp.getWidth() + x];
                if (v >= 1250 && v <= 2000 && (best < 0 || v > mip[best])) best = y * imp.getWidth() + x;
            }
        }
        assertThat(best).as("contrast (1250..2000 HU) on the MIP near the defect").isGreaterThanOrEqualTo(0);
        int bx = best % imp.getWidth(), by = best / imp.getWidth();
        activate(imp);
        onEdt(() -> imp.setRoi(new PointRoi(bx, by)));
        ReadingCommand.perform("quantify", Map.of("level", "L5", "side", "left", "seed", "roi"));
        waitFor(() -> find(panel.session().document(), "contrast_volume_ml", "L5", Side.LEFT).isPresent(), 30000, "contrast volume value");
        FindingsDocument.FindingValue vol = find(panel.session().document(), "contrast_volume_ml", "L5", Side.LEFT).orElseThrow();
        assertThat(Double.parseDouble(vol.value().text())).isGreaterThan(0.1);
        double[] seed = SlabSeed.brightest(new Reformatter(ct), m.plane(k), bx, by, 10);
        assertThat(new Reformatter(ct).valueAt(seed)).isCloseTo(mip[best], within(1e-3));

        // ---- the left L5 pars plane from the marks and the gap line, for the screenshot
        onEdt(() -> ((javax.swing.JComboBox<?>) ReadingPanelIT.named(panel, "goto-level")).setSelectedItem("L5"));
        click(button(panel, "reformat-pars-left"));
        try {
            waitFor(() -> panel.viewers().reformats().size() == 2, 20000, "the pars plane");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (status '" + panel.statusText() + "', " + panel.viewers().reformats().size() + " reformats)", e);
        }
        ReformatViewer pars = panel.viewers().reformats().get(1);
        assertThat(Math.abs(pars.centre().distance(centre))).isLessThanOrEqualTo(1.0);
        assertThat(pars.image().getTitle()).startsWith("CT L5 left pars plane");
        onEdt(() -> pressOn(pars.image().getCanvas(), KeyEvent.VK_RIGHT, InputEvent.SHIFT_DOWN_MASK));
        onEdt(() -> pressOn(pars.image().getCanvas(), KeyEvent.VK_LEFT, InputEvent.SHIFT_DOWN_MASK));
        settle();
        assertThat(pars.centre().obliquityDegrees()).isCloseTo(0, within(1e-6));
        // Shift+right-drag turns the plane with the mouse (0.25 degree per pixel: 40 px left, 10 degrees), back again
        rightDrag(pars.image(), -40, 0, InputEvent.SHIFT_DOWN_MASK);
        assertThat(pars.centre().obliquityDegrees()).isCloseTo(10, within(1e-6));
        assertThat(Math.abs(pars.centre().distance(centre))).as("about the pars point").isLessThanOrEqualTo(1.0);
        rightDrag(pars.image(), 40, 0, InputEvent.SHIFT_DOWN_MASK);
        assertThat(pars.centre().obliquityDegrees()).isCloseTo(0, within(1e-4));
        // a plain right-drag sets the window/level, as on the series
        double w0 = pars.image().getDisplayRangeMax() - pars.image().getDisplayRangeMin();
        rightDrag(pars.image(), 60, 0, 0);
        assertThat(pars.image().getDisplayRangeMax() - pars.image().getDisplayRangeMin()).as("window widened").isGreaterThan(w0 * 1.1);
        assertThat(pars.centre().obliquityDegrees()).isCloseTo(0, within(1e-4));
        ReadingCommand.perform("window", Map.of("preset", "ct-bone"));
        assertTiled(panel);
        Thread.sleep(500);
        // both reformats are zoomed into their tiles: their info text (title, offset, W/L) readable, not under ImageJ's zoom indicator
        for (ImagePlus shown : new ImagePlus[] {imp, pars.image()}) assertInfoClearOfZoomIndicator(shown);
        Path dir = Boolean.getBoolean("pars.screenshots") ? Path.of("docs/images")
                : Path.of(System.getProperty("pars.pluginJar", "target/x.jar")).toAbsolutePath().getParent().resolve("screenshots");
        Files.createDirectories(dir);
        BufferedImage screen = new Robot().createScreenCapture(new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()));
        ImageIO.write(screen, "png", dir.resolve("reading-panel-pars-plane.png").toFile());
        System.out.println("ReformatViewerIT screenshot in " + dir.toAbsolutePath());
        ReadingCommand.perform("close", Map.of());
        waitFor(() -> pars.image().getWindow() == null && imp.getWindow() == null, 10000, "the reformat viewers closed with the case");
    }
}
