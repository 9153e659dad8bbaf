package org.parsreader.ij.panel;

import ij.gui.Line;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.process.FloatPolygon;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.reformat.PlaneMapping;

/**
 * The reader's stored ROIs on a reformat viewer (issue 12 point 3): those of the reformatted
 * volume's frame of reference that lie in the plane shown (their centre within half a plane step,
 * every point within one and a half), drawn in their tool's colour with their measure beside them:
 * a line its length in mm (between its stored patient points), a polygon the mean of the
 * reformatted plane's pixels it encloses, in the volume's unit (HU on CT: the planes are
 * calibrated). Pixel conventions as {@link org.parsreader.ij.ImageRois} reads a reformat's
 * selections: a line's or a point's coordinates are pixel centres, a polygon's are corners.
 */
final class ReformatRois {
    private ReformatRois() {}

    /**
     * @param m        the reformat's planes
     * @param k        the plane shown (0-based)
     * @param pixels   its calibrated pixels ({@code width} wide; NaN outside the volume)
     * @param frame    the reformatted volume's frame of reference UID
     * @param unit     its unit ("HU")
     * @param avoid    where the viewer's own text is (image pixels): the measure labels keep off it
     */
    static List<Roi> build(PlaneMapping m, int k, float[] pixels, int width, FindingsDocument doc, ReadingTemplate template, String frame,
            String unit, double magnification, List<java.awt.Rectangle> avoid) {
        List<Roi> out = new ArrayList<>();
        if (frame == null || frame.isEmpty()) return out;
        int height = pixels.length / Math.max(1, width);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11).deriveFont(OverlayPainter.fontSize(11, magnification));
        List<java.awt.Rectangle> labels = new ArrayList<>(avoid); // the viewer's text, then the measure labels placed on this plane
        for (FindingsDocument.Roi roi : doc.rois()) {
            if (!frame.equals(roi.frameOfReferenceUid()) || roi.type() == FindingsDocument.RoiType.MASK3D) continue;
            List<double[]> pts = roi.points();
            if (pts == null || pts.isEmpty()) continue;
            double[] centre = new double[3];
            for (double[] p : pts) for (int a = 0; a < 3; a++) centre[a] += p[a] / pts.size();
            if (Math.abs(m.toPixel(centre)[2] - k) > 0.5 + 1e-6) continue;
            float[] xs = new float[pts.size()], ys = new float[pts.size()];
            boolean on = true;
            for (int n = 0; n < pts.size(); n++) {
                double[] xyk = m.toPixel(pts.get(n));
                if (Math.abs(xyk[2] - k) > 1.5) on = false;
                xs[n] = (float) xyk[0];
                ys[n] = (float) xyk[1];
            }
            if (!on) continue;
            Color colour = OverlayPainter.colour(template, roi);
            String name = OverlayPainter.PREFIX + "roi " + roi.id() + " " + roi.finding() + (roi.level() == null ? "" : " " + roi.level())
                    + (roi.side() == null ? "" : " " + roi.side().label());
            Roi shape;
            String measure = null;
            switch (roi.type()) {
                case POINT -> {
                    PointRoi p = new PointRoi(xs[0], ys[0]);
                    p.setPointType(PointRoi.CROSSHAIR);
                    p.setSize(3);
                    shape = p;
                }
                case LINE -> {
                    if (pts.size() < 2) continue;
                    shape = new Line(xs[0], ys[0], xs[1], ys[1]);
                    double[] a = pts.get(0), b = pts.get(1);
                    measure = String.format(Locale.ROOT, "%.1f mm", Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2])));
                }
                default -> {
                    float[] cx = new float[xs.length], cy = new float[ys.length];
                    for (int n = 0; n < xs.length; n++) {
                        cx[n] = xs[n] + 0.5f;
                        cy[n] = ys[n] + 0.5f;
                    }
                    shape = new PolygonRoi(new FloatPolygon(cx, cy), Roi.POLYGON);
                    double mean = mean(shape, pixels, width, height);
                    if (!Double.isNaN(mean)) measure = String.format(Locale.ROOT, "mean %.1f%s", mean, unit == null || unit.isBlank() ? "" : " " + unit);
                }
            }
            shape.setStrokeColor(colour);
            shape.setStrokeWidth(1.5);
            shape.setName(name);
            out.add(shape);
            if (measure != null) {
                TextRoi t = OverlayPainter.measureLabel(shape, measure, font, colour, width, height, 0, labels);
                t.setName(name + " measure: " + measure);
                out.add(t);
            }
        }
        return out;
    }

    /** The mean of the pixels {@code shape} contains (ImageJ's own mask: pixel centres inside), NaN ones (outside the volume) left out. */
    static double mean(Roi shape, float[] pixels, int width, int height) {
        double sum = 0;
        long n = 0;
        for (java.awt.Point p : shape.getContainedPoints()) {
            if (p.x < 0 || p.y < 0 || p.x >= width || p.y >= height) continue;
            float v = pixels[p.y * width + p.x];
            if (Float.isNaN(v)) continue;
            sum += v;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
