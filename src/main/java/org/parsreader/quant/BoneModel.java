package org.parsreader.quant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/**
 * The bone model that separates contrast from bone on a single post-contrast CT, when no
 * pre-contrast baseline can be subtracted. Learnt per case from the CT around the seed.
 *
 * <h2>What tells contrast from bone on one CT</h2>
 * <ol>
 * <li><b>Structure.</b> Bone is a cortical shell around cancellous bone: every cortical voxel
 * lies within a few millimetres of cancellous marrow (120-500 HU). Contrast pools in
 * soft tissue, joint spaces and defect gaps; away from bone it has no cancellous bone behind it.
 * A voxel is in the <i>bone shell</i> when a cancellous voxel lies within {@code cortexMm}
 * (default 3 mm: cortex plus one voxel of blur). A voxel is cancellous when it reads
 * {@code cancellousMinHu..cancellousMaxHu} and none of its eight in-plane neighbours reads
 * below {@code cancellousMinHu}: marrow is wrapped in cortex and never touches soft tissue, so
 * even a one-voxel core of an articular process counts, while a partial-volume rim around
 * contrast or cortex in soft tissue (which reads in the same range) always touches soft tissue
 * and does not.</li>
 * <li><b>Intensity, per case.</b> The cortex HU of this CT is the mode of the HU histogram of
 * bright (above {@code cancellousMaxHu}) shell voxels within {@code boneModelRadiusMm} of the seed;
 * its spread sigma from the upper half of that peak (robust: contrast in the shell is a minority
 * and lies in the tail); "brighter than cortex" means above cortex + 3 sigma. The contrast HU is the
 * median of the voxels brighter than that within 3 mm of the seed, the soft tissue HU the median of
 * -250..120 HU voxels around.</li>
 * </ol>
 * A voxel is contrast when it is not metal and either
 * <ul>
 * <li>at least the <i>core threshold</i> max(cortex + 3 sigma, (contrast + cortex) / 2): brighter
 * than any cortex of this case, and at a contrast/cortex boundary the half-way value, so a voxel
 * counts when more than half of it is contrast; this is what keeps contrast inside a pars defect or
 * a facet joint, between two cortical plates, or</li>
 * <li>at least the <i>rim threshold</i> (contrast + soft tissue) / 2 and outside the bone shell:
 * contrast in soft tissue, with its boundary at the half-way value against soft tissue; a voxel
 * within 3 sigma of this CT's cortex HU is not taken here: bone without marrow (thin plates,
 * articular process tips) is all cortex and lies outside the shell.</li>
 * </ul>
 *
 * <h2>Assumptions (where it fails)</h2>
 * <ul>
 * <li>Cancellous bone near the seed reads 120-500 HU (osteoporotic marrow below ~120 HU, or bone
 * without marrow, is not recognised: when fewer than
 * {@value #MIN_SAMPLES} cancellous or cortical samples are found the model is not used and the
 * segmenter falls back to the fixed {@code thresholdHu}, and says so).</li>
 * <li>Cortex, sclerotic defect margins included, reads near this CT's cortex HU, or lies within
 * {@code cortexMm} of marrow; a sclerotic rim much brighter than the rest of the cortex and thicker
 * than that may be taken for contrast where it touches contrast.</li>
 * <li>Partial volume: a contrast/soft-tissue edge voxel whose HU falls within 3 sigma of the cortex
 * HU is not counted (in a point-sampled phantom there are none; in real data this trims part of
 * one voxel layer of contrast lying free in soft tissue).</li>
 * <li>Contrast pooled in soft tissue reads above {@code cancellousMaxHu} (a dilute pool of
 * 120-500 HU has the HU of marrow: its inside is taken for bone).</li>
 * <li>Contrast is brighter than cortex (in practice iodinated contrast is injected at 1000-3000+
 * HU). When the contrast near the seed is not at least 2 sigma above the core threshold, contrast
 * within the bone shell cannot be told from cortex and is not counted: the result says so (see
 * {@link #separable()}); the volume is then an underestimate (measured in
 * {@code ContrastBoneModelTest}).</li>
 * </ul>
 *
 * @param found            whether enough cancellous and cortical samples were found to use the model
 * @param cortexHu         mode of the cortical HU near the seed
 * @param cortexSdHu       spread of cortex HU (upper half of its peak)
 * @param contrastHu       median HU of the contrast near the seed
 * @param softTissueHu     median soft tissue HU near the seed
 * @param coreThresholdHu  contrast anywhere at or above this
 * @param rimThresholdHu   contrast outside the bone shell at or above this
 * @param separable        contrast is clearly brighter than cortex
 * @param cortexSamples    shell voxels sampled for the cortex histogram
 * @param cancellousSamples cancellous plateau voxels among the samples
 */
