package org.parsreader.scoring.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Descriptive statistics, paired and two-group tests and contingency tests against R
 * (scripts/r-reference/table1.R, stored in tests-reference.csv): mean, sd, quantile type 7;
 * wilcox.test paired and two-sample on both its exact and its normal-approximation paths
 * (ties, zeros, 50 or more values); t.test paired and Welch; chisq.test with Yates for 2 x 2;
 * fisher.test 2 x 2 and r x c; kruskal.test. To 1e-9 relative (the brief asks 1e-6).
 */
class GroupTestsTest {
    private static final double TOL = 1e-9;
    private static final Map<String, Map<String, String>> CASES = load();

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        List<String[]> rows = RReference.csv("/scoring/tests-reference.csv");
        assertThat(rows.get(0)).containsExactly("case", "quantity", "value");
        for (String[] r : rows.subList(1, rows.size())) m.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], r[2]);
        return m;
    }

    @Test
    void descriptiveEqualsR() {
        RReference ref = new RReference();
        int cases = 0;
        for (var e : CASES.entrySet()) {
            if (!e.getKey().startsWith("desc_")) continue;
            Map<String, String> c = e.getValue();
            Descriptive.Summary s = Descriptive.summary(numbers(c.get("x")));
            check(ref, e.getKey() + " mean", c.get("mean"), s.mean());
            check(ref, e.getKey() + " sd", c.get("sd"), s.sd());
            check(ref, e.getKey() + " q1", c.get("q1"), s.q1());
            check(ref, e.getKey() + " median", c.get("median"), s.median());
            check(ref, e.getKey() + " q3", c.get("q3"), s.q3());
            cases++;
        }
        assertEquals(6, cases);
        System.out.println("descriptive vs R: " + ref.summary());
    }

    @Test
    void pairedTestsEqualR() {
        RReference ref = new RReference();
        int cases = 0, exact = 0;
        for (var e : CASES.entrySet()) {
            if (!e.getKey().startsWith("paired_")) continue;
            Map<String, String> c = e.getValue();
            double[] x = numbers(c.get("x")), y = numbers(c.get("y"));
            TestResult w = RankTests.signedRank(x, y);
            check(ref, e.getKey() + " V", c.get("wilcoxon_statistic"), w.statistic());
            check(ref, e.getKey() + " wilcoxon p", c.get("wilcoxon_p"), w.p());
            if (w.exact()) exact++;
            TestResult t = TTests.paired(x, y);
            check(ref, e.getKey() + " t", c.get("t_statistic"), t.statistic());
            check(ref, e.getKey() + " t df", c.get("t_df"), t.df());
            check(ref, e.getKey() + " t p", c.get("t_p"), t.p());
            cases++;
        }
        assertEquals(6, cases);
        assertEquals(2, exact, "exact path: small samples without ties or zeros");
        System.out.println("signed-rank, paired t vs R: " + ref.summary());
    }

    @Test
    void twoGroupTestsEqualR() {
        RReference ref = new RReference();
        int cases = 0, exact = 0;
        for (var e : CASES.entrySet()) {
            if (!e.getKey().startsWith("two_")) continue;
            Map<String, String> c = e.getValue();
            double[] x = numbers(c.get("x")), y = numbers(c.get("y"));
            TestResult w = RankTests.rankSum(x, y);
            check(ref, e.getKey() + " W", c.get("ranksum_statistic"), w.statistic());
            check(ref, e.getKey() + " rank-sum p", c.get("ranksum_p"), w.p());
            if (w.exact()) exact++;
            TestResult t = TTests.welch(x, y);
            check(ref, e.getKey() + " t", c.get("welch_statistic"), t.statistic());
            check(ref, e.getKey() + " df", c.get("welch_df"), t.df());
            check(ref, e.getKey() + " p", c.get("welch_p"), t.p());
            cases++;
        }
        assertEquals(5, cases);
        assertEquals(2, exact, "exact path: both groups under 50, no ties (49 vs 70 is not)");
        System.out.println("rank-sum, Welch t vs R: " + ref.summary());
    }

    @Test
    void contingencyTestsEqualR() {
        RReference ref = new RReference();
        int cases = 0;
        for (var e : CASES.entrySet()) {
            if (!e.getKey().startsWith("table_")) continue;
            Map<String, String> c = e.getValue();
            long[][] m = Arrays.stream(c.get("table").split("\\|")).map(r -> Arrays.stream(r.split(" ")).mapToLong(Long::parseLong).toArray())
                    .toArray(long[][]::new);
            TestResult chi = ContingencyTests.chiSquare(m);
            check(ref, e.getKey() + " X-squared", c.get("chisq_statistic"), chi.statistic());
            check(ref, e.getKey() + " df", c.get("chisq_df"), chi.df());
            check(ref, e.getKey() + " chi-square p", c.get("chisq_p"), chi.p());
            assertEquals(m.length == 2 && m[0].length == 2 ? ContingencyTests.CHI_SQUARE_YATES : ContingencyTests.CHI_SQUARE, chi.test());
            check(ref, e.getKey() + " Fisher p", c.get("fisher_p"), ContingencyTests.fisher(m).p());
            cases++;
        }
        assertEquals(7, cases);
        System.out.println("chi-square, Fisher vs R: " + ref.summary());
    }

    @Test
    void kruskalWallisEqualsR() {
        RReference ref = new RReference();
        for (String k : List.of("kruskal_three", "kruskal_ties")) {
            Map<String, String> c = CASES.get(k);
            double[][] g = Arrays.stream(c.get("groups").split("\\|")).map(GroupTestsTest::numbers).toArray(double[][]::new);
            TestResult t = KruskalWallis.test(g);
            check(ref, k + " statistic", c.get("kruskal_statistic"), t.statistic());
            check(ref, k + " df", c.get("kruskal_df"), t.df());
            check(ref, k + " p", c.get("kruskal_p"), t.p());
        }
        System.out.println("Kruskal-Wallis vs R: " + ref.summary());
    }

    @Test
    void fisherIsChosenWhenAnExpectedCountIsBelowFive() {
        assertEquals(ContingencyTests.FISHER, ContingencyTests.choose(new long[][] {{3, 7}, {9, 2}}).test());
        assertEquals(ContingencyTests.CHI_SQUARE_YATES, ContingencyTests.choose(new long[][] {{34, 18}, {21, 40}}).test());
        // an empty category is dropped before the rule is applied
        assertEquals(ContingencyTests.CHI_SQUARE_YATES, ContingencyTests.choose(new long[][] {{34, 0, 18}, {21, 0, 40}}).test());
        // too large to enumerate: the chi-square test, and the note says why Fisher's was not used
        TestResult big = ContingencyTests.choose(new long[][] {{0, 1, 50_000}, {1, 0, 50_000}});
        assertEquals(ContingencyTests.CHI_SQUARE, big.test());
        assertThat(big.note()).contains("expected count is below 5").contains("too large to enumerate");
    }

    @Test
    void degenerateInputIsNotATest() {
        assertThat(RankTests.signedRank(new double[] {1, 2}, new double[] {1, 2}).note()).isEqualTo("no pair differs");
        assertThat(TTests.paired(new double[] {3, 4}, new double[] {1, 2}).computed()).isFalse();
        assertThat(TTests.welch(new double[] {1}, new double[] {1, 2}).computed()).isFalse();
        assertThat(ContingencyTests.choose(new long[][] {{3, 0}, {4, 0}}).computed()).isFalse();
        assertThatThrownBy(() -> ContingencyTests.fisher(new long[][] {{1, -1}, {2, 3}})).isInstanceOf(StatsInputException.class)
                .hasMessageContaining("negative count -1 at row 1, column 2");
        assertThat(Descriptive.summary(new double[] {Double.NaN, 2}).missing()).isEqualTo(1);
    }

    private static void check(RReference ref, String what, String expected, double actual) {
        assertTrue(expected != null, what + ": no reference value");
        double e = Double.parseDouble(expected);
        if (Double.isNaN(e)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        ref.check(what, e, actual, TOL);
    }

    static double[] numbers(String s) {
        return Arrays.stream(s.trim().split(" ")).mapToDouble(v -> v.equals("NA") ? Double.NaN : Double.parseDouble(v)).toArray();
    }
}
