package org.parsreader.ij.panel;

import ij.IJ;
import ij.ImageJ;
import ij.WindowManager;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.ij.panel.FindingsFormModel.Cell;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.RoiTool;

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
 * <p>This class is the window: it lays the parts out, binds them to the open case and closes it.
 * The parts are {@link ReadingPanelHeader} (case, reader, worklist), {@link ReadingPanelLevelsBar}
 * (levels, go to, window presets, Show series), {@link FindingsForm}, {@link RoiToolBar} with
 * {@link ReadingPanelRois} (from a selection to a stored ROI), {@link ReadingPanelFooter} (undo,
 * redo, save, save state, status line) and {@link ReadingPanelKeys} (the keys, in the panel and on
 * the viewers).
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
    private final ReadingPanelHeader header;
    /** Set once in the constructor (not final: the viewers, made before it, tell it what they do). */
    private ReadingPanelLevelsBar levels;
    private final ReadingPanelFooter footer;
    private final ReadingPanelRois rois;
    private final ReadingPanelKeys keys;
    private FindingsForm form;
    /** The open disagreements, on a consensus read opened from a study (else null). */
    private ConsensusSection consensus;
    private RoiToolBar roiTools;
    private volatile boolean closing;
    /** A close was asked for and waits for the queued actions before deciding. */
    private boolean closeRequested;

    private ReadingPanel(ReadingSession session) {
        super(TITLE_PREFIX + session.pseudonym());
        this.session = session;
        this.actions = new ReadingPanelActions(ReadingPanelPerformer.forPanel(), this::message, this::error);
        this.rois = new ReadingPanelRois(actions, () -> this.session, () -> roiTools, this::message, this::error, this::showStatus,
                () -> { if (form != null) form.finishEditing(); });
        this.keys = new ReadingPanelKeys(() -> roiTools, () -> closing, rois::addSelectionKey);
        this.viewers = new ReadingPanelViewers(this::message, level -> SwingUtilities.invokeLater(() -> levels.marking(level)),
                missing -> SwingUtilities.invokeLater(() -> levels.missingViewers(missing)), keys::viewerKey);
        actions.guard(() -> this.session, () -> ActiveSession.get().orElse(null));
        this.header = new ReadingPanelHeader(this::moveCase);
        this.levels = new ReadingPanelLevelsBar(actions, viewers, () -> this.session, this::showStatus, this::message, this::openViewers);
        this.footer = new ReadingPanelFooter(actions, () -> this.session, () -> form, this::message);
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
        getContentPane().add(footer.component(), BorderLayout.SOUTH);
        build();
        keys.bind(getRootPane(), footer::undo, footer::redo, footer::save, this::requestClose, this::showKeys);
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
            if (consensus != null) consensus.table().requestFocusInWindow(); // 1 / 2 at once
            else form.table().requestFocusInWindow(); // the reader can type at once
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

    /** The consensus part (a consensus read opened from a study), if shown. */
    public Optional<ConsensusSection> consensus() {
        return Optional.ofNullable(consensus);
    }

    public RoiToolBar roiTools() {
        return roiTools;
    }

    public String saveStateText() {
        return footer.saveStateText();
    }

    /** The status line's whole text (the line on screen wraps it, and cuts a very long one; its tooltip has it all). */
    public String statusText() {
        return footer.statusText();
    }

    public String worklistText() {
        return header.worklistText();
    }

    public JButton levelButton(String level) {
        return levels.levelButton(level);
    }

    /** Waits until the queued actions have run (tests). */
    public boolean settle(double seconds) {
        return actions.drain(seconds);
    }

    // ---- layout

    private void build() {
        content.removeAll();
        content.add(header.component());
        content.add(levels.component(session));
        form = new FindingsForm(session.template(), session.document(), actions);
        form.setAlignmentX(Component.LEFT_ALIGNMENT);
        form.addCellListener(this::cellChanged);
        form.onLink(rois::link);
        consensus = ConsensusReading.of(session).map(c -> new ConsensusSection(c, actions, visible -> {
            form.setVisible(visible);
            content.revalidate();
        })).orElse(null);
        if (consensus != null) {
            content.add(consensus.component());
            form.setVisible(false); // a consensus read shows only the open disagreements; the whole form behind "Show all findings"
        }
        content.add(form);
        roiTools = new RoiToolBar(session.template(), rois::chooseTool, rois::addRoi, rois::bmeText);
        roiTools.setAlignmentX(Component.LEFT_ALIGNMENT);
        content.add(roiTools);
        content.add(Box.createVerticalGlue());
        form.current().ifPresent(c -> roiTools.setPlace(c.level(), c.side()));
        content.revalidate();
        content.repaint();
    }

    private void cellChanged(Optional<Cell> c) {
        c.ifPresent(cell -> {
            roiTools.setPlace(cell.level(), cell.side());
            levels.select(cell.level());
        });
    }

    /** The status line now (event thread); {@link #message} and {@link #error} from any thread. */
    private void showStatus(String text, Color colour) {
        footer.showStatus(text, colour);
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

    private void placeAtLeftEdge() {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        int wanted = content.getPreferredSize().height + getContentPane().getComponent(1).getPreferredSize().height + 40;
        setBounds(ViewerLayout.panelBounds(screen, WIDTH, wanted, ViewerLayout.imageJBar()));
    }

    // ---- actions

    private void message(String text) {
        SwingUtilities.invokeLater(() -> showStatus(text, Color.DARK_GRAY));
    }

    void error(String text) {
        SwingUtilities.invokeLater(() -> {
            showStatus(text, FAIL);
            if (form != null) form.showMessage(text);
        });
    }

    private void moveCase(String direction) {
        if (form.table().isEditing()) form.table().getCellEditor().stopCellEditing();
        showStatus("opening the " + direction + " case ...", Color.DARK_GRAY);
        actions.perform(direction, Map.of());
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
        footer.reset();
        setTitle(TITLE_PREFIX + s.pseudonym());
        build();
        bind(s);
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
            footer.changed(c);
            refreshAll();
        });
    }

    /** Everything that follows the document: the header, the form, the ROI line, the levels, undo/redo, the save state. */
    private void refreshAll() {
        ReadingSession s = session;
        FindingsDocument doc = s.document();
        header.refresh(s);
        if (form != null) form.refresh(doc);
        if (consensus != null) consensus.refresh();
        if (roiTools != null) roiTools.refresh(doc);
        levels.refresh(s, doc);
        footer.refresh(s);
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
