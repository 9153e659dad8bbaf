package org.parsreader.scoring.outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcomes of a cohort, read by {@link OutcomeCsv}: the follow-up time points (from the
 * {@code nrs_<t>} columns, in column order), one {@link PatientOutcome} per good row, and
 * every problem found in the rows that were left out; the declared outcome series with their
 * scales ({@link OutcomeSeries}: nrs, leg_nrs, back_vas, odi ...) and the other text columns
 * (grouping columns such as {@code guidance}).
 */
public record OutcomeTable(String source, List<String> timePoints, List<PatientOutcome> patients,
                           List<RowProblem> problems, List<String> notes, List<OutcomeSeries> series, List<String> otherColumns) {
    /** The time point name of the baseline column {@code nrs_0}. */
    public static final String BASELINE = "0";

    public OutcomeTable {
        timePoints = List.copyOf(timePoints);
        patients = List.copyOf(patients);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        series = series == null ? List.of() : List.copyOf(series);
        otherColumns = otherColumns == null ? List.of() : List.copyOf(otherColumns);
    }

    /** Only the NRS series (its follow-up time points as given), no other columns. */
    public OutcomeTable(String source, List<String> timePoints, List<PatientOutcome> patients, List<RowProblem> problems, List<String> notes) {
        this(source, timePoints, patients, problems, notes,
                List.of(new OutcomeSeries("nrs", "nrs", 0, 10, timePoints, true, false)), List.of());
    }

    /** A series by name; throws naming the file and the series it has otherwise. */
    public OutcomeSeries series(String name) {
        for (OutcomeSeries s : series) if (s.name().equals(name)) return s;
        throw new IllegalArgumentException("no outcome series '" + name + "' (columns " + name + "_0, " + name + "_<t>) in " + source
                + "; it has " + series.stream().map(OutcomeSeries::name).toList());
    }

    public boolean hasSeries(String name) {
        return series.stream().anyMatch(s -> s.name().equals(name));
    }

    /** Whether any patient has a value for a series at a time point. */
    public boolean anyValue(String seriesName, String timePoint) {
        for (PatientOutcome p : patients) if (!Double.isNaN(p.value(seriesName, timePoint))) return true;
        return false;
    }

    /**
     * A cell or row that was not usable; its row was left out.
     *
     * @param column 1-based column, 0 for the whole row
     */
    public record RowProblem(String file, int line, int column, String columnName, String value, String message) {
        @Override
        public String toString() {
            String where = file + " line " + line + (column > 0 ? ", column " + column + " (" + columnName + ")" : "");
            return where + ": " + (value == null ? "" : "'" + value + "' ") + message;
        }
    }

    public Optional<PatientOutcome> patient(String pseudonym) {
        for (PatientOutcome p : patients) if (p.pseudonym().equals(pseudonym)) return Optional.of(p);
        return Optional.empty();
    }

    /** Patients by pseudonym, in row order. */
    public Map<String, PatientOutcome> byPseudonym() {
        Map<String, PatientOutcome> m = new LinkedHashMap<>();
        for (PatientOutcome p : patients) m.put(p.pseudonym(), p);
        return m;
    }

    /** Mean NRS over the patients with a value at the time point ({@link #BASELINE} for baseline); NaN when none. */
    public double meanNrs(String timePoint) {
        double s = 0;
        int n = 0;
        for (PatientOutcome p : patients) {
            double v = p.nrs(timePoint);
            if (!Double.isNaN(v)) { s += v; n++; }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Rows with an NRS value at the time point. */
    public int countNrs(String timePoint) {
        int n = 0;
        for (PatientOutcome p : patients) if (!Double.isNaN(p.nrs(timePoint))) n++;
        return n;
    }
}
