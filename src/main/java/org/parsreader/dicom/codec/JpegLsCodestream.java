package org.parsreader.dicom.codec;

/**
 * The structure of a JPEG-LS codestream (T.87 annex C), apart from the entropy-coded data: the
 * marker loop from SOI to EOI and the segments it reads and checks, the SOF55 frame header, LSE
 * preset coding parameters (the mapping tables and oversize dimensions of LSE types 2-4 are
 * refused), the SOS scan header, DRI, and APPn/COM segments skipped (except CharLS's APP8
 * colour transform, which is refused). Every error here is a {@link JpegDecodeException} naming
 * the byte and what was found.
 *
 * <p>Why a superclass and not a helper object: {@link JpegLsDecoder}'s hot loop reads {@code pos},
 * {@code end} and {@code src} as fields of {@code this} and writes {@code pos} back; inheriting
 * them (as from {@link JpegSegments}) keeps that loop exactly as it was, with no extra
 * indirection. The decoder gets each scan through {@link #decodeScan} once its header has been
 * checked, and reads the frame and preset fields below.
 */
abstract class JpegLsCodestream extends JpegSegments {

    private static final int SOF55 = 0xF7, LSE = 0xF8, SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, DRI = 0xDD, DNL = 0xDC,
            TEM = 0x01, APP8 = 0xE8;
    /** RST0; the decoder expects RSTm between restart intervals. */
    static final int RST0 = 0xD0;

    // --- frame (SOF55), set once ---
    int precision;
    /** Lines per restart interval (DRI), 0 = none. */
    int restartInterval;
    // LSE preset parameters, 0 = default
    int presetMaxVal;
    int presetT1;
    int presetT2;
    int presetT3;
    int presetReset;

    JpegLsCodestream(byte[] src, int off, int len) {
        super(src, off, len, "JPEG-LS");
    }

    /**
     * Decodes the entropy-coded data of one scan, starting at {@code pos}, into {@code dst};
     * returns with {@code pos} at or before the marker that follows it.
     *
     * @param comp frame indexes of the scan's components, in scan order (checked: distinct, not in an earlier scan)
     * @param near NEAR of the scan (not yet checked against MAXVAL)
     * @param interleave ILV of the scan: 0 (one component), 1 line or 2 sample
     */
    abstract void decodeScan(short[] dst, int[] comp, int near, int interleave);

    /** Reads the frame header and the first scan header, without decoding (see {@link JpegLsDecoder#readHeader}). */
    final JpegLsDecoder.Header readFirstHeader() {
        expectSoi();
        while (true) {
            int marker = nextMarker();
            switch (marker) {
                case SOF55 -> readFrameHeader();
                case SOS -> {
                    if (componentIds == null) throw new JpegDecodeException("JPEG-LS: SOS before SOF55 frame header");
                    int segEnd = segmentEnd();
                    if (segEnd - pos < 1) throw new JpegDecodeException("JPEG-LS: SOS segment too short");
                    int ns = u8(pos);
                    int p = pos + 1 + 2 * ns;
                    if (p + 3 > segEnd) throw new JpegDecodeException("JPEG-LS: SOS segment too short");
                    return new JpegLsDecoder.Header(width, height, precision, components, u8(p), u8(p + 1));
                }
                case EOI -> throw new JpegDecodeException("JPEG-LS: EOI before any scan");
                default -> otherMarker(marker);
            }
        }
    }

    /** Reads the whole codestream, SOI to EOI (or the end of the data), each scan through {@link #decodeScan}. */
    final void decodeFrame(short[] dst) {
        decodeFrame(dst, SOF55);
    }

