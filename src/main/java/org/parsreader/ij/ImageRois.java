package org.parsreader.ij;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Roi;
import ij.process.FloatPolygon;
import java.util.ArrayList;
import java.util.List;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.RoiType;
import org.parsreader.findings.RoiGeometry;
import org.parsreader.findings.Side;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.PlaneMapping;
import org.parsreader.reformat.Reformatter;
import org.parsreader.reformat.SlabSeed;
import org.parsreader.volume.Volume;

/**
 * ImageJ selections on an image opened by Open Study, as findings ROIs in patient mm.
 *
 * <p>Pixel convention (ImageJ's own, see {@code Roi.useLineSubpixelConvention}): for straight
 * lines and points, integer coordinates are pixel <em>centres</em>, so (x, y) is voxel
 * (i, j) = (x, y) as given; for area selections (polygon, freehand, traced, rectangle, oval)
 * integer coordinates are pixel <em>corners</em>, so a vertex (x, y) is voxel
 * (x - 0.5, y - 0.5). Voxel (i, j, k) is where {@code Volume.geometry()} puts it: the centre
 * of column i, row j of slice k (DICOM ImagePositionPatient is a pixel centre). With this, the
 * voxels a polygon contains in the core ({@link RoiGeometry#polygonStats}: centres inside) are
 * the pixels ImageJ's own mask of the same polygon contains.
 *
 * <p>On a reformat image ({@link ReformatCommand}: properties {@link ReformatCommand#PLANE_PROPERTY},
 * {@link ReformatCommand#STEP_PROPERTY}, {@link ReformatCommand#SOURCE_PROPERTY}) the same pixel
 * convention holds on its planes ({@link PlaneMapping}); the ROI is stored in patient mm with the
 * SOURCE series' UID and frame of reference, and no SOP instance (a reformat plane is no acquired
 * slice). A point clicked on a thick-slab MIP is the brightest sample of the slab behind it
 * ({@link SlabSeed}).
 */
public final class ImageRois {
    private ImageRois() {}

    /** The Volume behind an image; throws with what to do when the image was not opened by Open Study. */
    public static Volume volume(ImagePlus imp) {
        if (imp == null) throw new IllegalArgumentException("no image is open; open one with Plugins > Pars Reader > Open Study...");
        Object v = imp.getProperty(OpenStudyCommand.VOLUME_PROPERTY);
        if (!(v instanceof Volume volume)) {
            throw new IllegalArgumentException("image '" + imp.getTitle() + "' was not opened by Open Study, so its patient coordinates are unknown;"
                    + " open the series with Plugins > Pars Reader > Open Study...");
        }
        if (volume.width() != imp.getWidth() || volume.height() != imp.getHeight() || volume.depth() != imp.getStackSize()) {
            throw new IllegalArgumentException("image '" + imp.getTitle() + "' is " + imp.getWidth() + "x" + imp.getHeight() + "x" + imp.getStackSize()
                    + " but its series is " + volume.width() + "x" + volume.height() + "x" + volume.depth()
                    + " (cropped or resliced?); draw on the image Open Study opened");
        }
        return volume;
    }

    /** The selection's slice (1-based): its own position if it has one, else the image's current slice. */
    public static int slice(ImagePlus imp, Roi roi) {
        int pos = roi.hasHyperStackPosition() ? roi.getZPosition() : roi.getPosition();
        return pos > 0 ? pos : imp.getCurrentSlice();
    }

    /**
     * The selection on slice {@code slice} (1-based) of {@code v} as a findings ROI (id assigned
     * later by the editor), with the series, frame of reference and SOP instance it was drawn on.
     */
    public static FindingsDocument.Roi toFindingsRoi(Roi roi, int slice, Volume v, String finding, String level, Side side) {
        if (roi == null) throw new IllegalArgumentException("no selection on the image; draw a straight line, a polygon or a point first");
        int k = slice - 1;
        if (k < 0 || k >= v.depth()) throw new IllegalArgumentException("slice " + slice + " is outside " + v.name() + " (1.." + v.depth() + ")");
        if (!v.isValidSlice(k)) throw new IllegalArgumentException("slice " + slice + " could not be read (" + v.slices().get(k).problem() + "); draw on another slice");
        RoiType type;
        List<double[]> voxels = new ArrayList<>();
        if (roi instanceof Line line) {
            type = RoiType.LINE;
            voxels.add(new double[] {line.x1d, line.y1d, k});
            voxels.add(new double[] {line.x2d, line.y2d, k});
        } else if (roi.getType() == Roi.POINT) {
            FloatPolygon p = roi.getFloatPolygon();
            if (p.npoints != 1) throw new IllegalArgumentException("the point selection has " + p.npoints + " points; add one point per ROI");
            type = RoiType.POINT;
            voxels.add(new double[] {p.xpoints[0], p.ypoints[0], k});
        } else if (roi.isArea() && roi.getType() != Roi.COMPOSITE) {
            FloatPolygon p = roi.getFloatPolygon();
            if (p.npoints < 3) throw new IllegalArgumentException("the area selection has " + p.npoints + " vertices; a polygon needs 3 or more");
            type = RoiType.POLYGON;
            for (int n = 0; n < p.npoints; n++) voxels.add(new double[] {p.xpoints[n] - 0.5, p.ypoints[n] - 0.5, k});
        } else {
            throw new IllegalArgumentException("a " + roi.getTypeAsString() + " selection cannot be stored; draw a straight line, a polygon (or other area) or a single point");
        }
        String frame = v.frameOfReferenceUid() == null || v.frameOfReferenceUid().isEmpty() ? null : v.frameOfReferenceUid();
        String sop = v.slices().get(k).sopInstanceUid();
        return new FindingsDocument.Roi(null, type, finding, level, side, RoiGeometry.toPatient(voxels, v.geometry()), frame,
                v.seriesInstanceUid(), sop == null || sop.isEmpty() ? List.of() : List.of(sop), null, null);
    }

