package org.parsreader.dicom;

import java.util.List;

/**
 * Read access to the attributes of one data set (or sequence item), whichever parser read
 * it: {@link PixelMedHeader} or the fast path {@link FastHeader}. Absent values read as ""
 * / the default / null; strings are trimmed.
 */
interface Header {
    /** First value, trimmed; "" when absent. */
    String str(int tag);

    /** All values joined by '\', the DICOM multi-value delimiter; "" when absent. */
    String multi(int tag);

    /** All values, each trimmed; empty when absent. */
    default List<String> list(int tag) {
        String m = multi(tag);
        if (m.isEmpty()) return List.of();
        String[] parts = m.split("\\\\", -1);
        for (int i = 0; i < parts.length; i++) parts[i] = parts[i].trim();
        return List.of(parts); // a loop, not a stream: this runs for every file of a scan, in a cold JVM too (issue 16)
    }

    /** All numeric values, or null when absent or empty. */
    double[] doubles(int tag);

    default double dbl(int tag, double dflt) {
        double[] d = doubles(tag);
        return d == null || d.length == 0 || Double.isNaN(d[0]) ? dflt : d[0];
    }

    default int integer(int tag, int dflt) {
        double d = dbl(tag, Double.NaN);
        return Double.isNaN(d) ? dflt : (int) Math.round(d);
    }

    /** Item {@code index} of a sequence, or null. */
    Header item(int sequence, int index);

    default Header item(int sequence) {
        return item(sequence, 0);
    }

    int items(int sequence);

    boolean has(int tag);

    /** The item of {@code seq} in the per-frame group, else in the shared group. */
    static Header functionalGroup(Header perFrame, Header shared, int seq) {
        Header h = perFrame == null ? null : perFrame.item(seq);
        return h != null ? h : shared == null ? null : shared.item(seq);
    }

    /** {@code h.str(tag)}, or "" when {@code h} is null. */
    static String str(Header h, int tag) {
        return h == null ? "" : h.str(tag);
    }

    static double dbl(Header h, int tag, double dflt) {
        return h == null ? dflt : h.dbl(tag, dflt);
    }

    static double[] doubles(Header h, int tag) {
        return h == null ? null : h.doubles(tag);
    }
}
