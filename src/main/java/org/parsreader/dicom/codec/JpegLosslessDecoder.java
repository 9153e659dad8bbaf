package org.parsreader.dicom.codec;

/**
 * Decoder for ITU-T T.81 lossless JPEG (process 14, SOF3, Huffman coded) as DICOM uses it:
 * transfer syntaxes 1.2.840.10008.1.2.4.57 (any predictor) and .70 (predictor 1).
 *
 * <p>Why this is hand-written: decoding a 512x512 12-bit CT frame (dcmcjpeg SV1) measured, warm,
 * single-threaded on the project's 2-core machine: PixelMed's {@code com.pixelmed.codec.jpeg.Parse}
 * used directly 15 ms/frame; PixelMed's {@code JPEGLosslessImageReader} via ImageIO 16 ms/frame
 * with a {@code MemoryCacheImageInputStream}, but about 310 ms/frame with the
 * {@code FileCacheImageInputStream} that {@code ImageIO.createImageInputStream} gives by
 * default; a full PixelMed {@code AttributeList.read} with decompression 23 ms/file.
 * TwelveMonkeys imageio-jpeg 3.12.0 (Maven Central) takes 6.8 ms/frame and would add five jars
 * plus a JPEG reader registered globally with ImageIO; dcm4che is not on Maven Central and its
 * JPEG codecs are native. A 200-file series must load in 1.5 s on 2 threads, which leaves about
 * 3-5 ms per frame for decoding; this decoder takes about 1 ms (see {@code JpegLosslessBench}
 * in the tests): a 12-bit lookup table resolves the Huffman code and its extra bits together,
 * the bit buffer is a long, prediction reads the previous line straight from the output.
 *
 * <p>Supported: predictors 1-7, point transform, sample precision 2-16 bits, 1-4 components
 * (1x1 sampling, interleaved or one scan per component), DHT tables (redefinable between
 * scans), restart intervals of whole lines with RSTn markers, SSSS=16 differences (32768, no
 * extra bits), byte stuffing (FF 00) and fill bytes (FF before a marker). Not supported:
 * other SOF types (DCT, arithmetic coding, hierarchical), DNL (height 0 in SOF), sampling
 * factors other than 1x1 with more than one component, restart intervals that are not a
 * whole number of lines. Those throw {@link JpegDecodeException}.
 *
 * <p>Output samples are the P-bit unsigned values of the bitstream (shifted left by the point
 * transform); for signed DICOM data (Pixel Representation 1) with P &lt; 16 the caller
 * sign-extends from Bits Stored. Instances are not shared: the static methods are thread-safe.
 */
public final class JpegLosslessDecoder extends JpegSegments {

    /**
     * What the frame header (SOF3) and the first scan header (SOS) say.
     *
     * @param predictor selection value 1-7 of the first scan (0 would be "no prediction",
     *                  only allowed in hierarchical mode, and is rejected by {@code decode})
     * @param pointTransform Pt (Al) of the first scan
     */
    public record Header(int width, int height, int precision, int components, int predictor, int pointTransform) {}

    /** Bits of look-ahead in the Huffman fast table: 4096 entries, 16 KiB, stays in L1. */
    private static final int FAST_BITS = 12;
    /** Fast-table flag: the entry holds the whole difference value (code and extra bits). */
    private static final int FULL = 0x80;

    private static final int SOF3 = 0xC3, DHT = 0xC4, DAC = 0xCC, SOI = 0xD8, EOI = 0xD9, SOS = 0xDA,
            DQT = 0xDB, DNL = 0xDC, DRI = 0xDD, RST0 = 0xD0, TEM = 0x01;

    // --- input ---

    // --- bit reader: valid bits are the top `bitCount` bits of `bits` ---
    private long bits;
    private int bitCount;
    /** Zero bytes fed because the entropy-coded data ended (marker or end of input). */
    private int padBytes;

    // --- tables and frame ---
    private final HuffmanTable[] tables = new HuffmanTable[4];
    private int restartInterval;
    private int precision;

