package org.parsreader.ij.panel;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.table.TableColumn;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.ReadingTemplate.FindingType;
import org.parsreader.findings.ReadingTemplate.ValueType;
import org.parsreader.findings.Value;
import org.parsreader.ij.panel.FindingsFormModel.Cell;

/**
 * The reading form: a level x side grid generated from the reading template
 * ({@link FindingsFormModel}), edited from the keyboard. Arrows and Tab move between value
 * cells (labels and group titles are skipped); on a choice, a digit picks the value (the value
 * itself for grades "0".."5", else the n-th), a letter the next value starting with it; on a
 * yes/no finding y / n (or 1 / 0), Space cycles yes, no, blank; on a multi-choice finding a
 * digit toggles the n-th value; a number is typed (Enter stores it, checked against the
 * template's range with the message under the grid); Enter or a double click opens the list of
 * values; Delete or Backspace clears, and nothing else does (an emptied editor stores nothing; an
 * editor whose cell changed meanwhile, e.g. filled from its ROI by Ctrl+Enter, closes without
 * storing its stale text). Every edit is one action through
 * {@link ReadingPanelActions} (recorded as a macro line by the reading core); the grid redraws
 * from the session's document after every change, undo and redo included.
 *
 * <p>A level filter above the grid chooses the levels shown (the last three levels of the
 * template and every level with values, at first), so the grid fits the panel's width.
 */
public final class FindingsForm extends JPanel {
    private static final long serialVersionUID = 1L;
    static final Color GROUP_BG = new Color(0xE4E8EE);
    static final Color SHADOW_BG = new Color(0xF2F2F2);
    static final Color SELECTED_BG = new Color(0xCFE3FF);
    static final Color ERROR = new Color(0xC00000);
    static final Color PROPOSED = new Color(0x707070);
    static final int LABEL_WIDTH = 112;
    static final int GROUP_ROW_HEIGHT = 13;
    /** The grid's width inside the panel (panel width less borders and the scroll bar). */
    static final int GRID_WIDTH = ReadingPanel.WIDTH - 36;

    /** The keyboard help, for the tooltip, the help button and the README. */
    public static final String SHORTCUTS = String.join("\n",
            "Arrows, Tab, Shift+Tab: move between cells",
            "Digit: choice value (a grade's own digit, else the n-th value); multi-choice: toggle the n-th value",
            "Letter: next choice value starting with it",
            "y / n (1 / 0): yes / no; Space cycles yes, no, blank",
            "Number: type it, Enter stores it (range checked), Esc cancels",
            "Enter or double click: the list of values",
            "Delete or Backspace: clear the cell (the only way to clear one: an emptied number editor stores nothing; Ctrl+Z undoes)",
            "L (not on a single choice, where letters pick values) or Link ROI: the active image's selection becomes the cell's ROI");

    private final FindingsFormModel model;
    private final ReadingPanelActions actions;
    private final JTable table;
    private final JLabel detail = new JLabel(" ");
    private final JLabel message = new JLabel(" ");
    private final JButton link = new JButton("Link ROI");
    private final JPanel levelFilter = new JPanel(new FlowLayout(FlowLayout.LEFT, 2, 0));
    private final List<Consumer<Optional<Cell>>> cellListeners = new CopyOnWriteArrayList<>();
    private Consumer<Cell> linkHandler = c -> {};
    private int lastRow = -1;
    private int lastCol = -1;
    /** The number editor's cell and its stored text when the editor opened; null when not editing. */
    private Edit editing;
    /** The value columns' width now (fits the widest value shown, never less than {@link #CELL_WIDTH}). */
    private int cellWidth = CELL_WIDTH;

    /** An open number editor: its cell, the cell's stored text when it opened, and the text typed so far. */
    private record Edit(Cell cell, String stored, String typed) {
        Edit typing(String text) {
            return new Edit(cell, stored, text);
        }
    }

    /** The cell's stored value as text ("" when empty). */
    private String cellText(Cell c) {
        return model.value(c).map(v -> v.value().text()).orElse("");
    }

