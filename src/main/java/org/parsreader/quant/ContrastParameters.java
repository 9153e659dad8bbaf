package org.parsreader.quant;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters of the contrast segmentation, recorded with every result.
 *
 * @param minEnhancementHu with a baseline: a voxel is contrast when post - baseline is at least this (default 250 HU)
 * @param minHu            a contrast voxel is at least this bright on the post-contrast CT (default 300 HU; diluted iodine)
 * @param thresholdHu      without a baseline: contrast is at least this, above cortical bone (default 1250 HU)
 * @param metalHu          brighter is the needle or its streaks, never contrast (default 3000 HU)
 * @param maxRadiusMm      the region never grows further than this from the seed (default 60 mm)
 * @param maxAlignmentHu   the baseline counts as aligned when the median |post - baseline| over bone near the seed is below this (default 150 HU)
 */
public record ContrastParameters(double minEnhancementHu, double minHu, double thresholdHu, double metalHu,
                                 double maxRadiusMm, double maxAlignmentHu) {
    public static final ContrastParameters DEFAULTS = new ContrastParameters(250, 300, 1250, 3000, 60, 150);

    /** Name to value, for provenance. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("min_enhancement_hu", fmt(minEnhancementHu));
        m.put("min_hu", fmt(minHu));
        m.put("threshold_hu", fmt(thresholdHu));
        m.put("metal_hu", fmt(metalHu));
        m.put("max_radius_mm", fmt(maxRadiusMm));
        m.put("max_alignment_hu", fmt(maxAlignmentHu));
        return m;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
