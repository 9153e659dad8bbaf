package org.parsreader.ij.panel;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.parsreader.reading.ReadingSession;

/**
 * The reading panel's footer, outside the scrolling part so it is always on screen: Undo, Redo
 * and Save with what they do, the save state ({@link ReadingPanelSaveState}) and the status line.
 */
final class ReadingPanelFooter {
    private final JButton undo = new JButton("Undo");
    private final JButton redo = new JButton("Redo");
    private final JButton save = new JButton("Save");
    private final JLabel saveState = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    /** The status line's whole text (the label wraps it as HTML). */
    private volatile String statusLine = "";
    private final ReadingPanelSaveState saveStates = new ReadingPanelSaveState();
    private final ReadingPanelActions actions;
    private final Supplier<ReadingSession> session;
    private final Supplier<FindingsForm> form;
    private final Consumer<String> message;

    /** @param message shows a line on the status line later (any thread) */
    ReadingPanelFooter(ReadingPanelActions actions, Supplier<ReadingSession> session, Supplier<FindingsForm> form, Consumer<String> message) {
        this.actions = actions;
        this.session = session;
        this.form = form;
        this.message = message;
        undo.addActionListener(e -> undo());
        redo.addActionListener(e -> redo());
        save.addActionListener(e -> save());
    }

    /**
     * The footer: Undo, Redo, Save and the save state in one row, the status line under it
     * (wrapped; its tooltip has the whole text).
     */
    JComponent component() {
        JPanel p = new JPanel(new BorderLayout(0, 1));
        p.setName("footer");
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, new Color(0xB0B0B0)),
                BorderFactory.createEmptyBorder(2, 4, 4, 4)));
        JPanel row = new JPanel(new BorderLayout(6, 0));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 2, 0));
        FindingsForm.small(undo);
        FindingsForm.small(redo);
        undo.setName("undo");
        redo.setName("redo");
        undo.setToolTipText("Undo the last change (Ctrl+Z)");
        redo.setToolTipText("Redo (Ctrl+Y, Ctrl+Shift+Z)");
        FindingsForm.small(save);
        save.setName("save");
        save.setFont(save.getFont().deriveFont(Font.BOLD));
        save.setToolTipText("Save now (Ctrl+S); changes are also autosaved");
        buttons.add(undo);
        buttons.add(redo);
        buttons.add(save);
        row.add(buttons, BorderLayout.WEST);
        saveState.setName("save-state");
        saveState.setFont(saveState.getFont().deriveFont(Font.BOLD, 12f));
        row.add(saveState, BorderLayout.CENTER);
        p.add(row, BorderLayout.NORTH);
        status.setName("status");
        status.setFont(status.getFont().deriveFont(Font.PLAIN, 11f));
        status.setVerticalAlignment(javax.swing.SwingConstants.TOP);
        // as tall as its longest text from the start: a message never moves the panel's parts
        int h = status.getFontMetrics(status.getFont()).getHeight() * ReadingPanel.STATUS_LINES + 4;
        java.awt.Dimension fixed = new java.awt.Dimension(ReadingPanel.WIDTH - 16, h);
        status.setPreferredSize(fixed);
        status.setMinimumSize(fixed);
        status.setMaximumSize(new java.awt.Dimension(Integer.MAX_VALUE, h));
        p.add(status, BorderLayout.CENTER);
        return p;
    }

    void undo() {
        actions.perform("undo", Map.of());
    }

    void redo() {
        actions.perform("redo", Map.of());
    }

    void save() {
        FindingsForm f = form.get();
        if (f.table().isEditing()) f.table().getCellEditor().stopCellEditing();
        actions.after(() -> {
            try {
                message.accept(ReadingPanelPerformer.forPanel().perform("save", Map.of()));
            } catch (Exception e) {
                String why = ReadingPanelActions.message(e);
                SwingUtilities.invokeLater(() -> {
                    saveStates.saveFailed(why);
                    refreshSaveState();
                });
                throw e;
            }
        });
    }

    /**
     * The status line: {@code text} wrapped to the panel's width (at most
     * {@link ReadingPanel#STATUS_LINES} lines), the whole of it as tooltip. Event thread.
     */
    void showStatus(String text, Color colour) {
        String t = text == null ? "" : text.strip();
        statusLine = t;
        status.setForeground(colour);
        List<String> lines = ReadingPanel.wrap(t, status.getFontMetrics(status.getFont())::stringWidth, ReadingPanel.WIDTH - 16,
                ReadingPanel.STATUS_LINES);
        status.setText(lines.isEmpty() ? " " : "<html>" + String.join("<br>", lines.stream().map(FindingsForm::esc).toList()) + "</html>");
        status.setToolTipText(t.isEmpty() ? null : FindingsForm.html(t));
    }

    String statusText() {
        return statusLine;
    }

    String saveStateText() {
        return saveState.getText();
    }

    /** A session announcement ({@code saved}, {@code autosaved}, {@code autosave-failed}, an edit): the save state follows. */
    void changed(ReadingSession.Change c) {
        saveStates.changed(c.kind(), c.description(), LocalTime.now());
    }

    /** Another case: nothing known of its saves yet. */
    void reset() {
        saveStates.reset();
    }

    /** Undo / Redo (enabled, their tooltips naming the step) and the save state, from {@code s}. */
    void refresh(ReadingSession s) {
        undo.setEnabled(s.canUndo());
        redo.setEnabled(s.canRedo());
        undo.setToolTipText("Undo (Ctrl+Z)" + s.undoDescription().map(d -> ": " + d).orElse(""));
        redo.setToolTipText("Redo (Ctrl+Y, Ctrl+Shift+Z)" + s.redoDescription().map(d -> ": " + d).orElse(""));
        refreshSaveState();
    }

    private void refreshSaveState() {
        ReadingSession s = session.get();
        ReadingPanelSaveState.State st = saveStates.state(s.isDirty(), s.options().autosaveSeconds());
        saveState.setForeground(switch (st.level()) {
            case OK -> ReadingPanel.OK;
            case WARN -> ReadingPanel.WARN;
            case FAIL -> ReadingPanel.FAIL;
        });
        saveState.setText(st.text());
        saveState.setToolTipText(st.tooltip());
    }
}
