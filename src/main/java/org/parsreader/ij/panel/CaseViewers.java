package org.parsreader.ij.panel;

import ij.IJ;
import ij.ImageListener;
import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.ImageWindow;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.event.MouseMotionListener;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.parsreader.dicom.ImageStack;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.Side;
import org.parsreader.reading.PointMapper;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.WindowPreset;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.ImageJViews;
import org.parsreader.volume.Volume;

/**
 * The image side of the reading panel: one ImageJ window per series of a {@link ReadingSession},
 * tiled beside the panel, with
 * <ul>
 *   <li>window presets ({@link WindowPreset}): each series opens in its modality's default,
 *       {@link #preset} switches;</li>
 *   <li>overlays repainted on every change of the session: the vertebral levels (marked and
 *       proposed) on every series of their frame of reference, and every saved ROI in its
 *       tool's colour on the slices it lies on;</li>
 *   <li>{@link #goTo}: "go to L5 left pars" on every series, through the levels
 *       ({@link PointMapper}) where a series is in another frame of reference;</li>
 *   <li>linked scrolling and a shared cursor ({@link #setLinked}): moving the mouse or
 *       scrolling on one series shows the same patient point on the others;</li>
 *   <li>level marking ({@link #beginMarkLevel}): the next click on any series marks the level
 *       there (in that series' frame of reference).</li>
 * </ul>
 *
 * <p>Every public method may be called from any thread; the work is done on the event
 * dispatch thread. Closing removes every listener this class added (on the session, on
 * ImageJ, on the canvases) and closes the windows. The viewers register themselves as the
 * {@link ActiveSession#setViews view actions} while open (unless another case is the active one).
 *
 * <pre>{@code
 * CaseViewers v = CaseViewers.open(session);   // T2, STIR, post-contrast CT, needle check
 * v.beginMarkLevel("L5");                      // the reader clicks the L5 body on the T2
 * v.goTo("L5", Side.LEFT);
 * v.preset("ct-soft");
 * v.close();
 * }</pre>
 */
public final class CaseViewers implements ActiveSession.ViewActions, AutoCloseable {
    /** What the viewers tell the panel. Called on the event dispatch thread. */
    public interface Listener {
        /** A line for the panel's status bar ("L5 marked on T2 TSE SAG", "mark L5 on Post contrast first"). */
        default void status(String message) {}

        /** The reader clicked a level in marking mode and it was marked. */
        default void levelMarked(String level, SeriesViewer on, double[] point) {}

        /** Marking mode started ({@code level}) or ended ({@code null}). */
        default void marking(String level) {}

        /** The viewers were closed. */
        default void closed() {}

        /**
         * The reader closed a viewer's window (Ctrl+W, its close box) or {@link #reopen} brought the
         * missing ones back: {@code missing} are the descriptions of the series not shown now.
         */
        default void viewersChanged(List<String> missing) {}
    }

    /** ImagePlus property: the stack id, as Open Study sets it. */
    static final String STACK_PROPERTY = "ParsReader.StackId";

    private final ReadingSession session;
    private final PointMapper mapper;
    /** The series opened, in tile order: a window the reader closed can be {@link #reopen reopened}. */
    private final List<ImageStack> stacks;
    private final List<SeriesViewer> viewers = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<SeriesViewer, CanvasHooks> hooks = new HashMap<>();
    private final ReadingSession.Listener sessionListener = this::sessionChanged;
    private final ImageListener imageListener = new ImageListener() {
        @Override
        public void imageOpened(ImagePlus imp) {}

        @Override
        public void imageClosed(ImagePlus imp) {
            find(imp).ifPresent(v -> later(() -> forget(v)));
        }

        @Override
        public void imageUpdated(ImagePlus imp) {
            find(imp).ifPresent(v -> later(() -> sliceMaybeChanged(v)));
        }
    };
    /**
     * The panel's keys pressed on a viewer: taken before ImageJ sees them (a KeyListener would run
     * after ImageJ's own, which takes Enter to bring its bar to the front and Alt+letter as the
     * letter's menu shortcut, so both would act). Only events of these viewers' windows are offered.
     */
    private volatile Predicate<KeyEvent> keyHandler;
    private final KeyEventDispatcher keys = this::dispatchKey;
    private volatile boolean linked = true;
    private volatile String marking;
    private volatile String status = "";
    private volatile boolean closed;
    private final Map<SeriesViewer, String> lastReason = new HashMap<>();

