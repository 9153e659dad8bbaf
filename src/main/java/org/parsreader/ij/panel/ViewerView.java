package org.parsreader.ij.panel;

import ij.gui.ImageCanvas;
import ij.gui.ImageWindow;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.swing.Timer;

/**
 * How the reader changes a viewer's view, and what follows:
 * <ul>
 *   <li><b>window/level by right-drag</b> on the image (right: wider window, down: higher level),
 *       as in the usual radiology viewers. ImageJ's tools keep the left button and its modifiers;
 *       a right click without a drag still opens ImageJ's menu (or closes a polygon being drawn),
 *       and ImageJ's own Image &gt; Adjust &gt; Window/Level keeps working (its changes show in the
 *       W/L text);</li>
 *   <li><b>linked zoom and pan</b>: when linked, zooming or panning one viewer (ImageJ's +/- keys,
 *       magnifier, scroll tool) zooms the others of the same frame of reference by the same factor,
 *       centred on the same patient point;</li>
 *   <li><b>maximise / restore</b> of the active viewer (F11, which ImageJ leaves free) to the whole
 *       viewers' area;</li>
 *   <li>the viewer conventions ({@link ViewerAnnotations}) rebuilt whenever the view changed.</li>
 * </ul>
 * A view change ImageJ makes itself fires no event, so a light timer (10 per second, comparing a
 * few numbers per viewer) looks for it. Event dispatch thread.
 */
final class ViewerView {
    /** How often the views are compared, ms. */
    static final int POLL_MS = 100;
    /** A right press moved less than this (screen px) is a click, not a drag. */
    static final int CLICK_SLOP = 3;

    private final List<SeriesViewer> viewers;
    private final BooleanSupplier linked;
    private final Supplier<Rectangle> area;
    private final Map<SeriesViewer, Hooks> hooks = new HashMap<>();
    /** The zoom and visible part each viewer had when last looked at. */
    private final Map<SeriesViewer, View> known = new HashMap<>();
    private final Timer timer = new Timer(POLL_MS, e -> poll());
    private final java.util.function.Consumer<SeriesViewer> labelsFollowZoom;
    /** Told every zoom or pan a linked series made: {@code from}, the zoom factor, the patient point in the middle of its view. */
    private volatile ZoomListener zoomListener;

    /** Told a linked series' zoom or pan (the reformats follow it). */
    interface ZoomListener {
        void zoomed(SeriesViewer from, double factor, double[] centre);
    }
    /** The image whose window is maximised (an acquired series' or a reformat's), or null. */
    private ij.ImagePlus maximised;
    private Rectangle restoreBounds;

    private record View(double mag, Rectangle src) {}

    /**
     * @param viewers the viewers shown (the live list)
     * @param linked  whether zoom and pan follow across viewers
     * @param area    where a maximised viewer goes
     * @param labelsFollowZoom told each viewer at every look: its labels, sized in image pixels, are redrawn for a new zoom
     */
    ViewerView(List<SeriesViewer> viewers, BooleanSupplier linked, Supplier<Rectangle> area, java.util.function.Consumer<SeriesViewer> labelsFollowZoom) {
        this.viewers = viewers;
        this.linked = linked;
        this.area = area;
        this.labelsFollowZoom = labelsFollowZoom;
        timer.setCoalesce(true);
    }

    void setZoomListener(ZoomListener l) {
        zoomListener = l;
    }

    /** {@code v}'s view was changed by another viewer following a zoom (a reformat's): seen, not followed again. */
    void seen(SeriesViewer v) {
        known.put(v, view(v));
        v.refreshAnnotations();
    }

    void start() {
        for (SeriesViewer v : viewers) known.put(v, view(v));
        timer.start();
    }

    void stop() {
        timer.stop();
        for (SeriesViewer v : List.copyOf(hooks.keySet())) detach(v);
    }

    /** Hooks the window/level drag onto {@code v}'s canvas. */
    void attach(SeriesViewer v) {
        ImageCanvas c = v.image().getCanvas();
        if (c == null || hooks.containsKey(v)) return;
        Hooks h = new Hooks(v, c);
        h.attach();
        hooks.put(v, h);
        known.put(v, view(v));
    }

