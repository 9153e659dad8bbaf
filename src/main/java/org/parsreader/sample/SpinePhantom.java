package org.parsreader.sample;

import static org.parsreader.sample.Shapes.OUTSIDE;

import java.util.List;

/**
 * Analytic lumbar spine (T12..S1) in an anatomical frame: DICOM LPS axes, millimetres, origin
 * at the centre of the L3 vertebral body; the spine is straight (no lordosis). Series write
 * this frame shifted by a fixed offset (see {@link CaseLayout}).
 *
 * <p>Each level: elliptic vertebral body with a 1.5 mm cortical shell, pedicles, pars bars
 * (capsules), superior articular process, transverse processes, lamina, spinous process; the
 * sacrum (S1) continues caudally with alae. Facet joints are ellipsoidal articular blocks
 * split by a 1.5 mm joint space whose plane runs vertically at 45 degrees (anterolateral SAP of
 * the lower level, posteromedial IAP of the upper level), centred at the level of the disc. L5 has bilateral pars defects: a
 * 2.5 mm slab cutting each pars bar. Marrow edema fills the left L5 pedicle/pars marrow inside
 * an ellipsoid. A needle and contrast are optional scene elements.
 */
public final class SpinePhantom {
    public static final List<String> LEVELS = List.of("T12", "L1", "L2", "L3", "L4", "L5", "S1");
    public static final int L5 = 5;
    public static final int S1 = 6;
    /** Left = +x in LPS. */
    public static final int LEFT = 1;
    public static final int RIGHT = -1;

    public static final double CORTEX_MM = 1.5;
    /** Facet joint space: three projections of the 0.875 mm CT pixel lattice on the 45 degree joint normal. */
    public static final double FACET_GAP_MM = 1.86;
    public static final double DEFECT_GAP_MM = 2.5;
    public static final double PARS_RADIUS_MM = 3.5;
    /** Modelled needle radius: 22G (0.7 mm) plus metal blooming at CT resolution. */
    public static final double NEEDLE_RADIUS_MM = 0.9;
    public static final double NEEDLE_OUTSIDE_SKIN_MM = 25;

    static final double[] LEVEL_Z = {105, 70, 35, 0, -35, -70, -105};
    private static final double SACRUM_BOTTOM = -150;
    // facet articular block semi-axes along (normal, in-plane horizontal, z)
    static final double FACET_SN = 6, FACET_ST = 7, FACET_SZ = 8;
    /** Within this distance of an articular block, each level keeps to its side of the joint plane. */
    static final double FACET_MARGIN = 1.5;
    static final Vec3 EDEMA_CENTRE = new Vec3(18, 24, LEVEL_Z[L5] + 1);
    static final Vec3 EDEMA_SEMI_AXES = new Vec3(7, 10, 10);
    private static final Vec3 NEEDLE_DIRECTION = new Vec3(30, 36, 3).unit(); // tip -> hub

    private final Vec3 needleTip;
    private final Vec3 needleEntry;
    private final Vec3 needleHub;

    public SpinePhantom() {
        needleTip = defectCentre(LEFT);
        Vec3 p = needleTip;
        while (insideTorso(p)) p = p.plus(NEEDLE_DIRECTION.times(0.01));
        needleEntry = p;
        needleHub = p.plus(NEEDLE_DIRECTION.times(NEEDLE_OUTSIDE_SKIN_MM));
    }

    // ---- landmarks ---------------------------------------------------------------------

    public Vec3 bodyCentre(int level) { return new Vec3(0, 0, LEVEL_Z[level]); }
    public double bodySemiX(int level) { return level == S1 ? 25 : level == 0 ? 20 : 22.5; }
    public double bodySemiY(int level) { return level == S1 ? 17 : level == 0 ? 14 : 15; }
    double bodyTop(int level) { return LEVEL_Z[level] + 12.5; }
    double bodyBottom(int level) { return level == S1 ? SACRUM_BOTTOM : LEVEL_Z[level] - 12.5; }

    Vec3 parsA(int level, int side) { return new Vec3(side * 18, 25, LEVEL_Z[level] + 3); }
    Vec3 parsB(int level, int side) { return new Vec3(side * 18, 35, LEVEL_Z[level] - 14); }
    public Vec3 parsAxis() { return parsB(L5, LEFT).minus(parsA(L5, LEFT)).unit(); }

    /** Centre of the L5 pars defect (midpoint of the pars bar). */
    public Vec3 defectCentre(int side) { return parsA(L5, side).plus(parsB(L5, side)).times(0.5); }
    /** Normal of the defect slab: about 19 degrees oblique to the pars axis. */
    public Vec3 defectNormal() { return new Vec3(0, 0.2, -1).unit(); }

    /** Centre of the facet joint between level {@code upper} and the next one. */
    public Vec3 facetCentre(int upper, int side) { return new Vec3(side * 20, 34, LEVEL_Z[upper] - 17.5); }
    /** Normal of the joint plane, pointing from the IAP (upper level) to the SAP (lower level). */
    public Vec3 facetNormal(int side) { return new Vec3(side, -1, 0).unit(); }
    Vec3 facetInPlane(int side) { return new Vec3(1, side, 0).unit(); }

