package org.parsreader.ij.panel;

import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.parsreader.dicom.ImageStack;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.Side;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.WindowPreset;

/**
 * The reading panel's levels bar, and what its controls do: a button per level to mark it (the
 * next click in a viewer; the button shows marked, proposed and marking), go to the chosen
 * level's body or left or right pars on every viewer, Link viewers, the window presets, and Show
 * series for the viewers the reader closed.
 */
final class ReadingPanelLevelsBar {
    private final Map<String, JButton> levelButtons = new LinkedHashMap<>();
    private final JComboBox<String> goToLevel = new JComboBox<>();
    private final JCheckBox linked = new JCheckBox("Link viewers", true);
    private final JButton showSeries = new JButton("Show series");
    private final ReadingPanelActions actions;
    private final ReadingPanelViewers viewers;
    private final Supplier<ReadingSession> session;
    private final BiConsumer<String, Color> status;
    private final Consumer<String> message;
    private final Consumer<ReadingSession> openViewers;

    /**
     * @param status      shows a line on the panel's status line now (event thread)
     * @param message     shows a line on the panel's status line later (any thread)
     * @param openViewers opens the viewers of a case anew (on the actions' worker), for Show series with none open
     */
    ReadingPanelLevelsBar(ReadingPanelActions actions, ReadingPanelViewers viewers, Supplier<ReadingSession> session,
            BiConsumer<String, Color> status, Consumer<String> message, Consumer<ReadingSession> openViewers) {
        this.actions = actions;
        this.viewers = viewers;
        this.session = session;
        this.status = status;
        this.message = message;
        this.openViewers = openViewers;
        // the controls that outlive a change of case get their actions once (component() lays them out again for each case)
        linked.addActionListener(e -> viewers.setLinked(linked.isSelected()));
        showSeries.setName("show-series");
        showSeries.addActionListener(e -> reopenViewers());
        missingViewers(List.of());
    }

