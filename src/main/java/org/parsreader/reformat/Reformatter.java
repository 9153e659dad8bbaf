package org.parsreader.reformat;

import java.util.stream.IntStream;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/**
 * Samples a {@link Volume} on {@link Plane}s in patient space: trilinear interpolation of the
 * stored values on the exact voxel grid (anisotropic and gantry-tilt-sheared grids alike, through
 * {@link VoxelGeometry}), then the volume's calibration ({@code slope * stored + intercept}, HU
 * for CT). A point outside the volume's voxel centres, or one that takes weight from a placeholder
 * slice ({@link Volume#isValidSlice}), is NaN: bad data is never a number.
 *
 * <p>Speed: the patient-to-voxel map is affine, so along a plane the voxel coordinates advance by
 * two constant steps (per pixel and per row), computed once per plane; the loops allocate
 * nothing per sample; a slab takes a pixel's samples one after another. Large planes may be split
 * by rows over the common fork-join pool ({@link #parallel}).
 *
 * <p>A thick slab takes samples along the normal at {@code m * step} for every integer m with
 * {@code |m * step| <= thickness / 2}, step the volume's smallest voxel spacing, and keeps their
 * maximum (MIP) or mean; samples outside the volume or on a placeholder slice are left out of a
 * slab (a slab at the edge of the volume reports what lies inside), and a pixel none of whose
 * samples is inside is NaN.
 */
public final class Reformatter {
    /** How the samples of a thick slab become one value. */
    public enum Mode { MIP, MEAN }

    /** Tolerance (voxels) for points on the volume's boundary, against rounding in the transform. */
    private static final double EPS = 1e-6;
    /** Below this many samples a plane is sampled on the calling thread. */
    private static final long PARALLEL_SAMPLES = 1 << 16;

    private final Volume volume;
    private final VoxelGeometry geometry;
    private final int w, h, d;
    private final short[][] s16;
    private final byte[][] s8;
    private final float[][] f32;
    private final boolean[] valid;
    private final double slope, intercept;
    private final int stepI, stepJ, stepK;
    private boolean parallel;

    public Reformatter(Volume v) {
        this.volume = v;
        this.geometry = Plane.geometry(v);
        this.w = v.width();
        this.h = v.height();
        this.d = v.depth();
        this.slope = v.slope();
        this.intercept = v.intercept();
        this.valid = new boolean[d];
        for (int k = 0; k < d; k++) valid[k] = v.isValidSlice(k);
        short[][] a16 = null;
        byte[][] a8 = null;
        float[][] af = null;
        switch (v.type()) {
            case UINT16 -> {
                a16 = new short[d][];
                for (int k = 0; k < d; k++) a16[k] = (short[]) v.slice(k);
            }
            case UINT8 -> {
                a8 = new byte[d][];
                for (int k = 0; k < d; k++) a8[k] = (byte[]) v.slice(k);
            }
            case FLOAT32 -> {
                af = new float[d][];
                for (int k = 0; k < d; k++) af[k] = (float[]) v.slice(k);
            }
            case RGB -> throw new IllegalArgumentException("volume " + v.name() + " is RGB colour: reformatting needs one value per voxel");
        }
        this.s16 = a16;
        this.s8 = a8;
        this.f32 = af;
        // neighbour offsets; a single column, row or slice has no neighbour (its weight is 0)
        this.stepI = w > 1 ? 1 : 0;
        this.stepJ = h > 1 ? w : 0;
        this.stepK = d > 1 ? 1 : 0;
    }

    /**
     * Whether a large plane is split by rows over the common fork-join pool (default no: on the
     * shared 2-core machine of BENCHMARKS.md two threads halved a plane's time with the cores free
     * but doubled it under load; a UI on a free workstation may turn it on). Returns this reformatter.
     */
    public Reformatter parallel(boolean on) {
        this.parallel = on;
        return this;
    }

    public Volume volume() {
        return volume;
    }

