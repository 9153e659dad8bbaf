package org.parsreader.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A data set (or sequence item) as parsed by {@link FastParser}: each element is a slice of
 * the file's head buffer, decoded only when asked for.
 */
final class FastHeader implements Header {
    /** Value representations of the binary attributes we read, for implicit VR data. */
    private static final Map<Integer, Integer> BINARY_VR = Map.of(
            Tags.Rows, vr("US"), Tags.Columns, vr("US"), Tags.SamplesPerPixel, vr("US"),
            Tags.BitsAllocated, vr("US"), Tags.BitsStored, vr("US"), Tags.PixelRepresentation, vr("US"),
            Tags.PlanarConfiguration, vr("US"), Tags.CTDIvol, vr("FD"));

    private final byte[] buf;
    private Charset charset;
    /** tag to {offset, length, vr (two ASCII chars, 0 when implicit)} */
    private final Map<Integer, int[]> elements = new HashMap<>();
    private final Map<Integer, List<FastHeader>> sequences = new HashMap<>();

    FastHeader(byte[] buf, Charset charset) {
        this.buf = buf;
        this.charset = charset;
    }

    /** Set when the data set declares its SpecificCharacterSet (0008,0005). */
    void charset(Charset c) {
        this.charset = c;
    }

    static int vr(String s) {
        return s.charAt(0) << 8 | s.charAt(1);
    }

    void put(int tag, int offset, int length, int vr) {
        elements.put(tag, new int[] {offset, length, vr});
    }

    void putSequence(int tag, List<FastHeader> items) {
        sequences.put(tag, items);
    }

    private int vrOf(int tag, int[] e) {
        return e[2] != 0 ? e[2] : BINARY_VR.getOrDefault(tag, 0);
    }

    @Override
    public String str(int tag) {
        String m = multi(tag);
        int cut = m.indexOf('\\');
        return (cut < 0 ? m : m.substring(0, cut)).trim();
    }

    @Override
    public String multi(int tag) {
        int[] e = elements.get(tag);
        if (e == null) return "";
        int vr = vrOf(tag, e);
        if (isBinary(vr)) {
            double[] d = doubles(tag);
            if (d == null) return "";
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < d.length; i++) {
                if (i > 0) b.append('\\');
                b.append(d[i] == Math.rint(d[i]) && Math.abs(d[i]) < 1e15 ? Long.toString((long) d[i]) : Double.toString(d[i]));
            }
            return b.toString();
        }
        String s = new String(buf, e[0], e[1], vr == vr("UI") ? StandardCharsets.US_ASCII : charset);
        String[] parts = s.split("\\\\", -1);
        for (int i = 0; i < parts.length; i++) parts[i] = trim(parts[i]);
        return String.join("\\", parts).trim();
    }

    private static String trim(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) <= ' ')) a++;
        while (b > a && (s.charAt(b - 1) <= ' ')) b--;
        return s.substring(a, b);
    }

    private static boolean isBinary(int vr) {
        return vr == vr("US") || vr == vr("SS") || vr == vr("UL") || vr == vr("SL") || vr == vr("FL") || vr == vr("FD");
    }

    @Override
    public double[] doubles(int tag) {
        int[] e = elements.get(tag);
        if (e == null || e[1] == 0) return null;
        int vr = vrOf(tag, e);
        int off = e[0];
        int len = e[1];
        if (vr == vr("US") || vr == vr("SS")) {
            double[] d = new double[len / 2];
            for (int i = 0; i < d.length; i++) {
                int v = (buf[off + 2 * i] & 0xFF) | (buf[off + 2 * i + 1] & 0xFF) << 8;
                d[i] = vr == vr("SS") ? (short) v : v;
            }
            return d;
        }
        if (vr == vr("UL") || vr == vr("SL") || vr == vr("FL")) {
            double[] d = new double[len / 4];
            for (int i = 0; i < d.length; i++) {
                int v = le32(off + 4 * i);
                d[i] = vr == vr("UL") ? v & 0xFFFFFFFFL : vr == vr("SL") ? v : Float.intBitsToFloat(v);
            }
            return d;
        }
        if (vr == vr("FD")) {
            double[] d = new double[len / 8];
            for (int i = 0; i < d.length; i++) d[i] = Double.longBitsToDouble((le32(off + 8 * i) & 0xFFFFFFFFL) | (long) le32(off + 8 * i + 4) << 32);
            return d;
        }
        String[] parts = new String(buf, off, len, StandardCharsets.US_ASCII).split("\\\\");
        double[] d = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) d[i] = Double.parseDouble(trim(parts[i]));
        } catch (NumberFormatException x) {
            return null;
        }
        return d;
    }

    private int le32(int o) {
        return (buf[o] & 0xFF) | (buf[o + 1] & 0xFF) << 8 | (buf[o + 2] & 0xFF) << 16 | (buf[o + 3] & 0xFF) << 24;
    }

    @Override
    public Header item(int sequence, int index) {
        List<FastHeader> items = sequences.get(sequence);
        return items == null || items.size() <= index ? null : items.get(index);
    }

    @Override
    public int items(int sequence) {
        List<FastHeader> items = sequences.get(sequence);
        return items == null ? 0 : items.size();
    }

    @Override
    public boolean has(int tag) {
        return elements.containsKey(tag) || sequences.containsKey(tag);
    }
}
