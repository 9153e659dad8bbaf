package org.parsreader.scoring.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test resources under /scoring/: data CSVs and the reference values that
 * scripts/r-reference/reference.R wrote (dataset,model,term,quantity,value). Keeps the
 * largest deviation seen per file so tests can print it.
 */
final class RReference {
    final Map<String, String> values = new LinkedHashMap<>();
    double maxAbsDiff;
    double maxRelDiff;
    String worst = "";

    static RReference load(String resource) {
        RReference r = new RReference();
        for (String[] row : csv(resource).subList(1, csv(resource).size())) {
            r.values.put(row[0] + "|" + row[1] + "|" + row[2] + "|" + row[3], row[4]);
        }
        return r;
    }

    double get(String dataset, String model, String term, String quantity) {
        String v = values.get(dataset + "|" + model + "|" + term + "|" + quantity);
        if (v == null) throw new AssertionError("no reference " + dataset + "|" + model + "|" + term + "|" + quantity);
        return Double.parseDouble(v);
    }

    boolean has(String dataset, String model, String term, String quantity) {
        return values.containsKey(dataset + "|" + model + "|" + term + "|" + quantity);
    }

    /** Asserts |actual - expected| <= tol * max(1, |expected|) and records the deviation. */
    void check(String what, double expected, double actual, double tol) {
        double abs = Math.abs(actual - expected);
        double rel = abs / Math.max(1, Math.abs(expected));
        if (rel > maxRelDiff) { maxRelDiff = rel; worst = what; }
        maxAbsDiff = Math.max(maxAbsDiff, abs);
        assertTrue(Double.isFinite(actual) || actual == expected, what + ": not finite: " + actual);
        assertEquals(expected, actual, tol * Math.max(1, Math.abs(expected)), what);
    }

    void check(String dataset, String model, String term, String quantity, double actual, double tol) {
        check(dataset + "/" + model + "/" + term + "/" + quantity, get(dataset, model, term, quantity), actual, tol);
    }

    String summary() {
        return String.format("max |diff| %.3g, max relative diff %.3g (%s)", maxAbsDiff, maxRelDiff, worst);
    }

    /** Rows of a CSV resource (comment lines starting with # skipped), quotes removed. */
    static List<String[]> csv(String resource) {
        try (InputStream in = RReference.class.getResourceAsStream(resource)) {
            if (in == null) throw new AssertionError("missing resource " + resource);
            BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            for (String line; (line = br.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                rows.add(split(line));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(c);
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }

    /** A data CSV as named columns. */
    static Map<String, List<String>> table(String resource) {
        List<String[]> rows = csv(resource);
        Map<String, List<String>> t = new LinkedHashMap<>();
        String[] head = rows.get(0);
        for (String h : head) t.put(h, new ArrayList<>());
        for (String[] r : rows.subList(1, rows.size())) for (int j = 0; j < head.length; j++) t.get(head[j]).add(r[j]);
        return t;
    }

    static double[] doubles(Map<String, List<String>> t, String col) {
        return t.get(col).stream().mapToDouble(Double::parseDouble).toArray();
    }

    static int[] ints(Map<String, List<String>> t, String col) {
        return t.get(col).stream().mapToInt(Integer::parseInt).toArray();
    }
}
