package org.parsreader.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A forest plot (ratios on a log axis with intervals, rows in headed groups) drawn with Java2D
 * from a {@link ForestLayout}; a {@link Figure}, so {@link FigureWriter} writes it as PNG, SVG or
 * PDF. Headless.
 */
public final class ForestPlotImage implements Figure {
    /**
     * One row: a label, the estimate and its interval (drawn on the log axis), the text beside
     * it, and how it is drawn (dark when highlighted; hollow diamond instead of a square).
     */
    public record Row(String label, double estimate, double lower, double upper, String estimateText, String pText,
                      boolean highlighted, boolean hollowDiamond) {}

    public static final int WIDTH = 1000;
    static final int ROW = 22;
    static final int TOP = 70;
    /** Ticks, axis title and a gap before the notes (the axis title's descenders touched the first note at 56). */
    static final int BOTTOM = 64;
    static final int NOTE = 16;
    static final int LABEL_W = 360;
    static final int PLOT_W = 370;
    static final int TEXT_X = LABEL_W + PLOT_W + 40;
    static final int P_X = WIDTH - 70;
    private static final Color DARK = new Color(20, 50, 120);
    private static final Color GREY = new Color(130, 130, 130);
    private static final Color BAND = new Color(244, 246, 250);

    private final ForestLayout layout;
    private final String title;
    private final List<String> notes;

    /**
     * @param notes lines under the axis (the legend); the layout's clipping footnote is added
     */
    public ForestPlotImage(ForestLayout layout, String title, List<String> notes) {
        this.layout = layout;
        this.title = title;
        List<String> n = new ArrayList<>(notes);
        if (!layout.footnote().isEmpty()) n.add(layout.footnote());
        this.notes = List.copyOf(n);
    }

    /** One ungrouped plot (no headings). */
    public ForestPlotImage(List<Row> rows, String title, String legend) {
        this(ForestLayout.of(List.of(new ForestLayout.Group("", rows))), title, List.of(legend));
    }

    public ForestLayout layout() {
        return layout;
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return TOP + Math.max(layout.lines().size(), 1) * ROW + BOTTOM + notes.size() * NOTE;
    }

    /** The plot as PNG on {@code out} (the caller decides where it goes: see {@code util.OutputFiles}). */
    public static void write(List<Row> rows, String title, String legend, OutputStream out) throws IOException {
        FigureWriter.write(new ForestPlotImage(rows, title, legend), FigureFormat.PNG, out);
    }

    @Override
    public void paint(Graphics2D g) {
        Font text = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 12);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 12, 26);
        g.setFont(bold);
        g.drawString("Predictor", 12, TOP - 12);
        g.drawString("OR (95 % CI)", TEXT_X, TOP - 12);
        g.drawString("p", P_X, TOP - 12);
        g.setFont(text);
        double lo = Math.log(layout.lo());
        double hi = Math.log(layout.hi());
        int x0 = LABEL_W + 10;
        java.util.function.DoubleUnaryOperator px = v -> x0 + (Math.log(Math.max(layout.lo(), Math.min(layout.hi(), v))) - lo) / (hi - lo) * PLOT_W;
        int yEnd = TOP + Math.max(layout.lines().size(), 1) * ROW;
        for (int i = 0; i < layout.lines().size(); i++) {
            ForestLayout.Line line = layout.lines().get(i);
            if (i % 2 == 1 && !line.isHeading()) {
                g.setColor(BAND);
                g.fill(new Rectangle2D.Double(6, TOP + i * ROW, WIDTH - 12, ROW));
            }
        }
        drawAxis(g, px, x0, yEnd);
        for (int i = 0; i < layout.lines().size(); i++) {
            ForestLayout.Line line = layout.lines().get(i);
            double y = TOP + i * ROW + ROW / 2.0;
            if (line.isHeading()) {
                g.setColor(Color.BLACK);
                g.setFont(bold);
                g.drawString(line.heading(), 12, (float) y + 5);
                g.setFont(text);
                continue;
            }
            Row r = line.row();
            g.setColor(Color.BLACK);
            g.drawString(label(r.label(), g.getFontMetrics(), LABEL_W - 30), 24, (float) y + 4);
            g.drawString(r.estimateText(), TEXT_X, (float) y + 4);
            g.drawString(r.pText(), P_X, (float) y + 4);
            g.setColor(r.highlighted() ? DARK : GREY);
            g.setStroke(new BasicStroke(2f));
            double a = px.applyAsDouble(r.lower());
            double b = px.applyAsDouble(r.upper());
            if (Double.isFinite(a) && Double.isFinite(b)) g.draw(new Line2D.Double(a, y, b, y));
            if (line.cutLow()) arrow(g, a, y, -1);
            if (line.cutHigh()) arrow(g, b, y, +1);
            double c = px.applyAsDouble(r.estimate());
            if (r.hollowDiamond()) {
                Path2D d = new Path2D.Double();
                d.moveTo(c, y - 6);
                d.lineTo(c + 6, y);
                d.lineTo(c, y + 6);
                d.lineTo(c - 6, y);
                d.closePath();
                g.setColor(Color.WHITE);
                g.fill(d);
                g.setColor(r.highlighted() ? DARK : GREY);
                g.draw(d);
            } else {
                g.fill(new Rectangle2D.Double(c - 4.5, y - 4.5, 9, 9));
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int y = yEnd + 54;
        for (String n : notes) {
            g.drawString(n, 12, y);
            y += NOTE;
        }
    }

    private void drawAxis(Graphics2D g, java.util.function.DoubleUnaryOperator px, int x0, int yEnd) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(x0, yEnd + 4, x0 + PLOT_W, yEnd + 4));
        FontMetrics fm = g.getFontMetrics();
        for (double t : layout.ticks()) {
            double x = px.applyAsDouble(t);
            g.draw(new Line2D.Double(x, yEnd + 4, x, yEnd + 9));
            String s = ForestLayout.tick(t);
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), yEnd + 22);
        }
        String axis = "odds ratio (log scale)";
        g.drawString(axis, (float) (x0 + PLOT_W / 2.0 - fm.stringWidth(axis) / 2.0), yEnd + 36);
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

    private static String label(String s, FontMetrics fm, int max) {
        if (fm.stringWidth(s) <= max) return s;
        String t = s;
        while (t.length() > 3 && fm.stringWidth(t + "...") > max) t = t.substring(0, t.length() - 1);
        return t + "...";
    }
}
