package org.parsreader.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;
import org.parsreader.volume.VoxelType;

/**
 * The contrast segmentation without a baseline (bone model) against the one with a baseline
 * (subtraction), on synthetic phantoms whose bone is real bone: a 1.5 mm cortical shell
 * (1100 HU) around cancellous marrow (250 HU), in soft tissue (40 HU), noise sd 20 HU.
 *
 * <ul>
 * <li>{@code blob}: a contrast sphere (R 6 mm, 1400 HU) touching a bone bar (cylinder along z,
 * R 9 mm) with a needle through it;</li>
 * <li>{@code defect}: a pars defect: a bone bar (R 4.5 mm, 30 degrees off the head-foot axis) cut
 * across by a 2.5 mm gap whose normal is 20 degrees off the bar, both faces lined with 1.5 mm
 * cortical rims, the gap filled with contrast within the bar, the needle tip in the gap: the
 * contrast lies between two cortical plates everywhere;</li>
 * <li>{@code sclerotic}: the defect with denser rims (1300 HU) and brighter contrast (1800 HU);</li>
 * <li>each on 1 mm slices, tilted 12 degrees, and on 3 mm slices.</li>
 * </ul>
 * Truth is the count of voxel centres in contrast (needle excluded); "within 5 %" is on that
 * count, extent within one slice of the voxel-centre extent. Partial volume (each voxel the
 * mean of 3x3x3 points) and contrast fainter than cortex are measured separately below.
 */
class ContrastBoneModelTest {
    static final double NOISE = 20;
    static final double NEEDLE_HU = 3071;

    /** A scene: HU at a patient point, with or without contrast. */
    interface Scene {
        double hu(double x, double y, double z, boolean contrast);

        /** Whether the point is contrast in the post-contrast scene. */
        default boolean isContrast(double x, double y, double z) {
            return hu(x, y, z, true) != hu(x, y, z, false) && hu(x, y, z, true) < 3000;
        }
    }

    /** Bone at depth d below its surface (mm): cortex within 1.5 mm, marrow deeper. */
    static double bone(double depth, double cortex) {
        return depth < 1.5 ? cortex : 250;
    }

    static Scene blob() {
        double r = 6, rb = 9;
        return (x, y, z, contrast) -> {
            double nx = x - 1.0, ny = y - 0.5; // needle along z, radius 0.9 mm, its tip below the sphere's centre
            if (nx * nx + ny * ny <= 0.81 && z > -2) return NEEDLE_HU;
            double db = rb - Math.hypot(x - (r + rb), y);
            if (db >= 0) return bone(db, 1100);
            if (contrast && x * x + y * y + z * z <= r * r) return 1400;
            return 40;
        };
    }

    static Defect defect(double rimHu, double contrastHu) {
        return new Defect(rimHu, contrastHu);
    }

    /**
     * Pars defect: a bar of radius 4.5 mm along U (30 degrees off the head-foot axis, like a pars),
     * cut across by a 2.5 mm gap whose normal M is 20 degrees off U; both faces lined with a 1.5 mm
     * rim of {@code rimHu}; the gap within the bar holds contrast. The needle comes in within the
     * gap's plane and ends at the centre.
     */
    record Defect(double rimHu, double contrastHu) implements Scene {
        static final double RB = 4.5, HALF = 1.25;
        static final double[] U = unit(0, 0.5, -0.866);
        static final double[] M = unit(0, 0.5 - 0.35, -0.866 - 0.15);
        static final double[] NEEDLE = unit(0.5, -M[2], M[1]); // perpendicular to M

        static double[] unit(double x, double y, double z) {
            double n = Math.sqrt(x * x + y * y + z * z);
            return new double[] {x / n, y / n, z / n};
        }

        @Override
        public double hu(double x, double y, double z, boolean contrast) {
            double s = x * NEEDLE[0] + y * NEEDLE[1] + z * NEEDLE[2];
            if (s >= 0) {
                double px = x - s * NEEDLE[0], py = y - s * NEEDLE[1], pz = z - s * NEEDLE[2];
                if (px * px + py * py + pz * pz <= 0.81) return NEEDLE_HU;
            }
            double a = x * U[0] + y * U[1] + z * U[2];
            double rx = x - a * U[0], ry = y - a * U[1], rz = z - a * U[2];
            double db = RB - Math.sqrt(rx * rx + ry * ry + rz * rz);
            if (db < 0 || Math.abs(a) > 30) return 40;
            double dn = x * M[0] + y * M[1] + z * M[2];
            if (Math.abs(dn) <= HALF) return contrast ? contrastHu : 40;
            if (Math.abs(dn) - HALF < 1.5) return rimHu; // sclerotic rim along both faces of the gap
            return bone(db, 1100);
        }
    }

