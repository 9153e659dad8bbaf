package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.quant.BmeRatio;
import org.parsreader.quant.CompartmentOverlap;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.Vec3;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;
import org.parsreader.sample.SampleCase;

/** Quantify Contrast and BME Ratio headless: parsed macro options into the static process, as a macro would run them. */
class ContrastCommandsTest {
    @TempDir
    Path dir;
    Path caseDir;
    GroundTruth truth;

    @BeforeEach
    void copySample() throws Exception {
        caseDir = SampleCase.copy(dir);
        truth = GroundTruth.read(caseDir.resolve("ground-truth.json"));
    }

    private Vec3 facet(String name) {
        return truth.facetJointCentres().stream().filter(l -> l.name().startsWith(name)).findFirst().orElseThrow().ct();
    }

    private static String mm(Vec3 p) {
        return String.format(Locale.ROOT, "%.3f,%.3f,%.3f", p.x(), p.y(), p.z());
    }

    @Test
    void quantifiesFromAMacroSeedWithTheNeedleCheckAsBaseline() throws Exception {
        ImagePlus imp = OpenStudyCommand.process(caseDir, SampleCase.stackId(caseDir, "Post contrast"), ProgressListener.NONE);
        var r = QuantifyContrastCommand.parse("seed=" + mm(facet("left L5-S1")) + " baseline=[" + SampleCase.stackId(caseDir, "Needle check") + "]",
                caseDir.toString());
        var o = QuantifyContrastCommand.process(r, imp);
        double truthMl = truth.contrast().volumeVoxelMl();
        assertThat(o.result().mode()).isEqualTo("subtraction");
        assertThat(o.result().volumeMl()).isCloseTo(truthMl, within(0.05 * truthMl));
        assertThat(o.roiId()).isNull(); // not asked to record
        Overlay ov = ContrastOverlay.of(o.result().mask(), r.overlay(), r.colour());
        assertThat(ov.size()).isEqualTo((int) Math.round(truth.contrast().craniocaudalExtentVoxelMm() / 2)); // one outline per 2 mm slice
        var rt = QuantifyContrastCommand.addRow(o, imp.getTitle());
        assertThat(rt.getValue("volume_ml", rt.size() - 1)).isCloseTo(o.result().volumeMl(), within(1e-9));
    }

