package org.parsreader.ij.panel;

import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.TextRoi;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.parsreader.bench.ReformatBenchmark;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.ij.ImageRois;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.SeriesPlan;
import org.parsreader.reformat.ParsPlane;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.PlaneMapping;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/**
 * Frame rate of scrolling a reformat viewer linked to the case's viewers, with overlays (issue 12
 * point 5; a benchmark, not a test; under Xvfb). The sample case's four viewers open with the
 * reader's findings (R1: ROIs) and L5 and S1 marked; a sagittal reformat viewer of the case's CT
 * ({@code sample}) or of a synthetic 512x512x400 CT ({@code ct400}: a 573x400 plane) is scrolled
 * plane by plane, back and forth. One frame, on the event dispatch thread: the next plane computed
 * (the viewer's virtual stack), the acquired viewers following the plane's centre (the panel's
 * linking: slice and cursor), the reformat's overlay rebuilt from scratch (a line where each acquired
 * viewer's slice cuts the plane, the level marks and labels, every stored ROI's outline within 3 mm
 * of the plane with a label, orientation letters, a scale bar, slice and W/L text) and all five
 * canvases painted into off-screen images. The overlay stands in for the panel's reformat overlays,
 * which another branch adds: same kinds of element, rebuilt on every frame rather than cached.
 *
 * <pre>xvfb-run -a -s "-screen 0 1366x768x24" java -cp ... org.parsreader.ij.panel.ReformatScrollBenchMain [sample|ct400] [frames]</pre>
 */
public final class ReformatScrollBenchMain {
    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "ct400";
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path caseDir = org.parsreader.sample.SampleCase.copy(Files.createTempDirectory("reformat-scroll"));
        ReadingSession.Options options = new ReadingSession.Options(new FindingsDocument.Reader("R1", Role.R1),
                ReadingTemplate.builtIn("pars-injection"), true, null, 0);
        ReadingSession session = ReadingSession.open(caseDir, options, ProgressListener.NONE);
        CaseViewers v = CaseViewers.open(session);
        SeriesViewer t2 = v.find("T2 TSE SAG").orElseThrow();
        Volume t2v = t2.volume();
        session.markLevel("L5", t2v, t2v.geometry().toPatient(t2v.width() / 2.0, t2v.height() * 0.6, t2v.depth() / 2.0));
        session.markLevel("S1", t2v, t2v.geometry().toPatient(t2v.width() / 2.0, t2v.height() * 0.75, t2v.depth() / 2.0));
        v.repaint();
        Volume ct = session.volume(session.stack(SeriesPlan.Role.CT), ProgressListener.NONE);
        Volume src = what.equals("ct400") ? ct400(Plane.centre(ct)) : ct;
        ReformatViewer r = new ReformatViewer(src, ParsPlane.through(Plane.centre(src), null, null), "sag");
        v.addReformat(r);
        SeriesViewer ctViewer = v.viewers().stream().filter(s -> s.volume() == ct).findFirst().orElse(v.viewers().get(0));
        ImagePlus imp = r.image();
        int n = imp.getStackSize();
        List<ImageCanvas> canvases = new ArrayList<>();
        EventQueue.invokeAndWait(() -> {
            for (SeriesViewer s : v.viewers()) canvases.add(s.image().getCanvas());
            canvases.add(imp.getCanvas());
        });
        BufferedImage[] off = new BufferedImage[canvases.size()];
        int[] elements = new int[1];
        int start = imp.getCurrentSlice();
        for (int warm = 0; warm < 2; warm++) run(v, session, r, ctViewer, canvases, off, start, n, 60, elements, null);
        double[] ms = new double[frames];
        long cpu0 = ManagementFactory.getThreadMXBean().getThreadCpuTime(edtId());
        long t0 = System.nanoTime();
        run(v, session, r, ctViewer, canvases, off, start, n, frames, elements, ms);
        double s = (System.nanoTime() - t0) / 1e9;
        double edtCpu = (ManagementFactory.getThreadMXBean().getThreadCpuTime(edtId()) - cpu0) / 1e9;
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "scroll %s reformat (%dx%d planes, %d viewers linked and painted, %d overlay elements on the reformat):"
                        + " %d frames in %.3f s = %.1f frames/s; frame median %.1f ms, 90th percentile %.1f ms; EDT CPU %.1f ms a frame; load %s%n",
                what, imp.getWidth(), imp.getHeight(), canvases.size(), elements[0], frames, s, frames / s, ms[frames / 2], ms[frames * 9 / 10],
                edtCpu * 1000 / frames, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static long edtId() throws Exception {
        long[] id = new long[1];
        EventQueue.invokeAndWait(() -> id[0] = Thread.currentThread().getId());
        return id[0];
    }

