package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parsreader.ij.panel.ReadingPanelIT.onEdt;
import static org.parsreader.ij.panel.ReadingPanelIT.settle;
import static org.parsreader.ij.panel.ReadingPanelIT.waitFor;

import ij.ImagePlus;
import ij.gui.ImageWindow;
import ij.process.ByteProcessor;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.event.ComponentEvent;
import java.lang.reflect.Method;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A tiled window in a real window under Xvfb (no window manager, as in the ITs and some kiosk and
 * remote sessions) keeps its tile against the windowing system: the X server's late notice of a size
 * the tiling passed through (ReformatViewerIT saw windows left smaller than their tiles now and then)
 * is played here the way AWT's X toolkit takes one, and the window must grow back into its tile. A
 * window made larger than its tile from Java (ImageJ's zoom in) stays as large.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class ViewerTilingIT {
    ImagePlus imp;

    @AfterEach
    void close() throws Exception {
        if (imp != null && imp.getWindow() != null) onEdt(() -> imp.getWindow().close());
    }

    /** A shown window of a 160 x 48 strip (a reformat plane's size), tiled in {@code tile}. */
    ImageWindow tiled(Rectangle tile) throws Exception {
        imp = new ImagePlus("tiling check", new ByteProcessor(160, 48));
        imp.show();
        waitFor(() -> imp.getWindow() != null && imp.getWindow().isShowing(), 5000, "the window shown");
        ImageWindow w = imp.getWindow();
        // the X server's notices of where ImageJ first put the window come a moment after it shows (one
        // run saw the window moved to 0,0 after its fit): let them come first
        Thread.sleep(300);
        settle();
        onEdt(() -> ViewerTiling.fit(w, tile, null));
        waitFor(() -> w.getBounds().equals(tile), 3000, "the window in its tile " + tile + " (it is " + w.getBounds() + ")");
        // and those of the sizes the fit passed through, or the last one (the tile) could undo a size a test sets next
        Thread.sleep(300);
        settle();
        waitFor(() -> w.getBounds().equals(tile), 3000, "the window still in its tile " + tile + " (it is " + w.getBounds() + ")");
        return w;
    }

    /**
     * What AWT's X toolkit does with a ConfigureNotify (XContentWindow.handleResize): the window takes
     * the size the X server reports, without Window's minimum size, and a COMPONENT_RESIZED is posted.
     * Reached through sun.awt.AWTAccessor (the failsafe JVM exports it to the tests).
     */
    static void sizeFromWindowingSystem(Component c, int width, int height) throws Exception {
        onEdt(() -> sizeNowFromWindowingSystem(c, width, height));
    }

    /** {@link #sizeFromWindowingSystem} from the event dispatch thread, where AWT's toolkit thread can do it at any moment. */
    static void sizeNowFromWindowingSystem(Component c, int width, int height) {
        try {
            Class<?> accessor = Class.forName("sun.awt.AWTAccessor");
            Object components = accessor.getMethod("getComponentAccessor").invoke(null);
            Method setSize = Class.forName("sun.awt.AWTAccessor$ComponentAccessor").getMethod("setSize", Component.class, int.class, int.class);
            setSize.invoke(components, c, width, height);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        Toolkit.getDefaultToolkit().getSystemEventQueue().postEvent(new ComponentEvent(c, ComponentEvent.COMPONENT_RESIZED));
    }

    @Test
    void aWindowTheWindowingSystemLeavesSmallerThanItsTileGrowsBackIntoIt() throws Exception {
        Rectangle tile = new Rectangle(420, 120, 500, 320);
        ImageWindow w = tiled(tile);
        sizeFromWindowingSystem(w, 300, 200); // (the size a pack gave it before it took its tile)
        waitFor(() -> w.getSize().equals(tile.getSize()), 3000, "the window back in its tile " + tile + " (it is " + w.getBounds() + ")");
        assertThat(w.getBounds()).isEqualTo(tile);
        // and so it stays: the X server was told the tile's size again, its notice of that size comes back
        Thread.sleep(300);
        settle();
        assertThat(w.getBounds()).isEqualTo(tile);
        // the canvas is laid out in the tile again, not in the small window
        Dimension canvas = w.getCanvas().getSize();
        assertThat(canvas.width).as("canvas " + canvas + " in tile " + tile).isGreaterThan(300);
    }

    @Test
    void aWindowIsFittedAgainToItsTileNotToBoundsTheWindowingSystemHasYetToConfirm() throws Exception {
        Rectangle tile = new Rectangle(420, 120, 500, 320);
        ImageWindow w = tiled(tile);
        Rectangle[] seen = new Rectangle[2];
        onEdt(() -> {
            sizeNowFromWindowingSystem(w, 300, 200); // a late notice of a smaller size
            seen[0] = ViewerTiling.tileOf(w);
            sizeNowFromWindowingSystem(w, 700, 400); // of a larger one
            seen[1] = ViewerTiling.tileOf(w);
        });
        assertThat(seen).containsOnly(tile);
        Rectangle area = new Rectangle(380, 76, 986, 692);
        onEdt(() -> ViewerTiling.placed(w, area)); // maximised
        assertThat(onEdt(() -> ViewerTiling.tileOf(w))).isEqualTo(area);
    }

    /**
     * A turn gives the reformat planes of another size, and its window is fitted to its tile again:
     * to the tile, not to the smaller size the X server's late notice gave the window a moment before
     * (ReformatViewerIT's right-drag turn left the pars plane 175 px tall in a 235 px row that way).
     */
    @Test
    void aTurnedReformatKeepsItsTileWhenTheWindowingSystemShrankItJustBefore() throws Exception {
        ReformatViewer r = ReformatViewer.sagittal(ReformatViewerTest.ramp());
        try {
            r.show();
            waitFor(() -> r.image().getWindow() != null && r.image().getWindow().isShowing(), 5000, "the reformat shown");
            ImageWindow w = r.image().getWindow();
            Rectangle tile = new Rectangle(420, 120, 500, 320);
            onEdt(() -> ViewerTiling.fit(w, tile, r.focus()));
            waitFor(() -> w.getBounds().equals(tile), 3000, "the reformat in its tile " + tile + " (it is " + w.getBounds() + ")");
            int width = r.image().getWidth();
            onEdt(() -> {
                sizeNowFromWindowingSystem(w, 500, 180);
                r.turn(20);
            });
            assertThat(r.image().getWidth()).as("the turned planes' width").isNotEqualTo(width);
            Thread.sleep(300);
            settle();
            assertThat(r.image().getWindow()).isSameAs(w);
            assertThat(w.getBounds()).isEqualTo(tile);
            assertThat(w.getMinimumSize()).as("its tile").isEqualTo(tile.getSize());
        } finally {
            onEdt(r::close);
        }
    }

    @Test
    void aWindowMadeLargerThanItsTileIsLeftAsLarge() throws Exception {
        Rectangle tile = new Rectangle(420, 120, 400, 260);
        ImageWindow w = tiled(tile);
        onEdt(() -> w.setSize(600, 400)); // as ImageJ's zoom in enlarges a window
        Thread.sleep(300);
        settle();
        EventQueue.invokeAndWait(() -> {});
        assertThat(w.getSize()).isEqualTo(new Dimension(600, 400));
        assertThat(w.getLocation()).isEqualTo(tile.getLocation());
    }
}
