package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.volume.Volume;

/**
 * JPEG lossless whose BitsAllocated/BitsStored disagree with the bitstream's sample precision:
 * refused when the values cannot fit, else decoded at the bitstream's precision, never clipped.
 */
class JpegPrecisionTest {
    @TempDir
    Path dir;
    Path plain;
    Path packed;

    /** Three signed 12-bit CT slices (-1024..2000), and the same compressed by dcmtk (JPEG lossless SV1; dcmtk writes 16-bit precision). */
    @BeforeEach
    void series() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmcjpeg")), "dcmtk is not installed (scripts/setup.sh installs it)");
        plain = Files.createDirectories(dir.resolve("plain"));
        packed = Files.createDirectories(dir.resolve("packed"));
        SplittableRandom rnd = new SplittableRandom(11);
        for (int k = 0; k < 3; k++) {
            short[] px = new short[24 * 20];
            for (int i = 0; i < px.length; i++) px[i] = (short) rnd.nextInt(-1024, 2000);
            var l = TestDicom.ctSlice("1.2.826.0.1.3680043.9.7133.8", "1.2.826.0.1.3680043.9.7133.8." + k, k + 1,
                    new double[] {0, 0, 3.0 * k}, StackGeometryTest.AXIAL, 20, 24, 0.5, (short) 0, true, 0);
            TestDicom.pixels(l, 20, 24, true, px);
            TestDicom.us(l, Tags.BitsStored, 12);
            Path f = plain.resolve("s" + k);
            TestDicom.write(l, f);
            Process p = new ProcessBuilder("dcmcjpeg", "+e1", f.toString(), packed.resolve("s" + k).toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        }
    }

    private static void patchUs(Path f, int element, int value) throws Exception {
        long at = HostileSeriesTest.headerOffsetOf(f, new byte[] {0x28, 0x00, (byte) element, (byte) (element >> 8)});
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(at + 8);
            raf.write(new byte[] {(byte) value, (byte) (value >> 8)});
        }
    }

    @Test
    void bitsAllocatedBelowTheBitstreamPrecisionIsRefusedNotClipped() throws Exception {
        Path victim = packed.resolve("s1");
        patchUs(victim, 0x0100, 8); // BitsAllocated 8
        patchUs(victim, 0x0101, 8); // BitsStored 8
        ImageStack stack = StudyScanner.scan(packed).stacks().get(0);
        assertThat(stack.size()).isEqualTo(3);
        Volume v = VolumeLoader.load(stack);
        assertThat(v.invalidSliceCount()).isEqualTo(1);
        assertThat(v.slices().get(1).problem()).contains("16-bit samples").contains("BitsAllocated (0028,0100) is 8").contains("refusing");
        Volume a = VolumeLoader.load(StudyScanner.scan(plain).stacks().get(0));
        assertThat(v.value(5, 5, 0)).isEqualTo(a.value(5, 5, 0));
        assertThat(v.warnings()).anyMatch(w -> w.contains("BitsAllocated"));
    }

    @Test
    void bitsStoredBelowTheBitstreamPrecisionDecodesAtTheBitstreamPrecision() throws Exception {
        for (int k = 0; k < 3; k++) patchUs(packed.resolve("s" + k), 0x0101, 10); // BitsStored 10: -1024..2000 does not fit
        Volume a = VolumeLoader.load(StudyScanner.scan(plain).stacks().get(0));
        Volume b = VolumeLoader.load(StudyScanner.scan(packed).stacks().get(0));
        assertThat(b.invalidSliceCount()).isZero();
        for (int k = 0; k < 3; k++) assertThat((short[]) b.slice(k)).containsExactly((short[]) a.slice(k));
        assertThat(b.warnings()).anyMatch(w -> w.contains("outside the range of BitsStored (0028,0101) = 10") && w.contains("not clipped"));
    }
}
