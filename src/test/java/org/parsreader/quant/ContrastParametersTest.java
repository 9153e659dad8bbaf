package org.parsreader.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;
import org.parsreader.volume.VoxelType;

/**
 * Every contrast parameter has a range: both ends are accepted, a step beyond either end, NaN
 * and infinities are refused with the key, the value and the range; and no accepted value
 * makes the segmenter hang or run out of memory.
 */
class ContrastParametersTest {
    /** Partners that let each end of a range pass the checks between parameters. */
    static Map<String, Double> partners(String key, double value) {
        Map<String, Double> m = new HashMap<>();
        switch (key) {
            case "threshold_hu", "min_hu" -> m.put("metal_hu", 32000.0);
            case "metal_hu" -> {
                m.put("threshold_hu", 200.0);
                m.put("min_hu", 0.0);
                m.put("cancellous_max_hu", 500.0);
            }
            case "cancellous_min_hu" -> {
                m.put("cancellous_max_hu", 1500.0);
                m.put("metal_hu", 32000.0);
            }
            case "cancellous_max_hu" -> {
                m.put("cancellous_min_hu", -100.0);
                m.put("metal_hu", 32000.0);
            }
            default -> { }
        }
        m.put(key, value);
        return m;
    }

    @Test
    void everyKeyHasARangeHoldingItsDefault() {
        assertThat(ContrastParameters.RANGES).extracting(ContrastParameters.Range::key).containsExactlyElementsOf(ContrastParameters.KEYS);
        for (ContrastParameters.Range r : ContrastParameters.RANGES) {
            assertThat(ContrastParameters.DEFAULTS.get(r.key())).as(r.key()).isBetween(r.min(), r.max());
            assertThat(r.min()).as(r.key()).isLessThan(r.max());
        }
    }

