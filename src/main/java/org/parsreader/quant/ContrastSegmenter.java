package org.parsreader.quant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/**
 * Segments injected contrast on a post-contrast CT, grown from a seed in patient mm (the
 * needle tip or a reader's click), 26-connected, never further than a set radius. When a
 * needle tip is given, the region also grows from the contrast nearest the tip (within 3 mm):
 * the contrast left the needle there, so what is connected to the tip was injected too.
 *
 * <p><b>With a baseline</b> (the pre-contrast needle-check CT of the same procedure), a voxel is
 * contrast only where it got brighter: the baseline is read at the voxel's patient position
 * (any grid, tilt or spacing), only for the voxels the growing visits: contrast is at least
 * {@code minEnhancementHu} above the interpolated baseline and at least half that above the
 * brightest of the 8 baseline voxels around it, so that a bone edge blurred by interpolation
 * between two grids is not taken for enhancement while contrast beside bone still is. The
 * baseline is used only if the bone of the baseline near the seed matches the post-contrast CT
 * (median over that bone of the nearest of the 8 baseline voxels, below a limit); voxels the
 * baseline does not cover are judged by the bone model.
 *
 * <p><b>Without a usable baseline</b>, the {@link BoneModel} of this CT separates contrast from
 * bone (cortex is a shell within a few mm of marrow; cortex and contrast HU are learnt around the
 * seed); if too little bone is found near the seed, a fixed threshold above cortical bone is used,
 * and the result says so. Mode and model are in the result and its provenance.
 *
 * <p>Metal (the needle) is never contrast, and the growing does not run along the needle's
 * blurred edge: it does not step from one voxel touching metal to another whose HU is unlike the
 * contrast's.
 *
 * <pre>{@code
 * ContrastResult r = ContrastSegmenter.segment(post, baseline, seedMm, tipMm, ContrastParameters.DEFAULTS);
 * }</pre>
 */
public final class ContrastSegmenter {
    /** A reader's click may miss the contrast by a little: the seed moves to the nearest contrast voxel within this. */
    static final double SEED_SEARCH_MM = 3.0;
    /** Bone near the seed used for the alignment check. */
    static final double ALIGNMENT_RADIUS_MM = 20.0;
    /**
     * The region never holds more than this: a pars injection is a few mL, so a region of
     * hundreds of mL is leaking into bone, vessels or soft tissue, and growing it on would only
     * spend memory (the mask and the queue grow with the region) and time.
     */
    static final double MAX_REGION_ML = 200;
    /** And never more voxels than this, whatever the voxel size (bounds the queue's memory). */
    static final long MAX_REGION_VOXELS = 8_000_000;

    /** 26-connected: thin contrast channels (a joint recess, a defect cleft) often touch only diagonally on the CT grid. */
    static final int[][] NEIGHBOURS_26;

    static {
        java.util.List<int[]> n = new java.util.ArrayList<>();
        for (int dk = -1; dk <= 1; dk++) for (int dj = -1; dj <= 1; dj++) for (int di = -1; di <= 1; di++) {
            if (di != 0 || dj != 0 || dk != 0) n.add(new int[] {di, dj, dk});
        }
        NEIGHBOURS_26 = n.toArray(new int[0][]);
    }

    private ContrastSegmenter() {}

