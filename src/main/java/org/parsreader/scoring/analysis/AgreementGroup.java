package org.parsreader.scoring.analysis;

import java.util.ArrayList;
import java.util.List;
import org.parsreader.scoring.stats.BlandAltman;
import org.parsreader.scoring.stats.CategoricalAgreement;
import org.parsreader.scoring.stats.ClusterBootstrap;
import org.parsreader.scoring.stats.CohenKappa;
import org.parsreader.scoring.stats.Icc;
import org.parsreader.scoring.stats.IccResult;
import org.parsreader.scoring.stats.KappaEstimate;
import org.parsreader.scoring.stats.KappaResult;
import org.parsreader.scoring.stats.KrippendorffAlpha;
import org.parsreader.scoring.stats.StatsInputException;

/**
 * The statistics of one item for one set of readers, over the rows (places or patients) every
 * reader of the set rated: the estimates on all rows, analytic intervals where they exist, and
 * the percentile interval of the bootstrap by patient, all statistics of the group on the same
 * resamples.
 */
final class AgreementGroup {
    static final double LEVEL = 0.95;

    private AgreementGroup() { }

    /** One row's statistics on given rows: names and values in the same order. */
    private interface Stats extends ClusterBootstrap.Statistics {
        List<String> names();
    }

    /** Labels coded as indices into {@code categories} ({@code codes[row][reader]}); ordered: graded scale. */
    static List<AgreementResult> categorical(String scope, String item, List<String> readers, String[] patient, int[][] codes,
                                             List<String> categories, boolean ordered, AgreementOptions o) {
        int q = categories.size();
        boolean pair = readers.size() == 2;
        List<String> names = new ArrayList<>();
        if (pair) {
            names.add("kappa");
            if (ordered) { names.add("kappa_linear"); names.add("kappa_quadratic"); }
            names.addAll(List.of("percent_agreement", "ac1", "pabak"));
        } else {
            names.addAll(List.of("percent_agreement", "ac1", "fleiss_kappa", "alpha_nominal"));
            if (ordered) names.add("alpha_ordinal");
        }
        if (codes.length < 2) return List.of(tooFew(scope, item, readers, names.get(0), codes.length, patient));
        int[][] rowCounts = new int[codes.length][q];
        for (int i = 0; i < codes.length; i++) for (int v : codes[i]) rowCounts[i][v]++;
        double[] scale = new double[q];
        for (int c = 0; c < q; c++) scale[c] = c;
        Stats s = new Stats() {
            @Override public List<String> names() { return names; }

            @Override public double[] apply(int[] rows) {
                double[] v = new double[names.size()];
                int at = 0;
                int[][] counts = new int[rows.length][];
                for (int i = 0; i < rows.length; i++) counts[i] = rowCounts[rows[i]];
                CategoricalAgreement.Result ca = CategoricalAgreement.ofCounts(counts, readers.size(), q);
                if (pair) {
                    KappaResult k = CohenKappa.ofTable(table(codes, rows, q), categories, LEVEL);
                    v[at++] = k.unweighted().kappa();
                    if (ordered) { v[at++] = k.linear().kappa(); v[at++] = k.quadratic().kappa(); }
                    v[at++] = ca.percentAgreement();
                    v[at++] = ca.ac1();
                    v[at] = ca.pabak();
                } else {
                    v[at++] = ca.percentAgreement();
                    v[at++] = ca.ac1();
                    v[at++] = ca.fleissKappa();
                    v[at++] = KrippendorffAlpha.ofCounts(counts, scale, KrippendorffAlpha.Metric.NOMINAL).alpha();
                    if (ordered) v[at] = KrippendorffAlpha.ofCounts(counts, scale, KrippendorffAlpha.Metric.ORDINAL).alpha();
                }
                return v;
            }
        };
        int[] all = all(codes.length);
        double[] est = s.apply(all);
        CategoricalAgreement.Result ca = CategoricalAgreement.ofCounts(rowCounts, readers.size(), q);
        KappaResult k = pair ? CohenKappa.ofTable(table(codes, all, q), categories, LEVEL) : null;
        List<double[]> ci = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            KappaEstimate ke = k == null ? null : switch (name) {
                case "kappa" -> k.unweighted();
                case "kappa_linear" -> k.linear();
                case "kappa_quadratic" -> k.quadratic();
                default -> null;
            };
            ci.add(ke == null ? new double[] {Double.NaN, Double.NaN, Double.NaN} : new double[] {ke.lower(), ke.upper(), k.observedAgreement()});
            notes.add(!Double.isNaN(est[i]) ? "" : switch (name) {
                case "kappa", "kappa_linear", "kappa_quadratic" -> "undefined: both readers used one category only (chance agreement 1)";
                case "ac1" -> ca.undefinedReason("ac1");
                case "pabak" -> ca.undefinedReason("pabak");
                case "fleiss_kappa" -> ca.undefinedReason("fleiss");
                case "alpha_nominal" -> KrippendorffAlpha.ofCounts(rowCounts, scale, KrippendorffAlpha.Metric.NOMINAL).undefinedReason();
                case "alpha_ordinal" -> KrippendorffAlpha.ofCounts(rowCounts, scale, KrippendorffAlpha.Metric.ORDINAL).undefinedReason();
                default -> "undefined";
            });
        }
        return rows(scope, item, readers, patient, s, est, ci, notes, o);
    }

    /** Numbers per row and reader; pairs also give their Bland-Altman result in {@code plots}. */
    static List<AgreementResult> numeric(String scope, String item, List<String> readers, String[] patient, double[][] values,
                                         AgreementOptions o, List<AgreementAnalysis.BlandAltmanPlot> plots) {
        boolean pair = readers.size() == 2;
        String icc = o.icc().statistic();
        List<String> names = pair ? List.of(icc, "ba_bias", "ba_lower_loa", "ba_upper_loa") : List.of(icc, "alpha_interval");
        if (values.length < 2) return List.of(tooFew(scope, item, readers, icc, values.length, patient));
        Stats s = new Stats() {
            @Override public List<String> names() { return names; }

            @Override public double[] apply(int[] rows) {
                double[][] x = new double[rows.length][];
                for (int i = 0; i < rows.length; i++) x[i] = values[rows[i]];
                double[] v = new double[names.size()];
                try {
                    v[0] = Icc.estimate(x, o.icc());
                } catch (StatsInputException e) {
                    v[0] = Double.NaN;
                }
                if (pair) {
                    double bias = 0;
                    for (double[] r : x) bias += r[0] - r[1];
                    bias /= x.length;
                    double ss = 0;
                    for (double[] r : x) ss += (r[0] - r[1] - bias) * (r[0] - r[1] - bias);
                    double sd = Math.sqrt(ss / (x.length - 1));
                    double z = 1.959963984540054; // qnorm(0.975), as BlandAltman
                    v[1] = bias;
                    v[2] = bias - z * sd;
                    v[3] = bias + z * sd;
                } else {
                    v[1] = KrippendorffAlpha.of(x, KrippendorffAlpha.Metric.INTERVAL).alpha();
                }
                return v;
            }
        };
        double[] est = s.apply(all(values.length));
        List<double[]> ci = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            IccResult r = Icc.of(values, o.icc(), LEVEL);
            ci.add(new double[] {r.lower(), r.upper(), Double.NaN});
            notes.add("");
        } catch (StatsInputException e) {
            ci.add(new double[] {Double.NaN, Double.NaN, Double.NaN});
            notes.add(o.icc().label() + " undefined: " + e.getMessage());
        }
        if (pair) {
            double[] a = new double[values.length];
            double[] b = new double[values.length];
            for (int i = 0; i < values.length; i++) { a[i] = values[i][0]; b[i] = values[i][1]; }
            BlandAltman ba = BlandAltman.of(a, b, LEVEL);
            ci.add(new double[] {ba.biasLower(), ba.biasUpper(), Double.NaN});
            ci.add(new double[] {ba.lowerLimitLower(), ba.lowerLimitUpper(), Double.NaN});
            ci.add(new double[] {ba.upperLimitLower(), ba.upperLimitUpper(), Double.NaN});
            notes.addAll(List.of("", "", ""));
            List<AgreementResult> rows = rows(scope, item, readers, patient, s, est, ci, notes, o);
            plots.add(new AgreementAnalysis.BlandAltmanPlot(scope, item, readers.get(0), readers.get(1), ba, rows.get(1), rows.get(2), rows.get(3)));
            return rows;
        }
        ci.add(new double[] {Double.NaN, Double.NaN, Double.NaN});
        double[][] x = values;
        notes.add(Double.isNaN(est[1]) ? KrippendorffAlpha.of(x, KrippendorffAlpha.Metric.INTERVAL).undefinedReason() : "");
        return rows(scope, item, readers, patient, s, est, ci, notes, o);
    }

    private static List<AgreementResult> rows(String scope, String item, List<String> readers, String[] patient, Stats s, double[] est,
                                              List<double[]> ci, List<String> notes, AgreementOptions o) {
        int patients = (int) java.util.Arrays.stream(patient).distinct().count();
        ClusterBootstrap.Result boot = null;
        String bootNote = "";
        if (o.bootstrap() > 0) {
            try {
                boot = ClusterBootstrap.run(patient, s, o.bootstrap(), o.seed(), LEVEL);
            } catch (StatsInputException e) {
                bootNote = "no bootstrap CI: " + e.getMessage();
            }
        }
        List<AgreementResult> out = new ArrayList<>();
        for (int i = 0; i < est.length; i++) {
            double bl = Double.NaN;
            double bu = Double.NaN;
            int used = 0;
            String note = notes.get(i);
            if (boot != null && !Double.isNaN(est[i])) {
                ClusterBootstrap.Interval iv = boot.intervals().get(i);
                bl = iv.lower();
                bu = iv.upper();
                used = iv.used();
                if (used < boot.resamples()) {
                    note = join(note, "bootstrap CI from " + used + " of " + boot.resamples() + " resamples (undefined in the others)");
                }
            } else if (!bootNote.isEmpty()) {
                note = join(note, bootNote);
            }
            out.add(new AgreementResult(scope, item, readers, s.names().get(i), patient.length,
                    patients, est[i], ci.get(i)[0], ci.get(i)[1], ci.get(i)[2], bl, bu, used, note));
        }
        return out;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }

    private static AgreementResult tooFew(String scope, String item, List<String> readers, String statistic, int n, String[] patient) {
        String who = readers.size() == 2 ? "both " + readers.get(0) + " and " + readers.get(1) : "all of " + String.join(", ", readers);
        return new AgreementResult(scope, item, readers, statistic, n, (int) java.util.Arrays.stream(patient).distinct().count(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                "fewer than 2 " + (scope.equals("finding") ? "places" : "patients") + " rated by " + who + " (n = " + n + ")");
    }

    private static int[] all(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    private static double[][] table(int[][] codes, int[] rows, int q) {
        double[][] t = new double[q][q];
        for (int r : rows) t[codes[r][0]][codes[r][1]]++;
        return t;
    }
}
