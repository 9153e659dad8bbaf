package org.parsreader.ij.panel;

import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.FloatPolygon;
import ij.process.ImageProcessor;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.reading.RoiTool;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/**
 * What the viewers draw over a series, as ImageJ overlay elements bound to their slices: the
 * vertebral levels of the series' frame of reference (marked: yellow, bold, filled dot;
 * proposed: light blue, italic, "?", ring), every saved ROI of the findings in its tool's
 * colour on the slices it lies on, the "go to" target and the shared cursor. Elements are
 * named with {@link #PREFIX} so other overlay content (a contrast region) is left alone.
 */
final class OverlayPainter {
    static final String PREFIX = "pr-view:";
    static final String LEVEL = PREFIX + "level ";
    static final String ROI = PREFIX + "roi ";
    static final String TARGET = PREFIX + "target";
    static final String CURSOR = PREFIX + "cursor";

    static final Color MARKED = new Color(0xFFD700);
    static final Color PROPOSED = new Color(0x80C8FF);
    static final Color TARGET_COLOUR = new Color(0xFF4040);
    static final Color CURSOR_COLOUR = new Color(0x00FF80);
    static final Color ROI_DEFAULT = Color.WHITE;

    /** Marker radius of a level, mm. */
    static final double LEVEL_RADIUS_MM = 3;
    /** Ring radius of a "go to" target, mm. */
    static final double TARGET_RADIUS_MM = 6;
    /**
     * How far from a slice plane a level still shows on it, when the slices contain the spine's
     * axis (sagittal, coronal): the width of a lumbar vertebra with its arch, so the label stays
     * on the parasagittal slices through the pars and the facets.
     */
    static final double IN_PLANE_REACH_MM = 40;

    private OverlayPainter() {}

    /** The level labels and markers of {@code levels} on every slice of {@code v} they reach. */
    static List<Roi> levels(Volume v, LevelMap levels, double magnification) {
        if (!levels.frameOfReferenceUid().equals(v.frameOfReferenceUid())) return new ArrayList<>();
        return levels(v, levels.positions(), magnification);
    }

    /** The level labels and markers of {@code ps} (positions in {@code v}'s frame, in spine order) on every slice of {@code v} they reach. */
    static List<Roi> levels(Volume v, List<LevelMap.Position> ps, double magnification) {
        List<Roi> out = new ArrayList<>();
        if (ps.isEmpty()) return out;
        VoxelGeometry g = v.geometry();
        double[] n = g.normal();
        double[] axis = spineAxis(ps);
        boolean crossing = Math.abs(dot(axis, n)) > 0.7;
        double reach = crossing ? halfSpacing(ps) : IN_PLANE_REACH_MM;
        double px = g.spacing()[0];
        double r = Math.max(2, LEVEL_RADIUS_MM / px);
        float size = fontSize(12, magnification);
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, 12).deriveFont(size);
        Font italic = new Font(Font.SANS_SERIF, Font.ITALIC, 12).deriveFont(size);
        double lift = size * 0.6;
        for (LevelMap.Position p : ps) {
            for (int k = 0; k < v.depth(); k++) {
                double d = planeDistance(g, k, p.point());
                if (Math.abs(d) > reach) continue;
                double[] ij = inPlane(g, k, p.point(), d, n);
                if (ij[0] < -r || ij[1] < -r || ij[0] > v.width() + r || ij[1] > v.height() + r) continue;
                Color c = p.marked() ? MARKED : PROPOSED;
                OvalRoi dot = new OvalRoi(ij[0] + 0.5 - r, ij[1] + 0.5 - r, 2 * r, 2 * r);
                dot.setStrokeColor(c);
                if (p.marked()) dot.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 160));
                dot.setNonScalable(false);
                dot.setPosition(k + 1);
                dot.setName(LEVEL + p.level() + (p.marked() ? " marked" : " proposed"));
                out.add(dot);
                TextRoi t = new TextRoi(ij[0] + 0.5 + r + 1, ij[1] + 0.5 - lift, p.marked() ? p.level() : p.level() + "?",
                        p.marked() ? bold : italic);
                t.setStrokeColor(c);
                t.setAntiAlias(true);
                t.setPosition(k + 1);
                t.setName(LEVEL + p.level() + (p.marked() ? " marked" : " proposed") + " label");
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Every ROI of {@code doc} in {@code v}'s frame (or drawn on its series), projected on the
     * slice through its centre (within half a slice spacing), if all its points lie within that
     * slice and its neighbours; a 3D mask outlined on every slice it crosses.
     */
    static List<Roi> rois(Volume v, FindingsDocument doc, ReadingTemplate template) {
        return rois(v, doc, template, 1);
    }

