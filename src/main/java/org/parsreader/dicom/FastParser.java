package org.parsreader.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A narrow, fast header parser for the common case: a Part 10 data set in explicit or implicit
 * VR little endian, classic (not enhanced) objects, ASCII, Latin-1 or UTF-8 text, read from a
 * buffer holding the file's head, stopping at Pixel Data. It returns null for anything else,
 * and the caller reads the file with PixelMed instead.
 *
 * <p>Hand-written because PixelMed builds its full dictionary on first use (about 150 ms
 * here) and an object per attribute, with a DecimalFormat for each DS and IS value (25-50 us
 * per CT header warm, against about 5 us here), which made the study index slower than a raw
 * read of the files. {@code FastParserTest} checks it against PixelMed on every test file.
 */
final class FastParser {
    /** What the fast path found: the top-level data set and where Pixel Data starts (-1: none). */
    record Result(FastHeader header, long pixelElementStart, int pixelTag) {}

    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final int UNDEFINED = -1;
    private static final int MAX_DEPTH = 8;

    private final byte[] buf;
    private final int limit;
    private final boolean explicit;
    private final boolean wholeFile;
    private Charset charset = StandardCharsets.ISO_8859_1;
    private long pixelStart = -1;
    private int pixelTag;

    private FastParser(byte[] buf, int limit, boolean explicit, boolean wholeFile) {
        this.buf = buf;
        this.limit = limit;
        this.explicit = explicit;
        this.wholeFile = wholeFile;
    }

    /** Thrown inside the parser when the fast path must give up; never escapes. */
    private static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    /**
     * @param buf       the file's first bytes
     * @param start     offset of the data set (after the meta header)
     * @param explicit  explicit VR (every transfer syntax but implicit VR little endian)
     * @param wholeFile whether {@code buf} holds the whole file
     * @return the parsed header, or null when the fast path does not apply
     */
    static Result parse(byte[] buf, int start, boolean explicit, boolean wholeFile) {
        FastParser p = new FastParser(buf, buf.length, explicit, wholeFile);
        try {
            FastHeader root = new FastHeader(buf, StandardCharsets.ISO_8859_1);
            int end = p.parseDataSet(root, start, buf.length, true, 0);
            if (p.pixelStart < 0 && end < buf.length && !wholeFile) return null;
            return new Result(root, p.pixelStart, p.pixelTag);
        } catch (GiveUp e) {
            return null;
        }
    }

    /** Parses elements from {@code pos} until {@code end} (or an item delimiter when end is -1); returns where it stopped. */
    private int parseDataSet(FastHeader ds, int pos, int end, boolean top, int depth) throws GiveUp {
        if (depth > MAX_DEPTH) throw new GiveUp();
        int stop = end == UNDEFINED ? limit : end;
        while (pos < stop) {
            if (pos + 8 > limit) {
                if (top && wholeFile) return pos;
                throw new GiveUp();
            }
            int tag = u16(pos) << 16 | u16(pos + 2);
            if (tag == ITEM_END) {
                if (end != UNDEFINED) throw new GiveUp();
                return pos + 8;
            }
            if (top && (tag == Tags.PixelData || tag == Tags.FloatPixelData || tag == 0x7FE00009)) {
                pixelStart = pos;
                pixelTag = tag;
                return pos;
            }
            if (top && tag == Tags.PerFrameFunctionalGroupsSequence) throw new GiveUp(); // enhanced: PixelMed
            int vr = 0;
            int len;
            int valueStart;
            if (explicit) {
                int c1 = buf[pos + 4];
                int c2 = buf[pos + 5];
                if (c1 < 'A' || c1 > 'Z' || c2 < 'A' || c2 > 'Z') throw new GiveUp();
                vr = c1 << 8 | c2;
                if (longVr(vr)) {
                    if (pos + 12 > limit) throw new GiveUp();
                    len = s32(pos + 8);
                    valueStart = pos + 12;
                } else {
                    len = u16(pos + 6);
                    valueStart = pos + 8;
                }
            } else {
                len = s32(pos + 4);
                valueStart = pos + 8;
            }
            boolean sequence = vr == FastHeader.vr("SQ") || !explicit && (len == UNDEFINED || isKnownSequence(tag));
            if (sequence) {
                List<FastHeader> items = new ArrayList<>();
                pos = parseSequence(items, valueStart, len, depth);
                ds.putSequence(tag, items);
                continue;
            }
            if (len == UNDEFINED || len < 0) throw new GiveUp(); // UN or OB of undefined length outside pixel data
            if (valueStart + (long) len > limit) throw new GiveUp();
            if (tag == 0x00080005) {
                charset = charsetOf(new String(buf, valueStart, len, StandardCharsets.US_ASCII).trim());
                ds.charset(charset);
            }
            ds.put(tag, valueStart, len, vr);
            pos = valueStart + len;
        }
        return pos;
    }

