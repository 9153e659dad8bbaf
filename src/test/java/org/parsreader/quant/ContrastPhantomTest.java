package org.parsreader.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;
import org.parsreader.volume.VoxelType;

/**
 * Synthetic phantoms with known truth: a sphere of contrast (radius R mm, 1300 HU) touching a
 * slab of cortical bone (1100 HU), a needle (metal) through the sphere, soft tissue around,
 * seeded noise. The baseline is the same scene without contrast, on its own grid. The name
 * of each case gives its geometry.
 */
class ContrastPhantomTest {
    static final double[] CENTRE = {0, 0, 0};

    /** HU at a patient point of the scene; {@code contrast} false for the baseline. */
    static double scene(double x, double y, double z, double r, boolean contrast) {
        double nx = x - 1.0, ny = y - 0.5; // needle along z, off-centre, radius 0.9 mm
        if (nx * nx + ny * ny <= 0.81 && z > -r - 5) return 3071;
        if (x >= r && x <= r + 6) return 1100; // bone slab touching the sphere at x = r
        if (contrast && x * x + y * y + z * z <= r * r) return 1300;
        return 40;
    }

    static Volume build(String name, int n, int depth, double dx, double dz, double tiltDeg, double zOffset, double r, boolean contrast, long seed) {
        double t = Math.toRadians(tiltDeg);
        double[] colStep = {dx, 0, 0};
        double[] rowStep = {0, dx * Math.cos(t), -dx * Math.sin(t)};
        double[] sliceStep = {0, 0, dz}; // table moves along z: sheared when tilted
        double[] origin = {-(n - 1) / 2.0 * dx, -(n - 1) / 2.0 * dx * Math.cos(t), -(depth - 1) / 2.0 * dz + zOffset + (n - 1) / 2.0 * dx * Math.sin(t)};
        VoxelGeometry g = new VoxelGeometry(origin, colStep, rowStep, sliceStep);
        SplittableRandom rnd = new SplittableRandom(seed);
        Object[] data = new Object[depth];
        List<Volume.SliceInfo> infos = new ArrayList<>();
        for (int k = 0; k < depth; k++) {
            short[] s = new short[n * n];
            for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) {
                double[] p = g.toPatient(i, j, k);
                double hu = scene(p[0], p[1], p[2], r, contrast) + (rnd.nextGaussian() * 15);
                s[j * n + i] = (short) Math.max(0, Math.min(4095, Math.round(hu + 1024)));
            }
            data[k] = s;
            infos.add(new Volume.SliceInfo(Path.of(name + k), -1, "1.2." + k, null));
        }
        return new Volume(name, n, n, VoxelType.UINT16, data, 1, -1024, "HU", g, infos, null, false).withSource("1.2.3." + name, "1.2.9");
    }

    /** Voxel centres inside the sphere and outside the needle: what a perfect segmentation counts. */
    static int truthVoxels(Volume v, double r) {
        int count = 0;
        for (int k = 0; k < v.depth(); k++) for (int j = 0; j < v.height(); j++) for (int i = 0; i < v.width(); i++) {
            double[] p = v.geometry().toPatient(i, j, k);
            if (scene(p[0], p[1], p[2], r, true) == 1300) count++;
        }
        return count;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sphere_R8mm_0.7mm_1mm_slices,          64, 36, 0.7, 1.0, 0,  0.0, 8",
        "sphere_R8mm_tilt12deg_1mm_slices,      64, 36, 0.7, 1.0, 12, 0.0, 8",
        "sphere_R10mm_thick_3mm_slices,         64, 14, 0.7, 3.0, 0,  0.0, 10",
        "sphere_R8mm_baseline_on_shifted_grid,  64, 36, 0.7, 1.0, 0,  0.4, 8"})
    void volumeWithinFivePercentAndExtentWithinOneSlice(String name, int n, int depth, double dx, double dz, double tilt, double baselineShift, double r) {
        Volume post = build(name, n, depth, dx, dz, tilt, 0, r, true, 11);
        Volume base = build(name + "-base", n, depth + 2, dx * 1.1, dz, tilt, baselineShift, r, false, 12); // other grid
        ContrastResult res = ContrastSegmenter.segment(post, base, CENTRE, CENTRE, ContrastParameters.DEFAULTS);
        double needleMm3 = Math.PI * 0.81 * 2 * r; // the needle crosses the sphere along z
        double analyticMl = (4.0 / 3 * Math.PI * r * r * r - needleMm3) / 1000;
        assertThat(res.mode()).isEqualTo("subtraction");
        assertThat(res.volumeMl()).as("volume vs analytic").isCloseTo(analyticMl, within(0.05 * analyticMl));
        int truth = truthVoxels(post, r);
        assertThat(res.voxels()).as("voxels vs voxel-centre truth").isCloseTo(truth, within((int) Math.ceil(0.03 * truth)));
        double sliceZ = Math.abs(post.geometry().sliceStep()[2]);
        assertThat(res.craniocaudalExtentMm()).as("extent").isCloseTo(2 * r, within(sliceZ));
        assertThat(res.maxHu()).isLessThan(3000); // not the needle
        assertThat(res.minHu()).isGreaterThan(1100 + 125 - 100); // not the bone slab
    }
}
