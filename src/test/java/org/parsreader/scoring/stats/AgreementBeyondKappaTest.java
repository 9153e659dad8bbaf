package org.parsreader.scoring.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Percent agreement, AC1, PABAK, Fleiss, Krippendorff's alpha, the ICC forms, Bland-Altman and
 * the bootstrap by patient against scripts/r-reference/agreement-beyond-kappa.R.
 */
class AgreementBeyondKappaTest {
    static final double TOL = 1e-6;
    static final RReference REF = RReference.load("/scoring/agreement-beyond-reference.csv");
    static final Map<String, List<String>> R2 = RReference.table("/scoring/ratings.csv");
    static final Map<String, List<String>> R3 = RReference.table("/scoring/ratings3.csv");
    static final List<String> COMPARTMENTS = List.of("none", "intradefect", "facet", "epidural");
    static final List<String> GRADES = List.of("0", "1", "2", "3", "4");

    static String[][] labels(Map<String, List<String>> t, String... cols) {
        int n = t.get(cols[0]).size();
        String[][] m = new String[n][cols.length];
        for (int i = 0; i < n; i++) for (int j = 0; j < cols.length; j++) {
            String v = t.get(cols[j]).get(i);
            m[i][j] = v.isEmpty() ? null : v;
        }
        return m;
    }

    static double[][] numbers(Map<String, List<String>> t, String... cols) {
        String[][] s = labels(t, cols);
        double[][] m = new double[s.length][cols.length];
        for (int i = 0; i < s.length; i++) for (int j = 0; j < cols.length; j++) m[i][j] = s[i][j] == null ? Double.NaN : Double.parseDouble(s[i][j]);
        return m;
    }

    static String[] three(String p) {
        return new String[] {p + "_r1", p + "_r2", p + "_r3"};
    }

    @Test
    void twoReadersPercentAgreementAc1PabakAndScottEqualR() {
        Object[][] items = {{"bme", List.of("0", "1")}, {"comp", COMPARTMENTS}, {"grade", GRADES}};
        for (Object[] it : items) {
            String m = (String) it[0];
            @SuppressWarnings("unchecked") List<String> cats = (List<String>) it[1];
            CategoricalAgreement.Result r = CategoricalAgreement.of(labels(R2, m + "_r1", m + "_r2"), cats);
            REF.check("ratings", m, "", "percent_agreement", r.percentAgreement(), TOL);
            REF.check("ratings", m, "", "ac1", r.ac1(), TOL);
            REF.check("ratings", m, "", "pabak", r.pabak(), TOL);
            REF.check("ratings", m, "", "fleiss", r.fleissKappa(), TOL);
            assertEquals(134, r.subjects());
        }
    }

    @Test
    void threeReadersFleissAndAc1EqualR() {
        Object[][] items = {{"bin", List.of("0", "1")}, {"nom", COMPARTMENTS}, {"ord", GRADES}};
        for (Object[] it : items) {
            String m = (String) it[0];
            @SuppressWarnings("unchecked") List<String> cats = (List<String>) it[1];
            CategoricalAgreement.Result r = CategoricalAgreement.of(labels(R3, three(m)), cats);
            REF.check("ratings3", m, "", "percent_agreement", r.percentAgreement(), TOL);
            REF.check("ratings3", m, "", "ac1", r.ac1(), TOL);
            REF.check("ratings3", m, "", "fleiss", r.fleissKappa(), TOL);
            assertTrue(Double.isNaN(r.pabak()), "PABAK is for two readers");
            assertEquals("PABAK is defined for two readers only", r.undefinedReason("pabak"));
        }
    }

    @Test
    void fleissKappaOfThePublishedExample() {
        // Fleiss (1971), 10 subjects x 14 raters x 5 categories, as on Wikipedia: kappa = 0.210
        int[][] c = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        assertEquals(0.210, CategoricalAgreement.ofCounts(c, 14, 5).fleissKappa(), 0.0005);
    }

