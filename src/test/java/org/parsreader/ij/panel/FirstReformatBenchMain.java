package org.parsreader.ij.panel;

import ij.IJ;
import ij.ImageJ;
import ij.process.FloatProcessor;
import java.awt.EventQueue;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.parsreader.bench.ReformatBenchmark;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reformat.ParsPlane;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.Reformatter;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/**
 * The first reformat of a session on screen as a reader meets it (issue 12 point 5; a benchmark,
 * not a test; needs a display, e.g. {@code xvfb-run -a -s "-screen 0 1366x768x24"}): in a fresh
 * JVM, ImageJ's main window is shown (as Fiji is when a reader starts), the sample case is opened
 * in the reading panel (session, panel, its four viewers), the reader looks at it for a moment
 * ({@code pause} ms), then clicks Sag MPR: {@link ReformatViewer#open} from a worker thread, as the
 * button does, until the reformat window is shown and painted. The reformat code is cold then
 * unless the case's opening warmed it ({@link ReformatWarmUp}).
 *
 * <p>Arguments: {@code what} = {@code sample} (the sample case's CT, through the panel's own
 * path) or {@code ct400} (a synthetic 512x512x400 16-bit CT in memory, its sagittal viewer shown
 * among the case's viewers); {@code how} = {@code click} (the click, timed whole) or {@code split}
 * (the same work as separate timed steps: reformat classes loaded, the first plane sampled cold,
 * again, ImageJ's float display path, then the viewer made, shown and painted); {@code pause} ms.
 * {@code -Dpars.reformat.warmup=false} turns the warm-up off, for the before/after comparison.
 * Prints one line of {@code key=value}s.
 *
 * <p>The click ends when the reformat's canvas has been painted in its tile and {@code Toolkit.sync()}
 * has returned (the X server has drawn what it was sent). With {@code ct400}, the synthetic CT is
 * given to the viewers as the case's loaded CT is when the case opens (its Sag MPR viewer prepared
 * in the background, {@link CaseReformats#prepareSagittal}; {@code -Dbench.prepare=false}: not),
 * and the click takes the button's path from there ({@link ReformatViewer#openSagittal}).
 * {@code -Dpars.trace.reformat=true} prints the click's timeline: {@link ClickTrace}'s marks and
 * every event the event dispatch thread handled, with its length. {@code -Dbench.screenshot=FILE.png}
 * saves the screen 1.5 s after the click, to compare what the reader sees before and after a change.
 */
