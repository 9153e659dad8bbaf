package org.parsreader.ij.panel;

import ij.IJ;
import ij.ImageJ;
import ij.WindowManager;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.GridLayout;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.parsreader.dicom.ImageStack;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.Side;
import org.parsreader.ij.panel.FindingsFormModel.Cell;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.RoiTool;
import org.parsreader.reading.WindowPreset;
import org.parsreader.reading.WorklistNavigator;

/**
 * The reading panel: one window for the open case, about 380 px wide at the left edge of the
 * screen (it scrolls when the screen is short), beside the case's image viewers. From top to
 * bottom: the case (pseudonym only when blinded), reader and role, template, and the worklist
 * position with Previous / Next case; the levels bar (mark a level with the next click in a
 * viewer, marked and proposed levels, go to a level's left or right pars, linked viewers, the
 * window presets, Show series for a viewer the reader closed); the findings form; the ROI tools.
 * Undo / Redo, Save, the save state and the status line are a footer outside the scrolling part,
 * so they are always on screen.
 *
 * <p>Every action goes through {@link ReadingPanelActions} to the reading core's one command
 * path, so the macro recorder records it. Closing the window never loses work: with unsaved
 * changes it asks, with "Save and close" as the default and "Keep reading" as the other
 * choice; closing saves, releases the reader's lock and closes the viewers.
 *
 * <p>Keys anywhere in the panel: Ctrl+Z undo, Ctrl+Y or Ctrl+Shift+Z redo, Ctrl+S save,
 * Ctrl+Enter add the selection with the chosen ROI tool, Alt+letter choose an ROI tool,
 * Ctrl+W close, F1 the key list; the form's own keys are in {@link FindingsForm#SHORTCUTS}.
 * Ctrl+Enter and Alt+a tool's key also work on the case's viewers, where the reader just drew
 * (there ImageJ keeps its own Ctrl+S, Ctrl+Z and Ctrl+W).
 */
public final class ReadingPanel extends JFrame {
    private static final long serialVersionUID = 1L;
    /** The panel's width on screen: fits beside viewers on a 1366 px wide screen. */
    public static final int WIDTH = ViewerLayout.PANEL_WIDTH;
    static final String TITLE_PREFIX = "Pars Reader: ";
    static final Color OK = new Color(0x1B7F2A);
    static final Color WARN = new Color(0xB36B00);
    static final Color FAIL = new Color(0xC00000);

    /** The keys of the whole panel, for its help and the README. */
    public static final String PANEL_SHORTCUTS = String.join("\n",
            "Ctrl+Z: undo",
            "Ctrl+Y or Ctrl+Shift+Z: redo",
            "Ctrl+S: save",
            "Ctrl+Enter: add the active image's selection with the chosen ROI tool (also on a viewer)",
            "Alt+key: choose the ROI tool with that key (also on a viewer; the keys are below)",
            "Ctrl+W or the window's close box: close (asks when there are unsaved changes; Save is the default)",
            "F1: this list",
            "On a viewer, Ctrl+S, Ctrl+Z and Ctrl+W are ImageJ's own (save the image, undo in the image, close the window)");

    private static ReadingPanel shown;

    private volatile ReadingSession session;
    /** When the JVM ends with the case open (ImageJ quit, the window system gone): the session saves and releases its lock. */
    private final Thread shutdownHook = new Thread(() -> {
        ReadingSession s = session;
        if (s != null && !s.isClosed()) {
            try {
                s.close();
            } catch (Exception e) {
                System.err.println("Pars Reader: saving " + s.pseudonym() + " on exit failed: " + e.getMessage());
            }
        }
    }, "Pars Reader: save on exit");
    private final ReadingPanelActions actions;
    private final ReadingPanelViewers viewers;
    private final ActiveSession.Listener activeListener = this::activeChanged;
    private final ReadingSession.Listener sessionListener = this::sessionChanged;
    private final JPanel content = new WidthTracking();
    private final JLabel caseLabel = new JLabel();
    private final JLabel readerLabel = new JLabel();
    private final JLabel worklistLabel = new JLabel();
    private final JButton previous = new JButton("◀ Previous");
    private final JButton next = new JButton("Next ▶");
    private final JButton undo = new JButton("Undo");
    private final JButton redo = new JButton("Redo");
    private final JButton save = new JButton("Save");
    private final JLabel saveState = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    /** The status line's whole text (the label wraps it as HTML). */
    private volatile String statusLine = "";
    private final JButton showSeries = new JButton("Show series");
    private final Map<String, JButton> levelButtons = new LinkedHashMap<>();
    private final JComboBox<String> goToLevel = new JComboBox<>();
    private final JCheckBox linked = new JCheckBox("Link viewers", true);
    private FindingsForm form;
    private RoiToolBar roiTools;
    private final ReadingPanelSaveState saveStates = new ReadingPanelSaveState();
    private volatile boolean closing;
    /** A close was asked for and waits for the queued actions before deciding. */
    private boolean closeRequested;

