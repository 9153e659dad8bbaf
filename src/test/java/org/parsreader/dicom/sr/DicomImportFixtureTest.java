package org.parsreader.dicom.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.Side;

/**
 * A TID 1500 SR laid out as dcmqi lays one out (no Pars Reader private items), built from a text
 * in the repository by dcmtk's dump2dcm, imports into findings with its values, region and
 * measurement.
 */
class DicomImportFixtureTest {
    @BeforeAll
    static void load() throws Exception {
        SrFixtures.load();
    }

    @Test
    void aDcmqiStyleReportImports(@TempDir Path dir) throws Exception {
        Path sr = dir.resolve("dcmqi-style.dcm");
        DicomExportTest.Run r = DicomExportTest.run("dump2dcm", "-q", "src/test/resources/dicom-sr/dcmqi-style-tid1500.dump", sr.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        DicomExportTest.Run v = DicomExportTest.run("dciodvfy", sr.toString());
        assertThat(DicomExportTest.errors(v)).as(v.out()).isEmpty();

        SrReader.Imported in = SrReader.read(sr, SrFixtures.template, Map.of(), SrFixtures.index);
        assertThat(in.observer()).isEqualTo("Reader1");
        assertThat(in.notes()).isEmpty();
        FindingsEditor e = DicomImportTest.emptyEditor("R2");
        e.importAll(in.values(), in.rois(), in.measurements());
        FindingsDocument d = e.document();
        assertThat(DicomImportTest.values(d)).containsExactly("pars_defect|L5|RIGHT|incomplete");
        assertThat(d.rois()).hasSize(1);
        FindingsDocument.Roi roi = d.rois().get(0);
        assertThat(roi.type()).isEqualTo(FindingsDocument.RoiType.LINE);
        assertThat(roi.side()).isEqualTo(Side.RIGHT);
        assertThat(roi.seriesInstanceUid()).isEqualTo("2.25.144238974742240537401837040969335971267"); // from the referenced CT image
        assertThat(roi.points().get(1)).containsExactly(new double[] {-14.5, 48.5, -489.75}, within(1e-4));
        assertThat(d.measurements()).hasSize(1);
        FindingsDocument.Measurement m = d.measurements().get(0);
        assertThat(m.finding()).isEqualTo("gap_width_mm");
        assertThat(m.value()).isEqualTo(2.9);
        assertThat(m.unit()).isEqualTo("mm");
        assertThat(m.provenance().method()).isEqualTo("line-length");
        assertThat(m.provenance().software()).isEqualTo("3D Slicer Markups");
        assertThat(m.provenance().roi()).isEqualTo(roi.id()); // the group's one region
    }
}