    /** Whether the image is a reformat made by {@link ReformatCommand} (or the panel's reformat viewer). */
    public static boolean isReformat(ImagePlus imp) {
        return imp != null && imp.getProperty(ReformatCommand.PLANE_PROPERTY) instanceof Plane;
    }

    /** The series behind an image: its own Volume, or the one a reformat image was computed from. */
    public static Volume sourceVolume(ImagePlus imp) {
        if (!isReformat(imp)) return volume(imp);
        if (!(imp.getProperty(ReformatCommand.SOURCE_PROPERTY) instanceof Volume v)) {
            throw new IllegalArgumentException("reformat image '" + imp.getTitle() + "' does not say which series it was made from; make it again with Reformat...");
        }
        return v;
    }

    /** Where the pixels of a reformat image lie in patient mm. */
    public static PlaneMapping mapping(ImagePlus imp) {
        Object step = imp.getProperty(ReformatCommand.STEP_PROPERTY);
        return new PlaneMapping((Plane) imp.getProperty(ReformatCommand.PLANE_PROPERTY), step instanceof Double d ? d : 1);
    }

    /**
     * The selection {@code roi} on {@code imp} (an image Open Study opened, or a reformat of one) as
     * a findings ROI in patient mm: what the panel and the reading commands store for the active image.
     */
    public static FindingsDocument.Roi toFindingsRoi(ImagePlus imp, Roi roi, String finding, String level, Side side) {
        if (!isReformat(imp)) return toFindingsRoi(roi, roi == null ? 1 : slice(imp, roi), volume(imp), finding, level, side);
        if (roi == null) throw new IllegalArgumentException("no selection on the image; draw a straight line, a polygon or a point first");
        Volume v = sourceVolume(imp);
        PlaneMapping m = mapping(imp);
        int k = slice(imp, roi) - 1;
        if (k < 0 || k >= imp.getStackSize()) throw new IllegalArgumentException("slice " + (k + 1) + " is outside '" + imp.getTitle() + "' (1.." + imp.getStackSize() + ")");
        RoiType type;
        List<double[]> points = new ArrayList<>();
        if (roi instanceof Line line) {
            type = RoiType.LINE;
            points.add(m.toPatient(line.x1d, line.y1d, k));
            points.add(m.toPatient(line.x2d, line.y2d, k));
        } else if (roi.getType() == Roi.POINT) {
            FloatPolygon p = roi.getFloatPolygon();
            if (p.npoints != 1) throw new IllegalArgumentException("the point selection has " + p.npoints + " points; add one point per ROI");
            type = RoiType.POINT;
            double slab = imp.getProperty(ReformatCommand.SLAB_PROPERTY) instanceof Double d ? d : 0;
            boolean mip = "MIP".equals(imp.getProperty(ReformatCommand.SLAB_MODE_PROPERTY));
            points.add(slab > 0 && mip ? SlabSeed.brightest(new Reformatter(v), m.plane(k), p.xpoints[0], p.ypoints[0], slab)
                    : m.toPatient(p.xpoints[0], p.ypoints[0], k));
        } else if (roi.isArea() && roi.getType() != Roi.COMPOSITE) {
            FloatPolygon p = roi.getFloatPolygon();
            if (p.npoints < 3) throw new IllegalArgumentException("the area selection has " + p.npoints + " vertices; a polygon needs 3 or more");
            type = RoiType.POLYGON;
            for (int n = 0; n < p.npoints; n++) points.add(m.toPatient(p.xpoints[n] - 0.5, p.ypoints[n] - 0.5, k));
        } else {
            throw new IllegalArgumentException("a " + roi.getTypeAsString() + " selection cannot be stored; draw a straight line, a polygon (or other area) or a single point");
        }
        for (double[] p : points) {
            double[] ijk = v.geometry().toVoxel(p[0], p[1], p[2]);
            if (ijk[0] < -0.5 || ijk[1] < -0.5 || ijk[2] < -0.5 || ijk[0] > v.width() - 0.5 || ijk[1] > v.height() - 0.5 || ijk[2] > v.depth() - 0.5) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the selection on '%s' reaches outside %s (%.1f, %.1f, %.1f mm); draw inside the volume",
                        imp.getTitle(), v.name(), p[0], p[1], p[2]));
            }
        }
        String frame = v.frameOfReferenceUid() == null || v.frameOfReferenceUid().isEmpty() ? null : v.frameOfReferenceUid();
        return new FindingsDocument.Roi(null, type, finding, level, side, points, frame, v.seriesInstanceUid(), List.of(), null, null);
    }
}