    private JpegLosslessDecoder(byte[] src, int off, int len) {
        super(src, off, len, "JPEG lossless");
    }

    /**
     * Reads the frame header and the first scan header, without decoding.
     *
     * @throws JpegDecodeException if the data is not a lossless (SOF3) JPEG or ends before the first SOS
     */
    public static Header readHeader(byte[] src, int off, int len) {
        JpegLosslessDecoder d = new JpegLosslessDecoder(src, off, len);
        d.expectSoi();
        while (true) {
            int marker = d.nextMarker();
            switch (marker) {
                case SOF3 -> d.readFrameHeader();
                case SOS -> {
                    if (d.componentIds == null) throw new JpegDecodeException("JPEG lossless: SOS before SOF3 frame header");
                    int segEnd = d.segmentEnd();
                    if (d.pos >= segEnd) throw new JpegDecodeException("JPEG lossless: SOS segment too short");
                    int ns = d.u8(d.pos);
                    int p = d.pos + 1 + 2 * ns;
                    if (p + 3 > segEnd) throw new JpegDecodeException("JPEG lossless: SOS segment too short");
                    return new Header(d.width, d.height, d.precision, d.components, d.u8(p), d.u8(p + 2) & 0x0F);
                }
                case EOI -> throw new JpegDecodeException("JPEG lossless: EOI before any scan");
                default -> d.otherMarker(marker);
            }
        }
    }

    /**
     * Decodes one frame into {@code dst}: row-major, {@code width*height} samples for one
     * component; for several components interleaved by pixel ({@code (y*width+x)*components+c},
     * like DICOM Planar Configuration 0). Every sample of {@code dst[0 .. width*height*components)}
     * is written, or the method throws.
     *
     * @throws JpegDecodeException if the data is malformed, truncated or unsupported
     * @throws IllegalArgumentException if {@code dst} is shorter than width*height*components
     */
    public static void decode(byte[] src, int off, int len, short[] dst) {
        new JpegLosslessDecoder(src, off, len).decodeFrame(dst, SOF3);
    }

    /** Convenience: decodes into a new array of exactly width*height*components samples. */
    public static short[] decode(byte[] src) {
        Header h = readHeader(src, 0, src.length);
        short[] dst = new short[Math.multiplyExact(Math.multiplyExact(h.width(), h.height()), h.components())];
        decode(src, 0, src.length, dst);
        return dst;
    }

    // ------------------------------------------------------------------ marker level

    @Override
    void otherMarker(int marker) {
        if (marker == DNL) throw new JpegDecodeException("JPEG lossless: DNL marker (number of lines after the scan) is not supported");
        if (marker >= 0xC0 && marker <= 0xCF && marker != DHT && marker != 0xC8 && marker != DAC) {
            throw new JpegDecodeException(String.format(
                    "JPEG lossless: unsupported SOF marker 0xFF%02X (%s; only SOF3 lossless supported)", marker, sofName(marker)));
        }
        if (marker >= RST0 && marker <= RST0 + 7) {
            throw new JpegDecodeException(String.format("JPEG lossless: unexpected RST%d marker at byte %d", marker - RST0, pos - 2 - start));
        }
        if (marker == SOI) throw new JpegDecodeException("JPEG lossless: second SOI marker at byte " + (pos - 2 - start));
        if (marker == TEM) return; // no length
        if (marker == DAC) throw new JpegDecodeException("JPEG lossless: arithmetic coding (DAC marker) is not supported");
        int segEnd = segmentEnd();
        switch (marker) {
            case DHT -> readHuffmanTables(segEnd);
            case DRI -> {
                if (segEnd - pos < 2) throw new JpegDecodeException("JPEG lossless: DRI segment too short");
                restartInterval = (u8(pos) << 8) | u8(pos + 1);
            }
            default -> { } // APPn, COM, DQT, JPGn and unknown segments carry nothing for us
        }
        pos = segEnd;
    }

