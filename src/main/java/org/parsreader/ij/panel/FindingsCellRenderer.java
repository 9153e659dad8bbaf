package org.parsreader.ij.panel;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Polygon;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.ij.panel.FindingsFormModel.Cell;
import org.parsreader.reading.RoiTool;

/**
 * How the findings grid draws a cell: group rows shaded, the selected cell outlined, a cell no
 * level or side of which applies blank grey, a stored value in its short form with a corner in
 * its ROI's colour when it was measured from one, a measurement not yet taken over grey and italic.
 */
final class FindingsCellRenderer extends DefaultTableCellRenderer {
    private static final long serialVersionUID = 1L;
    private final transient FindingsFormModel model;
    private transient Color mark;
    private boolean proposed;

    FindingsCellRenderer(FindingsFormModel model) {
        this.model = model;
    }

    @Override
    public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus, int row, int col) {
        super.getTableCellRendererComponent(t, null, false, false, row, col);
        mark = null;
        proposed = false;
        FindingsFormModel.Row r = model.row(row);
        setFont(t.getFont());
        setForeground(Color.BLACK);
        setBorder(BorderFactory.createEmptyBorder(0, 3, 0, 3));
        if (col == 0) {
            setText(r.isGroup() ? r.group() : FindingsFormModel.label(r.finding()));
            setFont(r.isGroup() ? t.getFont().deriveFont(Font.BOLD, 10f) : t.getFont());
            setBackground(r.isGroup() ? FindingsForm.GROUP_BG : Color.WHITE);
            setHorizontalAlignment(SwingConstants.LEFT);
            return this;
        }
        setHorizontalAlignment(SwingConstants.CENTER);
        if (r.isGroup()) {
            setText("");
            setBackground(FindingsForm.GROUP_BG);
            return this;
        }
        boolean isSelected = row == t.getSelectedRow() && col == t.getSelectedColumn();
        if (model.isShadow(row, col)) {
            setText("");
            setBackground(isSelected ? FindingsForm.SELECTED_BG : FindingsForm.SHADOW_BG);
            return this;
        }
        setBackground(isSelected ? FindingsForm.SELECTED_BG : Color.WHITE);
        if (isSelected) setBorder(BorderFactory.createLineBorder(new Color(0x3070D0)));
        Cell c = model.cell(row, col).orElseThrow();
        if (value instanceof FindingValue v) {
            setText(FindingsFormModel.shortText(c.finding(), v.value()));
            if (v.roi() != null) mark = roiColour(c, v.roi());
        } else {
            Optional<Measurement> m = model.measurement(c);
            if (m.isPresent()) {
                // measured but not yet stored as the value: shown grey, Enter takes it over
                setText(FindingsFormModel.number(m.get().value()));
                setForeground(FindingsForm.PROPOSED);
                setFont(t.getFont().deriveFont(Font.ITALIC));
                proposed = true;
            } else {
                setText("");
            }
        }
        return this;
    }

    private Color roiColour(Cell c, String roiId) {
        String label = null;
        for (FindingsDocument.Roi r : model.document().rois()) if (r.id().equals(roiId)) label = r.label();
        return RoiTool.forRoi(model.template(), c.finding().id(), label).map(t -> new Color(t.rgb())).orElse(new Color(0x3070D0));
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        if (mark != null) {
            int w = getWidth();
            g.setColor(mark);
            g.fillPolygon(new Polygon(new int[] {w - 7, w, w}, new int[] {0, 0, 7}, 3));
            g.setColor(mark.darker());
            g.drawLine(w - 7, 0, w - 1, 6);
        }
        if (proposed) {
            g.setColor(FindingsForm.PROPOSED);
            g.drawLine(2, getHeight() - 2, 4, getHeight() - 2);
        }
    }
}