    private CaseViewers(ReadingSession session, List<SeriesViewer> viewers) {
        this.session = session;
        this.mapper = PointMapper.of(session);
        this.viewers.addAll(viewers);
        this.stacks = viewers.stream().map(SeriesViewer::stack).toList();
    }

    // ---------------------------------------------------------------- opening

    /** Opens the series of the session's plan (T2, edema, CT, CT baseline; the missing ones left out), tiled beside the panel. */
    public static CaseViewers open(ReadingSession session) {
        return open(session, session.plan().shown(), null);
    }

    /** Opens {@code stacks} of the session, tiled beside the panel. */
    public static CaseViewers open(ReadingSession session, List<ImageStack> stacks) {
        return open(session, stacks, null);
    }

    /**
     * Opens {@code stacks} (loading their volumes through the session), each in its own window
     * with its modality's default window preset, tiled in {@code area} (null: the screen right of
     * a {@value ViewerLayout#PANEL_WIDTH} px panel, clear of ImageJ's bar, see
     * {@link ViewerLayout#arrange}). Call it off the event dispatch thread when you can: loading
     * takes a moment.
     *
     * @throws java.awt.HeadlessException without a display
     */
    public static CaseViewers open(ReadingSession session, List<ImageStack> stacks, Rectangle area) {
        if (GraphicsEnvironment.isHeadless()) throw new java.awt.HeadlessException("the case viewers need a display");
        if (stacks.isEmpty()) throw new IllegalArgumentException("no series to show");
        List<SeriesViewer> vs = new ArrayList<>();
        for (ImageStack st : stacks) vs.add(viewer(session, st));
        CaseViewers cv = new CaseViewers(session, vs);
        // listen first: a change made while the windows open is repainted, not missed
        session.addListener(cv.sessionListener);
        ImagePlus.addImageListener(cv.imageListener);
        try {
            for (SeriesViewer sv : vs) sv.image().show();
            onEdt(() -> {
                KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(cv.keys);
                cv.layoutNow(area == null ? defaultArea() : area);
                for (SeriesViewer sv : cv.viewers) cv.attach(sv);
                cv.repaintNow();
            });
        } catch (RuntimeException | Error e) {
            cv.close(); // no window or listener left behind
            throw e;
        }
        // the macros' view actions act on the active case: register unless another case is the active one
        if (ActiveSession.get().map(a -> a == session).orElse(true)) ActiveSession.setViews(cv);
        return cv;
    }

    private static SeriesViewer viewer(ReadingSession session, ImageStack st) {
        Volume v = session.volume(st, ProgressListener.NONE);
        SeriesViewer sv = new SeriesViewer(st, v, image(session, st, v));
        sv.applyPreset(WindowPreset.defaultFor(st.modality()));
        return sv;
    }

    /**
     * The viewers' area on this screen: right of the panel and clear of ImageJ's bar. When the bar
     * sits in the middle of that area it is moved once to its top ({@link ViewerLayout#arrange}).
     * Call on the event dispatch thread.
     */
    static Rectangle defaultArea() {
        ViewerLayout.Arrangement a = ViewerLayout.arrange();
        ij.ImageJ ij = IJ.getInstance();
        if (a.moveBarTo() != null && ij != null) ij.setLocation(a.moveBarTo());
        return a.viewers();
    }

    /**
     * The image of one series, as Open Study makes it (calibrated; the {@link Volume} in property
     * {@code ParsReader.Volume}; each slice's DICOM header for Image &gt; Show Info), with the
     * session's title and header text: without identity, dates and file names when blinded.
     */
    static ImagePlus image(ReadingSession s, ImageStack st, Volume v) {
        ImagePlus imp = ImageJViews.toImagePlus(v, k -> s.headerText(v, k));
        if (s.blinded()) {
            // ImageJ shows a slice label's first line (the file name, which may carry a name): number the slices instead
            int n = imp.getStackSize();
            for (int k = 1; k <= n; k++) {
                String label = imp.getStack().getSliceLabel(k);
                int nl = label == null ? -1 : label.indexOf('\n');
                // (an unreadable slice's problem names its file, so blinded it only says so)
                String first = (v.isValidSlice(k - 1) ? "slice " : "UNREADABLE slice ") + k + "/" + n;
                imp.getStack().setSliceLabel(nl < 0 ? first : first + label.substring(nl), k);
            }
        }
        imp.setTitle(title(s, st));
        imp.setProperty(STACK_PROPERTY, st.id());
        imp.setProperty(org.parsreader.ij.OpenStudyCommand.VOLUME_PROPERTY, v);
        return imp;
    }

