package org.parsreader.scoring.describe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.parsreader.scoring.describe.Table1.Cell;
import org.parsreader.scoring.describe.Table1.Group;
import org.parsreader.scoring.describe.Table1.Kind;
import org.parsreader.scoring.describe.Table1.Panel;
import org.parsreader.scoring.describe.Table1.Row;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.PatientOutcome;
import org.parsreader.scoring.outcome.TimePointOutcomes;
import org.parsreader.scoring.stats.ContingencyTests;
import org.parsreader.scoring.stats.Descriptive;
import org.parsreader.scoring.stats.KruskalWallis;
import org.parsreader.scoring.stats.RankTests;
import org.parsreader.scoring.stats.TTests;
import org.parsreader.scoring.stats.TestResult;

/**
 * Builds {@link Table1} from an outcomes table: every column it has (age, sex, NRS / VAS / ODI
 * at every time point, GPE, CTDIvol, DLP, procedure time) for the whole cohort, by outcome
 * (responder / non-responder under the run's rule) at each follow-up time point, and by a
 * grouping column when one is given. NRS, VAS and ODI get a change-from-baseline row per
 * follow-up time point with paired tests per group. Two groups are compared by Mann-Whitney
 * and Welch's t (continuous) and by chi-square or, when an expected count is below 5, Fisher's
 * exact test (categorical); more than two groups by Kruskal-Wallis and the same contingency
 * tests.
 *
 * <pre>{@code
 * Table1 t = Table1Builder.build(outcomes, TimePointOutcomes.evaluateAll(outcomes, rule, missing), groupColumnOrNull);
 * }</pre>
 */
public final class Table1Builder {
    public static final String ALL = "all";
    public static final String RESPONDER = "responder";
    public static final String NON_RESPONDER = "non-responder";

    private Table1Builder() { }

    /** One variable of the table: how to read it from a patient. */
    private record Variable(String id, String label, Kind kind, ToDoubleFunction<PatientOutcome> value, ToDoubleFunction<PatientOutcome> baseline,
                            List<String> levels, Function<PatientOutcome, String> level) { }

    /**
     * @param group a grouping column, or null
     * @throws Table1Exception a follow-up time point that no patient has
     */
    public static Table1 build(OutcomeTable table, List<TimePointOutcomes> outcomes, GroupColumn group) {
        for (String tp : table.timePoints()) {
            if (table.countNrs(tp) == 0) {
                throw new Table1Exception(table.source() + ": time point '" + tp + "' (column nrs_" + tp + "): no patient has a value;"
                        + " fill it or remove the column");
            }
        }
        List<Variable> vars = variables(table);
        List<PatientOutcome> patients = table.patients();
        List<Panel> panels = new ArrayList<>();
        String[] all = new String[patients.size()];
        java.util.Arrays.fill(all, ALL);
        panels.add(panel("cohort", "All patients", patients, all, List.of(ALL), vars, List.of()));
        String rule = outcomes.isEmpty() ? "" : outcomes.get(0).rule().label();
        for (TimePointOutcomes o : outcomes) {
            String[] g = new String[patients.size()];
            int left = 0;
            for (int i = 0; i < g.length; i++) {
                TimePointOutcomes.PatientResult r = o.byPseudonym().get(patients.get(i).pseudonym());
                int y = r == null ? -1 : r.outcome();
                g[i] = y == 1 ? RESPONDER : y == 0 ? NON_RESPONDER : null;
                if (g[i] == null) left++;
            }
            List<String> notes = new ArrayList<>();
            TimePointOutcomes.Counts c = o.counts();
            if (left > 0) {
                notes.add(patients(left) + " not analysed at " + o.timePoint() + " and left out (missing follow-up: " + c.missingFollowUp()
                        + (o.missingRule() == org.parsreader.scoring.outcome.MissingRule.FAILURE ? ", counted as non-responders" : "")
                        + "; NRS_0 = 0: " + c.baselineZero() + "; no NRS_0: " + c.baselineMissing() + ")");
            }
            panels.add(panel("outcome:" + o.timePoint(), "By outcome at " + o.timePoint() + " (" + o.rule().label() + ")", patients, g,
                    List.of(RESPONDER, NON_RESPONDER), vars, notes));
        }
        if (group != null) {
            String[] g = new String[patients.size()];
            for (int i = 0; i < g.length; i++) g[i] = group.byPseudonym().get(patients.get(i).pseudonym());
            List<String> notes = group.missing() == 0 ? List.of()
                    : List.of(patients(group.missing()) + " without a value in '" + group.column() + "' left out");
            panels.add(panel("group:" + group.column(), "By " + group.column(), patients, g, group.groups(), vars, notes));
        }
        return new Table1(table.source(), rule, panels);
    }

