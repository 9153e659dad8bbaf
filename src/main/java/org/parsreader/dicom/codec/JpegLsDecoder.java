package org.parsreader.dicom.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decoder for ITU-T T.87 / ISO 14495-1 JPEG-LS (SOF55), lossless and near-lossless, as DICOM
 * uses it: transfer syntaxes 1.2.840.10008.1.2.4.80 (lossless) and .81 (near-lossless).
 *
 * <p>Why this is hand-written: no JPEG-LS decoder is reachable from Java here. PixelMed (Debian
 * {@code libpixelmed-java} and {@code libpixelmed-imageio-java}) decodes JPEG baseline and
 * lossless only; jai-imageio (core and jpeg2000, Maven Central 1.4.0) has no JPEG-LS reader; the
 * list of Maven Central packages known to resolve here (searched for "jpeg-ls", "jpegls",
 * "charls" and "jpeg") names no JPEG-LS artifact at all (its only JPEG entry is TwelveMonkeys
 * imageio-jpeg, which reads DCT and lossless JPEG, not JPEG-LS); dcm4che's JPEG-LS codec is
 * native CharLS and not on Maven Central; the only CharLS builds in the package lists are for
 * npm (WASM) and PyPI (native), neither usable from the JVM. dcmtk's {@code dcmdjpls} (CharLS
 * inside) is on the machine but is a separate process. The decoder follows the standard; where T.87 leaves room (run-interruption coding of
 * sample-interleaved pixels) it does what CharLS does, since that is what writes these files.
 *
 * <p>Supported: sample precision 2-16 bits, 1-4 components (1x1 sampling), NEAR 0..min(255,
 * MAXVAL/2), interleave modes none (one scan per component), line and sample, the T.87 default
 * thresholds and LSE preset parameters (type 1: MAXVAL, T1, T2, T3, RESET; between scans too),
 * restart intervals (DRI, counted in lines, RSTm markers; contexts and prediction reset at
 * each), marker stuffing (a zero bit after every 0xFF data byte), fill bytes (0xFF before a
 * marker, dcmtk's "extended EOI" padding). Not supported, each with a {@link JpegDecodeException}:
 * LSE mapping tables and oversize dimensions (types 2-4), mapping-table use in SOS, point
 * transforms, sampling factors other than 1x1, HP colour transforms (APP8 "mrfx"), height 0.
 *
 * <p>Speed: one context update per sample on int arrays, gradients quantised through a lookup
 * table shared between frames with the same parameters, Golomb codes read with one
 * {@code numberOfLeadingZeros} from a 64-bit bit buffer refilled eight bytes at a time when no
 * 0xFF is among them; nothing is allocated per sample or per line (see {@code JpegLsBench} in
 * the tests and BENCHMARKS.md).
 *
 * <p>Hostile input: every error in the data is a {@link JpegDecodeException} with a message
 * (only misuse of the API, a short {@code dst} or a bad range, throws something else); every loop is
 * bounded by the input length or the image size (a truncated scan is caught at the end of the
 * line where the data ran out, not after decoding the rest of the image from zero bits).
 *
 * <p>Output samples are the P-bit unsigned values of the bitstream, interleaved by pixel for
 * several components ({@code (y*width+x)*components+c}, like DICOM Planar Configuration 0)
 * whatever the interleave mode of the scans; for signed DICOM data with P &lt; 16 the caller
 * sign-extends. The static methods are thread-safe.
 *
 * <p>{@link JpegLsCodestream} reads the codestream's structure (markers, frame, LSE and scan
 * headers, with their checks); this class decodes the scans it hands over.
 */
public final class JpegLsDecoder extends JpegLsCodestream {

    /**
     * What the frame header (SOF55) and the first scan header say.
     *
     * @param near NEAR of the first scan: 0 is lossless, more is near-lossless (lossy)
     * @param interleave ILV of the first scan: 0 none, 1 line, 2 sample
     */
    public record Header(int width, int height, int precision, int components, int near, int interleave) {
        /** True when the first scan is near-lossless, i.e. the decoded samples may differ from the original. */
        public boolean lossy() {
            return near > 0;
        }
    }