    /**
     * @param baseline pre-contrast CT of the same frame of reference, or null
     * @param tip      needle tip in patient mm for the distance measure, or null (then the seed)
     */
    public static ContrastResult segment(Volume post, Volume baseline, double[] seed, double[] tip, ContrastParameters p) {
        List<String> warnings = new ArrayList<>();
        for (String w : post.warnings()) warnings.add(post.name() + ": " + w);
        if (baseline != null) for (String w : baseline.warnings()) warnings.add("baseline " + baseline.name() + ": " + w);
        if (!"HU".equals(post.unit())) throw new QuantException("contrast segmentation needs a CT in HU; " + post.name() + " is not");
        Sampler base = null;
        double alignment = Double.NaN;
        if (baseline != null) {
            if (!post.frameOfReferenceUid().isEmpty() && !post.frameOfReferenceUid().equals(baseline.frameOfReferenceUid())) {
                warnings.add("baseline " + baseline.name() + " is in another frame of reference: not subtracted");
            } else {
                base = new Sampler(baseline);
                alignment = alignment(post, base, seed);
                if (Double.isNaN(alignment)) {
                    warnings.add("baseline " + baseline.name() + " does not cover the bone around the seed: not subtracted");
                    base = null;
                } else if (alignment > p.maxAlignmentHu()) {
                    warnings.add(String.format(Locale.ROOT, "baseline %s is misaligned (median bone difference %.0f HU > %.0f): not subtracted",
                            baseline.name(), alignment, p.maxAlignmentHu()));
                    base = null;
                }
            }
        }
        VoxelGeometry g = post.geometry();
        RegionMask mask = new RegionMask(post.width(), post.height(), post.depth());
        BoneModel.Shell shell = new BoneModel.Shell(post, mask, p);
        BoneModel model = null;
        if (base == null) {
            model = BoneModel.estimate(post, shell, seed, p);
            if (!model.found()) {
                warnings.add(String.format(Locale.ROOT, "no usable baseline and too little cancellous bone within %.0f mm of the seed for a bone model "
                        + "(%d cancellous, %d cortical samples): contrast is every voxel >= %.0f HU, so contrast fainter than that is missed",
                        p.boneModelRadiusMm(), model.cancellousSamples(), model.cortexSamples(), p.thresholdHu()));
            } else if (!model.separable()) {
                warnings.add(String.format(Locale.ROOT, "no usable baseline, and the contrast near the seed (%.0f HU) is not clearly brighter than "
                        + "this CT's cortical bone (%.0f +- %.0f HU): contrast within %.1f mm of cancellous bone (in a defect, a joint, against bone) "
                        + "cannot be told from cortex and is not counted; the volume is an underestimate. Use a pre-contrast baseline.",
                        model.contrastHu(), model.cortexHu(), model.cortexSdHu(), p.cortexMm()));
            } else {
                warnings.add(String.format(Locale.ROOT, "no usable baseline: contrast (%.0f HU) separated from bone by this CT's bone model "
                        + "(cortex %.0f +- %.0f HU; contrast >= %.0f HU, or >= %.0f HU outside the bone shell)", model.contrastHu(), model.cortexHu(),
                        model.cortexSdHu(), model.coreThresholdHu(), model.rimThresholdHu()));
            }
        }
        Criterion c = new Criterion(post, base, p, model != null && model.found() ? model : null, shell, seed);
        int[] start = findSeed(post, c, seed);
        if (start == null) {
            double[] ijk = g.toVoxel(seed[0], seed[1], seed[2]);
            String why = !inside(post, ijk) ? ": the seed is outside " + post.name()
                    : model != null && model.found() && !model.separable() ? String.format(Locale.ROOT, " that the bone model can tell from bone: "
                    + "without a baseline, contrast (%.0f HU near the seed) that is not brighter than this CT's cortex (%.0f HU) is not "
                    + "counted within %.1f mm of marrow; give a pre-contrast baseline", model.contrastHu(), model.cortexHu(), p.cortexMm()) : "";
            throw new QuantException(String.format(Locale.ROOT, "no contrast within %.0f mm of the seed (%.1f, %.1f, %.1f) mm%s",
                    SEED_SEARCH_MM, seed[0], seed[1], seed[2], why));
        }
        List<int[]> starts = new ArrayList<>(List.of(start));
        if (tip != null) { // the contrast left the needle at its tip: what is connected to the tip was injected too
            int[] fromTip = findSeed(post, c, tip);
            if (fromTip != null) starts.add(fromTip);
        }
        String mode = base != null ? "subtraction" : model.found() ? "bone-model" : "threshold";
        ContrastResult r = grow(post, c, mask, starts, seed, tip == null ? seed : tip, p, mode, alignment, model, warnings);
        if (c.uncovered > 0) {
            List<String> w = new ArrayList<>(r.warnings());
            BoneModel um = c.uncoveredModel;
            w.add(c.uncovered + " voxel(s) lie outside the baseline series and were judged by " + (um != null && um.found()
                    ? String.format(Locale.ROOT, "the bone model (cortex %.0f HU, contrast %.0f HU)", um.cortexHu(), um.contrastHu())
                    : "the " + (int) p.thresholdHu() + " HU threshold"));
            r = new ContrastResult(r.voxels(), r.volumeMl(), r.craniocaudalExtentMm(), r.zMinMm(), r.zMaxMm(), r.maxDistanceFromTipMm(),
                    r.meanHu(), r.sdHu(), r.minHu(), r.maxHu(), r.centroid(), r.mode(), r.alignmentHu(), r.seed(), r.parameters(),
                    List.copyOf(w), um, r.mask());
        }
        return r;
    }

