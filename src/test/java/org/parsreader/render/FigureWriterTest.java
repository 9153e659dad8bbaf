package org.parsreader.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** One figure, three formats: the SVG is XML with its text, the PDF opens and has its text, the PNG decodes. */
class FigureWriterTest {
    static final Figure FIGURE = Figure.of(300, 120, g -> {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("Isthmic edema (yes vs no) < & >", 10, 30);
        g.drawLine(10, 60, 290, 60);
    });

    static byte[] bytes(Figure f, FigureFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FigureWriter.write(f, format, out);
        return out.toByteArray();
    }

    static Document xml(byte[] svg) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        // JFreeSVG names the SVG 1.1 DTD; parse without fetching it
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void svgIsXmlWithTheTextAndSize() throws Exception {
        Document d = xml(bytes(FIGURE, FigureFormat.SVG));
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(d.getDocumentElement().getAttribute("width")).isIn("300", "300.0");
        assertThat(d.getDocumentElement().getTextContent()).contains("Isthmic edema (yes vs no) < & >");
        assertThat(FigureWriter.svgElement(FIGURE)).startsWith("<svg").doesNotContain("<?xml");
    }

    @Test
    void pdfOpensWithOnePageOfTheFigureSizeAndItsText() throws Exception {
        byte[] pdf = bytes(FIGURE, FigureFormat.PDF);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(300f);
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isEqualTo(120f);
        }
        assertThat(pdfText(pdf)).contains("Isthmic edema (yes vs no) < & >");
    }

    @Test
    void pngDecodesAtTheFigureSize() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes(FIGURE, FigureFormat.PNG)));
        assertThat(img.getWidth()).isEqualTo(300);
        assertThat(img.getHeight()).isEqualTo(120);
        assertThat(img.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(img.getRGB(150, 60) & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
    }

    @Test
    void aFigureNeedsAPositiveSize() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Figure.of(0, 10, g -> { }))
                .hasMessageContaining("0 x 10");
        assertThat(new String(new byte[0], StandardCharsets.UTF_8)).isEmpty();
    }
}
