package org.parsreader.dicom;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads encapsulated (compressed) Pixel Data items straight from the file: the fragments
 * after the Basic Offset Table, grouped into frames. With one frame per fragment, as every
 * writer we know does for more than one frame, fragment i is frame i; with a single frame,
 * all fragments are concatenated.
 */
final class Encapsulated {
    static {
        PixelMedLogging.quiet(); // before this class first makes PixelMed log, whoever calls it first
    }

    private static final int ITEM = 0xE000;
    private static final int SEQUENCE_DELIMITER = 0xE0DD;

    private Encapsulated() {}

    /** The compressed bytes of each frame. */
    static List<byte[]> frames(Path file, long valueOffset, int frameCount) throws IOException {
        List<byte[]> fragments = fragments(file, valueOffset, Integer.MAX_VALUE);
        if (fragments.isEmpty()) throw new DicomReadException(file, "encapsulated Pixel Data holds no fragments");
        if (frameCount == 1 && fragments.size() > 1) {
            int total = fragments.stream().mapToInt(f -> f.length).sum();
            byte[] all = new byte[total];
            int pos = 0;
            for (byte[] f : fragments) {
                System.arraycopy(f, 0, all, pos, f.length);
                pos += f.length;
            }
            return List.of(all);
        }
        if (fragments.size() != frameCount) return viaPixelMed(file, frameCount);
        return fragments;
    }

    /** Several fragments per frame: PixelMed groups them (Basic Offset Table or JPEG markers). */
    private static List<byte[]> viaPixelMed(Path file, int frameCount) throws IOException {
        try {
            com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
            list.setDecompressPixelData(false);
            list.read(file.toFile());
            if (list.get(Tags.at(Tags.PixelData)) instanceof com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames m) {
                byte[][] frames = m.getFrames();
                if (frames != null && frames.length == frameCount) return List.of(frames);
                throw new DicomReadException(file, "encapsulated Pixel Data has " + (frames == null ? 0 : frames.length)
                        + " frames, NumberOfFrames says " + frameCount);
            }
            throw new DicomReadException(file, "encapsulated Pixel Data could not be split into frames");
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new DicomReadException(file, "encapsulated Pixel Data unreadable: " + e.getMessage(), e);
        }
    }

    /** Up to {@code max} fragments (excluding the Basic Offset Table). */
    static List<byte[]> fragments(Path file, long valueOffset, int max) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            long pos = valueOffset;
            boolean first = true;
            byte[] header = new byte[8];
            while (pos + 8 <= size && out.size() < max) {
                raf.seek(pos);
                raf.readFully(header);
                ByteBuffer bb = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                int group = bb.getShort(0) & 0xFFFF;
                int element = bb.getShort(2) & 0xFFFF;
                long len = bb.getInt(4) & 0xFFFFFFFFL;
                if (group != 0xFFFE) throw new DicomReadException(file, String.format("encapsulated Pixel Data: expected an item at byte %d, found (%04X,%04X)", pos, group, element));
                if (element == SEQUENCE_DELIMITER) return out;
                if (element != ITEM) throw new DicomReadException(file, String.format("encapsulated Pixel Data: unexpected (FFFE,%04X) at byte %d", element, pos));
                if (pos + 8 + len > size) {
                    throw new DicomReadException(file, "truncated: a compressed fragment of " + len + " bytes at byte " + (pos + 8) + " runs past the end of the file");
                }
                if (!first) {
                    byte[] frag = new byte[(int) len];
                    raf.readFully(frag);
                    out.add(frag);
                }
                first = false;
                pos += 8 + len;
            }
            if (out.size() < max) throw new DicomReadException(file, "truncated: encapsulated Pixel Data has no sequence delimiter");
        }
        return out;
    }

    /**
     * The JPEG 2000 codestream's component signedness and precision from its SIZ marker
     * ({@code Ssiz}: bit 7 signed, bits 0-6 precision - 1), or -1 when not found.
     */
    static int j2kSsiz(byte[] codestream) {
        for (int i = 0; i + 43 < codestream.length && i < 4096; i++) {
            if ((codestream[i] & 0xFF) == 0xFF && (codestream[i + 1] & 0xFF) == 0x51) {
                return codestream[i + 2 + 2 + 2 + 32 + 2] & 0xFF; // marker, Lsiz, Rsiz, 8 x 4-byte sizes, Csiz
            }
        }
        return -1;
    }
}