    /** The window title ({@link ReadingSession#seriesTitle}): "pseudonym - description (series n)" when blinded. */
    public static String title(ReadingSession s, ImageStack st) {
        return s.seriesTitle(st);
    }

    // ---------------------------------------------------------------- the API

    /** The images shown, in tile order. */
    public List<ImagePlus> images() {
        return viewers.stream().map(SeriesViewer::image).toList();
    }

    /** The viewers, in tile order. */
    public List<SeriesViewer> viewers() {
        return List.copyOf(viewers);
    }

    /** The viewer showing {@code imp}, if it is one of these. */
    public Optional<SeriesViewer> find(ImagePlus imp) {
        for (SeriesViewer v : viewers) if (v.image() == imp) return Optional.of(v);
        return Optional.empty();
    }

    /** The viewer of the series with this description ("STIR SAG") or stack id. */
    public Optional<SeriesViewer> find(String descriptionOrStackId) {
        for (SeriesViewer v : viewers) {
            if (v.stack().id().equals(descriptionOrStackId) || descriptionOrStackId.equals(v.stack().series().description())) return Optional.of(v);
        }
        return Optional.empty();
    }

    public ReadingSession session() { return session; }

    /** The last status line. */
    public String status() { return status; }

    public void addListener(Listener l) { listeners.add(l); }

    public void removeListener(Listener l) { listeners.remove(l); }

    /**
     * Shows {@code level} on every series (its vertebral body centre; with a side, that side's
     * pars: the reader's pars ROI, else estimated from the level), slice set and a marker drawn.
     * A series in another frame of reference uses its own marks, else gets the point through
     * the levels. Returns true if at least one series shows it; {@link #status()} names the
     * series that could not, and why.
     */
    @Override
    public boolean goTo(String level, Side side) {
        return onEdt(() -> goToNow(level, side));
    }

    /**
     * Applies window preset {@code id} ({@code ct-bone}, {@code ct-soft}, {@code mr-auto}) to
     * every series it applies to (the CT presets to CT only).
     *
     * @throws IllegalArgumentException for an unknown id
     */
    @Override
    public void preset(String id) {
        WindowPreset p = WindowPreset.require(id);
        onEdt(() -> {
            int n = 0;
            for (SeriesViewer v : viewers) if (v.applyPreset(p)) n++;
            status(n == 0 ? p.label() + " applies to none of the series shown" : p.label() + " on " + n + " series");
        });
    }

    /** Applies preset {@code id} to one image; false when it does not apply to that series. */
    public boolean preset(ImagePlus imp, String id) {
        WindowPreset p = WindowPreset.require(id);
        SeriesViewer v = find(imp).orElseThrow(() -> new IllegalArgumentException("'" + imp.getTitle() + "' is not one of the case viewers"));
        return onEdt(() -> v.applyPreset(p));
    }

    /**
     * Level-marking mode: the next click on any series marks {@code level} at the clicked point
     * (in that series' frame of reference); Esc cancels. When the session is the
     * {@link ActiveSession active} one the mark goes through {@code Reading Mark Level...} (so the
     * macro Recorder records it, with the series and the point in mm), else straight through the session. While marking, a
     * click does nothing else (no selection, no zoom).
     *
     * @throws IllegalArgumentException if the template has no such level
     */
    public void beginMarkLevel(String level) {
        if (!session.template().allLevels().contains(level)) {
            throw new IllegalArgumentException("level '" + level + "' is not one of " + session.template().allLevels());
        }
        onEdt(() -> {
            endMarking();
            if (viewers.isEmpty()) {
                status("no viewer is open to mark " + level + " on; Show series opens them again");
                return;
            }
            marking = level;
            for (SeriesViewer v : viewers) {
                CanvasHooks h = hooks.get(v);
                if (h != null) h.takeClicks();
            }
            status("Click the centre of the " + level + " vertebral body on any series (Esc cancels)");
            for (Listener l : listeners) l.marking(level);
        });
    }

