package org.parsreader.scoring.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Cohen's kappa (1960) and weighted kappa (Cohen 1968) for two readers, with the
 * large-sample variances of Fleiss, Cohen &amp; Everitt (1969). Kappa, weighted kappa and
 * the unweighted variance equal R's {@code psych::cohen.kappa}; the weighted variance
 * equals {@code vcd::Kappa} (see the package documentation for why not psych's).
 */
public final class CohenKappa {
    private CohenKappa() { }

    /** Integer grades; categories are the sorted union of both readers' values (as psych). */
    public static KappaResult of(int[] reader1, int[] reader2) {
        TreeSet<Integer> levels = new TreeSet<>();
        for (int v : reader1) levels.add(v);
        for (int v : reader2) levels.add(v);
        return of(reader1, reader2, levels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Integer grades on an explicit ordered scale (unused grades still count for the weights). */
    public static KappaResult of(int[] reader1, int[] reader2, int[] levels) {
        String[] a = new String[reader1.length];
        String[] b = new String[reader2.length];
        for (int i = 0; i < a.length; i++) a[i] = Integer.toString(reader1[i]);
        for (int i = 0; i < b.length; i++) b[i] = Integer.toString(reader2[i]);
        List<String> lv = new ArrayList<>();
        for (int v : levels) lv.add(Integer.toString(v));
        return of(a, b, lv, 0.95);
    }

    /** Nominal labels; categories sorted. Weighted values only mean something for ordered labels. */
    public static KappaResult of(String[] reader1, String[] reader2) {
        TreeSet<String> levels = new TreeSet<>(List.of(reader1));
        levels.addAll(List.of(reader2));
        return of(reader1, reader2, new ArrayList<>(levels), 0.95);
    }

    /** Labels on the given ordered categories; every label must be one of them. */
    public static KappaResult of(String[] reader1, String[] reader2, List<String> categories, double confidenceLevel) {
        if (reader1.length != reader2.length) {
            throw new StatsInputException.DimensionMismatchException("ratings of reader 2", reader1.length,
                    reader2.length);
        }
        int k = categories.size();
        double[][] table = new double[k][k];
        for (int i = 0; i < reader1.length; i++) {
            table[index(categories, reader1[i], i)][index(categories, reader2[i], i)]++;
        }
        return ofTable(table, categories, confidenceLevel);
    }

    private static int index(List<String> categories, String v, int row) {
        int j = categories.indexOf(v);
        if (j < 0) throw new StatsInputException("rating '" + v + "' at row " + row + " is not in " + categories);
        return j;
    }

    /** From a k x k contingency table of counts (rows reader 1, columns reader 2). */
    public static KappaResult ofTable(double[][] counts, List<String> categories, double confidenceLevel) {
        int k = counts.length;
        if (categories.size() != k) {
            throw new StatsInputException.DimensionMismatchException("categories", k, categories.size());
        }
        double tot = 0;
        for (double[] r : counts) {
            if (r.length != k) throw new StatsInputException.DimensionMismatchException("table columns", k, r.length);
            for (double v : r) tot += v;
        }
        if (!(tot > 0)) throw new StatsInputException.DegenerateDataException("no ratings");
        double[][] x = new double[k][k];
        double po = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) x[i][j] = counts[i][j] / tot;
            po += x[i][i];
        }
        double z = Distributions.normalQuantile(0.5 + 0.5 * confidenceLevel);
        double[][] identity = new double[k][k];
        double[][] lin = new double[k][k];
        double[][] quad = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                identity[i][j] = i == j ? 1 : 0;
                lin[i][j] = k == 1 ? 1 : 1 - Math.abs(i - j) / (double) (k - 1);
                quad[i][j] = k == 1 ? 1 : 1 - (double) (i - j) * (i - j) / ((double) (k - 1) * (k - 1));
            }
        }
        return new KappaResult((int) Math.round(tot), categories, po, weighted(x, identity, tot, z),
                weighted(x, lin, tot, z), weighted(x, quad, tot, z));
    }

    /**
     * Weighted kappa and its variance (Fleiss, Cohen &amp; Everitt 1969, eq. 15):
     * {@code var = [sum_ij p_ij (w_ij (1-pe) - (wr_i + wc_j)(1-po))^2 - (po pe - 2 pe + po)^2] / (N (1-pe)^4)}
     * with {@code wr_i = sum_j p.j w_ij}, {@code wc_j = sum_i p_i. w_ij}; identity weights
     * give Cohen's kappa and its variance.
     */
    static KappaEstimate weighted(double[][] x, double[][] w, double n, double z) {
        int k = x.length;
        double[] rs = new double[k];
        double[] cs = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) { rs[i] += x[i][j]; cs[j] += x[i][j]; }
        }
        double po = 0;
        double pe = 0;
        double[] wr = new double[k];
        double[] wc = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                po += w[i][j] * x[i][j];
                pe += w[i][j] * rs[i] * cs[j];
                wr[i] += w[i][j] * cs[j];
                wc[j] += w[i][j] * rs[i];
            }
        }
        if (!(1 - pe > 1e-14)) return KappaEstimate.UNDEFINED;
        double kappa = (po - pe) / (1 - pe);
        double s = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double d = w[i][j] * (1 - pe) - (wr[i] + wc[j]) * (1 - po);
                s += x[i][j] * d * d;
            }
        }
        double c = po * pe - 2 * pe + po;
        double var = (s - c * c) / (n * Math.pow(1 - pe, 4));
        double se = Math.sqrt(Math.max(var, 0));
        return new KappaEstimate(kappa, se, Math.max(-1, kappa - z * se), Math.min(1, kappa + z * se));
    }
}
