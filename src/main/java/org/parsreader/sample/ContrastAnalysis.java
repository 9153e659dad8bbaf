package org.parsreader.sample;

import java.util.List;

/**
 * The contrast region of the post-contrast CT measured two ways: analytically from the
 * phantom's shapes (closed forms; only the small volume the needle displaces is integrated on
 * a 0.1 mm grid) and by counting voxel centres of the post-contrast series that fall in the
 * contrast mask.
 */
final class ContrastAnalysis {
    final double defectMm3;
    final double facetMm3;
    final double needleDisplacedMm3;
    final int defectVoxels;
    final int facetVoxels;
    final double voxelMm3;
    final double zMinAnatomy;
    final double zMaxAnatomy;
    final double voxelZMin;
    final double voxelZMax;
    final double sliceSpacing;

    ContrastAnalysis(SpinePhantom ph, List<SliceGeometry> slices) {
        double w = SpinePhantom.DEFECT_GAP_MM, r = SpinePhantom.PARS_RADIUS_MM, g = SpinePhantom.FACET_GAP_MM;
        Vec3 u = ph.parsAxis(), m = ph.defectNormal();
        // slab of width w through an (infinite) cylinder whose axis is oblique to the slab normal
        defectMm3 = Math.PI * r * r * w / Math.abs(u.dot(m));
        // slab |n.d| < g/2 through the centre of an ellipsoid with semi-axes (sn, st, sz)
        double sn = SpinePhantom.FACET_SN;
        facetMm3 = Math.PI * SpinePhantom.FACET_ST * SpinePhantom.FACET_SZ * (g - g * g * g / (12 * sn * sn));
        needleDisplacedMm3 = needleDisplaced(ph);

        double[] z = defectZRange(ph);
        double facetZ = ph.facetCentre(SpinePhantom.L5, SpinePhantom.LEFT).z();
        zMinAnatomy = Math.min(z[0], facetZ - SpinePhantom.FACET_SZ);
        zMaxAnatomy = Math.max(z[1], facetZ + SpinePhantom.FACET_SZ);

        SliceGeometry first = slices.get(0);
        voxelMm3 = first.rowSpacing() * first.columnSpacing() * Math.abs(slices.get(1).centre().z() - first.centre().z());
        sliceSpacing = Math.abs(slices.get(1).centre().z() - first.centre().z());
        int dv = 0, fv = 0;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (SliceGeometry s : slices) {
            for (int row = 0; row < s.rows(); row++) {
                for (int col = 0; col < s.columns(); col++) {
                    Vec3 pct = s.pixel(row, col);
                    Vec3 p = CtSeriesWriter.toAnatomy(pct);
                    if (!ph.inContrast(p)) continue;
                    if (ph.inDefectContrast(p)) dv++; else fv++;
                    lo = Math.min(lo, pct.z());
                    hi = Math.max(hi, pct.z());
                }
            }
        }
        defectVoxels = dv;
        facetVoxels = fv;
        voxelZMin = lo;
        voxelZMax = hi;
    }

    double analyticMm3() { return defectMm3 + facetMm3 - needleDisplacedMm3; }
    int voxels() { return defectVoxels + facetVoxels; }

    /** Volume of the needle inside the contrast compartments, on a 0.1 mm grid around the tip. */
    private static double needleDisplaced(SpinePhantom ph) {
        double h = 0.1;
        Vec3 c = ph.needleTip();
        int n = (int) Math.round(12 / h);
        long count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    Vec3 p = new Vec3(c.x() - 6 + (i + 0.5) * h, c.y() - 6 + (j + 0.5) * h, c.z() - 6 + (k + 0.5) * h);
                    if (ph.inNeedle(p) && (ph.inDefectContrast(p) || ph.inFacetContrast(p))) count++;
                }
            }
        }
        return count * h * h * h;
    }

    /** z range of the defect compartment: extremes lie on the rim where cylinder meets slab faces. */
    private static double[] defectZRange(SpinePhantom ph) {
        Vec3 u = ph.parsAxis(), m = ph.defectNormal(), d = ph.defectCentre(SpinePhantom.LEFT);
        Vec3 e1 = u.cross(new Vec3(1, 0, 0)).unit(), e2 = u.cross(e1);
        double r = SpinePhantom.PARS_RADIUS_MM, w = SpinePhantom.DEFECT_GAP_MM, um = u.dot(m);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 36000; k++) {
            double phi = 2 * Math.PI * k / 36000;
            Vec3 q = e1.times(r * StrictMath.cos(phi)).plus(e2.times(r * StrictMath.sin(phi)));
            for (double face : new double[] {-w / 2, w / 2}) {
                double lambda = (face - q.dot(m)) / um;
                double z = d.z() + lambda * u.z() + q.z();
                lo = Math.min(lo, z);
                hi = Math.max(hi, z);
            }
        }
        return new double[] {lo, hi};
    }
}
