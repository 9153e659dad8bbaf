package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.volume.VoxelGeometry;

/** The geometry behind the overlays: distances to slice planes and in-plane positions, on a tilted grid too. */
class OverlayPainterTest {
    /** The sample needle check: axial, 0.875 mm pixels, gantry tilted 5 degrees, table steps of 2 mm along z. */
    static final double C = Math.cos(Math.toRadians(5)), S = Math.sin(Math.toRadians(5));
    static final VoxelGeometry TILTED = new VoxelGeometry(new double[] {-70, 60, -472}, new double[] {0.875, 0, 0},
            new double[] {0, -0.875 * C, 0.875 * S}, new double[] {0, 0, -2});

    @Test
    void aVoxelLiesOnItsSlicePlaneAtItsColumnAndRow() {
        double[] p = TILTED.toPatient(37.25, 81.5, 6);
        assertThat(OverlayPainter.planeDistance(TILTED, 6, p)).isCloseTo(0, within(1e-9));
        assertThat(Math.abs(OverlayPainter.planeDistance(TILTED, 7, p))).isCloseTo(2 * C, within(1e-9)); // 1.992 mm apart along the normal
        double[] ij = OverlayPainter.inPlane(TILTED, 7, p, OverlayPainter.planeDistance(TILTED, 7, p), TILTED.normal());
        // projected along the normal onto the next (sheared) slice: same column, row shifted by the shear
        assertThat(ij[0]).isCloseTo(37.25, within(1e-9));
        assertThat(Math.abs(ij[1] - 81.5)).isLessThan(0.5);
    }

    @Test
    void runLengthMasksDecodeOutsideFirst() {
        FindingsDocument.Mask m = new FindingsDocument.Mask(new int[] {4, 2, 1}, new double[3], new double[] {1, 0, 0},
                new double[] {0, 1, 0}, new double[] {0, 0, 1}, new int[] {1, 2, 3, 2});
        assertThat(OverlayPainter.decode(m).stream().boxed().toList()).isEqualTo(List.of(1, 2, 6, 7));
    }

    @Test
    void labelsKeepTheirScreenSize() {
        assertThat(OverlayPainter.fontSize(12, 2)).isEqualTo(6f);
        assertThat(OverlayPainter.fontSize(12, 0.5)).isEqualTo(24f);
        assertThat(OverlayPainter.fontSize(12, 10)).isEqualTo(4f);
    }

    @Test
    void aLineShowsItsLengthInMmAndAPolygonItsMean() {
        int w = 10, h = 10;
        float[] px = new float[w * h];
        for (int idx = 0; idx < px.length; idx++) px[idx] = idx % w; // value = column
        org.parsreader.volume.Volume v = new org.parsreader.volume.Volume("synthetic", w, h, org.parsreader.volume.VoxelType.FLOAT32,
                new Object[] {px}, 1, 0, "HU", VoxelGeometry.unknown(1, 1, 1), List.of(new org.parsreader.volume.Volume.SliceInfo(null, 0, null, null)),
                null, false);
        assertThat(OverlayPainter.measure(v, FindingsDocument.RoiType.LINE, List.of(new double[] {0, 0, 0}, new double[] {3, 4, 0}), null, 0))
                .isEqualTo("5.0 mm");
        // the mean ImageJ's own Measure gives for the same polygon on the same pixels
        ij.gui.PolygonRoi square = new ij.gui.PolygonRoi(new ij.process.FloatPolygon(new float[] {2.5f, 7.5f, 7.5f, 2.5f},
                new float[] {2.5f, 2.5f, 7.5f, 7.5f}), ij.gui.Roi.POLYGON);
        ij.process.FloatProcessor fp = new ij.process.FloatProcessor(w, h, px);
        fp.setRoi(square);
        String imagej = String.format(java.util.Locale.ROOT, "mean %.1f HU", fp.getStatistics().mean);
        assertThat(OverlayPainter.measure(v, FindingsDocument.RoiType.POLYGON, List.of(new double[3]), square, 0)).isEqualTo(imagej);
        assertThat(OverlayPainter.measure(v, FindingsDocument.RoiType.POINT, List.of(new double[3]), new ij.gui.PointRoi(1, 1), 0)).isNull();
    }

    @Test
    void aMeasureLabelSitsAboveItsRoiClearOfTheGoToRingAndInsideTheImage() {
        java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11);
        // an ROI near the right edge of a 160-pixel image, a Go-to ring of radius 8 about its centre
        ij.gui.Roi roi = new ij.gui.Roi(140, 70, 10, 10);
        List<java.awt.Rectangle> taken = new java.util.ArrayList<>();
        ij.gui.TextRoi t = OverlayPainter.measureLabel(roi, "mean 1349.6 HU", font, java.awt.Color.GREEN, 160, 160, 8, taken);
        java.awt.Rectangle label = t.getBounds();
        assertThat(label.x).isGreaterThanOrEqualTo(0);
        assertThat(label.x + label.width).isLessThanOrEqualTo(160);      // not cut at the right edge
        assertThat(label.y + label.height).isLessThanOrEqualTo(75 - 8);  // above the ring, so off the ring's label at its right
        // no room above: below the ROI and its ring
        ij.gui.TextRoi low = OverlayPainter.measureLabel(new ij.gui.Roi(20, 2, 10, 10), "2.4 mm", font, java.awt.Color.GREEN, 160, 160, 8,
                new java.util.ArrayList<>());
        assertThat(low.getBounds().y).isGreaterThanOrEqualTo(7 + 8);
        // a second ROI at the same spot (a gap line inside the contrast polygon): its label does not cover the first
        ij.gui.TextRoi second = OverlayPainter.measureLabel(new ij.gui.Line(142, 75, 146, 75), "2.4 mm", font, java.awt.Color.YELLOW, 160, 160, 8, taken);
        assertThat(second.getBounds().intersects(label)).isFalse();
        assertThat(second.getBounds().y + second.getBounds().height).isLessThanOrEqualTo(75 - 8);
    }

    @Test
    void withNoFreePlaceAMeasureLabelTakesTheOneCoveringLeast() {
        java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11);
        int h = new ij.gui.TextRoi(0, 0, "mean 1281.4 HU", font).getBounds().height;
        // an ROI in the middle of a 160 x (ROI + 2 labels) image; above it the viewer's info text, wholly; below it a thin strip of a letter
        int top = 2 * h + 4;
        ij.gui.Roi roi = new ij.gui.Roi(70, top, 10, 10);
        int height = top + 10 + h + 3;
        java.awt.Rectangle info = new java.awt.Rectangle(0, 0, 160, top);
        java.awt.Rectangle letter = new java.awt.Rectangle(0, height - 4, 160, 4);
        List<java.awt.Rectangle> taken = new java.util.ArrayList<>(List.of(info, letter));
        java.awt.Rectangle label = OverlayPainter.measureLabel(roi, "mean 1281.4 HU", font, java.awt.Color.GREEN, 160, height, 0, taken).getBounds();
        assertThat(label.intersects(info)).as(label + " over the info text " + info).isFalse();
        assertThat(label.y).as("below the ROI").isGreaterThanOrEqualTo(top + 10);
    }
}
