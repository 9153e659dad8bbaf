package org.parsreader.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Looks at the first bytes of a file: finds the File Meta Information (group 0002, always
 * explicit VR little endian) and, when the transfer syntax is missing, infers it from the
 * first data set element, the way dcmtk and dcm4che do. Hand-written because PixelMed
 * guesses silently and then returns a partial list.
 */
final class MetaSniffer {
    record Meta(String transferSyntaxUid, String mediaStorageSopClassUid, long dataSetOffset) {}

    private MetaSniffer() {}

    /** The meta header of a Part 10 file (with "DICM" at 128), or null when there is none. */
    static Meta sniff(byte[] head) {
        if (head.length < 132 || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M') {
            return null;
        }
        ByteBuffer bb = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 132;
        String ts = null;
        String sopClass = null;
        while (pos + 8 <= head.length) {
            int group = bb.getShort(pos) & 0xFFFF;
            int element = bb.getShort(pos + 2) & 0xFFFF;
            if (group != 0x0002) break;
            String vr = new String(head, pos + 4, 2, StandardCharsets.US_ASCII);
            long len;
            int headerLen;
            if (isLongVr(vr)) {
                if (pos + 12 > head.length) break;
                len = bb.getInt(pos + 8) & 0xFFFFFFFFL;
                headerLen = 12;
            } else {
                len = bb.getShort(pos + 6) & 0xFFFF;
                headerLen = 8;
            }
            int valueStart = pos + headerLen;
            if (len > head.length - valueStart) break;
            if (element == 0x0010) ts = trimUid(head, valueStart, (int) len);
            if (element == 0x0002) sopClass = trimUid(head, valueStart, (int) len);
            pos = valueStart + (int) len;
        }
        return new Meta(ts, sopClass, pos);
    }

    /**
     * Infers the transfer syntax of a data set starting at {@code offset}: explicit when
     * bytes 4-5 are an upper-case VR, big endian when the group reads as a small number
     * only in big-endian order. Null when the bytes do not look like a data set.
     */
    static String guessDataSetSyntax(byte[] head, int offset) {
        if (offset + 8 > head.length) return null;
        int groupLe = (head[offset] & 0xFF) | (head[offset + 1] & 0xFF) << 8;
        int groupBe = (head[offset] & 0xFF) << 8 | (head[offset + 1] & 0xFF);
        boolean explicitVr = Character.isUpperCase(head[offset + 4]) && Character.isUpperCase(head[offset + 5]);
        boolean plausibleLe = groupLe >= 0x0002 && groupLe <= 0x0040 && groupLe % 2 == 0;
        boolean plausibleBe = groupBe >= 0x0002 && groupBe <= 0x0040 && groupBe % 2 == 0;
        if (plausibleLe) return explicitVr ? TransferSyntaxes.EXPLICIT_LE : TransferSyntaxes.IMPLICIT_LE;
        if (plausibleBe && explicitVr) return TransferSyntaxes.EXPLICIT_BE;
        return null;
    }

    private static boolean isLongVr(String vr) {
        return switch (vr) {
            case "OB", "OW", "OF", "OD", "OL", "SQ", "UT", "UN", "UC", "UR" -> true;
            default -> false;
        };
    }

    private static String trimUid(byte[] b, int off, int len) {
        String s = new String(b, off, len, StandardCharsets.US_ASCII);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == 0 || s.charAt(end - 1) == ' ')) end--;
        return s.substring(0, end);
    }
}
