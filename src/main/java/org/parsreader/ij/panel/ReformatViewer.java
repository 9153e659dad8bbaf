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
 * thinner / thicker (default 10 mm). ImageJ's own keys (scrolling, zoom) still work.
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

    /** A viewer (not shown yet) of {@code v} centred on {@code plane}; {@code what} names it ("sag", "L5 left pars"). */
    public ReformatViewer(Volume v, ParsPlane plane, String what) {
        this.volume = v;
        this.reformatter = new Reformatter(v);
        this.what = what;
        this.centre = plane;
        this.imp = new ImagePlus();
        rebuild();
        if ("HU".equals(v.unit())) imp.setDisplayRange(-450, 1050); // CT bone window (W 1500, L 300): the pars is bone
        else imp.resetDisplayRange();
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
        ReformatViewer r;
        if (level == null || side == null) {
            r = sagittal(v);
        } else {
            ParsPlane p = org.parsreader.reading.ParsPlanes.of(s.document(), s.levels(v.frameOfReferenceUid()), level, side)
                    .orElseThrow(() -> new IllegalArgumentException(level + " is not marked on the CT's frame and cannot be proposed:"
                            + " mark " + level + " (or two levels) first"));
            r = new ReformatViewer(v, p, level + " " + side.label() + " pars");
        }
        cv.addReformat(r);
        return r;
    }

    public ImagePlus image() { return imp; }

    public ParsPlane centre() { return centre; }

    public boolean isMip() { return mip; }

    public double slab() { return slab; }

    /** Shows the window and takes its keys. */
    public void show() {
        show(null);
    }

    /**
     * Shows the window at the top left of {@code area} (screen pixels; null: the lower right quarter
     * of the screen, where the panel's tiling leaves the least) and takes its keys. Not done yet:
     * magnifying a small plane to fill the area (ImageJ's zoom from here did not take).
     */
    public void show(java.awt.Rectangle area) {
        java.awt.Rectangle a = area;
        if (a == null) {
            java.awt.Rectangle screen = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
            a = new java.awt.Rectangle(screen.x + screen.width / 2, screen.y + screen.height / 2, screen.width / 2, screen.height / 2);
        }
        imp.show();
        if (imp.getWindow() != null) imp.getWindow().setLocation(a.x, a.y);
        KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(keys);
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