    private static String sofName(int m) {
        return switch (m) {
            case 0xC0 -> "baseline DCT";
            case 0xC1 -> "extended sequential DCT";
            case 0xC2 -> "progressive DCT";
            case 0xC5, 0xC6, 0xC7 -> "hierarchical";
            case 0xC9, 0xCA -> "arithmetic-coded DCT";
            case 0xCB -> "arithmetic-coded lossless";
            default -> "hierarchical arithmetic-coded";
        };
    }

    @Override
    void readFrameHeader() {
        if (componentIds != null) throw new JpegDecodeException("JPEG lossless: more than one SOF3 frame header");
        int segEnd = segmentEnd();
        if (segEnd - pos < 6) throw new JpegDecodeException("JPEG lossless: SOF3 segment too short");
        precision = u8(pos);
        height = (u8(pos + 1) << 8) | u8(pos + 2);
        width = (u8(pos + 3) << 8) | u8(pos + 4);
        components = u8(pos + 5);
        if (precision < 2 || precision > 16) throw new JpegDecodeException("JPEG lossless: sample precision " + precision + " outside 2..16");
        if (height == 0) throw new JpegDecodeException("JPEG lossless: height 0 in SOF3 (lines defined by DNL) is not supported");
        if (width == 0) throw new JpegDecodeException("JPEG lossless: width 0 in SOF3");
        if (components < 1 || components > 4) throw new JpegDecodeException("JPEG lossless: " + components + " components (1..4 supported)");
        if (segEnd - pos < 6 + 3 * components) throw new JpegDecodeException("JPEG lossless: SOF3 segment too short for " + components + " components");
        componentIds = new int[components];
        componentDone = new boolean[components];
        for (int c = 0; c < components; c++) {
            int p = pos + 6 + 3 * c;
            componentIds[c] = u8(p);
            int sampling = u8(p + 1);
            if (components > 1 && sampling != 0x11) {
                throw new JpegDecodeException(String.format(
                        "JPEG lossless: component %d has sampling factors %dx%d (only 1x1 supported with several components)",
                        componentIds[c], sampling >> 4, sampling & 15));
            }
        }
        pos = segEnd;
    }

    private void readHuffmanTables(int segEnd) {
        while (pos < segEnd) {
            int tcth = u8(pos);
            int tc = tcth >> 4, th = tcth & 15;
            if (tc > 1 || th > 3) throw new JpegDecodeException(String.format("JPEG lossless: invalid DHT class/id 0x%02X", tcth));
            if (pos + 17 > segEnd) throw new JpegDecodeException("JPEG lossless: DHT segment too short");
            int[] counts = new int[17];
            int total = 0;
            for (int l = 1; l <= 16; l++) total += counts[l] = u8(pos + l);
            if (pos + 17 + total > segEnd) throw new JpegDecodeException("JPEG lossless: DHT table " + th + " declares " + total + " values, segment too short");
            if (tc == 0) tables[th] = new HuffmanTable(th, counts, src, pos + 17, total);
            // class 1 (AC) tables have no use in lossless coding: skipped
            pos += 17 + total;
        }
    }

    // ------------------------------------------------------------------ scan level

