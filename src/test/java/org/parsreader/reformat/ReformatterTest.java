package org.parsreader.reformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;
import org.parsreader.volume.VoxelType;

/**
 * Reformatting against analytic answers on volumes built in memory: trilinear interpolation
 * reproduces a function linear in patient coordinates exactly, wherever the plane lies and however
 * the grid is sheared or stretched.
 */
class ReformatterTest {
    /** Anisotropic voxels 0.5 x 0.8 x 3 mm, axial, stored 16-bit, slope 2, intercept -1024. */
    static final VoxelGeometry ANISO = new VoxelGeometry(new double[] {-10, -20, 30}, new double[] {0.5, 0, 0},
            new double[] {0, 0.8, 0}, new double[] {0, 0, 3});

    /** HU of the 16-bit ramp volume at a patient point: 2 * (100 + 2i + 3j + 5k) - 1024. */
    static double anisoRamp(double[] p) {
        double i = (p[0] + 10) / 0.5, j = (p[1] + 20) / 0.8, k = (p[2] - 30) / 3;
        return 2 * (100 + 2 * i + 3 * j + 5 * k) - 1024;
    }

    static Volume shortRamp(int w, int h, int d) {
        Object[] data = new Object[d];
        for (int k = 0; k < d; k++) {
            short[] s = new short[w * h];
            for (int j = 0; j < h; j++) for (int i = 0; i < w; i++) s[j * w + i] = (short) (100 + 2 * i + 3 * j + 5 * k);
            data[k] = s;
        }
        return new Volume("ramp", w, h, VoxelType.UINT16, data, 2, -1024, "HU", ANISO, infos(d, -1), null, false);
    }

    static List<Volume.SliceInfo> infos(int d, int bad) {
        List<Volume.SliceInfo> info = new ArrayList<>();
        for (int k = 0; k < d; k++) info.add(new Volume.SliceInfo(Path.of("s" + k), -1, "1.2." + k, k == bad ? "unreadable" : null));
        return info;
    }

    /** A float volume holding {@code f} (in physical units) at every voxel centre, slope 0.5, intercept 10. */
    static Volume floatVolume(int w, int h, int d, VoxelGeometry g, ToDoubleFunction<double[]> f) {
        Object[] data = new Object[d];
        for (int k = 0; k < d; k++) {
            float[] s = new float[w * h];
            for (int j = 0; j < h; j++) for (int i = 0; i < w; i++) s[j * w + i] = (float) ((f.applyAsDouble(g.toPatient(i, j, k)) - 10) / 0.5);
            data[k] = s;
        }
        return new Volume("float", w, h, VoxelType.FLOAT32, data, 0.5, 10, "HU", g, infos(d, -1), null, false);
    }

    /** Every pixel that is a number equals the truth at its patient point; returns how many were. */
    static int assertPlane(Reformatter r, Plane p, float[] img, ToDoubleFunction<double[]> truth, double tol) {
        int n = 0;
        for (int j = 0; j < p.height(); j++) {
            for (int i = 0; i < p.width(); i++) {
                float v = img[j * p.width() + i];
                if (Float.isNaN(v)) continue;
                double[] pt = p.point(i, j);
                assertThat((double) v).as("pixel %d,%d at %s", i, j, java.util.Arrays.toString(pt)).isCloseTo(truth.applyAsDouble(pt), within(tol));
                n++;
            }
        }
        return n;
    }

    @Test
    void aRampIsReproducedExactlyOnEveryPresetAndObliquePlaneWithAnisotropicVoxels() {
        Volume v = shortRamp(7, 6, 5);
        Reformatter r = new Reformatter(v);
        for (Plane.Orientation o : Plane.Orientation.values()) {
            Plane p = Plane.preset(v, o, null, 0);
            assertThat(p.pixelSize()).isEqualTo(0.5);
            float[] img = r.sample(p);
            // a preset covers the volume: its centre pixel is inside
            assertThat(img[(p.height() / 2) * p.width() + p.width() / 2]).isNotNaN();
            assertThat(assertPlane(r, p, img, ReformatterTest::anisoRamp, 1e-3)).as(o.name()).isGreaterThan(p.width());
        }
        // sagittal: anterior at the left, superior at the top
        Plane sag = Plane.preset(v, Plane.Orientation.SAGITTAL, null, 0);
        assertThat(sag.rowDirection()).containsExactly(0, 1, 0);
        assertThat(sag.columnDirection()).containsExactly(0, 0, -1);
        assertThat(sag.width()).isEqualTo(9); // (6-1) rows x 0.8 mm / 0.5 mm + 1
        assertThat(sag.height()).isEqualTo(25); // (5-1) slices x 3 mm / 0.5 mm + 1
        Plane obl = Plane.oblique(v, Plane.centre(v), new double[] {1, 2, 3}, null, 0.3);
        assertThat(assertPlane(r, obl, r.sample(obl), ReformatterTest::anisoRamp, 1e-3)).isGreaterThan(50);
    }

