package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsreader.reformat.ParsPlane;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.Reformatter;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;
import org.parsreader.volume.VoxelType;

/** The reformat viewer's stack, headless (no window): each plane shown is computed once, and it is the right plane. */
class ReformatViewerTest {
    static Volume ramp() {
        int w = 40, h = 36, d = 24;
        VoxelGeometry g = new VoxelGeometry(new double[] {-10, -9, -7}, new double[] {0.5, 0, 0}, new double[] {0, 0.5, 0}, new double[] {0, 0, 0.6});
        Object[] data = new Object[d];
        List<Volume.SliceInfo> info = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            short[] s = new short[w * h];
            for (int j = 0; j < h; j++) for (int i = 0; i < w; i++) s[j * w + i] = (short) (1000 + 2 * i + 3 * j + 5 * k);
            data[k] = s;
            info.add(new Volume.SliceInfo(null, -1, "2.25." + k, null));
        }
        return new Volume("ramp", w, h, VoxelType.UINT16, data, 1, -1024, "HU", g, info, null, false);
    }

    /** The plane the viewer shows now, computed afresh. */
    static float[] expected(Volume v, ReformatViewer r) {
        Plane centre = r.centre().plane(v, 0);
        double[] range = centre.depthRange(v);
        double step = new Reformatter(v).slabStep();
        int lo = (int) Math.ceil(range[0] / step - 1e-9);
        Plane shown = centre.shifted(lo * step).shifted((r.image().getCurrentSlice() - 1) * step);
        return new Reformatter(v).sample(shown);
    }

    @Test
    void opensOnTheCentrePlaneComputingOnlyThatPlane() {
        Volume v = ramp();
        ReformatViewer r = new ReformatViewer(v, ParsPlane.through(Plane.centre(v), null, null), "sag");
        assertThat(r.planesComputed).isEqualTo(1); // not plane 1 first (ImageJ's setStack) and then the centre
        assertThat(r.image().getStack().getSliceLabel(r.image().getCurrentSlice())).isEqualTo("+0.0 mm");
        assertThat((float[]) r.image().getProcessor().getPixels()).containsExactly(expected(v, r));
    }

    @Test
    void aShiftComputesOnePlaneAndScrollingOnePerSlice() {
        Volume v = ramp();
        ReformatViewer r = new ReformatViewer(v, ParsPlane.through(Plane.centre(v), null, null), "sag");
        r.shift(1);
        assertThat(r.planesComputed).isEqualTo(2);
        assertThat((float[]) r.image().getProcessor().getPixels()).containsExactly(expected(v, r));
        r.image().setSlice(r.image().getCurrentSlice() + 3);
        assertThat(r.planesComputed).isEqualTo(3);
        assertThat((float[]) r.image().getProcessor().getPixels()).containsExactly(expected(v, r));
        assertThat(r.image().getStack().getSliceLabel(r.image().getCurrentSlice())).isNotEqualTo("+0.0 mm");
    }
}
