package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.volume.Volume;

/**
 * quantify-contrast on the sample case: the JSON carries volume_ml and extent_mm close to the
 * truth, with and without the needle check as baseline; --record stores the region and the
 * compartments reached in a reader's findings; --mask-out writes an NRRD in patient geometry;
 * --param changes a parameter and it is reported.
 */
class QuantifyContrastCommandTest {
    static JsonNode truth;
    static String post;
    static String needle;

    @BeforeAll
    static void uids() throws Exception {
        truth = new ObjectMapper().readTree(CommandLineTest.SAMPLE.resolve("ground-truth.json").toFile());
        for (JsonNode s : truth.get("series")) {
            if (s.get("seriesDescription").asText().equals("Post contrast")) post = s.get("seriesInstanceUid").asText();
            if (s.get("seriesDescription").asText().equals("Needle check")) needle = s.get("seriesInstanceUid").asText();
        }
    }

    @Test
    void measuresTheSampleContrast() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("quantify-contrast", CommandLineTest.SAMPLE.toString(), "--series", post,
                "--baseline", needle, "--seed", "16.5,52,-499.5", "--tip", "14.5,48,-487.5", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        double truthMl = truth.get("contrast").get("volumeVoxelMl").asDouble();
        assertThat(j.get("volume_ml").asDouble()).isCloseTo(truthMl, within(0.05 * truthMl));
        assertThat(j.get("extent_mm").asDouble()).isCloseTo(truth.get("contrast").get("craniocaudalExtentVoxelMm").asDouble(), within(2.0));
        assertThat(j.get("mode").asText()).isEqualTo("subtraction");
        assertThat(j.get("side").asText()).isEqualTo("left"); // the left L5 injection
        assertThat(j.get("parameters").get("min_enhancement_hu").asText()).isEqualTo("250.0");

        CommandLineTest.Run bad = CommandLineTest.run("quantify-contrast", CommandLineTest.SAMPLE.toString(), "--series", post, "--seed", "1,2");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("--seed '1,2' must be x,y,z in patient mm");
    }

    @Test
    void withoutBaselineTheBoneModelMeasuresItAndSaysSo() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("quantify-contrast", CommandLineTest.SAMPLE.toString(), "--series", post,
                "--seed", "16.5,52,-499.5", "--tip", "14.5,48,-487.5", "--param", "cortex_mm=3.5", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        double truthMl = truth.get("contrast").get("volumeVoxelMl").asDouble();
        assertThat(j.get("mode").asText()).isEqualTo("bone-model");
        assertThat(j.get("volume_ml").asDouble()).isCloseTo(truthMl, within(0.05 * truthMl));
        assertThat(j.get("extent_mm").asDouble()).isCloseTo(truth.get("contrast").get("craniocaudalExtentVoxelMm").asDouble(), within(2.0));
        assertThat(j.get("parameters").get("cortex_mm").asText()).isEqualTo("3.5");
        assertThat(j.get("bone_model").get("separable").asText()).isEqualTo("true");
        CommandLineTest.Run text = CommandLineTest.run("quantify-contrast", CommandLineTest.SAMPLE.toString(), "--series", post,
                "--seed", "16.5,52,-499.5");
        assertThat(text.out()).contains("bone model          cortex").contains("parameters          min_enhancement_hu=250.0");

        CommandLineTest.Run unknown = CommandLineTest.run("quantify-contrast", CommandLineTest.SAMPLE.toString(), "--series", post,
                "--seed", "16.5,52,-499.5", "--param", "cortex=3");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown contrast parameter 'cortex'").contains("cortex_mm");
        CommandLineTest.Run nan = CommandLineTest.run("quantify-contrast", CommandLineTest.SAMPLE.toString(), "--series", post,
                "--seed", "16.5,52,-499.5", "--param", "cortex_mm=thick");
        assertThat(nan.err()).contains("--param cortex_mm: 'thick' is not a number (range 0.2..6 mm)");
    }

    @Test
    void anOutOfRangeParameterFailsAtOnceNamingItsRange() {
        // cortex_mm=1e6 hung the segmenter and 300 ran out of memory: now refused before the case is read
        for (String value : new String[] {"1e6", "300", "NaN", "Infinity", "-1"}) {
            long t0 = System.nanoTime();
            CommandLineTest.Run r = CommandLineTest.run("quantify-contrast", CommandLineTest.SAMPLE.toString(), "--series", post,
                    "--seed", "16.5,52,-499.5", "--param", "cortex_mm=" + value);
            assertThat((System.nanoTime() - t0) / 1e9).as(value).isLessThan(5);
            assertThat(r.status()).as(value).isEqualTo(1);
            assertThat(r.out()).as(value).isEmpty();
            assertThat(r.err()).as(value).startsWith("error: --param cortex_mm=" + value + ": contrast parameter cortex_mm")
                    .contains("range 0.2..6 mm");
        }
        assertThat(CommandLineTest.run("quantify-contrast", CommandLineTest.SAMPLE.toString(), "--series", post, "--seed", "16.5,52,-499.5",
                "--param", "cortex_mm=1e6").err()).contains("contrast parameter cortex_mm = 1000000 is outside its range 0.2..6 mm");
        CommandLineTest.Run pair = CommandLineTest.run("quantify-contrast", CommandLineTest.SAMPLE.toString(), "--series", post,
                "--seed", "16.5,52,-499.5", "--param", "threshold_hu=3500");
        assertThat(pair.err()).contains("error: --param: threshold_hu, cancellous_max_hu and min_hu must be below metal_hu (3500, 500, 300 vs 3000)");
    }

