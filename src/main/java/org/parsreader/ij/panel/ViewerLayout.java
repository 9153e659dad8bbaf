package org.parsreader.ij.panel;

import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the viewers go on the screen: a grid of tiles beside the reading panel, chosen so the
 * images are as large as they can be, never larger than the screen, and never over ImageJ's own
 * window (the menu bar and tools: File, Edit, Image ... must stay reachable). Pure arithmetic apart
 * from {@link #screen()} and {@link #imageJBar()}.
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
     * Where the viewers go, and whether ImageJ's bar must move first.
     *
     * @param viewers the area to tile the viewers in
     * @param moveBarTo where to put ImageJ's bar once (its top-left corner) so that neither covers the other; null: leave it
     */
    public record Arrangement(Rectangle viewers, Point moveBarTo) {}

    /** ImageJ's main window (menu bar, tools, status), when it is on screen; else null. */
    public static Rectangle imageJBar() {
        if (GraphicsEnvironment.isHeadless()) return null;
        ij.ImageJ bar = ij.IJ.getInstance();
        return bar != null && bar.isShowing() ? bar.getBounds() : null;
    }

    /** {@link #arrange} for this screen, the panel's width and ImageJ's bar where it is now. */
    public static Arrangement arrange() {
        return arrange(screen(), PANEL_WIDTH, imageJBar());
    }

    /**
     * The viewers' area right of the panel, clear of ImageJ's bar: a bar in the upper part of that
     * area (ImageJ's default place is at the top of the screen) leaves the viewers the room below it;
     * a bar in the lower part, the room above it. A bar in the middle, where either would leave the
     * viewers less than 60% of the height, moves once to the top of the area (right of the panel)
     * and the viewers go below it.
     *
     * @param bar ImageJ's bar on the screen, or null when it is not shown
     */
    public static Arrangement arrange(Rectangle screen, int panelWidth, Rectangle bar) {
        Rectangle area = viewingArea(screen, panelWidth);
        if (bar == null || bar.isEmpty() || !bar.intersects(area)) return new Arrangement(area, null);
        int bottom = area.y + area.height;
        int above = bar.y - area.y, below = bottom - (bar.y + bar.height);
        int enough = (int) Math.ceil(area.height * 0.6);
        if (below >= above && below >= enough) {
            int y = bar.y + bar.height;
            return new Arrangement(new Rectangle(area.x, y, area.width, bottom - y), null);
        }
        if (above >= enough) return new Arrangement(new Rectangle(area.x, area.y, area.width, above), null);
        int h = Math.min(bar.height, area.height / 3);
        return new Arrangement(new Rectangle(area.x, area.y + h, area.width, area.height - h), new Point(area.x, area.y));
    }

    /**
     * Where the panel goes: at the left edge of {@code screen}, {@code width} wide, as tall as it
     * wants (at least 480 px) and the screen allows; below ImageJ's bar when the bar is in the upper
     * half of the panel's column, above it when in the lower half.
     */
    public static Rectangle panelBounds(Rectangle screen, int width, int wantedHeight, Rectangle bar) {
        int top = screen.y, bottom = screen.y + screen.height;
        Rectangle column = new Rectangle(screen.x, screen.y, width, screen.height);
        if (bar != null && !bar.isEmpty() && bar.intersects(column)) {
            if (bar.y + bar.height / 2 < screen.y + screen.height / 2) top = Math.max(top, bar.y + bar.height);
            else bottom = Math.min(bottom, bar.y);
        }
        int h = Math.min(bottom - top, Math.max(480, wantedHeight));
        return new Rectangle(screen.x, top, width, Math.max(0, h));
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