    private static void run(CaseViewers v, ReadingSession session, ReformatViewer r, SeriesViewer ctViewer, List<ImageCanvas> canvases,
                            BufferedImage[] off, int start, int n, int frames, int[] elements, double[] ms) throws Exception {
        ImagePlus imp = r.image();
        int span = Math.min(40, n - 1), lo = Math.max(1, start - span / 2);
        for (int f = 0; f < frames; f++) {
            int p = f % (2 * span);
            int slice = Math.min(n, lo + (p < span ? p : 2 * span - p));
            long t = System.nanoTime();
            EventQueue.invokeAndWait(() -> {
                imp.setSlice(slice);
                PlaneMapping m = ImageRois.mapping(imp);
                double[] centre = m.toPatient(imp.getWidth() / 2.0, imp.getHeight() / 2.0, slice - 1);
                v.showPoint(ctViewer, centre); // the acquired viewers follow: slice and cursor
                ctViewer.showSlice(ctViewer.voxelOf(centre).orElse(new double[] {0, 0, 0}));
                Overlay o = overlay(v, session, m, slice - 1, imp);
                elements[0] = o.size();
                imp.setOverlay(o);
                for (int i = 0; i < canvases.size(); i++) {
                    ImageCanvas c = canvases.get(i);
                    if (c == null || c.getWidth() <= 0) continue;
                    if (off[i] == null || off[i].getWidth() != c.getWidth() || off[i].getHeight() != c.getHeight()) {
                        off[i] = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
                    }
                    Graphics2D g = off[i].createGraphics();
                    c.paint(g);
                    g.dispose();
                }
            });
            // the image listeners' follow-ups (linked viewers' conventions) run in later events: let them run
            EventQueue.invokeAndWait(() -> { });
            if (ms != null) ms[f] = (System.nanoTime() - t) / 1e6;
        }
    }