    @Test
    void krippendorffAlphaEqualsRAndThePaper() {
        double[][] k11 = numbers(RReference.table("/scoring/krippendorff-2011.csv"), "A", "B", "C", "D");
        double[] paper = {0.743, 0.815, 0.849};
        KrippendorffAlpha.Metric[] metrics = KrippendorffAlpha.Metric.values();
        for (int i = 0; i < 3; i++) {
            String q = "alpha_" + metrics[i].name().toLowerCase();
            double a = KrippendorffAlpha.of(k11, metrics[i]).alpha();
            REF.check("krippendorff2011", "example", "", q, a, TOL);
            assertEquals(paper[i], a, 0.0005, "Krippendorff (2011) " + q);
            REF.check("ratings3", "ord", "", q, KrippendorffAlpha.of(numbers(R3, three("ord")), metrics[i]).alpha(), TOL);
            REF.check("ratings3", "ordmiss", "", q, KrippendorffAlpha.of(numbers(R3, three("ordmiss")), metrics[i]).alpha(), TOL);
        }
        assertEquals(12, KrippendorffAlpha.of(k11, KrippendorffAlpha.Metric.NOMINAL).units() + 1, "unit 12 has one value");
        REF.check("ratings3", "bin", "", "alpha_nominal", KrippendorffAlpha.of(numbers(R3, three("bin")), KrippendorffAlpha.Metric.NOMINAL).alpha(), TOL);
        REF.check("ratings3", "width", "", "alpha_interval",
                KrippendorffAlpha.of(numbers(R3, three("width")), KrippendorffAlpha.Metric.INTERVAL).alpha(), TOL);
        REF.check("ratings", "bme", "", "alpha_nominal", KrippendorffAlpha.of(numbers(R2, "bme_r1", "bme_r2"), KrippendorffAlpha.Metric.NOMINAL).alpha(), TOL);
        REF.check("ratings", "grade", "", "alpha_ordinal",
                KrippendorffAlpha.of(numbers(R2, "grade_r1", "grade_r2"), KrippendorffAlpha.Metric.ORDINAL).alpha(), TOL);
        REF.check("ratings", "width", "", "alpha_interval",
                KrippendorffAlpha.of(numbers(R2, "width_r1", "width_r2"), KrippendorffAlpha.Metric.INTERVAL).alpha(), TOL);
    }

    /** Category counts per unit of integer-coded ratings 0..q-1 (NaN: no rating). */
    static int[][] counts(double[][] x, int q) {
        int[][] c = new int[x.length][q];
        for (int i = 0; i < x.length; i++) for (double v : x[i]) if (!Double.isNaN(v)) c[i][(int) v]++;
        return c;
    }

    @Test
    void krippendorffAlphaFromCountsEqualsR() {
        double[][] k11 = numbers(RReference.table("/scoring/krippendorff-2011.csv"), "A", "B", "C", "D");
        double[] values = {0, 1, 2, 3, 4, 5};
        for (KrippendorffAlpha.Metric m : KrippendorffAlpha.Metric.values()) {
            String q = "alpha_" + m.name().toLowerCase();
            REF.check("krippendorff2011", "example", "", q, KrippendorffAlpha.ofCounts(counts(k11, 6), values, m).alpha(), TOL);
            REF.check("ratings3", "ordmiss", "", q, KrippendorffAlpha.ofCounts(counts(numbers(R3, three("ordmiss")), 5),
                    new double[] {0, 1, 2, 3, 4}, m).alpha(), TOL);
        }
    }

    @Test
    void iccFormsEqualPsych() {
        Map<String, List<String>> sf = RReference.table("/scoring/shrout-fleiss.csv");
        Object[][] sets = {{"ratings", "width", numbers(R2, "width_r1", "width_r2")},
            {"shrout_fleiss", "table2", numbers(sf, "J1", "J2", "J3", "J4")}, {"ratings3", "width", numbers(R3, three("width"))}};
        for (Object[] s : sets) {
            for (IccForm form : IccForm.values()) {
                IccResult r = Icc.of((double[][]) s[2], form, 0.95);
                String d = (String) s[0];
                String m = (String) s[1];
                REF.check(d, m, form.psychRow(), "icc", r.icc(), TOL);
                REF.check(d, m, form.psychRow(), "f", r.f(), TOL);
                REF.check(d, m, form.psychRow(), "p", r.p(), TOL);
                REF.check(d, m, form.psychRow(), "lower", r.lower(), TOL);
                REF.check(d, m, form.psychRow(), "upper", r.upper(), TOL);
                assertEquals(form, r.form());
            }
        }
        assertEquals(IccForm.ICC2_K, IccForm.parse("2,k"));
        assertEquals(IccForm.ICC3_1, IccForm.parse("ICC(3,1)"));
        StatsInputException e = assertThrows(StatsInputException.class, () -> IccForm.parse("1,1"));
        assertTrue(e.getMessage().contains("'1,1'"), e.getMessage());
    }

    @Test
    void blandAltmanEqualsR() {
        BlandAltman b = BlandAltman.of(RReference.doubles(R2, "width_r1"), RReference.doubles(R2, "width_r2"), 0.95);
        double[] got = {b.n(), b.bias(), b.sd(), b.lowerLimit(), b.upperLimit(), b.biasLower(), b.biasUpper(), b.lowerLimitLower(),
            b.lowerLimitUpper(), b.upperLimitLower(), b.upperLimitUpper()};
        String[] names = {"n", "bias", "sd", "lower_limit", "upper_limit", "bias_lower", "bias_upper", "lower_limit_lower",
            "lower_limit_upper", "upper_limit_lower", "upper_limit_upper"};
        for (int i = 0; i < names.length; i++) REF.check("ratings", "width", "bland_altman", names[i], got[i], TOL);
    }

