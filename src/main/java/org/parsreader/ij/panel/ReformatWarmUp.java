package org.parsreader.ij.panel;

import ij.process.FloatProcessor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parsreader.reformat.ParsPlane;
import org.parsreader.reformat.Plane;
import org.parsreader.volume.Volume;

/**
 * Prepares the reformat viewer while a case opens (issue 12 point 5), as Horos and Weasis prepare
 * their MPR: once per ImageJ session, on a background thread of low priority, the reformat code
 * is loaded and its sampling loops compiled ({@link org.parsreader.reformat.ReformatWarmUp}), and
 * so is ImageJ's display of float images (a {@link FloatProcessor} drawn through a display range
 * into 8 bits) and the viewer's own image and virtual stack (a {@link ReformatViewer} of the
 * warm-up's small volume, never shown), so the reader's first Sag MPR or pars plane is computed
 * and drawn by warm code. Nothing of the case is read. {@code -Dpars.reformat.warmup=false} turns it off (for measuring).
 */
final class ReformatWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ReformatWarmUp() {}

    static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("pars.reformat.warmup", "true"));
    }

    /** Starts the warm-up unless it ran in this JVM already or is turned off; returns at once. */
    static void start() {
        if (!enabled() || !STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(ReformatWarmUp::run, "Pars Reader: reformat warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            org.parsreader.reformat.ReformatWarmUp.run();
            // ImageJ's float display: the 8-bit image through the display range, as a reformat plane is drawn
            float[] px = new float[96 * 64];
            for (int i = 0; i < px.length; i++) px[i] = i % 97 == 0 ? Float.NaN : (i * 37) % 1500 - 450;
            for (int i = 0; i < 200; i++) {
                FloatProcessor fp = new FloatProcessor(96, 64, px);
                fp.setMinAndMax(-450, 1050);
                fp.createImage();
            }
            // the viewer itself, never shown: its image and virtual stack built, rebuilt and scrolled as the keys do
            Volume v = org.parsreader.reformat.ReformatWarmUp.volume();
            ReformatViewer r = new ReformatViewer(v, ParsPlane.through(Plane.centre(v), null, null), "sag");
            for (int i = 0; i < 8; i++) {
                r.shift(i % 2 == 0 ? 1 : -1);
                r.image().setSlice(1 + i % r.image().getStackSize());
                r.image().getProcessor().createImage();
            }
        } catch (RuntimeException | LinkageError e) {
            // a warm-up that fails changes nothing but the first reformat's speed; the viewer reports real errors
        }
    }
}
