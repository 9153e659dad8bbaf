package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.volume.Volume;

/** A series compressed by dcmtk loads voxel-for-voxel like the original. */
class CompressedLoadTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "dcmcjpeg {0}")
    @ValueSource(strings = {"+e1", "+el +sv 6", "+el +sv 7", "RLE"})
    void compressedSeriesEqualsTheOriginal(String options) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmcjpeg")), "dcmtk is not installed (scripts/setup.sh installs it)");
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Path packed = Files.createDirectories(dir.resolve("packed"));
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 4; k++) {
            short[] px = new short[40 * 30];
            for (int i = 0; i < px.length; i++) px[i] = (short) (rnd.nextInt(-1024, 2000) / (1 + i % 3)); // signed, negative HU
            var l = TestDicom.ctSlice("1.2.826.0.1.3680043.9.7133.6", "1.2.826.0.1.3680043.9.7133.6." + k, k + 1,
                    new double[] {0, 0, 3.0 * k}, StackGeometryTest.AXIAL, 30, 40, 0.5, (short) 0, true, 0);
            TestDicom.pixels(l, 30, 40, true, px);
            TestDicom.us(l, Tags.BitsStored, 12);
            Path f = plain.resolve("s" + k);
            TestDicom.write(l, f);
            List<String> cmd = new java.util.ArrayList<>(List.of(options.equals("RLE") ? "dcmcrle" : "dcmcjpeg"));
            if (!options.equals("RLE")) cmd.addAll(List.of(options.split(" ")));
            cmd.addAll(List.of(f.toString(), packed.resolve("s" + k).toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        }
        Volume a = VolumeLoader.load(StudyScanner.scan(plain).stacks().get(0));
        ImageStack packedStack = StudyScanner.scan(packed).stacks().get(0);
        assertThat(packedStack.transferSyntaxUid()).isNotEqualTo(TransferSyntaxes.EXPLICIT_LE);
        Volume b = VolumeLoader.load(packedStack);
        assertThat(b.invalidSliceCount()).isZero();
        for (int k = 0; k < 4; k++) assertThat((short[]) b.slice(k)).containsExactly((short[]) a.slice(k));
        assertThat(b.value(0, 0, 0)).isEqualTo(a.value(0, 0, 0));
    }
}
