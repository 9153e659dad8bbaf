package org.parsreader.ij.panel;

import ij.WindowManager;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import org.parsreader.reading.RoiTool;

/**
 * The reading panel's keys ({@link ReadingPanel#PANEL_SHORTCUTS}): bound anywhere in the panel's
 * window, and Ctrl+Enter and Alt+a tool's key when pressed on one of the case's viewers.
 */
final class ReadingPanelKeys {
    private final Supplier<RoiToolBar> roiTools;
    private final BooleanSupplier closing;
    private final Runnable addSelection;

    /**
     * @param roiTools     the panel's ROI tools now (null before the panel is built)
     * @param closing      whether the panel is closing (viewer keys are then left to ImageJ)
     * @param addSelection Ctrl+Enter: the chosen tool takes the active image's selection
     */
    ReadingPanelKeys(Supplier<RoiToolBar> roiTools, BooleanSupplier closing, Runnable addSelection) {
        this.roiTools = roiTools;
        this.closing = closing;
        this.addSelection = addSelection;
    }

    /** Binds the panel's keys on {@code root} (the window's root pane), for as long as the window is focused. */
    void bind(JComponent root, Runnable undo, Runnable redo, Runnable save, Runnable close, Runnable showKeys) {
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK), "undo", undo);
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_Y, InputEvent.CTRL_DOWN_MASK), "redo", redo);
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_Z, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK), "redo2", redo);
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_S, InputEvent.CTRL_DOWN_MASK), "save", save);
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK), "add-roi", addSelection);
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_W, InputEvent.CTRL_DOWN_MASK), "close", close);
        bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0), "keys", showKeys);
        for (char c = 'a'; c <= 'z'; c++) {
            char key = c;
            bindKey(root, KeyStroke.getKeyStroke(KeyEvent.getExtendedKeyCodeForChar(c), InputEvent.ALT_DOWN_MASK), "tool-" + c,
                    () -> roiTools.get().byShortcut(key).ifPresent(roiTools.get()::choose));
        }
        for (char c = '0'; c <= '9'; c++) {
            char key = c;
            bindKey(root, KeyStroke.getKeyStroke(KeyEvent.VK_0 + (c - '0'), InputEvent.ALT_DOWN_MASK), "tool-" + c,
                    () -> roiTools.get().byShortcut(key).ifPresent(roiTools.get()::choose));
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

    /**
     * A key pressed on one of the case's viewers (event thread): Ctrl+Enter adds the selection,
     * Alt+a tool's key chooses the tool; true when used (ImageJ then does not get it). Ctrl+S,
     * Ctrl+Z, Ctrl+W and the rest stay ImageJ's.
     */
    boolean viewerKey(KeyEvent e) {
        RoiToolBar tools = roiTools.get();
        if (tools == null || closing.getAsBoolean()) return false;
        int mods = e.getModifiersEx() & (InputEvent.CTRL_DOWN_MASK | InputEvent.ALT_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK
                | InputEvent.META_DOWN_MASK | InputEvent.ALT_GRAPH_DOWN_MASK);
        if (e.getKeyCode() == KeyEvent.VK_ENTER && mods == InputEvent.CTRL_DOWN_MASK) {
            addSelection.run();
            return true;
        }
        if (mods == InputEvent.ALT_DOWN_MASK) {
            int code = e.getKeyCode();
            char key = code >= KeyEvent.VK_A && code <= KeyEvent.VK_Z ? (char) ('a' + code - KeyEvent.VK_A)
                    : code >= KeyEvent.VK_0 && code <= KeyEvent.VK_9 ? (char) ('0' + code - KeyEvent.VK_0) : 0;
            if (key == 0) return false;
            ij.ImagePlus imp = WindowManager.getCurrentImage();
            if (imp != null && imp.getRoi() instanceof ij.gui.TextRoi) return false; // typing into a text selection (Alt+m is µ there)
            Optional<RoiTool> t = tools.byShortcut(key);
            t.ifPresent(tools::choose);
            return t.isPresent();
        }
        return false;
    }
}
