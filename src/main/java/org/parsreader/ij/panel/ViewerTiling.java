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
    record Tiled(ImagePlus image, Dimension size) {
        /** An acquired series: laid out by its image size. */
        static Tiled of(SeriesViewer v) {
            return new Tiled(v.image(), new Dimension(v.image().getWidth(), v.image().getHeight()));
        }
    }

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
            if (w != null) fit(w, tiles.get(i));
        }
    }

    /** Puts {@code w} in tile {@code t}, its image as large as the tile allows, the window as large as the tile. */
    static void fit(ImageWindow w, Rectangle t) {
        w.setLocationAndSize(t.x, t.y, t.width, t.height);
        // ImageJ may round the zoom up: never leave the tile
        Rectangle b = w.getBounds();
        if (b.width > t.width || b.height > t.height) {
            ImageCanvas c = w.getCanvas();
            double mag = c.getMagnification();
            double shrink = Math.min(t.width / (double) b.width, t.height / (double) b.height);
            double m = mag * shrink * 0.98;
            c.setMagnification(m);
            c.setSize((int) (w.getImagePlus().getWidth() * m), (int) (w.getImagePlus().getHeight() * m));
            w.pack();
        }
        // the window takes the whole tile (ImageJ centres the image in it): nothing of the screen is left empty
        w.setBounds(t);
        w.validate();
    }
}
