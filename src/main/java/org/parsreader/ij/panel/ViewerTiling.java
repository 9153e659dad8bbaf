package org.parsreader.ij.panel;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.ImageWindow;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.List;

/**
 * Puts the case's viewer windows (the acquired series, then the reformats) where {@link ViewerLayout}
 * says: the default area right of the panel and clear of ImageJ's bar, each window filling its tile
 * (the image zoomed to fit, down when ImageJ rounds the zoom up). Event dispatch thread.
 */
final class ViewerTiling {
    private ViewerTiling() {}

    /**
     * The viewers' area on this screen: right of the panel and clear of ImageJ's bar. When the bar
     * sits in the middle of that area it is moved once to its top ({@link ViewerLayout#arrange}).
     * Call on the event dispatch thread.
     */
    static Rectangle defaultArea() {
        ViewerLayout.Arrangement a = ViewerLayout.arrange();
        ij.ImageJ ij = IJ.getInstance();
        if (a.moveBarTo() != null && ij != null) ij.setLocation(a.moveBarTo());
        return a.viewers();
    }

    /** A window to tile: its image, and the size {@link ViewerLayout#tiles} lays it out by. */
    record Tiled(ImagePlus image, Dimension size, double[] focus) {
        /** An acquired series: laid out by its image size, shown whole in its tile. */
        static Tiled of(SeriesViewer v) {
            return new Tiled(v.image(), new Dimension(v.image().getWidth(), v.image().getHeight()), null);
        }
    }

    /** A window zoomed to fill its tile ({@code focus} given) still shows at least this part of its image's width and height. */
    static final double KEEP = 0.75;

    /** Tiles the windows of {@code viewers} (in tile order) in {@code area}. */
    static void layout(List<SeriesViewer> viewers, Rectangle area) {
        place(viewers.stream().map(Tiled::of).toList(), area);
    }

    /**
     * Tiles {@code windows} (in tile order) in {@code area}: each window fills its tile (the tiles
     * cover the area, so no screen is left empty between them), its image zoomed to fit the tile and
     * centred in it by ImageJ's layout.
     */
    static void place(List<Tiled> windows, Rectangle area) {
        List<Rectangle> tiles = ViewerLayout.tiles(area, windows.stream().map(Tiled::size).toList());
        for (int i = 0; i < windows.size(); i++) {
            ImageWindow w = windows.get(i).image().getWindow();
            if (w != null) fit(w, tiles.get(i), windows.get(i).focus());
            ClickTrace.mark("tiled " + windows.get(i).image().getTitle());
        }
    }

    /**
     * Puts {@code w} in tile {@code t}, the window as large as the tile, on black (as a radiology
     * viewer's viewport); its image as large as the tile allows, or, with a {@code focus} (image
     * pixel x, y), zoomed further to fill the tile as long as at least {@value #KEEP} of the image's
     * width and height stay in view, centred on the focus (a reformat strip then fills its tile
     * around the pars instead of lying in a band of empty window).
     */
    static void fit(ImageWindow w, Rectangle t, double[] focus) {
        w.setMinimumSize(null); // (the last tile's: see below)
        w.setBackground(java.awt.Color.black);
        w.setForeground(java.awt.Color.lightGray); // ImageJ's subtitle line above the image
        ImageCanvas c = w.getCanvas();
        w.setLocationAndSize(t.x, t.y, t.width, t.height);
        // ImageJ may round the zoom up: never leave the tile
        Rectangle b = w.getBounds();
        if (b.width > t.width || b.height > t.height) {
            double mag = c.getMagnification();
            double shrink = Math.min(t.width / (double) b.width, t.height / (double) b.height);
            double m = mag * shrink * 0.98;
            c.setMagnification(m);
            c.setSize((int) (w.getImagePlus().getWidth() * m), (int) (w.getImagePlus().getHeight() * m));
            w.pack();
        }
        if (focus != null) zoomToFill(w, t, focus);
        // the window takes the whole tile (ImageJ centres the image in it): nothing of the screen is left empty
        w.setBounds(t);
        // ImageJ packs a window back to its image on some later events (seen under Xvfb just after a window
        // opened): the tile is the window's minimum size, so it stays in its tile (zooming in may still enlarge it)
        w.setMinimumSize(t.getSize());
        placed(w, t);
        KeepMinimum.on(w);
        w.validate();
    }

    /** Where the panel last put each window: its tile, or the viewers' area while maximised. Event dispatch thread. */
    private static final java.util.Map<java.awt.Window, Rectangle> PLACED = new java.util.WeakHashMap<>();

