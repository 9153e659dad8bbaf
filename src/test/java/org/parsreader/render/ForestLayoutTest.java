package org.parsreader.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The forest plot's layout model: axis range, cut intervals with arrows, headings, footnote. */
class ForestLayoutTest {
    static ForestPlotImage.Row row(String label, double est, double lo, double hi) {
        return new ForestPlotImage.Row(label, est, lo, hi, "", "", false, false);
    }

    @Test
    void oneVeryWideFirthIntervalIsCutWithArrowsAndDoesNotSetTheAxis() {
        List<ForestPlotImage.Row> mri = List.of(row("a", 1.5, 0.8, 2.8), row("b", 0.7, 0.4, 1.2));
        List<ForestPlotImage.Row> injection = List.of(row("rare", 4, 0.02, 800), row("c", 2.2, 1.1, 4.3));
        ForestLayout l = ForestLayout.of(List.of(new ForestLayout.Group("MRI", mri), new ForestLayout.Group("Injection", injection)));
        // the ordinary intervals span 0.4 .. 4.3: axis 0.2 .. 5 (1-2-5 steps), not 0.01 .. 1000
        assertThat(l.lo()).isEqualTo(0.2);
        assertThat(l.hi()).isEqualTo(5.0);
        assertThat(l.ticks()).containsExactly(0.2, 0.5, 1.0, 2.0, 5.0);
        assertThat(l.lines()).extracting(ForestLayout.Line::heading).containsExactly("MRI", "", "", "Injection", "", "");
        ForestLayout.Line rare = l.lines().get(4);
        assertThat(rare.row().label()).isEqualTo("rare");
        assertThat(rare.cutLow()).isTrue();
        assertThat(rare.cutHigh()).isTrue();
        assertThat(l.lines().stream().filter(x -> !x.isHeading() && x != rare)).noneMatch(x -> x.cutLow() || x.cutHigh());
        assertThat(l.clipped()).isEqualTo(1);
        assertThat(l.footnote()).isEqualTo("1 interval reaches beyond the axis (0.2 to 5) and is cut at its edge (arrow); "
                + "the full limits are in the OR (95 % CI) column.");
    }

    @Test
    void ordinaryIntervalsAreNeverCutAndTheAxisKeepsOne() {
        ForestLayout l = ForestLayout.of(List.of(new ForestLayout.Group("", List.of(row("a", 2, 1.3, 3.1), row("b", 3, 1.8, 6.5)))));
        assertThat(l.lo()).isEqualTo(1.0);
        assertThat(l.hi()).isEqualTo(10.0);
        assertThat(l.clipped()).isZero();
        assertThat(l.footnote()).isEmpty();
        assertThat(l.lines()).noneMatch(ForestLayout.Line::isHeading);
    }

    @Test
    void anInfiniteLimitIsCutAndTheAxisStaysWithinItsBounds() {
        ForestLayout l = ForestLayout.of(List.of(new ForestLayout.Group("CT", List.of(row("a", 5000, 40, Double.POSITIVE_INFINITY)))));
        assertThat(l.lo()).isGreaterThanOrEqualTo(ForestLayout.MIN);
        assertThat(l.hi()).isEqualTo(ForestLayout.MAX);
        assertThat(l.lines().get(1).cutHigh()).isTrue();
        assertThat(l.lines().get(1).cutLow()).isFalse();
    }

    @Test
    void wideAxesGetDecadeTicksAndEndsThatDoNotCrowdThem() {
        assertThat(ForestLayout.ticks(new double[] {0.02, 20})).containsExactly(0.02, 0.1, 1.0, 10.0);
        assertThat(ForestLayout.ticks(new double[] {0.05, 500})).containsExactly(0.1, 1.0, 10.0, 100.0, 500.0);
        assertThat(ForestLayout.tick(0.05)).isEqualTo("0.05");
        assertThat(ForestLayout.tick(500)).isEqualTo("500");
    }

    @Test
    void emptyGroupsDrawNoHeading() {
        ForestLayout l = ForestLayout.of(List.of(new ForestLayout.Group("MRI", List.of()), new ForestLayout.Group("CT", List.of(row("a", 2, 1, 4)))));
        assertThat(l.lines()).extracting(ForestLayout.Line::heading).containsExactly("CT", "");
    }

    @Test
    void theFigureDrawsTheFootnoteAndHeadingsAsText() throws Exception {
        ForestLayout l = ForestLayout.of(List.of(new ForestLayout.Group("Injection", List.of(row("Needle tip in the defect (yes vs no)", 4, 0.02, 800),
                row("b", 1.2, 0.8, 1.9), row("c", 1.1, 0.9, 1.4)))));
        ForestPlotImage f = new ForestPlotImage(l, "R1, 15min", List.of("legend"));
        String svg = new String(FigureWriterTest.bytes(f, FigureFormat.SVG), java.nio.charset.StandardCharsets.UTF_8);
        String text = FigureWriterTest.xml(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getDocumentElement().getTextContent();
        assertThat(text).contains("Injection", "Needle tip in the defect (yes vs no)", "R1, 15min", "cut at its edge (arrow)");
        assertThat(FigureWriterTest.pdfText(FigureWriterTest.bytes(f, FigureFormat.PDF))).contains("Needle tip in the defect (yes vs no)")
                .contains("cut at its edge (arrow)");
    }
}
