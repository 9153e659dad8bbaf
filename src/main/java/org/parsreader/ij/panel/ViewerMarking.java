package org.parsreader.ij.panel;

import ij.gui.ImageCanvas;
import java.awt.Cursor;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.event.MouseMotionListener;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.parsreader.reading.ReadingSession;

/**
 * Level-marking mode ({@link CaseViewers#beginMarkLevel}): the next click on any viewer marks the
 * level at the clicked point in that series' frame of reference, Esc cancels, and while marking
 * ImageJ's own mouse handling is taken from the canvases. Holds the listeners this needs on each
 * viewer's canvas (which also pass the mouse's moves on, for the linked cursor).
 */
final class ViewerMarking {
    private final ReadingSession session;
    private final List<SeriesViewer> viewers;
    private final List<CaseViewers.Listener> listeners;
    private final Consumer<String> status;
    private final Runnable repaint;
    private final BiConsumer<SeriesViewer, MouseEvent> mouseMoved;
    private final Map<SeriesViewer, CanvasHooks> hooks = new HashMap<>();
    private volatile String marking;

    /**
     * @param viewers    the viewers shown (the live list)
     * @param listeners  the viewers' listeners (the live list): told when marking starts and ends, and each level marked
     * @param status     told what to click, and what was marked
     * @param repaint    redraws the overlays after a mark
     * @param mouseMoved told every move of the mouse on a viewer's canvas
     */
    ViewerMarking(ReadingSession session, List<SeriesViewer> viewers, List<CaseViewers.Listener> listeners, Consumer<String> status,
            Runnable repaint, BiConsumer<SeriesViewer, MouseEvent> mouseMoved) {
        this.session = session;
        this.viewers = viewers;
        this.listeners = listeners;
        this.status = status;
        this.repaint = repaint;
        this.mouseMoved = mouseMoved;
    }

    /**
     * Starts marking {@code level}; any thread.
     *
     * @throws IllegalArgumentException if the template has no such level
     */
    void begin(String level) {
        if (!session.template().allLevels().contains(level)) {
            throw new IllegalArgumentException("level '" + level + "' is not one of " + session.template().allLevels());
        }
        CaseViewers.onEdt(() -> {
            end();
            if (viewers.isEmpty()) {
                status.accept("no viewer is open to mark " + level + " on; Show series opens them again");
                return;
            }
            marking = level;
            for (SeriesViewer v : viewers) {
                CanvasHooks h = hooks.get(v);
                if (h != null) h.takeClicks();
            }
            status.accept("Click the centre of the " + level + " vertebral body on any series (Esc cancels)");
            for (CaseViewers.Listener l : listeners) l.marking(level);
        });
    }

    /** Leaves marking mode without marking; any thread. */
    void cancel() {
        CaseViewers.onEdt(() -> {
            if (marking == null) return;
            String was = marking;
            end();
            status.accept("marking " + was + " cancelled");
        });
    }

    /** The level the next click marks, if marking. */
    Optional<String> level() {
        return Optional.ofNullable(marking);
    }

    /** A click in marking mode. */
    private void clicked(SeriesViewer v, MouseEvent e) {
        String level = marking;
        if (level == null) return;
        double[] p = v.patientAt(e.getX(), e.getY());
        end(v);
        try {
            if (ActiveSession.get().orElse(null) == session) {
                // the reading core's command path: the same change as the macro, and the Recorder records it
                ReadingCommand.perform("mark-level", String.format(Locale.ROOT, "level=%s series=%s point=%.3f,%.3f,%.3f",
                        level, v.stack().id(), p[0], p[1], p[2]));
            } else {
                session.markLevel(level, v.volume(), p);
            }
        } catch (java.io.IOException | RuntimeException ex) {
            status.accept("could not mark " + level + ": " + ex.getMessage());
            return;
        }
        status.accept(String.format(Locale.ROOT, "%s marked on %s at (%.1f, %.1f, %.1f) mm", level, v.stack().series().description(), p[0], p[1], p[2]));
        for (CaseViewers.Listener l : listeners) l.levelMarked(level, v, p.clone());
        repaint.run();
    }

    /** Leaves marking mode (event dispatch thread). */
    void end() {
        end(null);
    }

    /** Leaves marking mode; {@code clickedOn}'s canvas gets its clicks back only after the button is released. */
    private void end(SeriesViewer clickedOn) {
        boolean was = marking != null;
        marking = null;
        for (Map.Entry<SeriesViewer, CanvasHooks> h : hooks.entrySet()) {
            if (h.getKey() == clickedOn) h.getValue().giveBackOnRelease = true;
            else h.getValue().giveClicksBack();
        }
        if (was) for (CaseViewers.Listener l : listeners) l.marking(null);
    }

    /** Hooks onto {@code v}'s canvas (taking its clicks at once while marking). Event dispatch thread. */
    void attach(SeriesViewer v) {
        ImageCanvas c = v.image().getCanvas();
        if (c == null) return;
        CanvasHooks h = new CanvasHooks(v, c);
        hooks.put(v, h);
        h.attach();
        if (marking != null) h.takeClicks();
    }

    /** Leaves {@code v}'s canvas as it was. Event dispatch thread. */
    void detach(SeriesViewer v) {
        CanvasHooks h = hooks.remove(v);
        if (h != null) h.detach();
    }

    /** The listeners on one canvas, and ImageJ's own mouse handling taken away while marking. */
    private final class CanvasHooks {
        final SeriesViewer viewer;
        final ImageCanvas canvas;
        final MouseMotionListener motion = new MouseAdapter() {
            @Override
            public void mouseMoved(MouseEvent e) {
                ViewerMarking.this.mouseMoved.accept(viewer, e);
            }
        };
        final MouseListener clicks = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                if (marking != null) clicked(viewer, e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                if (giveBackOnRelease) giveClicksBack();
            }
        };
        final KeyListener escape = new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                if (e.getKeyCode() == KeyEvent.VK_ESCAPE && marking != null) cancel();
            }
        };
        boolean taken;
        /** The marking click was on this canvas: ImageJ gets the mouse back after its release, so it never sees half a click. */
        boolean giveBackOnRelease;
        Cursor cursorBefore;

        CanvasHooks(SeriesViewer viewer, ImageCanvas canvas) {
            this.viewer = viewer;
            this.canvas = canvas;
        }

        void attach() {
            canvas.addMouseMotionListener(motion);
            canvas.addMouseListener(clicks);
            canvas.addKeyListener(escape);
        }

        void detach() {
            giveClicksBack();
            canvas.removeMouseMotionListener(motion);
            canvas.removeMouseListener(clicks);
            canvas.removeKeyListener(escape);
        }

        /** ImageJ's canvas handles its own mouse (tools, zoom); while marking it does not. */
        void takeClicks() {
            giveBackOnRelease = false;
            if (taken) return;
            taken = true;
            canvas.removeMouseListener(canvas);
            canvas.removeMouseMotionListener(canvas);
            cursorBefore = canvas.getCursor();
            canvas.setCursor(Cursor.getPredefinedCursor(Cursor.CROSSHAIR_CURSOR));
        }

        void giveClicksBack() {
            giveBackOnRelease = false;
            if (!taken) return;
            taken = false;
            canvas.addMouseListener(canvas);
            canvas.addMouseMotionListener(canvas);
            canvas.setCursor(cursorBefore != null ? cursorBefore : Cursor.getDefaultCursor());
        }
    }
}