    private ReadingPanel(ReadingSession session) {
        super(TITLE_PREFIX + session.pseudonym());
        this.session = session;
        this.viewers = new ReadingPanelViewers(this::message, level -> SwingUtilities.invokeLater(() -> marking(level)),
                missing -> SwingUtilities.invokeLater(() -> missingViewers(missing)), this::viewerKey);
        this.actions = new ReadingPanelActions(ReadingPanelPerformer.forPanel(), this::message, this::error);
        actions.guard(() -> this.session, () -> ActiveSession.get().orElse(null));
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                requestClose();
            }

            /** Disposed without asking (ImageJ's Quit disposes every window it does not know): save, release, never lose. */
            @Override
            public void windowClosed(WindowEvent e) {
                // not on the event thread: whoever disposed the panel may hold ImageJ's window lock and wait for this event
                if (!closing) {
                    closing = true;
                    Thread t = new Thread(() -> closeWithoutAsking("the panel was closed from outside (ImageJ quit?)"), "Pars Reader: close");
                    t.start();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        content.setLayout(new BoxLayout(content, BoxLayout.Y_AXIS));
        JScrollPane scroll = new JScrollPane(content, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        getContentPane().add(scroll, BorderLayout.CENTER);
        getContentPane().add(footer(), BorderLayout.SOUTH);
        wire();
        build();
        keys();
        bind(session);
        ActiveSession.addListener(activeListener);
        placeAtLeftEdge();
    }

    /**
     * Shows the reading panel for {@code session} (and its image viewers); the one call site is
     * Read Case.... Replaces a panel already shown for another case. Safe from any thread;
     * returns once the panel is visible.
     */
    public static ReadingPanel show(ReadingSession session) {
        if (GraphicsEnvironment.isHeadless()) throw new IllegalStateException("the reading panel needs a display; use the Reading macro commands headless");
        ReadingPanel[] out = new ReadingPanel[1];
        boolean[] fresh = new boolean[1];
        Runnable r = () -> {
            if (shown != null && shown.isDisplayable()) {
                if (shown.session != session) {
                    shown.rebindPanel(session);
                    fresh[0] = true;
                }
                shown.toFront();
                out[0] = shown;
                return;
            }
            shown = new ReadingPanel(session);
            shown.setVisible(true);
            WindowManager.addWindow(shown);
            out[0] = shown;
            fresh[0] = true;
        };
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
            if (fresh[0]) out[0].actions.after(() -> out[0].openViewers(session));
        } else {
            try {
                SwingUtilities.invokeAndWait(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException("could not show the reading panel: " + ReadingPanelActions.message(e), e.getCause());
            }
            if (fresh[0]) {
                try {
                    out[0].openViewers(session); // on the caller's thread: the images load there, the panel stays live
                } catch (RuntimeException e) {
                    out[0].error("the images could not be shown: " + ReadingPanelActions.message(e));
                }
            }
        }
        return out[0];
    }

    private void openViewers(ReadingSession s) {
        message("loading the images of " + s.pseudonym() + " ...");
        viewers.open(s);
        message("images shown: " + s.plan().shown().size() + " series");
        SwingUtilities.invokeLater(() -> {
            if (!isDisplayable()) return;
            toFront();
            form.table().requestFocusInWindow(); // the reader can type at once
        });
    }

    /** The image viewers beside the panel (null before they are open). */
    public CaseViewers viewers() {
        return viewers.viewers();
    }

    /** The panel shown now, if any. */
    public static Optional<ReadingPanel> current() {
        return Optional.ofNullable(shown != null && shown.isDisplayable() ? shown : null);
    }

    public ReadingSession session() {
        return session;
    }

    public FindingsForm form() {
        return form;
    }

    public RoiToolBar roiTools() {
        return roiTools;
    }

    public String saveStateText() {
        return saveState.getText();
    }

    /** The status line's whole text (the line on screen wraps it, and cuts a very long one; its tooltip has it all). */
    public String statusText() {
        return statusLine;
    }

    public String worklistText() {
        return worklistLabel.getText();
    }

    public JButton levelButton(String level) {
        return levelButtons.get(level);
    }

    /** Waits until the queued actions have run (tests). */
    public boolean settle(double seconds) {
        return actions.drain(seconds);
    }

    // ---- layout

    private void build() {
        content.removeAll();
        content.add(header());
        content.add(levelsBar());
        form = new FindingsForm(session.template(), session.document(), actions);
        form.setAlignmentX(Component.LEFT_ALIGNMENT);
        form.addCellListener(this::cellChanged);
        form.onLink(this::link);
        content.add(form);
        roiTools = new RoiToolBar(session.template(), this::chooseTool, this::addRoi, this::bmeText);
        roiTools.setAlignmentX(Component.LEFT_ALIGNMENT);
        content.add(roiTools);
        content.add(Box.createVerticalGlue());
        form.current().ifPresent(c -> roiTools.setPlace(c.level(), c.side()));
        content.revalidate();
        content.repaint();
    }

    private JComponent header() {
        JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        p.setBorder(BorderFactory.createEmptyBorder(4, 6, 2, 6));
        caseLabel.setFont(caseLabel.getFont().deriveFont(Font.BOLD, 15f));
        caseLabel.setName("case");
        readerLabel.setFont(readerLabel.getFont().deriveFont(Font.PLAIN, 12f));
        worklistLabel.setFont(worklistLabel.getFont().deriveFont(Font.PLAIN, 12f));
        worklistLabel.setName("worklist");
        for (JLabel l : List.of(caseLabel, readerLabel)) {
            l.setAlignmentX(Component.LEFT_ALIGNMENT);
            p.add(l);
        }
        JPanel wl = new JPanel(new BorderLayout(4, 0));
        wl.setAlignmentX(Component.LEFT_ALIGNMENT);
        wl.add(worklistLabel, BorderLayout.CENTER);
        JPanel nav = new JPanel(new FlowLayout(FlowLayout.RIGHT, 2, 0));
        FindingsForm.small(previous);
        FindingsForm.small(next);
        previous.setName("previous-case");
        next.setName("next-case");
        previous.setToolTipText("Save this case and open the previous one of the worklist");
        next.setToolTipText("Save this case and open the next one of the worklist");
        nav.add(previous);
        nav.add(next);
        wl.add(nav, BorderLayout.EAST);
        p.add(wl);
        p.setMaximumSize(new Dimension(Integer.MAX_VALUE, p.getPreferredSize().height + 10));
        return p;
    }

    private JComponent levelsBar() {
        JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        // a line, not a titled box: the level buttons say what they are, and the panel needs the height on 768 px screens
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, new Color(0xB0B0B0)),
                BorderFactory.createEmptyBorder(2, 4, 1, 4)));
        p.setToolTipText("Levels: mark one (its button, then a click on the vertebral body centre in a viewer), go to it on every viewer");
        p.setAlignmentX(Component.LEFT_ALIGNMENT);
        JPanel marks = new JPanel(new GridLayout(1, 0, 2, 0));
        levelButtons.clear();
        for (String level : session.template().allLevels()) {
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
        for (String level : session.template().allLevels()) goToLevel.addItem(level);
        goToLevel.setSelectedItem(defaultGoTo());
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
        p.setMaximumSize(new Dimension(Integer.MAX_VALUE, p.getPreferredSize().height + 4));
        return p;
    }

