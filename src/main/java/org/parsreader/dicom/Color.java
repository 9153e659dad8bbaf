package org.parsreader.dicom;

/** Colour samples (RGB or YBR, by pixel or by plane, 8, 16 or 32 bits) to packed 0xRRGGBB, keeping the top 8 bits. */
final class Color {
    private Color() {}

    static int[] toRgb(Object raw, PixelFormat f, String photometric) {
        int n = f.rows() * f.columns();
        int[] s;
        if (raw instanceof byte[] b) {
            s = new int[b.length];
            for (int i = 0; i < s.length; i++) s[i] = b[i] & 0xFF;
        } else if (raw instanceof short[] sh) {
            s = new int[sh.length];
            for (int i = 0; i < s.length; i++) s[i] = (sh[i] & 0xFFFF) >> 8;
        } else if (raw instanceof int[] in) {
            s = new int[in.length];
            for (int i = 0; i < s.length; i++) s[i] = in[i] >>> 24;
        } else {
            throw new IllegalArgumentException("colour with " + f.bitsAllocated() + " bits is not supported");
        }
        boolean planar = f.planarConfiguration() == 1;
        boolean ybr = photometric.startsWith("YBR");
        int[] out = new int[n];
        if ("YBR_FULL_422".equals(photometric) && s.length == 2 * n) {
            // uncompressed 4:2:2: Y1 Y2 Cb Cr for each pair of pixels
            for (int p = 0; p + 1 < n; p += 2) {
                int base = p * 2;
                int cb = s[base + 2];
                int cr = s[base + 3];
                out[p] = ybrToRgb(s[base], cb, cr);
                out[p + 1] = ybrToRgb(s[base + 1], cb, cr);
            }
            return out;
        }
        for (int p = 0; p < n; p++) {
            int a = planar ? s[p] : s[3 * p];
            int b = planar ? s[n + p] : s[3 * p + 1];
            int c = planar ? s[2 * n + p] : s[3 * p + 2];
            out[p] = ybr ? ybrToRgb(a, b, c) : (a << 16) | (b << 8) | c;
        }
        return out;
    }

    /** ITU-R BT.601 full-range YCbCr to RGB (PS3.3 C.7.6.3.1.2). */
    static int ybrToRgb(int y, int cb, int cr) {
        int r = clamp(Math.round(y + 1.402 * (cr - 128)));
        int g = clamp(Math.round(y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128)));
        int b = clamp(Math.round(y + 1.772 * (cb - 128)));
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(long v) {
        return (int) Math.max(0, Math.min(255, v));
    }
}
