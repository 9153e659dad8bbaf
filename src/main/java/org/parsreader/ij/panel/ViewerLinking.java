package org.parsreader.ij.panel;

import ij.gui.ImageCanvas;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.parsreader.reading.PointMapper;

/**
 * Linked viewers ({@link CaseViewers#setLinked}): moving the mouse or scrolling on one series
 * shows the same patient point on the others (slice and a shared cursor), through patient
 * coordinates in one frame of reference, else through the levels ({@link PointMapper}). Event
 * dispatch thread, but for {@link #isLinked}.
 */
final class ViewerLinking {
    private final PointMapper mapper;
    private final List<SeriesViewer> viewers;
    private final Consumer<String> status;
    private final BooleanSupplier marking;
    private final BooleanSupplier closed;
    private final Consumer<SeriesViewer> repaintIfZoomed;
    private volatile boolean linked = true;
    /** Why a viewer last could not follow, said once until it can again. */
    private final Map<SeriesViewer, String> lastReason = new HashMap<>();

    /**
     * @param viewers         the viewers shown (the live list)
     * @param status          told when a viewer cannot follow, and why
     * @param marking         whether a level is being marked (the mouse then does not move the others)
     * @param closed          whether the viewers are closed
     * @param repaintIfZoomed told the viewer under the mouse (its labels follow its zoom)
     */
    ViewerLinking(PointMapper mapper, List<SeriesViewer> viewers, Consumer<String> status, BooleanSupplier marking, BooleanSupplier closed,
            Consumer<SeriesViewer> repaintIfZoomed) {
        this.mapper = mapper;
        this.viewers = viewers;
        this.status = status;
        this.marking = marking;
        this.closed = closed;
        this.repaintIfZoomed = repaintIfZoomed;
    }

    /** Links (or unlinks) scrolling and the shared cursor; any thread. */
    void setLinked(boolean on) {
        linked = on;
        CaseViewers.onEdt(() -> {
            if (!on) for (SeriesViewer v : viewers) v.setCursor(List.of());
            status.accept(on ? "series linked" : "series not linked");
        });
    }

    boolean isLinked() {
        return linked;
    }

    /** Mouse moved on {@code v}: the shared cursor. */
    void mouseMoved(SeriesViewer v, MouseEvent e) {
        ImageCanvas c = v.image().getCanvas();
        if (c == null) return;
        v.lastMouse = new double[] {c.offScreenXD(e.getX()) - 0.5, c.offScreenYD(e.getY()) - 0.5};
        repaintIfZoomed.accept(v);
        if (!linked || marking.getAsBoolean()) return;
        syncFrom(v, v.patientAt(e.getX(), e.getY()), true);
    }

    /** A slice change on {@code v}: ours (ignored), or the reader's scroll (followed by the others when linked). */
    void sliceMaybeChanged(SeriesViewer v) {
        if (closed.getAsBoolean() || !viewers.contains(v)) return;
        v.refreshAnnotations();
        int now = v.image().getCurrentSlice();
        if (now == v.knownSlice) return;
        v.knownSlice = now;
        if (!linked) return;
        double[] ij = v.lastMouse != null ? v.lastMouse : new double[] {(v.volume().width() - 1) / 2.0, (v.volume().height() - 1) / 2.0};
        syncFrom(v, v.volume().geometry().toPatient(ij[0], ij[1], now - 1), true);
    }

    /** Shows patient point {@code p} of {@code from} on every other series (slice, and the cursor when asked); returns those that could. */
    List<SeriesViewer> syncFrom(SeriesViewer from, double[] p, boolean cursor) {
        List<SeriesViewer> shown = new ArrayList<>();
        from.setCursor(List.of());
        for (SeriesViewer v : viewers) {
            if (v == from) continue;
            PointMapper.Mapped m = mapper.map(p, from.volume(), v.volume());
            Optional<double[]> ijk = m.found() ? v.voxelOf(m.point()) : Optional.empty();
            if (ijk.isEmpty()) {
                v.setCursor(List.of());
                String why = m.found() ? "outside " + v.stack().series().description() : m.reason();
                if (!why.equals(lastReason.put(v, why)) && !m.found()) status.accept(v.stack().series().description() + ": " + why);
                continue;
            }
            lastReason.remove(v);
            double[] at = ijk.get();
            int slice = v.showSlice(at);
            if (cursor) v.setCursor(OverlayPainter.cursor(at[0], at[1], slice));
            shown.add(v);
        }
        return shown;
    }

    /** {@code v}'s window was closed. */
    void forget(SeriesViewer v) {
        lastReason.remove(v);
    }
}