    private static String patients(int n) {
        return n == 1 ? "1 patient" : n + " patients";
    }

    private static Panel panel(String id, String title, List<PatientOutcome> patients, String[] groupOf, List<String> groupLabels,
                               List<Variable> vars, List<String> notes) {
        int k = groupLabels.size();
        List<List<PatientOutcome>> members = new ArrayList<>();
        for (int j = 0; j < k; j++) members.add(new ArrayList<>());
        for (int i = 0; i < patients.size(); i++) {
            int j = groupOf[i] == null ? -1 : groupLabels.indexOf(groupOf[i]);
            if (j >= 0) members.get(j).add(patients.get(i));
        }
        List<Group> groups = new ArrayList<>();
        for (int j = 0; j < k; j++) groups.add(new Group(groupLabels.get(j), members.get(j).size()));
        List<String> panelNotes = new ArrayList<>(notes);
        long withPatients = members.stream().filter(m -> !m.isEmpty()).count();
        if (k > 1 && withPatients < 2) panelNotes.add("fewer than two groups have patients: no test between groups");
        List<Row> rows = new ArrayList<>();
        for (Variable v : vars) rows.add(v.kind() == Kind.CATEGORICAL ? categorical(v, members, groupLabels) : continuous(v, members, groupLabels));
        return new Panel(id, title, groups, rows, panelNotes);
    }