    /** Leaves level-marking mode without marking. */
    public void cancelMarkLevel() {
        onEdt(() -> {
            if (marking == null) return;
            String was = marking;
            endMarking();
            status("marking " + was + " cancelled");
        });
    }

    /** The level the next click marks, if marking. */
    public Optional<String> markingLevel() {
        return Optional.ofNullable(marking);
    }

    /** Links (or unlinks) scrolling and the shared cursor between the series. */
    public void setLinked(boolean on) {
        linked = on;
        onEdt(() -> {
            if (!on) for (SeriesViewer v : viewers) v.setCursor(List.of());
            status(on ? "series linked" : "series not linked");
        });
    }

    public boolean isLinked() { return linked; }

    /**
     * Shows patient point {@code p} of {@code from} on every other series (slice and cursor),
     * as moving the mouse there does when linked. Returns the viewers that could show it.
     */
    public List<SeriesViewer> showPoint(SeriesViewer from, double[] p) {
        return onEdt(() -> syncFrom(from, p, true));
    }

    /** Tiles the windows in {@code area}. */
    public void layout(Rectangle area) {
        onEdt(() -> layoutNow(area));
    }

    /** Tiles the windows again in the default area (right of the panel, clear of ImageJ's bar). */
    public void layout() {
        onEdt(() -> layoutNow(defaultArea()));
    }

    /** The series opened whose window the reader has closed since (Ctrl+W, the close box), in tile order. */
    public List<ImageStack> missing() {
        List<ImageStack> out = new ArrayList<>();
        for (ImageStack st : stacks) if (viewers.stream().noneMatch(v -> v.stack() == st)) out.add(st);
        return out;
    }

    /**
     * Opens again the windows the reader closed (with their default window preset, overlays and
     * hooks, marking included) and tiles all of them again; returns how many were reopened. Loads
     * volumes only if the session dropped them: call off the event dispatch thread when you can.
     */
    public int reopen() {
        if (closed) throw new IllegalStateException("the viewers of " + session.pseudonym() + " are closed");
        List<SeriesViewer> fresh = new ArrayList<>();
        for (ImageStack st : missing()) fresh.add(viewer(session, st));
        for (SeriesViewer sv : fresh) sv.image().show();
        onEdt(() -> {
            if (closed) {
                for (SeriesViewer sv : fresh) sv.image().close();
                return;
            }
            List<SeriesViewer> all = new ArrayList<>(viewers);
            all.addAll(fresh);
            all.sort(java.util.Comparator.comparingInt(v -> stacks.indexOf(v.stack())));
            viewers.clear();
            viewers.addAll(all);
            for (SeriesViewer sv : fresh) {
                attach(sv);
                CanvasHooks h = hooks.get(sv);
                if (h != null && marking != null) h.takeClicks();
            }
            layoutNow(defaultArea());
            repaintNow();
            if (!fresh.isEmpty()) status("shown again: " + String.join(", ", fresh.stream().map(v -> v.stack().series().description()).toList()));
            viewersChanged();
        });
        return fresh.size();
    }

    /**
     * Keys the panel takes when pressed on one of these viewers (Ctrl+Enter, Alt+a tool's key):
     * {@code handler} gets each key press on a viewer's window and returns true when it used it,
     * and then ImageJ does not see it. Null removes it. The hook goes with {@link #close}.
     */
    public void setKeyHandler(Predicate<KeyEvent> handler) {
        keyHandler = handler;
    }

    private boolean dispatchKey(KeyEvent e) {
        Predicate<KeyEvent> h = keyHandler;
        if (h == null || closed || e.getID() != KeyEvent.KEY_PRESSED || e.getComponent() == null) return false;
        Window w = e.getComponent() instanceof Window win ? win : javax.swing.SwingUtilities.getWindowAncestor(e.getComponent());
        if (w == null || viewers.stream().noneMatch(v -> v.image().getWindow() == w)) return false;
        if (!h.test(e)) return false;
        e.consume();
        return true;
    }

    /** Redraws the overlays from the session (done by itself on every session change). */
    public void repaint() {
        onEdt(this::repaintNow);
    }

