package org.parsreader.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JPEG-LS decoder against dcmtk: images made here, compressed by {@code dcmcjpls}, decoded by
 * us and by {@code dcmdjpls}, compared sample for sample (and, when lossless, with the original).
 */
class JpegLsDecoderTest {
    static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path tmp;

    @BeforeAll
    static void dcmtk() {
        JpegLsTestFiles.assumeDcmtk();
    }

    /** What to compress: size, Bits Stored, signedness, samples per pixel, picture, dcmcjpls options. */
    record Case(int w, int h, int bits, boolean signed, int spp, String kind, String... options) {
        @Override
        public String toString() {
            return w + "x" + h + "x" + spp + " " + bits + (signed ? "s " : "u ") + kind + " " + String.join(" ", options);
        }

        int near() {
            int i = Arrays.asList(options).indexOf("+md");
            return i >= 0 ? Integer.parseInt(options[i + 1]) : options.length > 0 && Arrays.asList(options).contains("+en") ? 2 : 0;
        }
    }

    static Stream<Case> dcmcjplsCases() {
        List<Case> c = new ArrayList<>();
        // CT-like 512x512, 12 and 16 bits: lossless, and near-lossless with several NEAR values
        c.add(new Case(512, 512, 12, false, 1, "ct"));
        c.add(new Case(512, 512, 16, false, 1, "ct"));
        c.add(new Case(512, 512, 16, true, 1, "ct"));
        for (int near : new int[] {1, 2, 3, 7, 20}) c.add(new Case(512, 512, 12, false, 1, "ct", "+en", "+md", "" + near));
        c.add(new Case(512, 512, 16, false, 1, "ct", "+en", "+md", "5")); // dcmcjpls refuses near-lossless for signed data
        // noise: long Golomb codes and the escape code, few runs
        c.add(new Case(256, 256, 16, false, 1, "random"));
        c.add(new Case(256, 256, 8, false, 1, "random"));
        c.add(new Case(256, 256, 16, false, 1, "random", "+en", "+md", "3"));
        // flat images: run mode to the end of lines, run index saturating
        c.add(new Case(300, 40, 12, false, 1, "flat"));
        c.add(new Case(300, 40, 12, false, 1, "steps", "+en", "+md", "2"));
        // odd sizes, every precision the DICOM side may ask for
        for (int bits : new int[] {2, 3, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}) {
            c.add(new Case(37, 53, bits, false, 1, "ct"));
            c.add(new Case(1, 17, bits, false, 1, "ct"));
        }
        c.add(new Case(53, 37, 8, true, 1, "ct"));
        c.add(new Case(53, 37, 12, true, 1, "ct"));
        c.add(new Case(53, 37, 8, false, 1, "ct", "+en", "+md", "4"));
        c.add(new Case(61, 1, 16, false, 1, "ct", "+en", "+md", "1"));
        // preset thresholds and RESET (an LSE segment in the stream)
        c.add(new Case(128, 96, 12, false, 1, "ct", "+t1", "5", "+t2", "20", "+t3", "90", "+rs", "32"));
        c.add(new Case(128, 96, 8, false, 1, "ct", "+en", "+md", "2", "+t1", "4", "+t2", "9", "+t3", "30", "+rs", "200"));
        // RGB: line (dcmcjpls' default), sample and no interleave; lossless and near-lossless
        for (String ilv : new String[] {"+il", "+is", "+in"}) {
            c.add(new Case(67, 45, 8, false, 3, "rgb", ilv));
            c.add(new Case(67, 45, 8, false, 3, "rgb", ilv, "+en", "+md", "3"));
            c.add(new Case(67, 45, 8, false, 3, "rgbflat", ilv));
        }
        c.add(new Case(40, 30, 16, false, 3, "rgb", "+is"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dcmcjplsCases")
    void decodesLikeDcmdjpls(Case k) throws Exception {
        short[] original = picture(k, 42);
        byte[] jls = compress(k, original, "a");
        short[] reference = dcmdjpls(k);

        JpegLsDecoder.Header h = JpegLsDecoder.readHeader(jls, 0, jls.length);
        assertThat(h.width()).isEqualTo(k.w());
        assertThat(h.height()).isEqualTo(k.h());
        assertThat(h.components()).isEqualTo(k.spp());
        assertThat(h.near()).isEqualTo(k.near());
        int mask = (1 << h.precision()) - 1;
        short[] ours = JpegLsDecoder.decode(jls);
        assertThat(ours).hasSize(k.w() * k.h() * k.spp());
        assertThat(ours).isEqualTo(masked(reference, mask));
        if (k.near() == 0) {
            assertThat(ours).isEqualTo(masked(original, mask));
        } else {
            for (int i = 0; i < ours.length; i++) {
                assertThat(Math.abs((ours[i] & 0xFFFF) - (original[i] & mask))).as("sample %d", i).isLessThanOrEqualTo(k.near());
            }
        }
    }

    static Stream<Arguments> restartCases() {
        return Stream.of(
                Arguments.of(new Case(96, 70, 12, false, 1, "ct"), 8),
                Arguments.of(new Case(96, 70, 12, false, 1, "ct"), 1),
                Arguments.of(new Case(96, 70, 16, false, 1, "ct", "+en", "+md", "3"), 9),
                Arguments.of(new Case(96, 70, 8, false, 1, "flat"), 7),
                Arguments.of(new Case(50, 40, 8, false, 3, "rgb", "+il"), 3),
                Arguments.of(new Case(50, 40, 8, false, 3, "rgb", "+is", "+en", "+md", "2"), 5));
    }

    /**
     * Restart markers: dcmcjpls cannot write them, so each restart interval is compressed on its
     * own (an interval is coded exactly like an image of its lines) and the strips are joined with
     * DRI and RSTm; the joined stream must decode to the strips' dcmdjpls output, end to end.
     */
    @ParameterizedTest(name = "{0}, {1} lines per interval")
    @MethodSource("restartCases")
    void decodesRestartIntervals(Case k, int lines) throws Exception {
        short[] original = picture(k, 7);
        int rowSamples = k.w() * k.spp();
        List<byte[]> strips = new ArrayList<>();
        short[] reference = new short[original.length];
        for (int y = 0, i = 0; y < k.h(); y += lines, i++) {
            int n = Math.min(lines, k.h() - y);
            Case strip = new Case(k.w(), n, k.bits(), k.signed(), k.spp(), k.kind(), k.options());
            short[] part = Arrays.copyOfRange(original, y * rowSamples, (y + n) * rowSamples);
            strips.add(compress(strip, part, "s" + i));
            System.arraycopy(dcmdjpls(strip), 0, reference, y * rowSamples, n * rowSamples);
        }
        byte[] jls = JpegLsTestFiles.joinWithRestarts(strips, k.h(), lines);
        assertThat(countRestartMarkers(jls)).isEqualTo((k.h() + lines - 1) / lines - 1);
        short[] ours = JpegLsDecoder.decode(jls);
        assertThat(ours).isEqualTo(reference);
        if (k.near() == 0) assertThat(ours).isEqualTo(original);

        // a restart marker out of sequence is named
        int rst = indexOf(jls, (byte) 0xFF, (byte) 0xD0);
        byte[] wrong = jls.clone();
        wrong[rst + 1] = (byte) 0xD3;
        assertThatThrownBy(() -> JpegLsDecoder.decode(wrong)).isInstanceOf(JpegDecodeException.class)
                .hasMessageContaining("expected RST0 marker").hasMessageContaining("found 0xFFD3");
    }

    /** pydicom's JPEG-LS file (MR, 64x64, 16 bits stored in P=16, signed) against dcmdjpls of the same file. */
    @Test
    void pydicomJpegLsLosslessMatchesDcmdjpls() throws Exception {
        Path file = PYDICOM.resolve("MR_small_jpeg_ls_lossless.dcm");
        assertThat(TestImages.transferSyntax(file)).isEqualTo("1.2.840.10008.1.2.4.80");
        byte[][] frames = TestImages.compressedFrames(file);
        assertThat(frames).hasNumberOfRows(1);
        JpegLsDecoder.Header h = JpegLsDecoder.readHeader(frames[0], 0, frames[0].length);
        assertThat(h.width()).isEqualTo(64);
        assertThat(h.height()).isEqualTo(64);
        assertThat(h.components()).isEqualTo(1);
        assertThat(h.lossy()).isFalse();
        Path ref = tmp.resolve("mr.dcm");
        JpegLsTestFiles.run("dcmdjpls", file, ref);
        int mask = (1 << h.precision()) - 1;
        assertThat(JpegLsDecoder.decode(frames[0])).isEqualTo(masked(JpegLsTestFiles.uncompressedSamples(ref), mask));
        // and the same pixels as pydicom's uncompressed MR_small.dcm
        Path plain = PYDICOM.resolve("MR_small.dcm");
        assertThat(JpegLsDecoder.decode(frames[0])).isEqualTo(masked(JpegLsTestFiles.uncompressedSamples(plain), mask));
    }

    // ------------------------------------------------------------------ malformed streams

    @Test
    void truncatedStreamsThrowWithAMessage() throws Exception {
        Case k = new Case(64, 48, 12, false, 1, "ct");
        byte[] jls = compress(k, picture(k, 3), "t");
        int sos = JpegLsTestFiles.findMarker(jls, 0xDA);
        for (int cut : new int[] {0, 1, 2, 5, sos - 3, sos + 4, sos + 20, jls.length / 2, jls.length - 40}) {
            byte[] t = Arrays.copyOf(jls, cut);
            assertThatThrownBy(() -> JpegLsDecoder.decode(t)).as("cut at %d", cut)
                    .isInstanceOf(JpegDecodeException.class).hasMessageStartingWith("JPEG-LS: ");
        }
        // cut inside the entropy-coded data: named as truncation, with the line
        byte[] half = Arrays.copyOf(jls, jls.length / 2);
        assertThatThrownBy(() -> JpegLsDecoder.decode(half)).hasMessageContaining("truncated entropy-coded data").hasMessageContaining("line");
        // an EOI in the middle of the data
        byte[] early = Arrays.copyOf(jls, jls.length / 2 + 2);
        early[early.length - 2] = (byte) 0xFF;
        early[early.length - 1] = (byte) 0xD9;
        assertThatThrownBy(() -> JpegLsDecoder.decode(early)).hasMessageContaining("ends early at marker 0xFFD9");
    }

    @Test
    void garbageAndWrongHeadersAreNamed() throws Exception {
        Case k = new Case(32, 24, 8, false, 1, "ct");
        byte[] jls = compress(k, picture(k, 5), "g");
        int sof = JpegLsTestFiles.findMarker(jls, 0xF7);
        int sos = JpegLsTestFiles.findMarker(jls, 0xDA);

        assertThatThrownBy(() -> JpegLsDecoder.decode(new byte[] {1, 2, 3, 4})).hasMessageContaining("does not start with SOI");
        byte[] p1 = jls.clone();
        p1[sof + 4] = 1;
        assertThatThrownBy(() -> JpegLsDecoder.decode(p1)).hasMessageContaining("sample precision 1 outside 2..16");
        byte[] c5 = jls.clone();
        c5[sof + 9] = 5;
        assertThatThrownBy(() -> JpegLsDecoder.decode(c5)).isInstanceOf(JpegDecodeException.class);
        byte[] near = jls.clone();
        near[sos + 2 + 2 + 1 + 2] = (byte) 200; // NEAR after Ns and one (Ci, Tmi)
        assertThatThrownBy(() -> JpegLsDecoder.decode(near)).hasMessageContaining("NEAR 200 above the maximum 127");
        byte[] ilv = jls.clone();
        ilv[sos + 2 + 2 + 1 + 3] = 3;
        assertThatThrownBy(() -> JpegLsDecoder.decode(ilv)).hasMessageContaining("interleave mode 3");
        byte[] sof3 = jls.clone();
        sof3[sof + 1] = (byte) 0xC3;
        assertThatThrownBy(() -> JpegLsDecoder.decode(sof3)).hasMessageContaining("unexpected SOF marker 0xFFC3");
        byte[] huge = jls.clone(); // 65535 x 65535 claimed by a few hundred bytes: refused before allocating
        huge[sof + 5] = huge[sof + 6] = huge[sof + 7] = huge[sof + 8] = (byte) 0xFF;
        assertThatThrownBy(() -> JpegLsDecoder.decode(huge)).hasMessageContaining("65535x65535x1 samples, more lines than");
        byte[] big = Arrays.copyOf(jls, 70_000); // enough bytes for the lines, still too many samples to allocate for
        big[sof + 5] = big[sof + 6] = big[sof + 7] = big[sof + 8] = (byte) 0xFF;
        assertThatThrownBy(() -> JpegLsDecoder.decode(big)).hasMessageContaining("samples, more than the 67108864 decode(byte[]) allocates for");
        // an empty SOS segment (length 2) at the very end of the data, found by fuzzing
        byte[] emptySos = Arrays.copyOf(jls, sos + 4);
        emptySos[sos + 2] = 0;
        emptySos[sos + 3] = 2;
        assertThatThrownBy(() -> JpegLsDecoder.readHeader(emptySos, 0, emptySos.length)).hasMessageContaining("SOS segment too short");
        assertThatThrownBy(() -> JpegLsDecoder.decode(emptySos)).hasMessageContaining("SOS segment too short");
        byte[] emptySos2 = Arrays.copyOf(emptySos, emptySos.length + 2);
        emptySos2[sos + 4] = (byte) 0xFF;
        emptySos2[sos + 5] = (byte) 0xD9;
        assertThatThrownBy(() -> JpegLsDecoder.decode(emptySos2, 0, emptySos2.length, new short[32 * 24]))
                .hasMessageContaining("invalid SOS segment");
        // a lossless JPEG (SOF3) stream is not JPEG-LS
        byte[] ljpeg = new LosslessJpegTestEncoder().encode(2, 2, 1, new short[] {1, 2, 3, 4});
        assertThatThrownBy(() -> JpegLsDecoder.decode(ljpeg)).isInstanceOf(JpegDecodeException.class);
    }

    /**
     * Random damage to real streams (bytes flipped, bytes inserted, cut): every outcome is either
     * a decoded image or a JpegDecodeException, never another exception or a hang.
     */
    @Test
    void damagedStreamsEndInAJpegDecodeExceptionOrAnImage() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (Case k : List.of(new Case(40, 30, 12, false, 1, "ct"), new Case(40, 30, 8, false, 3, "rgb", "+is"),
                new Case(40, 30, 16, false, 1, "ct", "+en", "+md", "3"), new Case(40, 30, 8, false, 1, "flat"))) {
            seeds.add(compress(k, picture(k, 11), "f" + seeds.size()));
        }
        SplittableRandom r = new SplittableRandom(2026);
        int decoded = 0, refused = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] s = seeds.get(i % seeds.size()).clone();
            int edits = 1 + r.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = r.nextInt(s.length);
                switch (r.nextInt(3)) {
                    case 0 -> s[at] = (byte) r.nextInt(256);
                    case 1 -> s[at] = (byte) 0xFF;
                    default -> s = Arrays.copyOf(s, Math.max(0, at));
                }
                if (s.length == 0) break;
            }
            try {
                JpegLsDecoder.decode(s);
                decoded++;
            } catch (JpegDecodeException ex) {
                assertThat(ex.getMessage()).startsWith("JPEG-LS: ");
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(0);
        assertThat(decoded + refused).isEqualTo(3000);
    }

    // ------------------------------------------------------------------ helpers

    /** Pixels for a case: unsigned patterns in {@code bits}; signed cases hold two's complement values (sign-extended to 16 bits). */
    static short[] picture(Case k, long seed) {
        int n = k.w() * k.h();
        int max = (1 << k.bits()) - 1;
        short[] out = new short[n * k.spp()];
        SplittableRandom r = new SplittableRandom(seed);
        for (int c = 0; c < k.spp(); c++) {
            short[] plane = switch (k.kind()) {
                case "ct", "rgb" -> k.bits() >= 4 ? TestImages.ctLike(k.w(), k.h(), k.bits(), seed + c) : TestImages.random(k.w(), k.h(), k.bits(), seed + c);
                case "random" -> TestImages.random(k.w(), k.h(), k.bits(), seed + c);
                case "flat", "rgbflat" -> {
                    short[] p = new short[n];
                    Arrays.fill(p, (short) Math.min(max, 100 + 7 * c));
                    for (int i = 0; i < n; i += 1 + r.nextInt(500)) p[i] = (short) r.nextInt(max + 1);
                    yield p;
                }
                case "steps" -> {
                    short[] p = new short[n];
                    for (int i = 0; i < n; i++) p[i] = (short) Math.min(max, ((i % k.w()) / 9) * 37 + (i / k.w()) / 5);
                    yield p;
                }
                default -> throw new IllegalArgumentException(k.kind());
            };
            for (int i = 0; i < n; i++) out[i * k.spp() + c] = plane[i];
        }
        if (k.signed()) {
            // shift to a signed range (half the values negative) and sign-extend from bits
            int half = 1 << (k.bits() - 1);
            for (int i = 0; i < out.length; i++) {
                int v = (out[i] & max) - half;
                out[i] = (short) (k.bits() <= 8 ? (v & 0xFF) : v); // 8-bit stored as a byte pattern, 16-bit as a short
                if (k.bits() > 8 && k.bits() < 16) out[i] = (short) v;
            }
        }
        return out;
    }

    /** Compresses with dcmcjpls into tmp/<tag>.jls.dcm and returns the single frame's JPEG-LS bytes. */
    byte[] compress(Case k, short[] samples, String tag) throws Exception {
        Path in = tmp.resolve("in.dcm");
        JpegLsTestFiles.writeUncompressed(in, k.w(), k.h(), k.bits(), k.signed(), k.spp(), samples);
        Path out = tmp.resolve("jls.dcm");
        JpegLsTestFiles.run("dcmcjpls", in, out, k.options());
        byte[][] frames = TestImages.compressedFrames(out);
        assertThat(frames).hasNumberOfRows(1);
        return frames[0];
    }

    /** dcmdjpls of the file compress() wrote last. */
    short[] dcmdjpls(Case k) throws Exception {
        Path ref = tmp.resolve("ref.dcm");
        JpegLsTestFiles.run("dcmdjpls", tmp.resolve("jls.dcm"), ref);
        return JpegLsTestFiles.uncompressedSamples(ref);
    }

    static short[] masked(short[] s, int mask) {
        short[] out = new short[s.length];
        for (int i = 0; i < s.length; i++) out[i] = (short) (s[i] & mask);
        return out;
    }

    static int countRestartMarkers(byte[] jls) {
        int n = 0;
        for (int i = 0; i + 1 < jls.length; i++) if ((jls[i] & 0xFF) == 0xFF && (jls[i + 1] & 0xF8) == 0xD0) n++;
        return n;
    }

    static int indexOf(byte[] a, byte b0, byte b1) {
        for (int i = 0; i + 1 < a.length; i++) if (a[i] == b0 && a[i + 1] == b1) return i;
        throw new IllegalStateException("not found");
    }
}
