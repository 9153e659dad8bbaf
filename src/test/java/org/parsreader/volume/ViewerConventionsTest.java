package org.parsreader.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViewerConventionsTest {
    private static ViewerConventions.EdgeLabels edges(double... iop) {
        return ViewerConventions.edges(iop);
    }

    @Test
    void supineAxialShowsAnteriorAtTheTopAndPatientLeftOnTheRight() {
        assertThat(edges(1, 0, 0, 0, 1, 0)).isEqualTo(new ViewerConventions.EdgeLabels("A", "P", "R", "L"));
    }

    @Test
    void proneAxialCtShowsPosteriorAtTheTop() {
        // prone, head first: ImageOrientationPatient -1\0\0\0\-1\0
        assertThat(edges(-1, 0, 0, 0, -1, 0)).isEqualTo(new ViewerConventions.EdgeLabels("P", "A", "L", "R"));
    }

    @Test
    void sagittalShowsHeadAtTheTopAndAnteriorOnTheLeft() {
        assertThat(edges(0, 1, 0, 0, 0, -1)).isEqualTo(new ViewerConventions.EdgeLabels("S", "I", "A", "P"));
    }

    @Test
    void coronalShowsHeadAtTheTopAndPatientRightOnTheLeft() {
        assertThat(edges(1, 0, 0, 0, 0, -1)).isEqualTo(new ViewerConventions.EdgeLabels("S", "I", "R", "L"));
    }

    @Test
    void obliqueAxialCombinesLettersStrongestFirst() {
        double c = Math.cos(Math.toRadians(30)), s = Math.sin(Math.toRadians(30));
        // rows turned 30 degrees about the head-foot axis: right edge mostly left, partly posterior
        assertThat(edges(c, s, 0, -s, c, 0)).isEqualTo(new ViewerConventions.EdgeLabels("AL", "PR", "RA", "LP"));
    }

    @Test
    void aSmallTiltKeepsTheSingleLetter() {
        double c = Math.cos(Math.toRadians(5)), s = Math.sin(Math.toRadians(5));
        assertThat(edges(1, 0, 0, 0, c, -s).top()).isEqualTo("A");
    }

    @Test
    void theGeometryGivesTheSameLabelsAsItsOrientation() {
        VoxelGeometry prone = new VoxelGeometry(new double[3], new double[] {-0.7, 0, 0}, new double[] {0, -0.7, 0}, new double[] {0, 0, 2});
        assertThat(ViewerConventions.edges(prone).top()).isEqualTo("P");
        assertThat(ViewerConventions.plane(prone)).isEqualTo("ax");
        VoxelGeometry sag = new VoxelGeometry(new double[3], new double[] {0, 0.5, 0}, new double[] {0, 0, -0.5}, new double[] {3, 0, 0});
        assertThat(ViewerConventions.plane(sag)).isEqualTo("sag");
    }

    @Test
    void badOrientationIsNamed() {
        assertThatThrownBy(() -> edges(1, 0, 0)).hasMessageContaining("ImageOrientationPatient").hasMessageContaining("3");
    }

    @Test
    void scaleBarIsARoundLengthThatFits() {
        assertThat(ViewerConventions.scaleBarMm(73)).isEqualTo(50);
        assertThat(ViewerConventions.scaleBarMm(19.9)).isEqualTo(10);
        assertThat(ViewerConventions.scaleBarMm(20)).isEqualTo(20);
        assertThat(ViewerConventions.scaleBarMm(4.2)).isEqualTo(2);
        assertThat(ViewerConventions.scaleLabel(50)).isEqualTo("5 cm");
        assertThat(ViewerConventions.scaleLabel(5)).isEqualTo("5 mm");
        assertThatThrownBy(() -> ViewerConventions.scaleBarMm(0)).hasMessageContaining("0.0");
    }

    @Test
    void slicePositionNamesTheSliceAndThePatientAxis() {
        VoxelGeometry ax = new VoxelGeometry(new double[] {-100, -100, -50}, new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 2.5});
        assertThat(ViewerConventions.slicePosition(ax, 201, 201, 0, 40)).isEqualTo("slice 1/40  I 50.0 mm");
        assertThat(ViewerConventions.slicePosition(ax, 201, 201, 39, 40)).isEqualTo("slice 40/40  S 47.5 mm");
    }

    @Test
    void windowLevelTextAndDrag() {
        assertThat(ViewerConventions.windowLevel(-160, 240)).isEqualTo("W 400 L 40");
        double[] r = ViewerConventions.dragWindow(-160, 240, 10, -5, 2);
        assertThat(r).containsExactly(-180, 240);
        assertThat(ViewerConventions.dragWindow(0, 10, -100, 0, 1)).containsExactly(4.5, 5.5);
    }
}