    public boolean isClosed() { return closed; }

    /** Closes the windows and removes every listener; idempotent. Unsaved findings are the session's business. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        session.removeListener(sessionListener);
        ImagePlus.removeImageListener(imageListener);
        ActiveSession.clearViews(this);
        keyHandler = null;
        onEdt(() -> {
            KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(keys);
            endMarking();
            for (SeriesViewer v : viewers) {
                detach(v);
                v.image().changes = false;
                v.image().close();
            }
            viewers.clear();
            for (Listener l : listeners) l.closed();
        });
    }

    // ---------------------------------------------------------------- internals (event dispatch thread)

    private void sessionChanged(ReadingSession.Change c) {
        switch (c.kind()) {
            case "closed" -> later(this::close);
            case "autosaved", "autosave-failed", "saved" -> { }
            default -> later(this::repaintNow);
        }
    }

    void repaintNow() {
        if (closed) return;
        FindingsDocument doc = session.document();
        Map<String, List<LevelMap.Position>> levels = new LinkedHashMap<>();
        for (SeriesViewer v : viewers) paint(v, doc, levels.computeIfAbsent(v.volume().frameOfReferenceUid(), this::shownLevels));
    }

    /**
     * The levels drawn on a frame: its own (marked, and proposed from two marks or more), and
     * once it has a mark of its own, the levels only another frame knows, carried over through
     * the shared levels and drawn as proposed: one click on the CT's L5 shows the CT's L4 and S1.
     */
    List<LevelMap.Position> shownLevels(String frame) {
        LevelMap own = session.levels(frame);
        List<LevelMap.Position> out = new ArrayList<>(own.positions());
        if (out.isEmpty()) return out;
        java.util.Set<String> have = new java.util.HashSet<>();
        for (LevelMap.Position p : out) have.add(p.level());
        for (String other : viewers.stream().map(x -> x.volume().frameOfReferenceUid()).distinct().toList()) {
            if (other.equals(frame) || other.isEmpty()) continue;
            for (LevelMap.Position q : session.levels(other).positions()) {
                if (have.contains(q.level())) continue;
                PointMapper.Mapped m = mapper.map(q.point(), other, frame, "another series", "this series");
                if (!m.found()) continue;
                out.add(new LevelMap.Position(q.level(), m.point(), false));
                have.add(q.level());
            }
        }
        List<String> order = session.template().allLevels();
        out.sort(java.util.Comparator.comparingInt(p -> order.indexOf(p.level()) < 0 ? Integer.MAX_VALUE : order.indexOf(p.level())));
        return out;
    }

    private void paint(SeriesViewer v, FindingsDocument doc, List<LevelMap.Position> levels) {
        double mag = v.magnification();
        List<ij.gui.Roi> rois = new ArrayList<>(OverlayPainter.levels(v.volume(), levels, mag));
        rois.addAll(OverlayPainter.rois(v.volume(), doc, session.template()));
        v.paintedMagnification = mag;
        v.setBase(rois);
        v.refreshTarget();
    }

    /** The reader zoomed {@code v} since it was painted: labels are sized in image pixels, so they are redrawn for the new zoom. */
    private void repaintIfZoomed(SeriesViewer v) {
        if (Math.abs(v.magnification() - v.paintedMagnification) > 1e-9) {
            paint(v, session.document(), shownLevels(v.volume().frameOfReferenceUid()));
        }
    }

    private void layoutNow(Rectangle area) {
        List<Dimension> sizes = viewers.stream().map(v -> new Dimension(v.image().getWidth(), v.image().getHeight())).toList();
        List<Rectangle> tiles = ViewerLayout.tiles(area, sizes);
        for (int i = 0; i < viewers.size(); i++) {
            ImageWindow w = viewers.get(i).image().getWindow();
            if (w == null) continue;
            Rectangle t = tiles.get(i);
            w.setLocationAndSize(t.x, t.y, t.width, t.height);
            // ImageJ may round the zoom up: never leave the tile
            Rectangle b = w.getBounds();
            if (b.width > t.width || b.height > t.height) {
                ImageCanvas c = w.getCanvas();
                double mag = c.getMagnification();
                double shrink = Math.min(t.width / (double) b.width, t.height / (double) b.height);
                double m = mag * shrink * 0.98;
                c.setMagnification(m);
                c.setSize((int) (w.getImagePlus().getWidth() * m), (int) (w.getImagePlus().getHeight() * m));
                w.pack();
                w.setLocation(t.x, t.y);
            }
        }
        // windows narrower than their tiles move left, next to each other: the free room gathers on the right
        int rowY = Integer.MIN_VALUE, x = area.x;
        for (int i = 0; i < viewers.size(); i++) {
            ImageWindow w = viewers.get(i).image().getWindow();
            if (w == null) continue;
            Rectangle t = tiles.get(i);
            if (t.y != rowY) {
                rowY = t.y;
                x = area.x;
            }
            w.setLocation(x, t.y);
            x += Math.min(w.getWidth(), t.width);
        }
    }

