package org.parsreader.quant;

import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.RoiGeometry;
import org.parsreader.volume.Volume;

/**
 * Bone-marrow edema signal from two polygon ROIs on a fluid-sensitive MR series (STIR or
 * fat-saturated T2): the edema ROI and a reference ROI (cord, CSF or normal marrow). Keeps the
 * raw means and areas; the ratios are derived: contrast ratio
 * CR = (SI_bme - SI_ref) / (SI_bme + SI_ref), and the simple ratio SI_bme / SI_ref.
 */
public record BmeRatio(RoiGeometry.RegionStats bme, RoiGeometry.RegionStats reference, String referenceType,
                       double contrastRatio, double simpleRatio) {

    public static final java.util.List<String> REFERENCE_TYPES = java.util.List.of("cord", "csf", "normal_marrow");

    public static BmeRatio of(Volume mr, Roi bme, Roi reference, String referenceType) {
        if (!REFERENCE_TYPES.contains(referenceType)) {
            throw new QuantException("reference type '" + referenceType + "' is not one of " + REFERENCE_TYPES);
        }
        RoiGeometry.RegionStats b = RoiGeometry.polygonStats(bme, mr);
        RoiGeometry.RegionStats r = RoiGeometry.polygonStats(reference, mr);
        double sum = b.mean() + r.mean();
        if (sum == 0 || r.mean() == 0) throw new QuantException("the reference ROI has no signal on " + mr.name() + ": no ratio");
        return new BmeRatio(b, r, referenceType, (b.mean() - r.mean()) / sum, b.mean() / r.mean());
    }
}
