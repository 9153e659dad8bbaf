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
     * One tile per image in {@code area}, in rows, the tiles covering the area with no gap: the
     * images are cut into rows in the order given (every way of cutting them is tried, up to
     * {@value #MAX_ROW_SEARCH} images; a uniform grid beyond), and the cut that shows every image
     * at the largest common magnification wins (as many rows as fit, each as tall as its tallest
     * image at that magnification, each as wide as its images side by side). The room left over is
     * then shared out in proportion: rows grow taller and tiles wider until they fill the area, so a
     * wide reformat strip gets a wide, low tile beside or below the square slices instead of a square
     * tile with empty screen around it. Written by hand: this is a small justified-rows layout, and no
     * library here (AWT's layout managers, ImageJ's Tile) chooses rows by magnification.
     *
     * @param images image sizes in pixels (or the part of an image to show, scaled by how large it
     *               should be relative to the others), in the order the tiles are wanted
     */
    public static List<Rectangle> tiles(Rectangle area, List<Dimension> images) {
        int n = images.size();
        List<Rectangle> out = new ArrayList<>();
        if (n == 0) return out;
        if (n > MAX_ROW_SEARCH) return grid(area, images);
        int bestCuts = 0;
        double bestMag = Double.NEGATIVE_INFINITY;
        int bestRows = Integer.MAX_VALUE;
        // bit i of cuts set: a new row starts after image i
        for (int cuts = 0; cuts < 1 << (n - 1); cuts++) {
            int rows = Integer.bitCount(cuts) + 1;
            double mag = commonMagnification(area, images, cuts);
            if (mag > bestMag * (1 + 1e-9) + 1e-12 || (Math.abs(mag - bestMag) <= 1e-9 * Math.abs(bestMag) && rows < bestRows)) {
                bestMag = mag;
                bestCuts = cuts;
                bestRows = rows;
            }
        }
        double m = Math.max(bestMag, 0);
        // the rows at that magnification, then stretched to fill the area
        List<int[]> rows = rows(n, bestCuts);
        double[] rowHeight = new double[rows.size()];
        double total = 0;
        for (int r = 0; r < rows.size(); r++) {
            double h = 0;
            for (int i = rows.get(r)[0]; i < rows.get(r)[1]; i++) h = Math.max(h, images.get(i).height);
            rowHeight[r] = m * h + EXTRA_HEIGHT;
            total += rowHeight[r];
        }
        int y = area.y;
        double acc = 0;
        for (int r = 0; r < rows.size(); r++) {
            acc += rowHeight[r];
            int y2 = r == rows.size() - 1 ? area.y + area.height : area.y + (int) Math.round(area.height * acc / total);
            int from = rows.get(r)[0], to = rows.get(r)[1];
            double[] w = new double[to - from];
            double rowWidth = 0;
            for (int i = from; i < to; i++) {
                w[i - from] = m * images.get(i).width + EXTRA_WIDTH;
                rowWidth += w[i - from];
            }
            int x = area.x;
            double accW = 0;
            for (int i = from; i < to; i++) {
                accW += w[i - from];
                int x2 = i == to - 1 ? area.x + area.width : area.x + (int) Math.round(area.width * accW / rowWidth);
                out.add(new Rectangle(x, y, x2 - x, y2 - y));
                x = x2;
            }
            y = y2;
        }
        return out;
    }

    /** Images up to this many are cut into rows every possible way (2^(n-1) cuts); more go in a uniform grid. */
    static final int MAX_ROW_SEARCH = 12;

    /**
     * The largest magnification at which every image fits when cut into rows by {@code cuts}: the
     * rows' tallest images stacked fit the height, and each row's images side by side fit the width.
     */
    static double commonMagnification(Rectangle area, List<Dimension> images, int cuts) {
        List<int[]> rows = rows(images.size(), cuts);
        double sumTallest = 0, mag = Double.POSITIVE_INFINITY;
        for (int[] r : rows) {
            double tallest = 0, width = 0;
            for (int i = r[0]; i < r[1]; i++) {
                tallest = Math.max(tallest, images.get(i).height);
                width += images.get(i).width;
            }
            sumTallest += tallest;
            mag = Math.min(mag, (area.width - (r[1] - r[0]) * (double) EXTRA_WIDTH) / Math.max(1, width));
        }
        return Math.min(mag, (area.height - rows.size() * (double) EXTRA_HEIGHT) / Math.max(1, sumTallest));
    }

    /** The rows [from, to) of {@code n} images cut by {@code cuts} (bit i: a new row after image i). */
    private static List<int[]> rows(int n, int cuts) {
        List<int[]> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < n - 1; i++) {
            if ((cuts & (1 << i)) != 0) {
                out.add(new int[] {from, i + 1});
                from = i + 1;
            }
        }
        out.add(new int[] {from, n});
        return out;
    }

    /** The uniform grid (columns x rows) that gives the smallest image the largest magnification, filled row by row. */
    static List<Rectangle> grid(Rectangle area, List<Dimension> images) {
        int n = images.size();
        List<Rectangle> out = new ArrayList<>();
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