    private String defaultGoTo() {
        List<String> levels = session.template().levels();
        return levels.contains("L5") ? "L5" : levels.get(levels.size() - 1);
    }

    /**
     * The footer, outside the scrolling part: Undo, Redo, Save and the save state in one row, the
     * status line under it (wrapped; its tooltip has the whole text). Always on screen.
     */
    private JComponent footer() {
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
        p.add(status, BorderLayout.CENTER);
        return p;
    }

    /** The status line: {@code text} wrapped to the panel's width (at most {@link #STATUS_LINES} lines), the whole of it as tooltip. */
    private void showStatus(String text, Color colour) {
        String t = text == null ? "" : text.strip();
        statusLine = t;
        status.setForeground(colour);
        List<String> lines = wrap(t, status.getFontMetrics(status.getFont())::stringWidth, WIDTH - 16, STATUS_LINES);
        status.setText(lines.isEmpty() ? " " : "<html>" + String.join("<br>", lines.stream().map(FindingsForm::esc).toList()) + "</html>");
        status.setToolTipText(t.isEmpty() ? null : FindingsForm.html(t));
    }

    /** The status line's height in lines at most; a longer text ends in "…" (the tooltip has it all). */
    static final int STATUS_LINES = 3;

    /**
     * {@code text} broken into lines no wider than {@code width} (measured by {@code measure}),
     * at spaces where it can, at most {@code maxLines}; the last one ends in "…" when text is left over.
     */
    static List<String> wrap(String text, java.util.function.ToIntFunction<String> measure, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (!rest.isEmpty() && lines.size() < maxLines) {
            if (measure.applyAsInt(rest) <= width) {
                lines.add(rest);
                rest = "";
                break;
            }
            int fit = 1;
            while (fit < rest.length() && measure.applyAsInt(rest.substring(0, fit + 1)) <= width) fit++;
            int cut = rest.lastIndexOf(' ', fit);
            if (cut <= 0) cut = fit;
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() && !lines.isEmpty()) {
            String last = lines.get(lines.size() - 1);
            while (!last.isEmpty() && measure.applyAsInt(last + " …") > width) last = last.substring(0, last.length() - 1);
            lines.set(lines.size() - 1, last.strip() + " …");
        }
        return lines;
    }

