package org.parsreader.scoring.describe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.PatientOutcome;

/**
 * A grouping column of the outcomes file (guidance = CT / fluoroscopy, say), read for the
 * patients of the outcomes table. {@code OutcomeCsv} reads only the outcome columns and ignores
 * others, so this reads the one named column itself, with the same conventions (comma or
 * semicolon, quotes, empty / NA / N/A / "." missing); {@code sex} is taken from the parsed
 * outcomes as "female" / "male". Groups are the distinct values, sorted; a column with fewer
 * than two or more than {@link #MAX_GROUPS} groups is refused, naming the column and values.
 *
 * @param byPseudonym the group of each patient with a value
 * @param groups      the distinct values, sorted
 * @param missing     patients of the table without a value
 */
public record GroupColumn(String column, Map<String, String> byPseudonym, List<String> groups, int missing) {
    public static final int MAX_GROUPS = 20;
    private static final Set<String> MISSING = Set.of("", "na", "n/a", ".", "nan");

    public GroupColumn {
        byPseudonym = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPseudonym));
        groups = List.copyOf(groups);
    }

    public static GroupColumn read(Path file, String column, OutcomeTable table) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), column, table);
    }

    /** {@code source} names the file in messages. */
    public static GroupColumn parse(String text, String source, String column, OutcomeTable table) {
        String name = column == null ? "" : column.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) throw new Table1Exception("--group-by needs a column name of " + source);
        Map<String, String> values = new LinkedHashMap<>();
        if (name.equals("sex")) {
            for (PatientOutcome p : table.patients()) if (p.female() != null) values.put(p.pseudonym(), p.female() ? "female" : "male");
            if (!text.isEmpty() && !header(text).contains("sex")) throw noColumn(column, source, header(text));
        } else {
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            String[] lines = text.split("\r?\n", -1);
            char sep = separator(lines[0]);
            List<String> head = header(text);
            int c = head.indexOf(name);
            if (c < 0) throw noColumn(column, source, head);
            int id = head.indexOf("pseudonym");
            Set<String> wanted = table.byPseudonym().keySet();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) continue;
                List<String> cells = split(lines[i], sep);
                if (cells.size() != head.size() || id < 0) continue; // OutcomeCsv reported the row and left it out
                String p = cells.get(id).trim();
                String v = cells.get(c).trim();
                if (!wanted.contains(p) || MISSING.contains(v.toLowerCase(Locale.ROOT))) continue;
                values.putIfAbsent(p, v);
            }
        }
        TreeSet<String> groups = new TreeSet<>(values.values());
        String what = "--group-by '" + column + "' (" + source + ")";
        if (groups.isEmpty()) throw new Table1Exception(what + ": no patient has a value in this column; nothing to group by");
        if (groups.size() == 1) {
            throw new Table1Exception(what + ": every patient with a value has '" + groups.first() + "' (" + values.size()
                    + " patients); a grouping column needs at least two groups");
        }
        if (groups.size() > MAX_GROUPS) {
            throw new Table1Exception(what + ": " + groups.size() + " different values (" + String.join(", ", new ArrayList<>(groups).subList(0, 5))
                    + ", ...); a grouping column has 2 to " + MAX_GROUPS + " groups (is it a measurement?)");
        }
        return new GroupColumn(name, values, new ArrayList<>(groups), table.patients().size() - values.size());
    }

    private static Table1Exception noColumn(String column, String source, List<String> head) {
        return new Table1Exception("--group-by '" + column + "': " + source + " has no such column; its columns: " + String.join(", ", head));
    }

    private static List<String> header(String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String first = text.split("\r?\n", 2)[0];
        List<String> head = new ArrayList<>();
        for (String h : split(first, separator(first))) head.add(h.trim().toLowerCase(Locale.ROOT));
        return head;
    }

    private static char separator(String header) {
        return header.chars().filter(ch -> ch == ';').count() > header.chars().filter(ch -> ch == ',').count() ? ';' : ',';
    }

    /** RFC 4180 cells of one line (as OutcomeCsv splits them; an unclosed quote keeps the rest as one cell). */
    static List<String> split(String line, char sep) {
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
        out.add(b.toString());
        return out;
    }
}
