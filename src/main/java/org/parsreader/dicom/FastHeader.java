package org.parsreader.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A data set (or sequence item) as parsed by {@link FastParser}: each element is a slice of
 * the file's head buffer, decoded only when asked for.
 *
 * <p>Elements are kept in parallel int arrays in file order and found by binary search (a
 * linear search from the end when the file's tags are out of order; the last of a repeated
 * tag wins, as before), and text values are split and trimmed on the bytes before one String
 * is made. This is the first code of every Open Study and every CLI scan: a HashMap of boxed
 * tags and the regex split of each value made the JIT compile HashMap.putVal, Integer boxing and
 * String.split with C2 while the first open was still loading, on a 2-core machine a third of
 * the CPU (issue 16). The byte-level split is exact for the only character sets the fast path
 * accepts (ISO 8859-1, UTF-8, and US-ASCII for UIDs): in each, a byte 0x5C is always the
 * backslash and a byte &lt;= 0x20 is always one character &lt;= U+0020, never part of a
 * multi-byte character ({@code FastHeaderTest} holds it to the String-level rule).
 */
final class FastHeader implements Header {
    private static final int US = vr("US");
    private static final int SS = vr("SS");
    private static final int UL = vr("UL");
    private static final int SL = vr("SL");
    private static final int FL = vr("FL");
    private static final int FD = vr("FD");
    private static final int UI = vr("UI");

