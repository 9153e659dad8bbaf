package org.parsreader.render;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * Writes a {@link Figure} as PNG (Java2D off-screen), SVG (JFreeSVG) or PDF (PDFBox 3 through
 * pdfbox-graphics2d), on a stream; the caller decides where it goes ({@code util.OutputFiles}
 * writes files whole or not at all). Text stays text in SVG and PDF (PDF: the standard Helvetica
 * fonts), so both can be searched and their labels tested. Headless.
 */
public final class FigureWriter {
    /** PNG pixels per figure unit: 1 keeps PNGs the size they always had. */
    private static final int PNG_SCALE = 1;

    /**
     * PDFBox warns on every PDF ("Using fallback font LiberationSans for base font Helvetica") where
     * the system has no Helvetica: it measures the text with a look-alike, and the PDF still names
     * Helvetica, which every reader has. Held here so the setting is not collected with the logger.
     */
    private static final java.util.logging.Logger PDFBOX_FONTS =
            java.util.logging.Logger.getLogger(org.apache.pdfbox.pdmodel.font.PDType1Font.class.getPackageName());

    static {
        PDFBOX_FONTS.setLevel(java.util.logging.Level.SEVERE);
    }

    private FigureWriter() { }

    public static void write(Figure f, FigureFormat format, OutputStream out) throws IOException {
        switch (format) {
            case PNG -> png(f, out);
            case SVG -> out.write(svg(f).getBytes(StandardCharsets.UTF_8));
            case PDF -> pdf(f, out);
        }
    }

    /** The figure drawn on a white image, antialiased. */
    public static BufferedImage image(Figure f) {
        BufferedImage img = new BufferedImage(f.width() * PNG_SCALE, f.height() * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(PNG_SCALE, PNG_SCALE);
            hints(g);
            background(g, f);
            f.paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    static void png(Figure f, OutputStream out) throws IOException {
        // in memory, not ImageIO's default cache file in java.io.tmpdir (another disk that may be full)
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image(f), "png", ios)) throw new IOException("no PNG writer available");
        }
    }

    /** The figure as a standalone SVG document (also fit to be inlined in HTML). */
    public static String svg(Figure f) {
        SVGGraphics2D g = new SVGGraphics2D(f.width(), f.height());
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        hints(g);
        background(g, f);
        f.paint(g);
        g.dispose();
        return g.getSVGDocument();
    }

    /** The figure as the SVG element alone (no XML declaration), for inlining in HTML. */
    public static String svgElement(Figure f) {
        SVGGraphics2D g = new SVGGraphics2D(f.width(), f.height());
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        hints(g);
        background(g, f);
        f.paint(g);
        g.dispose();
        return g.getSVGElement();
    }

    static void pdf(Figure f, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(f.width(), f.height()));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, f.width(), f.height());
            try {
                // text as text in Helvetica (searchable, small files), not as outlines
                g.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawerDefaultFonts());
                hints(g);
                background(g, f);
                f.paint(g);
            } finally {
                g.dispose();
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(g.getXFormObject());
            }
            // the file identifier from the drawing itself, not PDFBox's default (time based): the same figure gives the same bytes,
            // so a report can be checked, compared or rebuilt exactly
            try (java.io.InputStream in = g.getXFormObject().getContents()) {
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
                byte[] id = md.digest(in.readAllBytes());
                org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
                ids.add(new org.apache.pdfbox.cos.COSString(id));
                ids.add(new org.apache.pdfbox.cos.COSString(id));
                doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is part of every Java platform", e);
            }
            doc.save(out);
        }
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    private static void background(Graphics2D g, Figure f) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, f.width(), f.height());
        g.setColor(Color.BLACK);
    }
}