    FindingsForm(ReadingTemplate template, FindingsDocument document, ReadingPanelActions actions) {
        super(new BorderLayout(0, 2));
        this.model = new FindingsFormModel(template, document);
        this.actions = actions;
        this.table = new Grid();
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createEmptyBorder(2, 2, 0, 2),
                BorderFactory.createMatteBorder(1, 0, 0, 0, new Color(0xB0B0B0))));

        buildLevelFilter();
        JPanel top = new JPanel(new BorderLayout());
        top.add(levelFilter, BorderLayout.CENTER);
        JButton help = small(new JButton("?"));
        help.setName("keys");
        help.setToolTipText(html("Keys (F1)\n\n" + ReadingPanel.keyList(template)));
        help.addActionListener(e -> ReadingPanel.showKeys(this, template));
        top.add(help, BorderLayout.EAST);
        add(top, BorderLayout.NORTH);

        table.setFont(table.getFont().deriveFont(11f));
        table.setRowHeight(15);
        groupRowHeights();
        table.setCellSelectionEnabled(true);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getTableHeader().setReorderingAllowed(false);
        table.getTableHeader().setFont(table.getFont().deriveFont(Font.BOLD, 10.5f));
        table.setDefaultRenderer(Object.class, new FindingsCellRenderer(model));
        table.setDefaultEditor(Object.class, new FindingsNumberEditor(table, model, text -> {
            if (editing != null) editing = editing.typing(text);
        }, this::showMessage));
        table.setSurrendersFocusOnKeystroke(true);
        // the form starts a number's editor itself (on a digit): JTable's own start on any key would also start it on Ctrl+Z or Ctrl+S
        table.putClientProperty("JTable.autoStartsEdit", Boolean.FALSE);
        table.setToolTipText(html(SHORTCUTS));
        table.putClientProperty("terminateEditOnFocusLost", Boolean.TRUE);
        table.addKeyListener(new Keys());
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    int r = table.rowAtPoint(e.getPoint()), c = table.columnAtPoint(e.getPoint());
                    model.cell(r, c).ifPresent(cell -> {
                        if (cell.finding().type() != ValueType.NUMBER) popup(cell, r, c);
                    });
                }
            }
        });
        table.getSelectionModel().addListSelectionListener(e -> cellChanged());
        table.getColumnModel().getSelectionModel().addListSelectionListener(e -> cellChanged());
        sizeColumns();
        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(GRID_WIDTH, table.getPreferredSize().height + table.getTableHeader().getPreferredSize().height + 4));
        add(scroll, BorderLayout.CENTER);

        JPanel bottom = new JPanel();
        bottom.setLayout(new BoxLayout(bottom, BoxLayout.Y_AXIS));
        JPanel line = new JPanel(new BorderLayout(4, 0));
        detail.setFont(detail.getFont().deriveFont(Font.PLAIN, 11f));
        line.add(detail, BorderLayout.CENTER);
        small(link);
        link.setToolTipText("Store the selection on the active image as the ROI that supports this value (key L)");
        link.addActionListener(e -> current().ifPresent(c -> linkHandler.accept(c)));
        line.add(link, BorderLayout.EAST);
        bottom.add(line);
        message.setForeground(ERROR);
        message.setFont(message.getFont().deriveFont(Font.PLAIN, 11f));
        bottom.add(message); // always there (a space when empty): a message never moves the panel's parts
        add(bottom, BorderLayout.SOUTH);
        select(firstCell());
    }

    // ---- API for the panel and its tests

    public JTable table() {
        return table;
    }

    FindingsFormModel model() {
        return model;
    }

    /** The document changed (any change, undo or redo): redraw, keeping the selected cell. Call on the EDT. */
    void refresh(FindingsDocument doc) {
        int r = table.getSelectedRow(), c = table.getSelectedColumn();
        List<String> before = model.shownLevels();
        // a number being typed survives other changes (an autosave, a macro's edit elsewhere); only new columns end it
        boolean newColumns = !before.containsAll(FindingsFormModel.usedLevels(doc));
        if (table.isEditing() && newColumns) table.getCellEditor().cancelCellEditing();
        model.setDocument(doc);
        // the cell being edited was changed meanwhile (Ctrl+Enter filled it from its ROI, a macro set it): the editor holds
        // text from before, and committing it later would overwrite or clear the new value, so it closes without storing
        if (table.isEditing() && editing != null && !editing.stored().equals(cellText(editing.cell()))) {
            Edit was = editing;
            table.getCellEditor().cancelCellEditing();
            if (!was.typed().isEmpty() && !was.typed().equals(cellText(was.cell()))) {
                showMessage(FindingsFormModel.label(was.cell().finding()) + " " + was.cell().level() + " was set meanwhile; the "
                        + was.typed() + " being typed was not stored");
            }
        }
        boolean editing = table.isEditing();
        int widthBefore = cellWidth;
        if (!before.equals(model.shownLevels()) || valueWidth() > widthBefore) {
            sizeColumns();
            syncLevelFilter();
        }
        if (!editing && r >= 0 && c >= 0 && r < table.getRowCount() && c < table.getColumnCount()) table.changeSelection(r, c, false, false);
        cellChanged();
    }

    /** The selected value cell, if any. */
    public Optional<Cell> current() {
        return model.cell(table.getSelectedRow(), table.getSelectedColumn());
    }

    /** Selects the cell of a finding at a level and side (showing the level if hidden); false if there is no such cell. */
    public boolean select(String finding, String level, org.parsreader.findings.Side side) {
        int r = model.rowOf(finding);
        if (r < 0) return false;
        if (!model.shownLevels().contains(level)) {
            Set<String> shown = new LinkedHashSet<>(model.shownLevels());
            shown.add(level);
            showLevels(shown);
        }
        int c = model.columnOf(level, side);
        if (c < 0) return false;
        table.changeSelection(r, c, false, false);
        table.requestFocusInWindow();
        return true;
    }

    /**
     * Go to a level and side moves the selection there: the selected finding's cell at that level and
     * side, else the first finding with a cell there. False if the template has none.
     */
    public boolean selectPlace(String level, org.parsreader.findings.Side side) {
        if (table.isEditing()) return false; // a number being typed keeps its cell
        if (!model.shownLevels().contains(level)) {
            Set<String> shown = new LinkedHashSet<>(model.shownLevels());
            shown.add(level);
            showLevels(shown);
        }
        int c = model.columnOf(level, side);
        if (c < 0) return false;
        int row = table.getSelectedRow();
        if (row < 0 || model.cell(row, c).isEmpty() || model.isShadow(row, c)) {
            row = -1;
            for (int r = 0; r < model.getRowCount() && row < 0; r++) if (model.cell(r, c).isPresent() && !model.isShadow(r, c)) row = r;
        }
        if (row < 0) return false;
        table.changeSelection(row, c, false, false); // the keyboard stays where it is (a viewer, the Go to button)
        return true;
    }

    /**
     * Before an action that may change the selected cell (an ROI added with Ctrl+Enter, a seed):
     * the number editor is committed when something was typed, else closed, so a later click
     * cannot commit stale text over the new value.
     */
    void finishEditing() {
        if (!table.isEditing()) return;
        Edit e = editing;
        if (e != null && !e.typed().isEmpty() && !e.typed().equals(e.stored())) {
            if (!table.getCellEditor().stopCellEditing()) table.getCellEditor().cancelCellEditing();
        } else {
            table.getCellEditor().cancelCellEditing();
        }
    }

    void addCellListener(Consumer<Optional<Cell>> l) {
        cellListeners.add(l);
    }

    /** What "Link ROI" (and the L key) does with the selected cell: set by the panel. */
    void onLink(Consumer<Cell> handler) {
        this.linkHandler = handler;
    }

    /** Shows a problem under the grid (red), or clears it with null. */
    void showMessage(String text) {
        message.setText(text == null || text.isBlank() ? " " : text);
        message.setToolTipText(text);
    }

    public String messageText() {
        return message.getText().trim();
    }

    public String detailText() {
        return detail.getText();
    }

    void showLevels(Set<String> levels) {
        model.setShownLevels(levels);
        sizeColumns();
        syncLevelFilter();
    }

    // ---- editing

    void set(Cell c, String text) {
        showMessage(null);
        actions.perform("set", withValue(c, text));
    }

    void clear(Cell c) {
        showMessage(null);
        if (model.value(c).isEmpty()) return;
        actions.perform("clear", ReadingPanelActions.place(c.finding().id(), c.level(), c.side()));
    }

    private static Map<String, String> withValue(Cell c, String text) {
        Map<String, String> o = ReadingPanelActions.place(c.finding().id(), c.level(), c.side());
        o.put("value", text);
        return o;
    }

    /** The list of values for the cell, under it. */
    void popup(Cell c, int row, int col) {
        FindingType f = c.finding();
        JPopupMenu menu = new JPopupMenu();
        Value now = model.value(c).map(FindingValue::value).orElse(null);
        if (f.type() == ValueType.CHOICE) {
            // the key that picks each value: a grade is its own digit, else the n-th value's number
            boolean ownDigits = f.values().stream().allMatch(x -> x.length() == 1 && Character.isDigit(x.charAt(0)));
            int n = 1;
            for (String v : f.values()) {
                String key = ownDigits || n > 9 ? "" : n + "  ";
                JMenuItem item = new JMenuItem(key + v + (now instanceof Value.Choice ch && ch.value().equals(v) ? "  ✓" : ""));
                item.addActionListener(e -> set(c, v));
                menu.add(item);
                n++;
            }
        } else if (f.type() == ValueType.CHOICES) {
            List<String> chosen = now instanceof Value.Choices cs ? new ArrayList<>(cs.values()) : new ArrayList<>();
            int n = 1;
            for (String v : f.values()) {
                JCheckBoxMenuItem item = new JCheckBoxMenuItem((n <= 9 ? n + "  " : "") + v, chosen.contains(v));
                item.putClientProperty("CheckBoxMenuItem.doNotCloseOnMouseClick", Boolean.TRUE);
                item.addActionListener(e -> {
                    if (item.isSelected() && !chosen.contains(v)) chosen.add(v);
                    if (!item.isSelected()) chosen.remove(v);
                    setChoices(c, chosen);
                });
                menu.add(item);
                n++;
            }
        } else if (f.type() == ValueType.BOOLEAN) {
            for (String v : List.of("yes", "no")) {
                JMenuItem item = new JMenuItem(v + (now != null && now.text().equals(v) ? "  ✓" : ""));
                item.addActionListener(e -> set(c, v));
                menu.add(item);
            }
        }
        menu.addSeparator();
        JMenuItem clear = new JMenuItem("Clear (Delete)");
        clear.setEnabled(now != null);
        clear.addActionListener(e -> clear(c));
        menu.add(clear);
        Rectangle r = table.getCellRect(row, col, true);
        menu.show(table, r.x, r.y + r.height);
    }

    private void setChoices(Cell c, List<String> chosen) {
        List<String> ordered = new ArrayList<>();
        for (String v : c.finding().values()) if (chosen.contains(v)) ordered.add(v);
        if (ordered.isEmpty()) clear(c);
        else set(c, String.join("|", ordered));
    }

    /** A typed key on a non-number cell; true when it was used. */
    boolean typed(Cell c, char ch) {
        FindingType f = c.finding();
        Value now = model.value(c).map(FindingValue::value).orElse(null);
        char lower = Character.toLowerCase(ch);
        switch (f.type()) {
            case CHOICE: {
                Optional<String> v = FindingsFormModel.choiceForDigit(f, ch);
                if (v.isEmpty() && Character.isLetter(ch)) v = nextStartingWith(f, lower, now);
                if (v.isPresent()) {
                    set(c, v.get());
                    return true;
                }
                if (Character.isLetterOrDigit(ch)) showMessage(FindingsFormModel.label(f) + ": no value for '" + ch + "'; values: " + numbered(f));
                return false;
            }
            case CHOICES: {
                if (!Character.isDigit(ch)) return false;
                int n = ch - '0';
                if (n < 1 || n > f.values().size()) {
                    showMessage(FindingsFormModel.label(f) + ": no value " + ch + "; values: " + numbered(f));
                    return false;
                }
                List<String> chosen = now instanceof Value.Choices cs ? new ArrayList<>(cs.values()) : new ArrayList<>();
                String v = f.values().get(n - 1);
                if (!chosen.remove(v)) chosen.add(v);
                setChoices(c, chosen);
                return true;
            }
            case BOOLEAN: {
                if (lower == 'y' || ch == '1') set(c, "yes");
                else if (lower == 'n' || ch == '0') set(c, "no");
                else if (ch == ' ') {
                    if (now == null) set(c, "yes");
                    else if (now.text().equals("yes")) set(c, "no");
                    else clear(c);
                } else return false;
                return true;
            }
            default:
                return false;
        }
    }

    private static Optional<String> nextStartingWith(FindingType f, char letter, Value now) {
        if (f.values() == null) return Optional.empty();
        List<String> matches = f.values().stream().filter(v -> !v.isEmpty() && Character.toLowerCase(v.charAt(0)) == letter).toList();
        if (matches.isEmpty()) return Optional.empty();
        if (now instanceof Value.Choice ch) {
            int i = matches.indexOf(ch.value());
            if (i >= 0) return Optional.of(matches.get((i + 1) % matches.size()));
        }
        return Optional.of(matches.get(0));
    }

    static String numbered(FindingType f) {
        List<String> out = new ArrayList<>();
        boolean digits = f.values().stream().allMatch(v -> v.length() == 1 && Character.isDigit(v.charAt(0)));
        for (int i = 0; i < f.values().size(); i++) out.add(digits ? f.values().get(i) : (i + 1) + " " + f.values().get(i));
        return String.join(", ", out);
    }

    // ---- layout helpers

    private void buildLevelFilter() {
        levelFilter.removeAll();
        JLabel l = new JLabel("Findings  ");
        l.setFont(l.getFont().deriveFont(Font.BOLD, 12f));
        l.setToolTipText("The findings of template " + model.template().id() + "; tick the levels to show");
        levelFilter.add(l);
        for (String level : model.template().allLevels()) {
            JCheckBox box = new JCheckBox(level, model.shownLevels().contains(level));
            box.setFont(box.getFont().deriveFont(Font.PLAIN, 10.5f));
            box.setMargin(new java.awt.Insets(0, 0, 0, 0));
            box.setFocusable(false);
            box.setName("level-filter-" + level);
            box.setToolTipText("show " + level + " in the grid (levels with values are always shown)");
            box.addActionListener(e -> {
                Set<String> shown = new LinkedHashSet<>(model.shownLevels());
                if (box.isSelected()) shown.add(level);
                else if (FindingsFormModel.usedLevels(model.document()).contains(level)) showMessage(level + " has findings: it stays in the grid");
                else if (shown.size() > 1) shown.remove(level);
                showLevels(shown);
            });
            levelFilter.add(box);
        }
    }

    private void syncLevelFilter() {
        for (Component c : levelFilter.getComponents()) {
            if (c instanceof JCheckBox b) b.setSelected(model.shownLevels().contains(b.getText()));
        }
    }

    /** Group title rows are lower than value rows (set again after the columns change: JTable forgets row heights then). */
    private void groupRowHeights() {
        for (int r = 0; r < model.getRowCount(); r++) if (model.row(r).isGroup()) table.setRowHeight(r, GROUP_ROW_HEIGHT);
    }

    private void sizeColumns() {
        groupRowHeights();
        int n = model.getColumnCount();
        int labelWidth = labelColumnWidth(n - 1, longestLabel());
        cellWidth = Math.max(CELL_WIDTH, valueWidth());
        int cellWidth = n <= 1 ? 60 : Math.max(this.cellWidth, (GRID_WIDTH - labelWidth) / (n - 1));
        table.setAutoResizeMode(labelWidth + (n - 1) * cellWidth > GRID_WIDTH ? JTable.AUTO_RESIZE_OFF : JTable.AUTO_RESIZE_SUBSEQUENT_COLUMNS);
        for (int i = 0; i < n; i++) {
            TableColumn col = table.getColumnModel().getColumn(i);
            col.setPreferredWidth(i == 0 ? labelWidth : cellWidth);
            if (i == 0) col.setMinWidth(90);
        }
    }

    /** What a value cell needs: a short value ("com", "2.46") and the ROI corner. */
    static final int CELL_WIDTH = 34;

    /** The width the widest value shown needs (its text with the cell's padding and the ROI corner): values are never cut to "65…". */
    int valueWidth() {
        java.awt.FontMetrics fm = table.getFontMetrics(table.getFont());
        int w = 0;
        for (int r = 0; r < model.getRowCount(); r++) {
            for (int c = 1; c < model.getColumnCount(); c++) {
                Optional<Cell> cell = model.cell(r, c);
                if (cell.isEmpty()) continue;
                String text = model.value(cell.get()).map(v -> FindingsFormModel.shortText(cell.get().finding(), v.value()))
                        .orElseGet(() -> model.measurement(cell.get()).map(m -> FindingsFormModel.number(m.value())).orElse(""));
                if (!text.isEmpty()) w = Math.max(w, fm.stringWidth(text) + 6 + 8);
            }
        }
        return w;
    }

    /**
     * The label column's width: the longest label if the level columns leave room for it (at
     * {@link #CELL_WIDTH} each), else what they leave, never less than {@link #LABEL_WIDTH}. A label
     * still cut shows whole in its tooltip.
     */
    static int labelColumnWidth(int valueColumns, int longestLabel) {
        int room = GRID_WIDTH - Math.max(0, valueColumns) * CELL_WIDTH;
        return Math.max(LABEL_WIDTH, Math.min(longestLabel, room));
    }

    /** The width the longest finding label needs in the grid's font (with the cell's padding). */
    private int longestLabel() {
        java.awt.FontMetrics fm = table.getFontMetrics(table.getFont());
        int w = 0;
        for (int r = 0; r < model.getRowCount(); r++) {
            FindingsFormModel.Row row = model.row(r);
            if (!row.isGroup()) w = Math.max(w, fm.stringWidth(FindingsFormModel.label(row.finding())) + 10);
        }
        return w;
    }

    private int[] firstCell() {
        for (int r = 0; r < model.getRowCount(); r++) if (!model.row(r).isGroup()) return new int[] {r, 1};
        return new int[] {-1, -1};
    }

    private void select(int[] rc) {
        if (rc[0] >= 0 && model.getColumnCount() > 1) table.changeSelection(rc[0], rc[1], false, false);
    }

    private void cellChanged() {
        Optional<Cell> c = current();
        detail.setText(c.map(this::describe).orElse(" "));
        detail.setToolTipText(c.map(x -> x.finding().definition()).orElse(null));
        link.setEnabled(c.isPresent());
        for (Consumer<Optional<Cell>> l : cellListeners) l.accept(c);
    }

    /** "Defect gap width · L5 left = 2.63 mm · roi-4 · measured 2.625 mm" */
    String describe(Cell c) {
        StringBuilder b = new StringBuilder(c.describe());
        Optional<FindingValue> v = model.value(c);
        String unit = c.finding().unit() == null ? "" : " " + c.finding().unit();
        b.append(v.map(x -> " = " + x.value().text() + (x.value() instanceof Value.Number ? unit : "")).orElse(": –"));
        v.map(FindingValue::roi).ifPresent(id -> b.append(" · ").append(id));
        model.measurement(c).ifPresent(m -> b.append(" · measured ").append(FindingsFormModel.number(m.value())).append(' ').append(m.unit()));
        int rois = model.rois(c).size();
        if (v.map(FindingValue::roi).isEmpty() && rois > 0) b.append(" · ").append(rois).append(rois == 1 ? " ROI" : " ROIs");
        return b.toString();
    }

    static <T extends JComponent> T small(T c) {
        c.setFont(c.getFont().deriveFont(Font.PLAIN, 11f));
        if (c instanceof JButton b) b.setMargin(new java.awt.Insets(1, 4, 1, 4));
        return c;
    }

    static String html(String text) {
        return "<html>" + esc(text).replace("\n", "<br>") + "</html>";
    }

    /** Text made safe inside HTML. */
    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---- the grid

    private final class Grid extends JTable {
        private static final long serialVersionUID = 1L;

        Grid() {
            super(model);
        }

        @Override
        public boolean editCellAt(int row, int col, java.util.EventObject e) {
            boolean started = super.editCellAt(row, col, e);
            if (started) editing = model.cell(row, col).map(c -> new Edit(c, cellText(c), "")).orElse(null);
            return started;
        }

        @Override
        public void removeEditor() {
            super.removeEditor();
            editing = null;
        }

        /** Keeps the selection on value cells: skips the label column and group rows in the direction of travel. */
        @Override
        public void changeSelection(int row, int col, boolean toggle, boolean extend) {
            int rows = getRowCount();
            if (rows == 0 || getColumnCount() < 2) {
                super.changeSelection(row, col, toggle, extend);
                return;
            }
            int dir = row < lastRow ? -1 : 1;
            if (col == 0) col = 1; // the label column is not a cell: Left, Shift+Tab and Home stop at the first level
            int r = row;
            while (r >= 0 && r < rows && model.row(r).isGroup()) r += dir;
            if (r < 0 || r >= rows) {
                r = row;
                while (r >= 0 && r < rows && model.row(r).isGroup()) r -= dir;
            }
            if (r < 0 || r >= rows) return;
            lastRow = r;
            lastCol = col;
            super.changeSelection(r, col, toggle, extend);
        }

        @Override
        public void setValueAt(Object value, int row, int col) {
            Optional<Cell> c = model.cell(row, col);
            if (c.isEmpty()) return;
            String text = value == null ? "" : value.toString().trim().replace(',', '.');
            if (text.isEmpty()) {
                // an empty editor stores nothing: clearing a value is an explicit act (Delete), never a side effect of a click
                if (model.value(c.get()).isPresent()) showMessage("Nothing stored: Delete clears " + FindingsFormModel.label(c.get().finding()));
                return;
            }
            if (text.equals(cellText(c.get()))) return; // committed unchanged: no step to undo
            set(c.get(), text);
        }

        @Override
        public String getToolTipText(MouseEvent e) {
            int r = rowAtPoint(e.getPoint()), c = columnAtPoint(e.getPoint());
            if (r < 0) return null;
            if (c == 0) {
                FindingsFormModel.Row row = model.row(r);
                if (row.isGroup()) return row.group();
                FindingType f = row.finding();
                return html(FindingsFormModel.label(f) + " (" + f.id() + ", " + f.scope().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + ", " + f.type().name().toLowerCase(Locale.ROOT) + (f.unit() == null ? "" : ", " + f.unit()) + ")"
                        + (f.definition() == null ? "" : "\n" + f.definition())
                        + (f.values() == null ? "" : "\nvalues: " + numbered(f)));
            }
            return model.cell(r, c).map(FindingsForm.this::describe).map(s -> html(s + "\n\n" + SHORTCUTS)).orElse(null);
        }
    }

    private final class Keys extends KeyAdapter {
        @Override
        public void keyPressed(KeyEvent e) {
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
            int row = table.getSelectedRow(), col = table.getSelectedColumn();
            Optional<Cell> cell = model.cell(row, col);
            if (cell.isEmpty()) return;
            Cell c = cell.get();
            boolean number = c.finding().type() == ValueType.NUMBER;
            switch (e.getKeyCode()) {
                case KeyEvent.VK_DELETE, KeyEvent.VK_BACK_SPACE -> {
                    if (table.isEditing()) return;
                    clear(c);
                    e.consume();
                }
                case KeyEvent.VK_ENTER, KeyEvent.VK_F2 -> {
                    if (table.isEditing()) return;
                    if (number) {
                        table.editCellAt(row, col);
                        Component editor = table.getEditorComponent();
                        if (editor != null) editor.requestFocusInWindow();
                    } else {
                        popup(c, row, col);
                    }
                    e.consume();
                }
                case KeyEvent.VK_SPACE -> {
                    if (!number) {
                        if (c.finding().type() == ValueType.BOOLEAN) typed(c, ' ');
                        else popup(c, row, col);
                        e.consume();
                    }
                }
                default -> {
                    char ch = e.getKeyChar();
                    if (!number || ch == KeyEvent.CHAR_UNDEFINED || Character.isISOControl(ch)) return;
                    if (isNumberChar(ch)) {
                        // a digit on a number cell: a fresh editor, the key typed next goes into it
                        if (!table.isEditing()) {
                            table.editCellAt(row, col);
                            if (table.getEditorComponent() instanceof JTextField f) {
                                f.setText("");
                                f.requestFocusInWindow();
                            }
                        }
                    } else if (Character.toLowerCase(ch) != 'l') {
                        showMessage(FindingsFormModel.label(c.finding()) + " takes a number" + (c.finding().unit() == null ? "" : " in " + c.finding().unit()));
                    }
                    e.consume();
                }
            }
        }

        @Override
        public void keyTyped(KeyEvent e) {
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
            Optional<Cell> cell = current();
            if (cell.isEmpty()) return;
            Cell c = cell.get();
            char ch = e.getKeyChar();
            if (ch == KeyEvent.CHAR_UNDEFINED || Character.isISOControl(ch)) return;
            if (Character.toLowerCase(ch) == 'l' && c.finding().type() != ValueType.CHOICE) {
                linkHandler.accept(c);
                e.consume();
                return;
            }
            if (c.finding().type() == ValueType.NUMBER) {
                // the editor was started by the key press; until it has the keyboard, its keys arrive here
                if (isNumberChar(ch) && table.isEditing() && table.getEditorComponent() instanceof JTextField f) f.replaceSelection(String.valueOf(ch));
                e.consume();
                return;
            }
            if (ch != ' ') typed(c, ch);
            e.consume();
        }
    }

    static boolean isNumberChar(char ch) {
        return Character.isDigit(ch) || ch == '.' || ch == ',' || ch == '-' || ch == '+';
    }
}