    /** The calibrated value at a patient point (mm), NaN outside or on a placeholder slice. */
    public double valueAt(double[] p) {
        double[] c = geometry.toVoxel(p[0], p[1], p[2]);
        return sampleVoxel(c[0], c[1], c[2]);
    }

    /** The plane, row by row (index j * width + i), calibrated; NaN outside. */
    public float[] sample(Plane p) {
        float[] out = new float[p.width() * p.height()];
        run(p, 0, 1, Mode.MIP, out);
        return out;
    }

    /**
     * A thick slab of {@code thicknessMm} centred on the plane; 0 is the plane itself.
     *
     * @throws IllegalArgumentException naming "slab" for a thickness that is not a number &gt;= 0 or
     *                                  is thicker than the volume along the plane's normal
     */
    public float[] slab(Plane p, double thicknessMm, Mode mode) {
        int m = halfCount(p, thicknessMm);
        float[] out = new float[p.width() * p.height()];
        run(p, m, slabStep(), mode, out);
        return out;
    }

    /**
     * {@code count} parallel planes, the first {@code first}, each the next moved by {@code stepMm}
     * along the normal; each a slab of {@code thicknessMm} (0: thin).
     */
    public float[][] stack(Plane first, int count, double stepMm, double thicknessMm, Mode mode) {
        if (count < 1) throw new IllegalArgumentException("planes " + count + " must be at least 1");
        if (!(Math.abs(stepMm) > 0) || Double.isInfinite(stepMm)) throw new IllegalArgumentException("plane spacing " + Vec.num(stepMm) + " mm must be a non-zero number");
        int m = halfCount(first, thicknessMm);
        float[][] out = new float[count][];
        for (int s = 0; s < count; s++) {
            out[s] = new float[first.width() * first.height()];
            run(first.shifted(s * stepMm), m, slabStep(), mode, out[s]);
        }
        return out;
    }

    /** The step (mm) between slab samples: the volume's smallest voxel spacing. */
    public double slabStep() {
        return Plane.smallestSpacing(volume);
    }

    /**
     * The volume's full thickness along the plane's normal (mm): the distance between the outer
     * faces of its voxels.
     */
    public double thicknessAlong(Plane p) {
        double[] n = p.normal();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < 8; m++) {
            double[] c = geometry.toPatient((m & 1) == 0 ? -0.5 : w - 0.5, (m & 2) == 0 ? -0.5 : h - 0.5, (m & 4) == 0 ? -0.5 : d - 0.5);
            double t = Vec.dot(c, n);
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        return hi - lo;
    }

    /** Whether the plane passes through the volume (between its outermost voxel centres). */
    public boolean cuts(Plane p) {
        double[] r = p.depthRange(volume);
        return r[0] <= 1e-6 && r[1] >= -1e-6;
    }

    private int halfCount(Plane p, double thicknessMm) {
        if (!(thicknessMm >= 0) || Double.isInfinite(thicknessMm)) {
            throw new IllegalArgumentException("slab " + Vec.num(thicknessMm) + " mm must be a number >= 0");
        }
        double t = thicknessAlong(p);
        if (thicknessMm > t + 1e-9) {
            throw new IllegalArgumentException("slab " + Vec.num(thicknessMm) + " mm is thicker than the volume along the plane's normal ("
                    + Vec.num(Math.round(t * 1000) / 1000.0) + " mm)");
        }
        return (int) Math.floor(thicknessMm / 2 / slabStep() + 1e-9);
    }

    /** Samples offsets -m..m (times step) along the normal into out. */
    private void run(Plane p, int m, double step, Mode mode, float[] out) {
        double[] n = p.normal();
        double[] v0 = geometry.toVoxel(p.origin()[0], p.origin()[1], p.origin()[2]);
        double[] vi = delta(p.point(1, 0), p.origin(), v0);
        double[] vj = delta(p.point(0, 1), p.origin(), v0);
        double[] vn = delta(new double[] {p.origin()[0] + n[0] * step, p.origin()[1] + n[1] * step, p.origin()[2] + n[2] * step}, p.origin(), v0);
        int width = p.width(), height = p.height();
        long samples = (long) width * height * (2L * m + 1);
        if (!parallel || samples < PARALLEL_SAMPLES) {
            rows(0, height, width, v0, vi, vj, vn, m, mode, out);
        } else {
            int chunks = Math.min(height, 4 * Runtime.getRuntime().availableProcessors());
            IntStream.range(0, chunks).parallel().forEach(c ->
                    rows((int) ((long) height * c / chunks), (int) ((long) height * (c + 1) / chunks), width, v0, vi, vj, vn, m, mode, out));
        }
    }

