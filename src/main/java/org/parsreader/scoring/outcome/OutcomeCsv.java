package org.parsreader.scoring.outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parsreader.scoring.outcome.OutcomeTable.RowProblem;

/**
 * Reads an outcomes CSV: one row per patient pseudonym with {@code pseudonym}, {@code nrs_0}
 * and any named follow-up {@code nrs_<t>} (nrs_15min, nrs_1month ...), optionally
 * {@code vas_<t>}, {@code odi_<t>}, {@code gpe_<t>} (positive/negative, 1/0, yes/no),
 * {@code age}, {@code sex} (M/F), {@code ctdivol_mgy}, {@code dlp_mgycm}, {@code procedure_min}.
 * Comma or semicolon separated (a semicolon file may use decimal commas); empty, NA, N/A or
 * "." is missing. A bad cell rejects its row: the problem is reported with line and column and
 * the other rows are read. Unknown columns are noted and ignored. Columns that identify
 * patients (name, patient_id, birth_date ...) make the whole file refused unless
 * {@code allowIdentityColumns}; even then they are never read.
 *
 * <pre>{@code
 * OutcomeTable t = OutcomeCsv.read(Path.of("outcomes.csv"), false);
 * t.problems().forEach(System.err::println);
 * }</pre>
 */
public final class OutcomeCsv {
    static final Set<String> IDENTITY = Set.of("name", "patient_name", "patientname", "first_name", "last_name", "surname",
            "given_name", "patient_id", "patientid", "mrn", "birth_date", "birthdate", "date_of_birth", "dob", "ssn");
    private static final Set<String> MISSING = Set.of("", "na", "n/a", ".", "nan");

    private OutcomeCsv() { }

