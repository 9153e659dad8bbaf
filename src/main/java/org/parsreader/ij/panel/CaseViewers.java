package org.parsreader.ij.panel;

import ij.IJ;
import ij.ImageListener;
import ij.ImagePlus;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.parsreader.dicom.ImageStack;
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
 * <p>This class opens, reopens and closes the windows and is the one entry point; the parts are
 * {@link ViewerOverlays} (what is drawn), {@link ViewerGoTo} (go to a level), {@link ViewerLinking}
 * (linked scrolling and cursor), {@link ViewerMarking} (level marking and the canvas hooks),
 * {@link ViewerKeyHook} (the panel's keys on a viewer) and {@link ViewerTiling} (where the windows go).
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
    /** Reformat viewers of the case (Sag MPR, pars plane): closed with the case. */
    private final CaseReformats reformats = new CaseReformats();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
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
            find(imp).ifPresent(v -> later(() -> linking.sliceMaybeChanged(v)));
        }
    };
    private volatile String status = "";
    private volatile boolean closed;
    private final ViewerOverlays overlays;
    private final ViewerGoTo goTo;
    private final ViewerKeyHook keys;
    private final ViewerLinking linking;
    private final ViewerMarking marking;
    private final ViewerView view;

    private CaseViewers(ReadingSession session, List<SeriesViewer> viewers) {
        this.session = session;
        this.mapper = PointMapper.of(session);
        this.viewers.addAll(viewers);
        this.stacks = viewers.stream().map(SeriesViewer::stack).toList();
        this.overlays = new ViewerOverlays(session, mapper, this.viewers);
        this.goTo = new ViewerGoTo(session, mapper, this.viewers, this::status);
        this.keys = new ViewerKeyHook(this.viewers, reformats::images, () -> closed, this::maximise);
        this.linking = new ViewerLinking(mapper, this.viewers, this::status, () -> markingLevel().isPresent(), () -> closed,
                overlays::repaintIfZoomed);
        this.marking = new ViewerMarking(session, this.viewers, listeners, this::status, this::repaintNow, linking::mouseMoved);
        this.view = new ViewerView(this.viewers, linking::isLinked, ViewerTiling::defaultArea, overlays::repaintIfZoomed);
        this.view.setZoomListener(reformats::follow); // a linked series' zoom or pan: the reformats of its frame follow
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
        ReformatWarmUp.start(); // in the background while the series load: the first Sag MPR is then warm
        List<SeriesViewer> vs = new ArrayList<>();
        for (ImageStack st : stacks) vs.add(viewer(session, st));
        CaseViewers cv = new CaseViewers(session, vs);
        // listen first: a change made while the windows open is repainted, not missed
        session.addListener(cv.sessionListener);
        ImagePlus.addImageListener(cv.imageListener);
        try {
            for (SeriesViewer sv : vs) sv.image().show();
            onEdt(() -> {
                cv.keys.install();
                cv.placeAll(area == null ? ViewerTiling.defaultArea() : area);
                for (SeriesViewer sv : cv.viewers) cv.marking.attach(sv);
                for (SeriesViewer sv : cv.viewers) cv.view.attach(sv);
                cv.repaintNow();
                cv.view.start();
            });
        } catch (RuntimeException | Error e) {
            cv.close(); // no window or listener left behind
            throw e;
        }
        // the macros' view actions act on the active case: register unless another case is the active one
        if (ActiveSession.get().map(a -> a == session).orElse(true)) ActiveSession.setViews(cv);
        cv.reformats.prepareSagittal(session, stacks);
        return cv;
    }

    /** The reformats' part (the Sag MPR prepared when the case opened is taken from it). */
    CaseReformats reformatsPart() { return reformats; }

    private static SeriesViewer viewer(ReadingSession session, ImageStack st) {
        Volume v = session.volume(st, ProgressListener.NONE);
        SeriesViewer sv = new SeriesViewer(st, v, image(session, st, v));
        sv.applyPreset(WindowPreset.defaultFor(st.modality()));
        return sv;
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
        imp.setTitle(title(s, st, v));
        imp.setProperty(STACK_PROPERTY, st.id());
        imp.setProperty(org.parsreader.ij.OpenStudyCommand.VOLUME_PROPERTY, v);
        return imp;
    }

    /**
     * The window title ({@link org.parsreader.reading.Blinding#viewerTitle}): what the viewer is,
     * first ("CT Post contrast ax (series 3)"); without identity when blinded.
     */
    public static String title(ReadingSession s, ImageStack st, Volume v) {
        return org.parsreader.reading.Blinding.viewerTitle(s.index(), st, org.parsreader.volume.ViewerConventions.plane(v.geometry()), s.blinded());
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
        return onEdt(() -> goTo.goTo(level, side));
    }

    /**
     * Applies window preset {@code id} ({@code ct-bone}, {@code ct-soft}, {@code mr-auto}) to
     * every series and reformat it applies to (the CT presets to CT only).
     *
     * @throws IllegalArgumentException for an unknown id
     */
    @Override
    public void preset(String id) {
        WindowPreset p = WindowPreset.require(id);
        onEdt(() -> {
            int n = 0;
            for (SeriesViewer v : viewers) if (v.applyPreset(p)) n++;
            int k = reformats.preset(p);
            status(n + k == 0 ? p.label() + " applies to none of the series shown"
                    : p.label() + " on " + n + " series" + (k == 0 ? "" : " and " + k + (k == 1 ? " reformat" : " reformats")));
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
        marking.begin(level);
    }

    /** Leaves level-marking mode without marking. */
    public void cancelMarkLevel() {
        marking.cancel();
    }

    /** The level the next click marks, if marking. */
    public Optional<String> markingLevel() {
        return marking.level();
    }

    /** Links (or unlinks) scrolling and the shared cursor between the series. */
    public void setLinked(boolean on) {
        linking.setLinked(on);
    }

    public boolean isLinked() { return linking.isLinked(); }

    /**
     * Shows patient point {@code p} of {@code from} on every other series (slice and cursor),
     * as moving the mouse there does when linked. Returns the viewers that could show it.
     */
    public List<SeriesViewer> showPoint(SeriesViewer from, double[] p) {
        return onEdt(() -> linking.syncFrom(from, p, true));
    }

    /**
     * Maximises {@code imp}'s viewer to the viewers' area, or restores it when it is the one
     * maximised (what F11 on a viewer does); returns whether it is maximised now.
     */
    public boolean toggleMaximised(ImagePlus imp) {
        if (find(imp).isEmpty() && reformats().stream().noneMatch(r -> r.image() == imp)) {
            throw new IllegalArgumentException("'" + imp.getTitle() + "' is not one of the case viewers");
        }
        return onEdt(() -> {
            maximise(imp);
            return view.maximisedImage() == imp;
        });
    }

    private void maximise(ImagePlus imp) {
        view.toggleMaximised(imp);
        reformats.viewsSeen();
    }

    /**
     * Tiles every window in {@code area}; every viewer takes its new zoom as seen: a tiling is no zoom
     * for linked viewers to follow (opening a reformat tiles the series again).
     */
    private void placeAll(Rectangle area) {
        ViewerTiling.place(tiled(), area);
        for (SeriesViewer v : viewers) view.seen(v);
        reformats.viewsSeen();
    }

    /** The windows to tile, in tile order: the acquired series, then the reformats (laid out larger: they are read on). */
    private List<ViewerTiling.Tiled> tiled() {
        List<ViewerTiling.Tiled> out = new ArrayList<>();
        for (SeriesViewer v : viewers) out.add(ViewerTiling.Tiled.of(v));
        reformats.addTiles(out);
        return out;
    }

    /** Looks at once for view changes ImageJ made (zoom, pan, display range), as the viewers' timer does; for tests. */
    public void pollViews() {
        onEdt(view::poll);
    }

    /** Tiles the windows in {@code area}. */
    public void layout(Rectangle area) {
        onEdt(() -> placeAll(area));
    }

    /** Tiles the windows again in the default area (right of the panel, clear of ImageJ's bar). */
    public void layout() {
        onEdt(() -> placeAll(ViewerTiling.defaultArea()));
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
            for (SeriesViewer sv : fresh) marking.attach(sv); // takes its clicks at once while marking
            for (SeriesViewer sv : fresh) view.attach(sv);
            placeAll(ViewerTiling.defaultArea());
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
        keys.setHandler(handler);
    }

    /** Redraws the overlays from the session (done by itself on every session change). */
    public void repaint() {
        onEdt(this::repaintNow);
    }

    public boolean isClosed() { return closed; }

    /**
     * Shows a reformat viewer of the case (its ROIs go through the panel's Add ROI like any viewer's;
     * the panel's keys and F11 work on it as on the series), tiled with the series in the viewers'
     * area, zoomed to fill its tile; it closes with the case. Call it off the event dispatch thread
     * when you can (ImageJ then waits for the window before it is tiled).
     */
    public void addReformat(ReformatViewer r) {
        reformats.add(r);
        r.show();
        onEdt(() -> {
            if (closed) return;
            placeAll(ViewerTiling.defaultArea());
            r.linkZoom(new ReformatViewer.ZoomLink(linking::isLinked, view::seen));
            r.attach(this::viewers, session);
        });
    }

    /** The reformat viewers open now. */
    public List<ReformatViewer> reformats() {
        return reformats.open();
    }

    /** Closes the windows and removes every listener; idempotent. Unsaved findings are the session's business. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        session.removeListener(sessionListener);
        ImagePlus.removeImageListener(imageListener);
        ActiveSession.clearViews(this);
        keys.setHandler(null);
        onEdt(() -> {
            keys.remove();
            view.stop();
            marking.end();
            for (SeriesViewer v : viewers) {
                marking.detach(v);
                v.image().changes = false;
                v.image().close();
            }
            viewers.clear();
            reformats.close();
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
        overlays.repaint();
    }

    /** The reader closed {@code v}'s window: its hooks go, the others carry on; the panel is told (it offers to show it again). */
    private void forget(SeriesViewer v) {
        if (!viewers.remove(v)) return;
        marking.detach(v);
        view.detach(v);
        linking.forget(v);
        if (closed) return;
        status(v.stack().series().description() + " closed; Show series opens it again");
        viewersChanged();
    }

    private void viewersChanged() {
        List<String> missing = missing().stream().map(st -> st.series().description()).toList();
        for (Listener l : listeners) l.viewersChanged(missing);
    }

    private void status(String s) {
        status = s;
        for (Listener l : listeners) l.status(s);
        if (IJ.getInstance() != null) IJ.showStatus(s);
    }

    // ---------------------------------------------------------------- threads

    private static void later(Runnable r) { EventQueue.invokeLater(r); }

    static void onEdt(Runnable r) {
        onEdt(() -> { r.run(); return null; });
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
