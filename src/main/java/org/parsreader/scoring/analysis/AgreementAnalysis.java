package org.parsreader.scoring.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.ReadingTemplate.FindingType;
import org.parsreader.findings.Value;
import org.parsreader.scoring.predictors.ColumnRole;
import org.parsreader.scoring.predictors.FindingsCohort;
import org.parsreader.scoring.predictors.PredictorDef;
import org.parsreader.scoring.predictors.PredictorTable;
import org.parsreader.scoring.predictors.PredictorType;
import org.parsreader.scoring.predictors.RollUp;
import org.parsreader.scoring.stats.CohenKappa;
import org.parsreader.scoring.stats.Icc;
import org.parsreader.scoring.stats.IccResult;
import org.parsreader.scoring.stats.KappaEstimate;
import org.parsreader.scoring.stats.KappaResult;
import org.parsreader.scoring.stats.StatsInputException;

/**
 * Inter-reader agreement per finding item and per predictor: Cohen's kappa for yes/no and
 * nominal items, also linear and quadratic weighted kappa (weights from the full template
 * scale) for ordered grades, ICC(2,1) for numbers; each with its 95 % CI and n. Finding
 * items pair the two readers' values at the same patient, level and side; a multi-choice
 * finding becomes one yes/no item per option, over the places where both recorded it.
 *
 * <pre>{@code
 * List<AgreementResult> a = AgreementAnalysis.findings(cohort.ofReader("R1"), cohort.ofReader("R2"), template);
 * }</pre>
 */
public final class AgreementAnalysis {
    private static final double LEVEL = 0.95;

    private AgreementAnalysis() { }

    /** Per finding of the template, over every place both readers recorded. */
    public static List<AgreementResult> findings(List<FindingsCohort.Entry> a, List<FindingsCohort.Entry> b, ReadingTemplate t) {
        String ra = a.isEmpty() ? "" : a.get(0).reader();
        String rb = b.isEmpty() ? "" : b.get(0).reader();
        Map<String, Value> va = places(a);
        Map<String, Value> vb = places(b);
        List<AgreementResult> out = new ArrayList<>();
        for (FindingType f : t.findings()) {
            List<Value[]> pairs = new ArrayList<>();
            for (Map.Entry<String, Value> e : va.entrySet()) {
                if (!e.getKey().startsWith(f.id() + "|")) continue;
                Value other = vb.get(e.getKey());
                if (other != null) pairs.add(new Value[] {e.getValue(), other});
            }
            switch (f.type()) {
                case BOOLEAN -> out.addAll(kappa("finding", f.id(), ra, rb, labels(pairs, 0), labels(pairs, 1), List.of("no", "yes"), false));
                case CHOICE -> out.addAll(kappa("finding", f.id(), ra, rb, labels(pairs, 0), labels(pairs, 1), f.values(), f.isOrdered()));
                case NUMBER -> out.add(icc("finding", f.id(), ra, rb, numbers(pairs, 0), numbers(pairs, 1)));
                case CHOICES -> {
                    for (String option : f.values()) {
                        String[] x = new String[pairs.size()];
                        String[] y = new String[pairs.size()];
                        for (int i = 0; i < pairs.size(); i++) {
                            x[i] = has(pairs.get(i)[0], option);
                            y[i] = has(pairs.get(i)[1], option);
                        }
                        out.addAll(kappa("finding", f.id() + "=" + option, ra, rb, x, y, List.of("no", "yes"), false));
                    }
                }
            }
        }
        return out;
    }

