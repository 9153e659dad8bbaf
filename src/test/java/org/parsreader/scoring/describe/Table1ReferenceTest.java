package org.parsreader.scoring.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.parsreader.scoring.outcome.MissingRule;
import org.parsreader.scoring.outcome.OutcomeCsv;
import org.parsreader.scoring.outcome.OutcomeRule;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.TimePointOutcomes;
import org.parsreader.scoring.stats.TestResult;

/**
 * Every number of Table 1 of a seeded outcomes file (scripts/r-reference/table1.R writes
 * table1-outcomes.csv and R's table1-reference.csv) equals R to 1e-9 relative: n, missing,
 * mean, SD, quartiles (type 7), counts and percentages, the paired Wilcoxon signed-rank and t
 * tests of every change, Mann-Whitney, Welch t and chi-square / Fisher between groups, by
 * cohort, by responder at each time point (PPR >= 50 %, complete case) and by guidance. Both
 * ways: nothing R computed is missing, and nothing is computed that R did not compute.
 */
class Table1ReferenceTest {
    private static final double TOL = 1e-9;

    static Table1 table(String groupBy) throws IOException {
        String text = resource("/scoring/table1-outcomes.csv");
        OutcomeTable t = OutcomeCsv.parse(text, "table1-outcomes.csv", false);
        assertThat(t.problems()).isEmpty();
        List<TimePointOutcomes> tps = TimePointOutcomes.evaluateAll(t, OutcomeRule.DEFAULT, MissingRule.COMPLETE_CASE);
        return Table1Builder.build(t, tps, GroupColumn.parse(text, "table1-outcomes.csv", groupBy, t));
    }

    @Test
    void everyNumberEqualsR() throws IOException {
        Map<String, Double> java = values(table("guidance"));
        java.putAll(values(table("site")));
        Map<String, Double> r = new LinkedHashMap<>();
        String[] lines = resource("/scoring/table1-reference.csv").split("\n");
        assertEquals("\"panel\",\"variable\",\"level\",\"group\",\"quantity\",\"value\"", lines[1]);
        for (int i = 2; i < lines.length; i++) {
            String[] c = lines[i].replace("\"", "").split(",");
            r.put(c[0] + "|" + c[1] + "|" + c[2] + "|" + c[3] + "|" + c[4], Double.parseDouble(c[5]));
        }
        double worst = 0;
        String worstKey = "";
        for (var e : r.entrySet()) {
            Double a = java.get(e.getKey());
            assertThat(a).as("Java has " + e.getKey()).isNotNull();
            double d = Math.abs(a - e.getValue()) / Math.max(1, Math.abs(e.getValue()));
            assertThat(d).as(e.getKey() + ": R " + e.getValue() + ", Java " + a).isLessThanOrEqualTo(TOL);
            if (d > worst) { worst = d; worstKey = e.getKey(); }
        }
        TreeSet<String> extra = new TreeSet<>(java.keySet());
        extra.removeAll(r.keySet());
        assertThat(extra).as("computed in Java but not by R").isEmpty();
        assertThat(r).hasSizeGreaterThan(1000);
        assertThat(r.keySet()).anyMatch(k -> k.contains("Fisher's exact")).anyMatch(k -> k.contains("chi-square (Yates)"))
                .anyMatch(k -> k.startsWith("group:site|") && k.contains("Kruskal-Wallis"))
                .anyMatch(k -> k.startsWith("group:guidance|nrs_change_1month|") && k.contains("Wilcoxon signed-rank"));
        System.out.printf("Table 1 vs R: %d numbers, max relative diff %.3g (%s)%n", r.size(), worst, worstKey);
    }

    /** The table's numbers under the keys of table1.R (panel|variable|level|group|quantity); NaN left out. */
    static Map<String, Double> values(Table1 t) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Table1.Panel p : t.panels()) {
            for (Table1.Group g : p.groups()) put(m, p.id() + "|||" + g.label() + "|patients", g.patients());
            for (Table1.Row row : p.rows()) {
                String k = p.id() + "|" + row.variable() + "|";
                for (Table1.Cell c : row.cells()) {
                    put(m, k + "|" + c.group() + "|n", c.n());
                    put(m, k + "|" + c.group() + "|missing", c.missing());
                    if (c.summary() != null) {
                        put(m, k + "|" + c.group() + "|mean", c.summary().mean());
                        put(m, k + "|" + c.group() + "|sd", c.summary().sd());
                        put(m, k + "|" + c.group() + "|q1", c.summary().q1());
                        put(m, k + "|" + c.group() + "|median", c.summary().median());
                        put(m, k + "|" + c.group() + "|q3", c.summary().q3());
                    }
                    for (int l = 0; l < row.levels().size(); l++) {
                        put(m, p.id() + "|" + row.variable() + "|" + row.levels().get(l) + "|" + c.group() + "|count", c.counts()[l]);
                        put(m, p.id() + "|" + row.variable() + "|" + row.levels().get(l) + "|" + c.group() + "|percent", c.percent(l));
                    }
                    for (TestResult tr : c.paired()) test(m, k + "|" + c.group() + "|", tr);
                }
                for (TestResult tr : row.between()) test(m, k + "|between|", tr);
            }
        }
        return m;
    }

    private static void test(Map<String, Double> m, String prefix, TestResult t) {
        put(m, prefix + "p:" + t.test(), t.p());
        put(m, prefix + "statistic:" + t.test(), t.statistic());
        put(m, prefix + "df:" + t.test(), t.df());
    }

    private static void put(Map<String, Double> m, String key, double v) {
        if (!Double.isNaN(v)) m.put(key, v);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Table1ReferenceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
