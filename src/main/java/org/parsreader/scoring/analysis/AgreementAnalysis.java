package org.parsreader.scoring.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
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
import org.parsreader.scoring.stats.BlandAltman;
import org.parsreader.util.Parallel;

/**
 * Inter-reader agreement per finding item and per predictor, for every pair of the chosen
 * readers and, with three or more, for all of them together.
 * <ul>
 * <li>Yes/no and nominal items, per pair: Cohen's kappa (and linear and quadratic weighted
 *     kappa for ordered grades, weights from the full template scale), percent agreement,
 *     Gwet's AC1 and PABAK; for three or more readers: percent agreement (mean over pairs),
 *     AC1, Fleiss' kappa, Krippendorff's alpha (nominal; ordinal too for grades).</li>
 * <li>Numbers: the chosen ICC form ({@link AgreementOptions#icc()}); per pair Bland-Altman
 *     bias and 95 % limits of agreement (with a plot, {@link BlandAltmanPlot}); for three or
 *     more readers Krippendorff's alpha (interval).</li>
 * </ul>
 * Each row is over the places (finding: patient, level, side) or patients (predictor) that
 * every reader of its set rated. Finding items pool several places of one patient, so beside
 * the analytic intervals (which assume independent rows) every statistic gets the percentile
 * interval of a seeded bootstrap that resamples patients ({@link AgreementOptions#bootstrap()}).
 * A multi-choice finding becomes one yes/no item per option.
 *
 * <pre>{@code
 * AgreementAnalysis.Output a = AgreementAnalysis.findings(byReader, List.of("R1", "R2", "C"), template, AgreementOptions.DEFAULT);
 * }</pre>
 */
public final class AgreementAnalysis {
    private AgreementAnalysis() { }

    /** The data of one Bland-Altman plot: a pair of readers on one continuous item, with the rows' bootstrap limits. */
    public record BlandAltmanPlot(String scope, String item, String readerA, String readerB, BlandAltman result, AgreementResult bias,
                                  AgreementResult lowerLimit, AgreementResult upperLimit) { }

    /** Rows of agreement.csv, and the Bland-Altman plots to draw. */
    public record Output(List<AgreementResult> rows, List<BlandAltmanPlot> plots) {
        public Output {
            rows = List.copyOf(rows);
            plots = List.copyOf(plots);
        }
    }

