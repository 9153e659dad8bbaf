package org.parsreader.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The Bland-Altman plot: a readable PNG of the stated size, lines where the numbers say, no failure on degenerate data. */
class BlandAltmanImageTest {
    static BufferedImage png(BlandAltmanImage.Plot p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BlandAltmanImage.write(p, out);
        return ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void drawsPointsLinesAndBands() throws Exception {
        double[] means = {1, 2, 3, 4, 5};
        double[] diffs = {-0.2, 0.1, 0.3, -0.1, 0.0};
        BufferedImage img = png(new BlandAltmanImage.Plot("width: R1 vs R2", "mean", "R1 - R2", means, diffs, 0.02, -0.4, 0.44,
                new double[] {-0.1, 0.14}, new double[] {-0.6, -0.2}, new double[] {0.24, 0.64}, "n = 5"));
        assertThat(img.getWidth()).isEqualTo(BlandAltmanImage.WIDTH);
        assertThat(img.getHeight()).isEqualTo(BlandAltmanImage.HEIGHT);
        // the upper limit's dashed red line crosses the middle of the plot area somewhere in its row
        boolean red = false;
        for (int y = BlandAltmanImage.TOP; y < BlandAltmanImage.HEIGHT - BlandAltmanImage.BOTTOM && !red; y++) {
            int rgb = img.getRGB(BlandAltmanImage.LEFT + 5, y);
            red = ((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 80;
        }
        assertThat(red).as("a limit line in red").isTrue();
    }

    /** Like the forest plot's: the SVG is XML carrying title, axis labels, line labels and footer as text; the PDF has the same text. */
    @Test
    void svgAndPdfCarryTheLabelsAsText() throws Exception {
        BlandAltmanImage.Plot p = new BlandAltmanImage.Plot("gap_width_mm: R1 vs R2 (finding)", "mean of R1 and R2", "R1 - R2",
                new double[] {1, 2, 3, 4}, new double[] {-0.2, 0.1, 0.3, -0.1}, 0.025, -0.41, 0.46, new double[] {-0.1, 0.15},
                new double[] {-0.6, -0.2}, new double[] {0.25, 0.66}, "n = 4 places (level, side) of 2 patients");
        Figure f = BlandAltmanImage.figure(p);
        assertThat(f.width()).isEqualTo(BlandAltmanImage.WIDTH);
        assertThat(f.height()).isEqualTo(BlandAltmanImage.HEIGHT);
        org.w3c.dom.Document svg = FigureWriterTest.xml(FigureWriterTest.bytes(f, FigureFormat.SVG));
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getAttribute("width")).isIn("900", "900.0");
        String[] labels = {"gap_width_mm: R1 vs R2 (finding)", "mean of R1 and R2", "bias 0.025", "+1.96 SD 0.46",
            "-1.96 SD -0.41", "n = 4 places (level, side) of 2 patients"};
        assertThat(svg.getDocumentElement().getTextContent()).contains(labels).contains("R1 - R2");
        String pdf = FigureWriterTest.pdfText(FigureWriterTest.bytes(f, FigureFormat.PDF));
        assertThat(pdf).contains(labels);
        // the rotated y label is in the PDF as text too; PDFBox's text stripper gives rotated text one glyph a line
        assertThat(pdf.replaceAll("\\s", "")).contains("R1-R2");
    }

    @Test
    void identicalDifferencesAndNoBandsStillDraw() throws Exception {
        BufferedImage img = png(new BlandAltmanImage.Plot("t", "x", "y", new double[] {2, 2}, new double[] {0, 0}, 0, 0, 0, null, null,
                new double[] {Double.NaN, Double.NaN}, ""));
        assertThat(img.getWidth()).isEqualTo(BlandAltmanImage.WIDTH);
    }

    @Test
    void labelsOfCloseLinesAreMovedApart() {
        double[] at = BlandAltmanImage.labelBaselines(new double[] {200, 203, 400});
        assertThat(at[0]).isEqualTo(205);
        assertThat(at[1] - at[0]).isGreaterThanOrEqualTo(BlandAltmanImage.LABEL_GAP);
        assertThat(at[2]).isEqualTo(405);
        double[] low = BlandAltmanImage.labelBaselines(new double[] {BlandAltmanImage.HEIGHT - 100, BlandAltmanImage.HEIGHT - 99, Double.NaN});
        assertThat(low[1] - low[0]).isGreaterThanOrEqualTo(BlandAltmanImage.LABEL_GAP);
        assertThat(low[1]).isLessThan(BlandAltmanImage.HEIGHT - 20);
        assertThat(low[2]).isNaN();
    }

    @Test
    void ticksAreRoundNumbersInsideTheRange() {
        List<Double> t = BlandAltmanImage.ticks(new double[] {-0.83, 0.71});
        assertThat(t).contains(-0.8, 0.0, 0.6).allSatisfy(v -> assertThat(v).isBetween(-0.83, 0.71));
        assertThat(BlandAltmanImage.range(new double[] {3, 3}, new double[0])).containsExactly(2.45, 3.55);
    }
}
