package org.parsreader.ij.panel;

import ij.gui.ImageCanvas;
import java.awt.event.MouseEvent;

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
final class ReformatMouse extends RightDrag {
    /** Tilt or turn per screen pixel dragged. */
    static final double DEGREES_PER_PIXEL = 0.25;

    private final ReformatViewer viewer;
    private double min0, max0;
    private boolean turning;
    /** Whole degrees already applied in this drag (turn, tilt). */
    private int turned, tilted;

    private ReformatMouse(ReformatViewer viewer, ImageCanvas canvas) {
        super(canvas);
        this.viewer = viewer;
    }

    /** Hooks the mouse onto {@code viewer}'s canvas; returns the hook (for {@link #detach}). */
    static ReformatMouse attach(ReformatViewer viewer) {
        ImageCanvas c = viewer.image().getCanvas();
        if (c == null) return null;
        ReformatMouse m = new ReformatMouse(viewer, c);
        m.attach();
        return m;
    }

    ImageCanvas canvas() {
        return canvas;
    }

    @Override
    void started(MouseEvent e) {
        turning = e.isShiftDown();
        turned = 0;
        tilted = 0;
        min0 = viewer.image().getDisplayRangeMin();
        max0 = viewer.image().getDisplayRangeMax();
    }

    @Override
    void dragged(int dx, int dy) {
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
        double[] r = window(min0, max0, dx, dy);
        viewer.image().setDisplayRange(r[0], r[1]);
        viewer.image().updateAndDraw();
    }
}
