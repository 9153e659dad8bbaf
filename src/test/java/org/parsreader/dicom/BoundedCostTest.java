package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small hostile files that claim to be huge: each is refused, before anything is allocated for
 * it, with a message that says what it claims, and the rest of the folder still loads.
 */
class BoundedCostTest {
    static final double[] AXIAL = {1, 0, 0, 0, 1, 0};
    static final String SERIES = "1.2.826.0.1.3680043.9.7133.4.1";

    @TempDir
    Path dir;

    private Path implicitSlice(String name) throws Exception {
        AttributeList l = TestDicom.ctSlice(SERIES, SERIES + "." + name.hashCode(), 1, new double[] {0, 0, 0},
                AXIAL, 16, 16, 0.5, (short) 1000, false, -1024);
        TestDicom.lo(l, Tags.PatientName, "DOE^JANE");
        Path f = dir.resolve(name);
        FileMetaInformation.addFileMetaInformation(l, TransferSyntaxes.IMPLICIT_LE, "PARSTEST");
        l.write(f.toFile(), TransferSyntaxes.IMPLICIT_LE, true, true);
        return f;
    }

    private static void patchLength(Path f, byte[] tag, long length) throws Exception {
        long at = HostileSeriesTest.headerOffsetOf(f, tag);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(at + 4);
            raf.write(new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) (length >> 24)});
        }
    }

    @Test
    void aPatientNameOfUndefinedLengthIsADamagedFileNotTwoGigabytes() throws Exception {
        implicitSlice("good");
        Path bad = implicitSlice("bad");
        patchLength(bad, new byte[] {0x10, 0x00, 0x10, 0x00}, 0xFFFFFFFFL);
        StudyIndex index = StudyScanner.scan(dir);
        assertThat(index.stacks()).singleElement().satisfies(s -> assertThat(s.size()).isEqualTo(1));
        assertThat(index.skipped()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(bad);
            assertThat(f.reason()).contains("(0010,0010)").contains("damaged");
        });
    }

    @Test
    void aPatientNameLongerThanTheFileIsRefusedWithTheLengthItClaims() throws Exception {
        Path bad = implicitSlice("bad");
        patchLength(bad, new byte[] {0x10, 0x00, 0x10, 0x00}, 0x7FFFFFF0L);
        long before = Files.size(bad);
        StudyIndex index = StudyScanner.scan(dir);
        assertThat(index.skipped()).singleElement().satisfies(f ->
                assertThat(f.reason()).contains("(0010,0010)").contains(Long.toString(0x7FFFFFF0L)).contains("file ends"));
        assertThat(Files.size(bad)).isEqualTo(before);
    }

    /** A small RLE image whose Rows and Columns are then patched to claim {@code rows x cols}. */
    private Path rleClaiming(int rows, int cols) throws Exception {
        return rleClaiming(rows, cols, 0);
    }

    private Path rleClaiming(int rows, int cols, int slice) throws Exception {
        Path plain = dir.resolve("plain.dcm");
        AttributeList l = TestDicom.ctSlice(SERIES, SERIES + ".9." + slice, slice + 1, new double[] {0, 0, 2.0 * slice}, AXIAL,
                16, 16, 0.5, (short) 1000, false, -1024);
        TestDicom.write(l, plain);
        Path rle = dir.resolve("claims" + slice + ".dcm");
        Process p = new ProcessBuilder("dcmcrle", plain.toString(), rle.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        Files.delete(plain);
        for (byte[] tag : new byte[][] {{0x28, 0x00, 0x10, 0x00}, {0x28, 0x00, 0x11, 0x00}}) {
            long at = HostileSeriesTest.headerOffsetOf(rle, tag);
            int v = tag[2] == 0x10 ? rows : cols;
            try (RandomAccessFile raf = new RandomAccessFile(rle.toFile(), "rw")) {
                raf.seek(at + 8); // explicit VR US: tag, 'US', 2-byte length, value
                raf.write(new byte[] {(byte) v, (byte) (v >> 8)});
            }
        }
        return rle;
    }

    @Test
    void aCompressedImageClaimingMorePixelsThanAnArrayHoldsIsRefusedWithoutOverflow() throws Exception {
        Path f = rleClaiming(65535, 65535);
        ImageStack stack = StudyScanner.scan(dir).stacks().get(0);
        assertThatThrownBy(() -> VolumeLoader.load(stack))
                .isInstanceOf(DicomReadException.class)
                .hasMessageContaining(f.getFileName().toString())
                .hasMessageContaining("Rows 65535 x Columns 65535")
                .hasMessageNotContaining("-131071");
    }

    @Test
    void aCompressedSeriesClaimingMoreThanTheHeapIsRefusedBeforeAllocating() throws Exception {
        int n = 3; // 3 x 40000 x 40000 x 2 bytes = 8.9 GB, more than the test JVM's heap
        for (int k = 0; k < n; k++) rleClaiming(40000, 40000, k);
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < n * 40000L * 40000 * 2,
                "test needs a heap below 8.9 GB");
        ImageStack stack = StudyScanner.scan(dir).stacks().get(0);
        assertThat(stack.size()).isEqualTo(n);
        assertThatThrownBy(() -> VolumeLoader.load(stack))
                .isInstanceOf(DicomReadException.class)
                .hasMessageContaining("claims 40000 x 40000 x 3 voxels (8.9 GB)")
                .hasMessageContaining("-Xmx");
    }
}