    /** Decides, per voxel, whether it is contrast. */
    private static final class Criterion {
        final Volume post;
        final Sampler base;
        final ContrastParameters p;
        final BoneModel model;
        final BoneModel.Shell shell;
        final double[] seed;
        /** Voxels the baseline does not cover (a short needle-check scan): judged by the bone model (or the threshold) instead. */
        int uncovered;
        /** The bone model for those voxels, learnt at the first one. */
        BoneModel uncoveredModel;

        Criterion(Volume post, Sampler base, ContrastParameters p, BoneModel model, BoneModel.Shell shell, double[] seed) {
            this.post = post;
            this.base = base;
            this.p = p;
            this.model = model;
            this.shell = shell;
            this.seed = seed;
        }

        private boolean withoutBaseline(double hu, int i, int j, int k) {
            if (uncoveredModel == null) uncoveredModel = BoneModel.estimate(post, shell, seed, p);
            return uncoveredModel.found() ? uncoveredModel.contrast(hu, shell, i, j, k) : hu >= p.thresholdHu();
        }

        boolean contrast(int i, int j, int k) {
            if (!post.isValidSlice(k)) return false;
            double hu = post.value(i, j, k);
            if (hu >= p.metalHu()) return false;
            if (base == null) return model != null ? model.contrast(hu, shell, i, j, k) : hu >= p.thresholdHu();
            if (hu < p.minHu()) return false;
            double[] x = post.geometry().toPatient(i, j, k);
            double before = base.at(x[0], x[1], x[2]);
            if (Double.isNaN(before)) {
                boolean in = withoutBaseline(hu, i, j, k);
                if (in) uncovered++;
                return in;
            }
            if (hu - before < p.minEnhancementHu()) return false;
            // and brighter than every baseline voxel around it: a bone edge blurred by
            // interpolation fails this, contrast beside bone (1400 vs 1100 HU) passes
            double brightest = base.maxAround(x[0], x[1], x[2], p.metalHu()); // the needle beside it does not count
            return hu - brightest >= p.minEnhancementHu() / 2;
        }
    }

    private static boolean inside(Volume v, double[] ijk) {
        return ijk[0] > -0.5 && ijk[1] > -0.5 && ijk[2] > -0.5 && ijk[0] < v.width() - 0.5 && ijk[1] < v.height() - 0.5 && ijk[2] < v.depth() - 0.5;
    }

    private static int[] findSeed(Volume v, Criterion c, double[] seed) {
        VoxelGeometry g = v.geometry();
        double[] ijk = g.toVoxel(seed[0], seed[1], seed[2]);
        double[] s = g.spacing();
        int ri = (int) Math.ceil(SEED_SEARCH_MM / s[0]), rj = (int) Math.ceil(SEED_SEARCH_MM / s[1]), rk = (int) Math.ceil(SEED_SEARCH_MM / s[2]);
        int ci = (int) Math.round(ijk[0]), cj = (int) Math.round(ijk[1]), ck = (int) Math.round(ijk[2]);
        int[] best = null;
        double bestD = Double.MAX_VALUE;
        for (int k = Math.max(0, ck - rk); k <= Math.min(v.depth() - 1, ck + rk); k++) {
            for (int j = Math.max(0, cj - rj); j <= Math.min(v.height() - 1, cj + rj); j++) {
                for (int i = Math.max(0, ci - ri); i <= Math.min(v.width() - 1, ci + ri); i++) {
                    double d = dist(g.toPatient(i, j, k), seed);
                    if (d <= SEED_SEARCH_MM && d < bestD && c.contrast(i, j, k)) {
                        bestD = d;
                        best = new int[] {i, j, k};
                    }
                }
            }
        }
        return best;
    }

