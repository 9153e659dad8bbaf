package org.parsreader.sample;

import static org.parsreader.sample.CaseLayout.CT_FROM_ANATOMY;
import static org.parsreader.sample.CaseLayout.MR_FROM_ANATOMY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles {@link GroundTruth} from the phantom, the written series and the measurements. */
final class GroundTruths {
    private GroundTruths() {}

    static Vec3 mr(Vec3 anatomy) { return anatomy.plus(MR_FROM_ANATOMY).rounded(); }
    static Vec3 ct(Vec3 anatomy) { return anatomy.plus(CT_FROM_ANATOMY).rounded(); }
    /** mm3 to mL, rounded to 0.0001 mL. */
    static double ml(double mm3) { return Math.round(mm3 * 10) / 10000.0; }

    static GroundTruth build(SpinePhantom ph, List<GroundTruth.Series> series, ContrastAnalysis c,
                             List<GroundTruth.Acquisition> acquisitions) {
        GroundTruth.Patient patient = new GroundTruth.Patient(CaseLayout.PATIENT_NAME, CaseLayout.PATIENT_ID,
                CaseLayout.PATIENT_BIRTH_DATE, CaseLayout.PATIENT_SEX, CaseLayout.PATIENT_AGE);
        GroundTruth.Frames frames = new GroundTruth.Frames(CaseLayout.MR_FRAME, CaseLayout.CT_FRAME,
                MR_FROM_ANATOMY, CT_FROM_ANATOMY, CT_FROM_ANATOMY.minus(MR_FROM_ANATOMY).rounded(),
                "Both frames are LPS patient coordinates of the same straight phantom; MR (supine, HFS) and CT"
                        + " (prone, FFP) differ by a pure translation: ct = mr + ctFromMr. Different"
                        + " FrameOfReferenceUIDs: a reader may not assume this without registration.");

        List<GroundTruth.Landmark> bodies = new ArrayList<>();
        for (int i = 0; i < SpinePhantom.LEVELS.size(); i++) {
            Vec3 a = ph.bodyCentre(i);
            bodies.add(new GroundTruth.Landmark(SpinePhantom.LEVELS.get(i) + " vertebral body centre", a, mr(a), ct(a)));
        }
        List<GroundTruth.Landmark> facets = new ArrayList<>();
        for (int upper = 0; upper < SpinePhantom.S1; upper++) {
            for (int side : new int[] {SpinePhantom.LEFT, SpinePhantom.RIGHT}) {
                Vec3 a = ph.facetCentre(upper, side).rounded();
                facets.add(new GroundTruth.Landmark(side(side) + " " + SpinePhantom.LEVELS.get(upper) + "-"
                        + SpinePhantom.LEVELS.get(upper + 1) + " facet joint centre", a, mr(a), ct(a)));
            }
        }

        double alongAxis = SpinePhantom.DEFECT_GAP_MM / Math.abs(ph.parsAxis().dot(ph.defectNormal()));
        List<GroundTruth.ParsDefect> defects = new ArrayList<>();
        for (int side : new int[] {SpinePhantom.LEFT, SpinePhantom.RIGHT}) {
            Vec3 a = ph.defectCentre(side).rounded();
            defects.add(new GroundTruth.ParsDefect("L5", side(side), "complete", a, mr(a), ct(a),
                    ph.defectNormal().rounded(), SpinePhantom.DEFECT_GAP_MM, Vec3.r3(alongAxis), SpinePhantom.PARS_RADIUS_MM));
        }

        GroundTruth.Needle needle = new GroundTruth.Needle("left L5 pars defect", "intra-defect (tip at the defect centre)",
                ct(ph.needleEntry()), ct(ph.needleTip()), ct(ph.needleHub()),
                Vec3.r3(ph.needleEntry().minus(ph.needleTip()).norm()), SpinePhantom.NEEDLE_RADIUS_MM,
                List.of("NEEDLE_CHECK", "POST_CONTRAST"));

        int slices = series.stream().filter(s -> s.key().equals("POST_CONTRAST")).findFirst().orElseThrow().files().size();
        GroundTruth.Contrast contrast = new GroundTruth.Contrast(
                "diluted iodinated contrast, about 56 mg I/mL (e.g. iohexol 300 diluted 1:4.4), 1400 HU at 120 kVp",
                Tissue.CONTRAST.hu, "POST_CONTRAST", ml(c.analyticMm3()), ml(c.voxels() * c.voxelMm3), c.voxels(),
                Vec3.r3(c.voxelMm3), "voxel centre inside the contrast mask (needle excluded); on the images such"
                        + " voxels are the only ones with 1250..2000 HU", ml(c.needleDisplacedMm3),
                Vec3.r3(c.zMaxAnatomy - c.zMinAnatomy), Vec3.r3(c.voxelZMax - c.voxelZMin + c.sliceSpacing),
                Vec3.r3(c.zMinAnatomy + CT_FROM_ANATOMY.z()), Vec3.r3(c.zMaxAnatomy + CT_FROM_ANATOMY.z()),
                List.of(new GroundTruth.Compartment("left L5 pars defect", ml(c.defectMm3 - c.needleDisplacedMm3), c.defectVoxels),
                        new GroundTruth.Compartment("left L5-S1 facet joint (caudal facet)", ml(c.facetMm3), c.facetVoxels)),
                List.of("right L5 pars defect", "left L4-L5 facet joint (cranial facet)", "right L4-L5 facet joint",
                        "right L5-S1 facet joint", "retrodural space of Okada", "dorsal epidural space",
                        "ventral epidural space", "neural foramen", "interspinous space", "paraspinal soft tissue",
                        "intravascular"));
        if (slices == 0) throw new IllegalStateException("no post-contrast slices");

        double total = 0;
        for (GroundTruth.Acquisition a : acquisitions) total += a.dlpMGyCm();
        List<String> notes = List.of(
                "CT numbers are exact tissue values plus seeded Gaussian noise (planning sd 16 HU, needle check and"
                        + " post contrast sd 20 HU) and, in slices crossing the needle, streaks of at most +-40 HU.",
                "The needle is steel (12000 HU); like scanners, every CT stores at most 3071 HU, so needle voxels read 3071.",
                "Needle check: gantry tilt 5 deg; ImageOrientationPatient column (0,-cos5,+sin5); ImagePositionPatient"
                        + " steps 2 mm along z only (table motion), so slices are 2*cos5 = 1.992 mm apart along the normal.",
                "Pars defects cut all bone within 4.5 mm of the pars axis in a 2.5 mm slab; its faces have a 1.5 mm"
                        + " cortical rim. Before contrast the gap holds fibrous tissue (50 HU).",
                "MR signal: edema is bright on STIR, intermediate on T2 TSE, low on T1; the spine is straight (no lordosis).");
        return new GroundTruth(CaseLayout.CASE_ID,
                "Synthetic anonymous phantom: bilateral L5 spondylolysis, isthmic bone-marrow edema of the left L5"
                        + " pedicle/pars, CT-guided left L5 pars injection with contrast in the left L5 defect and the"
                        + " left L5-S1 facet joint.",
                patient, frames, series, bodies, facets, defects, edema(ph), needle, contrast,
                new GroundTruth.Dose(acquisitions, Vec3.r3(total)), SampleCaseGenerator.ctNumbers(), notes);
    }

