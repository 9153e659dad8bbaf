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
}
