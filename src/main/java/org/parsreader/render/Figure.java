package org.parsreader.render;

import java.awt.Graphics2D;
import java.util.function.Consumer;

/**
 * A figure drawn with Java2D onto any {@link Graphics2D}: an off-screen image for PNG, JFreeSVG's
 * for SVG, PDFBox's for PDF ({@link FigureWriter}). The figure draws in its own coordinates,
 * {@code width x height} units (pixels in the PNG, points in the PDF), and must not assume the
 * background has been cleared.
 */
public interface Figure {
    int width();

    int height();

    void paint(Graphics2D g);

    /** A figure from a size and a drawing function (for plots that draw straight to a Graphics2D). */
    static Figure of(int width, int height, Consumer<Graphics2D> painter) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("figure size " + width + " x " + height + ": needs positive");
        return new Figure() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public void paint(Graphics2D g) {
                painter.accept(g);
            }
        };
    }
}
