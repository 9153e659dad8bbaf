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
import org.parsreader.scoring.outcome.OutcomeCsv;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.PatientOutcome;

/**
 * A grouping column of the outcomes file (guidance = CT / fluoroscopy, say), read for the
 * patients of the outcomes table, from the text columns {@code OutcomeCsv} keeps per patient
 * (empty / NA / N/A / "." missing); {@code sex} is taken from the parsed outcomes as "female" /
 * "male". Groups are the distinct values, sorted; a column with fewer
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

    /**
     * {@code text} is the outcomes file's text (for its header, in messages), {@code source} names
     * it; the values come from the parsed table, so the rows it left out are left out here too.
     */
    public static GroupColumn parse(String text, String source, String column, OutcomeTable table) {
        String name = column == null ? "" : column.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) throw new Table1Exception("--group-by needs a column name of " + source);
        List<String> head = OutcomeCsv.header(text);
        Map<String, String> values = new LinkedHashMap<>();
        if (name.equals("sex")) {
            for (PatientOutcome p : table.patients()) if (p.female() != null) values.put(p.pseudonym(), p.female() ? "female" : "male");
            if (!text.isEmpty() && !head.contains("sex")) throw noColumn(column, source, head);
        } else {
            if (!head.contains(name)) throw noColumn(column, source, head);
            if (!table.otherColumns().contains(name)) {
                throw new Table1Exception("--group-by '" + column + "' (" + source + "): an outcome, scale or identity column, not a grouping column;"
                        + " grouping columns of this file: " + (table.otherColumns().isEmpty() ? "none" : String.join(", ", table.otherColumns())));
            }
            for (PatientOutcome p : table.patients()) {
                String v = p.other().get(name);
                if (v != null && !MISSING.contains(v.trim().toLowerCase(Locale.ROOT))) values.putIfAbsent(p.pseudonym(), v.trim());
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
}