    /**
     * {@link #rois(Volume, FindingsDocument, ReadingTemplate)} with their measures written beside
     * them, sized for {@code magnification}: a line its length in mm (between its stored patient
     * points), a polygon the mean of the voxels it encloses on the slice shown (in the series'
     * unit, HU on CT).
     */
    static List<Roi> rois(Volume v, FindingsDocument doc, ReadingTemplate template, double magnification) {
        return rois(v, doc, template, magnification, "", new java.util.HashMap<>());
    }

    /**
     * As {@link #rois(Volume, FindingsDocument, ReadingTemplate, double)}, each measure written after
     * {@code prefix} ("R1 " on a consensus read), its label kept off those in {@code labels} (measure
     * labels already placed on this image, by slice; this call adds its own): calls that draw on one
     * image share it, so two readers' measures of one pars stack instead of covering each other.
     */
    static List<Roi> rois(Volume v, FindingsDocument doc, ReadingTemplate template, double magnification, String prefix,
                          java.util.Map<Integer, List<java.awt.Rectangle>> labels) {
        List<Roi> out = new ArrayList<>();
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11).deriveFont(fontSize(11, magnification));
        VoxelGeometry g = v.geometry();
        double half = Math.max(0.5, g.spacing()[2] / 2) + 1e-6;
        double[] n = g.normal();
        for (FindingsDocument.Roi roi : doc.rois()) {
            boolean mine = roi.frameOfReferenceUid() != null ? roi.frameOfReferenceUid().equals(v.frameOfReferenceUid())
                    : roi.seriesInstanceUid() != null && roi.seriesInstanceUid().equals(v.seriesInstanceUid());
            if (!mine) continue;
            Color colour = colour(template, roi);
            String name = ROI + roi.id() + " " + roi.finding() + (roi.level() == null ? "" : " " + roi.level())
                    + (roi.side() == null ? "" : " " + roi.side().label());
            if (roi.type() == FindingsDocument.RoiType.MASK3D) {
                if (roi.mask() != null) out.addAll(mask(v, roi.mask(), colour, name));
                continue;
            }
            List<double[]> pts = roi.points();
            if (pts == null || pts.isEmpty()) continue;
            double[] centre = new double[3];
            for (double[] p : pts) for (int a = 0; a < 3; a++) centre[a] += p[a] / pts.size();
            for (int k = 0; k < v.depth(); k++) {
                // on the slice through its centre; every point within that slice or its neighbours (a line
                // drawn slightly oblique, as reconstructed views make them, still shows)
                if (Math.abs(planeDistance(g, k, centre)) > half) continue;
                boolean on = true;
                for (double[] p : pts) {
                    if (Math.abs(planeDistance(g, k, p)) > half + g.spacing()[2]) {
                        on = false;
                        break;
                    }
                }
                if (!on) continue;
                float[] xs = new float[pts.size()], ys = new float[pts.size()];
                for (int m = 0; m < pts.size(); m++) {
                    double d = planeDistance(g, k, pts.get(m));
                    double[] ij = inPlane(g, k, pts.get(m), d, n);
                    xs[m] = (float) ij[0];
                    ys[m] = (float) ij[1];
                }
                Roi shape;
                switch (roi.type()) {
                    case POINT -> {
                        PointRoi pr = new PointRoi(xs[0], ys[0]);
                        pr.setPointType(PointRoi.CROSSHAIR);
                        pr.setSize(3);
                        shape = pr;
                    }
                    case LINE -> {
                        if (pts.size() < 2) continue;
                        shape = new Line(xs[0], ys[0], xs[1], ys[1]);
                    }
                    default -> {
                        // polygon vertices are stored at voxel centres of the drawn corners (see ij.ImageRois)
                        float[] cx = new float[xs.length], cy = new float[ys.length];
                        for (int m = 0; m < xs.length; m++) {
                            cx[m] = xs[m] + 0.5f;
                            cy[m] = ys[m] + 0.5f;
                        }
                        shape = new PolygonRoi(new FloatPolygon(cx, cy), Roi.POLYGON);
                    }
                }
                shape.setStrokeColor(colour);
                shape.setStrokeWidth(1.5);
                shape.setPosition(k + 1);
                shape.setName(name);
                out.add(shape);
                String measure = measure(v, roi.type(), pts, shape, k);
                if (measure != null) {
                    TextRoi t = measureLabel(shape, prefix + measure, labelFont, colour, v.width(), v.height(),
                            TARGET_RADIUS_MM / g.spacing()[0], labels.computeIfAbsent(k, x -> new ArrayList<>()));
                    t.setPosition(k + 1);
                    t.setName(name + " measure: " + measure);
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** "12.3 mm" for a line, "mean 48.2 HU" for a polygon on slice {@code k}; null for other shapes. */
    /**
     * The label of an ROI's measure ("2.4 mm", "mean 585.0 HU"): centred above the ROI, clear of
     * the Go-to ring drawn around the same spot (radius {@code clearPx} image pixels about the
     * ROI's centre; 0: none), whose own label sits to its right; below the ROI when there is no
     * room above; always inside the image; stacked away from the labels already placed on the
     * same image ({@code taken}, to which it adds its own), as a gap line and a contrast polygon
     * at one pars have theirs; where no place is free, the one covering least of them. Beside the ROI, where it was, it ran into the ring's label, off the
     * image's right edge, and over the other ROI's label.
     */
    static TextRoi measureLabel(Roi shape, String text, Font font, Color colour, int imageWidth, int imageHeight, double clearPx,
                                List<java.awt.Rectangle> taken) {
        TextRoi t = new TextRoi(0, 0, text, font);
        java.awt.Rectangle size = t.getBounds();
        java.awt.Rectangle b = shape.getBounds();
        double cx = b.x + b.width / 2.0;
        double cy = b.y + b.height / 2.0;
        double above = Math.min(b.y, cy - clearPx);
        double below = Math.max(b.y + b.height, cy + clearPx);
        int x = (int) Math.round(Math.max(0, Math.min(cx - size.width / 2.0, imageWidth - size.width)));
        java.awt.Rectangle at = null, least = null;
        long leastOverlap = Long.MAX_VALUE;
        // upwards from just above the ROI, then downwards from just below it
        for (int dir = -1; dir <= 1 && at == null; dir += 2) {
            for (double y = dir < 0 ? above - size.height - 1 : below + 1; y >= 0 && y + size.height <= imageHeight;
                 y += dir * (size.height + 1)) {
                java.awt.Rectangle r = new java.awt.Rectangle(x, (int) Math.round(y), size.width, size.height);
                long overlap = overlap(r, taken);
                if (overlap == 0) {
                    at = r;
                    break;
                }
                if (overlap < leastOverlap) {
                    least = r;
                    leastOverlap = overlap;
                }
            }
        }
        // no free place: the one covering least of what is there (the viewer's text on a reformat zoomed into its tile),
        // not always the place above the ROI, which covered the info text once that moved right of ImageJ's zoom indicator
        if (at == null) at = least;
        if (at == null) at = new java.awt.Rectangle(x, (int) Math.max(0, Math.min(above - size.height - 1, imageHeight - size.height)), size.width, size.height);
        taken.add(at);
        t.setLocation(at.x, at.y);
        t.setStrokeColor(colour);
        t.setFillColor(new Color(0, 0, 0, 110));
        t.setAntiAlias(true);
        return t;
    }

    /** The area of {@code r} that the rectangles of {@code taken} cover (summed: where two overlap, twice). */
    private static long overlap(java.awt.Rectangle r, List<java.awt.Rectangle> taken) {
        long sum = 0;
        for (java.awt.Rectangle q : taken) {
            java.awt.Rectangle i = r.intersection(q);
            if (!i.isEmpty()) sum += (long) i.width * i.height;
        }
        return sum;
    }

    static String measure(Volume v, FindingsDocument.RoiType type, List<double[]> pts, Roi shape, int k) {
        if (type == FindingsDocument.RoiType.LINE && pts.size() >= 2) {
            double[] a = pts.get(0), b = pts.get(1);
            double d = Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
            return String.format(java.util.Locale.ROOT, "%.1f mm", d);
        }
        if (type != FindingsDocument.RoiType.POLYGON || !(shape instanceof PolygonRoi)) return null;
        double sum = 0;
        long n = 0;
        for (java.awt.Point p : shape.getContainedPoints()) {
            if (p.x < 0 || p.y < 0 || p.x >= v.width() || p.y >= v.height()) continue;
            sum += v.value(p.x, p.y, k);
            n++;
        }
        if (n == 0) return null;
        String unit = v.unit() == null || v.unit().isBlank() ? "" : " " + v.unit();
        return String.format(java.util.Locale.ROOT, "mean %.1f%s", sum / n, unit);
    }

    /** A font size in image pixels that shows as {@code screenPx} on the screen at {@code magnification}. */
    static float fontSize(double screenPx, double magnification) {
        return (float) Math.max(4, screenPx / (magnification > 0 ? magnification : 1));
    }

    /** A crosshair ring at voxel (i, j) of slice {@code slice} (1-based) with a label. */
    static List<Roi> target(Volume v, double[] ijk, String label, double magnification) {
        List<Roi> out = new ArrayList<>();
        double r = Math.max(3, TARGET_RADIUS_MM / v.geometry().spacing()[0]);
        int slice = (int) Math.round(ijk[2]) + 1;
        OvalRoi ring = new OvalRoi(ijk[0] + 0.5 - r, ijk[1] + 0.5 - r, 2 * r, 2 * r);
        ring.setStrokeColor(TARGET_COLOUR);
        ring.setStrokeWidth(1.5);
        ring.setPosition(slice);
        ring.setName(TARGET);
        out.add(ring);
        TextRoi t = new TextRoi(ijk[0] + 0.5 + r + 1, ijk[1] + 0.5 + r * 0.3, label,
                new Font(Font.SANS_SERIF, Font.BOLD, 11).deriveFont(fontSize(11, magnification)));
        t.setStrokeColor(TARGET_COLOUR);
        t.setAntiAlias(true);
        t.setPosition(slice);
        t.setName(TARGET + " label");
        out.add(t);
        return out;
    }

    /** The shared cursor: a small cross at voxel (i, j) on slice {@code slice} (1-based). */
    static List<Roi> cursor(double i, double j, int slice) {
        List<Roi> out = new ArrayList<>();
        double arm = 6;
        for (double[] seg : new double[][] {{i - arm, j, i - 2, j}, {i + 2, j, i + arm, j}, {i, j - arm, i, j - 2}, {i, j + 2, i, j + arm}}) {
            Line l = new Line(seg[0], seg[1], seg[2], seg[3]);
            l.setStrokeColor(CURSOR_COLOUR);
            l.setPosition(slice);
            l.setName(CURSOR);
            out.add(l);
        }
        return out;
    }

    /**
     * Replaces this painter's elements of {@code existing} (kept: everything not named with
     * {@link #PREFIX}). The overlay is not selectable: ImageJ would otherwise turn a click on a
     * label into the image's selection, taking the place of the polygon the reader is drawing.
     */
    static Overlay merge(Overlay existing, List<Roi> mine) {
        Overlay o = new Overlay();
        o.selectable(false);
        if (existing != null) {
            for (Roi r : existing.toArray()) if (r.getName() == null || !r.getName().startsWith(PREFIX)) o.add(r);
        }
        for (Roi r : mine) o.add(r);
        return o;
    }

    static Color colour(ReadingTemplate template, FindingsDocument.Roi roi) {
        if (template == null || roi.finding() == null) return ROI_DEFAULT;
        try {
            return RoiTool.forRoi(template, roi.finding(), roi.label()).map(t -> new Color(t.rgb() & 0xFFFFFF)).orElse(ROI_DEFAULT);
        } catch (RuntimeException e) {
            return ROI_DEFAULT;
        }
    }

    // ---- 3D masks: outlined on each slice of the viewer whose voxel centres fall in the mask

    private static final Map<FindingsDocument.Mask, BitSet> DECODED = new WeakHashMap<>();

    static List<Roi> mask(Volume v, FindingsDocument.Mask m, Color colour, String name) {
        List<Roi> out = new ArrayList<>();
        if (m.dims() == null || m.dims().length != 3 || m.runs() == null) return out;
        BitSet bits;
        synchronized (DECODED) {
            bits = DECODED.computeIfAbsent(m, OverlayPainter::decode);
        }
        if (bits.isEmpty()) return out;
        int nx = m.dims()[0], ny = m.dims()[1], nz = m.dims()[2];
        VoxelGeometry mg = new VoxelGeometry(m.origin(), m.columnStep(), m.rowStep(), m.sliceStep());
        // the mask's bounding box, in the viewer's voxels
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}, hi = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        int plane = nx * ny;
        for (int idx = bits.nextSetBit(0); idx >= 0; idx = bits.nextSetBit(idx + 1)) {
            int k = idx / plane, j = (idx % plane) / nx, i = idx % nx;
            double[] p = mg.toPatient(i, j, k);
            double[] q = v.geometry().toVoxel(p[0], p[1], p[2]);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], (int) Math.floor(q[a]) - 1);
                hi[a] = Math.max(hi[a], (int) Math.ceil(q[a]) + 1);
            }
        }
        for (int k = Math.max(0, lo[2]); k <= Math.min(v.depth() - 1, hi[2]); k++) {
            ByteProcessor bp = new ByteProcessor(v.width(), v.height());
            boolean any = false;
            for (int j = Math.max(0, lo[1]); j <= Math.min(v.height() - 1, hi[1]); j++) {
                for (int i = Math.max(0, lo[0]); i <= Math.min(v.width() - 1, hi[0]); i++) {
                    double[] p = v.geometry().toPatient(i, j, k);
                    double[] q = mg.toVoxel(p[0], p[1], p[2]);
                    int a = (int) Math.round(q[0]), b = (int) Math.round(q[1]), c = (int) Math.round(q[2]);
                    if (a < 0 || b < 0 || c < 0 || a >= nx || b >= ny || c >= nz) continue;
                    if (bits.get(c * plane + b * nx + a)) {
                        bp.set(i, j, 255);
                        any = true;
                    }
                }
            }
            if (!any) continue;
            bp.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
            Roi outline = new ThresholdToSelection().convert(bp);
            if (outline == null) continue;
            outline.setStrokeColor(colour);
            outline.setPosition(k + 1);
            outline.setName(name);
            out.add(outline);
        }
        return out;
    }

    /** Run lengths over the grid in i, j, k order, alternating outside/inside, starting outside. */
    static BitSet decode(FindingsDocument.Mask m) {
        BitSet b = new BitSet();
        long total = (long) m.dims()[0] * m.dims()[1] * m.dims()[2];
        long pos = 0;
        boolean inside = false;
        for (int run : m.runs()) {
            if (run < 0 || pos + run > total) break;
            if (inside) b.set((int) pos, (int) (pos + run));
            pos += run;
            inside = !inside;
        }
        return b;
    }

    // ---- geometry

    /** Signed distance (mm, along the slice normal) of {@code p} from the plane of slice {@code k}. */
    static double planeDistance(VoxelGeometry g, int k, double[] p) {
        double[] o = g.toPatient(0, 0, k);
        double[] n = g.normal();
        return (p[0] - o[0]) * n[0] + (p[1] - o[1]) * n[1] + (p[2] - o[2]) * n[2];
    }

    /** Column and row of {@code p} projected on the plane of slice {@code k} ({@code d}: its plane distance). */
    static double[] inPlane(VoxelGeometry g, int k, double[] p, double d, double[] n) {
        double[] q = {p[0] - d * n[0], p[1] - d * n[1], p[2] - d * n[2]};
        double[] ijk = g.toVoxel(q[0], q[1], q[2]);
        return new double[] {ijk[0], ijk[1]};
    }

    /** Unit direction of the spine from its levels (first to last); head-foot when fewer than two. */
    static double[] spineAxis(List<LevelMap.Position> ps) {
        if (ps.size() < 2) return new double[] {0, 0, 1};
        double[] a = ps.get(0).point(), b = ps.get(ps.size() - 1).point();
        double[] u = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
        double len = Math.sqrt(dot(u, u));
        if (len < 1e-6) return new double[] {0, 0, 1};
        return new double[] {u[0] / len, u[1] / len, u[2] / len};
    }

    /** Half the mean distance between neighbouring levels (17.5 mm, a lumbar level's half height, with one level). */
    static double halfSpacing(List<LevelMap.Position> ps) {
        if (ps.size() < 2) return 17.5;
        double sum = 0;
        for (int i = 0; i + 1 < ps.size(); i++) {
            double[] a = ps.get(i).point(), b = ps.get(i + 1).point();
            sum += Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
        }
        return sum / (ps.size() - 1) / 2;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
