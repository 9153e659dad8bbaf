package org.parsreader.quant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters of the contrast segmentation, recorded with every result. Each has a key (the
 * name in provenance, in ImageJ macro options and in the command line's {@code --param}) and a
 * valid range ({@link #RANGES}) chosen from what it means physically, so that no accepted value
 * can hang the segmentation or exhaust memory (a {@code cortex_mm} of 300 mm once asked for
 * billions of neighbour offsets). Values are checked where they are parsed ({@link #parse}) and
 * again when the record is built; the error names the parameter, the value and the range.
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
    /** The keys, in the order of the record's components. */
    public static final List<String> KEYS = List.of("min_enhancement_hu", "min_hu", "threshold_hu", "metal_hu", "max_radius_mm",
            "max_alignment_hu", "cortex_mm", "cancellous_min_hu", "cancellous_max_hu", "bone_model_radius_mm");

    /**
     * The valid range of one parameter (both ends included) and why.
     *
     * @param why what bounds it, for the error message and the documentation
     */
    public record Range(String key, double min, double max, String unit, String why) {
        boolean contains(double v) {
            return v >= min && v <= max;
        }

        /** "0.2..6 mm". */
        public String text() {
            return num(min) + ".." + num(max) + " " + unit;
        }
    }

    /** The ranges, in the order of {@link #KEYS}. */
    public static final List<Range> RANGES = List.of(
            new Range("min_enhancement_hu", 20, 3000, "HU", "above CT noise, at most what iodinated contrast adds"),
            new Range("min_hu", 0, 3000, "HU", "contrast is at least as dense as water, at most the densest contrast"),
            new Range("threshold_hu", 200, 5000, "HU", "above soft tissue; the densest contrast reads about 3000+ HU"),
            new Range("metal_hu", 1000, 32000, "HU", "metal reads from about 2000 HU up to the top of an extended HU scale"),
            new Range("max_radius_mm", 1, 150, "mm", "contrast of one pars injection, with its spread along a few levels"),
            new Range("max_alignment_hu", 1, 2000, "HU", "a median HU difference over bone"),
            new Range("cortex_mm", 0.2, 6, "mm", "cortex of the posterior elements (0.5-2 mm) plus a voxel or two of blur"),
            new Range("cancellous_min_hu", -100, 1000, "HU", "fatty marrow can read near 0 HU, sclerotic marrow several hundred"),
            new Range("cancellous_max_hu", 0, 1500, "HU", "marrow reads below cortex"),
            new Range("bone_model_radius_mm", 1, 60, "mm", "the bone around one pars"));

    /** The defaults (declared after the ranges: the constructor checks them). */
    public static final ContrastParameters DEFAULTS = new ContrastParameters(250, 300, 1250, 3000, 60, 150, 3, 120, 500, 20);

    public ContrastParameters {
        double[] a = {minEnhancementHu, minHu, thresholdHu, metalHu, maxRadiusMm, maxAlignmentHu, cortexMm, cancellousMinHu, cancellousMaxHu,
            boneModelRadiusMm};
        for (int n = 0; n < a.length; n++) check(RANGES.get(n), a[n]);
        if (cancellousMinHu >= cancellousMaxHu) {
            throw new QuantException("cancellous_min_hu must be below cancellous_max_hu (" + num(cancellousMinHu) + " >= " + num(cancellousMaxHu) + ")");
        }
        if (thresholdHu >= metalHu || cancellousMaxHu >= metalHu || minHu >= metalHu) {
            throw new QuantException("threshold_hu, cancellous_max_hu and min_hu must be below metal_hu (" + num(thresholdHu) + ", "
                    + num(cancellousMaxHu) + ", " + num(minHu) + " vs " + num(metalHu) + ")");
        }
    }

    /** The range of a key. */
    public static Range range(String key) {
        int n = KEYS.indexOf(key);
        if (n < 0) throw unknown(key);
        return RANGES.get(n);
    }

    /**
     * A parameter value from text (a macro option, {@code --param}): a finite number within the
     * key's range, else an error naming the key, the text and the range.
     */
    public static double parse(String key, String text) {
        Range r = range(key);
        String t = text == null ? "" : text.trim();
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new QuantException("contrast parameter " + key + ": '" + t + "' is not a number (range " + r.text() + ")");
        }
        check(r, v);
        return v;
    }

    private static void check(Range r, double v) {
        if (!Double.isFinite(v)) {
            throw new QuantException("contrast parameter " + r.key() + " must be a finite number, not " + v + " (range " + r.text() + ")");
        }
        if (!r.contains(v)) {
            throw new QuantException("contrast parameter " + r.key() + " = " + num(v) + " is outside its range " + r.text() + " (" + r.why() + ")");
        }
    }

    private static QuantException unknown(String key) {
        return new QuantException("unknown contrast parameter '" + key + "'; the parameters are " + KEYS);
    }

    /** The values in the order of {@link #KEYS}. */
    public double[] values() {
        return new double[] {minEnhancementHu, minHu, thresholdHu, metalHu, maxRadiusMm, maxAlignmentHu, cortexMm, cancellousMinHu, cancellousMaxHu,
            boneModelRadiusMm};
    }

    /** The value of a key. */
    public double get(String key) {
        int n = KEYS.indexOf(key);
        if (n < 0) throw unknown(key);
        return values()[n];
    }

    /** A copy with one parameter changed. */
    public ContrastParameters with(String key, double value) {
        return with(Map.of(key, value));
    }

    /**
     * A copy with the given parameters changed (key to value), checked together (so
     * {@code threshold_hu} and {@code metal_hu} can both move); unknown keys are an error naming them.
     */
    public ContrastParameters with(Map<String, Double> changes) {
        double[] v = values();
        for (Map.Entry<String, Double> e : changes.entrySet()) {
            int n = KEYS.indexOf(e.getKey());
            if (n < 0) throw unknown(e.getKey());
            v[n] = e.getValue();
        }
        return new ContrastParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
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

    /** A number without noise: 6, 0.2, 1000000, 1.0E300. */
    private static String num(double d) {
        if (!Double.isFinite(d) || Math.abs(d) >= 1e7) return String.valueOf(d);
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
