package org.parsreader.ij.panel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.swing.table.AbstractTableModel;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.ReadingTemplate.FindingType;
import org.parsreader.findings.ReadingTemplate.Scope;
import org.parsreader.findings.ReadingTemplate.ValueType;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;

/**
 * The reading form's grid, generated from the reading template (no finding is named here):
 * one row per finding type, grouped by the series it is read on (CT, MR-STIR, MR-T2, MR, ...)
 * with the injection findings last; one column per shown level and side (or per level when the
 * template has no sided finding). Column 0 holds the finding's label; group rows hold only
 * their title. A segment finding (no side) lives in the left column of its level; the right
 * column of that level is the same cell (keys there edit the same value) but draws blank.
 *
 * <p>Cells hold the document's {@link FindingValue} (or null); the form renders and edits them.
 * No AWT: this is a table model, testable headless.
 */
public final class FindingsFormModel extends AbstractTableModel {
    /** A row: a group title, or a finding type. */
    public record Row(String group, FindingType finding) {
        public boolean isGroup() {
            return finding == null;
        }
    }

    /** A column of the grid: a level and a side (null side when the template has no sided finding). */
    public record Column(String level, Side side) {
        public String header() {
            return side == null ? level : level + " " + (side == Side.LEFT ? "L" : "R");
        }
    }

    /** The place of a value: finding, level and side (null for a segment finding). */
    public record Cell(FindingType finding, String level, Side side) {
        public String describe() {
            return label(finding) + " · " + level + (side == null ? "" : " " + side.label());
        }
    }

    private final ReadingTemplate template;
    private final List<Row> rows;
    private final boolean sided;
    private final List<Column> columns = new ArrayList<>();
    private final Set<String> shownLevels = new LinkedHashSet<>();
    private FindingsDocument document;

    public FindingsFormModel(ReadingTemplate template, FindingsDocument document) {
        this.template = template;
        this.document = document;
        this.rows = rows(template);
        this.sided = template.findings().stream().anyMatch(f -> ReadingTemplate.sided(f.scope()));
        shownLevels.addAll(defaultLevels(template, document));
        rebuildColumns();
    }

