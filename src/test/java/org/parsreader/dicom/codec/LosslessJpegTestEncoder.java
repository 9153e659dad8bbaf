package org.parsreader.dicom.codec;

import java.io.ByteArrayOutputStream;

/**
 * A deliberately simple T.81 lossless (SOF3) encoder for tests: covers what dcmcjpeg cannot
 * produce (precision other than 8/12/16, restart intervals, several components, one scan per
 * component with a DHT between scans, fill bytes before markers). It uses a fixed Huffman
 * table whose codes run from 2 to 16 bits, so long codes and the decoder's slow path are hit.
 * Streams are cross-checked against PixelMed's decoder in the tests, so a misreading of T.81
 * shared by this encoder and the decoder would still show up.
 */
final class LosslessJpegTestEncoder {
    int precision = 16;
    int predictor = 1;
    int pointTransform = 0;
    /** Lines per restart interval; 0 = no restart markers. */
    int restartLines = 0;
    /** One scan per component instead of one interleaved scan. */
    boolean scanPerComponent = false;
    /** Number of 0xFF fill bytes written before each RST marker and before EOI. */
    int fillBytes = 0;

    /** Code lengths for SSSS 0..16 (Kraft sum below 1, no all-ones code). */
    private static final int[] LENGTHS = {2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 10, 12, 14, 16};
    private final int[] code = new int[17];
    private final int[] length = new int[17];

    private ByteArrayOutputStream out;
    private long acc;
    private int accBits;

    LosslessJpegTestEncoder() {
        int[] counts = new int[17];
        for (int len : LENGTHS) counts[len]++;
        int c = 0;
        for (int len = 1; len <= 16; len++) {
            for (int s = 0; s <= 16; s++) {
                if (LENGTHS[s] == len) {
                    code[s] = c++;
                    length[s] = len;
                }
            }
            c <<= 1;
        }
    }

    /** samples interleaved by pixel, {@code components} per pixel, each below 2^precision. */
    byte[] encode(int width, int height, int components, short[] samples) {
        out = new ByteArrayOutputStream();
        marker(0xD8);
        segment(0xFE, "pars-reader test encoder".getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // COM, skipped by decoders
        if (restartLines > 0) {
            int ri = restartLines * width;
            segment(0xDD, new byte[] {(byte) (ri >> 8), (byte) ri});
        }
        byte[] sof = new byte[6 + 3 * components];
        sof[0] = (byte) precision;
        sof[1] = (byte) (height >> 8);
        sof[2] = (byte) height;
        sof[3] = (byte) (width >> 8);
        sof[4] = (byte) width;
        sof[5] = (byte) components;
        for (int c = 0; c < components; c++) {
            sof[6 + 3 * c] = (byte) (c + 1);
            sof[7 + 3 * c] = 0x11;
        }
        segment(0xC3, sof);
        if (scanPerComponent) {
            for (int c = 0; c < components; c++) {
                dht(c % 2); // redefined before each scan
                scan(width, height, components, samples, new int[] {c});
            }
        } else {
            dht(0);
            int[] all = new int[components];
            for (int c = 0; c < components; c++) all[c] = c;
            scan(width, height, components, samples, all);
        }
        for (int i = 0; i < fillBytes; i++) out.write(0xFF);
        marker(0xD9);
        return out.toByteArray();
    }

    private void dht(int id) {
        int[] counts = new int[17];
        for (int len : LENGTHS) counts[len]++;
        byte[] seg = new byte[1 + 16 + 17];
        seg[0] = (byte) id; // class 0 (DC / lossless)
        for (int l = 1; l <= 16; l++) seg[l] = (byte) counts[l];
        int k = 17;
        for (int l = 1; l <= 16; l++) for (int s = 0; s <= 16; s++) if (LENGTHS[s] == l) seg[k++] = (byte) s;
        segment(0xC4, seg);
    }

    private void scan(int w, int h, int nc, short[] samples, int[] comps) {
        byte[] sos = new byte[1 + 2 * comps.length + 3];
        sos[0] = (byte) comps.length;
        for (int j = 0; j < comps.length; j++) {
            sos[1 + 2 * j] = (byte) (comps[j] + 1);
            sos[2 + 2 * j] = (byte) ((scanPerComponent ? comps[j] % 2 : 0) << 4);
        }
        int p = 1 + 2 * comps.length;
        sos[p] = (byte) predictor;
        sos[p + 1] = 0;
        sos[p + 2] = (byte) pointTransform;
        segment(0xDA, sos);
        acc = 0;
        accBits = 0;
        int initial = 1 << (precision - pointTransform - 1);
        int rst = 0;
        for (int y = 0; y < h; y++) {
            boolean first = restartLines > 0 ? y % restartLines == 0 : y == 0;
            if (first && y > 0) {
                flushBits();
                for (int i = 0; i < fillBytes; i++) out.write(0xFF);
                marker(0xD0 + rst);
                rst = (rst + 1) & 7;
            }
            for (int x = 0; x < w; x++) {
                for (int c : comps) {
                    int px;
                    if (first) px = x == 0 ? initial : s(samples, w, nc, x - 1, y, c);
                    else if (x == 0) px = s(samples, w, nc, x, y - 1, c);
                    else {
                        int ra = s(samples, w, nc, x - 1, y, c), rb = s(samples, w, nc, x, y - 1, c), rc = s(samples, w, nc, x - 1, y - 1, c);
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
                    int d = (s(samples, w, nc, x, y, c) - px) & 0xFFFF;
                    if (d > 32768) d -= 65536;
                    writeDifference(d);
                }
            }
        }
        flushBits();
    }

    private int s(short[] samples, int w, int nc, int x, int y, int c) {
        return (samples[(y * w + x) * nc + c] & 0xFFFF) >> pointTransform;
    }

    private void writeDifference(int d) {
        int ssss = d == 0 ? 0 : d == 32768 ? 16 : 32 - Integer.numberOfLeadingZeros(Math.abs(d));
        writeBits(code[ssss], length[ssss]);
        if (ssss > 0 && ssss < 16) writeBits((d > 0 ? d : d - 1) & ((1 << ssss) - 1), ssss);
    }

    private void writeBits(int value, int n) {
        acc = (acc << n) | (value & ((1L << n) - 1));
        accBits += n;
        while (accBits >= 8) {
            int b = (int) (acc >>> (accBits - 8)) & 0xFF;
            accBits -= 8;
            out.write(b);
            if (b == 0xFF) out.write(0); // byte stuffing
        }
    }

    private void flushBits() {
        if (accBits > 0) writeBits(0x7F, 8 - accBits); // pad with 1 bits
        acc = 0;
        accBits = 0;
    }

    private void marker(int m) {
        out.write(0xFF);
        out.write(m);
    }

    private void segment(int m, byte[] body) {
        marker(m);
        int len = body.length + 2;
        out.write(len >> 8);
        out.write(len);
        out.write(body, 0, body.length);
    }
}