    /** {@code w} was put in {@code r} (maximised to the viewers' area): a later fit keeps it there. */
    static void placed(java.awt.Window w, Rectangle r) {
        PLACED.put(w, new Rectangle(r));
    }

    /**
     * Where {@code w} was put last ({@link #fit}, {@link #placed}); its bounds if it never was. Fit a
     * window again to this, never to bounds read back: AWT's X toolkit thread applies the X server's
     * late notices of sizes a tiling passed through (smaller or larger than the tile) to the window while
     * the event thread works, and a window fitted to such bounds keeps them as its tile.
     */
    static Rectangle tileOf(java.awt.Window w) {
        Rectangle r = PLACED.get(w);
        return r != null ? new Rectangle(r) : w.getBounds();
    }

    /**
     * Holds a tiled window at no less than its minimum size (its tile) against the windowing system.
     * AWT keeps {@link java.awt.Window#setMinimumSize} only for sizes set from Java; a size the X server
     * reports (ConfigureNotify) is taken as it comes, and only a window manager would hold a window to
     * its size hints. Without one (Xvfb, some kiosk and remote sessions) the notices of the sizes a tiling
     * passed through ({@link #fit} packs a window before it gives it its tile) can arrive after the tile's
     * and leave the window smaller than its tile, with screen left empty beside it. Growing it back to
     * its minimum here puts it in its tile again; it never shrinks or moves a window, so a zoom that
     * enlarged it, a maximised window and a reader's resize under a window manager (which keeps the hints)
     * stay as they are.
     */
    static final class KeepMinimum extends java.awt.event.ComponentAdapter {
        /** How many times a window was grown back to its tile (for the trace and the tests). */
        static final java.util.concurrent.atomic.AtomicInteger RESTORED = new java.util.concurrent.atomic.AtomicInteger();

        private KeepMinimum() {}

        /** Installs the keeper on {@code w} once (a window is tiled many times). */
        static void on(java.awt.Window w) {
            for (java.awt.event.ComponentListener l : w.getComponentListeners()) if (l instanceof KeepMinimum) return;
            w.addComponentListener(new KeepMinimum());
        }

        @Override
        public void componentResized(java.awt.event.ComponentEvent e) {
            if (!(e.getComponent() instanceof java.awt.Window w) || !w.isMinimumSizeSet() || !w.isDisplayable()) return;
            Dimension min = w.getMinimumSize(), now = w.getSize();
            if (now.width >= min.width && now.height >= min.height) return;
            RESTORED.incrementAndGet();
            ClickTrace.mark("tile kept: " + (w instanceof java.awt.Frame f ? f.getTitle() : w.getName()) + " " + now.width + "x" + now.height + " -> " + min.width + "x" + min.height);
            // (Window.setSize keeps the minimum: the window takes its tile's size again, and the X server is told)
            w.setSize(Math.max(now.width, min.width), Math.max(now.height, min.height));
            w.validate();
        }
    }

    /** {@link #fit}'s zoom to fill the tile around {@code focus} (window packed to its canvas before). */
    private static void zoomToFill(ImageWindow w, Rectangle t, double[] focus) {
        ImageCanvas c = w.getCanvas();
        ImagePlus imp = w.getImagePlus();
        Rectangle b = w.getBounds();
        Dimension cs = c.getSize();
        int availW = t.width - (b.width - cs.width), availH = t.height - (b.height - cs.height);
        double iw = imp.getWidth(), ih = imp.getHeight();
        if (availW <= 0 || availH <= 0) return;
        double m = Math.min(Math.max(availW / iw, availH / ih), Math.min(availW / (KEEP * iw), availH / (KEEP * ih)));
        if (m <= c.getMagnification() * 1.01) return;
        int cw = (int) Math.min(availW, Math.floor(iw * m)), ch = (int) Math.min(availH, Math.floor(ih * m));
        int sw = (int) Math.min(iw, Math.round(cw / m)), sh = (int) Math.min(ih, Math.round(ch / m));
        int sx = (int) Math.max(0, Math.min(iw - sw, Math.round(focus[0] - sw / 2.0)));
        int sy = (int) Math.max(0, Math.min(ih - sh, Math.round(focus[1] - sh / 2.0)));
        c.setMagnification(m);
        c.setSourceRect(new Rectangle(sx, sy, sw, sh));
        c.setSize(cw, ch);
        w.pack();
    }
}