    /** Voxel-space change from patient point a to b, given a's voxel coordinates. */
    private double[] delta(double[] b, double[] a, double[] va) {
        double[] vb = geometry.toVoxel(b[0], b[1], b[2]);
        return new double[] {vb[0] - va[0], vb[1] - va[1], vb[2] - va[2]};
    }

    private void rows(int j0, int j1, int width, double[] v0, double[] vi, double[] vj, double[] vn, int m, Mode mode, float[] out) {
        boolean mean = mode == Mode.MEAN;
        for (int j = j0; j < j1; j++) {
            int row = j * width;
            double x = v0[0] + j * vj[0], y = v0[1] + j * vj[1], z = v0[2] + j * vj[2];
            if (m == 0) {
                // 16-bit data: the pixels whose 8 neighbours all lie inside skip the bounds checks
                int ia = 0, ib = 0;
                if (s16 != null) {
                    long[] in = {0, width};
                    clip(in, x, vi[0], w);
                    clip(in, y, vi[1], h);
                    clip(in, z, vi[2], d);
                    ia = (int) Math.min(width, in[0] + 1);
                    ib = (int) Math.min(width, Math.max(ia, in[1] - 1));
                }
                for (int i = 0; i < ia; i++) out[row + i] = (float) sampleVoxel(x + i * vi[0], y + i * vi[1], z + i * vi[2]);
                interior16(x, y, z, vi, ia, ib, out, row);
                for (int i = ib; i < width; i++) out[row + i] = (float) sampleVoxel(x + i * vi[0], y + i * vi[1], z + i * vi[2]);
                continue;
            }
            // the slab's samples of one pixel one after another: along the normal they share cache lines
            for (int i = 0; i < width; i++) {
                double px = x + i * vi[0], py = y + i * vi[1], pz = z + i * vi[2];
                double acc = mean ? 0 : Double.NEGATIVE_INFINITY;
                int count = 0;
                for (int s = -m; s <= m; s++) {
                    double v = sampleVoxel(px + s * vn[0], py + s * vn[1], pz + s * vn[2]);
                    if (v != v) continue;
                    count++;
                    if (mean) {
                        acc += v;
                    } else if (v > acc) {
                        acc = v;
                    }
                }
                out[row + i] = count == 0 ? Float.NaN : (float) (mean ? acc / count : acc);
            }
        }
    }

    /**
     * Narrows [in[0], in[1]) to the pixels i with {@code 0 <= c + i * a < n - 1} (so a voxel and
     * its neighbour along this axis both exist); empty for a single voxel along the axis.
     */
    private static void clip(long[] in, double c, double a, int n) {
        double hi = n - 1;
        if (n < 2) {
            in[1] = in[0];
        } else if (a == 0) {
            if (!(c >= 0 && c < hi)) in[1] = in[0];
        } else {
            double t0 = (0 - c) / a, t1 = (hi - c) / a;
            double lo = Math.min(t0, t1), up = Math.max(t0, t1);
            in[0] = Math.max(in[0], (long) Math.ceil(Math.max(lo, -1e9)));
            in[1] = Math.min(in[1], (long) Math.floor(Math.min(up, 1e9)));
        }
        if (in[1] < in[0]) in[1] = in[0];
    }