    private int parseSequence(List<FastHeader> items, int pos, int len, int depth) throws GiveUp {
        int end = len == UNDEFINED ? UNDEFINED : pos + len;
        if (end != UNDEFINED && end > limit) throw new GiveUp();
        while (end == UNDEFINED || pos < end) {
            if (pos + 8 > limit) throw new GiveUp();
            int tag = u16(pos) << 16 | u16(pos + 2);
            int itemLen = s32(pos + 4);
            if (tag == SEQUENCE_END) {
                if (end != UNDEFINED) throw new GiveUp();
                return pos + 8;
            }
            if (tag != ITEM) throw new GiveUp();
            FastHeader item = new FastHeader(buf, charset);
            int itemEnd = itemLen == UNDEFINED ? UNDEFINED : pos + 8 + itemLen;
            pos = parseDataSet(item, pos + 8, itemEnd, false, depth + 1);
            if (itemEnd != UNDEFINED && pos != itemEnd) throw new GiveUp();
            items.add(item);
        }
        return pos;
    }

    /** In implicit VR, sequences of defined length are known only by their tag. */
    private static boolean isKnownSequence(int tag) {
        return tag == Tags.SharedFunctionalGroupsSequence || tag == Tags.PlanePositionSequence
                || tag == Tags.PlaneOrientationSequence || tag == Tags.PixelMeasuresSequence
                || tag == Tags.PixelValueTransformationSequence || tag == Tags.MRTimingAndRelatedParametersSequence
                || tag == Tags.MREchoSequence || tag == Tags.MRModifierSequence || tag == Tags.CTExposureSequence
                || tag == Tags.ContentSequence || tag == Tags.ConceptNameCodeSequence || tag == Tags.MeasuredValueSequence
                || tag == Tags.DirectoryRecordSequence;
    }

    private static boolean longVr(int vr) {
        return switch (vr) {
            case ('O' << 8 | 'B'), ('O' << 8 | 'D'), ('O' << 8 | 'F'), ('O' << 8 | 'L'), ('O' << 8 | 'V'), ('O' << 8 | 'W'),
                 ('S' << 8 | 'Q'), ('S' << 8 | 'V'), ('U' << 8 | 'C'), ('U' << 8 | 'N'), ('U' << 8 | 'R'), ('U' << 8 | 'T'),
                 ('U' << 8 | 'V') -> true;
            default -> false;
        };
    }

    private static Charset charsetOf(String specificCharacterSet) throws GiveUp {
        return switch (specificCharacterSet) {
            case "", "ISO_IR 6", "ISO_IR 100" -> StandardCharsets.ISO_8859_1;
            case "ISO_IR 192" -> StandardCharsets.UTF_8;
            default -> throw new GiveUp(); // other character sets: PixelMed decodes them
        };
    }

    private int u16(int o) {
        return (buf[o] & 0xFF) | (buf[o + 1] & 0xFF) << 8;
    }

    private int s32(int o) {
        return (buf[o] & 0xFF) | (buf[o + 1] & 0xFF) << 8 | (buf[o + 2] & 0xFF) << 16 | (buf[o + 3] & 0xFF) << 24;
    }
}