    @Test
    void aRampIsReproducedExactlyOnAGantryTiltedCt() {
        double t = Math.toRadians(25);
        // DICOM gantry tilt: rows along x, columns tilted in the y-z plane, slices stepping straight along z
        VoxelGeometry g = new VoxelGeometry(new double[] {-3, -4, 10}, new double[] {0.6, 0, 0},
                new double[] {0, 0.7 * Math.cos(t), -0.7 * Math.sin(t)}, new double[] {0, 0, 2.5});
        assertThat(g.shearDeg()).isCloseTo(25, within(1e-9));
        ToDoubleFunction<double[]> ramp = p -> 3 * p[0] - 2 * p[1] + 5 * p[2] + 7;
        Volume v = floatVolume(12, 10, 8, g, ramp);
        Reformatter r = new Reformatter(v);
        int total = 0;
        for (Plane.Orientation o : Plane.Orientation.values()) {
            Plane p = Plane.preset(v, o, null, 0);
            total += assertPlane(r, p, r.sample(p), ramp, 2e-3);
        }
        Plane obl = Plane.oblique(v, Plane.centre(v), new double[] {-0.3, 1, 0.7}, new double[] {0, 1, 1}, 0.25);
        total += assertPlane(r, obl, r.sample(obl), ramp, 2e-3);
        assertThat(total).isGreaterThan(500);
        // a voxel centre reads the voxel, a point off the grid the ramp
        assertThat(r.valueAt(g.toPatient(4, 5, 6))).isCloseTo(ramp.applyAsDouble(g.toPatient(4, 5, 6)), within(1e-3));
        assertThat(r.valueAt(new double[] {0.1, 0.2, 17.3})).isCloseTo(ramp.applyAsDouble(new double[] {0.1, 0.2, 17.3}), within(1e-3));
    }

    @Test
    void anObliquePlaneHasTheAskedNormalAndUp() {
        Volume v = shortRamp(7, 6, 5);
        Plane p = Plane.oblique(v, Plane.centre(v), new double[] {0, 0, 2}, null, 0);
        // near-axial: the default up is anterior, so it is the axial preset's orientation
        assertThat(p.rowDirection()).containsExactly(new double[] {1, 0, 0}, within(1e-12));
        assertThat(p.columnDirection()).containsExactly(new double[] {0, 1, 0}, within(1e-12));
        Plane q = Plane.oblique(v, Plane.centre(v), new double[] {1, 1, 0}, new double[] {0, 0.2, 1}, 0);
        double s = Math.sqrt(0.5);
        assertThat(q.normal()).containsExactly(new double[] {s, s, 0}, within(1e-12));
        // up loses its part along the normal: (0, 0.2, 1) - (0.1, 0.1, 0) = (-0.1, 0.1, 1), shown upwards
        double l = Math.sqrt(1.02);
        assertThat(q.columnDirection()).containsExactly(new double[] {0.1 / l, -0.1 / l, -1 / l}, within(1e-12));
        assertThat(Vec.cross(q.rowDirection(), q.columnDirection())).containsExactly(q.normal(), within(1e-12));
        // the plane passes through the origin given
        double[] c = Plane.centre(v);
        double[] d = Vec.sub(c, q.origin());
        assertThat(Vec.dot(d, q.normal())).isCloseTo(0, within(1e-9));
    }

