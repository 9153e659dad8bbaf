package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.DateTimeAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TimeAttribute;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.SampleCaseGenerator;

/** Issue 15, point 5: dose and procedure time of a case from its DICOM files, with their sources. */
class ProcedureDoseTimeTest {
    @TempDir
    Path dir;

    @Test
    void sampleCaseWithoutDoseReportTakesTheImageHeaders() throws Exception {
        GroundTruth truth = SampleCaseGenerator.generate(dir);
        StudyIndex index = StudyScanner.scan(dir);
        ProcedureDoseTime d = ProcedureDoseTime.of(index);
        // planning 3.4 mGy, needle check and post-contrast 1.4 mGy (SampleCaseGenerator)
        assertThat(d.ctdiVolMgy()).isEqualTo(truth.dose().acquisitions().stream().mapToDouble(GroundTruth.Acquisition::ctdiVolMGy).max().orElseThrow());
        assertThat(d.ctdiVolMgy()).isEqualTo(3.4);
        assertThat(d.ctdiVolSource()).isEqualTo("image headers (highest image)");
        assertThat(d.dlpSource()).isEqualTo(ProcedureDoseTime.FROM_HEADERS_ESTIMATE);
        double stacks = index.stacks().stream().filter(s -> "CT".equals(s.modality())).mapToDouble(ImageStack::dlpEstimate).sum();
        assertThat(d.dlpMgyCm()).isCloseTo(stacks, within(1e-9));
        // the estimate (CTDIvol x scanned length) is near the generator's CTDIvol x slices x thickness
        assertThat(d.dlpMgyCm()).isCloseTo(truth.dose().dlpTotalMGyCm(), within(0.15 * truth.dose().dlpTotalMGyCm()));
        // planning at 14:05:12, post-contrast at 14:18:51 (CaseLayout): 13 min 39 s
        assertThat(d.durationMin()).isCloseTo(13 + 39 / 60.0, within(1e-9));
        assertThat(d.firstAcquisition()).isEqualTo("2024-03-20T14:05:12");
        assertThat(d.lastAcquisition()).isEqualTo("2024-03-20T14:18:51");
        assertThat(d.timeSource()).startsWith("AcquisitionDate+AcquisitionTime (").endsWith(" images)");
        assertThat(d.ctSeries()).isEqualTo(3);
        assertThat(d.notes()).isEmpty();
    }

    @Test
    void aDoseReportWinsOverTheHeaders() throws Exception {
        GroundTruth truth = SampleCaseGenerator.generate(dir);
        String ctStudy = truth.series().stream().filter(s -> s.modality().equals("CT")).findFirst().orElseThrow().studyInstanceUid();
        AttributeList sr = DoseSr.report(ctStudy, new double[][] {{3.4, 31.6}, {1.4, 4.5}, {1.4, 5.9}}, 41.98);
        Attribute pid = new com.pixelmed.dicom.LongStringAttribute(TagFromName.PatientID);
        pid.addValue("PR-SAMPLE-001");
        sr.put(pid);
        Attribute pn = new PersonNameAttribute(TagFromName.PatientName);
        pn.addValue("PARS^PHANTOM");
        sr.put(pn);
        TestDicom.write(sr, dir.resolve("dose.dcm"));
        ProcedureDoseTime d = ProcedureDoseTime.of(StudyScanner.scan(dir));
        assertThat(d.dlpMgyCm()).isEqualTo(41.98);
        assertThat(d.dlpSource()).isEqualTo("dose report (DLP total)");
        assertThat(d.ctdiVolMgy()).isEqualTo(3.4);
        assertThat(d.ctdiVolSource()).isEqualTo("dose report (highest acquisition)");
    }

    @Test
    void acquisitionDateTimeFirstThenContentTimeAndNoCtMeansNothing() throws Exception {
        AttributeList a = TestDicom.ctSlice("1.2.826.0.1.3680043.9.7133.51", "1.2.826.0.1.3680043.9.7133.51.1", 1,
                new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0}, 4, 4, 1.0, (short) 10, false, -1024);
        put(a, new DateTimeAttribute(TagFromName.AcquisitionDateTime), "20240320235900.5");
        put(a, new TimeAttribute(TagFromName.AcquisitionTime), "000000"); // AcquisitionDateTime wins
        put(a, new DateAttribute(TagFromName.StudyDate), "20240320");
        TestDicom.write(a, dir.resolve("a.dcm"));
        AttributeList b = TestDicom.ctSlice("1.2.826.0.1.3680043.9.7133.52", "1.2.826.0.1.3680043.9.7133.52.1", 1,
                new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0}, 4, 4, 1.0, (short) 10, false, -1024);
        put(b, new DateAttribute(TagFromName.ContentDate), "20240321");
        put(b, new TimeAttribute(TagFromName.ContentTime), "001200");
        put(b, new DateAttribute(TagFromName.StudyDate), "20240320");
        TestDicom.write(b, dir.resolve("b.dcm"));
        ProcedureDoseTime d = ProcedureDoseTime.of(StudyScanner.scan(dir));
        // across midnight: 23:59:00.5 to 00:12:00 the next day
        assertThat(d.durationMin()).isCloseTo(12 + 59.5 / 60.0, within(1e-9));
        assertThat(d.timeSource()).isEqualTo("AcquisitionDateTime (1 images); ContentDate+ContentTime (1 images)");
        assertThat(Double.isNaN(d.ctdiVolMgy())).isTrue();
        assertThat(d.ctdiVolSource()).isEmpty();

        assertThat(ProcedureDoseTime.dateTime("20240320141236.25+0100")).isEqualTo(LocalDateTime.of(2024, 3, 20, 14, 12, 36, 250_000_000));
        assertThat(ProcedureDoseTime.dateTime("2024")).isNull();
        assertThat(ProcedureDoseTime.of(StudyScanner.scan(dir.resolve("none-such-folder-is-empty").toFile().mkdirs() ? dir.resolve("none-such-folder-is-empty") : dir))
                .notes()).containsExactly("no CT images");
    }

    private static void put(AttributeList l, Attribute a, String v) throws Exception {
        a.addValue(v);
        l.put(a);
    }
}
