package org.parsreader.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;

/**
 * Means with intervals over ordered categories (time points), one line per group, groups set
 * slightly apart so their intervals do not hide each other; a {@link Figure}. Domain-free.
 */
public final class LinePlotImage implements Figure {
    /** A group's mean and interval per category (NaN where nobody was measured) and its legend text. */
    public record Series(String label, double[] mean, double[] lower, double[] upper) {}

    static final int W = 780;
    static final int H = 440;
    static final int LEFT = 70;
    static final int RIGHT = 260;
    static final int TOP = 50;
    static final int BOTTOM = 80;
    private static final Color[] COLORS = {new Color(60, 60, 60), new Color(20, 90, 170), new Color(215, 110, 20), new Color(40, 140, 60)};

    private final String title;
    private final List<String> categories;
    private final List<Series> series;
    private final double yMin;
    private final double yMax;
    private final String yLabel;
    private final String note;

    public LinePlotImage(String title, List<String> categories, List<Series> series, double yMin, double yMax, String yLabel, String note) {
        this.title = title;
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        this.yMin = yMin;
        this.yMax = yMax;
        this.yLabel = yLabel;
        this.note = note;
    }

    @Override
    public int width() {
        return W;
    }

    @Override
    public int height() {
        return H;
    }

    /** The x of category {@code i} for series {@code s} (groups set apart by 8 units). */
    double x(int i, int s) {
        double plotW = W - LEFT - RIGHT;
        double step = plotW / Math.max(categories.size(), 1);
        return LEFT + step * (i + 0.5) + (s - (series.size() - 1) / 2.0) * 8;
    }

    double y(double v) {
        return TOP + (yMax - v) / (yMax - yMin) * (H - TOP - BOTTOM);
    }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 12, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int x1 = W - RIGHT;
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(LEFT, y(yMin), x1, y(yMin)));
        g.draw(new Line2D.Double(LEFT, y(yMin), LEFT, y(yMax)));
        for (double t = yMin; t <= yMax + 1e-9; t += yStep()) {
            String s = t == Math.rint(t) ? String.valueOf((long) t) : String.format(Locale.ROOT, "%.1f", t);
            g.setColor(new Color(225, 225, 225));
            if (t > yMin) g.draw(new Line2D.Double(LEFT + 1, y(t), x1, y(t)));
            g.setColor(Color.BLACK);
            g.draw(new Line2D.Double(LEFT - 5, y(t), LEFT, y(t)));
            g.drawString(s, LEFT - 8 - fm.stringWidth(s), (float) y(t) + 4);
        }
        for (int i = 0; i < categories.size(); i++) {
            String c = categories.get(i);
            g.drawString(c, (float) (x(i, (series.size() - 1) / 2) - fm.stringWidth(c) / 2.0 + (series.size() % 2 == 0 ? 4 : 0)), (float) y(yMin) + 20);
        }
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        r.drawString(yLabel, (float) -(y(yMax) + y(yMin)) / 2 - fm.stringWidth(yLabel) / 2f, 22);
        r.dispose();
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            Color col = COLORS[s % COLORS.length];
            g.setColor(col);
            g.setStroke(new BasicStroke(2f));
            Path2D line = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < categories.size(); i++) {
                if (Double.isNaN(se.mean()[i])) { started = false; continue; }
                if (!started) line.moveTo(x(i, s), y(se.mean()[i]));
                else line.lineTo(x(i, s), y(se.mean()[i]));
                started = true;
            }
            g.draw(line);
            g.setStroke(new BasicStroke(1.5f));
            for (int i = 0; i < categories.size(); i++) {
                if (Double.isNaN(se.mean()[i])) continue;
                double xi = x(i, s);
                if (!Double.isNaN(se.lower()[i]) && !Double.isNaN(se.upper()[i])) {
                    g.draw(new Line2D.Double(xi, y(se.lower()[i]), xi, y(se.upper()[i])));
                    g.draw(new Line2D.Double(xi - 4, y(se.lower()[i]), xi + 4, y(se.lower()[i])));
                    g.draw(new Line2D.Double(xi - 4, y(se.upper()[i]), xi + 4, y(se.upper()[i])));
                }
                g.fill(new Ellipse2D.Double(xi - 4, y(se.mean()[i]) - 4, 8, 8));
            }
            int ly = TOP + 10 + s * 20;
            g.setStroke(new BasicStroke(2f));
            g.draw(new Line2D.Double(x1 + 20, ly, x1 + 44, ly));
            g.fill(new Ellipse2D.Double(x1 + 28, ly - 4, 8, 8));
            g.setColor(Color.BLACK);
            g.drawString(se.label(), x1 + 50, ly + 4);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(note, 12, H - 14);
    }

    private double yStep() {
        double span = yMax - yMin;
        return span <= 10 ? 1 : span <= 20 ? 2 : span <= 50 ? 5 : 10;
    }
}
