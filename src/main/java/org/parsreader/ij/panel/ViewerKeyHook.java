package org.parsreader.ij.panel;

import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The panel's keys pressed on the case's viewers, acquired series and reformats alike
 * ({@link CaseViewers#setKeyHandler}): taken before
 * ImageJ sees them (a KeyListener would run after ImageJ's own, which takes Enter to bring its bar
 * to the front and Alt+letter as the letter's menu shortcut, so both would act). Only events of
 * the viewers' windows are offered.
 */
final class ViewerKeyHook {
    private final List<SeriesViewer> viewers;
    private final java.util.function.Supplier<List<ij.ImagePlus>> reformats;
    private final BooleanSupplier closed;
    private final java.util.function.Consumer<ij.ImagePlus> maximise;
    private volatile Predicate<KeyEvent> handler;
    private final KeyEventDispatcher dispatcher = this::dispatch;

    /**
     * @param viewers the viewers shown (the live list)
     * @param reformats the reformat viewers' images shown now ({@link ReformatViewer}): their windows get the same keys
     * @param closed  whether the viewers are closed (keys then go to ImageJ)
     * @param maximise told F11 pressed on a viewer (maximise or restore it); ImageJ binds no
     *                 F-key by default (F1..F12 are left to the user's Plugins &gt; Shortcuts), the
     *                 panel takes F1 only, and Ctrl+M would be ImageJ's Measure
     */
    ViewerKeyHook(List<SeriesViewer> viewers, java.util.function.Supplier<List<ij.ImagePlus>> reformats, BooleanSupplier closed,
            java.util.function.Consumer<ij.ImagePlus> maximise) {
        this.viewers = viewers;
        this.reformats = reformats;
        this.closed = closed;
        this.maximise = maximise;
    }

    /** {@code h} gets each key press on a viewer's window and returns true when it used it; null: none. */
    void setHandler(Predicate<KeyEvent> h) {
        handler = h;
    }

    /** Starts offering keys (event dispatch thread). */
    void install() {
        KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(dispatcher);
    }

    /** Stops offering keys (event dispatch thread). */
    void remove() {
        KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(dispatcher);
    }

    private boolean dispatch(KeyEvent e) {
        Predicate<KeyEvent> h = handler;
        if (closed.getAsBoolean() || e.getID() != KeyEvent.KEY_PRESSED || e.getComponent() == null) return false;
        Window w = e.getComponent() instanceof Window win ? win : javax.swing.SwingUtilities.getWindowAncestor(e.getComponent());
        ij.ImagePlus on = w == null ? null : viewers.stream().map(SeriesViewer::image).filter(imp -> imp.getWindow() == w).findFirst()
                .orElseGet(() -> reformats.get().stream().filter(imp -> imp.getWindow() == w).findFirst().orElse(null));
        if (on == null) return false;
        if (e.getKeyCode() == KeyEvent.VK_F11 && e.getModifiersEx() == 0) {
            maximise.accept(on);
            e.consume();
            return true;
        }
        if (h == null || !h.test(e)) return false;
        e.consume();
        return true;
    }
}