    /** Reader sets: every pair in the given order, then all readers when there are three or more. */
    static List<List<String>> sets(List<String> readers) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < readers.size(); i++) for (int j = i + 1; j < readers.size(); j++) out.add(List.of(readers.get(i), readers.get(j)));
        if (readers.size() >= 3) out.add(List.copyOf(readers));
        return out;
    }

    /** Per finding of the template, over every place each set's readers all recorded. */
    public static Output findings(Map<String, List<FindingsCohort.Entry>> byReader, List<String> readers, ReadingTemplate t,
                                  AgreementOptions o) {
        Map<String, Map<String, Value>> places = new LinkedHashMap<>();
        for (String r : readers) places.put(r, places(byReader.getOrDefault(r, List.of())));
        List<Callable<Output>> tasks = new ArrayList<>();
        for (FindingType f : t.findings()) {
            for (List<String> set : sets(readers)) {
                List<String> keys = new ArrayList<>();
                for (String key : places.get(set.get(0)).keySet()) {
                    if (!key.startsWith(f.id() + "|")) continue;
                    if (set.stream().allMatch(r -> places.get(r).containsKey(key))) keys.add(key);
                }
                String[] patient = keys.stream().map(k -> k.split("\\|", -1)[1]).toArray(String[]::new);
                switch (f.type()) {
                    case BOOLEAN -> tasks.add(categorical("finding", f.id(), set, patient,
                            codes(keys, set, places, v -> v.text(), List.of("no", "yes")), List.of("no", "yes"), false, o));
                    case CHOICE -> tasks.add(categorical("finding", f.id(), set, patient,
                            codes(keys, set, places, v -> v.text(), f.values()), f.values(), f.isOrdered(), o));
                    case NUMBER -> {
                        List<double[]> x = new ArrayList<>();
                        List<String> who = new ArrayList<>();
                        for (int i = 0; i < keys.size(); i++) {
                            double[] v = new double[set.size()];
                            for (int j = 0; j < set.size(); j++) {
                                v[j] = places.get(set.get(j)).get(keys.get(i)) instanceof Value.Number n ? n.value() : Double.NaN;
                            }
                            if (java.util.Arrays.stream(v).allMatch(Double::isFinite)) { x.add(v); who.add(patient[i]); }
                        }
                        tasks.add(numeric("finding", f.id(), set, who.toArray(String[]::new), x.toArray(double[][]::new), o));
                    }
                    case CHOICES -> {
                        for (String option : f.values()) {
                            tasks.add(categorical("finding", f.id() + "=" + option, set, patient,
                                    codes(keys, set, places, v -> has(v, option), List.of("no", "yes")), List.of("no", "yes"), false, o));
                        }
                    }
                }
            }
        }
        return run(tasks);
    }

    private static Callable<Output> categorical(String scope, String item, List<String> set, String[] patient, int[][] codes,
                                                List<String> categories, boolean ordered, AgreementOptions o) {
        return () -> new Output(AgreementGroup.categorical(scope, item, set, patient, codes, categories, ordered, o), List.of());
    }

    private static Callable<Output> numeric(String scope, String item, List<String> set, String[] patient, double[][] x, AgreementOptions o) {
        return () -> {
            List<BlandAltmanPlot> plots = new ArrayList<>();
            List<AgreementResult> rows = AgreementGroup.numeric(scope, item, set, patient, x, o, plots);
            return new Output(rows, plots);
        };
    }

    /**
     * The groups on all cores, results in input order. Each group seeds its own bootstrap, so
     * the output does not depend on the number of threads.
     */
    private static Output run(List<Callable<Output>> tasks) {
        List<AgreementResult> rows = new ArrayList<>();
        List<BlandAltmanPlot> plots = new ArrayList<>();
        for (Output part : Parallel.run(tasks, Parallel.cores(), "agreement")) {
            rows.addAll(part.rows());
            plots.addAll(part.plots());
        }
        return new Output(rows, plots);
    }

    private static int[][] codes(List<String> keys, List<String> set, Map<String, Map<String, Value>> places,
                                 java.util.function.Function<Value, String> label, List<String> categories) {
        int[][] c = new int[keys.size()][set.size()];
        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < set.size(); j++) {
                String v = label.apply(places.get(set.get(j)).get(keys.get(i)));
                int k = categories.indexOf(v);
                if (k < 0) throw new IllegalArgumentException("reader " + set.get(j) + ", " + keys.get(i).replace('|', ' ') + ": value '" + v
                        + "' is not one of " + categories);
                c[i][j] = k;
            }
        }
        return c;
    }

    /** Per findings predictor of the table (patient columns are the same for every reader and skipped). */
    public static Output predictors(PredictorTable table, List<String> readers, AgreementOptions o) {
        Map<String, Map<String, double[]>> rowsOf = new LinkedHashMap<>();
        for (String r : readers) {
            Map<String, double[]> m = new LinkedHashMap<>();
            for (PredictorTable.Row row : table.rows(r)) m.put(row.pseudonym(), row.values());
            rowsOf.put(r, m);
        }
        List<Callable<Output>> tasks = new ArrayList<>();
        List<PredictorDef> entries = table.dictionary().entries();
        for (int j = 0; j < entries.size(); j++) {
            PredictorDef d = entries.get(j);
            if (d.role() != ColumnRole.PREDICTOR || d.rollUp() == RollUp.PATIENT) continue;
            for (List<String> set : sets(readers)) {
                List<String> patients = new ArrayList<>();
                List<double[]> values = new ArrayList<>();
                for (Map.Entry<String, double[]> e : rowsOf.get(set.get(0)).entrySet()) {
                    double[] v = new double[set.size()];
                    boolean ok = true;
                    for (int r = 0; r < set.size() && ok; r++) {
                        double[] row = rowsOf.get(set.get(r)).get(e.getKey());
                        ok = row != null && !Double.isNaN(row[j]);
                        if (ok) v[r] = row[j];
                    }
                    if (ok) { patients.add(e.getKey()); values.add(v); }
                }
                String[] patient = patients.toArray(String[]::new);
                double[][] x = values.toArray(double[][]::new);
                if (d.type() == PredictorType.CONTINUOUS) {
                    tasks.add(numeric("predictor", d.name(), set, patient, x, o));
                    continue;
                }
                List<String> cats;
                if (!d.scale().isEmpty()) {
                    cats = d.scale().stream().map(String::valueOf).toList();
                } else {
                    TreeSet<Long> s = new TreeSet<>();
                    for (double[] v : x) for (double w : v) s.add(Math.round(w));
                    cats = s.stream().map(String::valueOf).toList();
                }
                int[][] c = new int[x.length][set.size()];
                for (int i = 0; i < x.length; i++) {
                    for (int r = 0; r < set.size(); r++) {
                        c[i][r] = cats.indexOf(Long.toString(Math.round(x[i][r])));
                        if (c[i][r] < 0) throw new IllegalArgumentException("predictor " + d.name() + ", reader " + set.get(r) + ", patient "
                                + patient[i] + ": value " + x[i][r] + " is not on its scale " + cats);
                    }
                }
                tasks.add(categorical("predictor", d.name(), set, patient, c, cats.isEmpty() ? List.of("0") : cats,
                        d.type() != PredictorType.BINARY, o));
            }
        }
        return run(tasks);
    }

    /** "finding|pseudonym|level|side" to value, with measurements where a number has no value. */
    private static Map<String, Value> places(List<FindingsCohort.Entry> entries) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (FindingsCohort.Entry e : entries) {
            FindingsDocument d = e.document();
            java.util.Set<String> notAssessable = new java.util.HashSet<>();
            for (FindingsDocument.FindingValue v : d.values()) {
                // not assessable counts as missing for agreement, like a value never given (and no measurement stands in for it)
                if (v.value() instanceof Value.NotAssessable) notAssessable.add(key(v.finding(), d.pseudonym(), v.level(), v.side()));
                else if (v.value() != null) m.put(key(v.finding(), d.pseudonym(), v.level(), v.side()), v.value());
            }
            for (FindingsDocument.Measurement x : d.measurements()) {
                if (notAssessable.contains(key(x.finding(), d.pseudonym(), x.level(), x.side()))) continue;
                m.putIfAbsent(key(x.finding(), d.pseudonym(), x.level(), x.side()), new Value.Number(x.value()));
            }
        }
        return m;
    }

    private static String key(String finding, String pseudonym, String level, org.parsreader.findings.Side side) {
        return finding + "|" + pseudonym + "|" + level + "|" + (side == null ? "-" : side.label());
    }

    private static String has(Value v, String option) {
        return v instanceof Value.Choices cs && cs.values().contains(option) ? "yes" : "no";
    }
}
