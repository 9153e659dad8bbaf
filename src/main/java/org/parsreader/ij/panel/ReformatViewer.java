package org.parsreader.ij.panel;

import ij.ImagePlus;
import ij.VirtualStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.Locale;
import org.parsreader.ij.ReformatCommand;
import org.parsreader.reformat.ParsPlane;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.Reformatter;
import org.parsreader.volume.Volume;

/**
 * A reformat viewer of the case's CT in the reading panel (issue 12 point 1): a stack of parallel
 * planes through the whole volume, computed plane by plane as they are shown (an ImageJ virtual
 * stack: nothing is resliced in advance), centred on a {@link ParsPlane} (the pure sagittal plane
 * through the volume's centre for "Sag MPR", the pars plane of a level and side for "Pars L/R").
 * The image carries {@link ReformatCommand}'s properties, so a ROI drawn on it is stored in the
 * CT's patient mm through the panel's own Add ROI path ({@code ImageRois.toFindingsRoi}).
 *
 * <p>Keys on its window: {@code [} and {@code ]} shift the plane by 1 mm along its normal (to the
 * patient's left and right); Shift+Left/Right turn it by 2 degrees about the cranio-caudal axis,
 * Shift+Up/Down tilt it by 2 degrees cranio-caudally (always about the pars point, which stays in the
 * plane); {@code M} toggles a thick-slab MIP; Shift+{@code [} / Shift+{@code ]} make the slab 2 mm
 * thinner / thicker (default 10 mm). ImageJ's own keys (scrolling, zoom) still work. The mouse
 * ({@link ReformatMouse}): right-drag sets the window/level, Shift+right-drag turns and tilts the plane.
 * The panel's keys (Ctrl+Enter, Alt+a tool's key, F11) work on it as on the series ({@link ViewerKeyHook}),
 * the window presets apply to it, and it draws the viewer conventions and reference lines ({@link ReformatOverlay}).
 */
public final class ReformatViewer implements AutoCloseable {
    public static final double SHIFT_MM = 1, TURN_DEGREES = 2, SLAB_STEP_MM = 2, DEFAULT_SLAB_MM = 10;

    private final Volume volume;
    private final Reformatter reformatter;
    private final String what;
    private final ImagePlus imp;
    private final KeyEventDispatcher keys = this::key;
    private ParsPlane centre;
    private double slab;
    private boolean mip;
    private Plane first;
    private double step;
    private int centreIndex;
    /** Planes computed so far (for tests: one per plane shown). */
    int planesComputed;
    private ReformatOverlay overlay;
    private ReformatMouse mouse;

    /** A viewer (not shown yet) of {@code v} centred on {@code plane}; {@code what} names it ("sag", "L5 left pars"). */
    public ReformatViewer(Volume v, ParsPlane plane, String what) {
        this.volume = v;
        this.reformatter = new Reformatter(v);
        this.what = what;
        this.centre = plane;
        this.imp = new ImagePlus();
        rebuild();
        defaultWindow();
        ClickTrace.mark("viewer: made (its first plane sampled)");
    }

    /** The sagittal viewer: the pure sagittal plane through the volume's centre. */
    public static ReformatViewer sagittal(Volume v) {
        return new ReformatViewer(v, ParsPlane.through(Plane.centre(v), null, null), "sag");
    }

    /**
     * Opens on {@code cv} the sagittal reformat of the case's CT (the volume the panel loaded), or with a
     * level and side the pars plane there ({@link org.parsreader.reading.ParsPlanes}: from the level
     * marks and the reader's pars line). Throws saying why not (no CT, level neither marked nor proposed).
     */
    public static ReformatViewer open(CaseViewers cv, String level, org.parsreader.findings.Side side) {
        org.parsreader.reading.ReadingSession s = cv.session();
        Volume v = s.volume(s.stack(org.parsreader.reading.SeriesPlan.Role.CT), org.parsreader.util.ProgressListener.NONE);
        if (level == null || side == null) return openSagittal(cv, v);
        ParsPlane p = org.parsreader.reading.ParsPlanes.of(s.document(), s.levels(v.frameOfReferenceUid()), level, side)
                .orElseThrow(() -> new IllegalArgumentException(level + " is not marked on the CT's frame and cannot be proposed:"
                        + " mark " + level + " (or two levels) first"));
        ReformatViewer r = new ReformatViewer(v, p, level + " " + side.label() + " pars");
        cv.addReformat(r);
        return r;
    }