    public Vec3 needleTip() { return needleTip; }
    public Vec3 needleEntry() { return needleEntry; }
    public Vec3 needleHub() { return needleHub; }
    public Vec3 edemaCentre() { return EDEMA_CENTRE; }
    public Vec3 edemaSemiAxes() { return EDEMA_SEMI_AXES; }

    // ---- classification ----------------------------------------------------------------

    /** The material at p (anatomical frame). */
    public Tissue tissue(Vec3 p, boolean needle, boolean contrast) {
        if (needle && inNeedle(p)) return Tissue.NEEDLE;
        if (contrast && (inDefectContrast(p) || inFacetContrast(p))) return Tissue.CONTRAST;
        if (!insideTorso(p)) return Tissue.AIR;
        Tissue bone = bone(p);
        if (bone != null) return bone;
        if (inJointSpace(p)) return Tissue.JOINT_SPACE;
        if (inDisc(p)) return Tissue.DISC;
        if (Shapes.ellipse(p.x(), p.y() - 24, 11, 9) > 0) return canal(p);
        if (inMuscle(p)) return Tissue.MUSCLE;
        return p.y() < -22 ? Tissue.VISCERA : Tissue.FAT;
    }

    /** Contrast mask (post-contrast scene), needle excluded. */
    public boolean inContrast(Vec3 p) {
        return !inNeedle(p) && (inDefectContrast(p) || inFacetContrast(p));
    }

    boolean inDefectContrast(Vec3 p) {
        Vec3 d = defectCentre(LEFT);
        return Math.abs(p.minus(d).dot(defectNormal())) <= DEFECT_GAP_MM / 2
                && Shapes.lineDistance(p, d, parsAxis()) <= PARS_RADIUS_MM;
    }

    boolean inFacetContrast(Vec3 p) {
        return inJointSpace(p, L5, LEFT);
    }

    public boolean inNeedle(Vec3 p) {
        return Shapes.capsule(p, needleTip, needleHub, NEEDLE_RADIUS_MM) >= 0;
    }

    static boolean insideTorso(Vec3 p) {
        return Shapes.ellipse(p.x(), p.y() + 25, 165, 95) > 0;
    }

    private Tissue canal(Vec3 p) {
        if (p.z() > 52 && Shapes.ellipse(p.x(), p.y() - 23, 4.5, 4) > 0) return Tissue.CORD;
        if (p.z() > -100 && Shapes.ellipse(p.x(), p.y() - 23.5, 8, 6.5) > 0) return Tissue.CSF;
        return Tissue.EPIDURAL_FAT;
    }

    private boolean inDisc(Vec3 p) {
        for (int i = 0; i + 1 < LEVEL_Z.length; i++) {
            if (p.z() < bodyBottom(i) && p.z() > bodyTop(i + 1)) {
                double a = (bodySemiX(i) + bodySemiX(i + 1)) / 2, b = (bodySemiY(i) + bodySemiY(i + 1)) / 2;
                return Shapes.ellipse(p.x(), p.y(), a, b) > 0;
            }
        }
        return false;
    }

    private static boolean inMuscle(Vec3 p) {
        double ax = Math.abs(p.x());
        if (Shapes.ellipse(ax - 30, p.y() - 47, 20, 15) > 0) return true;   // erector spinae
        if (Shapes.ellipse(ax - 12, p.y() - 50, 8, 10) > 0) return true;    // multifidus
        if (p.z() > -95 && Shapes.ellipse(ax - 55, p.y() - 15, 14, 8) > 0) return true; // quadratus
        double f = Math.max(0.3, Math.min(1, (60 - p.z()) / 120));           // psoas grows caudally
        return Shapes.ellipse(ax - 32, p.y() + 5, 12 * f, 14 * f) > 0;
    }

    private boolean inJointSpace(Vec3 p) {
        int upper = nearestFacetUpper(p.z());
        return upper >= 0 && inJointSpace(p, upper, p.x() >= 0 ? LEFT : RIGHT);
    }

    private boolean inJointSpace(Vec3 p, int upper, int side) {
        Vec3 d = p.minus(facetCentre(upper, side));
        double dn = d.dot(facetNormal(side));
        return Math.abs(dn) < FACET_GAP_MM / 2 && facetDepth(d, side, 1) > 0;
    }

    private static int nearestFacetUpper(double z) {
        for (int i = 0; i + 1 < LEVEL_Z.length; i++) {
            if (Math.abs(z - (LEVEL_Z[i] - 17.5)) <= FACET_SZ + FACET_MARGIN) return i;
        }
        return -1;
    }

    private double facetDepth(Vec3 d, int side, double scale) {
        return Shapes.ellipsoid(d.dot(facetNormal(side)), d.dot(facetInPlane(side)), d.z(),
                FACET_SN * scale, FACET_ST * scale, FACET_SZ * scale);
    }