    @Override
    void readScan(short[] dst) {
        if (componentIds == null) throw new JpegDecodeException("JPEG lossless: SOS before SOF3 frame header");
        int segEnd = segmentEnd();
        if (pos >= segEnd) throw new JpegDecodeException("JPEG lossless: SOS segment too short");
        int ns = u8(pos);
        if (ns < 1 || ns > components || segEnd - pos < 4 + 2 * ns) {
            throw new JpegDecodeException("JPEG lossless: invalid SOS segment (" + ns + " components in scan, " + components + " in frame)");
        }
        int[] comp = new int[ns];
        HuffmanTable[] tab = new HuffmanTable[ns];
        for (int j = 0; j < ns; j++) {
            int id = u8(pos + 1 + 2 * j);
            int td = u8(pos + 2 + 2 * j) >> 4;
            int c = indexOfComponent(id);
            if (componentDone[c]) throw new JpegDecodeException("JPEG lossless: component " + id + " appears in two scans");
            if (td > 3 || tables[td] == null) throw new JpegDecodeException("JPEG lossless: scan uses undefined Huffman table " + td);
            comp[j] = c;
            tab[j] = tables[td];
        }
        int p = pos + 1 + 2 * ns;
        int predictor = u8(p);
        int pt = u8(p + 2) & 0x0F;
        pos = segEnd;
        if (predictor < 1 || predictor > 7) {
            throw new JpegDecodeException("JPEG lossless: predictor (selection value) " + predictor + " outside 1..7"
                    + (predictor == 0 ? " (0 is only allowed in hierarchical mode)" : ""));
        }
        if (pt >= precision) throw new JpegDecodeException("JPEG lossless: point transform " + pt + " not below precision " + precision);
        int rowsPerInterval = height;
        if (restartInterval > 0) {
            // Lossless restart intervals are counted in MCUs (one sample per component here);
            // T.81 resets prediction as for the first line, which is only defined at line starts.
            if (restartInterval % width != 0) {
                throw new JpegDecodeException("JPEG lossless: restart interval " + restartInterval
                        + " is not a whole number of lines (width " + width + ")");
            }
            rowsPerInterval = restartInterval / width;
        }

        bits = 0;
        bitCount = 0;
        padBytes = 0;
        int initial = 1 << (precision - pt - 1);
        int nextRst = 0;
        for (int y = 0; y < height; y++) {
            boolean firstLine = y % rowsPerInterval == 0;
            if (firstLine && y > 0) {
                restart(nextRst, y);
                nextRst = (nextRst + 1) & 7;
            }
            if (ns == 1) decodeRow(dst, y, comp[0], components, tab[0], predictor, firstLine, initial);
            else decodeRowInterleaved(dst, y, comp, tab, predictor, firstLine, initial);
        }
        checkNotPastEnd(height - 1);
        for (int c : comp) {
            componentDone[c] = true;
            if (pt > 0) {
                int n = width * height;
                for (int i = 0, k = c; i < n; i++, k += components) dst[k] = (short) ((dst[k] & 0xFFFF) << pt);
            }
        }
        // pos is at the marker after the scan; anything else before it (extra bytes, fill bytes) is skipped.
        while (pos < end && !(u8(pos) == 0xFF && pos + 1 < end && u8(pos + 1) != 0 && u8(pos + 1) != 0xFF)) pos++;
    }

    private int indexOfComponent(int id) {
        for (int c = 0; c < components; c++) if (componentIds[c] == id) return c;
        throw new JpegDecodeException("JPEG lossless: scan names component " + id + " not in the frame header");
    }

    /**
     * One line of a single-component scan. {@code stride} is the number of components in the
     * frame (samples of one component are {@code stride} apart in dst).
     */
    private void decodeRow(short[] dst, int y, int c, int stride, HuffmanTable t, int predictor, boolean firstLine, int initial) {
        final int w = width;
        final int rowStride = w * stride;
        int i = y * rowStride + c;
        final int rowEnd = i + rowStride;
        int ra;
        if (firstLine) {
            ra = (initial + decodeDifference(t)) & 0xFFFF;
            dst[i] = (short) ra;
            for (i += stride; i < rowEnd; i += stride) {
                ra = (ra + decodeDifference(t)) & 0xFFFF;
                dst[i] = (short) ra;
            }
            return;
        }
        int up = i - rowStride;
        int rb = dst[up] & 0xFFFF;
        ra = (rb + decodeDifference(t)) & 0xFFFF;
        dst[i] = (short) ra;
        int rc = rb;
        for (i += stride, up += stride; i < rowEnd; i += stride, up += stride) {
            rb = dst[up] & 0xFFFF;
            int px = switch (predictor) {
                case 1 -> ra;
                case 2 -> rb;
                case 3 -> rc;
                case 4 -> ra + rb - rc;
                case 5 -> ra + ((rb - rc) >> 1);
                case 6 -> rb + ((ra - rc) >> 1);
                default -> (ra + rb) >> 1;
            };
            ra = (px + decodeDifference(t)) & 0xFFFF;
            dst[i] = (short) ra;
            rc = rb;
        }
    }