    @Test
    void recordsInTheReadersFindingsWithCompartmentsAndWritesTheMask(@TempDir Path dir) throws Exception {
        Path caseDir = copySample(dir);
        Volume ct = VolumeLoader.load(StudyScanner.scan(caseDir).findStack(post).orElseThrow());
        // reader Q5 marks three compartments on the post-contrast CT (6 mm squares)
        try (CaseFindings f = CaseFindings.openCase(caseDir, new FindingsDocument.Reader("Q5", Role.R1), ReadingTemplate.builtIn("pars-injection"),
                CaseFindings.defaultRegistry(caseDir), "tester")) {
            JsonNode defect = null;
            for (JsonNode d : truth.get("parsDefects")) if (d.get("side").asText().equals("left")) defect = d.get("centreCt");
            f.editor().addRoi(square(ct, "pars_defect", xyz(defect)));
            f.editor().addRoi(square(ct, "caudal_facet", facet("left L5-S1")));
            f.editor().addRoi(square(ct, "contralateral_facet", facet("right L5-S1")));
            f.save("compartments");
        }
        Path mask = dir.resolve("out/contrast.nrrd");
        CommandLineTest.Run r = CommandLineTest.run("quantify-contrast", caseDir.toString(), "--series", post, "--baseline", needle,
                "--seed", "16.5,52,-499.5", "--tip", "14.5,48,-487.5", "--record", "--reader", "Q5", "--level", "L5", "--side", "left",
                "--compartments", "--who", "tester", "--mask-out", mask.toString(), "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("recorded").get("compartments_reached").toString()).isEqualTo("[\"pars_defect\",\"caudal_facet\"]");
        assertThat(j.get("recorded").get("compartments_not_reached").toString()).isEqualTo("[\"contralateral_facet\"]");
        assertThat(j.get("mask_file").asText()).isEqualTo(mask.toString());

        FindingsDocument d = FindingsJson.read(Files.readAllBytes(caseDir.resolve("findings/Q5.findings.json")), "Q5");
        assertThat(d.values()).filteredOn(v -> v.finding().equals("contrast_compartments")).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo(new Value.Choices(List.of("pars_defect", "caudal_facet"))));
        FindingsDocument.Measurement m = d.measurements().stream().filter(x -> x.finding().equals("contrast_volume_ml")).findFirst().orElseThrow();
        assertThat(m.value()).isCloseTo(j.get("volume_ml").asDouble(), within(1e-4));
        assertThat(m.provenance().seriesInstanceUid()).isEqualTo(post);
        assertThat(m.provenance().software()).contains("quantify-contrast");
        assertThat(m.provenance().parameters()).containsEntry("mode", "subtraction").containsKeys("seed_mm", "min_enhancement_hu", "cortex_mm",
                "overlap_ml.caudal_facet");
        assertThat(d.rois()).filteredOn(x -> x.id().equals(m.provenance().roi())).singleElement()
                .satisfies(x -> assertThat(x.type()).isEqualTo(FindingsDocument.RoiType.MASK3D));

        // the NRRD: the CT's grid, LPS geometry, and exactly the region's voxels
        byte[] bytes = Files.readAllBytes(mask);
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\n\n");
        String header = all.substring(0, end);
        assertThat(header).startsWith("NRRD0004").contains("space: left-posterior-superior").contains("sizes: 160 160 21").contains("encoding: gzip");
        double[] o = ct.geometry().origin();
        assertThat(header).contains(String.format(java.util.Locale.ROOT, "space origin: (%.6f,%.6f,%.6f)", o[0], o[1], o[2]));
        byte[] raw;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes, end + 2, bytes.length - end - 2))) {
            raw = in.readAllBytes();
        }
        assertThat(raw).hasSize(160 * 160 * 21);
        int ones = 0;
        for (byte b : raw) ones += b;
        assertThat(ones).isEqualTo(j.get("voxels").asInt());

        CommandLineTest.Run noRoi = CommandLineTest.run("quantify-contrast", caseDir.toString(), "--series", post, "--seed", "16.5,52,-499.5",
                "--record", "--reader", "Q6", "--level", "L5", "--side", "left", "--compartments", "--who", "tester");
        assertThat(noRoi.status()).isEqualTo(1);
        assertThat(noRoi.err()).contains("has marked no contrast_compartments ROI at L5 left");
        CommandLineTest.Run partial = CommandLineTest.run("quantify-contrast", caseDir.toString(), "--series", post, "--seed", "16.5,52,-499.5",
                "--record", "--reader", "Q6");
        assertThat(partial.err()).contains("--record needs --reader, --level and --side");
    }

    private static double[] xyz(JsonNode p) {
        return new double[] {p.get("x").asDouble(), p.get("y").asDouble(), p.get("z").asDouble()};
    }

    private static double[] facet(String name) {
        for (JsonNode f : truth.get("facetJointCentres")) if (f.get("name").asText().startsWith(name)) return xyz(f.get("ct"));
        throw new IllegalStateException(name);
    }

    static FindingsDocument.Roi square(Volume ct, String label, double[] c) {
        double[] ijk = ct.geometry().toVoxel(c[0], c[1], c[2]);
        double[] s = ct.geometry().spacing();
        List<double[]> pts = new ArrayList<>();
        for (double[] d : new double[][] {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}) {
            pts.add(ct.geometry().toPatient(ijk[0] + d[0] * 3 / s[0], ijk[1] + d[1] * 3 / s[1], Math.round(ijk[2])));
        }
        return new FindingsDocument.Roi(null, FindingsDocument.RoiType.POLYGON, "contrast_compartments", "L5", Side.LEFT, pts,
                ct.frameOfReferenceUid(), ct.seriesInstanceUid(), List.of(), null, label);
    }

    static Path copySample(Path dir) throws IOException {
        return org.parsreader.sample.SampleCase.copy(dir);
    }
}
