package org.parsreader.quant;

import java.util.List;

/**
 * The contrast region and its measures.
 *
 * @param mode                 "subtraction" (baseline subtracted), "bone-model" (no usable baseline: contrast separated from bone
 *                             by the {@link BoneModel} of this CT) or "threshold" (neither: a fixed HU threshold above cortical bone)
 * @param alignmentHu          median |post - baseline| over bone near the seed; NaN without baseline
 * @param craniocaudalExtentMm range of the region's voxel centres along the patient's head-foot axis, plus one slice
 * @param zMinMm               lowest voxel centre along the head-foot axis (patient z, mm); zMaxMm the highest
 * @param maxDistanceFromTipMm farthest region voxel centre from the needle tip (the seed when no tip is given)
 * @param centroid             patient mm (LPS)
 * @param boneModel            what the bone model learnt from this CT (mode "bone-model" or "threshold"); with subtraction, the
 *                             model that judged the voxels outside the baseline series, or null when there were none
 * @param mask                 the region on the post-contrast grid
 */
public record ContrastResult(int voxels, double volumeMl, double craniocaudalExtentMm, double zMinMm, double zMaxMm, double maxDistanceFromTipMm,
                             double meanHu, double sdHu, double minHu, double maxHu, double[] centroid, String mode,
                             double alignmentHu, double[] seed, ContrastParameters parameters, List<String> warnings,
                             BoneModel boneModel, RegionMask mask) {

    /** The parameters, the mode and what the bone model learnt, as provenance text. */
    public java.util.Map<String, String> provenance() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(parameters.asMap());
        m.put("mode", mode);
        if (boneModel != null) m.putAll(boneModel.asMap());
        return m;
    }

    /** Within this of the midline the contrast is called midline. */
    public static final double MIDLINE_MM = 5.0;

    /**
     * Which side of the patient the contrast lies on, from its centroid and the x (patient
     * left-right, LPS: +x is the patient's left) of the midline: "left", "right" or "midline".
     */
    public String side(double midlineX) {
        double dx = centroid[0] - midlineX;
        return Math.abs(dx) < MIDLINE_MM ? "midline" : dx > 0 ? "left" : "right";
    }
}