    /** Opens on {@code cv} the sagittal viewer of {@code v}: the one prepared when the case opened, if there is one. */
    static ReformatViewer openSagittal(CaseViewers cv, Volume v) {
        ClickTrace.mark("open: sagittal asked");
        ReformatViewer r = cv.reformatsPart().takeSagittal(v);
        ClickTrace.mark(r == null ? "open: none prepared" : "open: prepared one taken");
        if (r == null) r = sagittal(v);
        cv.addReformat(r);
        return r;
    }

    public ImagePlus image() { return imp; }

    /** The volume reformatted. */
    public Volume volume() { return volume; }

    /** Pixel (x, y, slice) of the viewer's image <-> patient mm. */
    public org.parsreader.reformat.PlaneMapping mapping() {
        return new org.parsreader.reformat.PlaneMapping(first, step);
    }

    /** The plane shown now (of the current slice). */
    public Plane planeShown() {
        return first.shifted((imp.getCurrentSlice() - 1) * step);
    }

    /**
     * Draws the viewer conventions, the reader's ROIs of {@code session} in the plane, and the
     * reference lines to and from {@code series} (the case's series viewers now) until {@link #close}; {@link CaseViewers#addReformat} calls it. Event dispatch thread.
     */
    /** How a reformat's zoom is linked with the series': whether linked, and who is told a series it zoomed. */
    record ZoomLink(java.util.function.BooleanSupplier linked, java.util.function.Consumer<SeriesViewer> followed) {}

    private ZoomLink link;

    /** Links this viewer's zoom and pan with the series' (when {@code link.linked()}); before {@link #attach}. */
    void linkZoom(ZoomLink link) {
        this.link = link;
        if (overlay != null) overlay.link(link.linked(), link.followed());
    }

    /** The window was tiled, maximised or restored: its new zoom is not the reader's, so not followed. */
    void viewSeen() {
        if (overlay != null) overlay.seenView();
    }

    /** A linked series zoomed by {@code factor} around patient point {@code centre}: this viewer follows. Event dispatch thread. */
    void followZoom(double factor, double[] centre) {
        if (overlay != null && imp.getWindow() != null) overlay.follow(factor, centre);
    }

    void attach(java.util.function.Supplier<java.util.List<SeriesViewer>> series, org.parsreader.reading.ReadingSession session) {
        if (overlay != null) overlay.stop();
        overlay = new ReformatOverlay(this, series, session);
        overlay.start();
        if (link != null) overlay.link(link.linked(), link.followed());
        if (mouse == null) mouse = ReformatMouse.attach(this);
        ClickTrace.mark("overlay attached");
    }

    public ParsPlane centre() { return centre; }

    public boolean isMip() { return mip; }

    public double slab() { return slab; }

    /**
     * Shows the window and takes its keys. Call it off the event dispatch thread when you can (ImageJ
     * then waits until the window is on screen, so it can be tiled at once); {@link CaseViewers#addReformat}
     * shows it and tiles it with the case's viewers.
     */
    public void show() {
        ClickTrace.mark("show: start");
        imp.show();
        ClickTrace.mark("show: ImagePlus.show returned");
        CaseViewers.onEdt(() -> {
            // ImageJ may set a float image's display range from its pixels when it shows it. Set and drawn
            // again even when ImageJ kept it: skipping this redraw for a window whose plane was drawn before
            // (the prepared Sag MPR) left windows smaller than their tiles in ReformatViewerIT (3 runs of 3)
            defaultWindow();
            KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(keys);
            KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(keys);
            ClickTrace.mark("show: window preset and keys");
        });
    }

    /**
     * How large this viewer is laid out beside the acquired series ({@link ViewerLayout#tiles}): its
     * planes' size {@value #LAYOUT_WEIGHT} times, since the reformat is where the pars is read (a plane
     * of the sample CT is a 160 x 48 px strip, read at about 3 screen px per mm on a 1366 x 768 screen).
     */
    public java.awt.Dimension layoutSize() {
        return new java.awt.Dimension((int) Math.round(imp.getWidth() * LAYOUT_WEIGHT), (int) Math.round(imp.getHeight() * LAYOUT_WEIGHT));
    }

    /** The image pixel (x, y) of the plane's centre point (the pars, or the volume's centre): what a zoom keeps in view. */
    public double[] focus() {
        double[] xy = first.pixelOf(centre.through());
        return new double[] {xy[0], xy[1]};
    }

