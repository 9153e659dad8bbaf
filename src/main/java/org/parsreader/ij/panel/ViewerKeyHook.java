package org.parsreader.ij.panel;

import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The panel's keys pressed on the case's viewers ({@link CaseViewers#setKeyHandler}): taken before
 * ImageJ sees them (a KeyListener would run after ImageJ's own, which takes Enter to bring its bar
 * to the front and Alt+letter as the letter's menu shortcut, so both would act). Only events of
 * the viewers' windows are offered.
 */
final class ViewerKeyHook {
    private final List<SeriesViewer> viewers;
    private final BooleanSupplier closed;
    private volatile Predicate<KeyEvent> handler;
    private final KeyEventDispatcher dispatcher = this::dispatch;

    /**
     * @param viewers the viewers shown (the live list)
     * @param closed  whether the viewers are closed (keys then go to ImageJ)
     */
    ViewerKeyHook(List<SeriesViewer> viewers, BooleanSupplier closed) {
        this.viewers = viewers;
        this.closed = closed;
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
        if (h == null || closed.getAsBoolean() || e.getID() != KeyEvent.KEY_PRESSED || e.getComponent() == null) return false;
        Window w = e.getComponent() instanceof Window win ? win : javax.swing.SwingUtilities.getWindowAncestor(e.getComponent());
        if (w == null || viewers.stream().noneMatch(v -> v.image().getWindow() == w)) return false;
        if (!h.test(e)) return false;
        e.consume();
        return true;
    }
}
