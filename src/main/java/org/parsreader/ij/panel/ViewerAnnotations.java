package org.parsreader.ij.panel;

import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.Line;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.measure.Calibration;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.parsreader.volume.ViewerConventions;
import org.parsreader.volume.Volume;

/**
 * The viewer conventions drawn over a {@link SeriesViewer} or a {@link ReformatViewer} ({@link ViewerConventions} says what):
 * orientation letters at the middle of the four edges, a scale bar in mm at the bottom right,
 * and the slice position and window/level at the top left. Placed in the visible part of the
 * image and sized for the zoom, so they are rebuilt when the view changes ({@link #key}).
 */
final class ViewerAnnotations {
    static final String NAME = OverlayPainter.PREFIX + "convention ";
    static final Color ORIENTATION = new Color(0xFFE080);
    static final Color TEXT = new Color(0xF0F0F0);
    static final Color SHADE = new Color(0, 0, 0, 110);

    private ViewerAnnotations() {}

    /** What the annotations depend on: when it is unchanged they need not be rebuilt. */
    static String key(ImagePlus imp) {
        ImageCanvas c = imp.getCanvas();
        Rectangle src = c == null ? null : c.getSrcRect();
        double mag = c == null ? 1 : c.getMagnification();
        return imp.getCurrentSlice() + " " + src + " " + mag + " " + imp.getDisplayRangeMin() + " " + imp.getDisplayRangeMax();
    }

    /** The window/level text of {@code imp}'s display range, in its calibrated unit (HU on CT). */
    static String windowLevel(ImagePlus imp) {
        Calibration cal = imp.getCalibration();
        return ViewerConventions.windowLevel(cal.getCValue(imp.getDisplayRangeMin()), cal.getCValue(imp.getDisplayRangeMax()));
    }

    /** The annotations for {@code imp} (the series {@code v}) as it is shown now. */
    static List<Roi> build(ImagePlus imp, Volume v) {
        int k = imp.getCurrentSlice() - 1;
        String info = ViewerConventions.slicePosition(v.geometry(), v.width(), v.height(), k, v.depth()) + "\n" + windowLevel(imp);
        return build(imp, ViewerConventions.edges(v.geometry()), v.geometry().spacing()[0], info);
    }

    /**
     * The annotations for an image whose pixels are {@code px} mm wide, whose edges face {@code e}
     * (orientation letters), with {@code info} (lines) at the top left: a series' or a reformat's.
     */
    static List<Roi> build(ImagePlus imp, ViewerConventions.EdgeLabels e, double px, String info) {
        ImageCanvas c = imp.getCanvas();
        Rectangle src = c == null ? new Rectangle(0, 0, imp.getWidth(), imp.getHeight()) : c.getSrcRect();
        return build(imp.getWidth(), imp.getHeight(), src, c == null ? 1 : c.getMagnification(), e, px, info);
    }

    /** {@link #build(ImagePlus, ViewerConventions.EdgeLabels, double, String)} for an image of {@code width} x {@code height} showing {@code src} at {@code mag}. */
    static List<Roi> build(int width, int height, Rectangle src, double mag, ViewerConventions.EdgeLabels e, double px, String info) {
        List<Roi> out = new ArrayList<>();
        float size = OverlayPainter.fontSize(13, mag);
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 13).deriveFont(size);
        Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12).deriveFont(OverlayPainter.fontSize(12, mag));
        double margin = 4 / mag;
        double cx = src.x + src.width / 2.0, cy = src.y + src.height / 2.0;
        double charW = size * 0.7;
        // on a narrow image the info box (top left) reaches the middle: the top letter goes below it
        double infoWidth = plain.getSize2D() * 0.6 * info.indexOf('\n');
        // the info goes right of ImageJ's zoom indicator when ImageJ draws one (it is painted over the overlay);
        // beside it, not below it: below, the three lines of a reformat's info reached its left letter
        Rectangle zoom = zoomIndicator(width, height, src);
        double infoX = zoom == null ? src.x + margin : src.x + (zoom.getMaxX() + 3) / mag;
        double topY = infoX + infoWidth > cx - charW * 1.5 ? src.y + margin + plain.getSize2D() * 2.8 : src.y + margin;
        out.add(text(e.top(), cx - charW * e.top().length() / 2, topY, bold, ORIENTATION, "orientation top"));
        out.add(text(e.bottom(), cx - charW * e.bottom().length() / 2, src.y + src.height - margin - size * 1.4, bold, ORIENTATION,
                "orientation bottom"));
        out.add(text(e.left(), src.x + margin, cy - size * 0.7, bold, ORIENTATION, "orientation left"));
        out.add(text(e.right(), src.x + src.width - margin - charW * e.right().length() - 2 / mag, cy - size * 0.7, bold, ORIENTATION,
                "orientation right"));
        out.add(text(info, infoX, src.y + margin, plain, TEXT, "info"));
        double visibleMm = src.width * px;
        if (visibleMm > 0) {
            double mm = ViewerConventions.scaleBarMm(visibleMm / 4);
            double len = mm / px;
            double x2 = src.x + src.width - 3 * margin, x1 = x2 - len, y = src.y + src.height - 3 * margin;
            Line bar = new Line(x1, y, x2, y);
            bar.setStrokeColor(TEXT);
            bar.setStrokeWidth(Math.max(1, 2 / mag));
            bar.setName(NAME + "scale bar " + ViewerConventions.scaleLabel(mm));
            out.add(bar);
            String label = ViewerConventions.scaleLabel(mm);
            out.add(text(label, x2 - len / 2 - charW * 0.6 * label.length() / 2, y - plain.getSize2D() * 1.6, plain, TEXT, "scale label"));
        }
        return out;
    }

    /**
     * Where ImageJ draws its zoom indicator over an image of {@code width} x {@code height} whose
     * canvas shows {@code src}, in screen pixels of the canvas; null when the whole image shows
     * (ImageJ draws none then). ImageJ 1.54's {@code ImageCanvas.drawZoomIndicator}: two violet
     * (128, 128, 255) outlines, the whole image and the part shown, 10 px from the canvas's top
     * left corner, 64 px along the image's longer side (at least 4 px each way), one pixel wide,
     * drawn after the overlay. The panel's tiling zooms every reformat so (to fill its tile around
     * the pars), and a reader's zoom does it on a series: the viewer's info text, at the same
     * corner, was drawn under it (the "violet rectangles" of the README's screenshot).
     */
    static Rectangle zoomIndicator(int width, int height, Rectangle src) {
        if (src.width >= width && src.height >= height) return null;
        double aspect = height / (double) width;
        int w = 64;
        if (aspect > 1) w = (int) (w / aspect);
        int h = (int) (w * aspect);
        w = Math.max(4, w);
        h = Math.max(4, h);
        return new Rectangle(10, 10, w + 1, h + 1); // (Graphics.drawRect(x, y, w, h) covers w + 1 by h + 1 pixels)
    }

    private static TextRoi text(String s, double x, double y, Font f, Color colour, String what) {
        TextRoi t = new TextRoi(x, y, s, f);
        t.setStrokeColor(colour);
        t.setFillColor(SHADE);
        t.setAntiAlias(true);
        t.setName(NAME + what + ": " + s.replace('\n', '|'));
        return t;
    }
}