public record BoneModel(boolean found, double cortexHu, double cortexSdHu, double contrastHu, double softTissueHu,
                        double coreThresholdHu, double rimThresholdHu, boolean separable, int cortexSamples, int cancellousSamples) {

    /** Fewer cortical or cancellous samples than this near the seed: no model. */
    static final int MIN_SAMPLES = 30;
    static final double SOFT_MIN_HU = -250;
    static final double SOFT_MAX_HU = 120;
    private static final int BIN_HU = 10;

    /** Provenance: what the model learnt from this CT. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("bone_model", found ? "yes" : "no (too little bone near the seed)");
        if (!found) return m;
        m.put("cortex_hu", fmt(cortexHu));
        m.put("cortex_sd_hu", fmt(cortexSdHu));
        m.put("contrast_hu", fmt(contrastHu));
        m.put("soft_tissue_hu", fmt(softTissueHu));
        m.put("core_threshold_hu", fmt(coreThresholdHu));
        m.put("rim_threshold_hu", fmt(rimThresholdHu));
        m.put("separable", Boolean.toString(separable));
        return m;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.0f", d);
    }

    /** Is voxel (i, j, k) contrast under this model? (the volume's value and the shell test) */
    boolean contrast(double hu, Shell shell, int i, int j, int k) {
        if (hu >= coreThresholdHu) return true;
        if (hu < rimThresholdHu) return false;
        // a voxel with the HU of this CT's cortex is cortex (a plate without marrow, an articular
        // process tip) or a mostly-cortex edge; contrast of that HU is not counted (an
        // underestimate, said in the warnings, rather than bone taken for contrast)
        if (Math.abs(hu - cortexHu) <= 3 * cortexSdHu) return false;
        return !shell.inShell(i, j, k);
    }

    /** Learns the model from the CT around the seed (patient mm). */
    static BoneModel estimate(Volume v, Shell shell, double[] seed, ContrastParameters p) {
        VoxelGeometry g = v.geometry();
        double[] c = g.toVoxel(seed[0], seed[1], seed[2]);
        double[] s = g.spacing();
        int ci = (int) Math.round(c[0]), cj = (int) Math.round(c[1]), ck = (int) Math.round(c[2]);
        double r = p.boneModelRadiusMm();
        int ri = (int) Math.ceil(r / s[0]), rj = (int) Math.ceil(r / s[1]), rk = (int) Math.ceil(r / s[2]);
        int lo = (int) Math.floor(p.cancellousMaxHu());
        int bins = (int) Math.ceil((p.metalHu() - lo) / BIN_HU) + 1;
        int[] cortex = new int[bins];
        int[] soft = new int[(int) ((SOFT_MAX_HU - SOFT_MIN_HU) / BIN_HU) + 1];
        int nCortex = 0, nSoft = 0, nCancellous = 0;
        for (int k = Math.max(0, ck - rk); k <= Math.min(v.depth() - 1, ck + rk); k++) {
            if (!v.isValidSlice(k)) continue;
            double dk = (k - ck) * s[2] / r;
            for (int j = Math.max(0, cj - rj); j <= Math.min(v.height() - 1, cj + rj); j += 2) {
                double dj = (j - cj) * s[1] / r;
                for (int i = Math.max(0, ci - ri); i <= Math.min(v.width() - 1, ci + ri); i += 2) {
                    double di = (i - ci) * s[0] / r;
                    if (di * di + dj * dj + dk * dk > 1) continue;
                    double hu = v.value(i, j, k);
                    if (hu >= p.metalHu()) continue;
                    if (hu >= SOFT_MIN_HU && hu <= SOFT_MAX_HU) {
                        soft[(int) ((hu - SOFT_MIN_HU) / BIN_HU)]++;
                        nSoft++;
                    } else if (hu > p.cancellousMaxHu()) {
                        if (shell.inShell(i, j, k)) {
                            cortex[Math.min(bins - 1, (int) ((hu - lo) / BIN_HU))]++;
                            nCortex++;
                        }
                    } else if (hu >= p.cancellousMinHu() && shell.plateau(i, j, k)) {
                        nCancellous++;
                    }
                }
            }
        }
        double softHu = nSoft == 0 ? 0 : SOFT_MIN_HU + (quantileBin(soft, nSoft, 0.5) + 0.5) * BIN_HU;
        if (nCortex < MIN_SAMPLES || nCancellous < MIN_SAMPLES) {
            return new BoneModel(false, Double.NaN, Double.NaN, Double.NaN, softHu, p.thresholdHu(), p.thresholdHu(), false, nCortex, nCancellous);
        }
        // cortex: the mode of the smoothed histogram (5 bins = 50 HU window)
        int mode = 0;
        long best = -1;
        for (int b = 0; b < bins; b++) {
            long sum = 0;
            for (int d = -2; d <= 2; d++) if (b + d >= 0 && b + d < bins) sum += cortex[b + d];
            if (sum > best) {
                best = sum;
                mode = b;
            }
        }
        double cortexHu = lo + (mode + 0.5) * BIN_HU;
        // spread from the upper half of the peak (partial volume with cancellous bone and soft
        // tissue fills the lower side): median of (hu - mode) over [mode, mode + 250] = 0.6745 sd
        int upper = Math.min(bins - 1, mode + 25);
        int nUp = 0;
        for (int b = mode; b <= upper; b++) nUp += cortex[b];
        int acc = 0, medBin = mode;
        for (int b = mode; b <= upper; b++) {
            acc += cortex[b];
            if (2 * acc >= nUp) {
                medBin = b;
                break;
            }
        }
        double sd = Math.max(BIN_HU, (medBin - mode + 0.5) * BIN_HU / 0.6745);
        double cortexHigh = cortexHu + 3 * sd;
        // contrast: what near the seed is brighter than any cortex of this case
        List<Double> near = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        double rs = ContrastSegmenter.SEED_SEARCH_MM;
        int si = (int) Math.ceil(rs / s[0]), sj = (int) Math.ceil(rs / s[1]), sk = (int) Math.ceil(rs / s[2]);
        for (int k = Math.max(0, ck - sk); k <= Math.min(v.depth() - 1, ck + sk); k++) {
            if (!v.isValidSlice(k)) continue;
            for (int j = Math.max(0, cj - sj); j <= Math.min(v.height() - 1, cj + sj); j++) {
                for (int i = Math.max(0, ci - si); i <= Math.min(v.width() - 1, ci + si); i++) {
                    double[] x = g.toPatient(i, j, k);
                    double dx = x[0] - seed[0], dy = x[1] - seed[1], dz = x[2] - seed[2];
                    if (dx * dx + dy * dy + dz * dz > rs * rs) continue;
                    double hu = v.value(i, j, k);
                    if (hu >= p.metalHu()) continue;
                    all.add(hu);
                    if (hu >= cortexHigh) near.add(hu);
                }
            }
        }
        double contrastHu;
        if (near.size() >= 3) {
            contrastHu = median(near);
        } else {
            all.sort(null);
            contrastHu = all.isEmpty() ? cortexHu : all.get((int) (0.9 * (all.size() - 1)));
        }
        double core = Math.max(cortexHigh, (contrastHu + cortexHu) / 2);
        double rim = Math.max(p.cancellousMaxHu(), (contrastHu + softHu) / 2);
        boolean separable = near.size() >= 3 && contrastHu >= core + 2 * sd;
        return new BoneModel(true, cortexHu, sd, contrastHu, softHu, core, Math.min(rim, core), separable, nCortex, nCancellous);
    }

    private static double median(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static int quantileBin(int[] hist, int n, double q) {
        long acc = 0;
        for (int b = 0; b < hist.length; b++) {
            acc += hist[b];
            if (acc >= q * n) return b;
        }
        return hist.length - 1;
    }

    /**
     * The lazy bone-shell test: is a voxel within {@code cortexMm} of a cancellous plateau voxel?
     * Answers are cached in the region mask's spare bits, so every voxel is judged at most once
     * and no memory beyond the mask's one byte per voxel of the slices touched is used.
     */
    static final class Shell {
        static final int PLATEAU_KNOWN = 4, PLATEAU = 8, SHELL_KNOWN = 16, SHELL = 32;
        /**
         * Most neighbour offsets a shell test may need (the box around the cortex_mm sphere):
         * cortex_mm 6 (its upper bound) on 0.3 x 0.3 x 0.6 mm voxels needs about 43,000; the
         * default 3 mm on 0.5 x 0.5 x 1 mm voxels about 2,000. Below 2^20, the sort key's index bits.
         */
        static final long MAX_SHELL_BOX = 400_000;
        private final Volume v;
        private final RegionMask cache;
        private final double lo;
        private final double hi;
        /** (di, dj, dk) triples within cortexMm, nearest first. */
        private final int[] offsets;

        Shell(Volume v, RegionMask cache, ContrastParameters p) {
            this.v = v;
            this.cache = cache;
            this.lo = p.cancellousMinHu();
            this.hi = p.cancellousMaxHu();
            VoxelGeometry g = v.geometry();
            double[] a = g.columnStep(), b = g.rowStep(), c = g.sliceStep();
            double[] s = g.spacing();
            double r = p.cortexMm();
            long ri = (long) Math.ceil(r / s[0]) + 1, rj = (long) Math.ceil(r / s[1]) + 1, rk = (long) Math.ceil(r / s[2]) + 1;
            long box = (2 * ri + 1) * (2 * rj + 1) * (2 * rk + 1);
            if (box > MAX_SHELL_BOX) { // every voxel the growing judges may look at all of them: time and memory grow as cortex_mm cubed
                throw new QuantException(String.format(Locale.ROOT, "cortex_mm %.2f mm on voxels of %.3f x %.3f x %.3f mm means %d neighbours "
                        + "to look at per voxel (at most %d): use a smaller cortex_mm for voxels this small", r, s[0], s[1], s[2], box, MAX_SHELL_BOX));
            }
            // nearest first, so that the search stops early: sort keys of (distance^2 in um^2, index)
            long[] keys = new long[(int) box];
            int[] cand = new int[(int) box * 3];
            int n = 0;
            for (int dk = (int) -rk; dk <= rk; dk++) for (int dj = (int) -rj; dj <= rj; dj++) for (int di = (int) -ri; di <= ri; di++) {
                double x = di * a[0] + dj * b[0] + dk * c[0], y = di * a[1] + dj * b[1] + dk * c[1], z = di * a[2] + dj * b[2] + dk * c[2];
                double d2 = x * x + y * y + z * z;
                if (d2 > r * r) continue;
                keys[n] = Math.round(d2 * 1e6) << 20 | n;
                cand[3 * n] = di;
                cand[3 * n + 1] = dj;
                cand[3 * n + 2] = dk;
                n++;
            }
            Arrays.sort(keys, 0, n);
            offsets = new int[n * 3];
            for (int m = 0; m < n; m++) {
                int from = (int) (keys[m] & 0xFFFFF);
                System.arraycopy(cand, 3 * from, offsets, 3 * m, 3);
            }
        }

        /**
         * Cancellous bone: the voxel reads cancellousMin..Max HU and none of its eight in-plane
         * neighbours reads below cancellousMin. Marrow is wrapped in cortex and never touches soft
         * tissue, however thin it is (a one-voxel core of an articular process passes); a
         * partial-volume rim around contrast or cortex in soft tissue always has a soft-tissue
         * neighbour, and so has an isolated noisy soft-tissue voxel.
         */
        boolean plateau(int i, int j, int k) {
            int b = cache.raw(i, j, k);
            if ((b & PLATEAU_KNOWN) != 0) return (b & PLATEAU) != 0;
            boolean yes = v.isValidSlice(k) && i > 0 && j > 0 && i < v.width() - 1 && j < v.height() - 1;
            if (yes) {
                double hu = v.value(i, j, k);
                yes = hu >= lo && hu <= hi;
                for (int dj = -1; dj <= 1 && yes; dj++) {
                    for (int di = -1; di <= 1 && yes; di++) yes = v.value(i + di, j + dj, k) >= lo;
                }
            }
            cache.mark(i, j, k, yes ? PLATEAU_KNOWN | PLATEAU : PLATEAU_KNOWN);
            return yes;
        }

        /** Within cortexMm of cancellous bone. */
        boolean inShell(int i, int j, int k) {
            int b = cache.raw(i, j, k);
            if ((b & SHELL_KNOWN) != 0) return (b & SHELL) != 0;
            boolean yes = false;
            int w = v.width(), h = v.height(), d = v.depth();
            for (int n = 0; n < offsets.length && !yes; n += 3) {
                int ni = i + offsets[n], nj = j + offsets[n + 1], nk = k + offsets[n + 2];
                if (ni < 0 || nj < 0 || nk < 0 || ni >= w || nj >= h || nk >= d) continue;
                yes = plateau(ni, nj, nk);
            }
            cache.mark(i, j, k, yes ? SHELL_KNOWN | SHELL : SHELL_KNOWN);
            return yes;
        }
    }
}
