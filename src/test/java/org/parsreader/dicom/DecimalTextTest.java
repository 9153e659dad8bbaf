package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link DecimalText} gives the same bits as {@link Double#parseDouble}, or the same refusal. */
class DecimalTextTest {
    @Test
    void edgeCasesReadAsParseDouble() {
        for (String s : List.of("0", "-0", "+0", "0.0", "-0.000", "1", "-1", "1.", ".5", "-.5", "+.5", "00012", "0.000123",
                "3.0E+2", "3e-5", "1E22", "1e23", "9007199254740991", "9007199254740992", "9007199254740993",
                "123456789012345678", "1234567890123456789", "0.1", "0.2", "0.3", "2.675", "1e-22", "1e-23",
                "4.9e-324", "1.7976931348623157e308", "1e400", "-1e400", "1e-400", " 7 ", "\t-2.5\u0000", "-0.4999999999999999",
                "", " ", ".", "-", "+", "e5", "1e", "1e+", "1e-", "1.2.3", "1,5", "--1", "1-", "NaN", "Infinity", "-Infinity",
                "0x1p3", "1d", "1f", "1.5D", "1e5f", "12a", "1e00005", "1e0000", "0e99999", "000000000000000000000001",
                "0.00000000000000000000000000001", "100000000000000000000000", "-0.0e0", "1 2")) {
            same(s);
        }
    }

    @Test
    void randomDecimalsReadAsParseDouble() {
        Random r = new Random(16);
        String chars = "0123456789012345678901234567890123456789..-+eE ";
        for (int trial = 0; trial < 200_000; trial++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + r.nextInt(trial % 2 == 0 ? 10 : 24);
            for (int i = 0; i < len; i++) b.append(chars.charAt(r.nextInt(chars.length())));
            same(b.toString());
        }
        for (int trial = 0; trial < 200_000; trial++) { // well-formed values as scanners write them
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 4);
            same(String.format(java.util.Locale.ROOT, "%." + r.nextInt(12) + "f", v));
            same(Double.toString(v));
            same(Long.toString(r.nextLong() >> r.nextInt(64)));
        }
    }

    private static void same(String s) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.US_ASCII);
        String expected;
        try {
            expected = Long.toHexString(Double.doubleToRawLongBits(Double.parseDouble(s)));
        } catch (NumberFormatException e) {
            expected = "refused";
        }
        String actual;
        try {
            actual = Long.toHexString(Double.doubleToRawLongBits(DecimalText.parse(b, 2, b.length - 2)));
        } catch (NumberFormatException e) {
            actual = "refused";
        }
        assertThat(actual).as("'" + s + "'").isEqualTo(expected);
    }
}