    @Test
    void bothEndsAreAcceptedAndAStepBeyondIsRefusedWithKeyValueAndRange() {
        for (ContrastParameters.Range r : ContrastParameters.RANGES) {
            assertThat(ContrastParameters.DEFAULTS.with(partners(r.key(), r.min())).get(r.key())).isEqualTo(r.min());
            assertThat(ContrastParameters.DEFAULTS.with(partners(r.key(), r.max())).get(r.key())).isEqualTo(r.max());
            double below = r.min() - Math.max(0.01, Math.abs(r.min()) * 0.01);
            double above = r.max() + Math.max(0.01, Math.abs(r.max()) * 0.01);
            for (double v : new double[] {below, above}) {
                assertThatThrownBy(() -> ContrastParameters.DEFAULTS.with(partners(r.key(), v))).as(r.key() + "=" + v)
                        .isInstanceOf(QuantException.class)
                        .hasMessageStartingWith("contrast parameter " + r.key() + " = ")
                        .hasMessageContaining(" is outside its range " + r.text());
                assertThatThrownBy(() -> ContrastParameters.parse(r.key(), Double.toString(v))).as(r.key() + "=" + v)
                        .hasMessageContaining("contrast parameter " + r.key() + " = ").hasMessageContaining(r.text());
            }
            for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                assertThatThrownBy(() -> ContrastParameters.DEFAULTS.with(r.key(), v)).as(r.key() + "=" + v)
                        .hasMessage("contrast parameter " + r.key() + " must be a finite number, not " + v + " (range " + r.text() + ")");
            }
        }
    }

    @Test
    void textIsParsedAndCheckedAtOnce() {
        assertThat(ContrastParameters.parse("cortex_mm", " 2.5 ")).isEqualTo(2.5);
        assertThatThrownBy(() -> ContrastParameters.parse("cortex_mm", "1e6")).hasMessage(
                "contrast parameter cortex_mm = 1000000 is outside its range 0.2..6 mm "
                        + "(cortex of the posterior elements (0.5-2 mm) plus a voxel or two of blur)");
        assertThatThrownBy(() -> ContrastParameters.parse("max_radius_mm", "300")).hasMessageContaining("max_radius_mm = 300 is outside its range 1..150 mm");
        assertThatThrownBy(() -> ContrastParameters.parse("metal_hu", "Infinity")).hasMessageContaining("metal_hu must be a finite number, not Infinity");
        assertThatThrownBy(() -> ContrastParameters.parse("min_hu", "NaN")).hasMessageContaining("min_hu must be a finite number, not NaN");
        assertThatThrownBy(() -> ContrastParameters.parse("min_hu", "dense")).hasMessage("contrast parameter min_hu: 'dense' is not a number (range 0..3000 HU)");
        assertThatThrownBy(() -> ContrastParameters.parse("cortex", "3")).hasMessageContaining("unknown contrast parameter 'cortex'");
    }

    @Test
    void parametersThatBoundEachOtherMoveTogether() {
        ContrastParameters p = ContrastParameters.DEFAULTS.with(Map.of("threshold_hu", 3500.0, "metal_hu", 4000.0));
        assertThat(p.thresholdHu()).isEqualTo(3500);
        assertThat(p.metalHu()).isEqualTo(4000);
        assertThatThrownBy(() -> ContrastParameters.DEFAULTS.with("threshold_hu", 3500)).hasMessageContaining("must be below metal_hu");
    }

    /** A uniform volume of {@code hu}, {@code n}^3 voxels of {@code mm}, centred on the origin. */
    static Volume uniform(int n, double mm, int hu) {
        double o = -(n - 1) / 2.0 * mm;
        VoxelGeometry g = new VoxelGeometry(new double[] {o, o, o}, new double[] {mm, 0, 0}, new double[] {0, mm, 0}, new double[] {0, 0, mm});
        Object[] data = new Object[n];
        List<Volume.SliceInfo> infos = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            short[] s = new short[n * n];
            java.util.Arrays.fill(s, (short) (hu + 1024));
            data[k] = s;
            infos.add(new Volume.SliceInfo(Path.of("u" + k), -1, "1.2." + k, null));
        }
        return new Volume("uniform", n, n, VoxelType.UINT16, data, 1, -1024, "HU", g, infos, null, false).withSource("1.2.3.9", "1.2.9");
    }

    @Test
    void aRegionLeakingPastTheCapIsAnErrorNotAnOutOfMemory() {
        Volume v = uniform(48, 2.0, 2000); // 96 mm cube, 885 mL, all "contrast" for the 1250 HU threshold
        double[] seed = {0, 0, 0};
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ContrastSegmenter.segment(v, null, seed, null, ContrastParameters.DEFAULTS.with("max_radius_mm", 150)))
                .isInstanceOf(QuantException.class).hasMessageContaining("the region grew past 200 mL (25000 voxels) within max_radius_mm 150")
                .hasMessageContaining("nothing was measured");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
        // below the cap the same region is measured: a 30 mm sphere (113 mL) within the cube
        ContrastResult r = ContrastSegmenter.segment(v, null, seed, null, ContrastParameters.DEFAULTS.with("max_radius_mm", 30));
        assertThat(r.volumeMl()).isBetween(100.0, 125.0);
    }

    @Test
    void theLargestCortexOnTinyVoxelsIsRefusedPromptlyNotBuilt() {
        Volume v = uniform(32, 0.05, 2000); // 0.05 mm voxels: cortex_mm 6 would mean 241^3 neighbours per voxel
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ContrastSegmenter.segment(v, null, new double[] {0, 0, 0}, null, ContrastParameters.DEFAULTS.with("cortex_mm", 6)))
                .isInstanceOf(QuantException.class).hasMessageContaining("cortex_mm 6.00 mm on voxels of 0.050 x 0.050 x 0.050 mm means")
                .hasMessageContaining("use a smaller cortex_mm");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
        // the same cortex on CT-sized voxels is fine
        Volume ct = uniform(40, 0.3, 40);
        assertThat(new BoneModel.Shell(ct, new RegionMask(40, 40, 40), ContrastParameters.DEFAULTS.with("cortex_mm", 6)).inShell(20, 20, 20)).isFalse();
    }
}
