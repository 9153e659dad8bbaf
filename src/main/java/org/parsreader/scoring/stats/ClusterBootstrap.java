package org.parsreader.scoring.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap by cluster (patient): when a patient contributes several rows (levels
 * and sides), rows of one patient are not independent, so whole patients are resampled with
 * replacement, every row of a drawn patient is kept, and the statistics are recomputed on the
 * pooled rows of each resample (the cluster bootstrap; Davison &amp; Hinkley 1997, section 3.8).
 * The interval is the percentile interval with R's default quantile ({@code quantile(type = 7)}).
 * Resamples where a statistic is undefined (NaN) are left out of its interval and counted.
 *
 * <p>Resamples come from {@link SplittableRandom} with the given seed: the same seed gives the
 * same intervals. R's generator cannot be reproduced, so the R reference
 * ({@code scripts/r-reference/agreement-beyond-kappa.R}) draws its own patient indices, stores
 * them, and the test feeds those same draws to {@link #evaluate}.
 *
 * <pre>{@code
 * ClusterBootstrap.Result r = ClusterBootstrap.run(patientOfRow, rows -> new double[] {stat(rows)}, 2000, 1L, 0.95);
 * }</pre>
 */
public final class ClusterBootstrap {
    /** Statistics on the given rows (indices into the caller's data, repeated as drawn). */
    @FunctionalInterface
    public interface Statistics {
        double[] apply(int[] rows);
    }

    /** A percentile interval; {@code used} resamples had a defined statistic. */
    public record Interval(double lower, double upper, int used) { }

    public record Result(int resamples, long seed, int clusters, List<Interval> intervals) { }

    private ClusterBootstrap() { }

    /** Seeded resamples of the clusters named in {@code clusterOfRow}. */
    public static Result run(String[] clusterOfRow, Statistics statistics, int resamples, long seed, double level) {
        int[][] rowsOf = rowsOf(clusterOfRow);
        if (resamples < 1) throw new StatsInputException("the number of bootstrap resamples must be at least 1, got " + resamples);
        SplittableRandom rnd = new SplittableRandom(seed);
        int c = rowsOf.length;
        Iterable<int[]> draws = () -> new java.util.Iterator<>() {
            int done;

            @Override public boolean hasNext() { return done < resamples; }

            @Override public int[] next() {
                done++;
                int[] d = new int[c];
                for (int i = 0; i < c; i++) d[i] = rnd.nextInt(c);
                return d;
            }
        };
        Result r = evaluate(rowsOf, draws, statistics, level);
        return new Result(r.resamples(), seed, c, r.intervals());
    }

    /**
     * The bootstrap on given draws: each draw lists cluster numbers (0-based, in order of
     * first appearance in {@code clusterOfRow}), one per cluster of the data.
     */
    public static Result evaluate(String[] clusterOfRow, Iterable<int[]> draws, Statistics statistics, double level) {
        return evaluate(rowsOf(clusterOfRow), draws, statistics, level);
    }

    private static Result evaluate(int[][] rowsOf, Iterable<int[]> draws, Statistics statistics, double level) {
        List<double[]> values = new ArrayList<>();
        int b = 0;
        for (int[] d : draws) {
            int size = 0;
            for (int c : d) size += rowsOf[c].length;
            int[] rows = new int[size];
            int at = 0;
            for (int c : d) {
                System.arraycopy(rowsOf[c], 0, rows, at, rowsOf[c].length);
                at += rowsOf[c].length;
            }
            double[] s = statistics.apply(rows);
            if (values.isEmpty()) for (int k = 0; k < s.length; k++) values.add(new double[64]);
            for (int k = 0; k < s.length; k++) {
                if (b == values.get(k).length) values.set(k, Arrays.copyOf(values.get(k), 2 * b));
                values.get(k)[b] = s[k];
            }
            b++;
        }
        List<Interval> out = new ArrayList<>();
        double alpha = 1 - level;
        for (double[] v : values) {
            double[] ok = Arrays.stream(v, 0, b).filter(x -> !Double.isNaN(x)).sorted().toArray();
            out.add(ok.length == 0 ? new Interval(Double.NaN, Double.NaN, 0)
                    : new Interval(quantile7(ok, alpha / 2), quantile7(ok, 1 - alpha / 2), ok.length));
        }
        return new Result(b, 0, rowsOf.length, out);
    }

    /** R's {@code quantile(x, p, type = 7)} of sorted x. */
    public static double quantile7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo + 1 >= sorted.length) return sorted[sorted.length - 1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    private static int[][] rowsOf(String[] clusterOfRow) {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (int i = 0; i < clusterOfRow.length; i++) m.computeIfAbsent(clusterOfRow[i], k -> new ArrayList<>()).add(i);
        if (m.size() < 2) {
            throw new StatsInputException.DegenerateDataException("the bootstrap by patient needs at least 2 patients, got " + m.size());
        }
        int[][] out = new int[m.size()][];
        int i = 0;
        for (List<Integer> rows : m.values()) out[i++] = rows.stream().mapToInt(Integer::intValue).toArray();
        return out;
    }
}
