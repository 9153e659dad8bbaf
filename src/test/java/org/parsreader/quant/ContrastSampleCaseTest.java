package org.parsreader.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.Vec3;
import org.parsreader.volume.Volume;

/** Contrast on the sample case against its ground truth: the tilted needle-check CT is the baseline. */
class ContrastSampleCaseTest {
    static final Path CASE = Path.of("sample-data/case-001");
    static GroundTruth truth;
    static Volume post;
    static Volume needle;

    @BeforeAll
    static void load() throws Exception {
        truth = GroundTruth.read(CASE.resolve("ground-truth.json"));
        var v = org.parsreader.sample.SampleCase.volumes("Post contrast", "Needle check");
        post = v.get("Post contrast");
        needle = v.get("Needle check");
    }

    static double[] facet() {
        Vec3 f = truth.facetJointCentres().stream().filter(l -> l.name().startsWith("left L5-S1")).findFirst().orElseThrow().ct();
        return new double[] {f.x(), f.y(), f.z()};
    }

    static double[] tip() {
        Vec3 t = truth.needle().tipCt();
        return new double[] {t.x(), t.y(), t.z()};
    }

    @Test
    void subtractingTheTiltedNeedleCheckFindsTheTrueVolumeAndExtent() {
        ContrastResult r = ContrastSegmenter.segment(post, needle, facet(), tip(), ContrastParameters.DEFAULTS);
        assertThat(r.mode()).isEqualTo("subtraction");
        assertThat(r.alignmentHu()).isLessThan(ContrastParameters.DEFAULTS.maxAlignmentHu());
        GroundTruth.Contrast c = truth.contrast();
        // the defect and the facet joint are one region, joined by contrast around the needle
        assertThat(r.voxels()).isCloseTo(c.voxelCount(), within((int) Math.ceil(0.05 * c.voxelCount())));
        assertThat(r.volumeMl()).isCloseTo(c.volumeVoxelMl(), within(0.05 * c.volumeVoxelMl()));
        assertThat(r.craniocaudalExtentMm()).isCloseTo(c.craniocaudalExtentVoxelMm(), within(2.0)); // one 2 mm slice
        assertThat(r.meanHu()).isCloseTo(c.hu(), within(60.0));
        assertThat(r.maxHu()).isLessThan(ContrastParameters.DEFAULTS.metalHu()); // the needle is not contrast
        assertThat(r.warnings()).allMatch(w -> w.contains("outside the baseline series")); // the short needle-check scan
        assertThat(r.warnings()).anyMatch(w -> w.contains("judged by the bone model (cortex")); // not by a fixed threshold
        int inside = 0;
        int[] runs = r.mask().runs();
        for (int i = 1; i < runs.length; i += 2) inside += runs[i];
        assertThat(inside).isEqualTo(r.voxels());
        // seeded at the needle tip (metal: the seed moves to the nearest contrast) it is the same region
        assertThat(ContrastSegmenter.segment(post, needle, tip(), tip(), ContrastParameters.DEFAULTS).voxels()).isEqualTo(r.voxels());
    }

    @Test
    void theResultGoesIntoTheFindingsWithItsProvenance() {
        ContrastResult r = ContrastSegmenter.segment(post, needle, facet(), tip(), ContrastParameters.DEFAULTS);
        var editor = org.parsreader.findings.FindingsEditor.create(org.parsreader.findings.ReadingTemplate.builtIn("pars-injection"), "P0001",
                new org.parsreader.findings.FindingsDocument.Reader("R1", org.parsreader.findings.Role.R1), java.util.List.of(), java.time.Clock.systemUTC());
        String roi = ContrastFindings.record(editor, r, post, "L5", org.parsreader.findings.Side.LEFT, "Pars Reader test", java.time.Instant.EPOCH);
        var doc = editor.document();
        assertThat(editor.validate()).isEmpty();
        var m = doc.measurements().get(0);
        assertThat(m.value()).isCloseTo(r.volumeMl(), within(1e-4));
        assertThat(m.provenance().roi()).isEqualTo(roi);
        assertThat(m.provenance().seriesInstanceUid()).isEqualTo(post.seriesInstanceUid());
        assertThat(m.provenance().parameters()).containsEntry("mode", "subtraction").containsKeys("seed_mm", "min_enhancement_hu");
        // the stored mask round-trips through JSON and still holds the region
        var back = org.parsreader.findings.FindingsJson.read(org.parsreader.findings.FindingsJson.write(doc), "test");
        int[] runs = back.rois().get(0).mask().runs();
        int inside = 0;
        for (int i = 1; i < runs.length; i += 2) inside += runs[i];
        assertThat(inside).isEqualTo(r.voxels());
    }

    @Test
    void withoutBaselineTheBoneModelFindsTheTrueVolumeAndExtent() {
        ContrastResult r = ContrastSegmenter.segment(post, null, facet(), tip(), ContrastParameters.DEFAULTS);
        ContrastResult sub = ContrastSegmenter.segment(post, needle, facet(), tip(), ContrastParameters.DEFAULTS);
        GroundTruth.Contrast c = truth.contrast();
        System.out.printf("sample case without baseline: %d voxels (truth %d, subtraction %d), extent %.1f mm (truth %.1f), model %s%n", r.voxels(),
                c.voxelCount(), sub.voxels(), r.craniocaudalExtentMm(), c.craniocaudalExtentVoxelMm(), r.boneModel().asMap());
        assertThat(r.mode()).isEqualTo("bone-model");
        assertThat(r.boneModel().separable()).isTrue();
        assertThat(r.boneModel().cortexHu()).isCloseTo(1100, within(30.0)); // the phantom's cortex
        assertThat(r.boneModel().contrastHu()).isCloseTo(c.hu(), within(30.0));
        assertThat(r.warnings()).anyMatch(w -> w.contains("no usable baseline: contrast"));
        assertThat(r.voxels()).isCloseTo(c.voxelCount(), within((int) Math.ceil(0.05 * c.voxelCount())));
        assertThat(r.craniocaudalExtentMm()).isCloseTo(c.craniocaudalExtentVoxelMm(), within(2.0));
        assertThat(r.maxHu()).isLessThan(ContrastParameters.DEFAULTS.metalHu());
        assertThat(r.provenance()).containsEntry("mode", "bone-model").containsKeys("cortex_hu", "core_threshold_hu", "cortex_mm");
    }

    @Test
    void withoutBoneNearTheSeedItFallsBackToTheThresholdAndSaysSo() {
        ContrastParameters p = ContrastParameters.DEFAULTS.with("bone_model_radius_mm", 2); // too small a sphere to find bone
        ContrastResult r = ContrastSegmenter.segment(post, null, facet(), tip(), p);
        assertThat(r.mode()).isEqualTo("threshold");
        assertThat(r.warnings()).anyMatch(w -> w.contains("too little cancellous bone"));
        // contrast (1400 HU) is above the 1250 HU threshold and cortical bone (1100 HU) below it: nothing false, some missed
        assertThat(r.voxels()).isBetween(truth.contrast().voxelCount() / 2, truth.contrast().voxelCount());
    }

    @Test
    void aSeedAwayFromContrastIsAClearError() {
        Vec3 body = truth.vertebralBodyCentres().stream().filter(l -> l.name().startsWith("L5")).findFirst().orElseThrow().ct();
        assertThatThrownBy(() -> ContrastSegmenter.segment(post, needle, new double[] {body.x(), body.y(), body.z()}, null, ContrastParameters.DEFAULTS))
                .isInstanceOf(QuantException.class).hasMessageContaining("no contrast within 3 mm of the seed");
    }
}
