package org.parsreader.dicom.codec;

/**
 * The marker layer that JPEG lossless (T.81) and JPEG-LS (T.87, which reuses T.81's syntax)
 * share: the data bounds, SOI, markers with their fill bytes, and marker segment lengths, each
 * refused with the codec's name, the byte and what was found, and the frame loop from SOI to EOI
 * with its checks ({@link #decodeFrame}). The decoders add their frame headers, tables and scans.
 */
abstract class JpegSegments {
    private static final int SOI = 0xD8, EOI = 0xD9, SOS = 0xDA;

    final byte[] src;
    final int start;
    final int end;
    int pos;
    /** "JPEG lossless" or "JPEG-LS": how messages name the codec. */
    private final String codec;

    // the frame, as its header (SOF3, SOF55) set it, once
    int width;
    int height;
    int components;
    int[] componentIds;
    /** Which components a scan has decoded. */
    boolean[] componentDone;

    JpegSegments(byte[] src, int off, int len, String codec) {
        if (src == null) throw new NullPointerException("src");
        if (off < 0 || len < 0 || off > src.length - len) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + " outside byte[" + src.length + "]");
        }
        this.src = src;
        this.start = off;
        this.end = off + len;
        this.pos = off;
        this.codec = codec;
    }

    final void expectSoi() {
        if (end - start < 2 || u8(start) != 0xFF || u8(start + 1) != SOI) {
            throw new JpegDecodeException(end - start < 2 ? codec + ": empty data (" + (end - start) + " bytes)"
                    : String.format("%s: data does not start with SOI (found 0x%02X%02X)", codec, u8(start), u8(start + 1)));
        }
        pos = start + 2;
    }

    /** Next marker code at pos, skipping fill bytes (0xFF); pos ends after the marker. */
    final int nextMarker() {
        if (pos >= end || u8(pos) != 0xFF) {
            throw new JpegDecodeException(pos >= end ? codec + ": truncated, data ends at byte " + (pos - start) + " where a marker was expected"
                    : String.format("%s: expected a marker at byte %d, found 0x%02X", codec, pos - start, u8(pos)));
        }
        while (pos < end && u8(pos) == 0xFF) pos++;
        if (pos >= end) throw new JpegDecodeException(codec + ": truncated, data ends inside a marker at byte " + (pos - start));
        int m = u8(pos++);
        if (m == 0) throw new JpegDecodeException(codec + ": invalid marker 0xFF00 at byte " + (pos - 2 - start));
        return m;
    }

    /** Segment length field at pos; returns the index just after the segment and advances pos past the length. */
    final int segmentEnd() {
        if (pos + 2 > end) throw new JpegDecodeException(codec + ": truncated marker segment at byte " + (pos - start));
        int len = (u8(pos) << 8) | u8(pos + 1);
        if (len < 2 || pos + len > end) {
            throw new JpegDecodeException(codec + ": marker segment at byte " + (pos - 2 - start) + " has length " + len
                    + (len < 2 ? "" : " but only " + (end - pos) + " bytes remain"));
        }
        int segEnd = pos + len;
        pos += 2;
        return segEnd;
    }

    final int u8(int i) {
        return src[i] & 0xFF;
    }

    /** Reads the frame header at pos (after the SOF marker) and sets the frame fields. */
    abstract void readFrameHeader();

    /** Reads one scan, its header at pos (after SOS), into {@code dst}; marks its components done. */
    abstract void readScan(short[] dst);

    /** Any other marker: a table or segment the codec reads or skips, or a refusal. */
    abstract void otherMarker(int marker);

    /**
     * Reads the codestream from SOI to EOI, each scan into {@code dst}: the frame loop both codecs
     * share (T.87 reuses T.81's syntax); {@code sof} is the codec's frame marker (SOF3, SOF55).
     * Every component must have had a scan.
     */
    final void decodeFrame(short[] dst, int sof) {
        expectSoi();
        boolean sawScan = false;
        while (true) {
            int marker = pos >= end ? -1 : nextMarker();
            if (marker == -1) {
                // DICOM fragments are sometimes cut right after the last scan (no EOI); that
                // is fine as long as every component was fully decoded (checked below).
                if (!sawScan) throw new JpegDecodeException(codec + ": data ends at byte " + (end - start) + " before any scan");
                break;
            } else if (marker == sof) {
                readFrameHeader();
                long n = (long) width * height * components;
                if (dst.length < n) {
                    throw new IllegalArgumentException("dst holds " + dst.length + " samples, frame needs "
                            + width + "x" + height + "x" + components + " = " + n);
                }
            } else if (marker == SOS) {
                readScan(dst);
                sawScan = true;
            } else if (marker == EOI) {
                if (!sawScan) throw new JpegDecodeException(codec + ": EOI before any scan");
                break;
            } else {
                otherMarker(marker);
            }
        }
        for (int c = 0; c < components; c++) {
            if (!componentDone[c]) {
                throw new JpegDecodeException(codec + ": no scan for component " + componentIds[c] + " (data ended at byte " + (pos - start) + ")");
            }
        }
    }
}
