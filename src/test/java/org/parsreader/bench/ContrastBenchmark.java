package org.parsreader.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.parsreader.quant.ContrastParameters;
import org.parsreader.quant.ContrastResult;
import org.parsreader.quant.ContrastSegmenter;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;
import org.parsreader.volume.VoxelType;

/**
 * Contrast segmentation on a 512x512x400 CT (0.7 x 0.7 x 0.625 mm) with a 7 mL contrast
 * sphere touching bone (a 12 mm slab: 1.5 mm cortex, 1100 HU, on both faces of marrow, 250 HU)
 * and a needle, against one pass summing every voxel in the same process: baseline subtracted,
 * and without a baseline (the bone model). Writes the thresholded volume (post >= 300 HU and
 * enhanced >= 250 HU, the same rule) for scipy.ndimage.label in scripts/bench.sh. Medians of 7
 * runs.
 */
public final class ContrastBenchmark {
    private ContrastBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = 512, depth = 400;
        double dx = 0.7, dz = 0.625, r = 12;
        VoxelGeometry g = new VoxelGeometry(new double[] {-(n - 1) / 2.0 * dx, -(n - 1) / 2.0 * dx, -(depth - 1) / 2.0 * dz},
                new double[] {dx, 0, 0}, new double[] {0, dx, 0}, new double[] {0, 0, dz});
        Volume post = build(g, n, depth, r, true, 1);
        Volume base = build(g, n, depth, r, false, 2);
        double[] seed = {0, 0, 0};
        long sumTime = median(() -> {
            long s = 0;
            for (int k = 0; k < depth; k++) for (short v : (short[]) post.slice(k)) s += v & 0xFFFF;
            return s;
        });
        ContrastResult[] last = new ContrastResult[1];
        long segTime = median(() -> {
            last[0] = ContrastSegmenter.segment(post, base, seed, seed, ContrastParameters.DEFAULTS);
            return last[0].voxels();
        });
        ContrastResult[] model = new ContrastResult[1];
        long modelTime = median(() -> {
            model[0] = ContrastSegmenter.segment(post, null, seed, seed, ContrastParameters.DEFAULTS);
            return model[0].voxels();
        });
        double needleMm3 = Math.PI * 0.81 * 2 * r; // the needle crosses the whole sphere along z
        System.out.printf(Locale.ROOT, "| 512x512x400 CT, 7 mL contrast sphere touching bone, needle | one pass summing every voxel | %.3f | 1.00x |%n",
                sumTime / 1e9);
        System.out.printf(Locale.ROOT, "|  | **Pars Reader: baseline subtracted, segmentation + measures** (%.2f mL, %s) | %.3f | %.2fx |%n",
                last[0].volumeMl(), last[0].mode(), segTime / 1e9, (double) segTime / sumTime);
        System.out.printf(Locale.ROOT, "|  | **Pars Reader: no baseline, bone model + segmentation + measures** (%.2f mL, %s) | %.3f | %.2fx |%n",
                model[0].volumeMl(), model[0].mode(), modelTime / 1e9, (double) modelTime / sumTime);
        System.out.printf(Locale.ROOT, "|  | extra memory: one byte per voxel of the slices the mask touched: %d of %d slices (subtraction), %d (bone model) | | |%n",
                touched(last[0]), depth, touched(model[0]));
        System.out.printf(Locale.ROOT, "|  | analytic contrast volume (sphere minus needle): %.2f mL; bone model %s | | |%n",
                (4.0 / 3 * Math.PI * r * r * r - needleMm3) / 1000, model[0].boneModel().asMap());
        if (args.length > 0) {
            Path out = Path.of(args[0]);
            byte[] mask = new byte[n * n * depth];
            for (int k = 0; k < depth; k++) {
                short[] a = (short[]) post.slice(k);
                short[] b = (short[]) base.slice(k);
                for (int p = 0; p < a.length; p++) {
                    int hu = (a[p] & 0xFFFF) - 1024;
                    if (hu >= 300 && hu < 3000 && hu - ((b[p] & 0xFFFF) - 1024) >= 250) mask[k * n * n + p] = 1;
                }
            }
            Files.write(out, mask);
            System.err.println("thresholded volume written to " + out + " (" + depth + " x " + n + " x " + n + " uint8)");
        }
    }

    static int touched(ContrastResult r) {
        int n = 0;
        for (int k = 0; k < r.mask().depth(); k++) if (r.mask().touches(k)) n++;
        return n;
    }

    interface Task {
        long run();
    }

    static long median(Task t) {
        t.run();
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            System.gc();
            long t0 = System.nanoTime();
            if (t.run() < 0) throw new IllegalStateException();
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    static Volume build(VoxelGeometry g, int n, int depth, double r, boolean contrast, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Object[] data = new Object[depth];
        List<Volume.SliceInfo> infos = new ArrayList<>();
        for (int k = 0; k < depth; k++) {
            short[] s = new short[n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double[] p = g.toPatient(i, j, k);
                    double hu;
                    double nx = p[0] - 1.0, ny = p[1] - 0.5;
                    if (nx * nx + ny * ny <= 0.81 && p[2] > -r - 5) hu = 3071;
                    else if (p[0] >= r && p[0] <= r + 12) hu = p[0] < r + 1.5 || p[0] > r + 10.5 ? 1100 : 250; // cortex, marrow
                    else if (contrast && p[0] * p[0] + p[1] * p[1] + p[2] * p[2] <= r * r) hu = 1300;
                    else hu = 40;
                    s[j * n + i] = (short) Math.max(0, Math.min(4095, Math.round(hu + 1024 + rnd.nextGaussian() * 15)));
                }
            }
            data[k] = s;
            infos.add(new Volume.SliceInfo(null, -1, null, null));
        }
        return new Volume("bench", n, n, VoxelType.UINT16, data, 1, -1024, "HU", g, infos, null, false).withSource("1.2", "1.2.9");
    }
}