    /**
     * Median over bone near the seed (400..2000 HU on the baseline, interpolated) of the smallest
     * |post - baseline voxel| among the 8 baseline voxels around each post voxel; NaN when too few
     * samples. Aligned scans give about the noise; a shift of a few mm gives hundreds of HU.
     */
    private static double alignment(Volume post, Sampler base, double[] seed) {
        VoxelGeometry g = post.geometry();
        double[] ijk = g.toVoxel(seed[0], seed[1], seed[2]);
        double[] s = g.spacing();
        int ri = (int) Math.ceil(ALIGNMENT_RADIUS_MM / s[0]), rj = (int) Math.ceil(ALIGNMENT_RADIUS_MM / s[1]), rk = (int) Math.ceil(ALIGNMENT_RADIUS_MM / s[2]);
        int ci = (int) Math.round(ijk[0]), cj = (int) Math.round(ijk[1]), ck = (int) Math.round(ijk[2]);
        double[] diffs = new double[4096];
        int n = 0;
        for (int k = Math.max(0, ck - rk); k <= Math.min(post.depth() - 1, ck + rk); k++) {
            if (!post.isValidSlice(k)) continue;
            for (int j = Math.max(0, cj - rj); j <= Math.min(post.height() - 1, cj + rj); j += 2) {
                for (int i = Math.max(0, ci - ri); i <= Math.min(post.width() - 1, ci + ri); i += 2) {
                    // bone of the baseline: contrast replaces soft tissue and fluid, never bone, so a
                    // large pool of contrast near the seed does not make an aligned baseline look shifted
                    double[] x = g.toPatient(i, j, k);
                    double b = base.at(x[0], x[1], x[2]);
                    if (Double.isNaN(b) || b < 400 || b > 2000) continue;
                    double hu = post.value(i, j, k);
                    if (n == diffs.length) diffs = Arrays.copyOf(diffs, n * 2);
                    diffs[n++] = base.nearestDifference(x[0], x[1], x[2], hu);
                }
            }
        }
        if (n < 20) return Double.NaN;
        Arrays.sort(diffs, 0, n);
        return diffs[n / 2];
    }

    private static ContrastResult grow(Volume v, Criterion c, RegionMask mask, List<int[]> starts, double[] seed, double[] tip, ContrastParameters p,
                                       String mode, double alignment, BoneModel model, List<String> warnings) {
        VoxelGeometry g = v.geometry();
        int w = v.width(), h = v.height(), d = v.depth();
        int[] queue = new int[1024];
        int head = 0, tail = 0;
        long plane = (long) w * h;
        for (int[] start : starts) {
            if (mask.get(start[0], start[1], start[2])) continue;
            if (tail + 3 > queue.length) queue = Arrays.copyOf(queue, queue.length * 2);
            queue[tail++] = start[0];
            queue[tail++] = start[1];
            queue[tail++] = start[2];
            mask.set(start[0], start[1], start[2], RegionMask.IN);
        }
        double contrastHu = model != null && model.found() ? model.contrastHu() : contrastLevel(v, c, starts);
        boolean twoSided = model != null && model.found();
        int count = 0;
        double sum = 0, sum2 = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE, zMin = Double.MAX_VALUE, zMax = -Double.MAX_VALUE, far = 0;
        double[] centroid = new double[3];
        int[][] steps = NEIGHBOURS_26;
        long cap = Math.min(MAX_REGION_VOXELS, (long) Math.ceil(MAX_REGION_ML * 1000 / g.voxelVolumeMm3()));
        long inRegion = tail / 3;
        while (head < tail) {
            int i = queue[head++], j = queue[head++], k = queue[head++];
            double hu = v.value(i, j, k);
            double[] x = g.toPatient(i, j, k);
            count++;
            sum += hu;
            sum2 += hu * hu;
            min = Math.min(min, hu);
            max = Math.max(max, hu);
            zMin = Math.min(zMin, x[2]);
            zMax = Math.max(zMax, x[2]);
            far = Math.max(far, dist(x, tip));
            for (int a = 0; a < 3; a++) centroid[a] += x[a];
            // along the needle, its partial-volume edge (metal blurred into tissue) reads like
            // contrast: the growing does not step from one voxel touching metal to another whose HU
            // is unlike the contrast's (contrast around the needle is reached through the voxels
            // beside it), except from a start. Without a baseline, unlike = more than the tolerance
            // away; with one, only brighter (a voxel that got brighter and is not above the contrast
            // is contrast or its edge)
            boolean alongNeedle = count > starts.size() && touchesMetal(v, mask, i, j, k, p.metalHu());
            for (int[] s : steps) {
                int ni = i + s[0], nj = j + s[1], nk = k + s[2];
                if (ni < 0 || nj < 0 || nk < 0 || ni >= w || nj >= h || nk >= d || mask.get(ni, nj, nk)) continue;
                if (alongNeedle && unlikeContrast(v.value(ni, nj, nk), contrastHu, twoSided)
                        && touchesMetal(v, mask, ni, nj, nk, p.metalHu())) continue;
                boolean in = dist(g.toPatient(ni, nj, nk), seed) <= p.maxRadiusMm() && c.contrast(ni, nj, nk);
                mask.set(ni, nj, nk, in ? RegionMask.IN : RegionMask.OUT);
                if (!in) continue;
                if (++inRegion > cap) {
                    throw new QuantException(String.format(Locale.ROOT, "the region grew past %.0f mL (%d voxels) within max_radius_mm %.0f of "
                            + "the seed (%.1f, %.1f, %.1f) mm: that is not the contrast of one injection but a leak into bone, vessels or soft "
                            + "tissue (mode %s); nothing was measured. Check the seed, give a pre-contrast baseline, or lower max_radius_mm",
                            Math.min(MAX_REGION_ML, cap * g.voxelVolumeMm3() / 1000), cap, p.maxRadiusMm(), seed[0], seed[1], seed[2], mode));
                }
                if (tail + 3 > queue.length) {
                    if (head > queue.length / 2) {
                        System.arraycopy(queue, head, queue, 0, tail - head);
                        tail -= head;
                        head = 0;
                    } else {
                        queue = Arrays.copyOf(queue, queue.length * 2);
                    }
                }
                queue[tail++] = ni;
                queue[tail++] = nj;
                queue[tail++] = nk;
            }
        }
        for (int a = 0; a < 3; a++) centroid[a] /= count;
        double mean = sum / count;
        double sd = count > 1 ? Math.sqrt(Math.max(0, (sum2 - count * mean * mean) / (count - 1))) : 0;
        double voxelMl = g.voxelVolumeMm3() / 1000.0;
        double sliceZ = Math.abs(g.sliceStep()[2]);
        if (plane > 0 && far >= p.maxRadiusMm() - Math.max(g.spacing()[0], g.spacing()[2])) {
            warnings.add(String.format(Locale.ROOT, "the region reached the %.0f mm search radius: it may be leaking into bone or vessels", p.maxRadiusMm()));
        }
        return new ContrastResult(count, count * voxelMl, (zMax - zMin) + sliceZ, zMin, zMax, far, mean, sd, min, max, centroid,
                mode, alignment, seed.clone(), p, List.copyOf(warnings), model, mask);
    }

