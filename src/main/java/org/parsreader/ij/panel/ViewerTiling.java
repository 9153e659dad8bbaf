package org.parsreader.ij.panel;

import ij.IJ;
import ij.gui.ImageCanvas;
import ij.gui.ImageWindow;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.List;

/**
 * Puts the case's viewer windows where {@link ViewerLayout} says: the default area right of the
 * panel and clear of ImageJ's bar, each window in its tile (zoomed down when ImageJ rounds the
 * zoom up), and the free room gathered on the right. Event dispatch thread.
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

    /** Tiles the windows of {@code viewers} (in tile order) in {@code area}. */
    static void layout(List<SeriesViewer> viewers, Rectangle area) {
        List<Dimension> sizes = viewers.stream().map(v -> new Dimension(v.image().getWidth(), v.image().getHeight())).toList();
        List<Rectangle> tiles = ViewerLayout.tiles(area, sizes);
        for (int i = 0; i < viewers.size(); i++) {
            ImageWindow w = viewers.get(i).image().getWindow();
            if (w == null) continue;
            Rectangle t = tiles.get(i);
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
                w.setLocation(t.x, t.y);
            }
        }
        // windows narrower than their tiles move left, next to each other: the free room gathers on the right
        int rowY = Integer.MIN_VALUE, x = area.x;
        for (int i = 0; i < viewers.size(); i++) {
            ImageWindow w = viewers.get(i).image().getWindow();
            if (w == null) continue;
            Rectangle t = tiles.get(i);
            if (t.y != rowY) {
                rowY = t.y;
                x = area.x;
            }
            w.setLocation(x, t.y);
            x += Math.min(w.getWidth(), t.width);
        }
    }
}
