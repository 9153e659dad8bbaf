package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parsreader.ij.panel.ViewersIT.copy;
import static org.parsreader.ij.panel.ViewersIT.onEdt;
import static org.parsreader.ij.panel.ViewersIT.settle;

import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import java.awt.Rectangle;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.Role;
import org.parsreader.reading.ReadingSession;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.ViewerConventions;

/**
 * The viewer conventions on the sample case's four viewers in a real ImageJ under Xvfb: the
 * orientation letters of each series' geometry at its edges, a scale bar, slice and W/L text; a
 * right-drag changes the display range (and the W/L text); zooming the T2 with ImageJ's own zoom
 * zooms the STIR (same frame of reference); F11 maximises the viewer it is pressed on and
 * restores it.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class ViewerConventionsIT {
    static ImageJ imagej;

    @BeforeAll
    static void startImageJ() throws Exception {
        imagej = org.parsreader.ij.RealImageJ.start(Files.createTempDirectory("imagej"));
        if (imagej != null) imagej.setLocation(0, 0);
    }

    @AfterAll
    static void quit() {
        WindowManager.closeAllWindows();
        if (imagej != null) imagej.dispose();
    }

    @Test
    void labelsWindowLevelDragLinkedZoomAndMaximise() throws Exception {
        Path caseDir = copy(Files.createTempDirectory("conventions"));
        ReadingSession.Options options = new ReadingSession.Options(new FindingsDocument.Reader("R1", Role.R1), ViewersIT.PARS, true, null, 0);
        try (ReadingSession session = ReadingSession.open(caseDir, options, ProgressListener.NONE)) {
            CaseViewers v = CaseViewers.open(session);
            try {
                check(v);
            } finally {
                v.close();
            }
        }
    }

    private void check(CaseViewers v) throws Exception {
        settle();
        v.pollViews();
        // ---- every viewer: its geometry's letters at the four edges, a scale bar, slice and W/L text
        for (SeriesViewer s : v.viewers()) {
            List<String> names = s.overlayNames(s.image().getCurrentSlice());
            ViewerConventions.EdgeLabels e = ViewerConventions.edges(s.volume().geometry());
            assertThat(names).as(s + " orientation").contains("convention orientation top: " + e.top(), "convention orientation bottom: " + e.bottom(),
                    "convention orientation left: " + e.left(), "convention orientation right: " + e.right());
            assertThat(e.top() + e.bottom() + e.left() + e.right()).as(s + " has letters").isNotBlank();
            assertThat(names).as(s + " scale bar").anyMatch(n -> n.matches("convention scale bar \\d+ (mm|cm)"));
            assertThat(names).as(s + " slice and W/L").anyMatch(n -> n.startsWith("convention info: slice " + s.image().getCurrentSlice() + "/")
                    && n.contains("|W ") && n.contains(" L "));
        }
        SeriesViewer t2 = v.find("T2 TSE SAG").orElseThrow();
        SeriesViewer stir = v.find("STIR SAG").orElseThrow();
        SeriesViewer post = v.find("Post contrast").orElseThrow();
        // sagittal MR: head at the top; axial CT: anterior or posterior (prone) at the top
        assertThat(ViewerConventions.edges(t2.volume().geometry()).top()).isEqualTo("S");
        assertThat(ViewerConventions.edges(post.volume().geometry()).top()).isIn("A", "P");

        // ---- window/level by right-drag on the CT: right widens the window, the W/L text follows
        ImagePlus ct = post.image();
        double w0 = ct.getDisplayRangeMax() - ct.getDisplayRangeMin();
        String info0 = info(post);
        ImageCanvas c = ct.getCanvas();
        int x = c.getWidth() / 2, y = c.getHeight() / 2;
        onEdt(() -> {
            long now = System.currentTimeMillis();
            c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_PRESSED, now, InputEvent.BUTTON3_DOWN_MASK, x, y, 1, true, MouseEvent.BUTTON3));
            c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_DRAGGED, now + 10, InputEvent.BUTTON3_DOWN_MASK, x + 20, y, 0, false, MouseEvent.BUTTON3));
            c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_DRAGGED, now + 20, InputEvent.BUTTON3_DOWN_MASK, x + 40, y + 10, 0, false, MouseEvent.BUTTON3));
            c.dispatchEvent(new MouseEvent(c, MouseEvent.MOUSE_RELEASED, now + 30, 0, x + 40, y + 10, 1, false, MouseEvent.BUTTON3));
        });
        settle();
        assertThat(ct.getDisplayRangeMax() - ct.getDisplayRangeMin()).as("window widened by the drag").isGreaterThan(w0 * 1.1);
        assertThat(info(post)).as("W/L text").isNotEqualTo(info0);
        assertThat(ct.getRoi()).as("the drag drew no selection").isNull();

        // ---- linked zoom: ImageJ's own zoom on the T2 zooms the STIR of the same frame
        double stirMag = stir.magnification(), t2Mag = t2.magnification();
        ImageCanvas tc = t2.image().getCanvas();
        onEdt(() -> tc.zoomIn(tc.getWidth() / 2, tc.getHeight() / 2));
        settle();
        v.pollViews();
        settle();
        double factor = t2.magnification() / t2Mag;
        assertThat(factor).as("ImageJ zoomed the T2 in").isGreaterThan(1.05);
        assertThat(stir.magnification() / stirMag).as("STIR follows the T2's zoom by the same factor").isCloseTo(factor, org.assertj.core.data.Offset.offset(0.02));
        Rectangle src = stir.image().getCanvas().getSrcRect();
        assertThat(src.width).as("STIR shows a part of its image").isLessThan(stir.image().getWidth());
        // ImageJ now paints its zoom indicator at the STIR's top left: its slice and W/L text keeps below it
        v.pollViews();
        settle();
        ReformatViewerIT.assertInfoClearOfZoomIndicator(stir.image());

        // ---- F11 on the CT maximises it to the viewers' area, F11 again restores it
        Rectangle before = ct.getWindow().getBounds();
        key(ct, KeyEvent.VK_F11);
        Rectangle big = ct.getWindow().getBounds();
        assertThat(big.width * big.height).as("maximised " + big + " from " + before).isGreaterThan(before.width * before.height * 2);
        key(ct, KeyEvent.VK_F11);
        Rectangle back = ct.getWindow().getBounds();
        assertThat(back.x).isEqualTo(before.x);
        assertThat(back.y).isEqualTo(before.y);
    }

    private static String info(SeriesViewer s) {
        return s.overlayNames(s.image().getCurrentSlice()).stream().filter(n -> n.startsWith("convention info: ")).findFirst().orElse("");
    }

    private static void key(ImagePlus imp, int code) throws Exception {
        ImageCanvas c = imp.getCanvas();
        onEdt(() -> {
            long now = System.currentTimeMillis();
            c.dispatchEvent(new KeyEvent(c, KeyEvent.KEY_PRESSED, now, 0, code, KeyEvent.CHAR_UNDEFINED));
            c.dispatchEvent(new KeyEvent(c, KeyEvent.KEY_RELEASED, now + 2, 0, code, KeyEvent.CHAR_UNDEFINED));
        });
        for (int i = 0; i < 10; i++) {
            settle();
            Thread.sleep(50);
        }
    }
}