    private boolean goToNow(String level, Side side) {
        FindingsDocument doc = session.document();
        String what = level + (side == null ? "" : " " + side.label() + " pars");
        if (viewers.isEmpty()) {
            status(what + ": no viewer is open; Show series opens them again");
            return false;
        }
        // the point in every frame where it can be found directly
        Map<String, double[]> direct = new HashMap<>();
        Map<String, SeriesViewer> holder = new HashMap<>();
        for (SeriesViewer v : viewers) {
            String f = v.volume().frameOfReferenceUid();
            if (direct.containsKey(f)) continue;
            LevelMap lm = session.levels(f);
            Optional<double[]> p = side == null ? lm.level(level).map(LevelMap.Position::point) : lm.pars(doc, level, side);
            if (p.isPresent()) {
                direct.put(f, p.get());
                holder.put(f, v);
            }
        }
        List<String> failed = new ArrayList<>();
        int shown = 0;
        for (SeriesViewer v : viewers) {
            v.setTarget(null, null);
            double[] p = direct.get(v.volume().frameOfReferenceUid());
            String why = null;
            if (p == null) {
                for (Map.Entry<String, double[]> e : direct.entrySet()) {
                    PointMapper.Mapped m = mapper.map(e.getValue(), holder.get(e.getKey()).volume(), v.volume());
                    if (m.found()) {
                        p = m.point();
                        break;
                    }
                    why = m.reason();
                }
            }
            if (p == null) {
                failed.add(v.stack().series().description() + ": " + (why != null ? why : "mark " + level + " on this series first"));
                continue;
            }
            Optional<double[]> ijk = v.voxelOf(p);
            if (ijk.isEmpty()) {
                failed.add(v.stack().series().description() + ": " + what + " lies outside the series");
                continue;
            }
            double[] at = ijk.get();
            v.showSlice(at);
            v.centreOn(at[0], at[1]);
            v.setTarget(at, what);
            shown++;
        }
        status(shown == 0 ? what + " not found: " + String.join("; ", failed)
                : what + " on " + shown + " of " + viewers.size() + " series" + (failed.isEmpty() ? "" : "; not on " + String.join("; ", failed)));
        return shown > 0;
    }

    /** Mouse moved on {@code v}: the shared cursor. */
    private void mouseMoved(SeriesViewer v, MouseEvent e) {
        ImageCanvas c = v.image().getCanvas();
        if (c == null) return;
        v.lastMouse = new double[] {c.offScreenXD(e.getX()) - 0.5, c.offScreenYD(e.getY()) - 0.5};
        repaintIfZoomed(v);
        if (!linked || marking != null) return;
        syncFrom(v, v.patientAt(e.getX(), e.getY()), true);
    }

    /** A slice change on {@code v}: ours (ignored), or the reader's scroll (followed by the others when linked). */
    private void sliceMaybeChanged(SeriesViewer v) {
        if (closed || !viewers.contains(v)) return;
        int now = v.image().getCurrentSlice();
        if (now == v.knownSlice) return;
        v.knownSlice = now;
        if (!linked) return;
        double[] ij = v.lastMouse != null ? v.lastMouse : new double[] {(v.volume().width() - 1) / 2.0, (v.volume().height() - 1) / 2.0};
        syncFrom(v, v.volume().geometry().toPatient(ij[0], ij[1], now - 1), true);
    }

