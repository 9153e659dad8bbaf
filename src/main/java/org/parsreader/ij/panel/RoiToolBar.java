package org.parsreader.ij.panel;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JToggleButton;
import javax.swing.ButtonGroup;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.ReadingTemplate.FindingType;
import org.parsreader.findings.ReadingTemplate.ValueType;
import org.parsreader.findings.Side;
import org.parsreader.reading.RoiTool;

/**
 * The ROI tools of the reading template ({@link RoiTool#of}), one button each in the tool's
 * colour. Choosing a tool sets ImageJ's own selection tool (straight line, polygon, point);
 * the reader draws on a viewer, then "Add" (or Enter in the panel, see the panel's keys)
 * stores the selection of the active viewer as an ROI of the tool's finding at the level and
 * side of the form's current cell. A seed tool runs the 3D contrast quantification from the
 * clicked point instead. The line below the buttons shows what the last ROI gave, and the
 * edema ratio as soon as both the edema and the reference polygon of a level and side exist.
 */
public final class RoiToolBar extends JPanel {
    private static final long serialVersionUID = 1L;

    /** Where the next ROI goes: level and side (side null for a finding without sides). */
    record Place(String level, Side side) {}

    private final ReadingTemplate template;
    private final List<RoiTool> tools;
    private final Map<String, JToggleButton> buttons = new LinkedHashMap<>();
    private final ButtonGroup group = new ButtonGroup();
    private final JButton add = new JButton("Add selection");
    private final JLabel place = new JLabel(" ");
    private final JLabel ratioLine = new JLabel(" ");
    private final Consumer<RoiTool> onChoose;
    private final Consumer<RoiTool> onAdd;
    private final java.util.function.BiFunction<String, Side, Optional<String>> ratio;
    private RoiTool active;
    private Place where;
    private FindingsDocument document;

    /**
     * @param onChoose sets ImageJ's selection tool for a tool (the panel does it, so it is one action)
     * @param onAdd    stores the active viewer's selection with the chosen tool
     */
    RoiToolBar(ReadingTemplate template, Consumer<RoiTool> onChoose, Consumer<RoiTool> onAdd,
               java.util.function.BiFunction<String, Side, Optional<String>> ratio) {
        super(new BorderLayout(0, 2));
        this.template = template;
        this.tools = RoiTool.of(template);
        this.onChoose = onChoose;
        this.onAdd = onAdd;
        this.ratio = ratio;
        setBorder(BorderFactory.createTitledBorder("ROI tools"));

        List<RoiTool> main = new ArrayList<>(), compartments = new ArrayList<>();
        for (RoiTool t : tools) (t.roiLabel() == null ? main : compartments).add(t);
        JPanel grid = new JPanel(new GridLayout(0, 3, 2, 2));
        for (RoiTool t : main) grid.add(button(t, glyph(t) + " " + shortLabel(t.label())));
        JPanel comp = new JPanel(new GridLayout(0, 4, 1, 1));
        if (!compartments.isEmpty()) {
            comp.setBorder(BorderFactory.createTitledBorder(BorderFactory.createEmptyBorder(),
                    FindingsFormModel.label(template.finding(compartments.get(0).finding()).orElseThrow()) + " (compartment polygons)"));
            for (RoiTool t : compartments) {
                JToggleButton b = button(t, shortName(t.roiLabel()));
                b.setFont(b.getFont().deriveFont(10f));
                comp.add(b);
            }
        }
        JPanel buttonsPanel = new JPanel(new BorderLayout(0, 2));
        buttonsPanel.add(grid, BorderLayout.NORTH);
        buttonsPanel.add(comp, BorderLayout.CENTER);
        add(buttonsPanel, BorderLayout.NORTH);

        JPanel bottom = new JPanel(new BorderLayout(4, 0));
        FindingsForm.small(add);
        add.setName("roi-add");
        add.setToolTipText("Store the selection of the active image with the chosen tool, at the form's level and side (Ctrl+Enter)");
        add.addActionListener(e -> addSelection());
        add.setEnabled(false);
        place.setFont(place.getFont().deriveFont(Font.PLAIN, 11f));
        bottom.add(place, BorderLayout.CENTER);
        bottom.add(add, BorderLayout.EAST);
        JPanel south = new JPanel(new BorderLayout());
        south.add(bottom, BorderLayout.NORTH);
        ratioLine.setName("roi-ratio");
        ratioLine.setFont(ratioLine.getFont().deriveFont(Font.BOLD, 12f));
        ratioLine.setForeground(new Color(0x005A9C));
        ratioLine.setVisible(false);
        JPanel lines = new JPanel(new BorderLayout());
        lines.add(ratioLine, BorderLayout.SOUTH);
        south.add(lines, BorderLayout.SOUTH);
        add(south, BorderLayout.CENTER);
    }

