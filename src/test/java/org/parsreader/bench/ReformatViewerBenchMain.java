package org.parsreader.bench;

import java.awt.EventQueue;
import java.util.Arrays;
import java.util.Locale;
import org.parsreader.ij.panel.ReformatViewer;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/**
 * Issue 12 point 5 (benchmark, not a test; needs a display, e.g. under xvfb-run): the first
 * reformat of a freshly opened series on screen (a 512x512x400 16-bit CT in memory: from the
 * click on Sag MPR, i.e. a new {@code Reformatter}, the first sagittal plane computed and its
 * window shown and painted) and the time per plane when scrolling that viewer (each plane
 * computed on demand by the virtual stack and drawn).
 */
public final class ReformatViewerBenchMain {
    public static void main(String[] args) throws Exception {
        int n = 512, depth = 400;
        double dx = 0.7, dz = 0.625;
        VoxelGeometry g = new VoxelGeometry(new double[] {-(n - 1) / 2.0 * dx, -(n - 1) / 2.0 * dx, -(depth - 1) / 2.0 * dz},
                new double[] {dx, 0, 0}, new double[] {0, dx, 0}, new double[] {0, 0, dz});
        Volume v = ReformatBenchmark.volume(g, n, depth);
        ReformatViewer[] holder = new ReformatViewer[1];
        long t0 = System.nanoTime();
        EventQueue.invokeAndWait(() -> {
            holder[0] = ReformatViewer.sagittal(v);
            holder[0].show();
        });
        EventQueue.invokeAndWait(() -> holder[0].image().getCanvas().paint(holder[0].image().getCanvas().getGraphics()));
        double first = (System.nanoTime() - t0) / 1e6;
        ReformatViewer r = holder[0];
        int size = r.image().getStackSize();
        double[] ms = new double[60];
        for (int i = 0; i < ms.length; i++) {
            int slice = 1 + (size / 2 + i * 3) % size;
            long s = System.nanoTime();
            EventQueue.invokeAndWait(() -> {
                r.image().setSlice(slice);
                r.image().getCanvas().paint(r.image().getCanvas().getGraphics());
            });
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        double[] warm = Arrays.copyOfRange(ms, 10, ms.length);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "first sagittal reformat on screen (%dx%d plane of a %dx%dx%d CT): %.1f ms%n",
                r.image().getWidth(), r.image().getHeight(), n, n, depth, first);
        System.out.printf(Locale.ROOT, "scrolling: median %.2f ms per plane (computed and drawn), min %.2f, max %.2f (50 warm planes)%n",
                warm[warm.length / 2], warm[0], warm[warm.length - 1]);
        EventQueue.invokeAndWait(r::close);
        // the same again in the warm JVM: a second series opened after the first window (AWT and ImageJ already loaded)
        long t1 = System.nanoTime();
        EventQueue.invokeAndWait(() -> {
            holder[0] = ReformatViewer.sagittal(v);
            holder[0].show();
        });
        EventQueue.invokeAndWait(() -> holder[0].image().getCanvas().paint(holder[0].image().getCanvas().getGraphics()));
        System.out.printf(Locale.ROOT, "again, warm JVM (new Reformatter, first plane, window): %.1f ms%n", (System.nanoTime() - t1) / 1e6);
        EventQueue.invokeAndWait(holder[0]::close);
        System.exit(0);
    }
}