    void detach(SeriesViewer v) {
        Hooks h = hooks.remove(v);
        known.remove(v);
        if (v.image() == maximised) maximised = null;
        if (h == null) return;
        h.detach();
    }

    /** Compares every view with the last one seen: conventions redrawn, a zoom or pan followed by the linked viewers. */
    void poll() {
        for (SeriesViewer v : viewers) {
            if (v.image().getWindow() == null) continue;
            View now = view(v), was = known.get(v);
            known.put(v, now);
            if (was != null && now != null && !now.equals(was) && linked.getAsBoolean()) follow(v, was, now);
            v.refreshAnnotations();
            // whatever changed the zoom (a tiling, maximise, a key): before, the labels followed only on a mouse move over the viewer
            labelsFollowZoom.accept(v);
        }
    }

    /** {@code from} was zoomed or panned from {@code was} to {@code now}: the others of its frame follow. */
    private void follow(SeriesViewer from, View was, View now) {
        String frame = from.volume().frameOfReferenceUid();
        if (frame == null || frame.isEmpty()) return;
        double factor = now.mag() / was.mag();
        double[] centre = from.volume().geometry().toPatient(now.src().getCenterX() - 0.5, now.src().getCenterY() - 0.5, from.image().getCurrentSlice() - 1);
        for (SeriesViewer o : viewers) {
            if (o == from || !frame.equals(o.volume().frameOfReferenceUid()) || o.image().getCanvas() == null) continue;
            double[] ijk = o.volume().geometry().toVoxel(centre[0], centre[1], centre[2]);
            o.zoomTo(o.magnification() * factor, ijk[0], ijk[1]);
            known.put(o, view(o));
            o.refreshAnnotations();
        }
        ZoomListener l = zoomListener;
        if (l != null) l.zoomed(from, factor, centre);
    }

    private static View view(SeriesViewer v) {
        ImageCanvas c = v.image().getCanvas();
        return c == null ? null : new View(c.getMagnification(), new Rectangle(c.getSrcRect()));
    }

    /** Maximises {@code imp}'s window (a series' or a reformat's) to the viewers' area, or puts it back where it was. */
    void toggleMaximised(ij.ImagePlus imp) {
        ImageWindow w = imp.getWindow();
        if (w == null) return;
        if (maximised == imp && restoreBounds != null) {
            Rectangle r = restoreBounds;
            maximised = null;
            restoreBounds = null;
            ViewerTiling.fit(w, r, null);
        } else {
            if (maximised != null && maximised != imp) toggleMaximised(maximised);
            restoreBounds = ViewerTiling.tileOf(w); // (its tile, not bounds the X server may not have confirmed)
            maximised = imp;
            Rectangle a = area.get();
            w.setLocationAndSize(a.x, a.y, a.width, a.height);
            ViewerTiling.placed(w, a); // (a reformat turned while maximised stays maximised)
            w.toFront();
        }
        for (SeriesViewer v : viewers) {
            if (v.image() != imp) continue;
            known.put(v, view(v));
            v.refreshAnnotations();
        }
    }

    /** Maximises {@code v}'s window to the viewers' area, or puts it back where it was. */
    void toggleMaximised(SeriesViewer v) {
        toggleMaximised(v.image());
    }

    /** The image maximised now (a series' or a reformat's), if any. */
    ij.ImagePlus maximisedImage() {
        return maximised;
    }

    /** The series viewer maximised now, if any. */
    SeriesViewer maximised() {
        for (SeriesViewer v : viewers) if (v.image() == maximised) return v;
        return null;
    }

    /** The mouse on one canvas: right-drag sets the window and level. */
    private static final class Hooks extends RightDrag {
        private final SeriesViewer viewer;
        private double min0, max0;

        Hooks(SeriesViewer viewer, ImageCanvas canvas) {
            super(canvas);
            this.viewer = viewer;
        }

        @Override
        void started(MouseEvent e) {
            min0 = viewer.image().getDisplayRangeMin();
            max0 = viewer.image().getDisplayRangeMax();
        }

        @Override
        void dragged(int dx, int dy) {
            double[] r = window(min0, max0, dx, dy);
            viewer.setWindow(r[0], r[1]);
        }
    }
}