    /** The bar laid out for the levels of {@code s}'s template. */
    JComponent component(ReadingSession s) {
        JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        // a line, not a titled box: the level buttons say what they are, and the panel needs the height on 768 px screens
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, new Color(0xB0B0B0)),
                BorderFactory.createEmptyBorder(2, 4, 1, 4)));
        p.setToolTipText("Levels: mark one (its button, then a click on the vertebral body centre in a viewer), go to it on every viewer");
        p.setAlignmentX(Component.LEFT_ALIGNMENT);
        JPanel marks = new JPanel(new GridLayout(1, 0, 2, 0));
        levelButtons.clear();
        for (String level : s.template().allLevels()) {
            JButton b = FindingsForm.small(new JButton(level));
            b.setName("mark-" + level);
            b.setMargin(new java.awt.Insets(1, 2, 1, 2));
            b.addActionListener(e -> markLevel(level));
            levelButtons.put(level, b);
            marks.add(b);
        }
        marks.setAlignmentX(Component.LEFT_ALIGNMENT);
        p.add(marks);
        JPanel go = new JPanel(new FlowLayout(FlowLayout.LEFT, 3, 1));
        go.setAlignmentX(Component.LEFT_ALIGNMENT);
        JLabel l = FindingsForm.small(new JLabel("Go to"));
        go.add(l);
        goToLevel.removeAllItems();
        for (String level : s.template().allLevels()) goToLevel.addItem(level);
        goToLevel.setSelectedItem(defaultGoTo(s));
        FindingsForm.small(goToLevel);
        goToLevel.setName("goto-level");
        go.add(goToLevel);
        JButton left = FindingsForm.small(new JButton("L pars"));
        JButton right = FindingsForm.small(new JButton("R pars"));
        JButton body = FindingsForm.small(new JButton("level"));
        left.setName("goto-left");
        right.setName("goto-right");
        left.setToolTipText("Show the left pars of the chosen level on every viewer");
        right.setToolTipText("Show the right pars of the chosen level on every viewer");
        body.setToolTipText("Show the chosen level's vertebral body on every viewer");
        left.addActionListener(e -> goTo(Side.LEFT));
        right.addActionListener(e -> goTo(Side.RIGHT));
        body.addActionListener(e -> goTo(null));
        go.add(body);
        go.add(left);
        go.add(right);
        FindingsForm.small(linked);
        linked.setName("link-viewers");
        linked.setToolTipText("Scroll and point in all viewers together (through patient coordinates, else through the levels)");
        go.add(linked);
        p.add(go);
        JPanel view = new JPanel(new FlowLayout(FlowLayout.LEFT, 3, 1));
        view.setAlignmentX(Component.LEFT_ALIGNMENT);
        view.add(FindingsForm.small(new JLabel("Window")));
        for (WindowPreset preset : List.of(WindowPreset.CT_BONE, WindowPreset.CT_SOFT_TISSUE, WindowPreset.MR_AUTO)) {
            String text = switch (preset.id()) {
                case WindowPreset.CT_BONE_ID -> "CT bone";
                case WindowPreset.CT_SOFT_TISSUE_ID -> "CT soft";
                default -> "MRI auto";
            };
            JButton b = FindingsForm.small(new JButton(text));
            b.setName("preset-" + preset.id());
            b.setToolTipText("Window preset: " + preset.label());
            b.addActionListener(e -> preset(preset.id()));
            view.add(b);
        }
        view.add(Box.createHorizontalStrut(6));
        FindingsForm.small(showSeries);
        view.add(showSeries);
        p.add(view);
        // a row of its own: the Window row is full at the panel's width
        JPanel mprRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 3, 1));
        mprRow.setAlignmentX(Component.LEFT_ALIGNMENT);
        mprRow.add(FindingsForm.small(new JLabel("CT reformat")));
        for (String[] b : new String[][] {{"Sag MPR", "reformat-sag", null}, {"Pars L", "reformat-pars-left", "left"}, {"Pars R", "reformat-pars-right", "right"}}) {
            JButton mpr = FindingsForm.small(new JButton(b[0]));
            mpr.setName(b[1]);
            mpr.setMargin(new java.awt.Insets(1, 3, 1, 3));
            mpr.setToolTipText(b[2] == null ? "Sagittal reformat of the CT ([ ] shift 1 mm, Shift+arrows tilt 2 deg, M thick-slab MIP, Shift+[ ] slab thickness)"
                    : "The " + b[2] + " pars plane of the Go-to level on the CT ([ ] shift 1 mm, Shift+arrows tilt 2 deg, M MIP)");
            Side side = b[2] == null ? null : Side.parse(b[2]);
            mpr.addActionListener(e -> reformat(side));
            mprRow.add(mpr);
        }
        p.add(mprRow);
        p.setMaximumSize(new Dimension(Integer.MAX_VALUE, p.getPreferredSize().height + 4));
        return p;
    }

    private static String defaultGoTo(ReadingSession s) {
        List<String> levels = s.template().levels();
        return levels.contains("L5") ? "L5" : levels.get(levels.size() - 1);
    }

    JButton levelButton(String level) {
        return levelButtons.get(level);
    }

    /** The form's cell moved to {@code level}: Go to follows. */
    void select(String level) {
        goToLevel.setSelectedItem(level);
    }

    void markLevel(String level) {
        status.accept("Click the centre of " + level + "'s vertebral body in a viewer", Color.DARK_GRAY);
        actions.after(() -> viewers.beginMarkLevel(level));
        marking(level);
    }

    void goTo(Side side) {
        String level = (String) goToLevel.getSelectedItem();
        if (level == null) return;
        actions.perform("goto", ReadingPanelActions.of("level", level, "side", side == null ? null : side.label()));
    }

    /** Sag MPR (side null) or the pars plane of the Go-to level on {@code side}: a reformat viewer of the case's CT. */
    void reformat(Side side) {
        String level = side == null ? null : (String) goToLevel.getSelectedItem();
        message.accept(side == null ? "opening the sagittal reformat of the CT ..." : "opening the " + level + " " + side.label() + " pars plane ...");
        actions.after(() -> {
            CaseViewers v = viewers.viewers();
            if (v == null || v.isClosed()) {
                message.accept("open the case's viewers first (Show series)");
                return;
            }
            try {
                ReformatViewer r = ReformatViewer.open(v, level, side);
                message.accept(r.image().getTitle() + ": [ ] shift 1 mm, Shift+arrows tilt 2 deg, M MIP, Shift+[ ] slab");
            } catch (IllegalArgumentException e) {
                message.accept(e.getMessage());
            }
        });
    }

    void preset(String id) {
        actions.perform("preset", ReadingPanelActions.of("preset", id));
    }

    /** Show series: the viewers the reader closed open again, tiled with the others (not a reader step: nothing is recorded). */
    void reopenViewers() {
        message.accept("opening the closed viewers again ...");
        actions.after(() -> {
            CaseViewers v = viewers.viewers();
            if (v == null || v.isClosed()) {
                openViewers.accept(session.get());
                return;
            }
            viewers.reopen();
        });
    }

    /** The reader closed viewers ({@code missing}, by series) or they are all shown again: Show series follows. */
    void missingViewers(List<String> missing) {
        showSeries.setEnabled(!missing.isEmpty());
        showSeries.setFont(showSeries.getFont().deriveFont(missing.isEmpty() ? Font.PLAIN : Font.BOLD));
        showSeries.setToolTipText(missing.isEmpty() ? "Every series of the case is shown (a viewer closed with Ctrl+W comes back here)"
                : "Open again: " + String.join(", ", missing));
    }

    /** The viewers started ({@code level}) or ended (null) marking a level: the level's button shows it. */
    void marking(String level) {
        for (Map.Entry<String, JButton> e : levelButtons.entrySet()) {
            boolean on = e.getKey().equals(level);
            e.getValue().setBackground(on ? new Color(0xFFE080) : null);
            e.getValue().setOpaque(on);
        }
    }

    /** Each level's button says whether the level is marked, proposed or not marked on the frames shown (its tooltip per frame). */
    void refresh(ReadingSession session, FindingsDocument doc) {
        Set<String> frames = new LinkedHashSet<>();
        Map<String, String> frameName = new LinkedHashMap<>();
        for (ImageStack st : session.plan().shown()) {
            String f = st.series().frameOfReferenceUid();
            if (f == null || f.isEmpty()) continue;
            frames.add(f);
            frameName.merge(f, st.modality(), (a, b) -> a.contains(b) ? a : a + "/" + b);
        }
        for (Map.Entry<String, JButton> e : levelButtons.entrySet()) {
            String level = e.getKey();
            int marked = 0, proposed = 0;
            List<String> how = new ArrayList<>();
            for (String f : frames) {
                LevelMap map = LevelMap.of(doc, session.template(), f);
                Optional<LevelMap.Position> p = map.level(level);
                String name = frameName.get(f);
                if (p.isPresent() && p.get().marked()) {
                    marked++;
                    how.add(name + ": marked");
                } else if (p.isPresent()) {
                    proposed++;
                    how.add(name + ": proposed");
                } else {
                    how.add(name + ": not marked");
                }
            }
            JButton b = e.getValue();
            b.setText(level + (marked > 0 ? " ✓" : proposed > 0 ? " ~" : ""));
            b.setForeground(marked > 0 ? ReadingPanel.OK : proposed > 0 ? new Color(0x6060A0) : Color.BLACK);
            b.setFont(b.getFont().deriveFont(marked > 0 ? Font.BOLD : proposed > 0 ? Font.ITALIC : Font.PLAIN));
            b.setToolTipText(FindingsForm.html("Mark " + level + ": click this, then click the vertebral body centre in a viewer\n"
                    + String.join("\n", how)));
        }
    }
}