    /** J[RUNindex]: run-length order of the run segments (T.87 A.7.1.2). */
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Context variables A or B beyond this mean the data is not JPEG-LS (CharLS uses the same
     * bound); so does a mapped error value of 2^17 or more (at most 2 * 65536 / 2 when valid).
     */
    private static final int CONTEXT_LIMIT = 65536 * 256;

    // --- input ---

    // --- bit reader: valid bits are the top `bitCount` bits of `bits`, the rest are zero ---
    private long bits;
    private int bitCount;
    /** Zero bits fed because the entropy-coded data ended (marker or end of input). */
    private int padBits;
    /** The last byte taken was 0xFF: the next one carries 7 bits (T.87 marker stuffing). */
    private boolean afterFF;

    // --- scan parameters ---
    private int maxVal;
    private int near;
    private int range;
    private int qbpp;
    private int limit;
    private int reset;
    private int t1;
    private int t2;
    private int t3;
    /** Quantised gradient for d in [-maxVal, maxVal] at qlut[d + maxVal]. */
    private byte[] qlut;

    // --- context state: 365 regular contexts (A, B, C, N) and 2 run-interruption contexts ---
    /** Regular contexts packed A, B, C, N at [4q .. 4q+3]: one cache line holds what a sample updates. */
    private final int[] ctx = new int[4 * 365];
    private final int[] riA = new int[2];
    private final int[] riN = new int[2];
    private final int[] riNn = new int[2];
    private int runIndex;
    /** Line being decoded, for messages. */
    private int line;

    private JpegLsDecoder(byte[] src, int off, int len) {
        super(src, off, len);
    }

    /**
     * Reads the frame header and the first scan header, without decoding.
     *
     * @throws JpegDecodeException if the data is not JPEG-LS or ends before the first SOS
     */
    public static Header readHeader(byte[] src, int off, int len) {
        return new JpegLsDecoder(src, off, len).readFirstHeader();
    }

    /**
     * Decodes one frame into {@code dst}: row-major, {@code width*height} samples for one
     * component; for several components interleaved by pixel. Every sample of
     * {@code dst[0 .. width*height*components)} is written, or the method throws.
     *
     * @throws JpegDecodeException if the data is malformed, truncated or unsupported
     * @throws IllegalArgumentException if {@code dst} is shorter than width*height*components
     */
    public static void decode(byte[] src, int off, int len, short[] dst) {
        new JpegLsDecoder(src, off, len).decodeFrame(dst);
    }

    /** Largest frame {@link #decode(byte[])} allocates for: 64 Mi samples (8192 x 8192, 128 MB). */
    public static final int MAX_CONVENIENCE_SAMPLES = 1 << 26;

    /**
     * Convenience: decodes into a new array of exactly width*height*components samples. Before
     * anything is allocated it refuses a header that claims more lines than the data could code
     * (every line takes at least one bit) or more than {@link #MAX_CONVENIENCE_SAMPLES} samples
     * (a few hostile bytes must not make it allocate gigabytes); for larger frames, allocate
     * the array yourself and call {@link #decode(byte[], int, int, short[])}.
     */
    public static short[] decode(byte[] src) {
        Header h = readHeader(src, 0, src.length);
        long lines = (long) h.height() * h.components();
        long samples = lines * h.width();
        if (lines > 8L * src.length) {
            throw new JpegDecodeException("JPEG-LS: frame header claims " + h.width() + "x" + h.height() + "x" + h.components()
                    + " samples, more lines than " + src.length + " bytes can code");
        }
        if (samples > MAX_CONVENIENCE_SAMPLES) {
            throw new JpegDecodeException("JPEG-LS: frame header claims " + h.width() + "x" + h.height() + "x" + h.components()
                    + " samples, more than the " + MAX_CONVENIENCE_SAMPLES + " decode(byte[]) allocates for");
        }
        short[] dst = new short[(int) samples];
        decode(src, 0, src.length, dst);
        return dst;
    }

    // ------------------------------------------------------------------ scan level

    @Override
    void decodeScan(short[] dst, int[] comp, int nearValue, int ilv) {
        int ns = comp.length;
        setUpParameters(nearValue);

        bits = 0;
        bitCount = 0;
        padBits = 0;
        afterFF = false;
        int rows = restartInterval > 0 ? restartInterval : height;
        if (ns == 1 || ilv == 1) {
            decodeLineInterleaved(dst, comp, rows);
        } else {
            decodeSampleInterleaved(dst, comp, rows);
        }
        checkNotPastEnd(height - 1);
    }

