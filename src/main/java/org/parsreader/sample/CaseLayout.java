package org.parsreader.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed description of sample case 001: patient, the two studies, the two frames of
 * reference and the six image series (geometry, timing, instance numbering). Everything here
 * is a constant, so the generator writes the same bytes on every run.
 *
 * <p>Frames: the phantom lives in an anatomical frame (origin L3 body centre); MR patient
 * coordinates = anatomy + {@link #MR_FROM_ANATOMY} (supine, HFS), CT patient coordinates =
 * anatomy + {@link #CT_FROM_ANATOMY} (prone, FFP). Both are LPS patient coordinates, so the
 * MR-to-CT mapping is the pure translation CT - MR.
 */
final class CaseLayout {
    private CaseLayout() {}

    static final String CASE_ID = "case-001";
    static final UidFactory UIDS = new UidFactory("org.parsreader.sample/" + CASE_ID);

    static final String PATIENT_NAME = "PARS^PHANTOM";
    static final String PATIENT_ID = "PR-SAMPLE-001";
    static final String PATIENT_BIRTH_DATE = "19800101";
    static final String PATIENT_SEX = "F";
    static final String PATIENT_AGE = "044Y";

    static final Vec3 MR_FROM_ANATOMY = new Vec3(1.5, -20.0, 18.0);
    static final Vec3 CT_FROM_ANATOMY = new Vec3(-3.5, 18.0, -412.0);

    record Study(String uid, String date, String time, String id, String accession, String description) {}

    static final Study MR_STUDY = new Study(UIDS.uid("study/MR"), "20240304", "101500", "MR24-0304",
            "PRS2403041", "L-spine MRI");
    static final Study CT_STUDY = new Study(UIDS.uid("study/CT"), "20240320", "140200", "CT24-0320",
            "PRS2403207", "L-spine pars injection");
    static final String MR_FRAME = UIDS.uid("frame/MR");
    static final String CT_FRAME = UIDS.uid("frame/CT");

    /** One image series to write. {@code instanceNumbers[i]} belongs to geometric slice i. */
    record SeriesPlan(String key, Study study, String modality, int number, String description, String frameUid,
                      String patientPosition, List<SliceGeometry> slices, int[] instanceNumbers,
                      String acquisitionTime, double sliceThickness, double spacingAlongNormal,
                      double gantryTiltDeg, String instanceOrder, String folder) {}

    // ---- MR: sagittal, 15 slices x = -28..+28 (anatomy), 4 mm apart, 176 rows x 128 columns, 1.25 mm
    static final int MR_SLICES = 15, MR_ROWS = 176, MR_COLUMNS = 128;
    static final double MR_PIXEL = 1.25, MR_GAP = 4.0, MR_THICKNESS = 3.5;

    static List<SliceGeometry> mrSlices() {
        List<Vec3> centres = new ArrayList<>();
        for (int k = 0; k < MR_SLICES; k++) {
            // image centre at y = +20 (columns cover -60..+100), z = -15 (rows cover +95..-125)
            centres.add(new Vec3(-28 + MR_GAP * k, 20, -15).plus(MR_FROM_ANATOMY));
        }
        return SliceGeometry.stack(centres, new Vec3(0, 1, 0), new Vec3(0, 0, -1), MR_PIXEL, MR_ROWS, MR_COLUMNS);
    }

    static SeriesPlan mr(String key, int number, String description, String time, boolean reversed) {
        int[] in = new int[MR_SLICES];
        for (int i = 0; i < MR_SLICES; i++) in[i] = reversed ? MR_SLICES - i : i + 1;
        return new SeriesPlan(key, MR_STUDY, "MR", number, description, MR_FRAME, "HFS", mrSlices(), in, time,
                MR_THICKNESS, MR_GAP, 0, reversed ? "reversed: InstanceNumber 1 = most left slice"
                        : "geometric: InstanceNumber 1 = most right slice", "MR");
    }

    static final SeriesPlan T1 = mr("T1_SAG", 3, "T1 TSE SAG", "102012", false);
    static final SeriesPlan T2 = mr("T2_SAG", 4, "T2 TSE SAG", "102530", false);
    static final SeriesPlan STIR = mr("STIR_SAG", 5, "STIR SAG", "103248", true);

    // ---- CT: axial, 160 x 160, 0.875 mm (140 mm targeted FOV centred on the spine)
    static final int CT_MATRIX = 160;
    static final double CT_PIXEL = 0.875;
    static final double TILT_DEG = 5.0;
    static final Vec3 CT_ROW = new Vec3(1, 0, 0);
    /** Prone, feet first: posterior at the top of the image. */
    static final Vec3 CT_COLUMN = new Vec3(0, -1, 0);

    static Vec3 tiltedColumn() {
        double t = Math.toRadians(TILT_DEG);
        return new Vec3(0, -StrictMath.cos(t), StrictMath.sin(t));
    }

    static List<SliceGeometry> ctSlices(double zFirst, double step, int n, Vec3 column) {
        List<Vec3> centres = new ArrayList<>();
        for (int k = 0; k < n; k++) centres.add(new Vec3(0, 25, zFirst + step * k).plus(CT_FROM_ANATOMY));
        return SliceGeometry.stack(centres, CT_ROW, column, CT_PIXEL, CT_MATRIX, CT_MATRIX);
    }

    static SeriesPlan planning() {
        int n = 31;
        int[] in = new int[n];
        for (int i = 0; i < n; i++) in[i] = i + 1;
        return new SeriesPlan("PLANNING", CT_STUDY, "CT", 2, "Planning", CT_FRAME, "FFP",
                ctSlices(-21, -3, n, CT_COLUMN), in, "140512", 3.0, 3.0, 0,
                "geometric: InstanceNumber 1 = most cranial slice", "CT");
    }

    static SeriesPlan needleCheck() {
        int n = 16;
        int[] in = new int[n];
        for (int i = 0; i < n; i++) in[i] = n - i;
        double tableStep = 2.0;
        return new SeriesPlan("NEEDLE_CHECK", CT_STUDY, "CT", 3, "Needle check", CT_FRAME, "FFP",
                ctSlices(-60, -tableStep, n, tiltedColumn()), in, "141236", 2.0,
                tableStep * StrictMath.cos(Math.toRadians(TILT_DEG)), TILT_DEG,
                "reversed: InstanceNumber 1 = most caudal slice", "CT");
    }

    static SeriesPlan postContrast() {
        int n = 21;
        // a fixed scramble: InstanceNumber neither follows nor reverses the geometry
        int[] in = new int[n];
        for (int i = 0; i < n; i++) in[i] = (i * 8) % n + 1;
        return new SeriesPlan("POST_CONTRAST", CT_STUDY, "CT", 4, "Post contrast", CT_FRAME, "FFP",
                ctSlices(-58, -2, n, CT_COLUMN), in, "141851", 2.0, 2.0, 0,
                "scrambled: InstanceNumber = (8 * geometric index mod 21) + 1, geometric index 0 = most cranial", "CT");
    }
}