    /** The buttons that outlive a change of case get their actions once (build() lays them out again for each case). */
    private void wire() {
        previous.addActionListener(e -> moveCase("previous"));
        next.addActionListener(e -> moveCase("next"));
        linked.addActionListener(e -> viewers.setLinked(linked.isSelected()));
        undo.addActionListener(e -> undo());
        redo.addActionListener(e -> redo());
        save.addActionListener(e -> save());
        showSeries.setName("show-series");
        showSeries.addActionListener(e -> reopenViewers());
        missingViewers(List.of());
    }

    private void keys() {
        JComponent root = getRootPane();
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK), "undo", this::undo);
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_Y, InputEvent.CTRL_DOWN_MASK), "redo", this::redo);
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK), "redo2", this::redo);
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_S, InputEvent.CTRL_DOWN_MASK), "save", this::save);
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK), "add-roi", this::addSelectionKey);
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_W, InputEvent.CTRL_DOWN_MASK), "close", this::requestClose);
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0), "keys", this::showKeys);
        for (char c = 'a'; c <= 'z'; c++) {
            char key = c;
            bindKey(root, KeyStroke.getKeyStroke(KeyEvent.getExtendedKeyCodeForChar(c), InputEvent.ALT_DOWN_MASK), "tool-" + c,
                    () -> roiTools.byShortcut(key).ifPresent(roiTools::choose));
        }
        for (char c = '0'; c <= '9'; c++) {
            char key = c;
            bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_0 + (c - '0'), InputEvent.ALT_DOWN_MASK), "tool-" + c,
                    () -> roiTools.byShortcut(key).ifPresent(roiTools::choose));
        }
    }

    private static void bindKey(JComponent c, KeyStroke k, String name, Runnable r) {
        c.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(k, name);
        c.getActionMap().put(name, new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        });
    }

    /** Ctrl+Enter (in the panel or on a viewer): the chosen tool takes the active image's selection. */
    private void addSelectionKey() {
        if (roiTools.active().isEmpty()) {
            error("Ctrl+Enter adds the selection with an ROI tool: choose one first (its button, or Alt+its key)");
            return;
        }
        if (roiTools.place().isEmpty()) {
            error(roiTools.active().get().label() + ": select a cell of the form first (its level and side take the ROI)");
            return;
        }
        roiTools.addSelection();
    }

    /**
     * A key pressed on one of the case's viewers (event thread): Ctrl+Enter adds the selection,
     * Alt+a tool's key chooses the tool; true when used (ImageJ then does not get it). Ctrl+S,
     * Ctrl+Z, Ctrl+W and the rest stay ImageJ's.
     */
    private boolean viewerKey(KeyEvent e) {
        if (roiTools == null || closing) return false;
        int mods = e.getModifiersEx() & (InputEvent.CTRL_DOWN_MASK | InputEvent.ALT_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK
                | InputEvent.META_DOWN_MASK | InputEvent.ALT_GRAPH_DOWN_MASK);
        if (e.getKeyCode() == KeyEvent.VK_ENTER && mods == InputEvent.CTRL_DOWN_MASK) {
            addSelectionKey();
            return true;
        }
        if (mods == InputEvent.ALT_DOWN_MASK) {
            int code = e.getKeyCode();
            char key = code >= KeyEvent.VK_A && code <= KeyEvent.VK_Z ? (char) ('a' + code - KeyEvent.VK_A)
                    : code >= KeyEvent.VK_0 && code <= KeyEvent.VK_9 ? (char) ('0' + code - KeyEvent.VK_0) : 0;
            if (key == 0) return false;
            ij.ImagePlus imp = WindowManager.getCurrentImage();
            if (imp != null && imp.getRoi() instanceof ij.gui.TextRoi) return false; // typing into a text selection (Alt+m is µ there)
            Optional<RoiTool> t = roiTools.byShortcut(key);
            t.ifPresent(roiTools::choose);
            return t.isPresent();
        }
        return false;
    }

    /** The reader closed viewers ({@code missing}, by series) or they are all shown again: Show series follows. */
    private void missingViewers(List<String> missing) {
        showSeries.setEnabled(!missing.isEmpty());
        showSeries.setFont(showSeries.getFont().deriveFont(missing.isEmpty() ? Font.PLAIN : Font.BOLD));
        showSeries.setToolTipText(missing.isEmpty() ? "Every series of the case is shown (a viewer closed with Ctrl+W comes back here)"
                : "Open again: " + String.join(", ", missing));
    }

    /** Show series: the viewers the reader closed open again, tiled with the others (not a reader step: nothing is recorded). */
    void reopenViewers() {
        message("opening the closed viewers again ...");
        actions.after(() -> {
            CaseViewers v = viewers.viewers();
            if (v == null || v.isClosed()) {
                openViewers(session);
                return;
            }
            viewers.reopen();
        });
    }

    private void placeAtLeftEdge() {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        int wanted = content.getPreferredSize().height + getContentPane().getComponent(1).getPreferredSize().height + 40;
        setBounds(ViewerLayout.panelBounds(screen, WIDTH, wanted, ViewerLayout.imageJBar()));
    }

    // ---- binding to the session

    private void bind(ReadingSession s) {
        s.addListener(sessionListener);
        refreshAll();
    }

    /** Shows another case (the worklist moved on, or Read Case opened another one), and its images. Call on the EDT. */
    void rebind(ReadingSession s) {
        rebindPanel(s);
        actions.after(() -> openViewers(s));
    }

    private void rebindPanel(ReadingSession s) {
        if (session != null) session.removeListener(sessionListener);
        session = s;
        saveStates.reset();
        setTitle(TITLE_PREFIX + s.pseudonym());
        build();
        bind(s);
    }

    /** The viewers started ({@code level}) or ended (null) marking a level: the level's button shows it. */
    private void marking(String level) {
        for (Map.Entry<String, JButton> e : levelButtons.entrySet()) {
            boolean on = e.getKey().equals(level);
            e.getValue().setBackground(on ? new Color(0xFFE080) : null);
            e.getValue().setOpaque(on);
        }
    }

    private void activeChanged(ReadingSession previous, ReadingSession current) {
        SwingUtilities.invokeLater(() -> {
            if (!isDisplayable()) return;
            if (current == null) {
                if (!closing) disposePanel();
            } else if (current != session) {
                rebind(current);
            }
        });
    }

    private void sessionChanged(ReadingSession.Change c) {
        SwingUtilities.invokeLater(() -> {
            if ("closed".equals(c.kind())) return;
            saveStates.changed(c.kind(), c.description(), LocalTime.now());
            refreshAll();
        });
    }

    /** Everything that follows the document: the form, the ROI line, the levels, undo/redo, the save state. */
    private void refreshAll() {
        ReadingSession s = session;
        FindingsDocument doc = s.document();
        caseLabel.setText(s.caseTitle());
        caseLabel.setToolTipText("case folder " + s.caseDir().getFileName() + (s.blinded() ? "; blinded: patient identity, dates, outcomes and other readers are hidden" : ""));
        readerLabel.setText("Reader " + s.reader().id() + " · role " + s.reader().role() + " · template " + s.template().id() + " "
                + s.template().version());
        readerLabel.setToolTipText(s.template().title());
        Optional<WorklistNavigator> w = ActiveSession.worklist().filter(n -> n.current() == s);
        if (w.isPresent()) {
            WorklistNavigator.Progress p = w.get().progress();
            worklistLabel.setText(String.format(Locale.ROOT, "case %d of %d · %d complete", p.position(), p.total(), p.complete()));
            previous.setEnabled(w.get().hasPrevious());
            next.setEnabled(w.get().hasNext());
            previous.setVisible(true);
            next.setVisible(true);
        } else {
            worklistLabel.setText(" ");
            previous.setVisible(false);
            next.setVisible(false);
        }
        worklistLabel.getParent().setVisible(w.isPresent());
        if (form != null) form.refresh(doc);
        if (roiTools != null) roiTools.refresh(doc);
        refreshLevels(doc);
        undo.setEnabled(s.canUndo());
        redo.setEnabled(s.canRedo());
        undo.setToolTipText("Undo (Ctrl+Z)" + s.undoDescription().map(d -> ": " + d).orElse(""));
        redo.setToolTipText("Redo (Ctrl+Y, Ctrl+Shift+Z)" + s.redoDescription().map(d -> ": " + d).orElse(""));
        refreshSaveState();
    }

    private void refreshSaveState() {
        ReadingPanelSaveState.State st = saveStates.state(session.isDirty(), session.options().autosaveSeconds());
        saveState.setForeground(switch (st.level()) {
            case OK -> OK;
            case WARN -> WARN;
            case FAIL -> FAIL;
        });
        saveState.setText(st.text());
        saveState.setToolTipText(st.tooltip());
    }

    private void refreshLevels(FindingsDocument doc) {
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
            b.setForeground(marked > 0 ? OK : proposed > 0 ? new Color(0x6060A0) : Color.BLACK);
            b.setFont(b.getFont().deriveFont(marked > 0 ? Font.BOLD : proposed > 0 ? Font.ITALIC : Font.PLAIN));
            b.setToolTipText(FindingsForm.html("Mark " + level + ": click this, then click the vertebral body centre in a viewer\n"
                    + String.join("\n", how)));
        }
    }

    /** The edema ratio at a level and side as the ROI line shows it, when both ROIs exist. */
    private Optional<String> bmeText(String level, Side side) {
        try {
            return session.bme(level, side).map(b -> String.format(Locale.ROOT, "Edema %s%s: CR %.3f · ratio %.2f (%.1f / %.1f)", level,
                    side == null ? "" : " " + side.label(), b.contrastRatio(), b.simpleRatio(), b.bmeMean(), b.refMean()));
        } catch (RuntimeException e) {
            return Optional.of("Edema " + level + (side == null ? "" : " " + side.label()) + ": " + ReadingPanelActions.message(e));
        }
    }

    private void cellChanged(Optional<Cell> c) {
        c.ifPresent(cell -> {
            roiTools.setPlace(cell.level(), cell.side());
            goToLevel.setSelectedItem(cell.level());
        });
    }

    // ---- actions

    private void message(String text) {
        SwingUtilities.invokeLater(() -> showStatus(text, Color.DARK_GRAY));
    }

    private void error(String text) {
        SwingUtilities.invokeLater(() -> {
            showStatus(text, FAIL);
            if (form != null) form.showMessage(text);
        });
    }

    void undo() {
        actions.perform("undo", Map.of());
    }

    void redo() {
        actions.perform("redo", Map.of());
    }

    void save() {
        if (form.table().isEditing()) form.table().getCellEditor().stopCellEditing();
        actions.after(() -> {
            try {
                message(ReadingPanelPerformer.forPanel().perform("save", Map.of()));
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

    void markLevel(String level) {
        showStatus("Click the centre of " + level + "'s vertebral body in a viewer", Color.DARK_GRAY);
        actions.after(() -> viewers.beginMarkLevel(level));
        marking(level);
    }

    void goTo(Side side) {
        String level = (String) goToLevel.getSelectedItem();
        if (level == null) return;
        actions.perform("goto", ReadingPanelActions.of("level", level, "side", side == null ? null : side.label()));
    }

    void preset(String id) {
        actions.perform("preset", ReadingPanelActions.of("preset", id));
    }

    private void moveCase(String direction) {
        if (form.table().isEditing()) form.table().getCellEditor().stopCellEditing();
        showStatus("opening the " + direction + " case ...", Color.DARK_GRAY);
        actions.perform(direction, Map.of());
    }

    private void chooseTool(RoiTool t) {
        String imageJTool = switch (t.kind()) {
            case LINE -> "line";
            case POLYGON -> "polygon";
            case POINT, SEED -> "point";
        };
        IJ.setTool(imageJTool);
        showStatus(t.label() + ": " + RoiToolBar.how(t) + ", then Add selection (Ctrl+Enter, in the panel or on the viewer)", Color.DARK_GRAY);
    }

    private void addRoi(RoiTool t) {
        Optional<RoiToolBar.Place> p = roiTools.place();
        if (p.isEmpty()) return;
        String level = p.get().level();
        Side side = roiTools.sideFor(t);
        String sideText = side == null ? null : side.label();
        if (t.kind() == RoiTool.Kind.SEED) {
            // with compartments outlined at this level and side, the quantification also says which ones the contrast reached
            boolean outlined = session.document().rois().stream().anyMatch(r -> level.equals(r.level()) && r.side() == side
                    && RoiTool.forRoi(session.template(), r.finding(), r.label()).map(x -> x.roiLabel() != null).orElse(false));
            Map<String, String> o = ReadingPanelActions.of("level", level, "side", sideText, "seed", "roi", "compartments", outlined ? "" : null);
            message("quantifying the contrast from the clicked seed ...");
            actions.after(() -> {
                String result = ReadingPanelPerformer.forPanel().perform("quantify", o);
                message(result);
            });
            return;
        }
        addSelection(t, t.finding(), level, side, ReadingPanelActions.of("tool", t.id(), "level", level, "side", sideText));
    }

    /**
     * Stores the active image's selection as an ROI of {@code finding}. For a numeric finding the
     * ROI measures (a line's length in mm, a polygon's mean signal) and Reading Add ROI's
     * {@code fill} sets the value from it, linked to the ROI: one recorded action and one undo step.
     */
    private void addSelection(RoiTool t, String finding, String level, Side side, Map<String, String> addOptions) {
        actions.after(() -> {
            // checks the selection (kind, not an overlay label) with the reader's message; the core computes the value
            if (measuredValue(t, finding, level, side).isPresent()) addOptions.put("fill", "");
            ij.ImagePlus drawnOn = WindowManager.getCurrentImage();
            String added = ReadingPanelPerformer.forPanel().perform("add-roi", addOptions);
            message(added);
            // stored, and drawn by the viewers in the tool's colour: the selection goes, so the next one starts afresh
            if (drawnOn != null) SwingUtilities.invokeLater(drawnOn::deleteRoi);
        });
    }

    /**
     * The value a selection gives a numeric finding: a straight line on a finding in mm its length
     * (0.01 mm), a polygon its mean signal (0.1); empty for other findings and kinds. Throws with
     * the reader's message when there is no usable selection.
     */
    private Optional<String> measuredValue(RoiTool t, String finding, String level, Side side) {
        var type = session.template().finding(finding).orElse(null);
        if (type == null || type.type() != org.parsreader.findings.ReadingTemplate.ValueType.NUMBER) return Optional.empty();
        ij.ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null || imp.getRoi() == null) return Optional.empty(); // Add ROI says what is missing
        if (imp.getRoi() instanceof ij.gui.TextRoi || imp.getRoi() instanceof ij.gui.ImageRoi) {
            throw new IllegalArgumentException("the selection on '" + imp.getTitle() + "' is a label of the overlay, not a drawn ROI; draw the "
                    + (t == null ? "selection" : t.roiType().label()) + " again (start away from the labels)");
        }
        org.parsreader.volume.Volume v = org.parsreader.ij.ImageRois.volume(imp);
        FindingsDocument.Roi roi = org.parsreader.ij.ImageRois.toFindingsRoi(imp.getRoi(), org.parsreader.ij.ImageRois.slice(imp, imp.getRoi()), v,
                finding, level, side);
        if (t != null && roi.type() != t.roiType()) {
            throw new IllegalArgumentException(t.label() + " takes a " + t.roiType().label() + "; the selection on '" + imp.getTitle() + "' is a "
                    + roi.type().label() + " (" + RoiToolBar.how(t) + ")");
        }
        if (roi.type() == FindingsDocument.RoiType.LINE && "mm".equals(type.unit())) {
            return Optional.of(FindingsFormModel.number(Math.round(org.parsreader.findings.RoiGeometry.lengthMm(roi) * 100) / 100.0));
        }
        if (roi.type() == FindingsDocument.RoiType.POLYGON) {
            double mean = org.parsreader.findings.RoiGeometry.polygonStats(roi, v).mean();
            return Optional.of(FindingsFormModel.number(Math.round(mean * 10) / 10.0));
        }
        return Optional.empty();
    }

    /** "Link ROI" on a cell: the active image's selection becomes the ROI of the cell's finding at its level and side. */
    private void link(Cell c) {
        Optional<RoiTool> tool = RoiTool.find(session.template(), c.finding().id());
        Map<String, String> o = tool.isPresent()
                ? ReadingPanelActions.of("tool", tool.get().id(), "level", c.level(), "side", c.side() == null ? null : c.side().label())
                : ReadingPanelActions.place(c.finding().id(), c.level(), c.side());
        if (tool.isPresent() && tool.get().kind() == RoiTool.Kind.SEED) {
            error(tool.get().label() + ": click the contrast with the seed tool and Add selection; the region becomes the ROI");
            return;
        }
        addSelection(tool.orElse(null), c.finding().id(), c.level(), c.side(), o);
    }

    /** The key list of F1 and "?": the panel's keys, each ROI tool's own Alt key (from the template's tools), the form's keys. */
    static String keyList(org.parsreader.findings.ReadingTemplate template) {
        return "Panel\n" + PANEL_SHORTCUTS + "\n\nROI tools (Alt+key, in the panel or on a viewer)\n" + toolKeys(RoiTool.of(template))
                + "\n\nForm\n" + FindingsForm.SHORTCUTS;
    }

    /** "Alt+G: Defect gap width (line)", a line per tool, in the tool bar's order; a tool without a key says so. */
    static String toolKeys(List<RoiTool> tools) {
        List<String> lines = new ArrayList<>();
        for (RoiTool t : tools) {
            lines.add((t.shortcut() == null ? "(no key)" : "Alt+" + t.shortcut().toUpperCase(Locale.ROOT)) + ": " + t.label());
        }
        return lines.isEmpty() ? "(the template has no ROI tools)" : String.join("\n", lines);
    }

    static void showKeys(Component parent, org.parsreader.findings.ReadingTemplate template) {
        javax.swing.JTextArea text = new javax.swing.JTextArea(keyList(template));
        text.setEditable(false);
        text.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        text.setName("key-list");
        javax.swing.JScrollPane scroll = new javax.swing.JScrollPane(text);
        scroll.setPreferredSize(new Dimension(620, Math.min(560, text.getPreferredSize().height + 10)));
        JOptionPane.showMessageDialog(parent, scroll, "Pars Reader: keys", JOptionPane.INFORMATION_MESSAGE);
    }

    private void showKeys() {
        showKeys(this, session.template());
    }

    // ---- closing

    /** The choices when closing with unsaved changes; the first is the default. */
    static final String SAVE_AND_CLOSE = "Save and close";
    static final String KEEP_READING = "Keep reading";

    /**
     * Closes as the window's close box does: stores a number being typed and, once the actions
     * already queued have run, asks when there are unsaved changes (Save and close is the
     * default; anything but an explicit "Save and close" keeps the panel open). Closing saves,
     * releases the lock and closes the viewers. Returns at once; safe from any thread.
     */
    public void requestClose() {
        if (!SwingUtilities.isEventDispatchThread()) {
            SwingUtilities.invokeLater(this::requestClose);
            return;
        }
        if (closing || closeRequested) return;
        if (form.table().isEditing() && !form.table().getCellEditor().stopCellEditing()) {
            form.table().getCellEditor().cancelCellEditing(); // a number out of range cannot be stored; the line under the grid said so
        }
        closeRequested = true;
        // decide after the actions already queued (an edit just made must count), but never wait for them here on the
        // event thread: some of them (go to, presets) need this thread themselves
        actions.after(() -> {
            boolean dirty = !session.isClosed() && session.isDirty();
            SwingUtilities.invokeLater(() -> decideClose(dirty));
        });
    }

    private void decideClose(boolean dirty) {
        closeRequested = false;
        if (closing || !isDisplayable()) return;
        if (dirty) {
            Object[] options = {SAVE_AND_CLOSE, KEEP_READING};
            int answer = JOptionPane.showOptionDialog(this,
                    "The findings of " + session.pseudonym() + " (" + session.reader().id() + ") have unsaved changes.\n"
                            + "Save them and close the case?",
                    "Pars Reader: close " + session.pseudonym(), JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE, null, options,
                    options[0]);
            if (answer != 0) {
                message("Still reading; nothing was lost");
                return;
            }
        }
        closing = true;
        actions.perform("close", Map.of(), () -> SwingUtilities.invokeLater(this::disposePanel));
        actions.after(() -> SwingUtilities.invokeLater(() -> {
            if (!session.isClosed()) closing = false; // the close failed (the status line says why): stay open
        }));
    }

    /** The panel's content: as wide as the window (the window scrolls vertically only). */
    private static final class WidthTracking extends JPanel implements javax.swing.Scrollable {
        private static final long serialVersionUID = 1L;

        @Override
        public Dimension getPreferredScrollableViewportSize() {
            return getPreferredSize();
        }

        @Override
        public int getScrollableUnitIncrement(Rectangle r, int orientation, int direction) {
            return 16;
        }

        @Override
        public int getScrollableBlockIncrement(Rectangle r, int orientation, int direction) {
            return Math.max(16, r.height - 32);
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true;
        }

        @Override
        public boolean getScrollableTracksViewportHeight() {
            return false;
        }
    }

    /**
     * Saves and closes the session now, on this thread, and cleans up; for closes nobody could be
     * asked about. When ImageJ is quitting it has closed the image windows itself and holds its
     * window lock: the viewers are then left to it (closing them here would wait for that lock).
     */
    private void closeWithoutAsking(String why) {
        closing = true;
        ReadingSession s = session;
        try {
            if (ActiveSession.get().orElse(null) == s) ActiveSession.close();
            else s.close();
            IJ.log("Pars Reader: " + s.pseudonym() + " saved and closed: " + why);
        } catch (Exception e) {
            IJ.log("Pars Reader: saving " + s.pseudonym() + " failed (" + ReadingPanelActions.message(e) + "); the last autosave is on disk");
        }
        ImageJ ij = IJ.getInstance();
        if (ij == null || !ij.quitting()) viewers.close();
        cleanUp();
    }

    private void disposePanel() {
        closing = true;
        try {
            viewers.close();
        } catch (RuntimeException e) {
            IJ.log("Pars Reader: closing the viewers: " + ReadingPanelActions.message(e));
        }
        cleanUp();
        dispose();
    }

    /** Everything but the viewers and the window: listeners, hook, worker, ImageJ's Window menu. */
    private void cleanUp() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        ActiveSession.removeListener(activeListener);
        session.removeListener(sessionListener);
        actions.shutdown();
        WindowManager.removeWindow(this);
        if (shown == this) shown = null;
    }
}