    /** What the panel draws on a reformat, built from scratch for plane {@code k}. */
    static Overlay overlay(CaseViewers v, ReadingSession session, PlaneMapping m, int k, ImagePlus imp) {
        Overlay o = new Overlay();
        Plane plane = m.plane(k);
        int w = imp.getWidth(), h = imp.getHeight();
        // reference lines: where each acquired viewer's current slice cuts this plane
        for (SeriesViewer s : v.viewers()) {
            VoxelGeometry g = s.volume().geometry();
            int z = s.image().getCurrentSlice() - 1;
            double[] a = g.toPatient(0, 0, z), b = g.toPatient(s.volume().width() - 1, 0, z), c = g.toPatient(0, s.volume().height() - 1, z);
            double[][] seg = cut(plane, a, b, c);
            if (seg == null) continue;
            Line l = new Line(seg[0][0], seg[0][1], seg[1][0], seg[1][1]);
            l.setStrokeColor(Color.YELLOW);
            o.add(l);
        }
        // level marks and labels, on the frame of reference of the CT
        LevelMap levels = session.levels(session.volume(session.stack(SeriesPlan.Role.CT), ProgressListener.NONE).frameOfReferenceUid());
        for (LevelMap.Position pos : levels.positions()) {
            double[] xyk = m.toPixel(pos.point());
            if (Math.abs(xyk[2] - k) * m.step() > 20) continue;
            PointRoi pr = new PointRoi(xyk[0], xyk[1]);
            pr.setStrokeColor(pos.marked() ? Color.GREEN : Color.ORANGE);
            o.add(pr);
            o.add(label(pos.level(), xyk[0] + 6, xyk[1] - 6, Color.GREEN));
        }
        // stored ROIs near the plane, outlined, with a label
        for (FindingsDocument.Roi roi : session.document().rois()) {
            if (roi.points() == null || roi.points().isEmpty()) continue;
            float[] xs = new float[roi.points().size()], ys = new float[xs.length];
            boolean near = false;
            for (int i = 0; i < xs.length; i++) {
                double[] xyk = m.toPixel(roi.points().get(i));
                xs[i] = (float) xyk[0];
                ys[i] = (float) xyk[1];
                near |= Math.abs(xyk[2] - k) * m.step() <= 3;
            }
            if (!near) continue;
            PolygonRoi pr = new PolygonRoi(xs, ys, xs.length, xs.length > 2 ? Roi.POLYGON : Roi.POLYLINE);
            pr.setStrokeColor(Color.CYAN);
            o.add(pr);
            o.add(label(roi.label() == null ? roi.id() : roi.label(), xs[0], ys[0] - 4, Color.CYAN));
        }
        // viewer conventions: orientation letters, scale bar, slice and W/L text
        o.add(label("A", 4, h / 2.0, Color.WHITE));
        o.add(label("P", w - 14, h / 2.0, Color.WHITE));
        o.add(label("H", w / 2.0, 4, Color.WHITE));
        o.add(label("F", w / 2.0, h - 16, Color.WHITE));
        Line bar = new Line(w - 10 - 10 / plane.pixelSize(), h - 8, w - 10, h - 8);
        bar.setStrokeColor(Color.WHITE);
        o.add(bar);
        o.add(label("10 mm", w - 60, h - 26, Color.WHITE));
        o.add(label(String.format(Locale.ROOT, "%s  W %.0f L %.0f", imp.getStack().getSliceLabel(k + 1),
                imp.getDisplayRangeMax() - imp.getDisplayRangeMin(), (imp.getDisplayRangeMax() + imp.getDisplayRangeMin()) / 2), 4, h - 16, Color.WHITE));
        return o;
    }

    private static TextRoi label(String s, double x, double y, Color c) {
        TextRoi t = new TextRoi(x, y, s, new Font("SansSerif", Font.PLAIN, 11));
        t.setStrokeColor(c);
        return t;
    }

    /** The segment (pixel coordinates) where the slice plane through a, b, c cuts {@code p} within its image, or null. */
    static double[][] cut(Plane p, double[] a, double[] b, double[] c) {
        double[] u = sub(b, a), v = sub(c, a), n = cross(u, v);
        double[] pn = p.normal();
        // the line lies in both planes: its direction is along n x pn; intersect with the image's four edges
        List<double[]> hits = new ArrayList<>();
        double[][] corners = {{0, 0}, {p.width() - 1, 0}, {p.width() - 1, p.height() - 1}, {0, p.height() - 1}};
        for (int e = 0; e < 4; e++) {
            double[] q0 = p.point(corners[e][0], corners[e][1]), q1 = p.point(corners[(e + 1) % 4][0], corners[(e + 1) % 4][1]);
            double d0 = dot(sub(q0, a), n), d1 = dot(sub(q1, a), n);
            if (d0 == d1 || d0 * d1 > 0) continue;
            double t = d0 / (d0 - d1);
            hits.add(new double[] {corners[e][0] + t * (corners[(e + 1) % 4][0] - corners[e][0]), corners[e][1] + t * (corners[(e + 1) % 4][1] - corners[e][1])});
        }
        return hits.size() >= 2 && dot(pn, pn) > 0 ? new double[][] {hits.get(0), hits.get(1)} : null;
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    /** The synthetic 512x512x400 CT of the reformat benchmarks, centred on {@code centre} (patient mm). */
    private static Volume ct400(double[] centre) {
        int n = 512, depth = 400;
        double dx = 0.7, dz = 0.625;
        VoxelGeometry g = new VoxelGeometry(new double[] {centre[0] - (n - 1) / 2.0 * dx, centre[1] - (n - 1) / 2.0 * dx, centre[2] - (depth - 1) / 2.0 * dz},
                new double[] {dx, 0, 0}, new double[] {0, dx, 0}, new double[] {0, 0, dz});
        return ReformatBenchmark.volume(g, n, depth);
    }
}
