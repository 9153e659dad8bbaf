package org.parsreader.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where everything truly is in the generated sample case, written as ground-truth.json.
 * Positions are millimetres in DICOM LPS patient coordinates of the named frame ("mr" = the
 * MR frame of reference, "ct" = the CT one, "anatomy" = the phantom's own frame, origin at the
 * centre of the L3 body). Sides: "left" = patient left = +x.
 */
public record GroundTruth(
        String caseId,
        String summary,
        Patient patient,
        Frames frames,
        List<Series> series,
        List<Landmark> vertebralBodyCentres,
        List<Landmark> facetJointCentres,
        List<ParsDefect> parsDefects,
        Edema edema,
        Needle needle,
        Contrast contrast,
        Dose dose,
        Map<String, Integer> ctNumbersHu,
        List<String> notes) {

    public record Patient(String name, String id, String birthDate, String sex, String age) {}

    /** {@code ctFromMr}: add to an MR position to get the CT position of the same anatomy. */
    public record Frames(String mrFrameOfReferenceUid, String ctFrameOfReferenceUid, Vec3 mrFromAnatomy,
                         Vec3 ctFromAnatomy, Vec3 ctFromMr, String note) {}

    /** One written file: geometricIndex 0 = first slice in space (see {@link Series#geometricOrder}). */
    public record FileEntry(String file, int instanceNumber, int geometricIndex, Vec3 imagePositionPatient) {}

    public record Series(String key, String modality, String studyInstanceUid, String seriesInstanceUid,
                         int seriesNumber, String seriesDescription, String frameOfReferenceUid,
                         String patientPosition, String acquisitionTime, int rows, int columns,
                         double pixelSpacingMm, double sliceThicknessMm, double spacingAlongNormalMm,
                         double gantryTiltDeg, List<Double> imageOrientationPatient, int pixelRepresentation,
                         int bitsStored, double rescaleIntercept, String geometricOrder, String instanceOrder,
                         List<FileEntry> files) {}

    public record Landmark(String name, Vec3 anatomy, Vec3 mr, Vec3 ct) {}

    public record ParsDefect(String level, String side, String grade, Vec3 centreAnatomy, Vec3 centreMr,
                             Vec3 centreCt, Vec3 planeNormal, double gapWidthMm, double gapAlongParsAxisMm,
                             double parsBarRadiusMm) {}

    public record Edema(String level, String side, String location, Vec3 ellipsoidCentreMr,
                        Vec3 ellipsoidCentreCt, Vec3 ellipsoidSemiAxesMm, Vec3 marrowBoxMinMr,
                        Vec3 marrowBoxMaxMr, double marrowVolumeMl, List<Double> mrSlicesShowingItXMr,
                        Map<String, String> signal) {}

    public record Needle(String target, String tipPosition, Vec3 entryCt, Vec3 tipCt, Vec3 hubCt,
                         double depthFromSkinMm, double modelledRadiusMm, List<String> presentInSeries) {}

    public record Compartment(String name, double volumeAnalyticMl, int voxelCount) {}

    public record Contrast(String agent, int hu, String series, double volumeAnalyticMl, double volumeVoxelMl,
                           int voxelCount, double voxelVolumeMm3, String voxelRule,
                           double needleDisplacedMl, double craniocaudalExtentMm,
                           double craniocaudalExtentVoxelMm, double zMinCt, double zMaxCt,
                           List<Compartment> compartmentsReached, List<String> compartmentsNotReached) {}

    public record Acquisition(String series, int kvp, int mAs, double ctdiVolMGy, double scanLengthCm,
                              double dlpMGyCm) {}

    public record Dose(List<Acquisition> acquisitions, double dlpTotalMGyCm) {}

    public void write(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String json = mapper.writeValueAsString(this).replace("\r\n", "\n") + "\n";
        Files.writeString(file, json);
    }

    public static GroundTruth read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), GroundTruth.class);
    }
}