    /** The rows of {@code template}: groups by series in order of first appearance, injection findings last. */
    static List<Row> rows(ReadingTemplate template) {
        Map<String, List<FindingType>> groups = new LinkedHashMap<>();
        List<FindingType> injection = new ArrayList<>();
        for (FindingType f : template.findings()) {
            if (f.scope() == Scope.INJECTION) injection.add(f);
            else groups.computeIfAbsent(f.series() == null || f.series().isBlank() ? "Other" : f.series(), k -> new ArrayList<>()).add(f);
        }
        if (!injection.isEmpty()) groups.put("Injection", injection);
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, List<FindingType>> g : groups.entrySet()) {
            out.add(new Row(g.getKey(), null));
            for (FindingType f : g.getValue()) out.add(new Row(g.getKey(), f));
        }
        return List.copyOf(out);
    }

    /**
     * The levels shown first: the last three regular levels of the template (L4, L5, S1 for the
     * pars template), and every level that already has a value, a measurement or an ROI.
     */
    static List<String> defaultLevels(ReadingTemplate template, FindingsDocument doc) {
        Set<String> want = new LinkedHashSet<>();
        List<String> regular = template.levels();
        want.addAll(regular.subList(Math.max(0, regular.size() - 3), regular.size()));
        want.addAll(usedLevels(doc));
        List<String> ordered = new ArrayList<>();
        for (String l : template.allLevels()) if (want.contains(l)) ordered.add(l);
        return ordered;
    }

    /** Levels with a value, measurement or ROI in {@code doc}. */
    static Set<String> usedLevels(FindingsDocument doc) {
        Set<String> used = new LinkedHashSet<>();
        if (doc == null) return used;
        for (FindingValue v : doc.values()) used.add(v.level());
        for (Measurement m : doc.measurements()) used.add(m.level());
        for (FindingsDocument.Roi r : doc.rois()) if (r.level() != null) used.add(r.level());
        return used;
    }

    public ReadingTemplate template() {
        return template;
    }

    public FindingsDocument document() {
        return document;
    }

    /** A new document (after any change, undo or redo): levels that gained values are shown too. */
    public void setDocument(FindingsDocument doc) {
        this.document = doc;
        Set<String> used = usedLevels(doc);
        if (!shownLevels.containsAll(used)) {
            shownLevels.addAll(used);
            setShownLevels(List.copyOf(shownLevels));
        } else {
            fireTableRowsUpdated(0, Math.max(0, rows.size() - 1));
        }
    }

    public List<String> shownLevels() {
        List<String> out = new ArrayList<>();
        for (String l : template.allLevels()) if (shownLevels.contains(l)) out.add(l);
        return out;
    }

    /** Shows these levels (in template order); unknown names are ignored. */
    public void setShownLevels(Collection<String> levels) {
        shownLevels.clear();
        for (String l : levels) if (template.allLevels().contains(l)) shownLevels.add(l);
        rebuildColumns();
        fireTableStructureChanged();
    }

    private void rebuildColumns() {
        columns.clear();
        for (String l : shownLevels()) {
            if (sided) {
                columns.add(new Column(l, Side.LEFT));
                columns.add(new Column(l, Side.RIGHT));
            } else {
                columns.add(new Column(l, null));
            }
        }
    }

    public List<Row> rows() {
        return rows;
    }

    public Row row(int r) {
        return rows.get(r);
    }

    /** Column {@code c} of the table (1-based: column 0 is the label). */
    public Column column(int c) {
        return columns.get(c - 1);
    }

    public List<Column> columns() {
        return List.copyOf(columns);
    }

    /** The value's place at table row and column, or empty for a label, a group row or out of range. */
    public Optional<Cell> cell(int row, int col) {
        if (row < 0 || row >= rows.size() || col < 1 || col > columns.size()) return Optional.empty();
        Row r = rows.get(row);
        if (r.isGroup()) return Optional.empty();
        Column c = column(col);
        Side side = ReadingTemplate.sided(r.finding().scope()) ? c.side() : null;
        return Optional.of(new Cell(r.finding(), c.level(), side));
    }

    /** Whether the cell is the second (right) column of a segment finding: same value as the left one, drawn blank. */
    public boolean isShadow(int row, int col) {
        if (row < 0 || row >= rows.size() || col < 1 || col > columns.size()) return false;
        Row r = rows.get(row);
        return !r.isGroup() && sided && !ReadingTemplate.sided(r.finding().scope()) && column(col).side() == Side.RIGHT;
    }

    /** The table row of a finding, or -1. */
    public int rowOf(String findingId) {
        for (int i = 0; i < rows.size(); i++) if (!rows.get(i).isGroup() && rows.get(i).finding().id().equals(findingId)) return i;
        return -1;
    }

    /** The table column of a level and side (the left one for a segment finding), or -1 when the level is hidden. */
    public int columnOf(String level, Side side) {
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.level().equals(level) && (c.side() == null || side == null && c.side() == Side.LEFT || c.side() == side)) return i + 1;
        }
        return -1;
    }

    public Optional<FindingValue> value(Cell c) {
        if (document == null) return Optional.empty();
        for (FindingValue v : document.values()) {
            if (v.finding().equals(c.finding().id()) && v.level().equals(c.level()) && v.side() == c.side()) return Optional.of(v);
        }
        return Optional.empty();
    }

    /** The latest measurement of the cell's finding, level and side, if any. */
    public Optional<Measurement> measurement(Cell c) {
        if (document == null) return Optional.empty();
        Measurement found = null;
        for (Measurement m : document.measurements()) {
            if (m.finding().equals(c.finding().id()) && m.level().equals(c.level()) && m.side() == c.side()) found = m;
        }
        return Optional.ofNullable(found);
    }

    /** The ROIs drawn for the cell's finding, level and side (newest last). */
    public List<FindingsDocument.Roi> rois(Cell c) {
        List<FindingsDocument.Roi> out = new ArrayList<>();
        if (document == null) return out;
        for (FindingsDocument.Roi r : document.rois()) {
            if (c.finding().id().equals(r.finding()) && c.level().equals(r.level()) && r.side() == c.side()) out.add(r);
        }
        return out;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.size() + 1;
    }

    @Override
    public String getColumnName(int c) {
        return c == 0 ? "" : column(c).header();
    }

    @Override
    public Object getValueAt(int row, int col) {
        Row r = rows.get(row);
        if (col == 0) return r.isGroup() ? r.group() : label(r.finding());
        if (isShadow(row, col)) return null;
        return cell(row, col).flatMap(this::value).orElse(null);
    }

    /** Only number cells take typed text (the JTable editor); other cells are edited by keys and pop-ups. */
    @Override
    public boolean isCellEditable(int row, int col) {
        return cell(row, col).map(c -> c.finding().type() == ValueType.NUMBER).orElse(false);
    }

    // ---- text

    /** The finding's label as the template gives it, else its id made readable. */
    public static String label(FindingType f) {
        if (f.label() != null && !f.label().isBlank()) return f.label();
        String s = f.id().replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A value as short as the cell needs: unique prefixes of at least 3 letters for choices, numbers without trailing zeros. */
    public static String shortText(FindingType f, Value v) {
        if (v == null) return "";
        if (v instanceof Value.NotAssessable) return "n/a"; // the reason is in the detail line and tooltip
        if (v instanceof Value.Flag b) return b.value() ? "yes" : "no";
        if (v instanceof Value.Number n) return number(n.value());
        if (v instanceof Value.Choice c) return abbreviate(f, c.value());
        if (v instanceof Value.Choices cs) {
            if (cs.values().isEmpty()) return "–";
            if (cs.values().size() == 1) return abbreviate(f, cs.values().get(0), 3);
            List<String> a = new ArrayList<>();
            for (String s : cs.values()) a.add(abbreviate(f, s, 1));
            String joined = String.join("+", a);
            return joined.length() <= 4 ? joined : "×" + cs.values().size(); // the detail line and tooltip list them
        }
        return v.text();
    }

    static String abbreviate(FindingType f, String value) {
        return abbreviate(f, value, 3);
    }

    /** The shortest prefix of at least {@code min} letters that no other value of {@code f} starts with. */
    static String abbreviate(FindingType f, String value, int min) {
        if (value.length() <= (min < 3 ? min : 4) || f.values() == null) return value;
        if (min < 3) {
            for (int n = min; n < value.length(); n++) {
                String prefix = value.substring(0, n).toLowerCase(Locale.ROOT);
                if (f.values().stream().noneMatch(o -> !o.equals(value) && o.toLowerCase(Locale.ROOT).startsWith(prefix))) return value.substring(0, n);
            }
            return value;
        }
        for (int n = min; n < value.length(); n++) {
            String prefix = value.substring(0, n).toLowerCase(Locale.ROOT);
            boolean unique = true;
            for (String other : f.values()) {
                if (!other.equals(value) && other.toLowerCase(Locale.ROOT).startsWith(prefix)) unique = false;
            }
            if (unique) return value.substring(0, n);
        }
        return value;
    }

    /** A number as a reader writes it: up to 3 decimals, no trailing zeros. */
    public static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        String s = String.format(Locale.ROOT, "%.3f", d);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The value a key picks for a choice finding: a digit equal to one of the values ("0".."4" for
     * a grade) picks that value, else digit n picks the n-th value (1-based); empty if none.
     */
    public static Optional<String> choiceForDigit(FindingType f, char digit) {
        if (f.values() == null || !Character.isDigit(digit)) return Optional.empty();
        String d = String.valueOf(digit);
        if (f.values().contains(d)) return Optional.of(d);
        int n = digit - '0';
        return n >= 1 && n <= f.values().size() ? Optional.of(f.values().get(n - 1)) : Optional.empty();
    }

    /**
     * A number typed for {@code f}, checked against the template's minimum and maximum; the
     * message says what is wrong and what is allowed, in the reader's words.
     */
    public static Optional<String> checkNumber(FindingType f, String text) {
        String s = text == null ? "" : text.trim().replace(',', '.');
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Optional.of("'" + text.trim() + "' is not a number" + (f.unit() == null ? "" : " (" + f.unit() + ")"));
        }
        if (!Double.isFinite(d)) return Optional.of("'" + text.trim() + "' is not a finite number");
        String unit = f.unit() == null ? "" : " " + f.unit();
        if (f.min() != null && d < f.min()) return Optional.of(number(d) + unit + " is below the minimum " + number(f.min()) + unit + range(f));
        if (f.max() != null && d > f.max()) return Optional.of(number(d) + unit + " is above the maximum " + number(f.max()) + unit + range(f));
        return Optional.empty();
    }

    private static String range(FindingType f) {
        if (f.min() != null && f.max() != null) return " (allowed " + number(f.min()) + " to " + number(f.max()) + ")";
        return "";
    }
}