    static Volume build(String name, Scene scene, int n, int depth, double dx, double dz, double tiltDeg, double zOffset, boolean contrast,
                        int supersample, long seed) {
        double t = Math.toRadians(tiltDeg);
        double[] colStep = {dx, 0, 0};
        double[] rowStep = {0, dx * Math.cos(t), -dx * Math.sin(t)};
        double[] sliceStep = {0, 0, dz}; // table moves along z: sheared when tilted
        double[] origin = {-(n - 1) / 2.0 * dx, -(n - 1) / 2.0 * dx * Math.cos(t), -(depth - 1) / 2.0 * dz + zOffset + (n - 1) / 2.0 * dx * Math.sin(t)};
        VoxelGeometry g = new VoxelGeometry(origin, colStep, rowStep, sliceStep);
        SplittableRandom rnd = new SplittableRandom(seed);
        Object[] data = new Object[depth];
        List<Volume.SliceInfo> infos = new ArrayList<>();
        int ss = supersample;
        for (int k = 0; k < depth; k++) {
            short[] s = new short[n * n];
            for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) {
                double hu = 0;
                for (int a = 0; a < ss; a++) for (int b = 0; b < ss; b++) for (int c = 0; c < ss; c++) {
                    double[] p = g.toPatient(i + (a + 0.5) / ss - 0.5, j + (b + 0.5) / ss - 0.5, k + (c + 0.5) / ss - 0.5);
                    hu += scene.hu(p[0], p[1], p[2], contrast);
                }
                hu = hu / (ss * ss * ss) + rnd.nextGaussian() * NOISE;
                s[j * n + i] = (short) Math.max(0, Math.min(4095, Math.round(hu + 1024)));
            }
            data[k] = s;
            infos.add(new Volume.SliceInfo(Path.of(name + k), -1, "1.2." + k, null));
        }
        return new Volume(name, n, n, VoxelType.UINT16, data, 1, -1024, "HU", g, infos, null, false).withSource("1.2.3." + name, "1.2.9");
    }

    /** Truth on the post grid: contrast voxel count (centres, or the summed contrast fraction of 5x5x5 points) and the z extent of centres plus a slice. */
    static double[] truth(Volume v, Scene scene, boolean fractions) {
        double count = 0, zMin = Double.MAX_VALUE, zMax = -Double.MAX_VALUE;
        for (int k = 0; k < v.depth(); k++) for (int j = 0; j < v.height(); j++) for (int i = 0; i < v.width(); i++) {
            double[] p = v.geometry().toPatient(i, j, k);
            boolean centre = scene.isContrast(p[0], p[1], p[2]);
            if (centre) {
                zMin = Math.min(zMin, p[2]);
                zMax = Math.max(zMax, p[2]);
            }
            if (!fractions) {
                if (centre) count++;
                continue;
            }
            int in = 0;
            for (int a = 0; a < 5; a++) for (int b = 0; b < 5; b++) for (int c = 0; c < 5; c++) {
                double[] q = v.geometry().toPatient(i + (a + 0.5) / 5 - 0.5, j + (b + 0.5) / 5 - 0.5, k + (c + 0.5) / 5 - 0.5);
                if (scene.isContrast(q[0], q[1], q[2])) in++;
            }
            count += in / 125.0;
        }
        return new double[] {count, zMax - zMin + Math.abs(v.geometry().sliceStep()[2])};
    }

    static Scene scene(String name) {
        return switch (name) {
            case "blob" -> blob();
            case "defect" -> defect(1100, 1400);
            case "sclerotic" -> defect(1300, 1800);
            default -> throw new IllegalArgumentException(name);
        };
    }

    record Run(ContrastResult withBaseline, ContrastResult boneModel, double truthVoxels, double truthExtent, double sliceMm) {
        double errBase() { return withBaseline.voxels() / truthVoxels - 1; }

        double errModel() { return boneModel.voxels() / truthVoxels - 1; }
    }

    static Run run(String label, String sceneName, int depth, double dz, double tilt, int supersample, double[] seed, double[] tip) {
        Scene scene = scene(sceneName);
        Volume post = build(label, scene, 64, depth, 0.7, dz, tilt, 0, true, supersample, 11);
        Volume base = build(label + "-base", scene, 64, depth + 2, 0.77, dz, tilt, 0.4, false, supersample, 12); // its own grid
        ContrastResult sub = ContrastSegmenter.segment(post, base, seed, tip, ContrastParameters.DEFAULTS);
        ContrastResult model = ContrastSegmenter.segment(post, null, seed, tip, ContrastParameters.DEFAULTS);
        double[] t = truth(post, scene, supersample > 1);
        Run r = new Run(sub, model, t[0], t[1], Math.abs(post.geometry().sliceStep()[2]));
        System.out.printf(Locale.ROOT, "%-34s truth %7.1f voxels, extent %5.1f mm | %s %5d (%+5.1f %%) %5.1f mm | bone model %5d (%+5.1f %%) %5.1f mm, %s%n",
                label, t[0], t[1], sub.mode(), sub.voxels(), 100 * r.errBase(), sub.craniocaudalExtentMm(), model.voxels(), 100 * r.errModel(),
                model.craniocaudalExtentMm(), model.boneModel().asMap());
        if (!sub.mode().equals("subtraction")) System.out.println("  baseline not used: " + sub.warnings());
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "blob_touching_bone_needle_1mm,      blob,      40, 1.0, 0",
        "blob_touching_bone_tilt12,          blob,      40, 1.0, 12",
        "blob_touching_bone_3mm_slices,      blob,      14, 3.0, 0",
        "pars_defect_gap_needle_1mm,         defect,    40, 1.0, 0",
        "pars_defect_gap_tilt12,             defect,    40, 1.0, 12",
        "pars_defect_sclerotic_rims_1mm,     sclerotic, 40, 1.0, 0",
        "pars_defect_sclerotic_rims_tilt12,  sclerotic, 40, 1.0, 12"})
    void withoutBaselineWithinFivePercentAndOneSliceLikeWithBaseline(String label, String sceneName, int depth, double dz, double tilt) {
        double[] seed = sceneName.equals("blob") ? new double[] {-2, -2, 1} : new double[] {-3, 0, 0};
        double[] tip = sceneName.equals("blob") ? new double[] {1.0, 0.5, -2} : new double[] {0, 0, 0};
        Run r = run(label, sceneName, depth, dz, tilt, 1, seed, tip);
        assertThat(r.boneModel().mode()).isEqualTo("bone-model");
        assertThat(r.boneModel().boneModel().separable()).isTrue();
        assertThat(r.errModel()).as("bone model volume error").isBetween(-0.05, 0.05);
        assertThat(r.boneModel().craniocaudalExtentMm()).as("bone model extent").isCloseTo(r.truthExtent(), within(r.sliceMm()));
        assertThat(r.withBaseline().mode()).isEqualTo("subtraction");
        assertThat(r.errBase()).as("baseline volume error").isBetween(-0.05, 0.05);
        assertThat(r.withBaseline().craniocaudalExtentMm()).as("baseline extent").isCloseTo(r.truthExtent(), within(r.sliceMm()));
        assertThat(r.boneModel().maxHu()).isLessThan(3000); // never the needle
    }

    /**
     * A pars defect on 3 mm slices. Point-sampled, the 2.5 mm gap (nearly axial) falls on two
     * slices whose contrast lies on opposite halves of the bar and is not 26-connected on the grid:
     * from one seed both paths find one slice, half the truth (measured -50 %): a limit of the grid,
     * not of the bone model. A real 3 mm slice averages over its thickness (simulated with 3x3x3
     * points per voxel): both slices then show the gap across the bar, diluted with its cortical
     * rims to about 1220 HU, which is no longer clearly brighter than cortex. Measured against the
     * summed contrast fraction: bone model +22 % (and it says the contrast is not separable),
     * subtraction +46 % (every voxel enhanced by 250 HU counts whole). Neither reaches 5 %: thin
     * contrast on thick slices is a partial-volume problem both paths share.
     */
    @Test
    void parsDefectOn3mmSlicesMeasured() {
        Run point = run("pars_defect_gap_3mm_point_sampled", "defect", 14, 3.0, 0, 1, new double[] {-3, 0, 0}, new double[] {0, 0, 0});
        assertThat(point.errModel()).as("one of two disconnected slices").isBetween(-0.55, -0.45);
        assertThat(point.errBase()).as("subtraction, the same limit").isBetween(-0.55, -0.30);
        Run pv = run("pars_defect_gap_3mm_partial_volume", "defect", 14, 3.0, 0, 3, new double[] {-3, 0, 0}, new double[] {0, 0, 0});
        assertThat(pv.boneModel().mode()).isEqualTo("bone-model");
        assertThat(pv.boneModel().boneModel().separable()).isFalse();
        assertThat(pv.boneModel().warnings()).anyMatch(w -> w.contains("not clearly brighter"));
        assertThat(pv.errModel()).as("measured +22 %").isBetween(0.0, 0.30);
        assertThat(pv.errBase()).as("measured +46 %").isBetween(0.30, 0.60);
        assertThat(pv.boneModel().craniocaudalExtentMm()).isCloseTo(pv.truthExtent(), within(pv.sliceMm()));
    }

    /**
     * Partial volume (every voxel the mean of 3x3x3 points, truth the summed contrast fraction):
     * the bone model counts a voxel when more than half of it is contrast; subtraction counts every
     * voxel enhanced by 250 HU, so it counts more. Measured: bone model -5.1 %, subtraction +5.9 %,
     * both extents within one slice; held here to 10 %, not forced under 5 %.
     */
    @Test
    void partialVolumeMeasured() {
        Run r = run("blob_touching_bone_partial_volume", "blob", 40, 1.0, 0, 3, new double[] {-2, -2, 1}, new double[] {1.0, 0.5, -2});
        assertThat(r.boneModel().mode()).isEqualTo("bone-model");
        assertThat(r.errModel()).as("bone model volume error with partial volume").isBetween(-0.10, 0.10);
        assertThat(r.boneModel().craniocaudalExtentMm()).isCloseTo(r.truthExtent(), within(r.sliceMm()));
    }

    /**
     * Contrast fainter than cortex (900 HU against 1100 HU cortex): no single-CT method can tell
     * contrast between two cortical plates from cortex. In the defect nothing can be counted and
     * the error says why; a pool touching bone loses what lies within cortex_mm of marrow. The
     * model says so, never takes bone, and the measured error is printed and held.
     */
    @Test
    void contrastFainterThanCortexIsReportedNotFaked() {
        Scene gap = defect(1100, 900);
        Volume post = build("faint-defect", gap, 64, 40, 0.7, 1.0, 0, 0, true, 1, 11);
        double[] tg = truth(post, gap, false);
        try {
            ContrastResult d = ContrastSegmenter.segment(post, null, new double[] {-3, 0, 0}, new double[] {0, 0, 0}, ContrastParameters.DEFAULTS);
            System.out.printf(Locale.ROOT, "faint contrast in a defect: %d voxels of %.0f (%+.1f %%), %s%n", d.voxels(), tg[0], 100 * (d.voxels() / tg[0] - 1),
                    d.boneModel().asMap());
            assertThat(d.boneModel().separable()).isFalse();
            assertThat(d.warnings()).anyMatch(w -> w.contains("not clearly brighter than this CT's cortical bone"));
            assertThat(d.voxels()).as("an underestimate, never bone").isLessThanOrEqualTo((int) tg[0]);
            assertThat(d.maxHu()).isLessThan(1000);
        } catch (QuantException e) {
            System.out.println("faint contrast in a defect: nothing found (-100 %): " + e.getMessage());
            assertThat(e).hasMessageContaining("not brighter than this CT's cortex");
        }

        Scene pool = (x, y, z, contrast) -> {
            double v = blob().hu(x, y, z, contrast);
            return v == 1400 ? 900 : v;
        };
        Volume post2 = build("faint-pool", pool, 64, 40, 0.7, 1.0, 0, 0, true, 1, 11);
        ContrastResult r = ContrastSegmenter.segment(post2, null, new double[] {-2, -2, 1}, null, ContrastParameters.DEFAULTS);
        double[] t = truth(post2, pool, false);
        double err = r.voxels() / t[0] - 1;
        System.out.printf(Locale.ROOT, "faint pool touching bone: %d voxels of %.0f (%+.1f %%), %s%n", r.voxels(), t[0], 100 * err, r.boneModel().asMap());
        assertThat(r.boneModel().separable()).isFalse();
        assertThat(r.warnings()).anyMatch(w -> w.contains("not clearly brighter than this CT's cortical bone"));
        assertThat(err).as("an underestimate, never bone").isBetween(-0.25, 0.0);
        assertThat(r.maxHu()).isLessThan(1000);
    }
}
