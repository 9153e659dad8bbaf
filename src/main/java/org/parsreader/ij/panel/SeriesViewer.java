package org.parsreader.ij.panel;

import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.Overlay;
import ij.gui.Roi;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parsreader.dicom.ImageStack;
import org.parsreader.reading.PointMapper;
import org.parsreader.reading.WindowPreset;
import org.parsreader.volume.Volume;

/**
 * One series shown in an ImageJ window by {@link CaseViewers}: the stack, its volume, the
 * image, the window preset in use, and what is drawn over it. Call its methods on the event
 * dispatch thread (CaseViewers does).
 */
public final class SeriesViewer {
    private final ImageStack stack;
    private final Volume volume;
    private final ImagePlus image;
    private WindowPreset preset;
    /** The painter's base elements (levels, ROIs, target) and the cursor elements, kept apart so the cursor moves cheaply. */
    private List<Roi> base = List.of();
    private List<Roi> cursor = List.of();
    private List<Roi> target = List.of();
    /** Reference lines: where other viewers' planes (the reformats') cut the slice shown, by the viewer that drew them. */
    private final java.util.Map<Object, List<Roi>> references = new java.util.LinkedHashMap<>();
    /** The viewer conventions (orientation, scale bar, slice and W/L text), and the view they were built for. */
    private List<Roi> annotations = List.of();
    private String annotationKey = "";
    private double[] targetAt;
    private String targetLabel;
    /** The zoom the labels were sized for. */
    double paintedMagnification = Double.NaN;
    /** Last slice seen (1-based), to tell a user's scroll from our own setSlice. */
    int knownSlice;
    /** Last voxel column/row under the mouse, for linked scrolling from this viewer; null before the mouse came. */
    double[] lastMouse;

    SeriesViewer(ImageStack stack, Volume volume, ImagePlus image) {
        this.stack = stack;
        this.volume = volume;
        this.image = image;
        this.knownSlice = image.getCurrentSlice();
    }

    public ImageStack stack() { return stack; }

    public Volume volume() { return volume; }

    public ImagePlus image() { return image; }

    /** "CT" or "MR" (or whatever the series' modality is). */
    public String modality() { return stack.modality(); }

    /** The window preset last applied (null if the user set the display range by hand after). */
    public WindowPreset preset() { return preset; }

    /** Applies {@code p}: sets the display range from the preset's window; false when it does not apply to this series. */
    boolean applyPreset(WindowPreset p) {
        if (!p.appliesTo(volume)) return false;
        double[] r = p.storedRange(volume);
        image.setDisplayRange(r[0], r[1]);
        image.updateAndDraw();
        preset = p;
        refreshAnnotations();
        return true;
    }

    /** Sets the display range by hand (a window/level drag): no preset is in use after. */
    void setWindow(double min, double max) {
        image.setDisplayRange(min, max);
        image.updateAndDraw();
        preset = null;
        refreshAnnotations();
    }

    /**
     * Rebuilds the viewer conventions ({@link ViewerAnnotations}) when the view changed (slice,
     * zoom, pan, display range) since they were drawn; cheap when nothing changed.
     */
    void refreshAnnotations() {
        String key = ViewerAnnotations.key(image);
        if (key.equals(annotationKey)) return;
        annotationKey = key;
        List<Roi> now = ViewerAnnotations.build(image, volume);
        Overlay o = image.getOverlay();
        if (o == null) {
            annotations = now;
            paint();
            return;
        }
        for (Roi r : annotations) o.remove(r);
        annotations = now;
        for (Roi r : annotations) o.add(r);
        image.draw();
    }

    /** The canvas zoom (1 without a window). */
    double magnification() {
        ImageCanvas c = image.getCanvas();
        return c == null ? 1 : c.getMagnification();
    }

    /** The patient point (mm) under canvas position ({@code sx}, {@code sy}) on the shown slice. */
    double[] patientAt(int sx, int sy) {
        ImageCanvas c = image.getCanvas();
        double i = c.offScreenXD(sx) - 0.5, j = c.offScreenYD(sy) - 0.5;
        return volume.geometry().toPatient(i, j, image.getCurrentSlice() - 1);
    }

    /** The voxel (i, j, k; continuous, 0-based) of patient point {@code p}, if inside this series. */
    Optional<double[]> voxelOf(double[] p) {
        return PointMapper.toVoxel(volume, p);
    }

    /** Shows the slice through voxel {@code ijk}; returns the slice (1-based). */
    int showSlice(double[] ijk) {
        int slice = (int) Math.max(1, Math.min(volume.depth(), Math.round(ijk[2]) + 1));
        knownSlice = slice;
        if (image.getCurrentSlice() != slice) image.setSlice(slice);
        return slice;
    }