    /** MAXVAL, NEAR, thresholds, RESET, RANGE, qbpp, LIMIT for the scan (T.87 C.2.4.1.1, A.2.1). */
    private void setUpParameters(int nearValue) {
        int maxBitValue = (1 << precision) - 1;
        if (presetMaxVal > maxBitValue) {
            throw new JpegDecodeException("JPEG-LS: LSE MAXVAL " + presetMaxVal + " exceeds " + maxBitValue + " for precision " + precision);
        }
        maxVal = presetMaxVal != 0 ? presetMaxVal : maxBitValue;
        if (maxVal < 1) throw new JpegDecodeException("JPEG-LS: MAXVAL " + maxVal);
        if (nearValue > Math.min(255, maxVal / 2)) {
            throw new JpegDecodeException("JPEG-LS: NEAR " + nearValue + " above the maximum " + Math.min(255, maxVal / 2) + " for MAXVAL " + maxVal);
        }
        near = nearValue;
        // default thresholds (T.87 C.2.4.1.1.1); CLAMP(i, j) = j if i > MAXVAL or i < j
        int d1, d2, d3;
        if (maxVal >= 128) {
            int factor = (Math.min(maxVal, 4095) + 128) / 256;
            d1 = clampT(factor * (3 - 2) + 2 + 3 * near, near + 1);
            d2 = clampT(factor * (7 - 3) + 3 + 5 * near, d1);
            d3 = clampT(factor * (21 - 4) + 4 + 7 * near, d2);
        } else {
            int factor = 256 / (maxVal + 1);
            d1 = clampT(Math.max(2, 3 / factor + 3 * near), near + 1);
            d2 = clampT(Math.max(3, 7 / factor + 5 * near), d1);
            d3 = clampT(Math.max(4, 21 / factor + 7 * near), d2);
        }
        t1 = presetT1 != 0 ? presetT1 : d1;
        t2 = presetT2 != 0 ? presetT2 : d2;
        t3 = presetT3 != 0 ? presetT3 : d3;
        reset = presetReset != 0 ? presetReset : 64;
        if (t1 < near + 1 || t1 > maxVal || t2 < t1 || t2 > maxVal || t3 < t2 || t3 > maxVal) {
            throw new JpegDecodeException(String.format("JPEG-LS: invalid thresholds T1=%d T2=%d T3=%d for MAXVAL %d, NEAR %d", t1, t2, t3, maxVal, near));
        }
        if (reset < 3 || reset > Math.max(255, maxVal)) {
            throw new JpegDecodeException("JPEG-LS: invalid RESET " + reset + " for MAXVAL " + maxVal);
        }
        range = (maxVal + 2 * near) / (2 * near + 1) + 1;
        qbpp = ceilLog2(range);
        int bpp = Math.max(2, ceilLog2(maxVal + 1));
        limit = 2 * (bpp + Math.max(8, bpp));
        qlut = quantizationTable(maxVal, near, t1, t2, t3);
    }

    private int clampT(int i, int j) {
        return i > maxVal || i < j ? j : i;
    }

    private static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    private record QuantKey(int maxVal, int near, int t1, int t2, int t3) {}

    private record QuantTable(QuantKey key, byte[] table) {}

    /** The last table built: a series' frames share their parameters, so one entry is enough. */
    private static volatile QuantTable lastTable;

    private static byte[] quantizationTable(int maxVal, int near, int t1, int t2, int t3) {
        QuantKey key = new QuantKey(maxVal, near, t1, t2, t3);
        QuantTable last = lastTable;
        if (last != null && last.key.equals(key)) return last.table;
        byte[] t = new byte[2 * maxVal + 1];
        for (int d = -maxVal; d <= maxVal; d++) {
            int q;
            if (d <= -t3) q = -4;
            else if (d <= -t2) q = -3;
            else if (d <= -t1) q = -2;
            else if (d < -near) q = -1;
            else if (d <= near) q = 0;
            else if (d < t1) q = 1;
            else if (d < t2) q = 2;
            else if (d < t3) q = 3;
            else q = 4;
            t[d + maxVal] = (byte) q;
        }
        lastTable = new QuantTable(key, t);
        return t;
    }

