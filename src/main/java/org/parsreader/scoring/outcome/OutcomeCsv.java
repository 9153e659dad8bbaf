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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parsreader.scoring.outcome.OutcomeTable.RowProblem;

/**
 * Reads an outcomes CSV: one row per patient pseudonym with {@code pseudonym}, {@code nrs_0}
 * and any named follow-up {@code nrs_<t>} (nrs_15min, nrs_1month ...), optionally
 * {@code vas_<t>}, {@code odi_<t>}, {@code gpe_<t>} (positive/negative, 1/0, yes/no),
 * {@code age}, {@code sex} (M/F), {@code ctdivol_mgy}, {@code dlp_mgycm}, {@code procedure_min}.
 * Pain of one region is a series of its own, {@code <region>_nrs_<t>} / {@code _vas_} /
 * {@code _odi_} ({@code leg_nrs_0, leg_nrs_4wk, back_vas_0 ...}, see {@link OutcomeSeries});
 * a file needs the baseline {@code _0} of at least one series. {@code intervention_<t>} (yes/no)
 * records another intervention between baseline and t. Lines before the header that start
 * with {@code #} are comments, except scale declarations: {@code # scale vas 0-10} (a VAS on
 * a 0-10 line; the default is 0-100), {@code # scale back_vas 0-10}; values outside their
 * series' scale reject their row, named. Other columns are kept as text (grouping columns
 * such as {@code guidance}).
 * Comma or semicolon separated (a semicolon file may use decimal commas); empty, NA, N/A or
 * "." is missing. A bad cell rejects its row: the problem is reported with line and column and
 * the other rows are read. Columns that identify
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

    /**
     * The header's column names, trimmed and lower case, as {@link #parse} reads them (after a
     * byte-order mark and the leading {@code #} declaration lines); empty for an empty text.
     */
    public static List<String> header(String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r?\n", -1);
        int head = 0;
        while (head < lines.length && lines[head].trim().startsWith("#")) head++;
        if (head >= lines.length || lines[head].isBlank()) return List.of();
        char sep = count(lines[head], ';') > count(lines[head], ',') ? ';' : ',';
        List<String> header = new ArrayList<>();
        for (String h : cells(lines[head], sep)) header.add(h.trim().toLowerCase(Locale.ROOT));
        return header;
    }

    /** RFC 4180 cells of one line; an unclosed quote keeps the rest of the line as one cell. */
    public static List<String> cells(String line, char sep) {
        return split(line, sep, null, 0);
    }

    /** Parses CSV text; {@code source} names the file in every message. */
    public static OutcomeTable parse(String text, String source, boolean allowIdentityColumns) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r?\n", -1);
        // declaration lines before the header: "# scale vas 0-10"; other lines starting with # are comments
        int head = 0;
        Map<String, double[]> declared = new LinkedHashMap<>();
        Map<String, Integer> declaredLine = new HashMap<>();
        while (head < lines.length && lines[head].trim().startsWith("#")) {
            declare(lines[head].trim().substring(1).trim(), source, head + 1, declared, declaredLine);
            head++;
        }
        if (head >= lines.length || lines[head].isBlank()) throw new OutcomeCsvException(source, "is empty; expected a header line with pseudonym, nrs_0, nrs_<t> ...");
        char sep = count(lines[head], ';') > count(lines[head], ',') ? ';' : ',';
        List<String> header = new ArrayList<>();
        for (String h : split(lines[head], sep, source, head + 1)) header.add(h.trim().toLowerCase(Locale.ROOT));
        Map<String, Integer> seen = new HashMap<>();
        List<String> identity = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> timePoints = new ArrayList<>();
        List<String> other = new ArrayList<>();
        Map<String, List<String>> seriesTimes = new LinkedHashMap<>();
        Map<String, String> seriesMeasure = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (seen.put(h, c) != null) throw new OutcomeCsvException(source, "column '" + h + "' appears twice in the header (column " + (c + 1) + ")");
            if (IDENTITY.contains(h)) identity.add(h);
            else if (h.startsWith("nrs_") && !h.equals("nrs_0")) timePoints.add(h.substring(4));
            String[] sc = IDENTITY.contains(h) ? null : seriesColumn(h);
            if (sc != null) {
                seriesTimes.computeIfAbsent(sc[0], k -> new ArrayList<>()).add(sc[2]);
                seriesMeasure.put(sc[0], sc[1]);
            } else if (!IDENTITY.contains(h) && kind(h) == null && !h.isEmpty()) {
                other.add(h);
                // a text column (a grouping column such as guidance) is normal; one that looks like a misspelt outcome is noted
                if (h.matches(".*(nrs|vas|odi|gpe|intervention).*")) {
                    notes.add("column " + (c + 1) + " '" + h + "' looks like an outcome column but is not [<region>_]nrs|vas|odi_<t>,"
                            + " gpe_<t> or intervention_<t>; kept as text");
                }
            }
        }
        if (!identity.isEmpty()) {
            if (!allowIdentityColumns) throw new OutcomeCsvException.IdentityColumnsException(source, identity);
            notes.add("identity columns " + identity + " allowed by request; ignored, never written out");
        }
        if (!seen.containsKey("pseudonym")) throw new OutcomeCsvException(source, "has no 'pseudonym' column; header: " + header);
        if (seriesTimes.values().stream().noneMatch(t -> t.contains(OutcomeTable.BASELINE))) {
            throw new OutcomeCsvException(source, "has no 'nrs_0' column; header: " + header);
        }
        Map<String, OutcomeSeries> series = new LinkedHashMap<>();
        for (var e : seriesTimes.entrySet()) {
            String name = e.getKey();
            String measure = seriesMeasure.get(name);
            double[] sc = declared.containsKey(name) ? declared.get(name) : declared.get(measure);
            boolean isDeclared = sc != null;
            if (sc == null) sc = new double[] {0, OutcomeSeries.defaultMax(measure)};
            try {
                OutcomeSeries.scale(measure, sc[0], sc[1]);
            } catch (IllegalArgumentException ex) {
                Integer dl = declaredLine.containsKey(name) ? declaredLine.get(name) : declaredLine.get(measure);
                throw new OutcomeCsvException(source, "line " + dl + ": series " + name + ": " + ex.getMessage());
            }
            List<String> follow = e.getValue().stream().filter(t -> !t.equals(OutcomeTable.BASELINE)).toList();
            series.put(name, new OutcomeSeries(name, measure, sc[0], sc[1], follow, e.getValue().contains(OutcomeTable.BASELINE), isDeclared));
        }
        for (String d : declared.keySet()) {
            if (!series.containsKey(d) && !seriesMeasure.containsValue(d)) {
                throw new OutcomeCsvException(source, "line " + declaredLine.get(d) + ": '# scale " + d + "' names no outcome column (" + d
                        + "_0, " + d + "_<t>); series in the header: " + series.keySet());
            }
        }
        List<PatientOutcome> patients = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer> pseudonymLine = new HashMap<>();
        for (int li = head + 1; li < lines.length; li++) {
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
            Row row = new Row(source, line, header, cells, sep == ';', problems, series);
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
        return new OutcomeTable(source, timePoints, patients, problems, notes, List.copyOf(series.values()), other);
    }

    private static final Pattern SERIES = Pattern.compile("(?:([a-z][a-z0-9_]*?)_)?(nrs|vas|odi)_([A-Za-z0-9.+-][A-Za-z0-9_.+-]*)");
    private static final Pattern SCALE = Pattern.compile("scale\\s+([a-z][a-z0-9_]*)\\s+(\\d+(?:\\.\\d+)?)\\s*-\\s*(\\d+(?:\\.\\d+)?)\\s*%?");

    /** A series column {@code [<region>_]<measure>_<t>}: {series name, measure, time point}; null for other columns. */
    static String[] seriesColumn(String h) {
        Matcher m = SERIES.matcher(h);
        if (!m.matches()) return null;
        String region = m.group(1);
        return new String[] {region == null ? m.group(2) : region + "_" + m.group(2), m.group(2), m.group(3)};
    }

    /** A line before the header: {@code scale <series or measure> <min>-<max>}; anything else not starting with "scale" is a comment. */
    private static void declare(String d, String source, int line, Map<String, double[]> declared, Map<String, Integer> declaredLine) {
        if (!d.toLowerCase(Locale.ROOT).startsWith("scale")) return;
        Matcher m = SCALE.matcher(d.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new OutcomeCsvException(source, "line " + line + ": '# " + d + "' is not a scale declaration; expected e.g."
                + " '# scale vas 0-10' or '# scale back_vas 0-100'");
        String name = m.group(1);
        String measure = seriesColumn(name + "_0") == null ? null : seriesColumn(name + "_0")[1];
        if (measure == null) throw new OutcomeCsvException(source, "line " + line + ": '# " + d + "': " + name + " is not an outcome series"
                + " (nrs, vas, odi or <region>_nrs, <region>_vas, <region>_odi)");
        if (declared.put(name, new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))}) != null) {
            throw new OutcomeCsvException(source, "line " + line + ": the scale of " + name + " is declared twice");
        }
        declaredLine.put(name, line);
    }

    /** Which known column a header names: nrs, vas, odi, gpe, intervention or a patient field; null when unknown. */
    static String kind(String h) {
        if (h.equals("pseudonym") || h.equals("age") || h.equals("sex") || h.equals("ctdivol_mgy") || h.equals("dlp_mgycm")
                || h.equals("procedure_min")) return h;
        for (String p : List.of("gpe_", "intervention_")) if (h.startsWith(p) && h.length() > p.length()) return p;
        if (seriesColumn(h) != null) return "series";
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
        final Map<String, OutcomeSeries> series;
        boolean bad;

        Row(String source, int line, List<String> header, List<String> cells, boolean decimalComma, List<RowProblem> problems,
            Map<String, OutcomeSeries> series) {
            this.series = series;
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
            Map<String, Map<String, Double>> values = new LinkedHashMap<>();
            Map<String, Boolean> intervention = new LinkedHashMap<>();
            Map<String, String> other = new LinkedHashMap<>();
            double age = Double.NaN, ctdi = Double.NaN, dlp = Double.NaN, minutes = Double.NaN;
            Boolean female = null;
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c);
                String k = kind(h);
                if (IDENTITY.contains(h)) continue;
                String raw = cells.get(c).trim();
                if (k == null) {
                    if (!MISSING.contains(raw.toLowerCase(Locale.ROOT))) other.put(h, raw);
                    continue;
                }
                if (k.equals("pseudonym")) {
                    if (raw.matches("[A-Za-z0-9_-]{1,40}")) pseudonym = raw;
                    else problem(c, raw, "is not a pseudonym (1-40 letters, digits, '_' or '-'); row left out");
                    continue;
                }
                if (MISSING.contains(raw.toLowerCase(Locale.ROOT))) continue;
                switch (k) {
                    case "series" -> {
                        String[] sc = seriesColumn(h);
                        OutcomeSeries s = series.get(sc[0]);
                        double v = number(c, raw, s.min(), s.max(), expected(s));
                        put(values.computeIfAbsent(sc[0], x -> new LinkedHashMap<>()), sc[2], v);
                        if (sc[0].equals("nrs")) put(nrs, sc[2], v);
                        else if (sc[0].equals("vas")) put(vas, sc[2], v);
                        else if (sc[0].equals("odi")) put(odi, sc[2], v);
                    }
                    case "intervention_" -> {
                        Boolean g = yesNo(raw);
                        if (g == null) problem(c, raw, "is not yes/no (another intervention between baseline and this time point); row left out");
                        else intervention.put(h.substring("intervention_".length()), g);
                    }
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
            return new PatientOutcome(pseudonym, line, nrs, vas, odi, gpe, age, female, ctdi, dlp, minutes, values, intervention, other);
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

    /** "an NRS between 0 and 10", "a VAS between 0 and 10 (declared scale)", "a leg NRS between 0 and 10". */
    static String expected(OutcomeSeries s) {
        String m = s.measure().toUpperCase(Locale.ROOT);
        String what = s.region().isEmpty() ? m : s.region().replace('_', ' ') + " " + m;
        String article = s.region().isEmpty() && !m.equals("VAS") ? "an " : "a ";
        return article + what + " between " + OutcomeSeries.num(s.min()) + " and " + OutcomeSeries.num(s.max())
                + (s.measure().equals("odi") ? " %" : "") + (s.declared() ? " (declared scale)" : "");
    }

    static Boolean yesNo(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "1", "yes", "y", "true" -> Boolean.TRUE;
            case "0", "no", "n", "false" -> Boolean.FALSE;
            default -> null;
        };
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

    /** RFC 4180 cells of one line (quotes may hold the separator; "" is a quote); {@code source} null: an unclosed quote is not an error. */
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
        if (quoted && source != null) throw new OutcomeCsvException(source, "line " + lineNo + ": a quoted cell is not closed");
        out.add(b.toString());
        return out;
    }
}