    /** When the image is zoomed in, moves the visible part so that voxel (i, j) is in its middle. */
    void centreOn(double i, double j) {
        ImageCanvas c = image.getCanvas();
        if (c == null) return;
        Rectangle src = c.getSrcRect();
        if (src.width >= image.getWidth() && src.height >= image.getHeight()) return;
        int x = (int) Math.round(i + 0.5 - src.width / 2.0), y = (int) Math.round(j + 0.5 - src.height / 2.0);
        x = Math.max(0, Math.min(image.getWidth() - src.width, x));
        y = Math.max(0, Math.min(image.getHeight() - src.height, y));
        c.setSourceRect(new Rectangle(x, y, src.width, src.height));
        image.draw();
    }

    /**
     * Zooms to magnification {@code m} (not below the one that shows the whole image in the
     * window) with voxel (i, j) in the middle of the visible part.
     */
    void zoomTo(double m, double i, double j) {
        ImageCanvas c = image.getCanvas();
        if (c == null || !(m > 0)) return;
        java.awt.Dimension d = c.getSize();
        double fit = Math.min(d.width / (double) image.getWidth(), d.height / (double) image.getHeight());
        double mag = Math.max(m, fit);
        int w = (int) Math.min(image.getWidth(), Math.ceil(d.width / mag)), h = (int) Math.min(image.getHeight(), Math.ceil(d.height / mag));
        int x = (int) Math.round(i + 0.5 - w / 2.0), y = (int) Math.round(j + 0.5 - h / 2.0);
        x = Math.max(0, Math.min(image.getWidth() - w, x));
        y = Math.max(0, Math.min(image.getHeight() - h, y));
        c.setMagnification(mag);
        c.setSourceRect(new Rectangle(x, y, w, h));
        c.repaint();
    }

    void setBase(List<Roi> rois) {
        base = List.copyOf(rois);
        annotationKey = ViewerAnnotations.key(image);
        annotations = ViewerAnnotations.build(image, volume);
        paint();
    }

    /** Draws the "go to" marker at voxel {@code ijk} with {@code label}; null removes it. */
    void setTarget(double[] ijk, String label) {
        targetAt = ijk == null ? null : ijk.clone();
        targetLabel = label;
        target = ijk == null ? List.of() : OverlayPainter.target(volume, ijk, label, magnification());
        paint();
    }

    /** Redraws the "go to" marker for the current zoom (its label is sized in image pixels). */
    void refreshTarget() {
        if (targetAt != null) setTarget(targetAt, targetLabel);
    }

    void setCursor(List<Roi> rois) {
        if (rois.isEmpty() && cursor.isEmpty()) return;
        Overlay o = image.getOverlay();
        if (o == null) {
            cursor = List.copyOf(rois);
            paint();
            return;
        }
        for (Roi r : cursor) o.remove(r);
        cursor = List.copyOf(rois);
        for (Roi r : cursor) o.add(r);
        image.draw();
    }

    /** Sets the reference lines {@code owner} (a reformat viewer) draws here; empty removes them. */
    void setReferences(Object owner, List<Roi> rois) {
        List<Roi> was = references.get(owner);
        if (rois.isEmpty() && was == null) return;
        if (rois.isEmpty()) references.remove(owner);
        else references.put(owner, List.copyOf(rois));
        paint();
    }

    /** Everything this viewer draws, on top of any overlay others put on the image. */
    private void paint() {
        List<Roi> all = new ArrayList<>(base.size() + target.size() + cursor.size() + annotations.size());
        all.addAll(annotations);
        for (List<Roi> r : references.values()) all.addAll(r);
        all.addAll(base);
        all.addAll(target);
        all.addAll(cursor);
        image.setOverlay(OverlayPainter.merge(image.getOverlay(), all));
    }

    /** What this viewer has drawn, for tests: names of the overlay elements on slice {@code slice} (1-based; 0 = on all). */
    public List<String> overlayNames(int slice) {
        List<String> out = new ArrayList<>();
        Overlay o = image.getOverlay();
        if (o == null) return out;
        for (Roi r : o.toArray()) {
            if (r.getName() == null || !r.getName().startsWith(OverlayPainter.PREFIX)) continue;
            if (slice == 0 || r.getPosition() == 0 || r.getPosition() == slice) out.add(r.getName().substring(OverlayPainter.PREFIX.length()));
        }
        return out;
    }

    @Override
    public String toString() {
        return image.getTitle();
    }
}