    /** Initial context state (T.87 A.2.1), at the start of a scan and of every restart interval. */
    private void resetContexts() {
        int a = Math.max(2, (range + 32) / 64);
        for (int i = 0; i < ctx.length; i += 4) {
            ctx[i] = a;
            ctx[i + 1] = 0;
            ctx[i + 2] = 0;
            ctx[i + 3] = 1;
        }
        riA[0] = riA[1] = a;
        riN[0] = riN[1] = 1;
        riNn[0] = riNn[1] = 0;
        runIndex = 0;
    }

    /**
     * Interleave none (one component) or line: for each line, one line of each component of the
     * scan in turn; contexts shared, run index per component (T.87 B.3).
     */
    private void decodeLineInterleaved(short[] dst, int[] comp, int rowsPerInterval) {
        final int ns = comp.length;
        final int w = width;
        int[][] prev = new int[ns][w + 2];
        int[][] cur = new int[ns][w + 2];
        int[] runIndexes = new int[ns];
        int nextRst = 0;
        for (int y = 0; y < height; y++) {
            line = y;
            if (y % rowsPerInterval == 0) {
                if (y > 0) {
                    restart(nextRst, y);
                    nextRst = (nextRst + 1) & 7;
                    for (int j = 0; j < ns; j++) java.util.Arrays.fill(cur[j], 0);
                }
                resetContexts();
                java.util.Arrays.fill(runIndexes, 0);
            }
            for (int j = 0; j < ns; j++) {
                int[] p = cur[j]; // the line decoded last becomes the line above
                int[] c = prev[j];
                prev[j] = p;
                cur[j] = c;
                if (y % rowsPerInterval == 0) java.util.Arrays.fill(p, 0);
                p[w + 1] = p[w];
                c[0] = p[1];
                runIndex = runIndexes[j];
                decodeLine(p, c, w);
                runIndexes[j] = runIndex;
                int stride = components;
                for (int x = 1, i = y * w * stride + comp[j]; x <= w; x++, i += stride) dst[i] = (short) c[x];
            }
            checkNotPastEnd(y);
        }
    }

