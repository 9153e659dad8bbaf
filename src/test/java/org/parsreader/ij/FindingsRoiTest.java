package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.measure.Measurements;
import ij.process.ByteProcessor;
import ij.process.ImageStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.Side;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;
import org.parsreader.sample.SampleCase;

/**
 * Findings Add / Remove ROI on images built by Open Study: ImageJ selections become patient
 * millimetres by the DICOM definition (ImagePositionPatient + column * spacing * row direction
 * + row * spacing * column direction), checked against the slice's own header, on the
 * 5-degree tilted needle-check CT of the sample case.
 */
class FindingsRoiTest {
    @TempDir
    Path dir;
    Path caseDir;

    @BeforeEach
    void copySample() throws Exception {
        caseDir = SampleCase.copy(dir);
    }

    private CaseOptions target(String reader) {
        return new CaseOptions(caseDir, reader, null, null, null, "tester");
    }

    private FindingsDocument stored(String reader) throws Exception {
        return FindingsJson.read(Files.readAllBytes(caseDir.resolve("findings/" + reader + ".findings.json")), reader);
    }

    /** Patient position of ImageJ pixel-centre coordinates (x, y) on a slice, from the DICOM header alone. */
    private static double[] dicomPatient(AttributeList h, double x, double y) throws Exception {
        double[] ipp = h.get(TagFromName.ImagePositionPatient).getDoubleValues();
        double[] iop = h.get(TagFromName.ImageOrientationPatient).getDoubleValues();
        double[] ps = h.get(TagFromName.PixelSpacing).getDoubleValues(); // row spacing (y), column spacing (x)
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) p[a] = ipp[a] + x * ps[1] * iop[a] + y * ps[0] * iop[3 + a];
        return p;
    }

    private static AttributeList header(Volume v, int k) throws Exception {
        AttributeList l = new AttributeList();
        l.read(v.slices().get(k).file().toString());
        return l;
    }

    @Test
    void aLineOnATiltedSliceIsStoredInPatientMmWithItsSeriesSopAndLength() throws Exception {
        ImagePlus imp = OpenStudyCommand.process(caseDir, SampleCase.stackId(caseDir, "Needle check"), ProgressListener.NONE);
        Volume v = (Volume) imp.getProperty(OpenStudyCommand.VOLUME_PROPERTY);
        assertThat(v.geometry().shearDeg()).isCloseTo(5.0, within(0.01));
        imp.setSlice(5);
        imp.setRoi(new Line(60.0, 70.0, 66.0, 78.0));

        FindingsAddRoiCommand.Added a = FindingsAddRoiCommand.process(
                new FindingsAddRoiCommand.Request(target("T1"), "gap_width_mm", "L5", Side.LEFT), imp);

        assertThat(a.roiId()).isEqualTo("roi-1");
        assertThat(a.slice()).isEqualTo(5);
        FindingsDocument.Roi roi = stored("T1").rois().get(0);
        AttributeList h = header(v, 4);
        assertThat(roi.type()).isEqualTo(FindingsDocument.RoiType.LINE);
        assertThat(roi.points().get(0)).containsExactly(dicomPatient(h, 60, 70), within(1e-6));
        assertThat(roi.points().get(1)).containsExactly(dicomPatient(h, 66, 78), within(1e-6));
        assertThat(roi.sopInstanceUids()).containsExactly(h.get(TagFromName.SOPInstanceUID).getSingleStringValueOrEmptyString());
        assertThat(roi.seriesInstanceUid()).isEqualTo(h.get(TagFromName.SeriesInstanceUID).getSingleStringValueOrEmptyString());
        assertThat(roi.frameOfReferenceUid()).isEqualTo(h.get(TagFromName.FrameOfReferenceUID).getSingleStringValueOrEmptyString());
        FindingsDocument.Measurement m = stored("T1").measurements().get(0);
        // in-plane, 6 x 8 pixels of 0.875 mm; the header's 6-digit direction cosines are unit vectors to 2e-7
        assertThat(m.value()).isCloseTo(0.875 * 10, within(1e-5));
        assertThat(m.unit()).isEqualTo("mm");
        assertThat(m.provenance().roi()).isEqualTo("roi-1");
        assertThat(m.provenance().method()).isEqualTo("line-length");

        FindingsRemoveRoiCommand.process(FindingsRemoveRoiCommand.parse("case=[" + caseDir + "] reader=T1 roi=roi-1"));
        assertThat(stored("T1").rois()).isEmpty();
        assertThat(stored("T1").measurements()).isEmpty();
        assertThatThrownBy(() -> FindingsRemoveRoiCommand.process(FindingsRemoveRoiCommand.parse("case=[" + caseDir + "] reader=T1 roi=roi-1")))
                .hasMessageContaining("no ROI 'roi-1'");
    }

    @Test
    void aPolygonKeepsImageJsPixelsAndMeanAndAPointItsPixelCentre() throws Exception {
        ImagePlus imp = OpenStudyCommand.process(caseDir, SampleCase.stackId(caseDir, "Post contrast"), ProgressListener.NONE);
        Volume v = (Volume) imp.getProperty(OpenStudyCommand.VOLUME_PROPERTY);
        PolygonRoi triangle = new PolygonRoi(new float[] {70.3f, 95.7f, 78.2f}, new float[] {60.1f, 66.2f, 88.9f}, Roi.POLYGON);
        triangle.setPosition(9); // its own slice, not the current one
        imp.setRoi(triangle);
        imp.setSliceWithoutUpdate(9);
        ImageStatistics ij = imp.getStatistics(Measurements.MEAN | Measurements.AREA);
        imp.setSlice(3);

        FindingsAddRoiCommand.Added a = FindingsAddRoiCommand.process(
                new FindingsAddRoiCommand.Request(target("T1"), "bme_roi_mean", "L5", Side.LEFT), imp);

        assertThat(a.slice()).isEqualTo(9);
        FindingsDocument.Measurement m = a.measurement();
        assertThat(m.unit()).isEqualTo("SI");
        assertThat(m.provenance().method()).isEqualTo("roi-mean");
        assertThat(m.provenance().parameters()).containsEntry("voxels", Long.toString(ij.pixelCount)).containsEntry("slice", "9");
        assertThat(m.value()).isCloseTo(ij.mean, within(1e-6)); // ImageJ's calibrated mean is in HU, as the Volume's values
        FindingsDocument.Roi roi = stored("T1").rois().get(0);
        assertThat(roi.points().get(0)).containsExactly(dicomPatient(header(v, 8), 70.3f - 0.5, 60.1f - 0.5), within(1e-4));

        imp.setRoi(new PointRoi(40, 50));
        FindingsAddRoiCommand.process(new FindingsAddRoiCommand.Request(target("T1"), "needle_tip", "L5", Side.LEFT), imp);
        FindingsDocument.Roi point = stored("T1").rois().get(1);
        assertThat(point.id()).isEqualTo("roi-2");
        assertThat(point.type()).isEqualTo(FindingsDocument.RoiType.POINT);
        assertThat(point.points().get(0)).containsExactly(dicomPatient(header(v, 2), 40, 50), within(1e-6));
        assertThat(stored("T1").measurements()).hasSize(1); // a point on a choice finding measures nothing
    }

    @Test
    void aCompartmentRoiKeepsItsLabelAndAWrongLabelIsRefused() throws Exception {
        ImagePlus imp = OpenStudyCommand.process(caseDir, SampleCase.stackId(caseDir, "Post contrast"), ProgressListener.NONE);
        imp.setSlice(9);
        imp.setRoi(new PolygonRoi(new float[] {70, 80, 75}, new float[] {60, 60, 70}, Roi.POLYGON));
        FindingsAddRoiCommand.process(FindingsAddRoiCommand.parse("case=[" + caseDir + "] reader=T2 finding=contrast_compartments level=L5 side=left label=caudal_facet"), imp);
        assertThat(stored("T2").rois().get(0).label()).isEqualTo("caudal_facet");
        imp.setRoi(new PolygonRoi(new float[] {70, 80, 75}, new float[] {60, 60, 70}, Roi.POLYGON));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FindingsAddRoiCommand.process(FindingsAddRoiCommand.parse(
                "case=[" + caseDir + "] reader=T2 finding=contrast_compartments level=L5 side=left label=kidney"), imp))
                .hasMessageContaining("kidney");
        assertThat(stored("T2").rois()).hasSize(1);
    }

    @Test
    void anImageNotOpenedByOpenStudyOrWithoutSelectionIsRefusedWithWhatToDo() throws Exception {
        ImagePlus plain = new ImagePlus("plain", new ByteProcessor(8, 8));
        plain.setRoi(new Line(1, 1, 5, 5));
        FindingsAddRoiCommand.Request r = new FindingsAddRoiCommand.Request(target("T1"), "gap_width_mm", "L5", Side.LEFT);
        assertThatThrownBy(() -> FindingsAddRoiCommand.process(r, plain)).hasMessageContaining("was not opened by Open Study")
                .hasMessageContaining("Open Study...");
        ImagePlus imp = OpenStudyCommand.process(caseDir, SampleCase.stackId(caseDir, "Post contrast"), ProgressListener.NONE);
        assertThatThrownBy(() -> FindingsAddRoiCommand.process(r, imp)).hasMessageContaining("no selection");
        imp.setRoi(new PolygonRoi(new float[] {1, 5, 9}, new float[] {1, 5, 1}, Roi.POLYLINE));
        assertThatThrownBy(() -> FindingsAddRoiCommand.process(r, imp)).hasMessageContaining("cannot be stored");
        assertThat(caseDir.resolve("findings/T1.findings.json")).doesNotExist();
    }
}
