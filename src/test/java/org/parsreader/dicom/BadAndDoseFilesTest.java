package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.volume.Volume;

/** Dose reports, images without pixel data, and compressed data that fails only when decoded. */
class BadAndDoseFilesTest {
    @TempDir
    Path dir;

    private static AttributeList code(String value, String meaning) throws Exception {
        AttributeList c = new AttributeList();
        TestDicom.cs(c, Tags.CodeValue, value);
        TestDicom.lo(c, 0x00080102, "DCM"); // CodingSchemeDesignator
        TestDicom.lo(c, 0x00080104, meaning); // CodeMeaning
        return c;
    }

    private static AttributeList num(String value, String meaning, double number) throws Exception {
        AttributeList item = new AttributeList();
        TestDicom.cs(item, Tags.ValueType, "NUM");
        item.put(TestDicom.sequence(Tags.ConceptNameCodeSequence, code(value, meaning)));
        AttributeList measured = new AttributeList();
        TestDicom.ds(measured, Tags.NumericValue, number);
        item.put(TestDicom.sequence(Tags.MeasuredValueSequence, measured));
        return item;
    }

    @Test
    void ctDoseReportGivesTotalAndPerAcquisitionDlp() throws Exception {
        AttributeList sr = TestDicom.base(DoseReport.XRAY_DOSE_SR, "SR", "1.2.826.0.1.3680043.9.7133.7", "1.2.826.0.1.3680043.9.7133.7.1", 1);
        TestDicom.cs(sr, Tags.ValueType, "CONTAINER");
        sr.put(TestDicom.sequence(Tags.ConceptNameCodeSequence, code("113701", "X-Ray Radiation Dose Report")));
        AttributeList acquisition = new AttributeList();
        TestDicom.cs(acquisition, Tags.ValueType, "CONTAINER");
        acquisition.put(TestDicom.sequence(Tags.ConceptNameCodeSequence, code("113819", "CT Acquisition")));
        AttributeList params = new AttributeList();
        TestDicom.cs(params, Tags.ValueType, "CONTAINER");
        params.put(TestDicom.sequence(Tags.ConceptNameCodeSequence, code("113822", "CT Dose")));
        params.put(TestDicom.sequence(Tags.ContentSequence, num("113830", "Mean CTDIvol", 1.4), num("113838", "DLP", 4.5)));
        acquisition.put(TestDicom.sequence(Tags.ContentSequence, params));
        AttributeList accumulated = new AttributeList();
        TestDicom.cs(accumulated, Tags.ValueType, "CONTAINER");
        accumulated.put(TestDicom.sequence(Tags.ConceptNameCodeSequence, code("113811", "CT Accumulated Dose Data")));
        accumulated.put(TestDicom.sequence(Tags.ContentSequence, num("113813", "CT Dose Length Product Total", 41.98)));
        sr.put(TestDicom.sequence(Tags.ContentSequence, acquisition, accumulated));
        TestDicom.write(sr, dir.resolve("dose.dcm"));

        StudyIndex index = StudyScanner.scan(dir);
        List<DoseReport> reports = index.patients().get(0).studies().get(0).doseReports();
        assertThat(reports).singleElement().satisfies(d -> {
            assertThat(d.totalDlp()).isCloseTo(41.98, within(1e-9));
            assertThat(d.acquisitions()).singleElement().satisfies(a -> {
                assertThat(a.ctdiVol()).isEqualTo(1.4);
                assertThat(a.dlp()).isEqualTo(4.5);
            });
        });
    }

    @Test
    void anImageWithoutPixelDataIsSkippedWithTheReason() throws Exception {
        AttributeList l = TestDicom.ctSlice("1.2.826.0.1.3680043.9.7133.8", "1.2.826.0.1.3680043.9.7133.8.1", 1,
                new double[] {0, 0, 0}, StackGeometryTest.AXIAL, 4, 4, 1, (short) 0, false, 0);
        l.remove(Tags.at(Tags.PixelData));
        TestDicom.write(l, dir.resolve("nopixels.dcm"));
        StudyIndex index = StudyScanner.scan(dir);
        assertThat(index.stacks()).isEmpty();
        assertThat(index.skipped()).singleElement().satisfies(f ->
                assertThat(f.reason()).isEqualTo("no Pixel Data (7FE0,0010) although Rows and Columns are present: the file is truncated or damaged"));
    }

    @Test
    void aCompressedFileThatFailsToDecodeBecomesAReportedPlaceholder() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmcjpeg")), "dcmtk is not installed (scripts/setup.sh installs it)");
        for (int k = 0; k < 3; k++) {
            Path plain = dir.resolve("plain" + k);
            TestDicom.write(TestDicom.ctSlice("1.2.826.0.1.3680043.9.7133.9", "1.2.826.0.1.3680043.9.7133.9." + k, k + 1,
                    new double[] {0, 0, 2.0 * k}, StackGeometryTest.AXIAL, 64, 64, 0.5, (short) (1000 + k), false, -1024), plain);
            Path packed = Files.createDirectories(dir.resolve("packed")).resolve("s" + k);
            Process p = new ProcessBuilder("dcmcjpeg", "+e1", plain.toString(), packed.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor()).isZero();
        }
        Path victim = dir.resolve("packed/s1");
        try (RandomAccessFile raf = new RandomAccessFile(victim.toFile(), "rw")) {
            raf.setLength(raf.length() - 30); // cut into the compressed fragment; the header still reads
        }
        StudyIndex index = StudyScanner.scan(dir.resolve("packed"));
        assertThat(index.skipped()).isEmpty();
        Volume v = VolumeLoader.load(index.stacks().get(0));
        assertThat(v.depth()).isEqualTo(3);
        assertThat(v.invalidSliceCount()).isEqualTo(1);
        assertThat(v.slices().get(1).problem()).startsWith("truncated: a compressed fragment");
        assertThat(v.value(5, 5, 0)).isEqualTo(1000 - 1024);
        assertThat(v.value(5, 5, 2)).isEqualTo(1002 - 1024);
    }
}