    /**
     * One line of one component: samples 1..w of {@code cur}, with {@code prev} the line above
     * (edges set). The hot loop of the decoder: the bit buffer lives in locals and goes back to
     * the fields only around the calls (refill, long codes, run mode).
     */
    private void decodeLine(int[] prev, int[] cur, int w) {
        final byte[] q = qlut;
        final int mv = maxVal;
        final int nr = near;
        final int step = 2 * nr + 1;
        final int[] cx = ctx;
        final int esc = limit - qbpp - 1;
        final int rst = reset;
        // lossless with MAXVAL = 2^P - 1: the modulo-RANGE reconstruction is a mask, no multiply
        final boolean mask = nr == 0 && ((mv + 1) & mv) == 0;
        final byte[] in = src;
        long bb = bits;
        int bc = bitCount;
        int x = 1;
        int ra = cur[0];
        int rb = prev[0];
        int rd = prev[1];
        while (x <= w) {
            int rc = rb;
            rb = rd;
            rd = prev[x + 1];
            int c = 81 * q[rd - rb + mv] + 9 * q[rb - rc + mv] + q[rc - ra + mv];
            if (c != 0) {
                // regular mode (T.87 A.3-A.6)
                int sign = c >> 31;
                int ci = ((c ^ sign) - sign) << 2;
                int an = cx[ci], bn = cx[ci + 1], cn = cx[ci + 2], nn = cx[ci + 3];
                // MED predictor = median of Ra, Rb, Ra + Rb - Rc; then the context's bias correction
                int px = Math.max(Math.min(ra, rb), Math.min(Math.max(ra, rb), ra + rb - rc)) + ((cn ^ sign) - sign);
                px = Math.min(Math.max(px, 0), mv);
                int k = Math.max(0, Integer.numberOfLeadingZeros(nn) - Integer.numberOfLeadingZeros(an));
                if (k < 30 && (nn << k) < an) k++;
                if (bc < 32) {
                    // eight bytes at once when none of them is 0xFF (no stuffed bit, no marker): the common case
                    int p = pos;
                    long v;
                    long t;
                    if (!afterFF && p + 8 <= end && (((t = ~(v = (long) LONG_BE.get(in, p))) - 0x0101010101010101L) & ~t & 0x8080808080808080L) == 0) {
                        int n = (64 - bc) >>> 3;
                        bb |= (v & (-1L << (64 - 8 * n))) >>> bc;
                        bc += 8 * n;
                        pos = p + n;
                    } else {
                        bits = bb;
                        bitCount = bc;
                        refill();
                        bb = bits;
                        bc = bitCount;
                    }
                }
                int z = Long.numberOfLeadingZeros(bb);
                int m;
                int len = z + 1 + k;
                if (z < esc && len <= bc) {
                    m = (z << k) | (int) (((bb << (z + 1)) >>> 1) >>> (63 - k));
                    bb <<= len;
                    bc -= len;
                } else {
                    bits = bb;
                    bitCount = bc;
                    m = decodeMapped(k, limit);
                    bb = bits;
                    bc = bitCount;
                }
                int e = (m >>> 1) ^ -(m & 1);
                if (k == 0 && nr == 0) e ^= (2 * bn + nn - 1) >> 31;
                // context update and bias correction (A.6)
                an += Math.abs(e);
                bn += mask ? e : e * step;
                if ((m >>> 17) != 0 || an >= CONTEXT_LIMIT || Math.abs(bn) >= CONTEXT_LIMIT) {
                    bits = bb;
                    bitCount = bc;
                    throw invalidData();
                }
                if (nn == rst) {
                    an >>= 1;
                    bn >>= 1;
                    nn >>= 1;
                }
                nn++;
                if (bn + nn <= 0) {
                    bn += nn;
                    if (bn <= -nn) bn = -nn + 1;
                    if (cn > -128) cn--;
                } else if (bn > 0) {
                    bn -= nn;
                    if (bn > 0) bn = 0;
                    if (cn < 127) cn++;
                }
                cx[ci] = an;
                cx[ci + 1] = bn;
                cx[ci + 2] = cn;
                cx[ci + 3] = nn;
                if (mask) {
                    ra = (px + ((e ^ sign) - sign)) & mv;
                } else {
                    int v = px + ((e ^ sign) - sign) * step;
                    if (v < -nr) v += range * step;
                    else if (v > mv + nr) v -= range * step;
                    ra = Math.min(Math.max(v, 0), mv);
                }
                cur[x] = ra;
                x++;
            } else {
                bits = bb;
                bitCount = bc;
                x = decodeRun(prev, cur, x, w, ra);
                bb = bits;
                bc = bitCount;
                ra = cur[x - 1];
                rb = prev[x - 1];
                rd = prev[x];
            }
        }
        bits = bb;
        bitCount = bc;
    }

    /** Run mode from sample x (T.87 A.7): returns the index after the run and its interruption sample. */
    private int decodeRun(int[] prev, int[] cur, int x, int w, int ra) {
        int remaining = w - x + 1;
        int count = 0;
        while (readBit() != 0) {
            int rg = 1 << J[runIndex];
            int c = Math.min(rg, remaining - count);
            count += c;
            if (c == rg && runIndex < 31) runIndex++;
            if (count == remaining) break;
        }
        if (count != remaining && J[runIndex] > 0) count += readBits(J[runIndex]);
        if (count > remaining) {
            if (padBits > 0) checkNotPastEnd(line);
            throw new JpegDecodeException("JPEG-LS: run of " + count + " samples past the end of the line (" + remaining
                    + " left) near byte " + bytePosition() + " (line " + (line + 1) + " of " + height + ")");
        }
        for (int i = 0; i < count; i++) cur[x + i] = ra;
        x += count;
        if (x > w) return x;
        int rb = prev[x];
        if (Math.abs(ra - rb) <= near) {
            cur[x] = fix(ra + decodeRunInterruption(1) * (2 * near + 1));
        } else {
            int e = decodeRunInterruption(0);
            cur[x] = fix(rb + (rb < ra ? -e : e) * (2 * near + 1));
        }
        if (runIndex > 0) runIndex--;
        return x + 1;
    }