    @Test
    void aMipSlabFindsABrightPointAndAMeanSlabOfARampIsItsCentreValue() {
        int n = 20;
        Object[] data = new Object[n];
        for (int k = 0; k < n; k++) data[k] = new short[n * n];
        ((short[]) data[9])[7 * n + 12] = 3000;
        VoxelGeometry g = new VoxelGeometry(new double[] {0, 0, 0}, new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1});
        Volume v = new Volume("point", n, n, VoxelType.UINT16, data, 1, -1000, "HU", g, infos(n, -1), null, false);
        Reformatter r = new Reformatter(v);
        Plane axial = Plane.preset(v, Plane.Orientation.AXIAL, new double[] {5, 5, 11}, 0);
        assertThat(r.sample(axial)[7 * n + 12]).isEqualTo(-1000f);
        float[] mip = r.slab(axial, 4, Reformatter.Mode.MIP);
        assertThat(mip[7 * n + 12]).isEqualTo(2000f);
        assertThat(mip[7 * n + 11]).isEqualTo(-1000f);
        assertThat(r.slab(axial, 3.9, Reformatter.Mode.MIP)[7 * n + 12]).as("the point 2 mm away is outside a 3.9 mm slab").isEqualTo(-1000f);
        // an oblique MIP through the point finds it too, at the pixel nearest to it
        Plane obl = Plane.oblique(v, new double[] {12, 7, 9}, new double[] {1, 1, 1}, null, 1).shifted(1.5);
        float best = Float.NEGATIVE_INFINITY;
        for (float f : r.slab(obl, 4, Reformatter.Mode.MIP)) if (f > best) best = f;
        assertThat(best).isGreaterThan(-1000f);

