package org.parsreader.ij.panel;

import ij.gui.ImageCanvas;
import java.awt.event.InputEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.SwingUtilities;
import org.parsreader.volume.ViewerConventions;

/**
 * The mouse on a {@link ReformatViewer}'s canvas, with the right button only (ImageJ's tools keep
 * the left button and its modifiers, as on the series, {@link ViewerView}):
 * <ul>
 *   <li><b>right-drag</b>: window/level, as on the series (right: wider window, down: higher level);</li>
 *   <li><b>Shift + right-drag</b>: turns the plane about the cranio-caudal axis (left/right) and
 *       tilts it cranio-caudally (up/down), {@value #DEGREES_PER_PIXEL} degree per screen pixel, in
 *       whole degrees, about the pars point (which stays in the plane), as Shift+arrows do by 2 degrees;</li>
 *   <li>a right click without a drag: ImageJ's own (its menu, or a polygon being drawn closed).</li>
 * </ul>
 * Shifting the plane along its normal stays ImageJ's wheel and slider (the viewer's stack is the
 * parallel planes) and the {@code [} {@code ]} keys. Event dispatch thread.
 */
final class ReformatMouse extends MouseAdapter {
    /** Tilt or turn per screen pixel dragged. */
    static final double DEGREES_PER_PIXEL = 0.25;

    private final ReformatViewer viewer;
    private final ImageCanvas canvas;
    private int x0, y0;
    private double min0, max0;
    private boolean pressed, dragged, turning;
    /** Whole degrees already applied in this drag (turn, tilt). */
    private int turned, tilted;

    private ReformatMouse(ReformatViewer viewer, ImageCanvas canvas) {
        this.viewer = viewer;
        this.canvas = canvas;
    }

    /** Hooks the mouse onto {@code viewer}'s canvas; returns the hook (for {@link #detach}). */
    static ReformatMouse attach(ReformatViewer viewer) {
        ImageCanvas c = viewer.image().getCanvas();
        if (c == null) return null;
        ReformatMouse m = new ReformatMouse(viewer, c);
        c.disablePopupMenu(true); // our release shows it when the right press was a click
        c.addMouseListener(m);
        c.addMouseMotionListener(m);
        return m;
    }

    ImageCanvas canvas() {
        return canvas;
    }

    void detach() {
        canvas.removeMouseListener(this);
        canvas.removeMouseMotionListener(this);
        canvas.disablePopupMenu(false);
    }

    @Override
    public void mousePressed(MouseEvent e) {
        if (!SwingUtilities.isRightMouseButton(e)) return;
        pressed = true;
        dragged = false;
        turning = e.isShiftDown();
        turned = 0;
        tilted = 0;
        x0 = e.getX();
        y0 = e.getY();
        min0 = viewer.image().getDisplayRangeMin();
        max0 = viewer.image().getDisplayRangeMax();
    }

    @Override
    public void mouseDragged(MouseEvent e) {
        if (!pressed) return;
        int dx = e.getX() - x0, dy = e.getY() - y0;
        if (!dragged && Math.abs(dx) + Math.abs(dy) < ViewerView.CLICK_SLOP) return;
        dragged = true;
        if (turning) {
            // whole degrees, so a slow drag does not recompute the plane for every pixel
            int turn = (int) (-dx * DEGREES_PER_PIXEL), tilt = (int) (-dy * DEGREES_PER_PIXEL);
            try {
                if (turn != turned) viewer.turn(turn - turned);
                if (tilt != tilted) viewer.tilt(tilt - tilted);
            } catch (IllegalArgumentException outside) {
                ij.IJ.showStatus(outside.getMessage());
                return;
            }
            turned = turn;
            tilted = tilt;
            return;
        }
        double perPixel = Math.max(1e-3, (max0 - min0) / 200);
        double[] r = ViewerConventions.dragWindow(min0, max0, dx, dy, perPixel);
        viewer.image().setDisplayRange(r[0], r[1]);
        viewer.image().updateAndDraw();
    }

    @Override
    public void mouseReleased(MouseEvent e) {
        if (!pressed) return;
        pressed = false;
        if (dragged) return;
        canvas.disablePopupMenu(false);
        try {
            canvas.mousePressed(new MouseEvent(canvas, MouseEvent.MOUSE_PRESSED, e.getWhen(), e.getModifiersEx() | InputEvent.BUTTON3_DOWN_MASK,
                    e.getX(), e.getY(), 1, true, MouseEvent.BUTTON3));
        } finally {
            canvas.disablePopupMenu(true);
        }
    }
}
