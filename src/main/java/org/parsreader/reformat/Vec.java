package org.parsreader.reformat;

import java.util.Locale;

/** Small 3-vector helpers (patient mm). */
final class Vec {
    private Vec() {}

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] scale(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    static double[] normalize(double[] a) {
        return scale(a, 1 / norm(a));
    }

    static String str(double[] a) {
        if (a == null) return "(none)";
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < a.length; i++) b.append(i == 0 ? "" : ",").append(num(a[i]));
        return b.append(')').toString();
    }

    /** A number as a person would write it: 0, 1.5, 0.333333 (6 significant digits, no trailing zeros). */
    static String num(double v) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return Double.toString(v);
        String t = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        return t.equals("-0") ? "0" : t;
    }
}