    static String side(int side) {
        return side == SpinePhantom.LEFT ? "left" : "right";
    }

    /** Edema marrow measured on a 0.5 mm grid over the edema ellipsoid's bounding box. */
    static GroundTruth.Edema edema(SpinePhantom ph) {
        Vec3 c = ph.edemaCentre(), s = ph.edemaSemiAxes();
        double h = 0.5;
        double[] lo = {1e9, 1e9, 1e9}, hi = {-1e9, -1e9, -1e9};
        long count = 0;
        for (double x = c.x() - s.x() + h / 2; x < c.x() + s.x(); x += h) {
            for (double y = c.y() - s.y() + h / 2; y < c.y() + s.y(); y += h) {
                for (double z = c.z() - s.z() + h / 2; z < c.z() + s.z(); z += h) {
                    if (ph.tissue(new Vec3(x, y, z), false, false) != Tissue.EDEMA_MARROW) continue;
                    count++;
                    double[] p = {x, y, z};
                    for (int k = 0; k < 3; k++) {
                        lo[k] = Math.min(lo[k], p[k]);
                        hi[k] = Math.max(hi[k], p[k]);
                    }
                }
            }
        }
        List<Double> slices = new ArrayList<>();
        for (int k = 0; k < CaseLayout.MR_SLICES; k++) {
            double x = -28 + CaseLayout.MR_GAP * k;
            if (x >= lo[0] && x <= hi[0]) slices.add(Vec3.r3(x + MR_FROM_ANATOMY.x()));
        }
        Map<String, String> signal = new LinkedHashMap<>();
        signal.put("STIR", "high: " + Tissue.EDEMA_MARROW.stir + " vs normal marrow " + Tissue.CANCELLOUS_BONE.stir + " (CSF " + Tissue.CSF.stir + ")");
        signal.put("T2", "intermediate: " + Tissue.EDEMA_MARROW.t2 + " vs normal marrow " + Tissue.CANCELLOUS_BONE.t2 + " (CSF " + Tissue.CSF.t2 + ")");
        signal.put("T1", "low: " + Tissue.EDEMA_MARROW.t1 + " vs normal marrow " + Tissue.CANCELLOUS_BONE.t1);
        return new GroundTruth.Edema("L5", "left", "pedicle, pars interarticularis (both sides of the defect) and base of the superior articular process",
                mr(c), ct(c), s, mr(new Vec3(lo[0], lo[1], lo[2])), mr(new Vec3(hi[0], hi[1], hi[2])),
                ml(count * h * h * h), slices, signal);
    }
}
