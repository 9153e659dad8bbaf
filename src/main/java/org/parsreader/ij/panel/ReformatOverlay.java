package org.parsreader.ij.panel;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Roi;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.swing.Timer;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.PlaneCut;
import org.parsreader.volume.ViewerConventions;

/**
 * What a {@link ReformatViewer} draws (issue 12 points 2, 3 and 4): the viewer conventions on the
 * reformat (orientation letters from the plane's directions, scale bar, what the viewer is, the
 * plane's offset and the window/level), the reader's ROIs in the plane with their measures
 * ({@link ReformatRois}), and the reference lines both ways between the reformat and
 * the acquired series of its frame of reference: where each series' current slice cuts the plane
 * shown (on the reformat), and where that plane cuts the slice shown (on the series). Scrolling,
 * zooming, tilting or shifting either side redraws them: a light timer compares a few numbers, as
 * {@link ViewerView} does for the series (ImageJ fires no event for a zoom). Event dispatch thread.
 */
final class ReformatOverlay {
    /** The reference lines' colour: cyan, clear of the ROI tools' and the levels' colours. */
    static final Color REFERENCE = new Color(0x40D0FF);

    private final ReformatViewer viewer;
    private final Supplier<List<SeriesViewer>> series;
    private final org.parsreader.reading.ReadingSession session;
    private final Timer timer = new Timer(ViewerView.POLL_MS, e -> {
        pollZoom();
        refresh();
    });
    private String key = "";
    /** The zoom and visible part last seen, and whether zoom follows across the case's viewers; the series a zoom was passed to. */
    private double knownMag = Double.NaN;
    private java.awt.Rectangle knownSrc;
    private java.util.function.BooleanSupplier linked = () -> false;
    private java.util.function.Consumer<SeriesViewer> followed = v -> { };

    /**
     * @param series  the case's series viewers now (the reference lines go to those of the reformat's frame of reference)
     * @param session the case (its ROIs are drawn, with their measures, {@link ReformatRois}); null: none
     */
    ReformatOverlay(ReformatViewer viewer, Supplier<List<SeriesViewer>> series, org.parsreader.reading.ReadingSession session) {
        this.viewer = viewer;
        this.series = series;
        this.session = session;
        timer.setCoalesce(true);
    }

    void start() {
        timer.start();
        refresh();
    }

    /** Stops, and takes the reformat's lines off the series. */
    void stop() {
        timer.stop();
        for (SeriesViewer v : series.get()) v.setReferences(viewer, List.of());
    }

    /**
     * Linked zoom (issue 12 point 2): when {@code linked}, a zoom or pan on the reformat zooms the series of
     * its frame by the same factor around the same patient point ({@code followed} is told each series so
     * moved, so that it is not followed back), and {@link #follow} does the reverse.
     */
    void link(java.util.function.BooleanSupplier linked, java.util.function.Consumer<SeriesViewer> followed) {
        this.linked = linked;
        this.followed = followed;
    }

    /** A series zoomed by {@code factor} around patient point {@code centre}: the reformat follows (not passed on again). */
    void follow(double factor, double[] centre) {
        ij.gui.ImageCanvas c = viewer.image().getCanvas();
        if (c == null || !(factor > 0)) return;
        double[] xyk = viewer.mapping().toPixel(centre);
        zoomTo(c, c.getMagnification() * factor, xyk[0], xyk[1]);
        knownMag = c.getMagnification();
        knownSrc = new java.awt.Rectangle(c.getSrcRect());
        refresh();
    }

    /** Zooms {@code c} to {@code m} (not below showing the whole plane) with pixel (x, y) in the middle, as {@link SeriesViewer#zoomTo}. */
    private void zoomTo(ij.gui.ImageCanvas c, double m, double x, double y) {
        ImagePlus imp = viewer.image();
        java.awt.Dimension d = c.getSize();
        double fit = Math.min(d.width / (double) imp.getWidth(), d.height / (double) imp.getHeight());
        double mag = Math.max(m, fit);
        int w = (int) Math.min(imp.getWidth(), Math.ceil(d.width / mag)), h = (int) Math.min(imp.getHeight(), Math.ceil(d.height / mag));
        int sx = (int) Math.max(0, Math.min(imp.getWidth() - w, Math.round(x + 0.5 - w / 2.0)));
        int sy = (int) Math.max(0, Math.min(imp.getHeight() - h, Math.round(y + 0.5 - h / 2.0)));
        c.setMagnification(mag);
        c.setSourceRect(new java.awt.Rectangle(sx, sy, w, h));
        c.repaint();
    }

    /** Takes the zoom and visible part now as seen (a tiling or maximising changed them, not the reader). */
    void seenView() {
        ij.gui.ImageCanvas c = viewer.image().getCanvas();
        if (c == null) return;
        knownMag = c.getMagnification();
        knownSrc = new java.awt.Rectangle(c.getSrcRect());
    }

