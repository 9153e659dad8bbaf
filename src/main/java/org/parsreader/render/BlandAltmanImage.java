package org.parsreader.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Bland-Altman plot drawn off-screen with Java2D: the mean of two readers (x) against their
 * difference (y), the bias and the 95 % limits of agreement as horizontal lines, each with its
 * confidence interval as a shaded band when given. {@link #figure(Plot)} is the plot as a
 * {@link Figure} of {@link #WIDTH} x {@link #HEIGHT}, so {@link FigureWriter} writes it as PNG, SVG
 * or PDF like the forest plots; {@link #write} writes PNG. Headless, domain-free.
 *
 * <pre>{@code
 * FigureWriter.write(BlandAltmanImage.figure(new BlandAltmanImage.Plot("gap width, R1 vs R2", "mean of R1 and R2 (mm)",
 *         "R1 - R2 (mm)", means, diffs, bias, lo, hi, biasCi, loCi, hiCi, "n = 120 places")), FigureFormat.SVG, out);
 * }</pre>
 */
public final class BlandAltmanImage {
    /**
     * What to draw. The three intervals are {lower, upper} or null (no band).
     *
     * @param footer a line of text under the plot (n, how the intervals were made)
     */
    public record Plot(String title, String xLabel, String yLabel, double[] means, double[] differences, double bias,
                       double lowerLimit, double upperLimit, double[] biasInterval, double[] lowerLimitInterval,
                       double[] upperLimitInterval, String footer) { }

    public static final int WIDTH = 900;
    public static final int HEIGHT = 620;
    static final int LEFT = 90;
    static final int RIGHT = 170;
    static final int TOP = 60;
    static final int BOTTOM = 95;
    private static final Color POINT = new Color(20, 50, 120, 150);
    private static final Color BIAS = new Color(20, 50, 120);
    private static final Color LIMIT = new Color(170, 40, 40);
    private static final Color BAND_BIAS = new Color(20, 50, 120, 40);
    private static final Color BAND_LIMIT = new Color(170, 40, 40, 40);

    private BlandAltmanImage() { }

    /** The plot as PNG on {@code out} (the caller decides where it goes: see {@code util.OutputFiles}). */
    public static void write(Plot p, OutputStream out) throws IOException {
        FigureWriter.write(figure(p), FigureFormat.PNG, out);
    }

    /** The plot as a figure, for {@link FigureWriter} (PNG, SVG, PDF). */
    public static Figure figure(Plot p) {
        return Figure.of(WIDTH, HEIGHT, g -> draw(g, p));
    }

    /** Paints the whole plot, background included, on {@code g} in a WIDTH x HEIGHT area at the origin. */
    public static void draw(Graphics2D g, Plot p) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(p.title(), 12, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        double[] xr = range(p.means(), new double[0]);
        List<Double> ys = new ArrayList<>(List.of(p.bias(), p.lowerLimit(), p.upperLimit(), 0.0));
        for (double[] iv : new double[][] {p.biasInterval(), p.lowerLimitInterval(), p.upperLimitInterval()}) {
            if (iv != null) for (double v : iv) ys.add(v);
        }
        double[] yr = range(p.differences(), ys.stream().mapToDouble(Double::doubleValue).toArray());
        int x0 = LEFT;
        int x1 = WIDTH - RIGHT;
        int y0 = HEIGHT - BOTTOM;
        int y1 = TOP;
        java.util.function.DoubleUnaryOperator px = v -> x0 + (v - xr[0]) / (xr[1] - xr[0]) * (x1 - x0);
        java.util.function.DoubleUnaryOperator py = v -> y0 - (v - yr[0]) / (yr[1] - yr[0]) * (y0 - y1);
        // bands first, under everything
        band(g, p.biasInterval(), py, x0, x1, BAND_BIAS);
        band(g, p.lowerLimitInterval(), py, x0, x1, BAND_LIMIT);
        band(g, p.upperLimitInterval(), py, x0, x1, BAND_LIMIT);
        axes(g, xr, yr, px, py, x0, x1, y0, y1);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        if (yr[0] < 0 && yr[1] > 0) g.draw(new Line2D.Double(x0, py.applyAsDouble(0), x1, py.applyAsDouble(0)));
        g.setColor(POINT);
        for (int i = 0; i < p.means().length; i++) {
            double x = px.applyAsDouble(p.means()[i]);
            double y = py.applyAsDouble(p.differences()[i]);
            g.fill(new Ellipse2D.Double(x - 3.5, y - 3.5, 7, 7));
        }
        line(g, p.upperLimit(), py, x0, x1, LIMIT, true);
        line(g, p.bias(), py, x0, x1, BIAS, false);
        line(g, p.lowerLimit(), py, x0, x1, LIMIT, true);
        // the three labels right of the plot, top to bottom, moved apart where the lines are close
        double[] at = labelBaselines(new double[] {py.applyAsDouble(p.upperLimit()), py.applyAsDouble(p.bias()), py.applyAsDouble(p.lowerLimit())});
        String[] text = {"+1.96 SD " + num(p.upperLimit()), "bias " + num(p.bias()), "-1.96 SD " + num(p.lowerLimit())};
        Color[] colour = {LIMIT, BIAS, LIMIT};
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i < 3; i++) {
            if (!Double.isFinite(at[i])) continue;
            g.setColor(colour[i]);
            g.drawString(text[i], x1 + 8, (float) at[i]);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(p.xLabel(), (float) ((x0 + x1 - fm.stringWidth(p.xLabel())) / 2.0), y0 + 42);
        java.awt.geom.AffineTransform t = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(p.yLabel(), (float) -((y0 + y1 + fm.stringWidth(p.yLabel())) / 2.0), 22f);
        g.setTransform(t);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(p.footer(), 12, HEIGHT - 16);
    }

    private static void band(Graphics2D g, double[] iv, java.util.function.DoubleUnaryOperator py, int x0, int x1, Color c) {
        if (iv == null || !Double.isFinite(iv[0]) || !Double.isFinite(iv[1])) return;
        double a = py.applyAsDouble(Math.max(iv[0], iv[1]));
        double b = py.applyAsDouble(Math.min(iv[0], iv[1]));
        g.setColor(c);
        g.fill(new Rectangle2D.Double(x0, a, x1 - x0, Math.max(1, b - a)));
    }

    /** Least distance in pixels between the baselines of two line labels (13-point text). */
    static final double LABEL_GAP = 15;

    /**
     * Baselines of the labels of lines at pixel rows {@code ys} (upper limit, bias, lower limit:
     * top to bottom; NaN for a line not drawn): 5 px under each line, pushed apart to at least
     * {@link #LABEL_GAP} so that close lines (a bias near a limit) keep readable labels.
     */
    static double[] labelBaselines(double[] ys) {
        double[] out = new double[ys.length];
        double prev = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ys.length; i++) {
            if (!Double.isFinite(ys[i])) { out[i] = Double.NaN; continue; }
            out[i] = Math.max(ys[i] + 5, prev + LABEL_GAP);
            prev = out[i];
        }
        // pushed past the bottom of the figure: shift the whole run back up
        double over = prev - (HEIGHT - BOTTOM + 20);
        if (over > 0) for (int i = 0; i < out.length; i++) if (Double.isFinite(out[i])) out[i] -= over;
        return out;
    }

    private static void line(Graphics2D g, double v, java.util.function.DoubleUnaryOperator py, int x0, int x1, Color c,
                             boolean dashed) {
        if (!Double.isFinite(v)) return;
        double y = py.applyAsDouble(v);
        g.setColor(c);
        g.setStroke(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f)
                : new BasicStroke(2f));
        g.draw(new Line2D.Double(x0, y, x1, y));
    }

    private static void axes(Graphics2D g, double[] xr, double[] yr, java.util.function.DoubleUnaryOperator px,
                             java.util.function.DoubleUnaryOperator py, int x0, int x1, int y0, int y1) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(x0, y1, x1 - x0, y0 - y1));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(xr)) {
            double x = px.applyAsDouble(t);
            g.draw(new Line2D.Double(x, y0, x, y0 + 5));
            String s = num(t);
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), y0 + 20);
        }
        for (double t : ticks(yr)) {
            double y = py.applyAsDouble(t);
            g.draw(new Line2D.Double(x0 - 5, y, x0, y));
            String s = num(t);
            g.drawString(s, x0 - 8 - fm.stringWidth(s), (float) y + 4);
        }
    }

    /** Data range with 5 % margins on each side (and a unit width when all values are equal). */
    static double[] range(double[] values, double[] extra) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : new double[][] {values, extra}) {
            for (double v : a) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        }
        if (!(lo <= hi)) return new double[] {-1, 1};
        if (hi - lo < 1e-12) { lo -= 0.5; hi += 0.5; }
        double m = 0.05 * (hi - lo);
        return new double[] {lo - m, hi + m};
    }

    /** About 5-8 ticks at 1, 2 or 5 times a power of ten. */
    static List<Double> ticks(double[] r) {
        double raw = (r[1] - r[0]) / 6;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / p < 1.5 ? p : raw / p < 3.5 ? 2 * p : raw / p < 7.5 ? 5 * p : 10 * p;
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(r[0] / step) * step; t <= r[1] + 1e-9 * step; t += step) out.add(Math.abs(t) < 1e-9 * step ? 0 : t);
        return out;
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains("e")) return s;
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