    /** Bone material at p, or null. */
    private Tissue bone(Vec3 p) {
        double best = OUTSIDE;
        int bestLevel = -1;
        boolean defect = false;
        for (int i = 0; i < LEVEL_Z.length; i++) {
            double zc = LEVEL_Z[i];
            if (p.z() > zc + 45 || (p.z() < zc - 45 && i != S1)) continue;
            double d = levelDepth(p, i);
            if (i == L5 && d > 0 && inDefectCut(p)) {
                defect = true;
                d = OUTSIDE;
            }
            if (d > best) {
                best = d;
                bestLevel = i;
            }
        }
        if (best <= 0) return defect ? Tissue.DEFECT_TISSUE : null;
        if (best < CORTEX_MM) return Tissue.CORTICAL_BONE;
        if (bestLevel == L5 && p.x() > 0 && Shapes.ellipsoid(p.x() - EDEMA_CENTRE.x(), p.y() - EDEMA_CENTRE.y(),
                p.z() - EDEMA_CENTRE.z(), EDEMA_SEMI_AXES.x(), EDEMA_SEMI_AXES.y(), EDEMA_SEMI_AXES.z()) > 0) {
            return Tissue.EDEMA_MARROW;
        }
        return Tissue.CANCELLOUS_BONE;
    }

    private boolean inDefectCut(Vec3 p) {
        int side = p.x() >= 0 ? LEFT : RIGHT;
        Vec3 c = defectCentre(side);
        return Math.abs(p.minus(c).dot(defectNormal())) <= DEFECT_GAP_MM / 2
                && Shapes.lineDistance(p, c, parsAxis()) <= PARS_RADIUS_MM + 1.0;
    }

    /** Depth of the bone of one level at p (positive inside), facet partitions applied. */
    double levelDepth(Vec3 p, int i) {
        double zc = LEVEL_Z[i];
        int s = p.x() >= 0 ? LEFT : RIGHT;
        double d = Math.min(Shapes.ellipse(p.x(), p.y(), bodySemiX(i), bodySemiY(i)),
                Shapes.slab(p.z(), bodyBottom(i), bodyTop(i)));
        d = Math.max(d, Math.min(Shapes.ellipse(p.x() - s * 17, p.z() - (zc + 4), 4.5, 6.5), Shapes.slab(p.y(), 12, 26)));
        d = Math.max(d, Shapes.capsule(p, parsA(i, s), parsB(i, s), PARS_RADIUS_MM));
        d = Math.max(d, Shapes.capsule(p, new Vec3(s * 18, 24, zc + 6), new Vec3(s * 21.5, 32.5, zc + 17), 4.0));
        double ax = Math.abs(p.x());
        double laminaBottom = i == S1 ? SACRUM_BOTTOM : zc - 14;
        d = Math.max(d, Math.min(Math.min(17 - ax, 2.75 - Math.abs(p.y() - (41 - 0.3 * ax))),
                Shapes.slab(p.z(), laminaBottom, zc - 6)));
        if (i == S1) {
            d = Math.max(d, Math.min(Math.min(3.5 - ax, Shapes.slab(p.y(), 38, 52)), Shapes.slab(p.z(), SACRUM_BOTTOM, zc - 1)));
            d = Math.max(d, Math.min(Math.min(Shapes.slab(ax, 22, 52), Shapes.slab(p.y(), -5, 28)), Shapes.slab(p.z(), SACRUM_BOTTOM, -96)));
        } else {
            double tilt = 0.2 * (p.y() - 38);
            d = Math.max(d, Math.min(Math.min(3.5 - ax, Shapes.slab(p.y(), 38, 60)), Shapes.slab(p.z(), zc - 12 - tilt, zc - 1 - tilt)));
            d = Math.max(d, Shapes.capsule(p, new Vec3(s * 20, 20, zc + 3), new Vec3(s * (i == 0 ? 34 : 44), 22, zc + 4), 4.0));
        }
        if (i > 0) { // articular block shared with the level above: this level owns the SAP half
            Vec3 q = p.minus(facetCentre(i - 1, s));
            double dn = q.dot(facetNormal(s));
            d = Math.max(d, Math.min(facetDepth(q, s, 1), dn - FACET_GAP_MM / 2));
            if (facetDepth(q, s, 1) > -FACET_MARGIN) d = Math.min(d, dn - FACET_GAP_MM / 2);
        }
        if (i < S1) { // block shared with the level below: this level owns the IAP half
            Vec3 q = p.minus(facetCentre(i, s));
            double dn = q.dot(facetNormal(s));
            d = Math.max(d, Math.min(facetDepth(q, s, 1), -dn - FACET_GAP_MM / 2));
            if (facetDepth(q, s, 1) > -FACET_MARGIN) d = Math.min(d, -dn - FACET_GAP_MM / 2);
        }
        if (i == L5) { // sclerotic cortical rim along the faces of the pars defect
            Vec3 c = defectCentre(s);
            if (Shapes.lineDistance(p, c, parsAxis()) <= PARS_RADIUS_MM + 1.0) {
                double face = Math.abs(p.minus(c).dot(defectNormal())) - DEFECT_GAP_MM / 2;
                if (face > 0) d = Math.min(d, face);
            }
        }
        return d;
    }
}
