package org.parsreader.scoring.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiplicity adjustment of a family of p-values, as R's {@code p.adjust(p, "holm")} (Holm
 * 1979, family-wise error rate) and {@code p.adjust(p, "BH")} (Benjamini &amp; Hochberg 1995,
 * false discovery rate), with R's default number of tests.
 *
 * <p>Missing p-values (NaN: a model that could not be fitted, a test that was not computed)
 * stay NaN and do not count as tests: R's default {@code n = length(p)} is evaluated after
 * {@code p.adjust} has dropped the NAs, so {@code n} is the number of non-missing p-values.
 * A family of one test (or none) is returned unchanged, as R does for {@code n <= 1}.
 * The arithmetic is R's, operation for operation ({@code (n + 1 - i) * p} and
 * {@code n / i * p}, running max / min, then {@code min(1, .)}), so results are equal to R
 * to the last bit. Unlike R, a p-value outside [0, 1] (or infinite) is refused.
 *
 * <pre>{@code
 * double[] holm = PAdjust.holm(new double[] {0.01, 0.04, Double.NaN, 0.03}); // 0.03, 0.06, NaN, 0.06
 * }</pre>
 */
public final class PAdjust {
    private PAdjust() { }

    /** The two adjustments, by R's name. */
    public enum Method {
        HOLM("holm"), BH("BH");

        private final String r;

        Method(String r) {
            this.r = r;
        }

        /** The method's name in R's {@code p.adjust}. */
        public String rName() {
            return r;
        }
    }

    public static double[] holm(double[] p) {
        return adjust(p, Method.HOLM);
    }

    public static double[] bh(double[] p) {
        return adjust(p, Method.BH);
    }

    /** Number of tests in the family: the non-missing p-values (R's default {@code n}). */
    public static int tests(double[] p) {
        return (int) Arrays.stream(p).filter(v -> !Double.isNaN(v)).count();
    }

    /** Adjusted p-values in the order of {@code p}; NaN where p is NaN. */
    public static double[] adjust(double[] p, Method method) {
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i]) && !(p[i] >= 0 && p[i] <= 1)) {
                throw new StatsInputException("p-value " + p[i] + " at position " + (i + 1) + " of the family is not in [0, 1]");
            }
        }
        double[] out = p.clone();
        int[] present = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).toArray();
        int n = present.length;
        if (n <= 1) return out;
        // ascending p; ties keep their order (the results of tied p-values are equal either way)
        Integer[] o = Arrays.stream(present).boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        if (method == Method.HOLM) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                int i = k + 1;
                max = Math.max(max, (n + 1 - i) * p[o[k]]);
                out[o[k]] = Math.min(1, max);
            }
        } else {
            double min = Double.POSITIVE_INFINITY;
            for (int k = n - 1; k >= 0; k--) {
                int i = k + 1;
                min = Math.min(min, (double) n / i * p[o[k]]);
                out[o[k]] = Math.min(1, min);
            }
        }
        return out;
    }
}