    /** Per findings predictor of the table (patient columns are the same for both readers and skipped). */
    public static List<AgreementResult> predictors(PredictorTable table, String readerA, String readerB) {
        Map<String, double[]> rowsB = new LinkedHashMap<>();
        for (PredictorTable.Row r : table.rows(readerB)) rowsB.put(r.pseudonym(), r.values());
        List<AgreementResult> out = new ArrayList<>();
        List<PredictorDef> entries = table.dictionary().entries();
        for (int j = 0; j < entries.size(); j++) {
            PredictorDef d = entries.get(j);
            if (d.role() != ColumnRole.PREDICTOR || d.rollUp() == RollUp.PATIENT) continue;
            List<double[]> pairs = new ArrayList<>();
            for (PredictorTable.Row r : table.rows(readerA)) {
                double[] other = rowsB.get(r.pseudonym());
                if (other != null && !Double.isNaN(r.values()[j]) && !Double.isNaN(other[j])) pairs.add(new double[] {r.values()[j], other[j]});
            }
            if (d.type() == PredictorType.CONTINUOUS) {
                out.add(icc("predictor", d.name(), readerA, readerB, pairs.stream().mapToDouble(p -> p[0]).toArray(),
                        pairs.stream().mapToDouble(p -> p[1]).toArray()));
                continue;
            }
            String[] x = pairs.stream().map(p -> Long.toString(Math.round(p[0]))).toArray(String[]::new);
            String[] y = pairs.stream().map(p -> Long.toString(Math.round(p[1]))).toArray(String[]::new);
            List<String> cats;
            if (!d.scale().isEmpty()) {
                cats = d.scale().stream().map(String::valueOf).toList();
            } else {
                TreeSet<Long> s = new TreeSet<>();
                pairs.forEach(p -> { s.add(Math.round(p[0])); s.add(Math.round(p[1])); });
                cats = s.stream().map(String::valueOf).toList();
            }
            out.addAll(kappa("predictor", d.name(), readerA, readerB, x, y, cats, d.type() != PredictorType.BINARY));
        }
        return out;
    }

    /** "finding|pseudonym|level|side" to value, with measurements where a number has no value. */
    private static Map<String, Value> places(List<FindingsCohort.Entry> entries) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (FindingsCohort.Entry e : entries) {
            FindingsDocument d = e.document();
            for (FindingsDocument.FindingValue v : d.values()) {
                if (v.value() != null) m.put(key(v.finding(), d.pseudonym(), v.level(), v.side()), v.value());
            }
            for (FindingsDocument.Measurement x : d.measurements()) {
                m.putIfAbsent(key(x.finding(), d.pseudonym(), x.level(), x.side()), new Value.Number(x.value()));
            }
        }
        return m;
    }

    private static String key(String finding, String pseudonym, String level, org.parsreader.findings.Side side) {
        return finding + "|" + pseudonym + "|" + level + "|" + (side == null ? "-" : side.label());
    }

    private static String[] labels(List<Value[]> pairs, int k) {
        return pairs.stream().map(p -> p[k].text()).toArray(String[]::new);
    }

    private static double[] numbers(List<Value[]> pairs, int k) {
        return pairs.stream().mapToDouble(p -> p[k] instanceof Value.Number n ? n.value() : Double.NaN).toArray();
    }

    private static String has(Value v, String option) {
        return v instanceof Value.Choices cs && cs.values().contains(option) ? "yes" : "no";
    }

    static List<AgreementResult> kappa(String scope, String item, String ra, String rb, String[] x, String[] y, List<String> categories,
                                       boolean ordered) {
        List<AgreementResult> out = new ArrayList<>();
        if (x.length < 2) {
            out.add(new AgreementResult(scope, item, ra, rb, "kappa", x.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "fewer than 2 paired ratings"));
            return out;
        }
        KappaResult k;
        try {
            k = CohenKappa.of(x, y, categories, LEVEL);
        } catch (StatsInputException e) {
            out.add(new AgreementResult(scope, item, ra, rb, "kappa", x.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN, e.getMessage()));
            return out;
        }
        out.add(row(scope, item, ra, rb, "kappa", k, k.unweighted()));
        if (ordered) {
            out.add(row(scope, item, ra, rb, "kappa_linear", k, k.linear()));
            out.add(row(scope, item, ra, rb, "kappa_quadratic", k, k.quadratic()));
        }
        return out;
    }

    private static AgreementResult row(String scope, String item, String ra, String rb, String stat, KappaResult k, KappaEstimate e) {
        return new AgreementResult(scope, item, ra, rb, stat, k.n(), e.kappa(), e.lower(), e.upper(), k.observedAgreement(),
                Double.isNaN(e.kappa()) ? "undefined: both readers used one category only" : "");
    }

    static AgreementResult icc(String scope, String item, String ra, String rb, double[] x, double[] y) {
        try {
            IccResult r = Icc.icc21(pairs(x, y), LEVEL);
            return new AgreementResult(scope, item, ra, rb, "icc21", r.n(), r.icc(), r.lower(), r.upper(), Double.NaN, "");
        } catch (StatsInputException e) {
            return new AgreementResult(scope, item, ra, rb, "icc21", x.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN, e.getMessage());
        }
    }

    private static double[][] pairs(double[] x, double[] y) {
        double[][] m = new double[x.length][];
        for (int i = 0; i < x.length; i++) m[i] = new double[] {x[i], y[i]};
        return m;
    }
}