    /** One line of an interleaved scan of several components (one sample of each per MCU). */
    private void decodeRowInterleaved(short[] dst, int y, int[] comp, HuffmanTable[] tab, int predictor, boolean firstLine, int initial) {
        final int stride = components;
        final int rowStride = width * stride;
        final int base = y * rowStride;
        final int ns = comp.length;
        for (int x = 0; x < width; x++) {
            int pixel = base + x * stride;
            for (int j = 0; j < ns; j++) {
                int i = pixel + comp[j];
                int px;
                if (firstLine) {
                    px = x == 0 ? initial : dst[i - stride] & 0xFFFF;
                } else if (x == 0) {
                    px = dst[i - rowStride] & 0xFFFF;
                } else {
                    int ra = dst[i - stride] & 0xFFFF, rb = dst[i - rowStride] & 0xFFFF, rc = dst[i - rowStride - stride] & 0xFFFF;
                    px = switch (predictor) {
                        case 1 -> ra;
                        case 2 -> rb;
                        case 3 -> rc;
                        case 4 -> ra + rb - rc;
                        case 5 -> ra + ((rb - rc) >> 1);
                        case 6 -> rb + ((ra - rc) >> 1);
                        default -> (ra + rb) >> 1;
                    };
                }
                dst[i] = (short) (px + decodeDifference(tab[j]));
            }
        }
    }

    // ------------------------------------------------------------------ entropy decoding

    /** Decodes one Huffman-coded difference (T.81 H.1.2.2, including SSSS=16 meaning 32768). */
    private int decodeDifference(HuffmanTable t) {
        if (bitCount < 32) refill();
        int e = t.fast[(int) (bits >>> (64 - FAST_BITS))];
        int n = e & 0x1F;
        if ((e & FULL) != 0) {
            bits <<= n;
            bitCount -= n;
            return e >> 8;
        }
        int ssss;
        if (e != 0) {
            ssss = e >>> 8;
        } else {
            ssss = slowSymbol(t);
            n = 0;
        }
        bits <<= n;
        bitCount -= n;
        if (ssss == 0) return 0;
        if (ssss == 16) return 32768;
        int v = (int) (bits >>> (64 - ssss));
        bits <<= ssss;
        bitCount -= ssss;
        return v < (1 << (ssss - 1)) ? v - (1 << ssss) + 1 : v;
    }

    /** Codes longer than the fast table: canonical decoding by length; consumes the code. */
    private int slowSymbol(HuffmanTable t) {
        for (int l = FAST_BITS + 1; l <= 16; l++) {
            int code = (int) (bits >>> (64 - l));
            if (code <= t.maxCode[l]) {
                bits <<= l;
                bitCount -= l;
                return t.values[t.valPtr[l] + code - t.minCode[l]];
            }
        }
        throw new JpegDecodeException("JPEG lossless: invalid Huffman code (table " + t.id + ") near byte " + bytePosition()
                + (padBytes > 0 ? " (entropy-coded data ended at byte " + (pos - start) + ")" : ""));
    }

    /** Tops the bit buffer up to at least 57 bits; past the end of the segment it feeds zero bytes and counts them. */
    private void refill() {
        while (bitCount <= 56) {
            int b = 0;
            if (pos < end) {
                b = src[pos] & 0xFF;
                if (b != 0xFF) {
                    pos++;
                } else {
                    int next = pos + 1 < end ? src[pos + 1] & 0xFF : -1;
                    if (next == 0x00) {
                        pos += 2; // stuffed 0xFF
                    } else if (next == 0xFF) {
                        pos++; // fill byte before a marker
                        continue;
                    } else {
                        b = 0; // marker (or a lone 0xFF at the end): the segment ends here; pos stays at the marker
                        padBytes++;
                    }
                }
            } else {
                padBytes++;
            }
            bits |= (long) b << (56 - bitCount);
            bitCount += 8;
        }
    }