    /** Error of a run-interruption sample in context {@code t} (0: Ra != Rb, 1: Ra == Rb; T.87 A.7.2). */
    private int decodeRunInterruption(int t) {
        int an = riA[t], nn = riN[t];
        int temp = an + (nn >> 1) * t;
        int k = golombK(nn, temp);
        int m = decodeMapped(k, limit - J[runIndex] - 1);
        if ((m >>> 17) != 0) throw invalidData();
        int tm = m + t;
        int map = tm & 1;
        int abs = (tm + map) >> 1;
        int e = ((k != 0 || 2 * riNn[t] >= nn) == (map != 0)) ? -abs : abs;
        if (e < 0) riNn[t]++;
        an += (m + 1 - t) >> 1;
        if (an >= CONTEXT_LIMIT) throw invalidData();
        if (nn == reset) {
            an >>= 1;
            nn >>= 1;
            riNn[t] >>= 1;
        }
        riA[t] = an;
        riN[t] = nn + 1;
        return e;
    }

    /**
     * Sample interleave: pixel by pixel, each component in turn, contexts shared; run mode when
     * every component's gradients are within NEAR, for the whole pixel (as CharLS codes it).
     */
    private void decodeSampleInterleaved(short[] dst, int[] comp, int rowsPerInterval) {
        final int ns = comp.length;
        final int w = width;
        int[][] prev = new int[ns][w + 2];
        int[][] cur = new int[ns][w + 2];
        int[] ctxs = new int[ns];
        int nextRst = 0;
        for (int y = 0; y < height; y++) {
            line = y;
            boolean first = y % rowsPerInterval == 0;
            if (first) {
                if (y > 0) {
                    restart(nextRst, y);
                    nextRst = (nextRst + 1) & 7;
                }
                resetContexts();
            }
            for (int j = 0; j < ns; j++) {
                int[] p = cur[j];
                cur[j] = prev[j];
                prev[j] = p;
                if (first) java.util.Arrays.fill(p, 0);
                p[w + 1] = p[w];
                cur[j][0] = p[1];
            }
            int x = 1;
            while (x <= w) {
                boolean allZero = true;
                for (int j = 0; j < ns; j++) {
                    int ra = cur[j][x - 1], rb = prev[j][x], rc = prev[j][x - 1], rd = prev[j][x + 1];
                    int mv = maxVal;
                    ctxs[j] = 81 * qlut[rd - rb + mv] + 9 * qlut[rb - rc + mv] + qlut[rc - ra + mv];
                    if (ctxs[j] != 0) allZero = false;
                }
                if (allZero) {
                    x = decodePixelRun(prev, cur, x, w);
                } else {
                    for (int j = 0; j < ns; j++) {
                        int ra = cur[j][x - 1], rb = prev[j][x], rc = prev[j][x - 1];
                        cur[j][x] = decodeRegular(ctxs[j], ra, rb, rc);
                    }
                    x++;
                }
            }
            int stride = components;
            for (int j = 0; j < ns; j++) {
                int[] c = cur[j];
                for (int xx = 1, i = y * w * stride + comp[j]; xx <= w; xx++, i += stride) dst[i] = (short) c[xx];
            }
            checkNotPastEnd(y);
        }
    }

    /** Regular-mode sample for the sample-interleaved path (the single-component path has it inline). */
    private int decodeRegular(int c, int ra, int rb, int rc) {
        int sign = c >> 31;
        int ci = ((c ^ sign) - sign) << 2;
        int an = ctx[ci], bn = ctx[ci + 1], cn = ctx[ci + 2], nn = ctx[ci + 3];
        int px = Math.max(Math.min(ra, rb), Math.min(Math.max(ra, rb), ra + rb - rc)) + ((cn ^ sign) - sign);
        px = Math.min(Math.max(px, 0), maxVal);
        int k = golombK(nn, an);
        int m = decodeMapped(k, limit);
        int e = (m >>> 1) ^ -(m & 1);
        if (k == 0 && near == 0) e ^= (2 * bn + nn - 1) >> 31;
        an += Math.abs(e);
        bn += e * (2 * near + 1);
        if ((m >>> 17) != 0 || an >= CONTEXT_LIMIT || Math.abs(bn) >= CONTEXT_LIMIT) throw invalidData();
        if (nn == reset) {
            an >>= 1;
            bn >>= 1;
            nn >>= 1;
        }
        nn++;
        if (bn + nn <= 0) {
            bn += nn;
            if (bn <= -nn) bn = -nn + 1;
            if (cn > -128) cn--;
        } else if (bn > 0) {
            bn -= nn;
            if (bn > 0) bn = 0;
            if (cn < 127) cn++;
        }
        ctx[ci] = an;
        ctx[ci + 1] = bn;
        ctx[ci + 2] = cn;
        ctx[ci + 3] = nn;
        e = (e ^ sign) - sign;
        return fix(px + e * (2 * near + 1));
    }

