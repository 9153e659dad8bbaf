package org.parsreader.quant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters of the contrast segmentation, recorded with every result. Each has a key (the
 * name in provenance, in ImageJ macro options and in the command line's {@code --param}).
 *
 * @param minEnhancementHu  {@code min_enhancement_hu}: with a baseline, a voxel is contrast when post - baseline is at least this (default 250 HU)
 * @param minHu             {@code min_hu}: with a baseline, a contrast voxel is at least this bright on the post-contrast CT (default 300 HU; diluted iodine)
 * @param thresholdHu       {@code threshold_hu}: without a baseline and without a usable bone model (too little cancellous bone near the
 *                          seed), contrast is at least this, above cortical bone (default 1250 HU); also for voxels the baseline does not cover
 * @param metalHu           {@code metal_hu}: brighter is the needle or its streaks, never contrast (default 3000 HU)
 * @param maxRadiusMm       {@code max_radius_mm}: the region never grows further than this from the seed (default 60 mm)
 * @param maxAlignmentHu    {@code max_alignment_hu}: the baseline counts as aligned when the median |post - baseline| over bone near the seed is
 *                          below this (default 150 HU)
 * @param cortexMm          {@code cortex_mm}: bone model: a voxel within this of cancellous bone belongs to the bone shell (default 3 mm: cortex
 *                          plus a voxel of blur); see {@link BoneModel}
 * @param cancellousMinHu   {@code cancellous_min_hu}: bone model: cancellous bone reads at least this (default 120 HU)
 * @param cancellousMaxHu   {@code cancellous_max_hu}: bone model: and at most this (default 500 HU)
 * @param boneModelRadiusMm {@code bone_model_radius_mm}: bone model: cortex and soft tissue HU are learnt within this of the seed (default 20 mm)
 */
public record ContrastParameters(double minEnhancementHu, double minHu, double thresholdHu, double metalHu,
                                 double maxRadiusMm, double maxAlignmentHu, double cortexMm, double cancellousMinHu,
                                 double cancellousMaxHu, double boneModelRadiusMm) {
    public static final ContrastParameters DEFAULTS = new ContrastParameters(250, 300, 1250, 3000, 60, 150, 3, 120, 500, 20);

    /** The keys, in the order of the record's components. */
    public static final List<String> KEYS = List.of("min_enhancement_hu", "min_hu", "threshold_hu", "metal_hu", "max_radius_mm",
            "max_alignment_hu", "cortex_mm", "cancellous_min_hu", "cancellous_max_hu", "bone_model_radius_mm");

    public ContrastParameters {
        double[] a = {minEnhancementHu, minHu, thresholdHu, metalHu, maxRadiusMm, maxAlignmentHu, cortexMm, cancellousMinHu, cancellousMaxHu,
            boneModelRadiusMm};
        for (int n = 0; n < a.length; n++) {
            if (!Double.isFinite(a[n])) throw new QuantException("contrast parameter " + KEYS.get(n) + " must be a number, not " + a[n]);
        }
        if (maxRadiusMm <= 0 || cortexMm <= 0 || boneModelRadiusMm <= 0 || maxAlignmentHu <= 0 || minEnhancementHu <= 0) {
            throw new QuantException("contrast parameters max_radius_mm, cortex_mm, bone_model_radius_mm, max_alignment_hu and "
                    + "min_enhancement_hu must be positive");
        }
        if (cancellousMinHu >= cancellousMaxHu) throw new QuantException("cancellous_min_hu must be below cancellous_max_hu");
        if (thresholdHu >= metalHu || cancellousMaxHu >= metalHu) throw new QuantException("threshold_hu and cancellous_max_hu must be below metal_hu");
    }

    /** The values in the order of {@link #KEYS}. */
    public double[] values() {
        return new double[] {minEnhancementHu, minHu, thresholdHu, metalHu, maxRadiusMm, maxAlignmentHu, cortexMm, cancellousMinHu, cancellousMaxHu,
            boneModelRadiusMm};
    }

    /** The value of a key. */
    public double get(String key) {
        int n = KEYS.indexOf(key);
        if (n < 0) throw new QuantException("unknown contrast parameter '" + key + "'; the parameters are " + KEYS);
        return values()[n];
    }

    /** A copy with one parameter changed. */
    public ContrastParameters with(String key, double value) {
        int n = KEYS.indexOf(key);
        if (n < 0) throw new QuantException("unknown contrast parameter '" + key + "'; the parameters are " + KEYS);
        double[] v = values();
        v[n] = value;
        return new ContrastParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    /** A copy with the given parameters changed (key to value); unknown keys are an error naming them. */
    public ContrastParameters with(Map<String, Double> changes) {
        ContrastParameters p = this;
        for (Map.Entry<String, Double> e : changes.entrySet()) p = p.with(e.getKey(), e.getValue());
        return p;
    }

    /** Name to value, for provenance. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        double[] v = values();
        for (int n = 0; n < v.length; n++) m.put(KEYS.get(n), fmt(v[n]));
        return m;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