    /** Throws if decoding consumed bits that were not in the data (zero bytes fed past the end). */
    private void checkNotPastEnd(int row) {
        if (bitCount < padBytes * 8) {
            if (pos + 1 < end) { // refill stops at a marker and leaves pos on it
                int m = u8(pos + 1);
                throw new JpegDecodeException(String.format(
                        "JPEG lossless: entropy-coded data ends early at marker 0xFF%02X at byte %d (decoding line %d of %d)",
                        m, pos - start, row + 1, height));
            }
            throw new JpegDecodeException("JPEG lossless: truncated entropy-coded data at byte " + (end - start)
                    + " (decoding line " + (row + 1) + " of " + height + ")");
        }
    }

    /** Between restart intervals: checks the interval was complete, then expects RSTn and resets the bit reader. */
    private void restart(int expected, int y) {
        checkNotPastEnd(y - 1);
        bits = 0;
        bitCount = 0;
        padBytes = 0;
        while (pos + 1 < end && u8(pos) == 0xFF && u8(pos + 1) == 0xFF) pos++; // fill bytes
        if (pos + 1 >= end) {
            throw new JpegDecodeException("JPEG lossless: truncated entropy-coded data at byte " + (end - start)
                    + " (expected RST" + expected + " before line " + (y + 1) + " of " + height + ")");
        }
        int m = u8(pos + 1);
        if (u8(pos) != 0xFF || m != RST0 + expected) {
            throw new JpegDecodeException(String.format("JPEG lossless: expected RST%d marker at byte %d before line %d, found 0x%02X%02X",
                    expected, pos - start, y + 1, u8(pos), m));
        }
        pos += 2;
    }

    private int bytePosition() {
        return Math.max(0, pos - start - (bitCount + 7) / 8 + padBytes);
    }

    // ------------------------------------------------------------------ Huffman tables

    /** A DC-class Huffman table in canonical form with a 12-bit lookup table that also resolves the extra bits. */
    private static final class HuffmanTable {
        final int id;
        final int[] fast = new int[1 << FAST_BITS];
        final int[] maxCode = new int[17];
        final int[] minCode = new int[17];
        final int[] valPtr = new int[17];
        final int[] values;

        HuffmanTable(int id, int[] counts, byte[] src, int valuesAt, int total) {
            this.id = id;
            values = new int[total];
            for (int k = 0; k < total; k++) {
                values[k] = src[valuesAt + k] & 0xFF;
                if (values[k] > 16) {
                    throw new JpegDecodeException("JPEG lossless: Huffman table " + id + " has difference category " + values[k] + " (max 16)");
                }
            }
            int code = 0, k = 0;
            for (int l = 1; l <= 16; l++) {
                valPtr[l] = k;
                minCode[l] = code;
                for (int n = 0; n < counts[l]; n++, k++, code++) {
                    if (code >= (1 << l)) throw new JpegDecodeException("JPEG lossless: Huffman table " + id + " is invalid (too many codes of length " + l + ")");
                    if (l <= FAST_BITS) fillFast(code, l, values[k]);
                }
                maxCode[l] = counts[l] == 0 ? -1 : code - 1;
                code <<= 1;
            }
        }

        private void fillFast(int code, int len, int ssss) {
            int shift = FAST_BITS - len;
            int base = code << shift;
            for (int r = 0; r < (1 << shift); r++) {
                int entry;
                if (ssss == 0) {
                    entry = FULL | len;
                } else if (ssss == 16) {
                    entry = (32768 << 8) | FULL | len;
                } else if (len + ssss <= FAST_BITS) {
                    int v = (r >> (shift - ssss)) & ((1 << ssss) - 1);
                    if (v < (1 << (ssss - 1))) v += 1 - (1 << ssss);
                    entry = (v << 8) | FULL | (len + ssss);
                } else {
                    entry = (ssss << 8) | len;
                }
                fast[base | r] = entry;
            }
        }
    }
}
