package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FastHeader} splits and trims text values on their bytes. This holds it to the rule it
 * replaced, written out here on Strings (decode the whole value, split at '\', trim each part),
 * on random values in both character sets the fast path accepts, malformed UTF-8 included, and
 * to the lookup rules: the last of a repeated tag wins, in or out of tag order.
 */
class FastHeaderTest {
    private static final byte[] ALPHABET = {'\\', ' ', ' ', '\t', 0, 0x1F, '1', '2', '.', '-', '+', 'e', 'E', 'A', 'x',
        (byte) 0xA0, (byte) 0xC3, (byte) 0xA9, (byte) 0x80, (byte) 0xFF, (byte) 0xE2, (byte) 0x82, (byte) 0xAC, 'N', 'a'};

    @Test
    void textValuesReadAsTheStringLevelRuleOnRandomBytes() {
        Random r = new Random(16);
        int tag = 0x00081030; // a text attribute, as the implicit VR parser sees it (VR 0)
        for (Charset cs : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_8)) {
            for (int vr : new int[] {0, FastHeader.vr("LO"), FastHeader.vr("UI"), FastHeader.vr("DS")}) {
                for (int trial = 0; trial < 20_000; trial++) {
                    byte[] value = new byte[r.nextInt(12)];
                    for (int i = 0; i < value.length; i++) value[i] = ALPHABET[r.nextInt(ALPHABET.length)];
                    byte[] buf = new byte[value.length + 6]; // the value inside a larger buffer, as in a file's head
                    System.arraycopy(value, 0, buf, 3, value.length);
                    FastHeader h = new FastHeader(buf, cs);
                    h.put(tag, 3, value.length, vr);
                    Charset decode = vr == FastHeader.vr("UI") ? StandardCharsets.US_ASCII : cs;
                    String why = cs + " vr " + vr + " bytes " + Arrays.toString(value);
                    assertThat(h.multi(tag)).as(why).isEqualTo(multi(value, decode));
                    assertThat(h.str(tag)).as(why).isEqualTo(str(value, decode));
                    assertThat(h.list(tag)).as(why).isEqualTo(list(value, decode));
                    assertThat(h.doubles(tag)).as(why).isEqualTo(doubles(value));
                }
            }
        }
    }

    @Test
    void numbersWrittenAsDicomDoes() {
        FastHeader h = header("-12.5\\3.0E+2\\ 7 ");
        assertThat(h.doubles(1)).containsExactly(-12.5, 300.0, 7.0);
        assertThat(h.str(1)).isEqualTo("-12.5");
        assertThat(h.list(1)).containsExactly("-12.5", "3.0E+2", "7");
        assertThat(header("1\\\\2").doubles(1)).as("an empty value inside").isNull();
        assertThat(header("1\\2\\\\").doubles(1)).as("empty values at the end are dropped").containsExactly(1.0, 2.0);
    }

    @Test
    void theLastOfARepeatedTagWinsInOrOutOfOrder() {
        byte[] buf = "AABBCC".getBytes(StandardCharsets.US_ASCII);
        FastHeader ordered = new FastHeader(buf, StandardCharsets.ISO_8859_1);
        ordered.put(0x00080016, 0, 2, 0);
        ordered.put(0x00100010, 2, 2, 0);
        ordered.put(0x7FE00008, 4, 2, 0);
        assertThat(ordered.str(0x00080016)).isEqualTo("AA");
        assertThat(ordered.str(0x00100010)).isEqualTo("BB");
        assertThat(ordered.str(0x7FE00008)).isEqualTo("CC");
        assertThat(ordered.has(0x00100020)).isFalse();

        FastHeader repeated = new FastHeader(buf, StandardCharsets.ISO_8859_1);
        repeated.put(0x00100010, 0, 2, 0);
        repeated.put(0x00080016, 2, 2, 0);
        repeated.put(0x00100010, 4, 2, 0);
        assertThat(repeated.str(0x00100010)).isEqualTo("CC");
        assertThat(repeated.str(0x00080016)).isEqualTo("BB");

        FastHeader many = new FastHeader(buf, StandardCharsets.ISO_8859_1);
        for (int t = 1; t <= 300; t++) many.put(0x00090000 | t, t % 3 * 2, 2, 0);
        for (int t = 1; t <= 300; t++) assertThat(many.str(0x00090000 | t)).isEqualTo(List.of("AA", "BB", "CC").get(t % 3));
        assertThat(many.has(0x00090000)).isFalse();
        assertThat(many.has(0x00090000 | 301)).isFalse();
    }

    @Test
    void sequencesByTagTheLastOneWins() {
        FastHeader h = header("x");
        FastHeader a = header("a");
        FastHeader b = header("b");
        h.putSequence(0x00081140, List.of(a));
        h.putSequence(0x00081140, List.of(a, b));
        assertThat(h.items(0x00081140)).isEqualTo(2);
        assertThat(h.item(0x00081140, 1)).isSameAs(b);
        assertThat(h.has(0x00081140)).isTrue();
        assertThat(h.item(0x00082112)).isNull();
        assertThat(h.items(0x00082112)).isZero();
    }

    private static FastHeader header(String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        FastHeader h = new FastHeader(b, StandardCharsets.ISO_8859_1);
        h.put(1, 0, b.length, FastHeader.vr("DS"));
        return h;
    }

    // the rule on Strings, as FastHeader applied it before it worked on bytes

    private static String multi(byte[] v, Charset cs) {
        String[] parts = new String(v, cs).split("\\\\", -1);
        for (int i = 0; i < parts.length; i++) parts[i] = trim(parts[i]);
        return String.join("\\", parts).trim();
    }

    private static String str(byte[] v, Charset cs) {
        String m = multi(v, cs);
        int cut = m.indexOf('\\');
        return (cut < 0 ? m : m.substring(0, cut)).trim();
    }

    private static List<String> list(byte[] v, Charset cs) {
        String m = multi(v, cs);
        if (m.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (String p : m.split("\\\\", -1)) out.add(p.trim());
        return out;
    }

    private static double[] doubles(byte[] v) {
        if (v.length == 0) return null;
        String[] parts = new String(v, StandardCharsets.US_ASCII).split("\\\\");
        double[] d = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) d[i] = Double.parseDouble(trim(parts[i]));
        } catch (NumberFormatException x) {
            return null;
        }
        return d;
    }

    private static String trim(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && s.charAt(a) <= ' ') a++;
        while (b > a && s.charAt(b - 1) <= ' ') b--;
        return s.substring(a, b);
    }
}
