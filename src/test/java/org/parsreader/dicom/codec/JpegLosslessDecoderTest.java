package org.parsreader.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.codec.jpeg.OutputArrayOrStream;
import com.pixelmed.codec.jpeg.Parse;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JpegLosslessDecoderTest {
    /** pydicom's test files (Debian python3-pydicom, installed by scripts/setup.sh). */
    static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ (a) pydicom files

    /**
     * SC_rgb_jpeg_gdcm.dcm is pydicom's only JPEG lossless file in the Debian package
     * (1.2.840.10008.1.2.4.70, 100x100 RGB 8-bit, 3 interleaved components, an APP14 segment).
     * Compared with PixelMed's decoding of the same file and with its RLE twin SC_rgb_rle.dcm.
     */
    @Test
    void pydicomRgbJpegLosslessMatchesPixelMedAndRleTwin() throws Exception {
        Path jpegFile = PYDICOM.resolve("SC_rgb_jpeg_gdcm.dcm");
        assertThat(TestImages.transferSyntax(jpegFile)).isEqualTo("1.2.840.10008.1.2.4.70");
        byte[][] frames = TestImages.compressedFrames(jpegFile);
        assertThat(frames).hasNumberOfRows(1);

        JpegLosslessDecoder.Header h = JpegLosslessDecoder.readHeader(frames[0], 0, frames[0].length);
        assertThat(h).isEqualTo(new JpegLosslessDecoder.Header(100, 100, 8, 3, 1, 0));
        short[] ours = new short[100 * 100 * 3];
        JpegLosslessDecoder.decode(frames[0], 0, frames[0].length, ours);

        assertThat(ours).isEqualTo(unsigned(pixelMedPixelBytes(jpegFile)));
        assertThat(ours).isEqualTo(unsigned(pixelMedPixelBytes(PYDICOM.resolve("SC_rgb_rle.dcm"))));
        assertThat(pixelMedParse(frames[0])).isEqualTo(ours);
    }

    @Test
    void pydicomJpegBaselineIsRejectedWithTheSofMarker() throws Exception {
        byte[] jpg = TestImages.compressedFrames(PYDICOM.resolve("SC_rgb_jpeg_dcmtk.dcm"))[0];
        assertThatThrownBy(() -> JpegLosslessDecoder.decode(jpg, 0, jpg.length, new short[100 * 100 * 3]))
                .isInstanceOf(JpegDecodeException.class)
                .hasMessageContaining("unsupported SOF marker 0xFFC0")
                .hasMessageContaining("only SOF3 lossless supported");
    }

    // ------------------------------------------------------------------ (b) dcmcjpeg-encoded files

    static Stream<Arguments> dcmcjpegCases() {
        List<Arguments> cases = new ArrayList<>();
        // CT-like 12-bit 512x512 (dcmcjpeg writes P=16 for Bits Allocated 16): every predictor, and point transforms
        cases.add(Arguments.of(512, 512, 12, "ct", new String[] {"+e1"}));
        for (int sv = 1; sv <= 7; sv++) cases.add(Arguments.of(512, 512, 12, "ct", new String[] {"+el", "+sv", "" + sv}));
        cases.add(Arguments.of(512, 512, 12, "ct", new String[] {"+e1", "+pt", "2"}));
        cases.add(Arguments.of(512, 512, 12, "ct", new String[] {"+el", "+sv", "7", "+pt", "3"}));
        // full-range 16-bit noise: SSSS up to 16 (the 32768 difference), codes longer than the fast table
        cases.add(Arguments.of(512, 512, 16, "random", new String[] {"+e1"}));
        cases.add(Arguments.of(512, 512, 16, "random", new String[] {"+el", "+sv", "6"}));
        // odd sizes, 8-bit (P=8) and 16-bit
        for (int bits : new int[] {8, 12, 16}) {
            for (int sv : new int[] {1, 4, 5, 6, 7}) {
                cases.add(Arguments.of(37, 53, bits, bits == 16 ? "random" : "ct", new String[] {"+el", "+sv", "" + sv}));
            }
        }
        cases.add(Arguments.of(53, 37, 8, "ct", new String[] {"+el", "+sv", "2", "+pt", "1"}));
        cases.add(Arguments.of(1, 1, 12, "ct", new String[] {"+e1"}));
        cases.add(Arguments.of(1, 29, 12, "ct", new String[] {"+el", "+sv", "4"}));
        cases.add(Arguments.of(29, 1, 12, "ct", new String[] {"+el", "+sv", "4"}));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}x{1} {2}-bit {3} dcmcjpeg {4}")
    @MethodSource("dcmcjpegCases")
    void decodesDcmcjpegOutputExactly(int w, int h, int bits, String kind, String[] options) throws Exception {
        short[] px = kind.equals("random") ? TestImages.random(w, h, bits, 7) : TestImages.ctLike(w, h, bits, 11);
        Path in = tmp.resolve("u.dcm"), out = tmp.resolve("c.dcm");
        TestImages.writeUncompressed(in, w, h, bits, px);
        TestImages.dcmcjpeg(in, out, options);
        byte[] jpg = TestImages.compressedFrames(out)[0];

        JpegLosslessDecoder.Header hd = JpegLosslessDecoder.readHeader(jpg, 0, jpg.length);
        int pt = optionValue(options, "+pt", 0);
        assertThat(hd.width()).isEqualTo(w);
        assertThat(hd.height()).isEqualTo(h);
        assertThat(hd.components()).isEqualTo(1);
        assertThat(hd.predictor()).isEqualTo(optionValue(options, "+sv", 1));
        assertThat(hd.pointTransform()).isEqualTo(pt);

        short[] dst = new short[w * h];
        Arrays.fill(dst, (short) 0x5A5A);
        JpegLosslessDecoder.decode(jpg, 0, jpg.length, dst);
        assertThat(dst).isEqualTo(pointTransformed(px, pt)); // T.81 H.1.2: output = (input >> Pt) << Pt
    }

    @Test
    void randomSixteenBitStreamReallyUsesTheSsss16Difference() throws Exception {
        short[] px = TestImages.random(512, 512, 16, 7);
        Path in = tmp.resolve("u.dcm"), out = tmp.resolve("c.dcm");
        TestImages.writeUncompressed(in, 512, 512, 16, px);
        TestImages.dcmcjpeg(in, out, "+e1");
        byte[] jpg = TestImages.compressedFrames(out)[0];
        assertThat(dhtSymbols(jpg)).contains(16);
        assertThat(JpegLosslessDecoder.decode(jpg)).isEqualTo(px);
    }

    /** dcmcjpeg's old "pseudo-lossless" codec writes P=12 (+bt) and P=8 (+be) streams; it rescales, so PixelMed is the oracle. */
    @ParameterizedTest(name = "pseudo-lossless {0}")
    @MethodSource("pseudoLosslessCases")
    void decodesPseudoLosslessPrecisionsLikePixelMed(String[] options, int expectedPrecision) throws Exception {
        short[] px = TestImages.ctLike(67, 45, 12, 5);
        Path in = tmp.resolve("u.dcm"), out = tmp.resolve("c.dcm");
        TestImages.writeUncompressed(in, 67, 45, 12, px);
        TestImages.dcmcjpeg(in, out, options);
        byte[] jpg = TestImages.compressedFrames(out)[0];
        assertThat(JpegLosslessDecoder.readHeader(jpg, 0, jpg.length).precision()).isEqualTo(expectedPrecision);
        assertThat(JpegLosslessDecoder.decode(jpg)).isEqualTo(pixelMedParse(jpg));
    }

    static Stream<Arguments> pseudoLosslessCases() {
        return Stream.of(
                Arguments.of(new String[] {"+e1", "+pl", "+bt"}, 12),
                Arguments.of(new String[] {"+el", "+sv", "6", "+pl", "+bt"}, 12),
                Arguments.of(new String[] {"+el", "+sv", "7", "+pl", "+be"}, 8));
    }

    /** Multi-frame file with 16 KB fragments: PixelMed's getFrames() joins each frame's fragments. */
    @Test
    void multiFrameFileWithSeveralFragmentsPerFrame() throws Exception {
        short[][] frames = {TestImages.ctLike(512, 512, 12, 1), TestImages.ctLike(512, 512, 12, 2), TestImages.ctLike(512, 512, 12, 3)};
        Path in = tmp.resolve("u.dcm"), out = tmp.resolve("c.dcm");
        TestImages.writeUncompressed(in, 512, 512, 12, frames);
        TestImages.dcmcjpeg(in, out, "+e1", "+fs", "16");
        assertThat(dcmdumpFragmentCount(out)).isGreaterThan(3 * 2);
        byte[][] compressed = TestImages.compressedFrames(out);
        assertThat(compressed).hasNumberOfRows(3);
        short[] dst = new short[512 * 512];
        for (int f = 0; f < 3; f++) {
            JpegLosslessDecoder.decode(compressed[f], 0, compressed[f].length, dst);
            assertThat(dst).as("frame %d", f + 1).isEqualTo(frames[f]);
        }
    }

    // ------------------------------------------------------------------ streams from the test encoder

    static Stream<Arguments> encoderCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int p : new int[] {2, 5, 8, 12, 15, 16}) {
            for (int sv = 1; sv <= 7; sv++) cases.add(Arguments.of(p, sv, 0, 0, 1, false, 0));
        }
        cases.add(Arguments.of(16, 1, 0, 1, 1, false, 0)); // restart every line
        cases.add(Arguments.of(12, 7, 0, 3, 1, false, 2)); // restart every 3 lines (and a short last interval), fill bytes
        cases.add(Arguments.of(16, 4, 5, 4, 1, false, 1)); // restart and point transform
        cases.add(Arguments.of(8, 6, 2, 0, 1, false, 0));
        cases.add(Arguments.of(8, 1, 0, 0, 3, false, 0)); // RGB-like interleaved
        cases.add(Arguments.of(8, 5, 0, 2, 3, false, 0)); // interleaved with restarts
        cases.add(Arguments.of(16, 7, 0, 0, 3, true, 0)); // one scan per component, DHT redefined between scans
        cases.add(Arguments.of(12, 4, 1, 5, 4, true, 1));
        return cases.stream();
    }

    @ParameterizedTest(name = "P={0} sv={1} Pt={2} restart lines={3} components={4} scan per component={5} fill={6}")
    @MethodSource("encoderCases")
    void decodesTestEncoderStreamsExactlyAndLikePixelMed(int p, int sv, int pt, int restartLines, int nc, boolean perComponent, int fill) {
        int w = 41, h = 23;
        short[] px = new short[w * h * nc];
        java.util.SplittableRandom r = new java.util.SplittableRandom(p * 31L + sv);
        for (int i = 0; i < px.length; i++) {
            // mostly smooth with outliers: small and large differences, full range at P=16
            int smooth = (int) (((1 << p) - 1) * (0.5 + 0.4 * Math.sin(i * 0.05)));
            px[i] = (short) (r.nextInt(10) == 0 ? r.nextInt(1 << p) : Math.min((1 << p) - 1, Math.max(0, smooth + r.nextInt(-3, 4))));
        }
        LosslessJpegTestEncoder enc = new LosslessJpegTestEncoder();
        enc.precision = p;
        enc.predictor = sv;
        enc.pointTransform = pt;
        enc.restartLines = restartLines;
        enc.scanPerComponent = perComponent;
        enc.fillBytes = fill;
        byte[] jpg = enc.encode(w, h, nc, px);

        short[] ours = JpegLosslessDecoder.decode(jpg);
        assertThat(ours).isEqualTo(pointTransformed(px, pt));
        if (pt == 0 && !perComponent) {
            // PixelMed leaves point-transformed samples unshifted and decodes only the first of
            // several scans, so it is an oracle for Pt=0 single-scan streams only
            assertThat(pixelMedParse(jpg)).isEqualTo(ours);
        }
        // the same frame placed inside a larger array at an offset
        byte[] padded = new byte[jpg.length + 20];
        System.arraycopy(jpg, 0, padded, 7, jpg.length);
        short[] dst = new short[w * h * nc + 5];
        JpegLosslessDecoder.decode(padded, 7, jpg.length, dst);
        assertThat(Arrays.copyOf(dst, w * h * nc)).isEqualTo(ours);
    }

    @Test
    void toleratesTrailingPaddingAndMissingEoi() {
        short[] px = TestImages.ctLike(40, 30, 12, 4);
        LosslessJpegTestEncoder enc = new LosslessJpegTestEncoder();
        enc.precision = 12;
        byte[] jpg = enc.encode(40, 30, 1, px);
        byte[] padded = Arrays.copyOf(jpg, jpg.length + 1); // DICOM even-length padding: 0x00 after EOI
        assertThat(JpegLosslessDecoder.decode(padded)).isEqualTo(px);
        byte[] noEoi = Arrays.copyOf(jpg, jpg.length - 2); // all entropy-coded data present, only EOI missing
        assertThat(JpegLosslessDecoder.decode(noEoi)).isEqualTo(px);
    }

    // ------------------------------------------------------------------ (c) errors

    @Test
    void anSosSegmentOfLengthTwoAtTheEndOfTheDataIsRefused() {
        // found by fuzzing the JPEG-LS decoder, whose header code is shaped like this one: the component
        // count was read from the byte after an SOS segment that holds nothing but its length
        byte[] b = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC3, 0x00, 0x0B, 0x08, 0x00, 0x02, 0x00, 0x02, 0x01, 0x01, 0x11, 0x00,
            (byte) 0xFF, (byte) 0xDA, 0x00, 0x02};
        assertThatThrownBy(() -> JpegLosslessDecoder.readHeader(b, 0, b.length))
                .isInstanceOf(JpegDecodeException.class).hasMessageContaining("SOS segment too short");
        assertThatThrownBy(() -> JpegLosslessDecoder.decode(b, 0, b.length, new short[4]))
                .isInstanceOf(JpegDecodeException.class).hasMessageContaining("SOS segment too short");
    }

    @Test
    void truncatedStreamsThrow() throws Exception {
        short[] px = TestImages.ctLike(512, 512, 12, 9);
        Path in = tmp.resolve("u.dcm"), out = tmp.resolve("c.dcm");
        TestImages.writeUncompressed(in, 512, 512, 12, px);
        TestImages.dcmcjpeg(in, out, "+e1");
        byte[] jpg = TestImages.compressedFrames(out)[0];
        int eoi = jpg.length;
        while (!(jpg[eoi - 2] == (byte) 0xFF && jpg[eoi - 1] == (byte) 0xD9)) eoi--; // fragment may carry a pad byte
        int dataEnd = eoi - 2;
        while (jpg[dataEnd - 1] == (byte) 0xFF) dataEnd--; // dcmcjpeg writes a fill byte (0xFF) before EOI
        assertThat(JpegLosslessDecoder.decode(Arrays.copyOf(jpg, dataEnd))).isEqualTo(px); // no EOI, nothing missing
        for (int cut : new int[] {dataEnd - 1, dataEnd - 2, dataEnd - 100, eoi / 2, 2000}) {
            byte[] t = Arrays.copyOf(jpg, cut);
            assertThatThrownBy(() -> JpegLosslessDecoder.decode(t, 0, t.length, new short[512 * 512]))
                    .as("cut at %d of %d", cut, jpg.length)
                    .isInstanceOf(JpegDecodeException.class)
                    .hasMessageContaining("truncated entropy-coded data at byte " + cut);
        }
        for (int cut : new int[] {1, 2, 10, 30}) { // inside the headers
            byte[] t = Arrays.copyOf(jpg, cut);
            assertThatThrownBy(() -> JpegLosslessDecoder.decode(t, 0, t.length, new short[512 * 512]))
                    .as("cut at %d", cut)
                    .isInstanceOf(JpegDecodeException.class)
                    .hasMessageStartingWith("JPEG lossless: ");
        }
        // the data followed by a marker too early: EOI right after half of the entropy-coded data
        byte[] early = Arrays.copyOf(jpg, eoi / 2 + 2);
        early[eoi / 2] = (byte) 0xFF;
        early[eoi / 2 + 1] = (byte) 0xD9;
        if (early[eoi / 2 - 1] == (byte) 0xFF) early[eoi / 2 - 1] = 0;
        assertThatThrownBy(() -> JpegLosslessDecoder.decode(early, 0, early.length, new short[512 * 512]))
                .isInstanceOf(JpegDecodeException.class)
                .hasMessageContaining("entropy-coded data ends early at marker 0xFFD9");
    }

    @Test
    void truncatedRestartIntervalThrows() {
        short[] px = TestImages.ctLike(40, 30, 12, 4);
        LosslessJpegTestEncoder enc = new LosslessJpegTestEncoder();
        enc.precision = 12;
        enc.restartLines = 10;
        byte[] jpg = enc.encode(40, 30, 1, px);
        int rst1 = indexOf(jpg, (byte) 0xFF, (byte) 0xD1);
        // drop the last 3 bytes of the second interval
        byte[] t = new byte[jpg.length - 3];
        System.arraycopy(jpg, 0, t, 0, rst1 - 3);
        System.arraycopy(jpg, rst1, t, rst1 - 3, jpg.length - rst1);
        assertThatThrownBy(() -> JpegLosslessDecoder.decode(t))
                .isInstanceOf(JpegDecodeException.class)
                .hasMessageContaining("ends early at marker 0xFFD1");
        // RST markers out of order
        byte[] swapped = jpg.clone();
        swapped[rst1 + 1] = (byte) 0xD3;
        assertThatThrownBy(() -> JpegLosslessDecoder.decode(swapped))
                .isInstanceOf(JpegDecodeException.class)
                .hasMessageContaining("expected RST1 marker")
                .hasMessageContaining("found 0xFFD3");
    }

    @Test
    void malformedHeadersAreNamed() {
        short[] px = TestImages.ctLike(16, 16, 12, 4);
        LosslessJpegTestEncoder enc = new LosslessJpegTestEncoder();
        enc.precision = 12;
        byte[] jpg = enc.encode(16, 16, 1, px);

        assertThatThrownBy(() -> JpegLosslessDecoder.decode(new byte[] {0x12, 0x34, 0x56}))
                .isInstanceOf(JpegDecodeException.class).hasMessageContaining("does not start with SOI");
        assertThatThrownBy(() -> JpegLosslessDecoder.decode(new byte[0], 0, 0, new short[1]))
                .isInstanceOf(JpegDecodeException.class).hasMessageContaining("empty data");

        byte[] sof7 = jpg.clone();
        sof7[indexOf(jpg, (byte) 0xFF, (byte) 0xC3) + 1] = (byte) 0xC7;
        assertThatThrownBy(() -> JpegLosslessDecoder.readHeader(sof7, 0, sof7.length))
                .isInstanceOf(JpegDecodeException.class)
                .hasMessage("JPEG lossless: unsupported SOF marker 0xFFC7 (hierarchical; only SOF3 lossless supported)");

        byte[] sv0 = jpg.clone();
        int sos = indexOf(jpg, (byte) 0xFF, (byte) 0xDA);
        sv0[sos + 4 + 1 + 2] = 0; // Ss of a 1-component scan
        assertThatThrownBy(() -> JpegLosslessDecoder.decode(sv0))
                .isInstanceOf(JpegDecodeException.class).hasMessageContaining("predictor (selection value) 0 outside 1..7");

        assertThatThrownBy(() -> JpegLosslessDecoder.decode(jpg, 0, jpg.length, new short[16 * 16 - 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame needs 16x16x1 = 256");

        // entropy-coded data replaced by all-ones bytes (stuffed): no code of the table matches
        byte[] garbage = jpg.clone();
        int data = sos + 2 + ((jpg[sos + 2] & 0xFF) << 8 | (jpg[sos + 3] & 0xFF));
        for (int i = data; i + 1 < jpg.length - 2; i += 2) {
            garbage[i] = (byte) 0xFF;
            garbage[i + 1] = 0;
        }
        assertThatThrownBy(() -> JpegLosslessDecoder.decode(garbage))
                .isInstanceOf(JpegDecodeException.class).hasMessageContaining("invalid Huffman code (table 0)");
    }

    // ------------------------------------------------------------------ helpers

    static short[] pointTransformed(short[] px, int pt) {
        short[] e = new short[px.length];
        for (int i = 0; i < px.length; i++) e[i] = (short) (((px[i] & 0xFFFF) >> pt) << pt);
        return e;
    }

    private static short[] unsigned(byte[] b) {
        short[] s = new short[b.length];
        for (int i = 0; i < b.length; i++) s[i] = (short) (b[i] & 0xFF);
        return s;
    }

    private static byte[] pixelMedPixelBytes(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        return list.get(TagFromName.PixelData).getByteValues();
    }

    /** PixelMed's own lossless decoder, components interleaved by pixel like ours. */
    static short[] pixelMedParse(byte[] jpg) {
        try {
            Parse.DecompressedOutput o = new Parse.DecompressedOutput();
            Parse.parse(new ByteArrayInputStream(jpg), null, null, o);
            OutputArrayOrStream[] comps = o.getDecompressedOutputPerComponent();
            int nc = comps.length;
            int n = comps[0].getShortArray() != null ? comps[0].getShortArray().length : comps[0].getByteArray().length;
            short[] out = new short[n * nc];
            for (int c = 0; c < nc; c++) {
                short[] s = comps[c].getShortArray();
                byte[] b = comps[c].getByteArray();
                for (int i = 0; i < n; i++) out[i * nc + c] = s != null ? s[i] : (short) (b[i] & 0xFF);
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("PixelMed could not decode the stream", e);
        }
    }

    private static int optionValue(String[] options, String name, int dflt) {
        for (int i = 0; i + 1 < options.length; i++) if (options[i].equals(name)) return Integer.parseInt(options[i + 1]);
        return dflt;
    }

    private static int indexOf(byte[] a, byte b0, byte b1) {
        for (int i = 0; i + 1 < a.length; i++) if (a[i] == b0 && a[i + 1] == b1) return i;
        throw new AssertionError("marker not found");
    }

    /** Huffman symbols (SSSS values) of all DHT segments before the first SOS. */
    private static List<Integer> dhtSymbols(byte[] jpg) {
        List<Integer> symbols = new ArrayList<>();
        int p = 2;
        while (p + 4 <= jpg.length && (jpg[p + 1] & 0xFF) != 0xDA) {
            int len = (jpg[p + 2] & 0xFF) << 8 | (jpg[p + 3] & 0xFF);
            if ((jpg[p + 1] & 0xFF) == 0xC4) {
                int q = p + 4;
                while (q < p + 2 + len) {
                    int total = 0;
                    for (int l = 1; l <= 16; l++) total += jpg[q + l] & 0xFF;
                    for (int k = 0; k < total; k++) symbols.add(jpg[q + 17 + k] & 0xFF);
                    q += 17 + total;
                }
            }
            p += 2 + len;
        }
        return symbols;
    }

    private static int dcmdumpFragmentCount(Path file) throws Exception {
        Process p = new ProcessBuilder("dcmdump", file.toString()).redirectErrorStream(true).start();
        String dump = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return (int) dump.lines().filter(l -> l.contains("(fffe,e000) pi")).count() - 1; // minus the offset table item
    }
}
