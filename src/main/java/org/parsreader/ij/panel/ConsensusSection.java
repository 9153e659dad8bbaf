package org.parsreader.ij.panel;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.DefaultTableModel;
import org.parsreader.study.Discrepancies;

/**
 * The consensus part of the reading panel (a consensus read opened from a study): only the
 * open disagreements, one row each, with reader 1's and reader 2's value side by side in the
 * readers' overlay colours; the reader resolves the selected row with reader 1's value (key 1),
 * reader 2's (key 2), or a typed value as agreed (A), new (N) or the third reader's (T), then
 * Enter. Each resolution is a "Reading Resolve..." action (recorded, one undo step). The full
 * findings form stays behind "Show all findings". Event dispatch thread.
 */
final class ConsensusSection {
    static final String[] HOWS = {"new", "agreed", "third"};
    private final ConsensusReading consensus;
    private final ReadingPanelActions actions;
    private final JPanel panel = new JPanel();
    private final JLabel title = new JLabel();
    private final DefaultTableModel model = new DefaultTableModel(new Object[] {"disagreement", "R1", "R2"}, 0) {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(model);
    private final JTextField value = new JTextField(8);
    private final JComboBox<String> how = new JComboBox<>(HOWS);
    private final JCheckBox showForm = new JCheckBox("Show all findings");
    private final JLabel resolved = new JLabel();
    private List<Discrepancies.Discrepancy> rows = List.of();

    /** @param formVisible shows or hides the full findings form */
    ConsensusSection(ConsensusReading consensus, ReadingPanelActions actions, Consumer<Boolean> formVisible) {
        this.consensus = consensus;
        this.actions = actions;
        panel.setName("consensus");
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        panel.setAlignmentX(Component.LEFT_ALIGNMENT);
        panel.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createTitledBorder("Consensus"), BorderFactory.createEmptyBorder(0, 2, 2, 2)));
        title.setName("consensus-title");
        title.setAlignmentX(Component.LEFT_ALIGNMENT);
        panel.add(title);

