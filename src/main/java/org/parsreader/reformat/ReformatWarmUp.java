package org.parsreader.reformat;

import java.util.ArrayList;
import java.util.List;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;
import org.parsreader.volume.VoxelType;

/**
 * Makes the first reformat of a session fast (issue 12 point 5): runs {@link Reformatter}'s code
 * paths (the interior of a plane, its edges, a thick slab) on a small volume built here, often
 * enough that the JVM loads the classes and compiles the sampling loops, so that the reader's
 * first plane is sampled by compiled code and not interpreted (measured: a cold 573x400 plane of a
 * 512x512x400 CT took 10-35 times as long as a warm one, BENCHMARKS.md). The panel runs it in the
 * background while a case opens. About 1.5 million samples: tens of ms of one core.
 *
 * <p>It doubles as a self-check: the volume holds a function linear in patient mm, which trilinear
 * sampling reproduces exactly, and {@link #run} returns the largest error seen.
 */
public final class ReformatWarmUp {
    /** Planes sampled: enough for the JIT's thresholds (thousands of calls of the row loops). */
    static final int ROUNDS = 120;
    private static final int N = 48, DEPTH = 20;

    private ReformatWarmUp() {}

    /** Runs the warm-up on the calling thread; returns the largest difference from the exact answer (HU; 0 up to rounding). */
    public static double run() {
        Volume v = volume();
        Reformatter r = new Reformatter(v);
        double[] c = Plane.centre(v);
        Plane sag = ParsPlane.through(c, null, null).plane(v, 0); // what the viewer's Sag MPR shows first
        Plane oblique = Plane.oblique(v, c, new double[] {1, 0.4, 0.2}, null, 0.5);
        double worst = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Plane p = (round % 2 == 0 ? sag : oblique).shifted((round % 7 - 3) * 0.9);
            float[] px = r.sample(p);
            if (round % 10 == 0) worst = Math.max(worst, worst(v, p, px));
            if (round % 12 == 0) r.slab(p, 2.5, Reformatter.Mode.MIP);
        }
        return worst;
    }

    /**
     * The warm-up's small CT (48x48x20, 16-bit, HU, on a sheared anisotropic grid), holding a function
     * linear in voxel coordinates; also for warming the code around the reformatter (the viewer).
     */
    public static Volume volume() {
        VoxelGeometry g = new VoxelGeometry(new double[] {-12, -10, 5}, new double[] {0.5, 0, 0}, new double[] {0, 0.45, 0.1},
                new double[] {0, 0.2, 1.25});
        Object[] data = new Object[DEPTH];
        List<Volume.SliceInfo> info = new ArrayList<>();
        for (int k = 0; k < DEPTH; k++) {
            short[] s = new short[N * N];
            for (int j = 0; j < N; j++) for (int i = 0; i < N; i++) s[j * N + i] = (short) stored(i, j, k);
            data[k] = s;
            info.add(new Volume.SliceInfo(null, -1, "2.25.1." + k, null));
        }
        return new Volume("warm-up", N, N, VoxelType.UINT16, data, 1, -1024, "HU", g, info, null, false);
    }

    private static int stored(int i, int j, int k) {
        return 1024 + 3 * i + 5 * j + 11 * k;
    }

    /** Largest difference between the sampled pixels that are numbers and the exact value at their patient points. */
    private static double worst(Volume v, Plane p, float[] px) {
        double worst = 0;
        for (int y = 0; y < p.height(); y += 3) {
            for (int x = 0; x < p.width(); x += 3) {
                float got = px[y * p.width() + x];
                if (got != got) continue;
                double[] q = p.point(x, y);
                double[] ijk = v.geometry().toVoxel(q[0], q[1], q[2]);
                double exact = 3 * ijk[0] + 5 * ijk[1] + 11 * ijk[2];
                worst = Math.max(worst, Math.abs(got - exact));
            }
        }
        return worst;
    }
}