    /** The volume's default window preset (CT: bone, W 1800 / L 400, as the CT's own viewer opens; the pars is bone). */
    private void defaultWindow() {
        if (!applyPreset(org.parsreader.reading.WindowPreset.defaultFor(volume))) imp.resetDisplayRange();
    }

    /** How much larger than an acquired series' image a reformat's planes are laid out. */
    public static final double LAYOUT_WEIGHT = 1.5;

    /**
     * Applies window preset {@code p} ({@code ct-bone}, {@code ct-soft}, {@code mr-auto}) when it
     * applies to the reformatted volume; the planes are calibrated, so the window is set in physical
     * units (HU for CT). False when it does not apply.
     */
    public boolean applyPreset(org.parsreader.reading.WindowPreset p) {
        if (!p.appliesTo(volume)) return false;
        org.parsreader.reading.WindowPreset.Window w = p.window(volume);
        imp.setDisplayRange(w.low(), w.high());
        if (imp.getWindow() != null) imp.updateAndDraw();
        return true;
    }

    public void shift(double mm) {
        centre = centre.shifted(mm);
        rebuild();
    }

    public void turn(double degrees) {
        centre = centre.turned(degrees);
        rebuild();
    }

    public void tilt(double degrees) {
        centre = centre.tilted(degrees);
        rebuild();
    }

    /** A thick-slab MIP of {@code mm} (0: thin planes). */
    public void setSlab(double mm, boolean asMip) {
        if (mm > 0) reformatter.slab(first, mm, Reformatter.Mode.MIP); // says at once when thicker than the volume (nothing changes then)
        this.slab = Math.max(0, mm);
        this.mip = asMip && slab > 0;
        rebuild();
    }

    /** Shows the plane of the centre (a new plane, tilt or shift: the stack is computed again around it). */
    private void rebuild() {
        Plane through = centre.plane(volume, 0);
        step = reformatter.slabStep();
        double[] range = through.depthRange(volume);
        int lo = (int) Math.ceil(range[0] / step - 1e-9), hi = (int) Math.floor(range[1] / step + 1e-9);
        if (lo > 0 || hi < 0) throw new IllegalArgumentException("the plane " + centre + " lies outside " + volume.name());
        first = through.shifted(lo * step);
        centreIndex = -lo;
        Stack stack = new Stack(first, step, hi - lo + 1);
        int keep = centreIndex + 1;
        ij.gui.ImageWindow win = imp.getWindow();
        java.awt.Rectangle tile = win == null ? null : ViewerTiling.tileOf(win);
        boolean resized = win != null && (imp.getWidth() != first.width() || imp.getHeight() != first.height());
        // ImageJ's setStack draws the plane at its current slice (plane 1 on a new image), which setSlice
        // replaces at once: hand it plane keep instead, so one plane is computed per rebuild, not two
        stack.handOver = keep;
        try {
            imp.setStack(title(), stack);
            imp.setSlice(keep);
        } finally {
            stack.handOver = 0;
        }
        Calibration c = imp.getCalibration();
        c.setUnit("mm");
        c.pixelWidth = first.pixelSize();
        c.pixelHeight = first.pixelSize();
        c.pixelDepth = step;
        c.setValueUnit(volume.unit());
        imp.setProperty(ReformatCommand.PLANE_PROPERTY, first);
        imp.setProperty(ReformatCommand.STEP_PROPERTY, step);
        imp.setProperty(ReformatCommand.SOURCE_PROPERTY, volume);
        imp.setProperty(ReformatCommand.SLAB_PROPERTY, mip ? slab : 0.0);
        imp.setProperty(ReformatCommand.SLAB_MODE_PROPERTY, "MIP");
        imp.setProperty("Info", String.format(Locale.ROOT, "Pars Reader reformat viewer of %s%n%s%nplanes %.4f mm apart, pixels %.4f mm%n",
                volume.name(), centre, step, first.pixelSize()));
        if (imp.getWindow() != null) imp.updateAndDraw();
        // a tilted plane crosses the volume with another width or height: the window keeps its tile, the new planes fitted to it
        if (resized && imp.getWindow() != null) ViewerTiling.fit(imp.getWindow(), tile, focus());
        viewSeen();
        // (ImageJ may have given the window a new canvas for the new size: the mouse follows it)
        if (mouse != null && imp.getCanvas() != mouse.canvas()) {
            mouse.detach();
            mouse = ReformatMouse.attach(this);
        }
    }

