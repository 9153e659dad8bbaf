package org.parsreader.reformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.parsreader.volume.VoxelGeometry;

/** Reference lines: where an acquired slice cuts a reformat plane and back, on straight and 25-degree tilted grids. */
class PlaneCutTest {
    /** A sagittal plane at x = 5: rows run anterior to posterior, columns superior to inferior, 0.5 mm pixels, top at z = 60. */
    static final Plane SAG = new Plane(new double[] {5, -50, 60}, new double[] {0, 1, 0}, new double[] {0, 0, -1}, 0.5, 200, 120);

    @Test
    void anAxialSliceCutsTheSagittalPlaneAlongARowAtItsHeight() {
        double[] seg = PlaneCut.onPlane(SAG, new double[] {0, 0, 30}, new double[] {0, 0, 1}).orElseThrow();
        // z = 60 - 0.5 y = 30: row 60, from the left edge to the right edge
        assertThat(seg).containsExactly(new double[] {-0.5, 60, 199.5, 60}, within(1e-9));
        // a slice above the plane's top misses it; a plane parallel to it has no line
        assertThat(PlaneCut.onPlane(SAG, new double[] {0, 0, 61}, new double[] {0, 0, 1})).isEmpty();
        assertThat(PlaneCut.onPlane(SAG, new double[] {7, 0, 0}, new double[] {1, 0, 0})).isEmpty();
    }

    @Test
    void onA25DegreeTiltedCtTheLinesLieOnBothPlanes() {
        double t = Math.toRadians(25);
        // gantry tilt: rows tilted about x, slices stacked along z (the sheared grid a tilted CT has)
        VoxelGeometry g = new VoxelGeometry(new double[] {-40, -45, 10}, new double[] {0.7, 0, 0},
                new double[] {0, 0.7 * Math.cos(t), -0.7 * Math.sin(t)}, new double[] {0, 0, 2.5});
        int w = 128, h = 128;
        for (int k : new int[] {3, 10, 17}) {
            double[][] slice = PlaneCut.slicePlane(g, k);
            double[] seg = PlaneCut.onPlane(SAG, slice[0], slice[1]).orElseThrow();
            for (int e = 0; e < 4; e += 2) {
                double[] p = SAG.point(seg[e], seg[e + 1]);
                assertThat(Vec.dot(Vec.sub(p, slice[0]), slice[1])).as("on slice " + k).isCloseTo(0, within(1e-9));
            }
            // the sagittal plane on that slice: the column x = 5 mm, i = (5 + 40) / 0.7, whatever the tilt
            double[] back = PlaneCut.onSlice(g, w, h, k, SAG.origin(), SAG.normal()).orElseThrow();
            assertThat(back[0]).isCloseTo(45 / 0.7, within(1e-9));
            assertThat(back[2]).isCloseTo(45 / 0.7, within(1e-9));
            assertThat(Math.min(back[1], back[3])).isCloseTo(-0.5, within(1e-9));
            assertThat(Math.max(back[1], back[3])).isCloseTo(h - 0.5, within(1e-9));
            for (int e = 0; e < 4; e += 2) {
                double[] p = g.toPatient(back[e], back[e + 1], k);
                assertThat(Vec.dot(Vec.sub(p, SAG.origin()), SAG.normal())).isCloseTo(0, within(1e-9));
            }
        }
        // an oblique plane (turned 20 degrees about z): its line on a slice is slanted and still on both planes
        double[] n = {Math.cos(Math.toRadians(20)), Math.sin(Math.toRadians(20)), 0};
        double[] q = g.toPatient(60, 60, 8);
        double[] seg = PlaneCut.onSlice(g, w, h, 8, q, n).orElseThrow();
        assertThat(Math.abs(seg[0] - seg[2])).isGreaterThan(1);
        for (int e = 0; e < 4; e += 2) assertThat(Vec.dot(Vec.sub(g.toPatient(seg[e], seg[e + 1], 8), q), n)).isCloseTo(0, within(1e-9));
    }
}