public final class FirstReformatBenchMain {
    /** {@code -Dbench.prepare=false}: ct400's Sag MPR not prepared when it is "loaded" (before/after; the sample case's follows the panel). */
    private static final boolean PREPARE = Boolean.parseBoolean(System.getProperty("bench.prepare", "true"));

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "sample";
        String how = args.length > 1 ? args[1] : "click";
        long pause = args.length > 2 ? Long.parseLong(args[2]) : 2000;
        ClassLoadingMXBean cl = ManagementFactory.getClassLoadingMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "what=%s how=%s pause=%d warmup=%s jvm_ms=%d",
                what, how, pause, ReformatWarmUp.enabled(), ManagementFactory.getRuntimeMXBean().getUptime()));

        cpu(); // its classes loaded now, not counted in the click
        long t = System.nanoTime();
        ImageJ ij = new ImageJ();
        for (int i = 0; i < 200 && !ij.isShowing(); i++) Thread.sleep(10);
        EventQueue.invokeAndWait(() -> { });
        out.append(String.format(Locale.ROOT, " imagej_ms=%.0f", ms(t)));

        Path caseDir = org.parsreader.sample.SampleCase.copy(Files.createTempDirectory("first-reformat"));
        ReadingSession.Options options = new ReadingSession.Options(new FindingsDocument.Reader("B1", Role.R1),
                ReadingTemplate.builtIn("pars-injection"), true, null, 0);
        t = System.nanoTime();
        ReadingSession session = ReadingSession.open(caseDir, options, ProgressListener.NONE);
        ReadingPanel panel = ReadingPanel.show(session);
        CaseViewers cv = panel.viewers();
        EventQueue.invokeAndWait(() -> { });
        out.append(String.format(Locale.ROOT, " case_open_ms=%.0f", ms(t)));
        Volume big = null;
        if (what.equals("ct400")) {
            big = ct400(); // built before the pause: in memory as a loaded series would be
            if (PREPARE) cv.reformatsPart().prepareSagittal(big); // what CaseViewers.open does with the case's loaded CT
        }
        Thread.sleep(pause);

        if (Boolean.getBoolean("bench.marker")) System.out.println("=== click");
        TimingQueue events = ClickTrace.ON ? TimingQueue.install() : null;
        ClickTrace.drain();
        long click = System.nanoTime();
        int classes0 = cl.getLoadedClassCount();
        long jit0 = jit.getTotalCompilationTime();
        long cpu0 = cpu();
        Marks m = new Marks(out);
        ReformatViewer r;
        if (how.equals("split")) {
            Volume v = big != null ? big : session.volume(session.stack(org.parsreader.reading.SeriesPlan.Role.CT), ProgressListener.NONE);
            m.mark(null);
            for (Class<?> c : new Class<?>[] {Reformatter.class, Plane.class, ParsPlane.class, ReformatViewer.class}) Class.forName(c.getName(), true, c.getClassLoader());
            m.mark("classes");
            Reformatter rf = new Reformatter(v);
            Plane p = ParsPlane.through(Plane.centre(v), null, null).plane(v, 0);
            m.mark("setup");
            float[] px = rf.sample(p);
            m.mark("plane1");
            rf.sample(p);
            m.mark("plane2");
            FloatProcessor fp = new FloatProcessor(p.width(), p.height(), px);
            fp.setMinAndMax(-450, 1050);
            fp.createImage();
            m.mark("display");
            // ReformatViewer.open's steps one by one
            r = new ReformatViewer(v, ParsPlane.through(Plane.centre(v), null, null), "sag");
            m.mark("viewer_made");
            cv.addReformat(r);
            m.mark("window_shown");
        } else if (big == null) {
            r = ReformatViewer.open(cv, null, null);
        } else {
            r = ReformatViewer.openSagittal(cv, big); // the button's path once it has the CT's volume
        }
        EventQueue.invokeAndWait(() -> r.image().getCanvas().paint(r.image().getCanvas().getGraphics()));
        if (how.equals("split")) m.mark("painted");
        java.awt.Toolkit.getDefaultToolkit().sync(); // the X server has drawn what was sent
        m.total("first_reformat");
        if (events != null) {
            Thread.sleep(300); // what the event thread still does after the bench's end (late paints)
            TimingQueue.print(click, events.drain(), ClickTrace.drain(), r.image().getCanvas());
        }
        out.append(String.format(Locale.ROOT, " process_cpu_ms=%.0f classes_loaded=%d jit_ms=%d plane=%dx%d",
                (cpu() - cpu0) / 1e6, cl.getLoadedClassCount() - classes0, jit.getTotalCompilationTime() - jit0,
                r.image().getWidth(), r.image().getHeight()));

        if (Boolean.getBoolean("bench.marker")) System.out.println("=== painted");
        // the next plane
        Marks next = new Marks(out);
        EventQueue.invokeAndWait(() -> {
            r.image().setSlice(r.image().getCurrentSlice() + 1);
            r.image().getCanvas().paint(r.image().getCanvas().getGraphics());
        });
        next.total("next_plane");
        out.append(String.format(Locale.ROOT, " load=%s", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
        System.out.println(out);
        System.out.flush();
        String shot = System.getProperty("bench.screenshot"); // what the reader sees once all is settled, to compare before/after
        if (shot != null) {
            Thread.sleep(1500);
            java.awt.Rectangle screen = new java.awt.Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize());
            javax.imageio.ImageIO.write(new java.awt.Robot().createScreenCapture(screen), "png", new java.io.File(shot));
        }
        Runtime.getRuntime().halt(0); // the panel's shutdown hook would save and ask; nothing of this run is kept
    }

    /**
     * Wall time and the CPU time of the two threads a reader waits on (this one, which computes the
     * plane as the button's worker does, and the event dispatch thread, which shows and paints), from
     * one mark to the next: on a loaded machine the wall time says how busy the neighbours were, the
     * CPU time what the work costs. Printed as {@code name_ms=WALL/CPU}.
     */
    private static final class Marks {
        private final StringBuilder out;
        private final long wall0, cpu0;
        private long wall, cpu;

        Marks(StringBuilder out) throws Exception {
            this.out = out;
            this.wall0 = this.wall = System.nanoTime();
            this.cpu0 = this.cpu = threadsCpu();
        }

        void mark(String name) throws Exception {
            long w = System.nanoTime(), c = threadsCpu();
            if (name != null) out.append(String.format(Locale.ROOT, " %s_ms=%.1f/%.1f", name, (w - wall) / 1e6, (c - cpu) / 1e6));
            wall = System.nanoTime();
            cpu = threadsCpu();
        }

        void total(String name) throws Exception {
            out.append(String.format(Locale.ROOT, " %s_ms=%.1f/%.1f", name, (System.nanoTime() - wall0) / 1e6, (threadsCpu() - cpu0) / 1e6));
        }

        private static long threadsCpu() throws Exception {
            java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
            long[] edt = new long[1];
            EventQueue.invokeAndWait(() -> edt[0] = t.getCurrentThreadCpuTime());
            return t.getCurrentThreadCpuTime() + edt[0];
        }
    }

    /**
     * The event dispatch thread's events with their start and length ({@code -Dpars.trace.reformat=true}):
     * with {@link ClickTrace}'s marks, where the click's time goes on the event thread and what waits on it.
     */
    private static final class TimingQueue extends EventQueue {
        private final java.util.List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        static TimingQueue install() {
            TimingQueue q = new TimingQueue();
            java.awt.Toolkit.getDefaultToolkit().getSystemEventQueue().push(q);
            return q;
        }

        @Override
        protected void dispatchEvent(java.awt.AWTEvent e) {
            long t0 = System.nanoTime();
            super.dispatchEvent(e);
            long t1 = System.nanoTime();
            String src = e.getSource() == null ? "-" : e.getSource().getClass().getSimpleName();
            String what = e instanceof java.awt.event.InvocationEvent ie ? "invocation " + ie.toString().replaceAll(".*runnable=([^,]*).*", "$1") : e.paramString().split(",")[0];
            seen.add(t0 + " " + t1 + " " + src + "@" + Integer.toHexString(System.identityHashCode(e.getSource())) + " " + what);
        }

        java.util.List<String> drain() {
            synchronized (seen) {
                java.util.List<String> out = java.util.List.copyOf(seen);
                seen.clear();
                return out;
            }
        }

        static void print(long click, java.util.List<String> events, java.util.List<String> marks, Object canvas) {
            java.util.List<String[]> rows = new java.util.ArrayList<>();
            for (String ev : events) {
                String[] f = ev.split(" ", 3);
                double start = (Long.parseLong(f[0]) - click) / 1e6, len = (Long.parseLong(f[1]) - Long.parseLong(f[0])) / 1e6;
                boolean mine = f[2].contains("@" + Integer.toHexString(System.identityHashCode(canvas)) + " ");
                if (len < 0.3 && !mine) continue;
                rows.add(new String[] {String.format(Locale.ROOT, "%8.1f", start), String.format(Locale.ROOT, "EDT event %.1f ms %s%s", len, f[2], mine ? "  <== reformat canvas" : "")});
            }
            for (String mk : marks) {
                String[] f = mk.split(" ", 4);
                rows.add(new String[] {String.format(Locale.ROOT, "%8.1f", (Long.parseLong(f[0]) - click) / 1e6), "mark [" + f[2] + " cpu " + String.format(Locale.ROOT, "%.1f", Long.parseLong(f[1]) / 1e6) + "] " + f[3]});
            }
            rows.sort(java.util.Comparator.comparingDouble(r -> Double.parseDouble(r[0].trim())));
            for (String[] r : rows) System.out.println(r[0] + "  " + r[1]);
        }
    }

    /** CPU time of the whole process (every thread, the JIT compilers' included), ns. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static Volume ct400() {
        int n = 512, depth = 400;
        double dx = 0.7, dz = 0.625;
        VoxelGeometry g = new VoxelGeometry(new double[] {-(n - 1) / 2.0 * dx, -(n - 1) / 2.0 * dx, -(depth - 1) / 2.0 * dz},
                new double[] {dx, 0, 0}, new double[] {0, dx, 0}, new double[] {0, 0, dz});
        return ReformatBenchmark.volume(g, n, depth);
    }
}
