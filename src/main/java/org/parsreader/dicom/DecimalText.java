package org.parsreader.dicom;

import java.nio.charset.StandardCharsets;

/**
 * A DS or IS value (decimal text) as a double, exactly as {@link Double#parseDouble} reads it.
 *
 * <p>The common form (optional sign, up to 18 digits with one optional point, optional exponent)
 * with a mantissa below 2^53 and a power of ten up to 10^22 is computed here: both numbers are
 * then exact doubles and one IEEE multiplication or division of them is correctly rounded,
 * which is what parseDouble returns (Clinger's fast path). Every other text goes to
 * parseDouble itself. Written by hand because the DS values of every header of a scan are the
 * first numbers a cold JVM parses: parseDouble's general code was interpreted, then compiled
 * twice, during every first open (issue 16). {@code DecimalTextTest} compares both on random
 * and edge-case text.
 */
final class DecimalText {
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private DecimalText() {}

    /** The value of the ASCII text in {@code b[from, to)}; throws NumberFormatException as parseDouble does. */
    static double parse(byte[] b, int from, int to) {
        int i = from;
        int end = to;
        while (i < end && (b[i] & 0xFF) <= ' ') i++;
        while (end > i && (b[end - 1] & 0xFF) <= ' ') end--;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) negative = b[i++] == '-';
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        boolean any = false;
        for (; i < end; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa == 0 && c == '0') {
                    if (point) scale++;
                    continue; // leading zeros do not count against the 18 digits
                }
                if (++digits > 18) return slow(b, from, to);
                mantissa = mantissa * 10 + (c - '0');
                if (point) scale++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (!any) return slow(b, from, to);
        int exponent = 0;
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) negativeExponent = b[i++] == '-';
            int expDigits = 0;
            for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
                if (++expDigits > 4) return slow(b, from, to);
                exponent = exponent * 10 + (b[i] - '0');
            }
            if (expDigits == 0) return slow(b, from, to);
            if (negativeExponent) exponent = -exponent;
        }
        if (i != end) return slow(b, from, to); // a suffix (d, f), NaN, Infinity, hex or junk: parseDouble decides
        if (mantissa == 0) return negative ? -0.0 : 0.0;
        int power = exponent - scale;
        if (mantissa >= 1L << 53 || power < -22 || power > 22) return slow(b, from, to);
        double v = power >= 0 ? mantissa * POWERS[power] : mantissa / POWERS[-power];
        return negative ? -v : v;
    }

    private static double slow(byte[] b, int from, int to) {
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
    }
}