    private static Row continuous(Variable v, List<List<PatientOutcome>> members, List<String> labels) {
        List<Cell> cells = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int j = 0; j < members.size(); j++) {
            List<PatientOutcome> m = members.get(j);
            double[] x = new double[m.size()];
            double[] before = v.kind() == Kind.CHANGE ? new double[m.size()] : null;
            double[] after = v.kind() == Kind.CHANGE ? new double[m.size()] : null;
            for (int i = 0; i < x.length; i++) {
                double a = v.value().applyAsDouble(m.get(i));
                if (v.kind() == Kind.CHANGE) {
                    double b = v.baseline().applyAsDouble(m.get(i));
                    after[i] = a;
                    before[i] = b;
                    x[i] = a - b;
                } else x[i] = a;
            }
            Descriptive.Summary s = Descriptive.summary(x);
            List<TestResult> paired = v.kind() == Kind.CHANGE ? List.of(RankTests.signedRank(after, before), TTests.paired(after, before)) : List.of();
            cells.add(new Cell(labels.get(j), s, new long[0], s.n(), s.missing(), paired));
            values.add(x);
        }
        List<TestResult> between = new ArrayList<>();
        List<double[]> present = values.stream().filter(x -> x.length > 0).toList();
        if (present.size() == 2) {
            between.add(RankTests.rankSum(present.get(0), present.get(1)));
            between.add(TTests.welch(present.get(0), present.get(1)));
        } else if (present.size() > 2) {
            between.add(KruskalWallis.test(present.toArray(double[][]::new)));
        }
        return new Row(v.id(), v.label(), v.kind(), List.of(), cells, between);
    }

    private static Row categorical(Variable v, List<List<PatientOutcome>> members, List<String> labels) {
        List<Cell> cells = new ArrayList<>();
        long[][] table = new long[members.size()][v.levels().size()];
        for (int j = 0; j < members.size(); j++) {
            int missing = 0;
            for (PatientOutcome p : members.get(j)) {
                String l = v.level().apply(p);
                int li = l == null ? -1 : v.levels().indexOf(l);
                if (li < 0) missing++;
                else table[j][li]++;
            }
            cells.add(new Cell(labels.get(j), null, table[j], members.get(j).size() - missing, missing, List.of()));
        }
        List<TestResult> between = new ArrayList<>();
        if (members.stream().filter(m -> !m.isEmpty()).count() >= 2) {
            TestResult t = ContingencyTests.choose(table);
            if (t.computed() || !t.note().isEmpty()) between.add(t);
        }
        return new Row(v.id(), v.label(), Kind.CATEGORICAL, v.levels(), cells, between);
    }

    /** The variables the outcomes table has values for, in the order of a paper's Table 1. */
    private static List<Variable> variables(OutcomeTable t) {
        List<PatientOutcome> ps = t.patients();
        List<Variable> v = new ArrayList<>();
        if (ps.stream().anyMatch(p -> !Double.isNaN(p.age()))) v.add(scalar("age", "Age (years)", PatientOutcome::age));
        if (ps.stream().anyMatch(p -> p.female() != null)) {
            v.add(new Variable("sex", "Sex", Kind.CATEGORICAL, null, null, List.of("female", "male"),
                    p -> p.female() == null ? null : p.female() ? "female" : "male"));
        }
        series(v, "nrs", "NRS", "", ps, PatientOutcome::nrs, t.timePoints());
        series(v, "vas", "VAS", " (0-100)", ps, PatientOutcome::vas, null);
        series(v, "odi", "ODI", " (%)", ps, PatientOutcome::odi, null);
        Set<String> gpe = new LinkedHashSet<>();
        for (PatientOutcome p : ps) gpe.addAll(p.gpe().keySet());
        for (String tp : gpe) {
            v.add(new Variable("gpe_" + tp, "GPE at " + tp, Kind.CATEGORICAL, null, null, List.of("positive", "negative"),
                    p -> p.gpe().get(tp) == null ? null : p.gpe().get(tp) ? "positive" : "negative"));
        }
        if (ps.stream().anyMatch(p -> !Double.isNaN(p.ctdivolMgy()))) v.add(scalar("ctdivol_mgy", "CTDIvol (mGy)", PatientOutcome::ctdivolMgy));
        if (ps.stream().anyMatch(p -> !Double.isNaN(p.dlpMgyCm()))) v.add(scalar("dlp_mgycm", "DLP (mGy*cm)", PatientOutcome::dlpMgyCm));
        if (ps.stream().anyMatch(p -> !Double.isNaN(p.procedureMin()))) v.add(scalar("procedure_min", "Procedure time (min)", PatientOutcome::procedureMin));
        return v;
    }

    private static Variable scalar(String id, String label, ToDoubleFunction<PatientOutcome> f) {
        return new Variable(id, label, Kind.CONTINUOUS, f, null, List.of(), null);
    }

    /**
     * A pain or disability series: baseline and every time point with values, then a change row
     * per follow-up time point when there is a baseline.
     *
     * @param order the time points in order (NRS: the table's), or null for first seen
     */
    private static void series(List<Variable> v, String key, String name, String unit, List<PatientOutcome> ps,
                               Function<PatientOutcome, Map<String, Double>> map, List<String> order) {
        Set<String> tps = new LinkedHashSet<>();
        boolean hasBaseline = ps.stream().anyMatch(p -> map.apply(p).containsKey(OutcomeTable.BASELINE));
        if (hasBaseline) tps.add(OutcomeTable.BASELINE);
        if (order != null) tps.addAll(order);
        else for (PatientOutcome p : ps) tps.addAll(map.apply(p).keySet());
        for (String tp : tps) {
            String label = name + (tp.equals(OutcomeTable.BASELINE) ? " at baseline" : " at " + tp) + unit;
            v.add(new Variable(key + "_" + tp, label, Kind.CONTINUOUS, p -> value(map.apply(p), tp), null, List.of(), null));
        }
        if (!hasBaseline) return;
        for (String tp : tps) {
            if (tp.equals(OutcomeTable.BASELINE)) continue;
            v.add(new Variable(key + "_change_" + tp, name + " change, baseline to " + tp + unit, Kind.CHANGE, p -> value(map.apply(p), tp),
                    p -> value(map.apply(p), OutcomeTable.BASELINE), List.of(), null));
        }
    }

    private static double value(Map<String, Double> m, String tp) {
        Double d = m.get(tp);
        return d == null ? Double.NaN : d;
    }
}
