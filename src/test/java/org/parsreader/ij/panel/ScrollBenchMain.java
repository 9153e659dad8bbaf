package org.parsreader.ij.panel;

import ij.ImagePlus;
import ij.gui.ImageCanvas;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.reading.ReadingSession;
import org.parsreader.util.ProgressListener;

/**
 * Frame rate of scrolling a case viewer with its overlays (issue 12 point 5): the sample case's
 * four viewers open under a display (Xvfb), linked; L5 and S1 marked so the level labels are
 * drawn; then the T2 is scrolled slice by slice, back and forth. One frame = the slice change on
 * the event dispatch thread, the linked viewers following (slice and cursor), the viewer
 * conventions rebuilt, and every viewer's canvas painted (into an off-screen image, so the time
 * is the drawing and not the X server's). A benchmark, not a test: it prints its numbers.
 *
 * <pre>xvfb-run -a -s "-screen 0 1366x768x24" java -cp target/classes:target/test-classes:$(cat cp.txt) org.parsreader.ij.panel.ScrollBenchMain [frames]</pre>
 */
public final class ScrollBenchMain {
    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Path caseDir = org.parsreader.sample.SampleCase.copy(Files.createTempDirectory("scroll-bench"));
        ReadingSession.Options options = new ReadingSession.Options(new FindingsDocument.Reader("R1", Role.R1),
                ReadingTemplate.builtIn("pars-injection"), true, null, 0);
        try (ReadingSession session = ReadingSession.open(caseDir, options, ProgressListener.NONE)) {
            CaseViewers v = CaseViewers.open(session);
            try {
                SeriesViewer t2 = v.find("T2 TSE SAG").orElseThrow();
                session.markLevel("L5", t2.volume(), t2.volume().geometry().toPatient(t2.volume().width() / 2.0, t2.volume().height() * 0.6, t2.volume().depth() / 2.0));
                session.markLevel("S1", t2.volume(), t2.volume().geometry().toPatient(t2.volume().width() / 2.0, t2.volume().height() * 0.75, t2.volume().depth() / 2.0));
                v.repaint();
                ImagePlus imp = t2.image();
                int n = imp.getStackSize();
                BufferedImage[] off = new BufferedImage[v.viewers().size()];
                for (int warm = 0; warm < 2; warm++) run(v, imp, n, Math.min(frames, 100), off);
                long t0 = System.nanoTime();
                run(v, imp, n, frames, off);
                double s = (System.nanoTime() - t0) / 1e9;
                int overlay = imp.getOverlay() == null ? 0 : imp.getOverlay().size();
                System.out.printf(Locale.ROOT, "scroll T2 (%d slices, %d viewers linked, %d overlay elements on the T2): %d frames in %.3f s = %.1f frames/s%n",
                        n, v.viewers().size(), overlay, frames, s, frames / s);
            } finally {
                v.close();
            }
        }
        System.exit(0);
    }

    private static void run(CaseViewers v, ImagePlus imp, int n, int frames, BufferedImage[] off) throws Exception {
        for (int f = 0; f < frames; f++) {
            int period = 2 * (n - 1);
            int p = f % period;
            int slice = 1 + (p < n ? p : period - p);
            EventQueue.invokeAndWait(() -> imp.setSlice(slice));
            // the image listener's follow-up (linked viewers, conventions) runs in a later event: let it run, then paint all
            EventQueue.invokeAndWait(() -> { });
            EventQueue.invokeAndWait(() -> {
                for (int i = 0; i < v.viewers().size(); i++) {
                    ImageCanvas c = v.viewers().get(i).image().getCanvas();
                    if (c == null || c.getWidth() <= 0) continue;
                    if (off[i] == null || off[i].getWidth() != c.getWidth() || off[i].getHeight() != c.getHeight()) {
                        off[i] = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
                    }
                    Graphics2D g = off[i].createGraphics();
                    c.paint(g);
                    g.dispose();
                }
            });
        }
    }
}
