package org.parsreader.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parsreader.sample.GroundTruth;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;
import org.parsreader.volume.VoxelType;

/** CT presets with their standard values, and an automatic MRI window that shows the sample's tissues apart. */
class WindowPresetTest {
    static final Path CASE = Path.of("sample-data/case-001");
    static GroundTruth truth;
    static Volume t2, stir, post;

    @BeforeAll
    static void load() throws Exception {
        truth = GroundTruth.read(CASE.resolve("ground-truth.json"));
        var v = org.parsreader.sample.SampleCase.volumes("T2 TSE SAG", "STIR SAG", "Post contrast");
        t2 = v.get("T2 TSE SAG");
        stir = v.get("STIR SAG");
        post = v.get("Post contrast");
    }

    @Test
    void ctPresetsHaveTheStandardWindowsInStoredValues() {
        assertThat(WindowPreset.CT_BONE.window(post).width()).isEqualTo(1800);
        assertThat(WindowPreset.CT_BONE.window(post).centre()).isEqualTo(400);
        assertThat(WindowPreset.CT_SOFT_TISSUE.window(post).low()).isEqualTo(-150);
        assertThat(WindowPreset.CT_SOFT_TISSUE.window(post).high()).isEqualTo(250);
        // stored = HU - intercept (-1024 on the post-contrast CT)
        assertThat(post.intercept()).isEqualTo(-1024);
        assertThat(WindowPreset.CT_BONE.storedRange(post)).containsExactly(-500 + 1024, 1300 + 1024);
        assertThat(WindowPreset.CT_BONE.appliesTo(post)).isTrue();
        assertThat(WindowPreset.CT_BONE.appliesTo(t2)).isFalse();
        assertThat(WindowPreset.MR_AUTO.appliesTo(post)).isTrue();
    }

    @Test
    void defaultsAndNames() {
        assertThat(WindowPreset.defaultFor("CT")).isSameAs(WindowPreset.CT_BONE);
        assertThat(WindowPreset.defaultFor("MR")).isSameAs(WindowPreset.MR_AUTO);
        assertThat(WindowPreset.defaultFor((String) null)).isSameAs(WindowPreset.MR_AUTO);
        assertThat(WindowPreset.defaultFor(post)).isSameAs(WindowPreset.CT_BONE);
        assertThat(WindowPreset.defaultFor(stir)).isSameAs(WindowPreset.MR_AUTO);
        assertThat(WindowPreset.applicable(post)).extracting(WindowPreset::id).containsExactly("ct-bone", "ct-soft", "mr-auto");
        assertThat(WindowPreset.applicable(t2)).extracting(WindowPreset::id).containsExactly("mr-auto");
        assertThat(WindowPreset.find("CT-Soft")).contains(WindowPreset.CT_SOFT_TISSUE);
        assertThat(WindowPreset.find("bone")).contains(WindowPreset.CT_BONE);
        assertThat(WindowPreset.find("auto")).contains(WindowPreset.MR_AUTO);
        assertThatThrownBy(() -> WindowPreset.require("lung")).hasMessageContaining("'lung'").hasMessageContaining("ct-bone, ct-soft, mr-auto");
    }

    /** On the sample STIR the edema (900) and normal marrow (110) land far apart, CSF (1300) is not clipped much, air is black. */
    @Test
    void mriAutomaticShowsTheSampleTissuesApart() {
        for (Volume v : List.of(stir, t2)) {
            WindowPreset.Window w = WindowPreset.MR_AUTO.window(v);
            double[] all = values(v);
            double air = percentile(all, 5); // the corners of the FOV are air
            assertThat(w.low()).as(v.name() + " " + w).isGreaterThan(air);
            assertThat(w.high()).as(v.name() + " " + w).isLessThan(percentile(all, 100));
            assertThat(w.width()).isGreaterThan(0);
        }
        WindowPreset.Window s = WindowPreset.MR_AUTO.window(stir);
        // grey levels 0..255 of the tissue signals the ground truth gives
        double edema = grey(s, 900), marrow = grey(s, 110), csf = grey(s, 1300);
        assertThat(edema - marrow).as("STIR " + s).isGreaterThan(100);
        assertThat(csf).isGreaterThan(edema);
        WindowPreset.Window t = WindowPreset.MR_AUTO.window(t2);
        assertThat(grey(t, 1400)).as("T2 " + t).isGreaterThan(grey(t, 560) + 40);   // CSF brighter than edema marrow
        assertThat(grey(t, 560)).isGreaterThan(grey(t, 480));                        // edema a little brighter than marrow
        // cached: the same object for the same volume
        assertThat(WindowPreset.MR_AUTO.window(stir)).isSameAs(s);
    }

    /** Background air (noise near zero) and a few hot voxels do not set the window; the body does. */
    @Test
    void mriAutomaticIgnoresAirAndHotVoxels() {
        int w = 100, h = 100;
        float[] px = new float[w * h];
        Random r = new Random(7);
        for (int i = 0; i < px.length; i++) {
            boolean body = (i % w) >= 30 && (i % w) < 70; // 40 % body
            px[i] = body ? 200 + r.nextInt(801) : Math.abs((float) r.nextGaussian() * 8);
        }
        for (int i = 0; i < 10; i++) px[i * 7] = 50_000; // hot voxels
        Volume v = new Volume("synthetic", w, h, VoxelType.FLOAT32, new Object[] {px}, 1, 0, "", VoxelGeometry.unknown(1, 1, 1),
                List.of(new Volume.SliceInfo(null, 0, null, null)), null, false);
        WindowPreset.Window win = WindowPreset.MR_AUTO.window(v);
        assertThat(win.low()).isCloseTo(208, within(6.0));
        assertThat(win.high()).isCloseTo(996, within(6.0));
        assertThat(WindowPreset.MR_AUTO.storedRange(v)).containsExactly(new double[] {win.low(), win.high()}, within(1e-9));
    }

    @Test
    void colourImagesKeepTheirColours() {
        Volume rgb = new Volume("secondary capture", 2, 2, VoxelType.RGB, new Object[] {new int[4]}, 1, 0, "", VoxelGeometry.unknown(1, 1, 1),
                List.of(new Volume.SliceInfo(null, 0, null, null)), null, false);
        assertThat(WindowPreset.all()).noneMatch(p -> p.appliesTo(rgb));
        assertThat(WindowPreset.applicable(rgb)).isEmpty();
    }

    @Test
    void aVolumeOfOneValueStillGetsAWindow() {
        Volume v = new Volume("flat", 4, 4, VoxelType.FLOAT32, new Object[] {new float[16]}, 1, 0, "", VoxelGeometry.unknown(1, 1, 1),
                List.of(new Volume.SliceInfo(null, 0, null, null)), null, false);
        assertThat(WindowPreset.MR_AUTO.window(v).width()).isGreaterThan(0);
    }

    static double grey(WindowPreset.Window w, double value) {
        return Math.max(0, Math.min(255, (value - w.low()) / w.width() * 255));
    }

    static double[] values(Volume v) {
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < v.depth(); k++) for (int j = 0; j < v.height(); j++) for (int i = 0; i < v.width(); i++) out.add(v.value(i, j, k));
        double[] a = out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a;
    }

    static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round((sorted.length - 1) * p / 100))];
    }
}
