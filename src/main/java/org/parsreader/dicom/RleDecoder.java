package org.parsreader.dicom;

import java.nio.file.Path;

/**
 * DICOM RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, one PackBits
 * segment per byte plane, most significant byte first, one plane set per sample.
 * Hand-written because PixelMed's RLE path measured ~12 ms per 512x512 frame here and does
 * not decode 16-bit colour or 32-bit samples.
 */
final class RleDecoder {
    private RleDecoder() {}

    /** Decodes one frame into {@code byte[]} (8-bit), {@code short[]} (16-bit) or {@code int[]} (32-bit), samples interleaved. */
    static Object decode(Path file, byte[] src, PixelFormat f) {
        int bytesPerSample = f.bitsAllocated() / 8;
        int samples = f.samplesPerPixel();
        if (src.length < 64) {
            throw new DicomReadException(file, "RLE frame of " + src.length + " bytes is shorter than its 64-byte header");
        }
        int segments = readInt(src, 0);
        if (segments != bytesPerSample * samples) {
            throw new DicomReadException(file, "RLE header declares " + segments + " segments, expected "
                    + bytesPerSample * samples + " (" + samples + " sample(s) x " + bytesPerSample + " byte(s))");
        }
        if (segments < 1 || segments > 15) {
            throw new DicomReadException(file, "RLE header declares " + segments + " segments; 1 to 15 are possible");
        }
        // A PackBits run of 2 bytes expands to at most 128, so no segment decodes to more than
        // 64 times its length: a frame claiming more pixels is corrupt, and is refused before
        // Rows x Columns from a damaged header allocates gigabytes (or overflows an int).
        long pixelCount = (long) f.rows() * f.columns();
        if (pixelCount > 64L * (src.length - 64)) {
            throw new DicomReadException(file, "RLE frame of " + src.length + " bytes cannot hold " + f.rows() + " x "
                    + f.columns() + " pixels (a segment expands at most 64-fold)");
        }
        if (pixelCount * samples > Integer.MAX_VALUE - 8) {
            throw new DicomReadException(file, "RLE frame of " + f.rows() + " x " + f.columns() + " x " + samples
                    + " samples is larger than one Java array");
        }
        int pixels = (int) pixelCount;
        byte[] plane = new byte[pixels];
        Object out = switch (bytesPerSample) {
            case 1 -> new byte[pixels * samples];
            case 2 -> new short[pixels * samples];
            case 4 -> new int[pixels * samples];
            default -> throw new DicomReadException(file, "RLE with " + f.bitsAllocated() + " bits allocated is not supported");
        };
        for (int s = 0; s < segments; s++) {
            int start = readInt(src, 4 + 4 * s);
            int end = s + 1 < segments ? readInt(src, 8 + 4 * s) : src.length;
            if (start < 64 || end > src.length || end < start) throw new DicomReadException(file, "RLE segment " + (s + 1) + " offsets are out of range");
            unpack(file, src, start, end, plane);
            int sample = s / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - s % bytesPerSample);
            if (out instanceof byte[] b) {
                for (int p = 0; p < pixels; p++) b[p * samples + sample] = plane[p];
            } else if (out instanceof short[] sh) {
                for (int p = 0; p < pixels; p++) sh[p * samples + sample] |= (short) ((plane[p] & 0xFF) << shift);
            } else {
                int[] in = (int[]) out;
                for (int p = 0; p < pixels; p++) in[p * samples + sample] |= (plane[p] & 0xFF) << shift;
            }
        }
        return out;
    }

    private static void unpack(Path file, byte[] src, int pos, int end, byte[] dst) {
        int out = 0;
        while (out < dst.length) {
            if (pos >= end) throw new DicomReadException(file, "truncated RLE segment: " + out + " of " + dst.length + " bytes decoded");
            int n = src[pos++];
            if (n >= 0) {
                int len = n + 1;
                if (pos + len > end || out + len > dst.length) throw new DicomReadException(file, "corrupt RLE literal run at byte " + pos);
                System.arraycopy(src, pos, dst, out, len);
                pos += len;
                out += len;
            } else if (n != -128) {
                int len = 1 - n;
                if (pos >= end || out + len > dst.length) throw new DicomReadException(file, "corrupt RLE replicate run at byte " + pos);
                byte v = src[pos++];
                java.util.Arrays.fill(dst, out, out + len, v);
                out += len;
            }
        }
    }

    private static int readInt(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }
}