    @Test
    void bootstrapByPatientOnRsDrawsEqualsR() {
        String[] patient = R3.get("patient").toArray(String[]::new);
        String[][] bin = labels(R3, three("bin"));
        double[][] width = numbers(R3, three("width"));
        List<int[]> draws = new ArrayList<>();
        for (String[] row : RReference.csv("/scoring/bootstrap-draws.csv")) draws.add(Arrays.stream(row).mapToInt(Integer::parseInt).toArray());
        ClusterBootstrap.Result r = ClusterBootstrap.evaluate(patient, draws, rows -> {
            String[][] b3 = new String[rows.length][];
            String[][] b2 = new String[rows.length][];
            double[][] w = new double[rows.length][];
            double bias = 0;
            for (int i = 0; i < rows.length; i++) {
                b3[i] = bin[rows[i]];
                b2[i] = new String[] {bin[rows[i]][0], bin[rows[i]][1]};
                w[i] = width[rows[i]];
                bias += (width[rows[i]][0] - width[rows[i]][1]) / rows.length;
            }
            CategoricalAgreement.Result two = CategoricalAgreement.of(b2, List.of("0", "1"));
            CategoricalAgreement.Result all = CategoricalAgreement.of(b3, List.of("0", "1"));
            return new double[] {two.percentAgreement(), two.ac1(), two.pabak(), all.fleissKappa(), all.ac1(),
                KrippendorffAlpha.of(w, KrippendorffAlpha.Metric.INTERVAL).alpha(), bias};
        }, 0.95);
        String[] names = {"pa12", "ac1_12", "pabak12", "fleiss3", "ac1_3", "alpha_width", "bias12"};
        assertEquals((int) REF.get("bootstrap", "", "", "resamples"), r.resamples());
        assertEquals(18, r.clusters());
        for (int k = 0; k < names.length; k++) {
            REF.check("bootstrap", names[k], "", "lower", r.intervals().get(k).lower(), TOL);
            REF.check("bootstrap", names[k], "", "upper", r.intervals().get(k).upper(), TOL);
            assertEquals((int) REF.get("bootstrap", names[k], "", "used"), r.intervals().get(k).used());
        }
    }

    @Test
    void seededBootstrapRepeatsAndNeedsTwoPatients() {
        String[] patient = R3.get("patient").toArray(String[]::new);
        double[] w1 = RReference.doubles(R3, "width_r1");
        ClusterBootstrap.Statistics mean = rows -> new double[] {Arrays.stream(rows).mapToDouble(i -> w1[i]).average().orElse(Double.NaN)};
        ClusterBootstrap.Result a = ClusterBootstrap.run(patient, mean, 300, 7L, 0.95);
        ClusterBootstrap.Result b = ClusterBootstrap.run(patient, mean, 300, 7L, 0.95);
        ClusterBootstrap.Result c = ClusterBootstrap.run(patient, mean, 300, 8L, 0.95);
        assertEquals(a.intervals(), b.intervals());
        assertTrue(!a.intervals().equals(c.intervals()), "another seed, other resamples");
        assertEquals(300, a.resamples());
        double m = Arrays.stream(w1).average().orElseThrow();
        assertTrue(a.intervals().get(0).lower() < m && m < a.intervals().get(0).upper());
        StatsInputException e = assertThrows(StatsInputException.class,
                () -> ClusterBootstrap.run(new String[] {"P1", "P1", "P1"}, mean, 10, 1L, 0.95));
        assertEquals("the bootstrap by patient needs at least 2 patients, got 1", e.getMessage());
    }

    @Test
    void undefinedStatisticsSaySo() {
        String[][] same = {{"no", "no"}, {"no", "no"}, {"no", "no"}};
        CategoricalAgreement.Result r = CategoricalAgreement.of(same, List.of("no", "yes"));
        assertEquals(1.0, r.percentAgreement());
        assertEquals(1.0, r.ac1(), 1e-12, "AC1 is 1 when all agree on one category");
        assertTrue(Double.isNaN(r.fleissKappa()));
        assertEquals("undefined: every rating is the same category (chance agreement 1)", r.undefinedReason("fleiss"));
        CategoricalAgreement.Result one = CategoricalAgreement.of(new String[][] {{"no", null}, {null, "yes"}}, List.of("no", "yes"));
        assertEquals(0, one.subjects());
        assertEquals(2, one.leftOut());
        assertEquals("undefined: no subject with two ratings", one.undefinedReason("ac1"));
        KrippendorffAlpha.Result k = KrippendorffAlpha.of(new double[][] {{1, 1}, {1, 1}}, KrippendorffAlpha.Metric.NOMINAL);
        assertTrue(Double.isNaN(k.alpha()));
        assertEquals("undefined: every rating is the same (no expected disagreement)", k.undefinedReason());
        assertThrows(StatsInputException.DegenerateDataException.class, () -> CategoricalAgreement.of(new String[][] {{"no"}}, List.of("no", "yes")));
        assertThrows(StatsInputException.DegenerateDataException.class, () -> BlandAltman.of(new double[] {1}, new double[] {2}, 0.95));
    }

    @AfterAll
    static void report() {
        System.out.println("agreement beyond kappa vs R: " + REF.summary());
    }
}