    @Test
    void recordsTheVolumeAndTheCompartmentsReachedWhenAsked() throws Exception {
        ImagePlus imp = OpenStudyCommand.process(caseDir, SampleCase.stackId(caseDir, "Post contrast"), ProgressListener.NONE);
        Volume post = ImageRois.volume(imp);
        CaseOptions q5 = new CaseOptions(caseDir, "Q5", null, null, null, "tester");
        Vec3 defect = truth.parsDefects().stream().filter(d -> d.side().equals("left")).findFirst().orElseThrow().centreCt();
        q5.edit(e -> {
            e.addRoi(square(post, "pars_defect", defect));
            e.addRoi(square(post, "caudal_facet", facet("left L5-S1")));
            e.addRoi(square(post, "contralateral_facet", facet("right L5-S1")));
            return null;
        }, x -> "compartments");
        imp.setSlice(16);
        double[] ijk = post.geometry().toVoxel(facet("left L5-S1").x(), facet("left L5-S1").y(), facet("left L5-S1").z());
        imp.setRoi(new PointRoi(ijk[0], ijk[1]));
        imp.setSlice((int) Math.round(ijk[2]) + 1);
        var r = QuantifyContrastCommand.parse("seed=roi baseline=[" + SampleCase.stackId(caseDir, "Needle check") + "] case=[" + caseDir
                + "] reader=Q5 level=L5 side=left record compartments overlay=filled colour=cyan", "");
        var o = QuantifyContrastCommand.process(r, imp);
        assertThat(o.overlap().reached()).containsExactly("pars_defect", "caudal_facet");
        FindingsDocument d = FindingsJson.read(Files.readAllBytes(caseDir.resolve("findings/Q5.findings.json")), "Q5");
        assertThat(d.values()).filteredOn(v -> v.finding().equals("contrast_compartments")).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo(new Value.Choices(List.of("pars_defect", "caudal_facet"))));
        assertThat(d.measurements()).filteredOn(m -> m.finding().equals("contrast_volume_ml")).singleElement()
                .satisfies(m -> assertThat(m.provenance().parameters()).containsKey("overlap_ml.caudal_facet").containsEntry("mode", "subtraction"));
    }

    static FindingsDocument.Roi square(Volume post, String label, Vec3 c) {
        double[] ijk = post.geometry().toVoxel(c.x(), c.y(), c.z());
        double[] s = post.geometry().spacing();
        List<double[]> pts = new ArrayList<>();
        for (double[] d : new double[][] {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}) {
            pts.add(post.geometry().toPatient(ijk[0] + d[0] * 3 / s[0], ijk[1] + d[1] * 3 / s[1], Math.round(ijk[2])));
        }
        return new FindingsDocument.Roi(null, FindingsDocument.RoiType.POLYGON, CompartmentOverlap.FINDING, "L5", Side.LEFT, pts,
                post.frameOfReferenceUid(), post.seriesInstanceUid(), List.of(), null, label);
    }

    @Test
    void everyParameterIsAMacroOptionWithItsDefaultAndIsRecordedWithTheResult() throws Exception {
        var defaults = QuantifyContrastCommand.parse("seed=1,2,3", "");
        assertThat(defaults.parameters()).isEqualTo(org.parsreader.quant.ContrastParameters.DEFAULTS);
        StringBuilder all = new StringBuilder("seed=1,2,3");
        double[] v = {200, 280, 1300, 2900, 50, 120, 2.5, 100, 450, 25};
        for (int n = 0; n < v.length; n++) all.append(' ').append(org.parsreader.quant.ContrastParameters.KEYS.get(n)).append('=').append(v[n]);
        assertThat(QuantifyContrastCommand.parse(all.toString(), "").parameters().values()).containsExactly(v);
        assertThat(QuantifyContrastCommand.KEYS).containsAll(org.parsreader.quant.ContrastParameters.KEYS);
        assertThatThrownBy(() -> QuantifyContrastCommand.parse("seed=1,2,3 cortex_mm=thick", "")).hasMessageContaining("'cortex_mm' must be a number")
                .hasMessageContaining("default 3.0");
        assertThatThrownBy(() -> QuantifyContrastCommand.parse("seed=1,2,3 cancellous_min_hu=600", "")).hasMessageContaining("cancellous_min_hu must be below");
        assertThatThrownBy(() -> QuantifyContrastCommand.parse("seed=1,2,3 cortex_mm=300", "")).hasMessageContaining(
                "option 'cortex_mm': contrast parameter cortex_mm = 300 is outside its range 0.2..6 mm");
        assertThatThrownBy(() -> QuantifyContrastCommand.parse("seed=1,2,3 max_radius_mm=NaN", "")).hasMessageContaining(
                "contrast parameter max_radius_mm must be a finite number, not NaN (range 1..150 mm)");
        // threshold and metal move together in one macro line
        assertThat(QuantifyContrastCommand.parse("seed=1,2,3 threshold_hu=3500 metal_hu=4000", "").parameters().metalHu()).isEqualTo(4000);

        // without a baseline, with a parameter changed: the table row carries every parameter and the bone model
        ImagePlus imp = OpenStudyCommand.process(caseDir, SampleCase.stackId(caseDir, "Post contrast"), ProgressListener.NONE);
        var r = QuantifyContrastCommand.parse("seed=" + mm(facet("left L5-S1")) + " tip=" + mm(truth.needle().tipCt()) + " cortex_mm=3.5 mask", "");
        var o = QuantifyContrastCommand.process(r, imp);
        assertThat(o.result().mode()).isEqualTo("bone-model");
        assertThat(o.result().volumeMl()).isCloseTo(truth.contrast().volumeVoxelMl(), within(0.05 * truth.contrast().volumeVoxelMl()));
        var rt = QuantifyContrastCommand.addRow(o, imp.getTitle());
        int row = rt.size() - 1;
        assertThat(rt.getValue("cortex_mm", row)).isEqualTo(3.5);
        assertThat(rt.getValue("min_enhancement_hu", row)).isEqualTo(250);
        assertThat(rt.getValue("cortex_hu", row)).isCloseTo(1100, within(30.0));
        assertThat(rt.getStringValue("separable", row)).isEqualTo("true");
    }

    @Test
    void theMaskOpensAsABinaryStackOnTheCtsGridAndCalibration() throws Exception {
        ImagePlus imp = OpenStudyCommand.process(caseDir, SampleCase.stackId(caseDir, "Post contrast"), ProgressListener.NONE);
        var r = QuantifyContrastCommand.parse("seed=" + mm(facet("left L5-S1")) + " baseline=[" + SampleCase.stackId(caseDir, "Needle check")
                + "] mask project", caseDir.toString());
        assertThat(r.mask()).isTrue();
        assertThat(r.project()).isTrue();
        var o = QuantifyContrastCommand.process(r, imp);
        ImagePlus mask = ContrastOverlay.maskStack(o.result().mask(), imp);
        assertThat(mask.getTitle()).startsWith(ContrastOverlay.MASK_TITLE_PREFIX);
        assertThat(new int[] {mask.getWidth(), mask.getHeight(), mask.getStackSize()}).containsExactly(imp.getWidth(), imp.getHeight(), imp.getStackSize());
        assertThat(mask.getBitDepth()).isEqualTo(8);
        var c = mask.getCalibration();
        var ct = imp.getCalibration();
        assertThat(new double[] {c.pixelWidth, c.pixelHeight, c.pixelDepth}).containsExactly(ct.pixelWidth, ct.pixelHeight, ct.pixelDepth);
        assertThat(c.getUnit()).isEqualTo(ct.getUnit());
        assertThat(c.calibrated()).isFalse(); // 0/255, not HU
        int on = 0;
        for (int k = 1; k <= mask.getStackSize(); k++) {
            byte[] px = (byte[]) mask.getStack().getPixels(k);
            for (byte b : px) if (b != 0) on++;
        }
        assertThat(on).isEqualTo(o.result().voxels());
        // the mask's volume in ImageJ's calibrated units is the result's volume
        assertThat(on * c.pixelWidth * c.pixelHeight * c.pixelDepth / 1000).isCloseTo(o.result().volumeMl(), within(0.01 * o.result().volumeMl()));
    }

    @Test
    void wrongOptionsAreNamed() {
        assertThatThrownBy(() -> QuantifyContrastCommand.parse("seed=1,2,3 sead=4", "")).hasMessageContaining("unknown option 'sead'");
        assertThatThrownBy(() -> QuantifyContrastCommand.parse("seed=1,2", "")).hasMessageContaining("seed '1,2' must be x,y,z");
        assertThatThrownBy(() -> QuantifyContrastCommand.parse("seed=1,2,3 record", "")).hasMessageContaining("'case' is required");
        assertThatThrownBy(() -> QuantifyContrastCommand.parse("seed=1,2,3 compartments", caseDir.toString())).hasMessageContaining("needs 'record'");
        assertThatThrownBy(() -> QuantifyContrastCommand.parse("seed=1,2,3 overlay=dotted", "")).hasMessageContaining("outline or filled");
        assertThatThrownBy(() -> BmeRatioCommand.parse("bme=[1,2,3;4,5,6;7,8,9]")).hasMessageContaining("'type' is required");
        assertThatThrownBy(() -> BmeRatioCommand.parse("type=csf bme=[1,2,3;4,5,6;7,8,9]")).hasMessageContaining("both 'bme' and 'ref'");
    }

    @Test
    void bmeRatioFromManagerRoisAndFromMillimetres() throws Exception {
        ImagePlus imp = OpenStudyCommand.process(caseDir, SampleCase.stackId(caseDir, "STIR SAG"), ProgressListener.NONE);
        Volume v = ImageRois.volume(imp);
        Vec3 e = truth.edema().ellipsoidCentreMr();
        double midline = truth.parsDefects().stream().mapToDouble(d -> d.centreMr().x()).average().orElseThrow();
        String bme = sagittalSquare(e.x(), e.y(), e.z()), ref = sagittalSquare(2 * midline - e.x(), e.y(), e.z());
        BmeRatio fromMm = BmeRatioCommand.process(BmeRatioCommand.parse("bme=[" + bme + "] ref=[" + ref + "] type=normal_marrow"), imp, null);
        assertThat(fromMm.contrastRatio()).isGreaterThan(0.6);
        // the same squares drawn as ImageJ polygons in the ROI Manager (area vertices are pixel corners)
        Roi[] manager = {imageSquare(v, e.x(), e.y(), e.z()), imageSquare(v, 2 * midline - e.x(), e.y(), e.z())};
        BmeRatio fromManager = BmeRatioCommand.process(new BmeRatioCommand.Request(null, null, "normal_marrow"), imp, manager);
        assertThat(fromManager.contrastRatio()).isCloseTo(fromMm.contrastRatio(), within(1e-9));
        var rt = BmeRatioCommand.table(fromManager, imp.getTitle());
        assertThat(rt.getValue("contrast_ratio", rt.size() - 1)).isCloseTo(fromManager.contrastRatio(), within(1e-9));
        assertThat(rt.getValue("bme_area_mm2", rt.size() - 1)).isGreaterThan(20);
    }

    private static String sagittalSquare(double x, double y, double z) {
        StringBuilder b = new StringBuilder();
        for (double[] d : new double[][] {{-3, -3}, {3, -3}, {3, 3}, {-3, 3}}) {
            if (b.length() > 0) b.append(';');
            b.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f", x, y + d[0], z + d[1]));
        }
        return b.toString();
    }

    private static Roi imageSquare(Volume v, double x, double y, double z) {
        float[] xs = new float[4], ys = new float[4];
        double[][] d = {{-3, -3}, {3, -3}, {3, 3}, {-3, 3}};
        double k = 0;
        for (int n = 0; n < 4; n++) {
            double[] ijk = v.geometry().toVoxel(x, y + d[n][0], z + d[n][1]);
            xs[n] = (float) (ijk[0] + 0.5);
            ys[n] = (float) (ijk[1] + 0.5);
            k = ijk[2];
        }
        PolygonRoi roi = new PolygonRoi(xs, ys, 4, Roi.POLYGON);
        roi.setPosition((int) Math.round(k) + 1);
        return roi;
    }
}