    /** Pixels [ia, ib) of a row, all strictly inside the 16-bit volume (see {@link #clip}). */
    private void interior16(double x, double y, double z, double[] vi, int ia, int ib, float[] out, int row) {
        double ax = vi[0], ay = vi[1], az = vi[2];
        for (int i = ia; i < ib; i++) {
            double px = x + i * ax, py = y + i * ay, pz = z + i * az;
            int i0 = (int) px, j0 = (int) py, k0 = (int) pz;
            double fx = px - i0, fy = py - j0, fz = pz - k0;
            if (fz < 1e-9) {
                fz = 0;
            } else if (fz > 1 - 1e-9) {
                k0++;
                fz = 0;
            }
            if (!valid[k0] || (fz > 0 && !valid[k0 + 1])) {
                out[row + i] = Float.NaN;
                continue;
            }
            int idx = j0 * w + i0;
            short[] a = s16[k0];
            double t = (a[idx] & 0xFFFF) + fx * ((a[idx + 1] & 0xFFFF) - (a[idx] & 0xFFFF));
            double b = (a[idx + w] & 0xFFFF) + fx * ((a[idx + w + 1] & 0xFFFF) - (a[idx + w] & 0xFFFF));
            double v = t + fy * (b - t);
            if (fz > 0) {
                short[] c = s16[k0 + 1];
                double t2 = (c[idx] & 0xFFFF) + fx * ((c[idx + 1] & 0xFFFF) - (c[idx] & 0xFFFF));
                double b2 = (c[idx + w] & 0xFFFF) + fx * ((c[idx + w + 1] & 0xFFFF) - (c[idx + w] & 0xFFFF));
                v += fz * (t2 + fy * (b2 - t2) - v);
            }
            out[row + i] = (float) (slope * v + intercept);
        }
    }

    /** Trilinear sample at continuous voxel coordinates, calibrated; NaN outside or on a placeholder. */
    double sampleVoxel(double x, double y, double z) {
        if (!(x >= -EPS && y >= -EPS && z >= -EPS && x <= w - 1 + EPS && y <= h - 1 + EPS && z <= d - 1 + EPS)) return Double.NaN;
        x = Math.min(Math.max(x, 0), w - 1);
        y = Math.min(Math.max(y, 0), h - 1);
        z = Math.min(Math.max(z, 0), d - 1);
        int i0 = Math.min((int) x, Math.max(w - 2, 0));
        int j0 = Math.min((int) y, Math.max(h - 2, 0));
        int k0 = Math.min((int) z, Math.max(d - 2, 0));
        double fx = x - i0, fy = y - j0, fz = z - k0;
        // on a slice plane up to rounding: no weight from the neighbour (it may be a placeholder)
        if (fz < 1e-9) {
            fz = 0;
        } else if (fz > 1 - 1e-9 && stepK > 0) {
            k0++;
            fz = 0;
        }
        if (!valid[k0] || (fz > 0 && !valid[k0 + 1])) return Double.NaN;
        int idx = j0 * w + i0;
        double a = bilinear(k0, idx, fx, fy);
        double stored = fz == 0 ? a : a + fz * (bilinear(k0 + 1, idx, fx, fy) - a);
        return slope * stored + intercept;
    }

    private double bilinear(int k, int idx, double fx, double fy) {
        double v00, v10, v01, v11;
        int i10 = idx + stepI, i01 = idx + stepJ, i11 = i01 + stepI;
        if (s16 != null) {
            short[] s = s16[k];
            v00 = s[idx] & 0xFFFF;
            v10 = s[i10] & 0xFFFF;
            v01 = s[i01] & 0xFFFF;
            v11 = s[i11] & 0xFFFF;
        } else if (f32 != null) {
            float[] s = f32[k];
            v00 = s[idx];
            v10 = s[i10];
            v01 = s[i01];
            v11 = s[i11];
        } else {
            byte[] s = s8[k];
            v00 = s[idx] & 0xFF;
            v10 = s[i10] & 0xFF;
            v01 = s[i01] & 0xFF;
            v11 = s[i11] & 0xFF;
        }
        double top = v00 + fx * (v10 - v00);
        double bottom = v01 + fx * (v11 - v01);
        return top + fy * (bottom - top);
    }
}
