package org.parsreader.ij.panel;

import java.awt.Color;
import java.awt.Component;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.AbstractCellEditor;
import javax.swing.BorderFactory;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.table.TableCellEditor;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.ReadingTemplate.FindingType;
import org.parsreader.ij.panel.FindingsFormModel.Cell;

/** Number cells of the findings grid: a text field whose value is checked against the template's range before it is stored. */
final class FindingsNumberEditor extends AbstractCellEditor implements TableCellEditor {
    private static final long serialVersionUID = 1L;
    private final JTextField field = new JTextField();
    private final JTable table;
    private final transient FindingsFormModel model;
    private final transient Consumer<String> typing;
    private final transient Consumer<String> message;
    private transient FindingType finding;

    /**
     * @param typing  told of the text after every keystroke (the form tracks what is being typed)
     * @param message shows a problem (null clears it)
     */
    FindingsNumberEditor(JTable table, FindingsFormModel model, Consumer<String> typing, Consumer<String> message) {
        this.table = table;
        this.model = model;
        this.typing = typing;
        this.message = message;
        field.setFont(table.getFont());
        field.setHorizontalAlignment(SwingConstants.RIGHT);
        field.addActionListener(e -> stopCellEditing());
        field.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
            private void typed() {
                typing.accept(field.getText().trim());
            }

            @Override
            public void insertUpdate(javax.swing.event.DocumentEvent e) {
                typed();
            }

            @Override
            public void removeUpdate(javax.swing.event.DocumentEvent e) {
                typed();
            }

            @Override
            public void changedUpdate(javax.swing.event.DocumentEvent e) {
                typed();
            }
        });
        field.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                if (e.getKeyCode() == KeyEvent.VK_ESCAPE) {
                    cancelCellEditing();
                    message.accept(null);
                    table.requestFocusInWindow();
                }
            }
        });
    }

    @Override
    public Component getTableCellEditorComponent(JTable t, Object value, boolean selected, int row, int col) {
        finding = model.cell(row, col).map(Cell::finding).orElse(null);
        field.setBorder(BorderFactory.createLineBorder(new Color(0x3070D0)));
        // no value yet: the measurement of the cell's ROI, if any, is offered (Enter takes it)
        field.setText(value instanceof FindingValue v ? v.value().text()
                : model.cell(row, col).flatMap(model::measurement).map(m -> FindingsFormModel.number(m.value())).orElse(""));
        field.selectAll();
        field.setToolTipText(finding == null ? null : range(finding));
        return field;
    }

    @Override
    public Object getCellEditorValue() {
        return field.getText();
    }

    /** A click selects (Delete then clears the cell); a double click, a digit, Enter or F2 opens the editor. */
    @Override
    public boolean isCellEditable(java.util.EventObject e) {
        return !(e instanceof MouseEvent m) || m.getClickCount() >= 2;
    }

    @Override
    public boolean stopCellEditing() {
        String text = field.getText().trim();
        if (!text.isEmpty() && finding != null) {
            Optional<String> problem = FindingsFormModel.checkNumber(finding, text);
            if (problem.isPresent()) {
                field.setBorder(BorderFactory.createLineBorder(FindingsForm.ERROR, 2));
                message.accept(FindingsFormModel.label(finding) + ": " + problem.get());
                return false;
            }
        }
        boolean stopped = super.stopCellEditing();
        SwingUtilities.invokeLater(table::requestFocusInWindow);
        return stopped;
    }

    static String range(FindingType f) {
        String unit = f.unit() == null ? "" : " " + f.unit();
        if (f.min() != null && f.max() != null) return FindingsFormModel.number(f.min()) + " to " + FindingsFormModel.number(f.max()) + unit;
        if (f.min() != null) return "at least " + FindingsFormModel.number(f.min()) + unit;
        if (f.max() != null) return "at most " + FindingsFormModel.number(f.max()) + unit;
        return "a number" + unit;
    }
}