    private List<SeriesViewer> syncFrom(SeriesViewer from, double[] p, boolean cursor) {
        List<SeriesViewer> shown = new ArrayList<>();
        from.setCursor(List.of());
        for (SeriesViewer v : viewers) {
            if (v == from) continue;
            PointMapper.Mapped m = mapper.map(p, from.volume(), v.volume());
            Optional<double[]> ijk = m.found() ? v.voxelOf(m.point()) : Optional.empty();
            if (ijk.isEmpty()) {
                v.setCursor(List.of());
                String why = m.found() ? "outside " + v.stack().series().description() : m.reason();
                if (!why.equals(lastReason.put(v, why)) && !m.found()) status(v.stack().series().description() + ": " + why);
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

    /** A click in marking mode. */
    private void clicked(SeriesViewer v, MouseEvent e) {
        String level = marking;
        if (level == null) return;
        double[] p = v.patientAt(e.getX(), e.getY());
        endMarking(v);
        try {
            if (ActiveSession.get().orElse(null) == session) {
                // the reading core's command path: the same change as the macro, and the Recorder records it
                ReadingCommand.perform("mark-level", String.format(Locale.ROOT, "level=%s series=%s point=%.3f,%.3f,%.3f",
                        level, v.stack().id(), p[0], p[1], p[2]));
            } else {
                session.markLevel(level, v.volume(), p);
            }
        } catch (java.io.IOException | RuntimeException ex) {
            status("could not mark " + level + ": " + ex.getMessage());
            return;
        }
        status(String.format(Locale.ROOT, "%s marked on %s at (%.1f, %.1f, %.1f) mm", level, v.stack().series().description(), p[0], p[1], p[2]));
        for (Listener l : listeners) l.levelMarked(level, v, p.clone());
        repaintNow();
    }

    private void endMarking() {
        endMarking(null);
    }

    /** Leaves marking mode; {@code clickedOn}'s canvas gets its clicks back only after the button is released. */
    private void endMarking(SeriesViewer clickedOn) {
        boolean was = marking != null;
        marking = null;
        for (Map.Entry<SeriesViewer, CanvasHooks> h : hooks.entrySet()) {
            if (h.getKey() == clickedOn) h.getValue().giveBackOnRelease = true;
            else h.getValue().giveClicksBack();
        }
        if (was) for (Listener l : listeners) l.marking(null);
    }

    /** The reader closed {@code v}'s window: its hooks go, the others carry on; the panel is told (it offers to show it again). */
    private void forget(SeriesViewer v) {
        if (!viewers.remove(v)) return;
        detach(v);
        lastReason.remove(v);
        if (closed) return;
        status(v.stack().series().description() + " closed; Show series opens it again");
        viewersChanged();
    }

    private void viewersChanged() {
        List<String> missing = missing().stream().map(st -> st.series().description()).toList();
        for (Listener l : listeners) l.viewersChanged(missing);
    }

    private void attach(SeriesViewer v) {
        ImageCanvas c = v.image().getCanvas();
        if (c == null) return;
        CanvasHooks h = new CanvasHooks(v, c);
        hooks.put(v, h);
        h.attach();
    }

    private void detach(SeriesViewer v) {
        CanvasHooks h = hooks.remove(v);
        if (h != null) h.detach();
    }

    private void status(String s) {
        status = s;
        for (Listener l : listeners) l.status(s);
        if (IJ.getInstance() != null) IJ.showStatus(s);
    }

    /** The listeners on one canvas, and ImageJ's own mouse handling taken away while marking. */
    private final class CanvasHooks {
        final SeriesViewer viewer;
        final ImageCanvas canvas;
        final MouseMotionListener motion = new MouseAdapter() {
            @Override
            public void mouseMoved(MouseEvent e) {
                CaseViewers.this.mouseMoved(viewer, e);
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
                if (e.getKeyCode() == KeyEvent.VK_ESCAPE && marking != null) cancelMarkLevel();
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

    // ---------------------------------------------------------------- threads

    private static void later(Runnable r) {
        EventQueue.invokeLater(r);
    }

    static void onEdt(Runnable r) {
        onEdt(() -> {
            r.run();
            return null;
        });
    }

    static <T> T onEdt(Supplier<T> s) {
        if (EventQueue.isDispatchThread()) return s.get();
        Object[] out = new Object[1];
        try {
            EventQueue.invokeAndWait(() -> out[0] = s.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error er) throw er;
            throw new IllegalStateException(e.getCause());
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }
}