    /** Run of whole pixels (sample interleave); the interruption pixel codes each component in context 0. */
    private int decodePixelRun(int[][] prev, int[][] cur, int x, int w) {
        int ns = cur.length;
        int remaining = w - x + 1;
        int count = 0;
        while (readBit() != 0) {
            int rg = 1 << J[runIndex];
            int c = Math.min(rg, remaining - count);
            count += c;
            if (c == rg && runIndex < 31) runIndex++;
            if (count == remaining) break;
        }
        if (count != remaining && J[runIndex] > 0) count += readBits(J[runIndex]);
        if (count > remaining) {
            if (padBits > 0) checkNotPastEnd(line);
            throw new JpegDecodeException("JPEG-LS: run of " + count + " pixels past the end of the line (" + remaining
                    + " left) near byte " + bytePosition() + " (line " + (line + 1) + " of " + height + ")");
        }
        for (int j = 0; j < ns; j++) {
            int[] c = cur[j];
            int ra = c[x - 1];
            for (int i = 0; i < count; i++) c[x + i] = ra;
        }
        x += count;
        if (x > w) return x;
        for (int j = 0; j < ns; j++) {
            int ra = cur[j][x - 1], rb = prev[j][x];
            int e = decodeRunInterruption(0);
            cur[j][x] = fix(rb + (rb < ra ? -e : e) * (2 * near + 1));
        }
        if (runIndex > 0) runIndex--;
        return x + 1;
    }

    /** Smallest k with N << k >= A (T.87 A.5.1); hostile context values give a bounded k. */
    private static int golombK(int n, int a) {
        int k = Math.max(0, Integer.numberOfLeadingZeros(n) - Integer.numberOfLeadingZeros(a));
        if (k < 30 && (n << k) < a) k++;
        return k;
    }

    /** Reconstructed value back into 0..MAXVAL (T.87 A.4.5, modulo RANGE then clamp). */
    private int fix(int v) {
        if (v < -near) v += range * (2 * near + 1);
        else if (v > maxVal + near) v -= range * (2 * near + 1);
        if (v < 0) return 0;
        return Math.min(v, maxVal);
    }

    private JpegDecodeException invalidData() {
        if (padBits > 0) checkNotPastEnd(line);
        return new JpegDecodeException("JPEG-LS: invalid entropy-coded data (error value or context statistics out of range) near byte " + bytePosition()
                + " (line " + (line + 1) + " of " + height + ")");
    }

    // ------------------------------------------------------------------ bit level

    /**
     * A Golomb-coded mapped error value with limited length (T.87 A.5.3): q zero bits and a one,
     * then k bits; or, for q = limit - qbpp - 1, qbpp bits holding the value minus one.
     */
    private int decodeMapped(int k, int lim) {
        if (bitCount < 48) refill();
        long b = bits;
        int q = Long.numberOfLeadingZeros(b);
        int escape = lim - qbpp - 1;
        if (q < escape && q + 1 + k <= bitCount) {
            int len = q + 1 + k;
            bits = b << len;
            bitCount -= len;
            return (q << k) | (int) (((b << (q + 1)) >>> 1) >>> (63 - k));
        }
        q = readUnary(escape);
        if (q < escape) return (q << k) | (k == 0 ? 0 : readBits(k));
        return readBits(qbpp) + 1;
    }

