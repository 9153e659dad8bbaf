package org.parsreader.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ij.ImagePlus;
import ij.util.DicomTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import org.junit.jupiter.api.Test;

/** The ImageJ and imglib2 views share the volume's arrays and carry its calibration. */
class VolumeViewsTest {
    static Volume ct(int w, int h, int d) {
        Object[] data = new Object[d];
        List<Volume.SliceInfo> info = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            short[] s = new short[w * h];
            for (int i = 0; i < s.length; i++) s[i] = (short) (1024 + k * 10 + i % 7);
            data[k] = s;
            info.add(new Volume.SliceInfo(Path.of("slice" + k + ".dcm"), -1, "1.2.3." + k, null));
        }
        VoxelGeometry g = new VoxelGeometry(new double[] {-10, -20, 30}, new double[] {0.5, 0, 0}, new double[] {0, 0.5, 0}, new double[] {0, 0, 2});
        return new Volume("test", w, h, VoxelType.UINT16, data, 1, -1024, "HU", g, info, new double[] {40, 400}, false);
    }

    /** Show Info's header text is built per slice when ImageJ asks for it, and is that slice's (issue 16). */
    @Test
    void sliceHeadersAreBuiltLazilyAndBelongToTheirSlice() {
        List<Integer> asked = new ArrayList<>();
        ImagePlus imp = ImageJViews.toImagePlus(ct(6, 5, 8), k -> {
            asked.add(k);
            return "0020,0013  Instance Number: " + (k + 1) + "\n";
        });
        LazyLabelStack stack = (LazyLabelStack) imp.getStack();
        assertThat(stack.getShortSliceLabel(6)).isEqualTo("slice5");
        imp.setSlice(6);
        assertThat(asked).as("none at open; the subtitle's short label needs no header").isEmpty();
        assertThat(((LazyInfoImage) imp).isInfoPending()).isTrue();
        assertThat(DicomTools.getTag(imp, "0020,0013").trim()).isEqualTo("6");
        assertThat(stack.getSliceLabel(6)).isEqualTo("slice5.dcm\n0020,0013  Instance Number: 6\n");
        assertThat(asked).containsExactly(5);
        stack.getSliceLabel(6);
        assertThat(asked).as("built once").containsExactly(5);
        // the image's Info is the first slice's header, made when read
        assertThat(imp.getProperty("Info")).isEqualTo("0020,0013  Instance Number: 1\n");
        assertThat(imp.getProperties().get("Info")).isEqualTo("0020,0013  Instance Number: 1\n");
        assertThat(asked).containsExactly(5, 0);
        // the pending header follows its slice when ImageJ deletes one before it
        stack.deleteSlice(2);
        assertThat(stack.isPending(2)).isTrue();
        assertThat(stack.getSliceLabel(2)).isEqualTo("slice2.dcm\n0020,0013  Instance Number: 3\n");
        // a label set by someone else stays
        stack.setSliceLabel("mine", 3);
        assertThat(stack.getSliceLabel(3)).isEqualTo("mine");
        // saving or duplicating asks for all labels: each then carries its own header
        String[] all = stack.getSliceLabels();
        assertThat(all[6]).isEqualTo("slice7.dcm\n0020,0013  Instance Number: 8\n");
        assertThat(imp.duplicate().getStack().getSliceLabel(1)).isEqualTo("slice0.dcm\n0020,0013  Instance Number: 1\n");
    }

    @Test
    void theVolumesWarningsLeadImageJsInfo() {
        Volume v = ct(6, 5, 4).withWarnings(List.of("slice 2 of 4 (IM2) is left out of every measurement: RescaleIntercept is 'abc'"));
        ImagePlus imp = ImageJViews.toImagePlus(v, k -> "0008,0060  Modality: CT");
        assertThat((String) imp.getProperty("Info")).startsWith("Pars Reader warnings").contains("IM2").contains("Modality: CT");
        assertThat(ImageJViews.toImagePlus(ct(6, 5, 4), k -> "0008,0060  Modality: CT").getProperty("Info")).isEqualTo("0008,0060  Modality: CT");
    }

    @Test
    void imagePlusSharesArraysAndShowsHounsfieldUnits() {
        Volume v = ct(6, 5, 4);
        ImagePlus imp = ImageJViews.toImagePlus(v, null);
        assertThat(imp.getStackSize()).isEqualTo(4);
        assertThat(imp.getStack().getPixels(3)).isSameAs(v.slice(2));
        assertThat(imp.getCalibration().pixelWidth).isEqualTo(0.5);
        assertThat(imp.getCalibration().pixelDepth).isEqualTo(2.0);
        assertThat(imp.getCalibration().getUnit()).isEqualTo("mm");
        assertThat(imp.getCalibration().getCValue(1024 + 20)).isEqualTo(20.0);
        assertThat(imp.getCalibration().getValueUnit()).isEqualTo("HU");
        imp.setSlice(2);
        imp.getProcessor().set(1, 1, 1024 + 777);
        assertThat(v.value(1, 1, 1)).isEqualTo(777);
        // default window 40/400 HU, in stored values
        assertThat(imp.getDisplayRangeMin()).isCloseTo(1024 - 160, within(1e-9));
        assertThat(imp.getDisplayRangeMax()).isCloseTo(1024 + 240, within(1e-9));
    }

    @Test
    void imglib2ImageSharesArrays() {
        Volume v = ct(6, 5, 4);
        PlanarImg<UnsignedShortType, ?> img = Imglib2Views.wrap(v);
        assertThat(img.dimensionsAsLongArray()).containsExactly(6, 5, 4);
        long sum = 0;
        Cursor<UnsignedShortType> c = img.cursor();
        while (c.hasNext()) sum += c.next().get();
        assertThat(v.slope() * sum + v.intercept() * v.voxelCount()).isEqualTo(VolumeStats.of(v).sum());
        RandomAccess<UnsignedShortType> ra = img.randomAccess();
        ra.setPosition(new long[] {2, 3, 1});
        ra.get().set(1024 + 55);
        assertThat(v.value(2, 3, 1)).isEqualTo(55);
        assertThat(img.getPlane(3).getCurrentStorageArray()).isSameAs(v.slice(3));
    }

    @Test
    void aCropKeepsEveryVoxelAtItsPatientPosition() {
        Volume v = ct(6, 5, 4).withSource("1.2.3", "1.2.9");
        Volume c = v.crop(1, 2, 1, 5, 5, 3);
        assertThat(c.width()).isEqualTo(4);
        assertThat(c.height()).isEqualTo(3);
        assertThat(c.depth()).isEqualTo(2);
        for (int k = 0; k < 2; k++) for (int j = 0; j < 3; j++) for (int i = 0; i < 4; i++) {
            assertThat(c.value(i, j, k)).isEqualTo(v.value(i + 1, j + 2, k + 1));
            assertThat(c.geometry().toPatient(i, j, k)).containsExactly(v.geometry().toPatient(i + 1, j + 2, k + 1), within(1e-12));
        }
        assertThat(c.slice(0)).isNotSameAs(v.slice(1)); // a copy
        assertThat(c.frameOfReferenceUid()).isEqualTo("1.2.9");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> v.crop(0, 0, 0, 7, 5, 4)).hasMessageContaining("not inside 6x5x4");
    }

    @Test
    void statisticsAreExact() {
        Volume v = ct(7, 3, 2);
        VolumeStats s = VolumeStats.of(v);
        double sum = 0;
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (int k = 0; k < 2; k++) for (int j = 0; j < 3; j++) for (int i = 0; i < 7; i++) {
            double x = v.value(i, j, k);
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertThat(s.sum()).isEqualTo(sum);
        assertThat(s.min()).isEqualTo(min);
        assertThat(s.max()).isEqualTo(max);
        assertThat(s.mean()).isCloseTo(sum / 42, within(1e-12));
    }
}
