package org.parsreader.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Walks the element headers of a file's data set up to Pixel Data, reading no values, and
 * refuses the file when an element's length runs past the end of the file or the file ends
 * inside an element: the checks PixelMed does not make before it allocates (a 9.7 KB file
 * whose PatientName claims 0xFFFFFFF0 bytes cost 2 GB) or that it answers with a partial list
 * (a truncated header read as a "non-image object").
 *
 * <p>Hand-written: it must run before any DICOM library touches the file, and it is a loop
 * over 8- or 12-byte element headers. Sequences are descended (defined and undefined length),
 * nested at most {@value #MAX_DEPTH} deep. Values of implicit VR that begin with an item tag
 * are walked as sequences, since the implicit encoding does not say which values are.
 * Deflated data sets are not walked (the bytes on disk are not the data set).
 */
final class ElementBounds {
    private static final int MAX_DEPTH = 32;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final Path file;
    private final FileChannel ch;
    private final long size;
    private final boolean explicit;
    private final boolean bigEndian;
    private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    /** File offset of buf's first byte; buf holds [bufStart, bufStart + buf.limit()). */
    private long bufStart = -1;

    private ElementBounds(Path file, FileChannel ch, long size, String ts) {
        this.file = file;
        this.ch = ch;
        this.size = size;
        this.explicit = !TransferSyntaxes.IMPLICIT_LE.equals(ts);
        this.bigEndian = TransferSyntaxes.EXPLICIT_BE.equals(ts);
    }

    /**
     * Checks the data set of {@code file} starting at {@code start} (the meta header's group
     * 0002, if any, is read as explicit VR little endian whatever {@code ts} says).
     *
     * @throws DicomReadException naming the element, its offset and the lengths when the
     *         file is truncated or an element claims more bytes than the file has
     */
    static void check(Path file, long start, String ts) throws IOException {
        if (TransferSyntaxes.isDeflated(ts)) return;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ElementBounds b = new ElementBounds(file, ch, ch.size(), ts);
            b.dataSet(start, -1, 0, b.explicit);
        }
    }

    /** Walks elements from {@code pos} to {@code end} (-1: to the end of the file at the top, or to an item delimiter); returns where it stopped. */
    private long dataSet(long pos, long end, int depth, boolean explicit) throws IOException {
        boolean top = depth == 0;
        while (end < 0 || pos < end) {
            if (top && pos == size) return pos;
            if (pos + 8 > size) throw truncated(pos, "an element header");
            boolean meta = top && group(pos, false) == 0x0002;
            boolean be = bigEndian && !meta;
            int tag = tag(pos, be);
            if (tag == ITEM_END) {
                if (top) throw damaged(pos, "an item delimiter where no item is open");
                return pos + 8; // ends an item of undefined length (tolerated in one of defined length, as readers do)
            }
            if (tag == ITEM || tag == SEQUENCE_END) throw damaged(pos, String.format("an item tag (%s) outside a sequence", tagName(tag)));
            long len;
            long valueStart;
            String vr = null;
            if (explicit || meta) {
                int c1 = byteAt(pos + 4);
                int c2 = byteAt(pos + 5);
                if (c1 < 'A' || c1 > 'Z' || c2 < 'A' || c2 > 'Z') {
                    throw damaged(pos, String.format("element %s has no value representation (bytes %02X %02X where explicit VR "
                            + "letters belong; implicit VR data under an explicit VR transfer syntax?)", tagName(tag), c1, c2));
                }
                vr = "" + (char) c1 + (char) c2;
                if (longVr(vr)) {
                    if (pos + 12 > size) throw truncated(pos, "the header of element " + tagName(tag));
                    len = u32(pos + 8, be);
                    valueStart = pos + 12;
                } else {
                    len = u16(pos + 6, be);
                    valueStart = pos + 8;
                }
            } else {
                len = u32(pos + 4, false);
                valueStart = pos + 8;
            }
            if (top && (tag == Tags.PixelData || tag == Tags.FloatPixelData || tag == 0x7FE00009)) {
                if (len != UNDEFINED && valueStart + len > size) {
                    throw new DicomReadException(file, String.format(Locale.ROOT,
                            "truncated: Pixel Data declares %d bytes but the file ends %d bytes after its start", len, size - valueStart));
                }
                return pos;
            }
            if (len == UNDEFINED) {
                if (vr != null && !vr.equals("SQ") && !vr.equals("UN")) {
                    throw damaged(pos, "element " + tagName(tag) + " (" + vr + ") has an undefined length, which only a sequence may have");
                }
                // UN of undefined length holds an implicit VR little endian sequence (PS3.5 6.2.2)
                pos = sequence(valueStart, -1, depth + 1, tag, explicit && !"UN".equals(vr));
                continue;
            }
            if (valueStart + len > size) {
                throw new DicomReadException(file, String.format(Locale.ROOT,
                        "truncated or damaged: element %s at byte %d declares %d bytes but the file ends %d bytes after its value starts",
                        tagName(tag), pos, len, size - valueStart));
            }
            if (end >= 0 && valueStart + len > end) {
                throw damaged(pos, String.format(Locale.ROOT, "element %s declares %d bytes, past the end of the item that holds it (byte %d)",
                        tagName(tag), len, end));
            }
            boolean sq = "SQ".equals(vr) || (!explicit && !meta && len >= 8 && tag(valueStart, false) == ITEM);
            if (sq && len > 0) sequence(valueStart, valueStart + len, depth + 1, tag, explicit);
            pos = valueStart + len;
        }
        return pos;
    }

    /** Walks the items of a sequence from {@code pos} to {@code end} (-1: to the sequence delimiter); returns where it ended. */
    private long sequence(long pos, long end, int depth, int sequenceTag, boolean explicit) throws IOException {
        if (depth > MAX_DEPTH) throw damaged(pos, "sequences nested more than " + MAX_DEPTH + " deep");
        while (end < 0 || pos < end) {
            if (pos + 8 > size) throw truncated(pos, "sequence " + tagName(sequenceTag));
            int tag = tag(pos, bigEndian);
            long len = u32(pos + 4, bigEndian);
            if (tag == SEQUENCE_END) {
                if (end >= 0) throw damaged(pos, "a sequence delimiter in sequence " + tagName(sequenceTag) + " of defined length");
                return pos + 8;
            }
            if (tag != ITEM) throw damaged(pos, String.format("%s where an item of sequence %s belongs", tagName(tag), tagName(sequenceTag)));
            long itemStart = pos + 8;
            if (len == UNDEFINED) {
                pos = dataSet(itemStart, -1, depth, explicit);
            } else {
                if (itemStart + len > size) {
                    throw new DicomReadException(file, String.format(Locale.ROOT,
                            "truncated or damaged: an item of sequence %s at byte %d declares %d bytes but the file ends %d bytes after it starts",
                            tagName(sequenceTag), pos, len, size - itemStart));
                }
                if (end >= 0 && itemStart + len > end) {
                    throw damaged(pos, "an item of sequence " + tagName(sequenceTag) + " runs past the end of the sequence");
                }
                dataSet(itemStart, itemStart + len, depth, explicit);
                pos = itemStart + len;
            }
        }
        return pos;
    }

    private static boolean longVr(String vr) {
        return switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
            default -> false;
        };
    }

    private DicomReadException truncated(long pos, String what) {
        return new DicomReadException(file, String.format(Locale.ROOT, "truncated: the file ends inside %s at byte %d (file size %d bytes)",
                what, pos, size));
    }

    private DicomReadException damaged(long pos, String what) {
        return new DicomReadException(file, String.format(Locale.ROOT, "damaged data set at byte %d: %s", pos, what));
    }

    private static String tagName(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    private int group(long pos, boolean be) throws IOException {
        return u16(pos, be);
    }

    private int tag(long pos, boolean be) throws IOException {
        return u16(pos, be) << 16 | u16(pos + 2, be);
    }

    private int byteAt(long pos) throws IOException {
        fill(pos, 1);
        return buf.get((int) (pos - bufStart)) & 0xFF;
    }

    private int u16(long pos, boolean be) throws IOException {
        fill(pos, 2);
        int i = (int) (pos - bufStart);
        return be ? (buf.get(i) & 0xFF) << 8 | buf.get(i + 1) & 0xFF : buf.get(i) & 0xFF | (buf.get(i + 1) & 0xFF) << 8;
    }

    private long u32(long pos, boolean be) throws IOException {
        fill(pos, 4);
        return (be ? buf.order(ByteOrder.BIG_ENDIAN) : buf.order(ByteOrder.LITTLE_ENDIAN)).getInt((int) (pos - bufStart)) & 0xFFFFFFFFL;
    }

    /** Makes buf hold bytes [pos, pos + n); the caller has checked they lie inside the file. */
    private void fill(long pos, int n) throws IOException {
        if (bufStart >= 0 && pos >= bufStart && pos + n <= bufStart + buf.limit()) return;
        buf.clear();
        long at = pos;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, at);
            if (r < 0) break;
            at += r;
        }
        buf.flip();
        bufStart = pos;
        if (buf.limit() < n) throw truncated(pos, "an element header");
    }
}