    private final byte[] buf;
    private Charset charset;
    private int n;
    private int[] tags = new int[64];
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    /** Two ASCII characters; 0 when the data set is implicit VR. */
    private int[] vrs = new int[64];
    private boolean ascending = true;
    private List<Integer> sequenceTags;
    private List<List<FastHeader>> sequenceItems;

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
        if (n == tags.length) {
            int size = n * 2;
            tags = Arrays.copyOf(tags, size);
            offsets = Arrays.copyOf(offsets, size);
            lengths = Arrays.copyOf(lengths, size);
            vrs = Arrays.copyOf(vrs, size);
        }
        // compared as unsigned: group 0x8000 and above (e.g. FFFE items) sort after 7FE0
        if (n > 0 && Integer.compareUnsigned(tag, tags[n - 1]) <= 0) ascending = false;
        tags[n] = tag;
        offsets[n] = offset;
        lengths[n] = length;
        vrs[n] = vr;
        n++;
    }

    void putSequence(int tag, List<FastHeader> items) {
        if (sequenceTags == null) {
            sequenceTags = new ArrayList<>(4);
            sequenceItems = new ArrayList<>(4);
        }
        int i = sequenceTags.indexOf(tag);
        if (i >= 0) {
            sequenceItems.set(i, items);
        } else {
            sequenceTags.add(tag);
            sequenceItems.add(items);
        }
    }

    /** Index of {@code tag}'s element (the last one when repeated), or -1. */
    private int find(int tag) {
        if (ascending) {
            int lo = 0;
            int hi = n - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = Integer.compareUnsigned(tags[mid], tag);
                if (c < 0) lo = mid + 1;
                else if (c > 0) hi = mid - 1;
                else return mid;
            }
            return -1;
        }
        for (int i = n - 1; i >= 0; i--) if (tags[i] == tag) return i;
        return -1;
    }

    /** The element's VR: as written (explicit), else known for the binary attributes we read, else 0 (text). */
    private int vrOf(int i) {
        if (vrs[i] != 0) return vrs[i];
        return switch (tags[i]) {
            case Tags.Rows, Tags.Columns, Tags.SamplesPerPixel, Tags.BitsAllocated, Tags.BitsStored, Tags.PixelRepresentation,
                 Tags.PlanarConfiguration -> US;
            case Tags.CTDIvol -> FD;
            default -> 0;
        };
    }

    private static boolean isBinary(int vr) {
        return vr == US || vr == SS || vr == UL || vr == SL || vr == FL || vr == FD;
    }

    private static boolean blank(byte b) {
        return (b & 0xFF) <= ' ';
    }

    private String text(int vr, int from, int to) {
        while (from < to && blank(buf[from])) from++;
        while (to > from && blank(buf[to - 1])) to--;
        return from == to ? "" : new String(buf, from, to - from, vr == UI ? StandardCharsets.US_ASCII : charset);
    }

    private int nextBackslash(int from, int to) {
        while (from < to && buf[from] != '\\') from++;
        return from;
    }

    @Override
    public String str(int tag) {
        int i = find(tag);
        if (i < 0) return "";
        int vr = vrOf(i);
        if (isBinary(vr)) {
            String m = binaryText(tags[i]);
            int cut = m.indexOf('\\');
            return cut < 0 ? m : m.substring(0, cut);
        }
        int from = offsets[i];
        return text(vr, from, nextBackslash(from, from + lengths[i]));
    }

    @Override
    public String multi(int tag) {
        int i = find(tag);
        if (i < 0) return "";
        int vr = vrOf(i);
        if (isBinary(vr)) return binaryText(tags[i]);
        int from = offsets[i];
        int end = from + lengths[i];
        int cut = nextBackslash(from, end);
        if (cut == end) return text(vr, from, end);
        // several values: each trimmed, joined by '\', and the whole trimmed (a blank first or last value leaves no edge)
        StringBuilder b = new StringBuilder(lengths[i]);
        while (true) {
            b.append(text(vr, from, cut));
            if (cut == end) break;
            b.append('\\');
            from = cut + 1;
            cut = nextBackslash(from, end);
        }
        return b.toString().trim();
    }

    @Override
    public List<String> list(int tag) {
        String m = multi(tag);
        if (m.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(4);
        int from = 0;
        while (true) {
            int cut = m.indexOf('\\', from);
            out.add(m.substring(from, cut < 0 ? m.length() : cut).trim());
            if (cut < 0) return List.copyOf(out);
            from = cut + 1;
        }
    }

    private String binaryText(int tag) {
        double[] d = doubles(tag);
        if (d == null) return "";
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < d.length; k++) {
            if (k > 0) b.append('\\');
            b.append(d[k] == Math.rint(d[k]) && Math.abs(d[k]) < 1e15 ? Long.toString((long) d[k]) : Double.toString(d[k]));
        }
        return b.toString();
    }

    @Override
    public double[] doubles(int tag) {
        int i = find(tag);
        if (i < 0 || lengths[i] == 0) return null;
        int vr = vrOf(i);
        return isBinary(vr) ? binaryNumbers(vr, offsets[i], lengths[i]) : textNumbers(offsets[i], lengths[i]);
    }

    private double[] binaryNumbers(int vr, int off, int len) {
        if (vr == US || vr == SS) {
            double[] d = new double[len / 2];
            for (int k = 0; k < d.length; k++) {
                int v = (buf[off + 2 * k] & 0xFF) | (buf[off + 2 * k + 1] & 0xFF) << 8;
                d[k] = vr == SS ? (short) v : v;
            }
            return d;
        }
        if (vr == UL || vr == SL || vr == FL) {
            double[] d = new double[len / 4];
            for (int k = 0; k < d.length; k++) {
                int v = le32(off + 4 * k);
                d[k] = vr == UL ? v & 0xFFFFFFFFL : vr == SL ? v : Float.intBitsToFloat(v);
            }
            return d;
        }
        double[] d = new double[len / 8]; // FD
        for (int k = 0; k < d.length; k++) d[k] = Double.longBitsToDouble((le32(off + 8 * k) & 0xFFFFFFFFL) | (long) le32(off + 8 * k + 4) << 32);
        return d;
    }

    private double[] textNumbers(int off, int len) {
        // DS/IS text: values split at '\'; empty values at the end are dropped (as String.split does), any other
        // empty or unparsable value makes the whole attribute unreadable (null)
        int end = off + len;
        while (end > off && buf[end - 1] == '\\') end--;
        int count = 0;
        for (int p = off; p < end; p = nextBackslash(p, end) + 1) count++;
        double[] d = new double[count];
        int from = off;
        try {
            for (int k = 0; k < count; k++) {
                int cut = nextBackslash(from, end);
                d[k] = DecimalText.parse(buf, from, cut); // trimmed, as parseDouble after the old split
                from = cut + 1;
            }
        } catch (NumberFormatException x) {
            return null;
        }
        return d;
    }

    private int le32(int o) {
        return (buf[o] & 0xFF) | (buf[o + 1] & 0xFF) << 8 | (buf[o + 2] & 0xFF) << 16 | (buf[o + 3] & 0xFF) << 24;
    }

    private List<FastHeader> itemsOf(int sequence) {
        if (sequenceTags == null) return null;
        int i = sequenceTags.indexOf(sequence);
        return i < 0 ? null : sequenceItems.get(i);
    }

    @Override
    public Header item(int sequence, int index) {
        List<FastHeader> items = itemsOf(sequence);
        return items == null || items.size() <= index ? null : items.get(index);
    }

    @Override
    public int items(int sequence) {
        List<FastHeader> items = itemsOf(sequence);
        return items == null ? 0 : items.size();
    }

    @Override
    public boolean has(int tag) {
        return find(tag) >= 0 || itemsOf(tag) != null;
    }
}
