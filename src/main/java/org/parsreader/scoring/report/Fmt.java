package org.parsreader.scoring.report;

import java.util.Locale;

/** Number formats of the outputs: full precision for CSVs, rounded for the report. */
public final class Fmt {
    private Fmt() { }

    /** For CSV: empty when missing, Inf/-Inf, integers without ".0", otherwise 10 significant digits. */
    public static String csv(double v) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.10g", v);
        if (s.contains("e")) return s;
        if (s.indexOf('.') < 0) return s;
        int end = s.length(); // trailing zeros off, then a trailing point (a loop: the regex was a third of this method's time)
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    /** An odds ratio or limit for people: 2 decimals, 3 significant digits above 100, "Inf". */
    public static String ratio(double v) {
        if (Double.isNaN(v)) return "-";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "0";
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v < 0.01) return String.format(Locale.ROOT, "%.1g", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A p-value: "<0.001" or 3 decimals. */
    public static String p(double v) {
        if (Double.isNaN(v)) return "-";
        return v < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", v);
    }

    public static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A CSV cell, quoted when it holds a comma, quote or line break. */
    public static String cell(String s) {
        if (s == null) return "";
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