    /** The reformat's own zoom or pan since last seen: the linked series of its frame follow. */
    private void pollZoom() {
        ij.gui.ImageCanvas c = viewer.image().getCanvas();
        if (c == null) return;
        double mag = c.getMagnification();
        java.awt.Rectangle src = c.getSrcRect();
        boolean changed = !Double.isNaN(knownMag) && (mag != knownMag || !src.equals(knownSrc));
        double factor = Double.isNaN(knownMag) ? 1 : mag / knownMag;
        knownMag = mag;
        knownSrc = new java.awt.Rectangle(src);
        if (!changed || !linked.getAsBoolean()) return;
        double[] centre = viewer.mapping().toPatient(src.getCenterX() - 0.5, src.getCenterY() - 0.5, viewer.image().getCurrentSlice() - 1);
        for (SeriesViewer v : sameFrame()) {
            double[] ijk = v.volume().geometry().toVoxel(centre[0], centre[1], centre[2]);
            v.zoomTo(v.magnification() * factor, ijk[0], ijk[1]);
            followed.accept(v);
        }
    }

    /** Redraws when anything drawn depends on changed (cheap otherwise). */
    void refresh() {
        ImagePlus imp = viewer.image();
        if (imp.getWindow() == null) {
            stop(); // the reader closed the reformat's window: its lines go with it
            return;
        }
        List<SeriesViewer> same = sameFrame();
        StringBuilder k = new StringBuilder(ViewerAnnotations.key(imp)).append(' ').append(viewer.centre()).append(' ').append(imp.getTitle())
                .append(' ').append(imp.getWidth()).append('x').append(imp.getHeight());
        for (SeriesViewer v : same) k.append(' ').append(v.image().getTitle()).append(':').append(v.image().getCurrentSlice());
        org.parsreader.findings.FindingsDocument doc = session == null ? null : session.document();
        if (doc != null) k.append(" doc ").append(System.identityHashCode(doc)).append(' ').append(doc.rois().size())
                .append(doc.rois().isEmpty() ? "" : doc.rois().get(doc.rois().size() - 1).id());
        if (k.toString().equals(key)) return;
        key = k.toString();
        Plane plane = viewer.planeShown();
        String info = imp.getTitle() + "\n" + imp.getStack().getSliceLabel(imp.getCurrentSlice()) + "\n" + ViewerAnnotations.windowLevel(imp);
        List<Roi> mine = new ArrayList<>(ViewerAnnotations.build(imp, ViewerConventions.edges(plane.rowDirection(), plane.columnDirection()),
                plane.pixelSize(), info));
        if (doc != null && imp.getProcessor().getPixels() instanceof float[] px) {
            double mag = imp.getCanvas() == null ? 1 : imp.getCanvas().getMagnification();
            // the measure labels keep off the viewer's own text (title, offset, W/L, orientation letters, scale)
            List<java.awt.Rectangle> text = new ArrayList<>();
            for (Roi r : mine) if (r instanceof ij.gui.TextRoi) text.add(r.getBounds());
            // and off ImageJ's zoom indicator, painted over them all when the tiling zoomed the plane in
            java.awt.Rectangle src = imp.getCanvas() == null ? null : imp.getCanvas().getSrcRect();
            java.awt.Rectangle zoom = src == null ? null : ViewerAnnotations.zoomIndicator(imp.getWidth(), imp.getHeight(), src);
            if (zoom != null) {
                int x0 = (int) Math.floor(src.x + zoom.x / mag), y0 = (int) Math.floor(src.y + zoom.y / mag);
                text.add(new java.awt.Rectangle(x0, y0, (int) Math.ceil(src.x + zoom.getMaxX() / mag) - x0, (int) Math.ceil(src.y + zoom.getMaxY() / mag) - y0));
            }
            mine.addAll(ReformatRois.build(viewer.mapping(), imp.getCurrentSlice() - 1, px, imp.getWidth(), doc, session.template(),
                    viewer.volume().frameOfReferenceUid(), viewer.volume().unit(), mag, text));
        }
        for (SeriesViewer v : same) {
            int slice = v.image().getCurrentSlice() - 1;
            double[][] sp = PlaneCut.slicePlane(v.volume().geometry(), slice);
            PlaneCut.onPlane(plane, sp[0], sp[1]).ifPresent(seg -> mine.add(line(seg, v.image().getTitle() + " slice " + (slice + 1))));
            List<Roi> theirs = PlaneCut.onSlice(v.volume().geometry(), v.volume().width(), v.volume().height(), slice, plane.origin(), plane.normal())
                    .map(seg -> List.<Roi>of(line(seg, imp.getTitle()))).orElse(List.of());
            v.setReferences(viewer, theirs);
        }
        imp.setOverlay(OverlayPainter.merge(imp.getOverlay(), mine));
    }

    /** The series showing the reformatted volume's frame of reference (none when it has no frame UID). */
    private List<SeriesViewer> sameFrame() {
        String frame = viewer.volume().frameOfReferenceUid();
        if (frame == null || frame.isEmpty()) return List.of();
        return series.get().stream().filter(v -> v.image().getWindow() != null && frame.equals(v.volume().frameOfReferenceUid())).toList();
    }

    /**
     * A reference line from segment {x1, y1, x2, y2} in pixel indices: a straight line's integer
     * coordinates are pixel centres in ImageJ (as {@link org.parsreader.ij.ImageRois} reads the reader's lines).
     */
    static Line line(double[] seg, String what) {
        Line l = new Line(seg[0], seg[1], seg[2], seg[3]);
        l.setStrokeColor(REFERENCE);
        l.setName(OverlayPainter.PREFIX + "reference " + what);
        return l;
    }
}