    private JToggleButton button(RoiTool t, String text) {
        JToggleButton b = new JToggleButton(text);
        FindingsForm.small(b);
        b.setMargin(new java.awt.Insets(1, 3, 1, 3));
        b.setName("roi-tool-" + t.id());
        b.setBackground(new Color(t.rgb()));
        b.setOpaque(true);
        b.setForeground(dark(t.rgb()) ? Color.WHITE : Color.BLACK);
        b.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(new Color(t.rgb()).darker(), 1),
                BorderFactory.createEmptyBorder(1, 3, 1, 3)));
        b.setToolTipText(t.label() + ": " + how(t) + " on " + t.series() + (t.shortcut() == null ? "" : " (key Alt+" + t.shortcut().toUpperCase(Locale.ROOT) + ")"));
        b.addActionListener(e -> choose(t));
        b.getModel().addItemListener(e -> b.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createLineBorder(b.isSelected() ? Color.BLACK : new Color(t.rgb()).darker(), b.isSelected() ? 2 : 1),
                BorderFactory.createEmptyBorder(1, 3, 1, 3))));
        group.add(b);
        buttons.put(t.id(), b);
        return b;
    }

    /** What the tool draws, as one character: a line, a polygon, a point, a seed. */
    static String glyph(RoiTool t) {
        return switch (t.kind()) {
            case LINE -> "╱";
            case POLYGON -> "⬠";
            case POINT -> "•";
            case SEED -> "✛";
        };
    }

    /** A tool's label short enough for a button: without the parenthesis, at most two words when long. */
    static String shortLabel(String label) {
        String s = label.replaceAll("\\s*\\(.*?\\)", "").trim();
        if (s.length() <= 13) return s;
        String[] w = s.split("\\s+");
        return w.length >= 2 ? w[0] + " " + w[1] : s;
    }

    static String how(RoiTool t) {
        return switch (t.kind()) {
            case LINE -> "draw a straight line";
            case POLYGON -> "draw a polygon";
            case POINT -> "click a point";
            case SEED -> "click a point in the contrast (runs the 3D quantification)";
        };
    }

    private static boolean dark(int rgb) {
        int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
        return 0.299 * r + 0.587 * g + 0.114 * b < 110;
    }

    /** A compartment's name for a small button: "contra" for contralateral, long last words cut ("dorsal epid."). */
    static String shortName(String compartment) {
        String s = compartment.replace("contralateral", "contra").replace("paraspinal_soft_tissue", "paraspinal")
                .replace("retrodural_okada", "Okada").replace('_', ' ');
        if (s.length() <= 13) return s;
        int space = s.lastIndexOf(' ');
        if (space > 0 && space < 11) return s.substring(0, Math.min(s.length(), 12)) + ".";
        return s.substring(0, 12) + ".";
    }

    public List<RoiTool> tools() {
        return tools;
    }

    public Optional<RoiTool> active() {
        return Optional.ofNullable(active);
    }

    /** Chooses a tool (as the button does): ImageJ's selection tool follows. */
    public void choose(RoiTool t) {
        active = t;
        JToggleButton b = buttons.get(t.id());
        if (b != null && !b.isSelected()) b.setSelected(true);
        onChoose.accept(t);
        updatePlace();
    }

    /** The tool whose shortcut is {@code key}, if any. */
    public Optional<RoiTool> byShortcut(char key) {
        String k = String.valueOf(Character.toLowerCase(key));
        for (RoiTool t : tools) if (k.equals(t.shortcut())) return Optional.of(t);
        return Optional.empty();
    }

    /** Stores the active viewer's selection with the chosen tool (as "Add selection" does). */
    public void addSelection() {
        if (active != null && where != null) onAdd.accept(active);
    }

    /** Where ROIs go: the form's current cell's level and side. */
    void setPlace(String level, Side side) {
        where = level == null ? null : new Place(level, side);
        updatePlace();
        showRatio();
    }

    Optional<Place> place() {
        return Optional.ofNullable(where);
    }

    /** The side the active tool's finding takes at the current place (null for a finding without sides). */
    Side sideFor(RoiTool t) {
        if (where == null) return null;
        FindingType f = template.finding(t.finding()).orElse(null);
        return f != null && ReadingTemplate.sided(f.scope()) ? (where.side() == null ? Side.LEFT : where.side()) : null;
    }

    private void updatePlace() {
        add.setEnabled(active != null && where != null);
        if (active == null) place.setText(where == null ? "choose a tool" : "choose a tool for " + where.level() + side(where.side()));
        else if (where == null) place.setText(active.label() + ": select a cell in the form");
        else place.setText("<html>" + glyph(active) + " " + esc(shortLabel(active.roiLabel() != null ? shortName(active.roiLabel()) : active.label()))
                + " → <b>" + where.level() + side(sideFor(active)) + "</b></html>");
    }

    private static String side(Side s) {
        return s == null ? "" : " " + s.label();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }

    /** The document changed: the ratio line follows. */
    void refresh(FindingsDocument doc) {
        this.document = doc;
        showRatio();
    }

    /**
     * The edema pair of the template: the first two polygon tools of numeric sided findings read
     * on the same series (in pars-injection: the edema ROI, then the reference ROI), or empty.
     */
    Optional<RoiTool[]> edemaPair() {
        List<RoiTool> polys = new ArrayList<>();
        for (RoiTool t : tools) {
            if (t.kind() != RoiTool.Kind.POLYGON || t.roiLabel() != null) continue;
            FindingType f = template.finding(t.finding()).orElse(null);
            if (f != null && f.type() == ValueType.NUMBER && ReadingTemplate.sided(f.scope())) polys.add(t);
        }
        for (int i = 0; i < polys.size(); i++) {
            for (int j = i + 1; j < polys.size(); j++) {
                if (java.util.Objects.equals(polys.get(i).series(), polys.get(j).series())) return Optional.of(new RoiTool[] {polys.get(i), polys.get(j)});
            }
        }
        return Optional.empty();
    }

    /** Shows the edema ratio of the current level and side when both ROIs are there (computed by the session at once). */
    private void showRatio() {
        if (where == null || document == null) return;
        Optional<RoiTool[]> pair = edemaPair();
        if (pair.isEmpty()) return;
        Side s = sideFor(pair.get()[0]);
        Optional<String> text = ratio.apply(where.level(), s);
        ratioLine.setText(text.orElse(" "));
        ratioLine.setVisible(text.isPresent());
    }

    /** The ratio text shown for the current place, or empty. */
    public String ratioText() {
        return ratioLine.isVisible() ? ratioLine.getText() : "";
    }
}
