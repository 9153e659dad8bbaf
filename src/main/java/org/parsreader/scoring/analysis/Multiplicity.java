package org.parsreader.scoring.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parsreader.scoring.stats.PAdjust;

/**
 * Multiplicity adjustment of the scoring's tests ({@link PAdjust}: Holm and
 * Benjamini-Hochberg as R's {@code p.adjust}), for the Wald and the likelihood-ratio p of
 * every row, in two kinds of family:
 * <ul>
 * <li>per reader and time point: the univariable models of one reader at one time point
 *     (one family per table of the report); for the multivariable analysis, the terms of
 *     one model;</li>
 * <li>all together: every univariable test of the run (all readers and time points), and
 *     separately every multivariable term of the run.</li>
 * </ul>
 * Univariable and multivariable tests are never pooled: they answer different questions
 * about the same predictors. A model that could not be fitted has no p and is not a test
 * (R's default {@code n}); a family of one test is left unadjusted (adjusted = raw).
 */
public final class Multiplicity {
    private Multiplicity() { }

    /** The test whose p is used for inference (bold in the report): LR when the run computed LR tests, otherwise Wald. */
    public enum Test {
        LR("LR"), WALD("Wald");

        private final String label;

        Test(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The univariable results with their adjusted p-values, in the same order. */
    public static List<UnivariableResult> adjustUnivariable(List<UnivariableResult> results) {
        List<int[]> families = families(results.stream().map(r -> key(r.reader(), r.timePoint())).toList());
        AdjustedP[] wald = adjust(results.stream().mapToDouble(UnivariableResult::pWald).toArray(), families);
        AdjustedP[] lr = adjust(results.stream().mapToDouble(UnivariableResult::pLr).toArray(), families);
        List<UnivariableResult> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) out.add(results.get(i).withAdjusted(wald[i], lr[i]));
        return out;
    }

    /** The multivariable models with the adjusted p-values of their terms (family: the model's terms). */
    public static List<MultivariableResult> adjustMultivariable(List<MultivariableResult> models) {
        List<String> keys = new ArrayList<>();
        List<Double> wald = new ArrayList<>();
        List<Double> lr = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            for (MultivariableResult.Term t : models.get(m).terms()) {
                keys.add("" + m);
                wald.add(t.pWald());
                lr.add(t.pLr());
            }
        }
        List<int[]> families = families(keys);
        AdjustedP[] aw = adjust(wald.stream().mapToDouble(Double::doubleValue).toArray(), families);
        AdjustedP[] al = adjust(lr.stream().mapToDouble(Double::doubleValue).toArray(), families);
        List<MultivariableResult> out = new ArrayList<>(models.size());
        int k = 0;
        for (MultivariableResult m : models) {
            List<MultivariableResult.Term> terms = new ArrayList<>();
            for (MultivariableResult.Term t : m.terms()) {
                terms.add(t.withAdjusted(aw[k], al[k]));
                k++;
            }
            out.add(m.withTerms(terms));
        }
        return out;
    }

    /**
     * Linear univariable results with their adjusted p (family: one continuous outcome, reader
     * and time point; "all": every linear univariable test of the run). Logistic and linear
     * tests are never pooled.
     */
    public static List<LinearResult> adjustLinear(List<LinearResult> results) {
        List<int[]> families = families(results.stream().map(r -> r.outcome() + '\u0000' + key(r.reader(), r.timePoint())).toList());
        AdjustedP[] a = adjust(results.stream().mapToDouble(LinearResult::p).toArray(), families);
        List<LinearResult> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) out.add(results.get(i).withAdjusted(a[i]));
        return out;
    }

    /** Linear models with the adjusted p of their terms (family: the model's terms; "all": every term of these models). */
    public static List<LinearModelResult> adjustLinearModels(List<LinearModelResult> models) {
        List<String> keys = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            for (LinearModelResult.Term t : models.get(m).terms()) {
                keys.add("" + m);
                p.add(t.p());
            }
        }
        AdjustedP[] a = adjust(p.stream().mapToDouble(Double::doubleValue).toArray(), families(keys));
        List<LinearModelResult> out = new ArrayList<>(models.size());
        int k = 0;
        for (LinearModelResult m : models) {
            List<LinearModelResult.Term> terms = new ArrayList<>();
            for (LinearModelResult.Term t : m.terms()) terms.add(t.withAdjusted(a[k++]));
            out.add(m.withTerms(terms));
        }
        return out;
    }

    /** LR when any fitted univariable model has an LR p (the run computed LR tests), otherwise Wald. */
    public static Test basis(List<UnivariableResult> results) {
        return results.stream().anyMatch(r -> !Double.isNaN(r.pLr())) ? Test.LR : Test.WALD;
    }

    /** LR when any term has an LR p, otherwise Wald. */
    public static Test basisMultivariable(List<MultivariableResult> models) {
        return models.stream().flatMap(m -> m.terms().stream()).anyMatch(t -> !Double.isNaN(t.pLr())) ? Test.LR : Test.WALD;
    }

    /** The raw p of a row for {@code test}. */
    public static double p(UnivariableResult r, Test test) {
        return test == Test.LR ? r.pLr() : r.pWald();
    }

    public static double p(MultivariableResult.Term t, Test test) {
        return test == Test.LR ? t.pLr() : t.pWald();
    }

    /** The adjusted p-values of a row for {@code test}. */
    public static AdjustedP adjusted(UnivariableResult r, Test test) {
        return test == Test.LR ? r.adjustedLr() : r.adjustedWald();
    }

    public static AdjustedP adjusted(MultivariableResult.Term t, Test test) {
        return test == Test.LR ? t.adjustedLr() : t.adjustedWald();
    }

    /** Number of tests among {@code rows}: the rows with a p for {@code test}. */
    public static int tests(List<UnivariableResult> rows, Test test) {
        return (int) rows.stream().filter(r -> !Double.isNaN(p(r, test))).count();
    }

    public static int testsMultivariable(List<MultivariableResult> models, Test test) {
        return (int) models.stream().flatMap(m -> m.terms().stream()).filter(t -> !Double.isNaN(p(t, test))).count();
    }

    private static String key(String reader, String timePoint) {
        return reader + '\u0000' + timePoint;
    }

    /** Indices of equal keys, in order of first appearance. */
    private static List<int[]> families(List<String> keys) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) byKey.computeIfAbsent(keys.get(i), k -> new ArrayList<>()).add(i);
        return byKey.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    private static AdjustedP[] adjust(double[] p, List<int[]> families) {
        double[] holmAll = PAdjust.holm(p);
        double[] bhAll = PAdjust.bh(p);
        AdjustedP[] out = new AdjustedP[p.length];
        for (int[] f : families) {
            double[] sub = new double[f.length];
            for (int j = 0; j < f.length; j++) sub[j] = p[f[j]];
            double[] holm = PAdjust.holm(sub);
            double[] bh = PAdjust.bh(sub);
            for (int j = 0; j < f.length; j++) out[f[j]] = new AdjustedP(holm[j], bh[j], holmAll[f[j]], bhAll[f[j]]);
        }
        return out;
    }
}