    /** Zero bits before the next one bit (which is consumed), at most {@code max}. */
    private int readUnary(int max) {
        int q = 0;
        while (true) {
            if (bitCount < 57) refill();
            int z = Long.numberOfLeadingZeros(bits);
            if (z < bitCount) {
                q += z;
                if (q > max) break;
                bits <<= z + 1;
                bitCount -= z + 1;
                return q;
            }
            q += bitCount;
            bits = 0;
            bitCount = 0;
            if (q > max) break;
        }
        if (padBits > 0) checkNotPastEnd(line);
        throw new JpegDecodeException("JPEG-LS: invalid Golomb code (more than " + max + " leading zero bits) near byte " + bytePosition()
                + " (line " + (line + 1) + " of " + height + ")");
    }

    private int readBit() {
        if (bitCount < 1) refill();
        int v = (int) (bits >>> 63);
        bits <<= 1;
        bitCount--;
        return v;
    }

    /** 1..31 bits. */
    private int readBits(int n) {
        if (bitCount < n) refill();
        int v = (int) (bits >>> (64 - n));
        bits <<= n;
        bitCount -= n;
        return v;
    }

    /** Tops the bit buffer up to at least 57 bits; at a marker or the end of input it feeds zero bits and counts them. */
    private void refill() {
        while (bitCount <= 56) {
            if (!afterFF && pos + 8 <= end) {
                long v = (long) LONG_BE.get(src, pos);
                long t = ~v; // a 0xFF byte in v is a zero byte in t
                if (((t - 0x0101010101010101L) & ~t & 0x8080808080808080L) == 0) {
                    int n = (64 - bitCount) >>> 3;
                    long chunk = n == 8 ? v : v & (-1L << (64 - 8 * n));
                    bits |= chunk >>> bitCount;
                    bitCount += 8 * n;
                    pos += n;
                    return;
                }
            }
            if (pos >= end) {
                padBits += 8;
                bitCount += 8;
                continue;
            }
            int b = src[pos] & 0xFF;
            if (afterFF) {
                // after 0xFF a byte carries a stuffed zero bit and 7 data bits (a marker was ruled out before taking the 0xFF)
                bits |= (long) b << (57 - bitCount);
                bitCount += 7;
                afterFF = false;
                pos++;
            } else if (b == 0xFF && pos + 1 < end && (src[pos + 1] & 0x80) != 0) {
                padBits += 8; // a marker: the entropy-coded segment ends here, pos stays on it
                bitCount += 8;
            } else {
                bits |= (long) b << (56 - bitCount);
                bitCount += 8;
                afterFF = b == 0xFF;
                pos++;
            }
        }
    }

    /** Throws if decoding consumed bits that were not in the data (zero bits fed past the end). */
    private void checkNotPastEnd(int row) {
        if (bitCount < padBits) {
            if (pos + 1 < end && u8(pos) == 0xFF) {
                throw new JpegDecodeException(String.format(
                        "JPEG-LS: entropy-coded data ends early at marker 0xFF%02X at byte %d (decoding line %d of %d)",
                        u8(pos + 1), pos - start, row + 1, height));
            }
            throw new JpegDecodeException("JPEG-LS: truncated entropy-coded data at byte " + (end - start)
                    + " (decoding line " + (row + 1) + " of " + height + ")");
        }
    }

    /** Between restart intervals: checks the interval was complete, then expects RSTm and resets the bit reader. */
    private void restart(int expected, int y) {
        checkNotPastEnd(y - 1);
        // the rest of the interval's last byte is padding; the reader may have looked ahead up to the marker
        while (pos < end && !(u8(pos) == 0xFF && pos + 1 < end && u8(pos + 1) >= 0x80)) pos++;
        while (pos + 1 < end && u8(pos) == 0xFF && u8(pos + 1) == 0xFF) pos++; // fill bytes
        if (pos + 1 >= end) {
            throw new JpegDecodeException("JPEG-LS: truncated entropy-coded data at byte " + (end - start)
                    + " (expected RST" + expected + " before line " + (y + 1) + " of " + height + ")");
        }
        int m = u8(pos + 1);
        if (m != RST0 + expected) {
            throw new JpegDecodeException(String.format("JPEG-LS: expected RST%d marker at byte %d before line %d, found 0x%02X%02X",
                    expected, pos - start, y + 1, u8(pos), m));
        }
        pos += 2;
        bits = 0;
        bitCount = 0;
        padBits = 0;
        afterFF = false;
    }

    private int bytePosition() {
        return Math.max(0, pos - start - (bitCount - padBits + 7) / 8);
    }
}
