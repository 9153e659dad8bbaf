package org.parsreader.ij.panel;

import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the viewers go on the screen: a grid of tiles beside the reading panel, chosen so the
 * images are as large as they can be, never larger than the screen. Pure arithmetic apart from
 * {@link #screen()}.
 */
public final class ViewerLayout {
    /** Width the reading panel takes on the left of the screen. */
    public static final int PANEL_WIDTH = 380;
    /**
     * What an ImageJ stack window adds around its image: borders, the subtitle line and the
     * slice scrollbar (measured on ImageJ 1.54 under Xvfb: about 10 x 60 px; a little more is kept).
     */
    static final int EXTRA_WIDTH = 16;
    static final int EXTRA_HEIGHT = 70;

    private ViewerLayout() {}

    /** The usable screen (without task bars), or 1366x768 when there is no screen (headless tests). */
    public static Rectangle screen() {
        if (GraphicsEnvironment.isHeadless()) return new Rectangle(0, 0, 1366, 768);
        return GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    }

    /** The part of {@code screen} right of a panel {@code panelWidth} wide (the whole screen if it would leave too little). */
    public static Rectangle viewingArea(Rectangle screen, int panelWidth) {
        int w = Math.max(0, panelWidth);
        if (screen.width - w < 300) return new Rectangle(screen);
        return new Rectangle(screen.x + w, screen.y, screen.width - w, screen.height);
    }

    /**
     * One tile per image in {@code area}: the grid (columns x rows) that gives the smallest
     * image the largest magnification, filled row by row.
     *
     * @param images image sizes in pixels, in the order the tiles are wanted
     */
    public static List<Rectangle> tiles(Rectangle area, List<Dimension> images) {
        int n = images.size();
        List<Rectangle> out = new ArrayList<>();
        if (n == 0) return out;
        int bestCols = 1;
        double bestMag = -1;
        for (int cols = 1; cols <= n; cols++) {
            int rows = (n + cols - 1) / cols;
            int tw = area.width / cols, th = area.height / rows;
            double mag = Double.POSITIVE_INFINITY;
            for (Dimension d : images) {
                mag = Math.min(mag, Math.min((tw - EXTRA_WIDTH) / (double) d.width, (th - EXTRA_HEIGHT) / (double) d.height));
            }
            if (mag > bestMag + 1e-9) {
                bestMag = mag;
                bestCols = cols;
            }
        }
        int rows = (n + bestCols - 1) / bestCols;
        int tw = area.width / bestCols, th = area.height / rows;
        for (int i = 0; i < n; i++) {
            int c = i % bestCols, r = i / bestCols;
            out.add(new Rectangle(area.x + c * tw, area.y + r * th, tw, th));
        }
        return out;
    }
}
