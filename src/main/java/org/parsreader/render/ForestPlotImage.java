package org.parsreader.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A forest plot (ratios on a log axis with intervals) drawn off-screen with Java2D and written
 * as PNG. Runs with {@code java.awt.headless=true}: no window, no display. The one place
 * outside the ImageJ package that uses java.awt, and only its off-screen drawing.
 */
public final class ForestPlotImage {
    /**
     * One row: a label, the estimate and its interval (drawn on the log axis), the text beside
     * it, and how it is drawn (dark when highlighted; hollow diamond instead of a square).
     */
    public record Row(String label, double estimate, double lower, double upper, String estimateText, String pText,
                      boolean highlighted, boolean hollowDiamond) {}

    public static final int WIDTH = 1000;
    static final int ROW = 24;
    static final int TOP = 70;
    static final int BOTTOM = 80;
    static final int LABEL_W = 250;
    static final int PLOT_W = 450;
    static final double MIN = 1e-3;
    static final double MAX = 1e3;
    private static final double[] STEPS = {1, 2, 5};
    private static final Color DARK = new Color(20, 50, 120);
    private static final Color GREY = new Color(130, 130, 130);

    private ForestPlotImage() { }

    /** Height of a plot of {@code rows} models. */
    public static int height(int rows) {
        return TOP + Math.max(rows, 1) * ROW + BOTTOM;
    }

    /** The plot as PNG on {@code out} (the caller decides where it goes and how: see {@code util.OutputFiles}). */
    public static void write(List<Row> rows, String title, String legend, OutputStream out) throws IOException {
        // in memory, not ImageIO's default cache file in java.io.tmpdir (another disk that may be full)
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(draw(rows, title, legend), "png", ios)) throw new IOException("no PNG writer available");
        }
    }

    public static BufferedImage draw(List<Row> rows, String title, String legend) {
        BufferedImage img = new BufferedImage(WIDTH, height(rows.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 12, 26);
            Font text = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            g.setFont(text);
            g.drawString("predictor", 12, TOP - 12);
            g.drawString("OR (95 % CI)", LABEL_W + PLOT_W + 30, TOP - 12);
            g.drawString("p (LR)", WIDTH - 70, TOP - 12);
            double[] range = range(rows);
            double lo = Math.log(range[0]);
            double hi = Math.log(range[1]);
            int x0 = LABEL_W + 10;
            java.util.function.DoubleUnaryOperator px = v -> x0 + (Math.log(Math.max(range[0], Math.min(range[1], v))) - lo) / (hi - lo) * PLOT_W;
            int yEnd = TOP + Math.max(rows.size(), 1) * ROW;
            drawAxis(g, range, px, x0, yEnd);
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                double y = TOP + i * ROW + ROW / 2.0;
                boolean significant = r.highlighted();
                g.setColor(Color.BLACK);
                g.drawString(label(r.label(), g.getFontMetrics(), LABEL_W - 20), 12, (float) y + 5);
                g.drawString(r.estimateText(), LABEL_W + PLOT_W + 30, (float) y + 5);
                g.drawString(r.pText(), WIDTH - 70, (float) y + 5);
                g.setColor(significant ? DARK : GREY);
                g.setStroke(new BasicStroke(2f));
                double a = px.applyAsDouble(r.lower());
                double b = px.applyAsDouble(r.upper());
                g.draw(new Line2D.Double(a, y, b, y));
                if (!(r.lower() >= range[0])) arrow(g, a, y, -1);
                if (!(r.upper() <= range[1])) arrow(g, b, y, +1);
                double c = px.applyAsDouble(r.estimate());
                if (r.hollowDiamond()) {
                    Path2D d = new Path2D.Double();
                    d.moveTo(c, y - 7);
                    d.lineTo(c + 7, y);
                    d.lineTo(c, y + 7);
                    d.lineTo(c - 7, y);
                    d.closePath();
                    g.setColor(Color.WHITE);
                    g.fill(d);
                    g.setColor(significant ? DARK : GREY);
                    g.draw(d);
                } else {
                    g.fill(new Rectangle2D.Double(c - 5, y - 5, 10, 10));
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(legend, 12, img.getHeight() - 14);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void drawAxis(Graphics2D g, double[] range, java.util.function.DoubleUnaryOperator px, int x0, int yEnd) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(x0, yEnd + 4, x0 + PLOT_W, yEnd + 4));
        List<Double> ticks = ticks(range);
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks) {
            double x = px.applyAsDouble(t);
            g.draw(new Line2D.Double(x, yEnd + 4, x, yEnd + 9));
            String s = t >= 1 ? String.valueOf((long) t) : String.valueOf(t);
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), yEnd + 24);
        }
        double one = px.applyAsDouble(1);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        g.draw(new Line2D.Double(one, TOP - 4, one, yEnd + 4));
    }

    private static void arrow(Graphics2D g, double x, double y, int dir) {
        Path2D p = new Path2D.Double();
        p.moveTo(x + dir * 8, y);
        p.lineTo(x, y - 5);
        p.lineTo(x, y + 5);
        p.closePath();
        g.fill(p);
    }

    /** Axis range: the decades around every finite limit and 1, within [0.001, 1000]. */
    public static double[] range(List<Row> rows) {
        double lo = 1, hi = 1;
        for (Row r : rows) {
            for (double v : new double[] {r.lower(), r.upper(), r.estimate()}) {
                if (v > 0 && Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
            }
        }
        lo = Math.max(MIN, Math.pow(10, Math.floor(Math.log10(lo) + 1e-9)));
        hi = Math.min(MAX, Math.pow(10, Math.ceil(Math.log10(hi) - 1e-9)));
        if (lo == hi) hi = lo * 10;
        return new double[] {lo, hi};
    }

    /** 1-2-5 ticks when the range spans at most 2 decades, decades otherwise. */
    public static List<Double> ticks(double[] range) {
        int decades = (int) Math.round(Math.log10(range[1] / range[0]));
        List<Double> out = new ArrayList<>();
        for (int e = (int) Math.round(Math.log10(range[0])); e <= Math.round(Math.log10(range[1])); e++) {
            for (double s : decades <= 2 ? STEPS : new double[] {1}) {
                double t = s * Math.pow(10, e);
                t = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", t));
                if (t >= range[0] * 0.999 && t <= range[1] * 1.001) out.add(t);
            }
        }
        return out;
    }

    private static String label(String s, FontMetrics fm, int max) {
        if (fm.stringWidth(s) <= max) return s;
        String t = s;
        while (t.length() > 3 && fm.stringWidth(t + "...") > max) t = t.substring(0, t.length() - 1);
        return t + "...";
    }
}
