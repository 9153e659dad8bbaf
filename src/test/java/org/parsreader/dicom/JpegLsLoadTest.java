package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parsreader.volume.Volume;

/**
 * JPEG-LS series made by dcmtk's dcmcjpls load like dcmdjpls decodes them; near-lossless ones
 * carry a warning that says they are lossy, up to {@code info}.
 */
class JpegLsLoadTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void dcmtk() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmcjpls")),
                "dcmtk is not installed (scripts/setup.sh installs it)");
    }

    /** Four CT slices of 30 rows x 41 columns, 12 bits stored in 16, signed (negative HU stored) or unsigned. */
    Path series(String name, boolean signed) throws Exception {
        Path plain = Files.createDirectories(dir.resolve(name));
        SplittableRandom rnd = new SplittableRandom(name.hashCode());
        for (int k = 0; k < 4; k++) {
            short[] px = new short[30 * 41];
            for (int i = 0; i < px.length; i++) {
                int v = i % 41 < 8 ? -1000 : 40 + (i / 41) * 20 + rnd.nextInt(-30, 30); // air, then a ramp with noise
                px[i] = (short) (signed ? v : v + 1024);
            }
            var l = TestDicom.ctSlice("1.2.826.0.1.3680043.9.7133.8." + name.length(), "1.2.826.0.1.3680043.9.7133.8." + name.length() + "." + k,
                    k + 1, new double[] {0, 0, 3.0 * k}, StackGeometryTest.AXIAL, 30, 41, 0.5, (short) 0, signed, signed ? 0 : -1024);
            TestDicom.pixels(l, 30, 41, signed, px);
            TestDicom.us(l, Tags.BitsStored, 12);
            TestDicom.write(l, plain.resolve("s" + k));
        }
        return plain;
    }

    Path dcmtk(String tool, Path from, String to, String... options) throws Exception {
        Path out = Files.createDirectories(dir.resolve(to));
        try (var files = Files.list(from)) {
            for (Path f : files.sorted().toList()) {
                List<String> cmd = new ArrayList<>(List.of(tool));
                cmd.addAll(List.of(options));
                cmd.addAll(List.of(f.toString(), out.resolve(f.getFileName()).toString()));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
            }
        }
        return out;
    }

    static Volume load(Path folder) {
        return VolumeLoader.load(StudyScanner.scan(folder).stacks().get(0));
    }

    @Test
    void losslessSignedSeriesEqualsTheOriginalWithoutALossyWarning() throws Exception {
        Path plain = series("signed", true);
        Path jls = dcmtk("dcmcjpls", plain, "jls");
        ImageStack stack = StudyScanner.scan(jls).stacks().get(0);
        assertThat(stack.transferSyntaxUid()).isEqualTo(TransferSyntaxes.JPEG_LS_LOSSLESS);
        assertThat(stack.warnings()).noneMatch(w -> w.contains("lossy"));
        Volume a = load(plain);
        Volume b = VolumeLoader.load(stack);
        assertThat(b.invalidSliceCount()).isZero();
        for (int k = 0; k < 4; k++) assertThat((short[]) b.slice(k)).containsExactly((short[]) a.slice(k));
        assertThat(b.value(0, 0, 0)).isEqualTo(-1000.0);
    }

    @Test
    void nearLosslessSeriesLoadsLikeDcmdjplsAndSaysItIsLossy() throws Exception {
        Path plain = series("unsigned", false);
        Path near = dcmtk("dcmcjpls", plain, "near", "+en", "+md", "3");
        Path reference = dcmtk("dcmdjpls", near, "near-decoded");
        ImageStack stack = StudyScanner.scan(near).stacks().get(0);
        assertThat(stack.transferSyntaxUid()).isEqualTo(TransferSyntaxes.JPEG_LS_NEAR);
        assertThat(stack.warnings()).contains(
                "lossy compression: 4 of 4 files JPEG-LS Near-Lossless (transfer syntax 1.2.840.10008.1.2.4.81): "
                        + "pixel values may differ from the acquired ones");

        Volume ours = VolumeLoader.load(stack);
        Volume ref = load(reference);
        Volume orig = load(plain);
        assertThat(ours.invalidSliceCount()).isZero();
        int differ = 0;
        for (int k = 0; k < 4; k++) {
            short[] o = (short[]) ours.slice(k), r = (short[]) ref.slice(k), p = (short[]) orig.slice(k);
            assertThat(o).containsExactly(r);
            for (int i = 0; i < o.length; i++) {
                assertThat(Math.abs((o[i] & 0xFFFF) - (p[i] & 0xFFFF))).isLessThanOrEqualTo(3);
                if (o[i] != p[i]) differ++;
            }
        }
        assertThat(differ).as("near-lossless coding really changed values").isPositive();

        // dcmdjpls' output keeps LossyImageCompression 01: the warning stays with the uncompressed copy
        assertThat(StudyScanner.scan(reference).stacks().get(0).warnings())
                .contains("lossy compression: 4 of 4 files LossyImageCompression (0028,2110) 01 (method ISO_14495_1): "
                        + "pixel values may differ from the acquired ones");

        // info shows it, as text and JSON
        assertThat(cli("info", near.toString())).contains("warning: lossy compression: 4 of 4 files JPEG-LS Near-Lossless");
        assertThat(cli("info", "--json", near.toString())).contains("lossy compression: 4 of 4 files JPEG-LS Near-Lossless");
    }

    @Test
    void frameThatDisagreesWithTheHeaderOrIsDamagedIsAPlaceholderWithTheReason() throws Exception {
        Path plain = series("bad", false);
        Path jls = dcmtk("dcmcjpls", plain, "bad-jls");
        Path s0 = jls.resolve("s0"), s1 = jls.resolve("s1");
        // s0: Rows says 29 while the frame has 30 lines
        Process p = new ProcessBuilder("dcmodify", "-nb", "-m", "(0028,0010)=29", s0.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).isZero();
        // s1: the frame's SOI is damaged
        byte[] b = Files.readAllBytes(s1);
        int soi = indexOf(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xF7});
        b[soi + 1] = 0x00;
        Files.write(s1, b);

        StudyIndex index = StudyScanner.scan(jls);
        List<String> problems = new ArrayList<>();
        for (ImageStack st : index.stacks()) {
            Volume v = VolumeLoader.load(st);
            for (Volume.SliceInfo s : v.slices()) if (!s.valid()) problems.add(s.problem());
        }
        assertThat(problems).anyMatch(m -> m.contains("JPEG-LS frame 1 is 41x30x1 but the header says 41x29x1"));
        assertThat(problems).anyMatch(m -> m.contains("frame 1: JPEG-LS: data does not start with SOI"));
    }

    /** Colour in every interleave mode, from pydicom's uncompressed RGB files (one of odd size), loads like the original. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"SC_rgb_small_odd.dcm, +in", "SC_rgb_small_odd.dcm, +il", "SC_rgb_small_odd.dcm, +is", "SC_rgb_jpeg_dcmd.dcm, +is"})
    void rgbLoadsLikeTheOriginal(String name, String interleave) throws Exception {
        Path original = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files", name);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(original), "python3-pydicom is not installed");
        Path in = Files.createDirectories(dir.resolve("rgb-in"));
        Files.copy(original, in.resolve(name));
        Path jls = dcmtk("dcmcjpls", in, "rgb-jls", interleave);
        ImageStack stack = StudyScanner.scan(jls).stacks().get(0);
        assertThat(stack.transferSyntaxUid()).isEqualTo(TransferSyntaxes.JPEG_LS_LOSSLESS);
        Volume a = load(in);
        Volume b = VolumeLoader.load(stack);
        assertThat(b.invalidSliceCount()).as("%s", b.slices().get(0).problem()).isZero();
        assertThat(b.type()).isEqualTo(org.parsreader.volume.VoxelType.RGB);
        for (int k = 0; k < a.depth(); k++) assertThat((int[]) b.slice(k)).containsExactly((int[]) a.slice(k));
    }

    /** 8 bits allocated, signed and unsigned: the byte path of the loader. */
    @ParameterizedTest(name = "signed {0}")
    @ValueSource(booleans = {false, true})
    void eightBitSeriesEqualsTheOriginal(boolean signed) throws Exception {
        Path plain = Files.createDirectories(dir.resolve("u8"));
        SplittableRandom rnd = new SplittableRandom(8);
        for (int k = 0; k < 3; k++) {
            var l = TestDicom.base(TestDicom.MR_IMAGE, "MR", "1.2.826.0.1.3680043.9.7133.10", "1.2.826.0.1.3680043.9.7133.10." + k, k + 1);
            TestDicom.ds(l, Tags.ImagePositionPatient, 0, 0, 4.0 * k);
            TestDicom.ds(l, Tags.ImageOrientationPatient, StackGeometryTest.AXIAL);
            TestDicom.ds(l, Tags.PixelSpacing, 1, 1);
            TestDicom.us(l, Tags.Rows, 23);
            TestDicom.us(l, Tags.Columns, 31);
            TestDicom.us(l, Tags.SamplesPerPixel, 1);
            TestDicom.cs(l, Tags.PhotometricInterpretation, "MONOCHROME2");
            TestDicom.us(l, Tags.BitsAllocated, 8);
            TestDicom.us(l, Tags.BitsStored, 8);
            TestDicom.us(l, 0x00280102, 7); // HighBit
            TestDicom.us(l, Tags.PixelRepresentation, signed ? 1 : 0);
            byte[] px = new byte[23 * 31 + 1];
            for (int i = 0; i < 23 * 31; i++) px[i] = (byte) (i % 31 < 5 ? 0 : 60 + i / 31 * 3 + rnd.nextInt(-20, 20));
            com.pixelmed.dicom.OtherByteAttribute pd = new com.pixelmed.dicom.OtherByteAttribute(Tags.at(Tags.PixelData));
            pd.setValues(px);
            l.put(pd);
            TestDicom.write(l, plain.resolve("m" + k));
        }
        Path jls = dcmtk("dcmcjpls", plain, "u8-jls");
        assertThat(StudyScanner.scan(jls).stacks().get(0).transferSyntaxUid()).isEqualTo(TransferSyntaxes.JPEG_LS_LOSSLESS);
        Volume a = load(plain), b = load(jls);
        assertThat(b.invalidSliceCount()).as("%s", b.slices().get(0).problem()).isZero();
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 23 * 31; i++) assertThat(b.value(i % 31, i / 31, k)).isEqualTo(a.value(i % 31, i / 31, k));
        }
    }

    static String cli(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        synchronized (JpegLsLoadTest.class) {
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                assertThat(org.parsreader.cli.Main.execute(args)).isZero();
            } finally {
                System.setOut(old);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static int indexOf(byte[] a, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= a.length; i++) {
            for (int j = 0; j < what.length; j++) if (a[i + j] != what[j]) continue outer;
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
