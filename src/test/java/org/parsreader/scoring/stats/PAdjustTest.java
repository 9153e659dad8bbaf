package org.parsreader.scoring.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Holm and Benjamini-Hochberg against R's {@code p.adjust} (scripts/r-reference/p-adjust.R,
 * stored in p-adjust-reference.csv): ties, NA/NaN, p = 0 and 1, families of one and none.
 * Same arithmetic as R, so to 1e-12 absolute (observed: exactly equal).
 */
class PAdjustTest {
    private static final double TOL = 1e-12;

    @Test
    void equalR() {
        Map<String, List<String[]>> families = new LinkedHashMap<>();
        List<String[]> rows = RReference.csv("/scoring/p-adjust-reference.csv");
        assertThat(rows.get(0)).containsExactly("family", "index", "p", "holm", "bh");
        for (String[] r : rows.subList(1, rows.size())) families.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
        assertThat(families).hasSize(12).containsKeys("ties", "missing_and_one", "one_test", "no_tests");
        double worst = 0;
        for (var e : families.entrySet()) {
            List<String[]> f = e.getValue();
            double[] p = f.stream().mapToDouble(r -> number(r[2])).toArray();
            double[] holm = PAdjust.holm(p);
            double[] bh = PAdjust.bh(p);
            for (int i = 0; i < p.length; i++) {
                String what = e.getKey() + "[" + (i + 1) + "]";
                assertEquals(Integer.parseInt(f.get(i)[1]), i + 1, what);
                worst = Math.max(worst, check(what + " holm", number(f.get(i)[3]), holm[i]));
                worst = Math.max(worst, check(what + " BH", number(f.get(i)[4]), bh[i]));
            }
        }
        System.out.println("p.adjust vs R: max |diff| " + worst);
    }

    @Test
    void missingValuesAreNotTests() {
        double[] p = {0.04, Double.NaN, 0.001, 0.03};
        assertEquals(3, PAdjust.tests(p));
        assertThat(PAdjust.holm(p)).containsExactly(0.06, Double.NaN, 0.003, 0.06);
        assertThat(p).containsExactly(0.04, Double.NaN, 0.001, 0.03); // input untouched
    }

    @Test
    void familyOfOneOrNoneIsUnchanged() {
        assertThat(PAdjust.bh(new double[] {0.03})).containsExactly(0.03);
        assertThat(PAdjust.holm(new double[] {Double.NaN, 0.03})).containsExactly(Double.NaN, 0.03);
        assertThat(PAdjust.holm(new double[0])).isEmpty();
        assertThat(PAdjust.bh(new double[] {Double.NaN})).containsExactly(Double.NaN);
    }

    @Test
    void refusesValuesThatAreNotProbabilities() {
        assertThatThrownBy(() -> PAdjust.holm(new double[] {0.2, 1.5})).isInstanceOf(StatsInputException.class)
                .hasMessage("p-value 1.5 at position 2 of the family is not in [0, 1]");
        assertThatThrownBy(() -> PAdjust.bh(new double[] {Double.NEGATIVE_INFINITY})).isInstanceOf(StatsInputException.class)
                .hasMessageContaining("-Infinity at position 1");
    }

    private static double check(String what, double expected, double actual) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected missing, got " + actual);
            return 0;
        }
        assertEquals(expected, actual, TOL, what);
        return Math.abs(expected - actual);
    }

    /** R's sprintf("%.17g"): NA and NaN are missing. */
    private static double number(String s) {
        return s.equals("NA") || s.equals("NaN") ? Double.NaN : Double.parseDouble(s);
    }
}
