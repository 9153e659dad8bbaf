package org.parsreader.ij.panel;

import ij.gui.ImageCanvas;
import java.awt.event.InputEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.SwingUtilities;
import org.parsreader.volume.ViewerConventions;

/**
 * The right button on a viewer's canvas as the viewers radiologists know use it: a drag is the
 * viewer's ({@link #dragged}: window/level on a series and a reformat, turn and tilt with Shift
 * on a reformat), a click without a drag stays ImageJ's own (its menu, or a polygon being drawn
 * closed). The canvas's popup is held back while attached ({@code disablePopupMenu}) and given
 * back to it on a release that was a click. ImageJ's tools keep the left button. Event dispatch thread.
 */
abstract class RightDrag extends MouseAdapter {
    final ImageCanvas canvas;
    private int x0, y0;
    private boolean pressed, dragged;

    RightDrag(ImageCanvas canvas) {
        this.canvas = canvas;
    }

    /** The right button went down: remember what a drag starts from. */
    abstract void started(MouseEvent e);

    /** The pointer is {@code dx}, {@code dy} screen pixels from where the button went down (past the click slop). */
    abstract void dragged(int dx, int dy);

    /** Listens on the canvas, its popup held back for {@link #mouseReleased}. */
    void attach() {
        canvas.disablePopupMenu(true);
        canvas.addMouseListener(this);
        canvas.addMouseMotionListener(this);
    }

    void detach() {
        canvas.removeMouseListener(this);
        canvas.removeMouseMotionListener(this);
        canvas.disablePopupMenu(false);
    }

    @Override
    public final void mousePressed(MouseEvent e) {
        if (!SwingUtilities.isRightMouseButton(e)) return;
        pressed = true;
        dragged = false;
        x0 = e.getX();
        y0 = e.getY();
        started(e);
    }

    @Override
    public final void mouseDragged(MouseEvent e) {
        if (!pressed) return;
        int dx = e.getX() - x0, dy = e.getY() - y0;
        if (!dragged && Math.abs(dx) + Math.abs(dy) < ViewerView.CLICK_SLOP) return;
        dragged = true;
        dragged(dx, dy);
    }

    @Override
    public final void mouseReleased(MouseEvent e) {
        if (!pressed) return;
        pressed = false;
        if (dragged) return;
        // a right click: ImageJ's own, held back while the button was down to keep the drag
        canvas.disablePopupMenu(false);
        try {
            canvas.mousePressed(new MouseEvent(canvas, MouseEvent.MOUSE_PRESSED, e.getWhen(), e.getModifiersEx() | InputEvent.BUTTON3_DOWN_MASK,
                    e.getX(), e.getY(), 1, true, MouseEvent.BUTTON3));
        } finally {
            canvas.disablePopupMenu(true);
        }
    }

    /**
     * The display range after a drag of {@code dx}, {@code dy} from {@code min0..max0}: a
     * full-width drag changes the window by about twice its width (fine near, quick far).
     */
    static double[] window(double min0, double max0, int dx, int dy) {
        double perPixel = Math.max(1e-3, (max0 - min0) / 200);
        return ViewerConventions.dragWindow(min0, max0, dx, dy, perPixel);
    }
}
