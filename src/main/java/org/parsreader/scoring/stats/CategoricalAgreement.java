package org.parsreader.scoring.stats;

import java.util.List;

/**
 * Chance-corrected agreement of two or more readers on nominal (or binary) ratings, beyond
 * Cohen's kappa: percent agreement, Gwet's AC1, PABAK and Fleiss' kappa. Written by hand:
 * no JVM library has AC1 or PABAK, and R has them only in CRAN packages Debian does not
 * carry (irrCAC); {@code scripts/r-reference/agreement-beyond-kappa.R} implements the
 * published formulas independently.
 *
 * <p>With {@code r_ik} the readers putting subject i in category k, {@code r_i} its readers
 * and q the categories of the scale (unused ones included):
 * <ul>
 * <li>percent agreement {@code pa = mean_i sum_k r_ik (r_ik - 1) / (r_i (r_i - 1))}: for two
 *     readers the share of subjects with the same rating, for more the mean over reader pairs;</li>
 * <li>Gwet's AC1 (Gwet 2008, Br J Math Stat Psychol 61:29):
 *     {@code pi_k = mean_i r_ik / r_i}, {@code pe = sum_k pi_k (1 - pi_k) / (q - 1)},
 *     {@code (pa - pe) / (1 - pe)};</li>
 * <li>PABAK, prevalence- and bias-adjusted kappa (Byrt, Bishop &amp; Carlin 1993, J Clin
 *     Epidemiol 46:423), {@code (q pa - 1) / (q - 1)} (2 pa - 1 for yes/no), two readers only;</li>
 * <li>Fleiss' kappa (Fleiss 1971, Psychol Bull 76:378), every subject rated by every reader:
 *     {@code p_k = sum_i r_ik / (N r)}, {@code pe = sum_k p_k^2}, {@code (pa - pe) / (1 - pe)}
 *     (for two readers this is Scott's pi).</li>
 * </ul>
 * Subjects with fewer than two ratings carry no agreement and are left out (counted in
 * {@link Result#leftOut()}).
 *
 * <pre>{@code
 * CategoricalAgreement.Result r = CategoricalAgreement.of(new String[][] {{"yes", "yes", "no"}, ...}, List.of("no", "yes"));
 * }</pre>
 */
public final class CategoricalAgreement {
    private CategoricalAgreement() { }

    /**
     * @param subjects      subjects with at least two ratings
     * @param raters        readers (columns)
     * @param categories    q, the scale's categories
     * @param leftOut       subjects with fewer than two ratings
     * @param percentAgreement pa
     * @param ac1           Gwet's AC1; NaN when the scale has one category
     * @param pabak         NaN unless exactly two readers rated every subject
     * @param fleissKappa   NaN when not every subject has every reader's rating, or when
     *                      every rating is in one category (chance agreement 1)
     * @param chanceAc1     AC1's chance agreement pe
     * @param chanceFleiss  Fleiss' chance agreement pe
     */
    public record Result(int subjects, int raters, int categories, int leftOut, double percentAgreement, double ac1,
                         double pabak, double fleissKappa, double chanceAc1, double chanceFleiss, boolean complete) {
        /** Why {@code statistic} ("ac1", "pabak", "fleiss") is NaN, or "" when it is defined. */
        public String undefinedReason(String statistic) {
            return switch (statistic) {
                case "ac1" -> Double.isNaN(ac1) ? (subjects == 0 ? "undefined: no subject with two ratings"
                        : "undefined: the scale has one category (q - 1 = 0)") : "";
                case "pabak" -> !Double.isNaN(pabak) ? "" : raters != 2 ? "PABAK is defined for two readers only"
                        : subjects == 0 ? "undefined: no subject with two ratings" : !complete ? "undefined: not every subject was rated by both readers"
                        : "undefined: the scale has one category";
                case "fleiss" -> !Double.isNaN(fleissKappa) ? "" : subjects == 0 ? "undefined: no subject with two ratings"
                        : !complete ? "undefined: Fleiss' kappa needs every subject rated by every reader"
                        : "undefined: every rating is the same category (chance agreement 1)";
                default -> throw new IllegalArgumentException("no statistic " + statistic);
            };
        }
    }

    /**
     * {@code ratings[subject][reader]}: a label from {@code categories}, or null when that
     * reader did not rate the subject.
     */
    public static Result of(String[][] ratings, List<String> categories) {
        int q = categories.size();
        if (q == 0) throw new StatsInputException("no categories given");
        int raters = ratings.length == 0 ? 0 : ratings[0].length;
        int[][] counts = new int[ratings.length][q];
        for (int i = 0; i < ratings.length; i++) {
            if (ratings[i].length != raters) throw new StatsInputException.DimensionMismatchException("readers in row " + i, raters, ratings[i].length);
            for (int j = 0; j < raters; j++) {
                String v = ratings[i][j];
                if (v == null) continue;
                int k = categories.indexOf(v);
                if (k < 0) throw new StatsInputException("rating '" + v + "' of reader " + (j + 1) + " at row " + i + " is not in " + categories);
                counts[i][k]++;
            }
        }
        return ofCounts(counts, raters, q);
    }

    /** From {@code counts[subject][category]} (readers per category), {@code raters} readers in all. */
    public static Result ofCounts(int[][] counts, int raters, int q) {
        if (raters < 2) throw new StatsInputException.DegenerateDataException("agreement needs at least 2 readers, got " + raters);
        int n = 0;
        int leftOut = 0;
        boolean complete = true;
        double pa = 0;
        double[] pi = new double[q];
        double[] p = new double[q];
        for (int[] c : counts) {
            int ri = 0;
            for (int v : c) ri += v;
            if (ri < 2) { leftOut++; continue; }
            if (ri != raters) complete = false;
            n++;
            double a = 0;
            for (int k = 0; k < q; k++) {
                a += (double) c[k] * (c[k] - 1);
                pi[k] += c[k] / (double) ri;
                p[k] += c[k];
            }
            pa += a / ((double) ri * (ri - 1));
        }
        if (n == 0) return new Result(0, raters, q, leftOut, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, complete);
        pa /= n;
        double peAc1 = 0;
        double peFleiss = 0;
        for (int k = 0; k < q; k++) {
            pi[k] /= n;
            peAc1 += pi[k] * (1 - pi[k]);
            double pk = p[k] / ((double) n * raters);
            peFleiss += pk * pk;
        }
        peAc1 = q > 1 ? peAc1 / (q - 1) : Double.NaN;
        double ac1 = q > 1 ? (pa - peAc1) / (1 - peAc1) : Double.NaN;
        double pabak = raters == 2 && complete && q > 1 ? (q * pa - 1) / (q - 1) : Double.NaN;
        double fleiss = complete && 1 - peFleiss > 1e-14 ? (pa - peFleiss) / (1 - peFleiss) : Double.NaN;
        return new Result(n, raters, q, leftOut, pa, ac1, pabak, fleiss, peAc1, complete ? peFleiss : Double.NaN, complete);
    }
}
