package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.PointRoi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.RoiGeometry;
import org.parsreader.findings.Side;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.ReformatSpec;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;
import org.parsreader.volume.VoxelType;

/** Issue 12 point 1: ROIs drawn on a reformat image are stored in the source series' patient mm, exactly as on acquired slices. */
class ReformatRoisTest {
    /** Anisotropic axial voxels 0.7 x 0.7 x 2.5 mm, 24 x 20 x 12, HU = x-position-dependent ramp. */
    static final VoxelGeometry G = new VoxelGeometry(new double[] {-8, -30, 100}, new double[] {0.7, 0, 0}, new double[] {0, 0.7, 0},
            new double[] {0, 0, 2.5});

    static Volume volume() {
        int w = 24, h = 20, d = 12;
        Object[] data = new Object[d];
        List<Volume.SliceInfo> infos = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            short[] s = new short[w * h];
            for (int j = 0; j < h; j++) for (int i = 0; i < w; i++) s[j * w + i] = (short) (1000 + 3 * i + 5 * j + 7 * k);
            data[k] = s;
            infos.add(new Volume.SliceInfo(Path.of("s" + k), -1, "1.2.3." + k, null));
        }
        return new Volume("synthetic CT", w, h, VoxelType.UINT16, data, 1, -1024, "HU", G, infos, null, false)
                .withSource("1.2.840.99.1", "1.2.840.99.2");
    }

    static ImagePlus sagittal(Volume v, String extra) {
        return ReformatCommand.process(v, ReformatCommand.spec(MacroOptions.parse(ReformatCommand.COMMAND, "plane=sagittal planes=5 " + extra,
                ReformatCommand.KEYS)));
    }

    @Test
    void aLineOnASagittalReformatIsStoredInPatientMmOfTheSourceSeries() {
        Volume v = volume();
        ImagePlus imp = sagittal(v, "");
        Plane first = (Plane) imp.getProperty(ReformatCommand.PLANE_PROPERTY);
        double step = (Double) imp.getProperty(ReformatCommand.STEP_PROPERTY);
        // the sagittal preset: rows posterior (+y), columns inferior (-z), normal to the patient's right (-x)
        assertThat(first.rowDirection()).containsExactly(0, 1, 0);
        assertThat(first.columnDirection()).containsExactly(0, 0, -1);
        Line line = new Line(2.0, 3.5, 10.25, 7.0);
        line.setPosition(4);
        imp.setSlice(4);
        FindingsDocument.Roi roi = ImageRois.toFindingsRoi(imp, line, "gap_width_mm", "L5", Side.LEFT);
        double ps = first.pixelSize();
        double[] o = first.origin();
        double[] a = {o[0] - 3 * step, o[1] + 2.0 * ps, o[2] - 3.5 * ps};
        double[] b = {o[0] - 3 * step, o[1] + 10.25 * ps, o[2] - 7.0 * ps};
        assertThat(roi.type()).isEqualTo(FindingsDocument.RoiType.LINE);
        assertThat(roi.points().get(0)).containsExactly(a, within(1e-9));
        assertThat(roi.points().get(1)).containsExactly(b, within(1e-9));
        assertThat(roi.seriesInstanceUid()).isEqualTo("1.2.840.99.1");
        assertThat(roi.frameOfReferenceUid()).isEqualTo("1.2.840.99.2");
        assertThat(roi.sopInstanceUids()).isEmpty();
        // the length in mm is the image length times the pixel size, and RoiGeometry's length of the stored points
        double imageMm = Math.hypot(10.25 - 2.0, 7.0 - 3.5) * ps;
        assertThat(RoiGeometry.lengthMm(roi)).isCloseTo(imageMm, within(1e-9));
        // and the mapping back: the stored points are pixels (2, 3.5) and (10.25, 7) of slice 4
        double[] back = ImageRois.mapping(imp).toPixel(roi.points().get(1));
        assertThat(back).containsExactly(new double[] {10.25, 7.0, 3}, within(1e-9));
        // the points lie in the source volume where the reformat sampled them: same HU
        double[] ijk = G.toVoxel(a[0], a[1], a[2]);
        double hu = 1000 + 3 * ijk[0] + 5 * ijk[1] + 7 * ijk[2] - 1024;
        assertThat((double) imp.getStack().getProcessor(4).getInterpolatedValue(2.0, 3.5)).isCloseTo(hu, within(1e-3));
    }

    @Test
    void aPointOnAnAcquiredSliceIsUnchanged() {
        Volume v = volume();
        ij.ImageStack st = new ij.ImageStack(24, 20);
        for (int k = 1; k <= 12; k++) st.addSlice(new ij.process.ShortProcessor(24, 20));
        ImagePlus axial = new ImagePlus("ax", st);
        axial.setProperty(OpenStudyCommand.VOLUME_PROPERTY, v);
        PointRoi p = new PointRoi(3, 4);
        p.setPosition(2);
        FindingsDocument.Roi roi = ImageRois.toFindingsRoi(axial, p, null, "L5", null);
        assertThat(roi.points().get(0)).containsExactly(G.toPatient(3, 4, 1), within(1e-12));
        assertThat(roi.sopInstanceUids()).containsExactly("1.2.3.1");
    }

    @Test
    void aPointOnAMipIsTheBrightestVoxelOfTheSlab() {
        Volume v = volume();
        // HU rises with x index (3 per voxel of 0.7 mm): along a sagittal slab's normal (-x) the brightest sample lies at the slab's left (+x) face
        ImagePlus mip = sagittal(v, "slab=4 mode=mip");
        Plane first = (Plane) imp(mip);
        PointRoi p = new PointRoi(5, 6);
        p.setPosition(3);
        FindingsDocument.Roi roi = ImageRois.toFindingsRoi(mip, p, null, "L5", Side.LEFT);
        double[] centre = ImageRois.mapping(mip).toPatient(5, 6, 2);
        // samples every 0.7 mm (smallest spacing) within +-2 mm: offsets -2..2 steps; +x is minus the normal: 2 steps towards +x
        assertThat(roi.points().get(0)).containsExactly(new double[] {centre[0] + 1.4, centre[1], centre[2]}, within(1e-9));
        assertThat(first.normal()[0]).isCloseTo(-1, within(1e-12));
    }

    private static Object imp(ImagePlus imp) {
        return imp.getProperty(ReformatCommand.PLANE_PROPERTY);
    }

    @Test
    void aLineReachingOutsideTheVolumeIsRefused() {
        ImagePlus imp = sagittal(volume(), "");
        Line line = new Line(-5, 2, 3, 3);
        assertThatThrownBy(() -> ImageRois.toFindingsRoi(imp, line, "gap_width_mm", "L5", Side.LEFT))
                .hasMessageContaining("reaches outside synthetic CT");
        assertThat(ReformatSpec.class).isNotNull();
    }
}