        Volume ramp = shortRamp(7, 6, 5);
        Reformatter rr = new Reformatter(ramp);
        Plane p = Plane.oblique(ramp, Plane.centre(ramp), new double[] {0.2, -0.1, 1}, null, 0.4);
        float[] thin = rr.sample(p);
        float[] mean = rr.slab(p, 2, Reformatter.Mode.MEAN);
        float[] lo = rr.sample(p.shifted(-1)), hi = rr.sample(p.shifted(1));
        int compared = 0;
        for (int i = 0; i < thin.length; i++) {
            if (Float.isNaN(lo[i]) || Float.isNaN(hi[i])) continue; // slab partly outside
            assertThat(mean[i]).isCloseTo(thin[i], within(1e-3f));
            compared++;
        }
        assertThat(compared).isGreaterThan(20);
    }

    @Test
    void outsideTheVolumeAndOnAPlaceholderSliceIsNaN() {
        Volume v = shortRamp(7, 6, 5);
        Reformatter r = new Reformatter(v);
        assertThat(r.valueAt(ANISO.toPatient(-0.01, 2, 2))).isNaN();
        assertThat(r.valueAt(ANISO.toPatient(6, 5, 4))).isCloseTo(anisoRamp(ANISO.toPatient(6, 5, 4)), within(1e-9));
        Plane far = Plane.preset(v, Plane.Orientation.AXIAL, new double[] {0, 0, 100}, 0);
        assertThat(r.cuts(far)).isFalse();
        for (float f : r.sample(far)) assertThat(f).isNaN();

        Object[] data = new Object[5];
        for (int k = 0; k < 5; k++) data[k] = v.slice(k);
        Volume holed = new Volume("holed", 7, 6, VoxelType.UINT16, data, 2, -1024, "HU", ANISO, infos(5, 2), null, false);
        Reformatter h = new Reformatter(holed);
        assertThat(h.valueAt(ANISO.toPatient(3, 3, 2))).isNaN();
        assertThat(h.valueAt(ANISO.toPatient(3, 3, 1.5))).isNaN();
        assertThat(h.valueAt(ANISO.toPatient(3, 3, 1))).isCloseTo(anisoRamp(ANISO.toPatient(3, 3, 1)), within(1e-9));
        assertThat(h.valueAt(ANISO.toPatient(3, 3, 3))).isCloseTo(anisoRamp(ANISO.toPatient(3, 3, 3)), within(1e-9));
        // a slab across the placeholder keeps the samples that are inside
        Plane at2 = Plane.preset(holed, Plane.Orientation.AXIAL, ANISO.toPatient(3, 3, 2), 0);
        for (float f : h.sample(at2)) assertThat(f).isNaN();
        float[] mip = h.slab(at2, 6, Reformatter.Mode.MIP);
        assertThat(mip[0]).isCloseTo((float) anisoRamp(at2.shifted(3).point(0, 0)), within(1e-3f));
    }

    @Test
    void badInputNamesWhatIsWrong() {
        Volume v = shortRamp(7, 6, 5);
        Reformatter r = new Reformatter(v);
        double[] c = Plane.centre(v);
        assertThatThrownBy(() -> Plane.oblique(v, c, new double[] {0, 0, 0}, null, 0)).hasMessageContaining("normal (0,0,0) has zero length");
        assertThatThrownBy(() -> Plane.oblique(v, c, new double[] {0, 0, 1}, new double[] {0, 0, -3}, 0))
                .hasMessageContaining("up (0,0,-3)").hasMessageContaining("parallel");
        assertThatThrownBy(() -> Plane.oblique(v, c, new double[] {0, Double.NaN, 1}, null, 0)).hasMessageContaining("normal must be three finite numbers");
        Plane axial = Plane.preset(v, Plane.Orientation.AXIAL, null, 0);
        assertThat(r.thicknessAlong(axial)).isCloseTo(15, within(1e-9));
        assertThat(r.slab(axial, 15, Reformatter.Mode.MEAN)).isNotNull();
        assertThatThrownBy(() -> r.slab(axial, 15.5, Reformatter.Mode.MIP))
                .hasMessage("slab 15.5 mm is thicker than the volume along the plane's normal (15 mm)");
        assertThatThrownBy(() -> r.slab(axial, -1, Reformatter.Mode.MIP)).hasMessageContaining("slab -1 mm must be a number >= 0");
        assertThatThrownBy(() -> r.stack(axial, 0, 1, 0, Reformatter.Mode.MIP)).hasMessageContaining("planes 0");
        Volume noGeometry = new Volume("nogeo", 2, 2, VoxelType.UINT8, new Object[] {new byte[4]}, 1, 0, "", null, infos(1, -1), null, false);
        assertThatThrownBy(() -> new Reformatter(noGeometry)).hasMessageContaining("nogeo has no voxel geometry");
        assertThatThrownBy(() -> Plane.preset(noGeometry, Plane.Orientation.AXIAL, null, 0)).hasMessageContaining("no voxel geometry");
        Volume rgb = new Volume("colour", 2, 2, VoxelType.RGB, new Object[] {new int[4]}, 1, 0, "", ANISO, infos(1, -1), null, false);
        assertThatThrownBy(() -> new Reformatter(rgb)).hasMessageContaining("RGB");
    }

    @Test
    void aSingleSliceVolumeReformatsOnItsPlane() {
        Volume v = shortRamp(7, 6, 1);
        Reformatter r = new Reformatter(v);
        Plane axial = Plane.preset(v, Plane.Orientation.AXIAL, null, 0);
        assertThat(assertPlane(r, axial, r.sample(axial), ReformatterTest::anisoRamp, 1e-3)).isEqualTo(axial.width() * axial.height());
    }

    @Test
    void splittingRowsOverThreadsGivesTheSameNumbers() {
        double t = Math.toRadians(25);
        VoxelGeometry g = new VoxelGeometry(new double[] {-3, -4, 10}, new double[] {0.6, 0, 0},
                new double[] {0, 0.7 * Math.cos(t), -0.7 * Math.sin(t)}, new double[] {0, 0, 2.5});
        Volume v = floatVolume(40, 40, 30, g, p -> Math.sin(p[0] / 3) * 100 + p[1] * p[2]);
        Plane p = Plane.oblique(v, Plane.centre(v), new double[] {0.3, 1, 0.7}, null, 0.1);
        assertThat((long) p.width() * p.height()).isGreaterThan(1 << 16);
        // Arrays.equals: bit for bit, NaN equal to NaN (AssertJ's containsExactly is quadratic on a million values)
        assertThat(java.util.Arrays.equals(new Reformatter(v).parallel(true).sample(p), new Reformatter(v).sample(p))).isTrue();
        assertThat(java.util.Arrays.equals(new Reformatter(v).parallel(true).slab(p, 5, Reformatter.Mode.MEAN),
                new Reformatter(v).slab(p, 5, Reformatter.Mode.MEAN))).isTrue();
    }
}