    public static OutcomeTable read(Path file, boolean allowIdentityColumns) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), allowIdentityColumns);
    }

    /** Parses CSV text; {@code source} names the file in every message. */
    public static OutcomeTable parse(String text, String source, boolean allowIdentityColumns) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) throw new OutcomeCsvException(source, "is empty; expected a header line with pseudonym, nrs_0, nrs_<t> ...");
        char sep = count(lines[0], ';') > count(lines[0], ',') ? ';' : ',';
        List<String> header = new ArrayList<>();
        for (String h : split(lines[0], sep, source, 1)) header.add(h.trim().toLowerCase(Locale.ROOT));
        Map<String, Integer> seen = new HashMap<>();
        List<String> identity = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> timePoints = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (seen.put(h, c) != null) throw new OutcomeCsvException(source, "column '" + h + "' appears twice in the header (column " + (c + 1) + ")");
            if (IDENTITY.contains(h)) identity.add(h);
            else if (h.startsWith("nrs_") && !h.equals("nrs_0")) timePoints.add(h.substring(4));
            else if (kind(h) == null) notes.add("column " + (c + 1) + " '" + h + "' is not an outcome column; ignored");
        }
        if (!identity.isEmpty()) {
            if (!allowIdentityColumns) throw new OutcomeCsvException.IdentityColumnsException(source, identity);
            notes.add("identity columns " + identity + " allowed by request; ignored, never written out");
        }
        for (String required : List.of("pseudonym", "nrs_0")) {
            if (!seen.containsKey(required)) throw new OutcomeCsvException(source, "has no '" + required + "' column; header: " + header);
        }
        List<PatientOutcome> patients = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer> pseudonymLine = new HashMap<>();
        for (int li = 1; li < lines.length; li++) {
            int line = li + 1;
            if (lines[li].isBlank()) continue;
            List<String> cells;
            try {
                cells = split(lines[li], sep, source, line);
            } catch (OutcomeCsvException e) {
                problems.add(new RowProblem(source, line, 0, null, null, e.getMessage().substring(source.length() + 2)));
                continue;
            }
            if (cells.size() != header.size()) {
                problems.add(new RowProblem(source, line, 0, null, null, cells.size() + " cells, the header has " + header.size() + "; row left out"));
                continue;
            }
            Row row = new Row(source, line, header, cells, sep == ';', problems);
            PatientOutcome p = row.toOutcome();
            if (p == null) continue;
            Integer first = pseudonymLine.putIfAbsent(p.pseudonym(), line);
            if (first != null) {
                problems.add(new RowProblem(source, line, header.indexOf("pseudonym") + 1, "pseudonym", p.pseudonym(),
                        "appears again (first on line " + first + "); row left out"));
                continue;
            }
            patients.add(p);
        }
        return new OutcomeTable(source, timePoints, patients, problems, notes);
    }

    /** Which known column a header names: nrs, vas, odi, gpe, or a patient field; null when unknown. */
    static String kind(String h) {
        if (h.equals("pseudonym") || h.equals("age") || h.equals("sex") || h.equals("ctdivol_mgy") || h.equals("dlp_mgycm")
                || h.equals("procedure_min")) return h;
        for (String p : List.of("nrs_", "vas_", "odi_", "gpe_")) if (h.startsWith(p) && h.length() > p.length()) return p;
        return null;
    }

    /** One data row: converts cells, recording a problem (and rejecting the row) for each bad one. */
    private static final class Row {
        final String source;
        final int line;
        final List<String> header;
        final List<String> cells;
        final boolean decimalComma;
        final List<RowProblem> problems;
        boolean bad;

        Row(String source, int line, List<String> header, List<String> cells, boolean decimalComma, List<RowProblem> problems) {
            this.source = source;
            this.line = line;
            this.header = header;
            this.cells = cells;
            this.decimalComma = decimalComma;
            this.problems = problems;
        }

        PatientOutcome toOutcome() {
            String pseudonym = null;
            Map<String, Double> nrs = new LinkedHashMap<>();
            Map<String, Double> vas = new LinkedHashMap<>();
            Map<String, Double> odi = new LinkedHashMap<>();
            Map<String, Boolean> gpe = new LinkedHashMap<>();
            double age = Double.NaN, ctdi = Double.NaN, dlp = Double.NaN, minutes = Double.NaN;
            Boolean female = null;
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c);
                String k = kind(h);
                if (k == null || IDENTITY.contains(h)) continue;
                String raw = cells.get(c).trim();
                if (k.equals("pseudonym")) {
                    if (raw.matches("[A-Za-z0-9_-]{1,40}")) pseudonym = raw;
                    else problem(c, raw, "is not a pseudonym (1-40 letters, digits, '_' or '-'); row left out");
                    continue;
                }
                if (MISSING.contains(raw.toLowerCase(Locale.ROOT))) continue;
                switch (k) {
                    case "nrs_" -> put(nrs, h.substring(4), number(c, raw, 0, 10, "an NRS between 0 and 10"));
                    case "vas_" -> put(vas, h.substring(4), number(c, raw, 0, 100, "a VAS between 0 and 100"));
                    case "odi_" -> put(odi, h.substring(4), number(c, raw, 0, 100, "an ODI between 0 and 100 %"));
                    case "gpe_" -> {
                        Boolean g = gpe(raw);
                        if (g == null) problem(c, raw, "is not a global perceived effect (positive/negative, 1/0, yes/no); row left out");
                        else gpe.put(h.substring(4), g);
                    }
                    case "age" -> age = number(c, raw, 0, 120, "an age in years between 0 and 120");
                    case "sex" -> {
                        female = sex(raw);
                        if (female == null) problem(c, raw, "is not a sex (M/F, male/female); row left out");
                    }
                    case "ctdivol_mgy" -> ctdi = number(c, raw, 0, 10_000, "a CTDIvol in mGy (>= 0)");
                    case "dlp_mgycm" -> dlp = number(c, raw, 0, 1_000_000, "a DLP in mGy*cm (>= 0)");
                    case "procedure_min" -> minutes = number(c, raw, 0, 10_000, "a procedure time in minutes (>= 0)");
                    default -> throw new IllegalStateException(k);
                }
            }
            if (bad || pseudonym == null) return null;
            return new PatientOutcome(pseudonym, line, nrs, vas, odi, gpe, age, female, ctdi, dlp, minutes);
        }

        private static void put(Map<String, Double> m, String key, double v) {
            if (!Double.isNaN(v)) m.put(key, v);
        }

        double number(int c, String raw, double min, double max, String expected) {
            String s = decimalComma ? raw.replace(',', '.') : raw;
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                problem(c, raw, "is not a number; expected " + expected + "; row left out");
                return Double.NaN;
            }
            if (!(v >= min && v <= max)) {
                problem(c, raw, "is outside the range; expected " + expected + "; row left out");
                return Double.NaN;
            }
            return v;
        }

        void problem(int c, String raw, String message) {
            bad = true;
            problems.add(new RowProblem(source, line, c + 1, header.get(c), raw, message));
        }
    }

    static Boolean gpe(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "positive", "pos", "1", "yes", "y", "true", "+" -> Boolean.TRUE;
            case "negative", "neg", "0", "no", "n", "false", "-" -> Boolean.FALSE;
            default -> null;
        };
    }

    static Boolean sex(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "f", "female", "w", "woman" -> Boolean.TRUE;
            case "m", "male", "man" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    /** RFC 4180 cells of one line (quotes may hold the separator; "" is a quote). */
    static List<String> split(String line, char sep, String source, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { b.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else b.append(ch);
            } else if (ch == '"') quoted = true;
            else if (ch == sep) { out.add(b.toString()); b.setLength(0); }
            else b.append(ch);
        }
        if (quoted) throw new OutcomeCsvException(source, "line " + lineNo + ": a quoted cell is not closed");
        out.add(b.toString());
        return out;
    }
}
