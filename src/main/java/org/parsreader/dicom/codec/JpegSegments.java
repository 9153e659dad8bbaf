package org.parsreader.dicom.codec;

/**
 * The marker layer that JPEG lossless (T.81) and JPEG-LS (T.87, which reuses T.81's syntax)
 * share: the data bounds, SOI, markers with their fill bytes, and marker segment lengths, each
 * refused with the codec's name, the byte and what was found. The decoders add their frames,
 * tables and scans.
 */
abstract class JpegSegments {
    private static final int SOI = 0xD8;

    final byte[] src;
    final int start;
    final int end;
    int pos;
    /** "JPEG lossless" or "JPEG-LS": how messages name the codec. */
    private final String codec;

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
}