    @Override
    void otherMarker(int marker) {
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            throw new JpegDecodeException(String.format(
                    "JPEG-LS: unexpected SOF marker 0xFF%02X (not a JPEG-LS frame; JPEG-LS uses SOF55 0xFFF7)", marker));
        }
        if (marker >= RST0 && marker <= RST0 + 7) {
            throw new JpegDecodeException(String.format("JPEG-LS: unexpected RST%d marker at byte %d", marker - RST0, pos - 2 - start));
        }
        if (marker == SOI) throw new JpegDecodeException("JPEG-LS: second SOI marker at byte " + (pos - 2 - start));
        if (marker == DNL) throw new JpegDecodeException("JPEG-LS: DNL marker (number of lines after the scan) is not supported");
        if (marker == TEM) return; // no length
        int segEnd = segmentEnd();
        switch (marker) {
            case LSE -> readPresetParameters(segEnd);
            case DRI -> {
                int n = segEnd - pos;
                if (n < 2 || n > 4) throw new JpegDecodeException("JPEG-LS: DRI segment of " + n + " bytes (2 to 4 expected)");
                long ri = 0;
                for (int i = 0; i < n; i++) ri = (ri << 8) | u8(pos + i);
                if (ri > Integer.MAX_VALUE) throw new JpegDecodeException("JPEG-LS: restart interval " + ri + " too large");
                restartInterval = (int) ri;
            }
            case APP8 -> {
                // CharLS writes "mrfx" + transform id for its HP colour transforms; 0 means none
                if (segEnd - pos >= 5 && u8(pos) == 'm' && u8(pos + 1) == 'r' && u8(pos + 2) == 'f' && u8(pos + 3) == 'x'
                        && u8(pos + 4) != 0) {
                    throw new JpegDecodeException("JPEG-LS: HP colour transform " + u8(pos + 4) + " (APP8 mrfx) is not supported");
                }
            }
            default -> { } // APPn, COM and unknown segments carry nothing for us
        }
        pos = segEnd;
    }

    @Override
    void readFrameHeader() {
        if (componentIds != null) throw new JpegDecodeException("JPEG-LS: more than one SOF55 frame header");
        int segEnd = segmentEnd();
        if (segEnd - pos < 6) throw new JpegDecodeException("JPEG-LS: SOF55 segment too short");
        precision = u8(pos);
        height = (u8(pos + 1) << 8) | u8(pos + 2);
        width = (u8(pos + 3) << 8) | u8(pos + 4);
        components = u8(pos + 5);
        if (precision < 2 || precision > 16) throw new JpegDecodeException("JPEG-LS: sample precision " + precision + " outside 2..16");
        if (height == 0) throw new JpegDecodeException("JPEG-LS: height 0 in SOF55 (lines defined later) is not supported");
        if (width == 0) throw new JpegDecodeException("JPEG-LS: width 0 in SOF55 (oversize dimensions in LSE) is not supported");
        if (components < 1 || components > 4) throw new JpegDecodeException("JPEG-LS: " + components + " components (1..4 supported)");
        if (segEnd - pos < 6 + 3 * components) throw new JpegDecodeException("JPEG-LS: SOF55 segment too short for " + components + " components");
        componentIds = new int[components];
        componentDone = new boolean[components];
        for (int c = 0; c < components; c++) {
            int p = pos + 6 + 3 * c;
            componentIds[c] = u8(p);
            for (int e = 0; e < c; e++) {
                if (componentIds[e] == componentIds[c]) throw new JpegDecodeException("JPEG-LS: component id " + componentIds[c] + " appears twice in SOF55");
            }
            int sampling = u8(p + 1);
            if (sampling != 0x11) {
                throw new JpegDecodeException(String.format("JPEG-LS: component %d has sampling factors %dx%d (only 1x1 supported)",
                        componentIds[c], sampling >> 4, sampling & 15));
            }
        }
        pos = segEnd;
    }

    private void readPresetParameters(int segEnd) {
        if (segEnd - pos < 1) throw new JpegDecodeException("JPEG-LS: empty LSE segment");
        int id = u8(pos);
        if (id != 1) {
            throw new JpegDecodeException("JPEG-LS: LSE preset parameters of type " + id
                    + (id == 2 || id == 3 ? " (mapping table)" : id == 4 ? " (oversize image dimensions)" : "")
                    + " are not supported (only type 1, coding parameters)");
        }
        if (segEnd - pos < 11) throw new JpegDecodeException("JPEG-LS: LSE segment too short for coding parameters");
        presetMaxVal = u16(pos + 1);
        presetT1 = u16(pos + 3);
        presetT2 = u16(pos + 5);
        presetT3 = u16(pos + 7);
        presetReset = u16(pos + 9);
    }

    /** SOS: checks the scan header, has the scan decoded, then moves pos to the next marker. */
    @Override
    void readScan(short[] dst) {
        if (componentIds == null) throw new JpegDecodeException("JPEG-LS: SOS before SOF55 frame header");
        int segEnd = segmentEnd();
        int ns = segEnd - pos < 1 ? 0 : u8(pos);
        if (ns < 1 || ns > components || segEnd - pos < 4 + 2 * ns) {
            throw new JpegDecodeException("JPEG-LS: invalid SOS segment (" + ns + " components in scan, " + components + " in frame)");
        }
        int[] comp = new int[ns];
        for (int j = 0; j < ns; j++) {
            int id = u8(pos + 1 + 2 * j);
            int c = indexOfComponent(id);
            if (componentDone[c]) throw new JpegDecodeException("JPEG-LS: component " + id + " appears in two scans");
            for (int e = 0; e < j; e++) if (comp[e] == c) throw new JpegDecodeException("JPEG-LS: component " + id + " appears twice in one scan");
            if (u8(pos + 2 + 2 * j) != 0) {
                throw new JpegDecodeException("JPEG-LS: scan uses mapping table " + u8(pos + 2 + 2 * j) + " (not supported)");
            }
            comp[j] = c;
        }
        int p = pos + 1 + 2 * ns;
        int nearValue = u8(p);
        int ilv = u8(p + 1);
        int pt = u8(p + 2) & 0x0F;
        pos = segEnd;
        if (ilv > 2) throw new JpegDecodeException("JPEG-LS: interleave mode " + ilv + " (0, 1 or 2 expected)");
        if (ns > 1 && ilv == 0) throw new JpegDecodeException("JPEG-LS: " + ns + " components in a scan with interleave mode 0 (none)");
        if (pt != 0) throw new JpegDecodeException("JPEG-LS: point transform " + pt + " is not supported");
        decodeScan(dst, comp, nearValue, ilv);
        for (int c : comp) componentDone[c] = true;
        // pos is at (or before) the marker after the scan: skip the padding up to it
        while (pos < end && !(u8(pos) == 0xFF && pos + 1 < end && u8(pos + 1) >= 0x80)) pos++;
    }

    private int indexOfComponent(int id) {
        for (int c = 0; c < components; c++) if (componentIds[c] == id) return c;
        throw new JpegDecodeException("JPEG-LS: scan names component " + id + " not in the frame header");
    }

    private int u16(int i) {
        return (u8(i) << 8) | u8(i + 1);
    }
}
