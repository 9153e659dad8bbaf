package org.parsreader.scoring;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.PatientOutcome;

/**
 * The per-case dose and time table that {@code batch} writes ({@code dose-time.csv}: one row per
 * case with CTDIvol, DLP and procedure minutes from the images, and where each came from), and its
 * join into the outcomes: a value the user typed in the outcomes CSV ({@code ctdivol_mgy},
 * {@code dlp_mgycm}, {@code procedure_min}) always wins; an empty cell there is filled from the
 * images; where both exist and differ by more than {@link #TOLERANCE} (relative) and 0.05
 * (absolute), the difference is listed ({@link #discrepancies()}), never silently overwritten.
 * Rows are joined by pseudonym (the findings' pseudonym of the case), else by the case folder name.
 */
public final class DoseTimeTable {
    public static final String FILE = "dose-time.csv";
    public static final String DISCREPANCIES = "dose-time-discrepancies.csv";
    public static final List<String> HEADER = List.of("case", "pseudonym", "ctdivol_mgy", "ctdivol_source", "dlp_mgycm", "dlp_source",
            "procedure_min", "procedure_time_source", "first_acquisition", "last_acquisition", "ct_series", "notes");
    /** Relative difference beyond which typed and image values are listed as differing (rounding aside). */
    public static final double TOLERANCE = 0.01;
    private static final String[] COLUMNS = {"ctdivol_mgy", "dlp_mgycm", "procedure_min"};
    private static final String[] SOURCES = {"ctdivol_source", "dlp_source", "procedure_time_source"};

    /** One case's row: the three values (NaN when not known) and their sources. */
    public record Row(String caseName, String pseudonym, double[] values, String[] sources) {}

    /** A cell where the outcomes CSV and the images disagree; the outcomes CSV's value was kept. */
    public record Discrepancy(String pseudonym, String column, double typed, double fromImages, String source) {}

    private final Path file;
    private final Map<String, Row> rows;
    private final List<Discrepancy> discrepancies = new ArrayList<>();
    private int filled;

    private DoseTimeTable(Path file, Map<String, Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    /** Reads a dose-time.csv; bad cells are errors naming the file, line and column. */
    public static DoseTimeTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": no such dose-time file (batch writes it as " + FILE + ")");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) throw new IllegalArgumentException(file + ": empty; expected the header " + String.join(",", HEADER));
        List<String> header = split(lines.get(0));
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) col.put(header.get(i).trim(), i);
        for (String need : List.of("case", "pseudonym", COLUMNS[0], COLUMNS[1], COLUMNS[2])) {
            if (!col.containsKey(need)) throw new IllegalArgumentException(file + ": no column '" + need + "' in the header " + lines.get(0));
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) continue;
            List<String> cells = split(lines.get(n));
            String caseName = cell(cells, col.get("case"));
            String pseudonym = cell(cells, col.get("pseudonym"));
            double[] v = new double[3];
            String[] s = new String[3];
            for (int k = 0; k < 3; k++) {
                String raw = cell(cells, col.get(COLUMNS[k]));
                try {
                    v[k] = raw.isEmpty() ? Double.NaN : Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (n + 1) + ", column " + COLUMNS[k] + ": '" + raw + "' is not a number");
                }
                if (v[k] < 0) throw new IllegalArgumentException(file + " line " + (n + 1) + ", column " + COLUMNS[k] + ": '" + raw + "' is negative");
                s[k] = col.containsKey(SOURCES[k]) ? cell(cells, col.get(SOURCES[k])) : "";
            }
            String key = pseudonym.isEmpty() ? caseName : pseudonym;
            if (rows.put(key, new Row(caseName, pseudonym, v, s)) != null) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": case '" + key + "' appears twice");
            }
        }
        return new DoseTimeTable(file, rows);
    }

    /**
     * The outcomes with empty dose and time cells filled from the images; differences are
     * collected in {@link #discrepancies()}. Patients without a row keep what they have.
     */
    public OutcomeTable apply(OutcomeTable t) {
        List<PatientOutcome> out = new ArrayList<>();
        discrepancies.clear();
        filled = 0;
        for (PatientOutcome p : t.patients()) {
            Row r = rows.get(p.pseudonym());
            if (r == null) { out.add(p); continue; }
            double[] typed = {p.ctdivolMgy(), p.dlpMgyCm(), p.procedureMin()};
            double[] v = typed.clone();
            for (int k = 0; k < 3; k++) {
                double img = r.values()[k];
                if (Double.isNaN(img)) continue;
                if (Double.isNaN(typed[k])) {
                    v[k] = img;
                    filled++;
                } else if (Math.abs(typed[k] - img) > Math.max(0.05, TOLERANCE * Math.abs(img))) {
                    discrepancies.add(new Discrepancy(p.pseudonym(), COLUMNS[k], typed[k], img, r.sources()[k]));
                }
            }
            out.add(withDoseTime(p, v));
        }
        List<String> notes = new ArrayList<>(t.notes());
        notes.add(summary());
        return new OutcomeTable(t.source(), t.timePoints(), out, t.problems(), notes);
    }

    /**
     * The patient with the three dose and time values replaced and every other component kept:
     * copied component by component through the record's canonical constructor, so that
     * components PatientOutcome gains (outcome series, interventions, grouping columns) are
     * carried over rather than dropped by a constructor that does not know them.
     */
    static PatientOutcome withDoseTime(PatientOutcome p, double[] v) {
        try {
            java.lang.reflect.RecordComponent[] rc = PatientOutcome.class.getRecordComponents();
            Object[] args = new Object[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                args[i] = switch (rc[i].getName()) {
                    case "ctdivolMgy" -> v[0];
                    case "dlpMgyCm" -> v[1];
                    case "procedureMin" -> v[2];
                    default -> rc[i].getAccessor().invoke(p);
                };
            }
            return PatientOutcome.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy the outcomes row of " + p.pseudonym() + ": " + e, e);
        }
    }

    /** What the last {@link #apply} did, in one sentence. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %d dose/time value(s) filled from the images; %d differ from the outcomes CSV, whose values were kept%s",
                file.getFileName(), filled, discrepancies.size(), discrepancies.isEmpty() ? "" : " (listed in " + DISCREPANCIES + ")");
    }

    public List<Discrepancy> discrepancies() {
        return List.copyOf(discrepancies);
    }

    public int filled() {
        return filled;
    }

    public Map<String, Row> rows() {
        return java.util.Collections.unmodifiableMap(rows);
    }

    /** The discrepancies as CSV: pseudonym, column, outcomes value (kept), image value, image source. */
    public void writeDiscrepancies(Writer w) throws IOException {
        w.write("pseudonym,column,outcomes_value_kept,image_value,image_source\n");
        for (Discrepancy d : discrepancies) {
            w.write(cellOut(d.pseudonym()) + "," + d.column() + "," + num(d.typed()) + "," + num(d.fromImages()) + "," + cellOut(d.source()) + "\n");
        }
    }

    /** A number for the CSV: up to 6 significant digits, "" for NaN. */
    public static String num(double v) {
        if (Double.isNaN(v)) return "";
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) return s;
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** A text cell, quoted when it holds a comma, quote or line break. */
    public static String cellOut(String s) {
        if (s == null) return "";
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() ? cells.get(i).trim() : "";
    }

    /**
     * One CSV line into cells (RFC 4180 quotes; a line holds one record: batch writes no line breaks
     * in cells). By hand: the project has no CSV library, and OutcomeCsv's reader is its package's own.
     */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { b.append('"'); i++; }
                else if (c == '"') quoted = false;
                else b.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }
}