    /** "CT sag reformat", "CT L5 left pars plane MIP 10 mm": what the viewer is. */
    String title() {
        String modality = "HU".equals(volume.unit()) ? "CT " : "MR ";
        String plane = what.equals("sag") && centre.obliquityDegrees() < 0.5 ? "sag" : what.equals("sag") ? "oblique sag" : what + " plane";
        String how = mip ? String.format(Locale.ROOT, " MIP %s mm", slab == Math.rint(slab) ? Long.toString((long) slab) : Double.toString(slab)) : " reformat";
        String tilt = centre.obliquityDegrees() >= 0.5 ? String.format(Locale.ROOT, " %.0f deg", centre.obliquityDegrees()) : "";
        return modality + plane + how + tilt;
    }

    private boolean key(KeyEvent e) {
        if (e.getID() != KeyEvent.KEY_PRESSED || imp.getWindow() == null || e.getComponent() == null) return false;
        Window w = e.getComponent() instanceof Window win ? win : javax.swing.SwingUtilities.getWindowAncestor(e.getComponent());
        if (w != imp.getWindow()) return false;
        boolean shiftDown = e.isShiftDown();
        try {
            switch (e.getKeyCode()) {
                case KeyEvent.VK_OPEN_BRACKET -> {
                    if (shiftDown) setSlab(Math.max(SLAB_STEP_MM, slab - SLAB_STEP_MM), true);
                    else shift(-SHIFT_MM);
                }
                case KeyEvent.VK_CLOSE_BRACKET -> {
                    if (shiftDown) setSlab((slab > 0 ? slab : DEFAULT_SLAB_MM - SLAB_STEP_MM) + SLAB_STEP_MM, true);
                    else shift(SHIFT_MM);
                }
                case KeyEvent.VK_M -> {
                    if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) return false;
                    setSlab(mip ? 0 : (slab > 0 ? slab : DEFAULT_SLAB_MM), !mip);
                }
                case KeyEvent.VK_LEFT, KeyEvent.VK_RIGHT -> {
                    if (!shiftDown) return false;
                    turn(e.getKeyCode() == KeyEvent.VK_LEFT ? TURN_DEGREES : -TURN_DEGREES);
                }
                case KeyEvent.VK_UP, KeyEvent.VK_DOWN -> {
                    if (!shiftDown) return false;
                    tilt(e.getKeyCode() == KeyEvent.VK_UP ? TURN_DEGREES : -TURN_DEGREES);
                }
                default -> {
                    return false;
                }
            }
        } catch (IllegalArgumentException ex) {
            ij.IJ.showStatus(ex.getMessage());
        }
        e.consume();
        return true;
    }

    @Override
    public void close() {
        if (overlay != null) CaseViewers.onEdt(overlay::stop);
        if (mouse != null) CaseViewers.onEdt(mouse::detach);
        KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(keys);
        imp.changes = false;
        imp.close();
    }

    /** The planes, each computed when ImageJ asks for it. */
    private final class Stack extends VirtualStack {
        private final Plane first;
        private final double step;
        private final int count;

        Stack(Plane first, double step, int count) {
            super(first.width(), first.height(), count);
            this.first = first;
            this.step = step;
            this.count = count;
        }

        /** While set (a plane number), every request is for that plane, computed once (see {@link #rebuild}). */
        int handOver;
        private float[] handedOver;

        @Override
        public ImageProcessor getProcessor(int n) {
            float[] px;
            if (handOver > 0 && handedOver != null) {
                px = handedOver;
            } else {
                Plane p = first.shifted(((handOver > 0 ? handOver : n) - 1) * step);
                px = mip ? reformatter.slab(p, Math.min(slab, reformatter.thicknessAlong(p)), Reformatter.Mode.MIP) : reformatter.sample(p);
                planesComputed++;
                if (handOver > 0) handedOver = px;
            }
            FloatProcessor fp = new FloatProcessor(first.width(), first.height(), px);
            if (imp.getProcessor() != null && imp.getStackSize() == count) fp.setMinAndMax(imp.getDisplayRangeMin(), imp.getDisplayRangeMax());
            return fp;
        }

        @Override
        public Object getPixels(int n) {
            return getProcessor(n).getPixels();
        }

        @Override
        public int getSize() {
            return count;
        }

        @Override
        public String getSliceLabel(int n) {
            return String.format(Locale.ROOT, "%+.1f mm", (n - 1 - centreIndex) * step);
        }
    }
}