    static final int METAL_KNOWN = 64, METAL = 128;
    /** Beside the needle, a voxel more than this above the contrast's HU is metal blurred into tissue. */
    static final double NEEDLE_EDGE_TOLERANCE_HU = 150;

    private static boolean unlikeContrast(double hu, double contrastHu, boolean twoSided) {
        return twoSided ? Math.abs(hu - contrastHu) > NEEDLE_EDGE_TOLERANCE_HU : hu > contrastHu + NEEDLE_EDGE_TOLERANCE_HU;
    }

    /** The contrast's HU near the start: the median of the start voxels' neighbours that are contrast. */
    private static double contrastLevel(Volume v, Criterion c, List<int[]> starts) {
        List<Double> values = new ArrayList<>();
        for (int[] st : starts) {
            for (int dk = -1; dk <= 1; dk++) for (int dj = -1; dj <= 1; dj++) for (int di = -1; di <= 1; di++) {
                int i = st[0] + di, j = st[1] + dj, k = st[2] + dk;
                if (i < 0 || j < 0 || k < 0 || i >= v.width() || j >= v.height() || k >= v.depth()) continue;
                if (c.contrast(i, j, k)) values.add(v.value(i, j, k));
            }
        }
        values.sort(null);
        return values.get(values.size() / 2);
    }

    /** Whether a 26-neighbour of (i, j, k) is metal; cached in the mask's spare bits. */
    private static boolean touchesMetal(Volume v, RegionMask mask, int i, int j, int k, double metalHu) {
        int b = mask.raw(i, j, k);
        if ((b & METAL_KNOWN) != 0) return (b & METAL) != 0;
        boolean yes = false;
        for (int dk = -1; dk <= 1 && !yes; dk++) {
            int nk = k + dk;
            if (nk < 0 || nk >= v.depth() || !v.isValidSlice(nk)) continue;
            for (int dj = -1; dj <= 1 && !yes; dj++) {
                int nj = j + dj;
                if (nj < 0 || nj >= v.height()) continue;
                for (int di = -1; di <= 1 && !yes; di++) {
                    int ni = i + di;
                    if (ni >= 0 && ni < v.width() && v.value(ni, nj, nk) >= metalHu) yes = true;
                }
            }
        }
        mask.mark(i, j, k, yes ? METAL_KNOWN | METAL : METAL_KNOWN);
        return yes;
    }

    private static double dist(double[] a, double[] b) {
        double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