        table.setName("consensus-table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setRowHeight(22);
        table.getColumnModel().getColumn(0).setPreferredWidth(170);
        List<String> ids = consensus.readerIds();
        for (int i = 0; i < 2; i++) {
            Color c = ConsensusReading.READER_COLOURS[i];
            String tag = "R" + (i + 1);
            table.getColumnModel().getColumn(i + 1).setHeaderValue(ids.get(i).equals(tag) ? tag : tag + " (" + ids.get(i) + ")");
            DefaultTableCellRenderer r = new DefaultTableCellRenderer();
            r.setForeground(c.darker());
            r.setFont(r.getFont().deriveFont(Font.BOLD));
            table.getColumnModel().getColumn(i + 1).setCellRenderer(r);
        }
        JScrollPane scroll = new JScrollPane(table);
        scroll.setAlignmentX(Component.LEFT_ALIGNMENT);
        scroll.setPreferredSize(new Dimension(340, 150));
        scroll.setMaximumSize(new Dimension(Integer.MAX_VALUE, 220));
        panel.add(scroll);

        JPanel take = new JPanel(new FlowLayout(FlowLayout.LEFT, 3, 1));
        take.setAlignmentX(Component.LEFT_ALIGNMENT);
        take.add(button("take-r1", "1: R1's value", () -> take("r1")));
        take.add(button("take-r2", "2: R2's value", () -> take("r2")));
        panel.add(take);
        JPanel typed = new JPanel(new FlowLayout(FlowLayout.LEFT, 3, 1));
        typed.setAlignmentX(Component.LEFT_ALIGNMENT);
        how.setName("consensus-how");
        value.setName("consensus-value");
        value.setToolTipText("the consensus value; Enter resolves the selected disagreement with it");
        // Enter resolves: bound on the field itself (JTextField's own Enter action only fires for the field that last had the focus)
        value.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "resolve-typed");
        value.getActionMap().put("resolve-typed", action(this::typedValue));
        typed.add(how);
        typed.add(value);
        typed.add(button("resolve-typed", "Resolve", this::typedValue));
        panel.add(typed);
        JPanel foot = new JPanel(new BorderLayout());
        foot.setAlignmentX(Component.LEFT_ALIGNMENT);
        resolved.setName("consensus-resolved");
        showForm.setName("show-form");
        showForm.addActionListener(e -> formVisible.accept(showForm.isSelected()));
        foot.add(resolved, BorderLayout.WEST);
        foot.add(showForm, BorderLayout.EAST);
        foot.setMaximumSize(new Dimension(Integer.MAX_VALUE, 26));
        panel.add(foot);
        keys();
        refresh();
    }

    JComponent component() {
        return panel;
    }

    JTable table() {
        return table;
    }

    /** Keys on the table (the panel focuses it when the case opens): 1 / 2 take R1's / R2's value; A, N, T type a value as agreed, new, third. */
    private void keys() {
        bind(KeyEvent.VK_1, "take-r1", () -> take("r1"));
        bind(KeyEvent.VK_NUMPAD1, "take-r1-pad", () -> take("r1"));
        bind(KeyEvent.VK_2, "take-r2", () -> take("r2"));
        bind(KeyEvent.VK_NUMPAD2, "take-r2-pad", () -> take("r2"));
        bind(KeyEvent.VK_A, "type-agreed", () -> typeAs("agreed"));
        bind(KeyEvent.VK_N, "type-new", () -> typeAs("new"));
        bind(KeyEvent.VK_T, "type-third", () -> typeAs("third"));
        value.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "back");
        value.getActionMap().put("back", action(() -> table.requestFocusInWindow()));
    }

    private void bind(int key, String name, Runnable r) {
        table.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(key, 0), name);
        table.getActionMap().put(name, action(r));
    }

    private static AbstractAction action(Runnable r) {
        return new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        };
    }

    private JButton button(String name, String text, Runnable r) {
        JButton b = new JButton(text);
        b.setName(name);
        b.setMargin(new java.awt.Insets(1, 4, 1, 4));
        b.addActionListener(e -> r.run());
        return b;
    }

    /** Shows the record as it is now: the open rows (the selection kept on its place, else the next row), the count resolved. */
    void refresh() {
        Discrepancies.Discrepancy selected = selected();
        int selectedRow = table.getSelectedRow();
        rows = consensus.open();
        model.setRowCount(0);
        for (Discrepancies.Discrepancy d : rows) {
            model.addRow(new Object[] {d.place(), text(d, 0), text(d, 1)});
        }
        int n = consensus.resolutions().size();
        title.setText("<html>Case " + consensus.caseId() + ": <b>" + rows.size() + " open</b> disagreement" + (rows.size() == 1 ? "" : "s")
                + (rows.isEmpty() ? " (all resolved)" : "") + "</html>");
        resolved.setText(n + " resolved");
        resolved.setToolTipText(n == 0 ? null : "<html>" + String.join("<br>", consensus.resolutions().stream()
                .map(r -> r.finding() + " " + r.level() + (r.side() == null ? "" : " " + r.side().label()) + ": " + r.how() + " = "
                        + (r.value() == null ? "(none)" : r.value().text()) + " by " + r.by()).toList()) + "</html>");
        int row = -1;
        for (int i = 0; i < rows.size(); i++) if (selected != null && rows.get(i).at(selected.finding(), selected.level(), selected.side())) row = i;
        if (row < 0 && !rows.isEmpty()) row = Math.min(Math.max(0, selectedRow), rows.size() - 1);
        if (row >= 0) table.setRowSelectionInterval(row, row);
        consensus.lastProblem().ifPresent(p -> title.setToolTipText(p));
    }

    private static String text(Discrepancies.Discrepancy d, int i) {
        var v = d.values().get(i).value();
        String s = v == null ? "(none)" : v.text();
        return d.values().get(i).roi() != null ? s + " (ROI)" : s;
    }

    Discrepancies.Discrepancy selected() {
        int r = table.getSelectedRow();
        return r < 0 || r >= rows.size() ? null : rows.get(r);
    }

    /** Resolves the selected disagreement with one reader's value. */
    void take(String readerHow) {
        Discrepancies.Discrepancy d = selected();
        if (d == null) return;
        actions.perform("resolve", options(d, readerHow, null));
    }

    private void typeAs(String h) {
        how.setSelectedItem(h);
        value.requestFocusInWindow();
        value.selectAll();
    }

    private void typedValue() {
        Discrepancies.Discrepancy d = selected();
        String v = value.getText().trim();
        if (d == null || v.isEmpty()) {
            value.requestFocusInWindow();
            return;
        }
        actions.perform("resolve", options(d, (String) how.getSelectedItem(), v));
        value.setText("");
        table.requestFocusInWindow();
    }

    static Map<String, String> options(Discrepancies.Discrepancy d, String how, String value) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put(ReadingCommand.FINDING, d.finding());
        o.put(ReadingCommand.LEVEL, d.level());
        if (d.side() != null) o.put(ReadingCommand.SIDE, d.side().label());
        o.put(ReadingCommand.HOW, how);
        if (value != null) o.put(ReadingCommand.VALUE, value);
        return o;
    }
}
