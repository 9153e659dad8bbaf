package org.parsreader.dicom;

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
        // bytes read directly, the VR as two chars in an int: this runs for every file of every scan,
        // and a String per VR and a ByteBuffer per file were JIT work in a cold JVM (issue 16)
        int pos = 132;
        String ts = null;
        String sopClass = null;
        while (pos + 8 <= head.length) {
            int group = u16(head, pos);
            int element = u16(head, pos + 2);
            if (group != 0x0002) break;
            int vr = (head[pos + 4] & 0xFF) << 8 | (head[pos + 5] & 0xFF);
            long len;
            int headerLen;
            if (isLongVr(vr)) {
                if (pos + 12 > head.length) break;
                len = (u16(head, pos + 8) | (long) u16(head, pos + 10) << 16);
                headerLen = 12;
            } else {
                len = u16(head, pos + 6);
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

    private static int u16(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8;
    }

    private static boolean isLongVr(int vr) {
        return switch (vr) {
            case ('O' << 8 | 'B'), ('O' << 8 | 'W'), ('O' << 8 | 'F'), ('O' << 8 | 'D'), ('O' << 8 | 'L'), ('S' << 8 | 'Q'),
                 ('U' << 8 | 'T'), ('U' << 8 | 'N'), ('U' << 8 | 'C'), ('U' << 8 | 'R') -> true;
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
