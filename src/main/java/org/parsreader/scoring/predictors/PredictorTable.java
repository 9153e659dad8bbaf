package org.parsreader.scoring.predictors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.PatientOutcome;
import org.parsreader.scoring.outcome.TimePointOutcomes;
import org.parsreader.util.Parallel;

/**
 * One row per patient and reader with every column of the {@link DataDictionary}: findings
 * predictors rolled up over the injected level(s), patient predictors and outcomes from the
 * outcomes CSV. Missing values are NaN. Rows are ordered by reader (role order), then
 * pseudonym.
 *
 * <pre>{@code
 * PredictorTable t = PredictorTable.build(cohort, outcomes, TimePointOutcomes.evaluateAll(outcomes, rule, missing), template);
 * double[] bme = t.column("bme_isthmic_any", "R1");
 * }</pre>
 */
public record PredictorTable(DataDictionary dictionary, List<Row> rows, List<String> notes,
                             Map<String, Map<String, Integer>> notAssessable) {
    /**
     * @param notAssessable per reader, per findings predictor: how many patients have it missing
     *                      because the reader recorded one of its findings as not assessable
     *                      (predictors with none are left out)
     */
    public PredictorTable {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        notAssessable = notAssessable == null ? Map.of() : Map.copyOf(notAssessable);
    }

    public PredictorTable(DataDictionary dictionary, List<Row> rows, List<String> notes) {
        this(dictionary, rows, notes, Map.of());
    }

    /** How many of {@code reader}'s patients have {@code predictor} missing as not assessable. */
    public int notAssessable(String reader, String predictor) {
        return notAssessable.getOrDefault(reader, Map.of()).getOrDefault(predictor, 0);
    }

    /** @param values one value per dictionary entry, NaN when missing */
    public record Row(String pseudonym, String reader, Role role, List<String> injectedLevels, double[] values) {
        public Row {
            injectedLevels = List.copyOf(injectedLevels);
        }
    }

    /**
     * Builds the table; {@code outcomes} may be null (predictors only, e.g. for agreement).
     * Documents of another template and documents whose values cannot be coded are left out
     * and named in {@link #notes()}.
     */
    public static PredictorTable build(FindingsCohort cohort, OutcomeTable outcomes, List<TimePointOutcomes> timePoints,
                                       ReadingTemplate template) {
        List<String> tps = timePoints == null ? List.of() : timePoints.stream().map(TimePointOutcomes::timePoint).toList();
        DataDictionary dict = DataDictionary.parsInjection(template, tps);
        PredictorExtractor extractor = new PredictorExtractor(template);
        Map<String, PatientOutcome> byPseudonym = outcomes == null ? Map.of() : outcomes.byPseudonym();
        int nFindings = extractor.predictors().size();
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        TreeSet<String> noOutcome = new TreeSet<>();
        int assumed = 0;
        Map<String, Map<String, Integer>> notAssessable = new java.util.LinkedHashMap<>();
        Map<FindingsCohort.Entry, Object> extracted = extractAll(cohort.entries(), template);
        for (String reader : cohort.readers()) {
            List<FindingsCohort.Entry> entries = new ArrayList<>(cohort.ofReader(reader));
            entries.sort(java.util.Comparator.comparing(FindingsCohort.Entry::pseudonym));
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            for (FindingsCohort.Entry e : entries) {
                if (!template.id().equals(e.document().template().id())) {
                    notes.add(e.file() + ": template " + e.document().template().id() + ", not " + template.id() + "; left out");
                    continue;
                }
                if (extracted.get(e) instanceof PredictorException ex) {
                    notes.add(ex.getMessage() + "; left out");
                    continue;
                }
                PredictorExtractor.Extracted x = (PredictorExtractor.Extracted) extracted.get(e);
                if (x.levelAssumed()) assumed++;
                for (int j = 0; j < nFindings; j++) {
                    if (x.notAssessable()[j]) {
                        notAssessable.computeIfAbsent(reader, k -> new java.util.LinkedHashMap<>())
                                .merge(extractor.predictors().get(j).name(), 1, Integer::sum);
                    }
                }
                seen.add(e.pseudonym());
                double[] v = new double[dict.entries().size()];
                Arrays.fill(v, Double.NaN);
                System.arraycopy(x.values(), 0, v, 0, nFindings);
                PatientOutcome p = byPseudonym.get(e.pseudonym());
                if (p == null) {
                    if (outcomes != null) noOutcome.add(e.pseudonym());
                } else {
                    v[nFindings] = p.age();
                    v[nFindings + 1] = p.female() == null ? Double.NaN : p.female() ? 1 : 0;
                    v[nFindings + 2] = p.nrs0();
                    int k = nFindings + 3;
                    for (TimePointOutcomes tp : timePoints) {
                        TimePointOutcomes.PatientResult r = tp.byPseudonym().get(e.pseudonym());
                        v[k++] = r.ppr();
                        v[k++] = r.outcome() < 0 ? Double.NaN : r.outcome();
                    }
                    v[k++] = p.ctdivolMgy();
                    v[k++] = p.dlpMgyCm();
                    v[k] = p.procedureMin();
                }
                rows.add(new Row(e.pseudonym(), reader, e.document().reader().role(), x.injectedLevels(), v));
            }
            if (outcomes != null) {
                long without = outcomes.patients().stream().filter(p -> !seen.contains(p.pseudonym())).count();
                if (without > 0) notes.add(without + " patient(s) of the outcomes have no findings of reader " + reader);
            }
        }
        if (assumed > 0) notes.add(assumed + " findings file(s) record no injection; level " + PredictorExtractor.DEFAULT_LEVEL + " assumed");
        if (!noOutcome.isEmpty()) notes.add(noOutcome.size() + " patient(s) with findings have no outcomes row: " + abbreviate(noOutcome));
        return new PredictorTable(dict, rows, notes, notAssessable);
    }

    /**
     * Every document of {@code template} rolled up ({@link PredictorExtractor.Extracted}, or the
     * {@link PredictorException} that leaves it out), on all cores: one extractor per slice of
     * documents (an extractor caches per finding and is not shared between threads).
     */
    private static Map<FindingsCohort.Entry, Object> extractAll(List<FindingsCohort.Entry> entries, ReadingTemplate template) {
        List<FindingsCohort.Entry> ours = entries.stream().filter(e -> template.id().equals(e.document().template().id())).toList();
        int threads = Parallel.cores();
        int slices = threads <= 1 ? 1 : Math.min(ours.size(), 8 * threads);
        List<Callable<List<Object>>> tasks = new ArrayList<>();
        for (int k = 0; k < slices; k++) {
            List<FindingsCohort.Entry> slice = ours.subList(k * ours.size() / slices, (k + 1) * ours.size() / slices);
            tasks.add(() -> {
                PredictorExtractor x = new PredictorExtractor(template);
                List<Object> out = new ArrayList<>(slice.size());
                for (FindingsCohort.Entry e : slice) {
                    try {
                        out.add(x.extract(e.document(), e.file().toString()));
                    } catch (PredictorException ex) {
                        out.add(ex);
                    }
                }
                return out;
            });
        }
        Map<FindingsCohort.Entry, Object> byEntry = new IdentityHashMap<>();
        int i = 0;
        for (List<Object> slice : Parallel.run(tasks, threads, "predictor-extractor")) {
            for (Object o : slice) byEntry.put(ours.get(i++), o);
        }
        return byEntry;
    }

    private static String abbreviate(TreeSet<String> s) {
        List<String> l = new ArrayList<>(s);
        return l.size() <= 10 ? String.join(", ", l) : String.join(", ", l.subList(0, 10)) + " ...";
    }

    /** Readers in row order. */
    public List<String> readers() {
        LinkedHashSet<String> r = new LinkedHashSet<>();
        rows.forEach(x -> r.add(x.reader()));
        return List.copyOf(r);
    }

    public List<Row> rows(String reader) {
        return rows.stream().filter(r -> r.reader().equals(reader)).toList();
    }

    /** One column for one reader's rows, in row order. */
    public double[] column(String name, String reader) {
        int j = dictionary.index(name);
        return rows(reader).stream().mapToDouble(r -> r.values()[j]).toArray();
    }
}
