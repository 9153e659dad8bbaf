package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * bme-ratio on the sample STIR (issue 5): a 6 mm square on the edema centre against its mirror
 * image across the midline between the two L5 pars defects (normal marrow).
 */
class BmeRatioCommandTest {
    /** A square of 6 mm in the sagittal plane x = cx, as the option text. */
    static String square(double cx, double cy, double cz) {
        StringBuilder b = new StringBuilder();
        for (double[] d : new double[][] {{-3, -3}, {3, -3}, {3, 3}, {-3, 3}}) {
            if (b.length() > 0) b.append(';');
            b.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f", cx, cy + d[0], cz + d[1]));
        }
        return b.toString();
    }

    @Test
    void edemaAgainstMirroredNormalMarrow() throws Exception {
        JsonNode truth = new ObjectMapper().readTree(CommandLineTest.SAMPLE.resolve("ground-truth.json").toFile());
        String stir = null;
        for (JsonNode s : truth.get("series")) if (s.get("seriesDescription").asText().startsWith("STIR")) stir = s.get("seriesInstanceUid").asText();
        JsonNode e = truth.get("edema").get("ellipsoidCentreMr");
        double midline = 0;
        for (JsonNode d : truth.get("parsDefects")) midline += d.get("centreMr").get("x").asDouble() / truth.get("parsDefects").size();
        double ex = e.get("x").asDouble(), ey = e.get("y").asDouble(), ez = e.get("z").asDouble();
        CommandLineTest.Run r = CommandLineTest.run("bme-ratio", CommandLineTest.SAMPLE.toString(), "--series", stir,
                "--bme", square(ex, ey, ez), "--ref", square(2 * midline - ex, ey, ez), "--ref-type", "normal_marrow", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        double b = j.get("bme_mean").asDouble(), ref = j.get("ref_mean").asDouble();
        System.out.println(r.out());
        // STIR: edema 900 vs normal marrow 110 (ground truth); a square also takes in cortex and partial volume
        assertThat(b).isGreaterThan(4 * ref);
        assertThat(ref).isLessThan(250);
        assertThat(j.get("contrast_ratio").asDouble()).isCloseTo((b - ref) / (b + ref), within(1e-9)).isGreaterThan(0.6);
        assertThat(j.get("simple_ratio").asDouble()).isCloseTo(b / ref, within(1e-9));
        assertThat(j.get("bme_area_mm2").asDouble()).isEqualTo(j.get("ref_area_mm2").asDouble()).isGreaterThan(20);

        CommandLineTest.Run text = CommandLineTest.run("bme-ratio", CommandLineTest.SAMPLE.toString(), "--series", stir,
                "--bme", square(ex, ey, ez), "--ref", square(2 * midline - ex, ey, ez), "--ref-type", "normal_marrow");
        assertThat(text.out()).contains("contrast ratio").contains("simple ratio").contains("mm2");

        CommandLineTest.Run bad = CommandLineTest.run("bme-ratio", CommandLineTest.SAMPLE.toString(), "--series", stir,
                "--bme", "1,2,3;4,5,6", "--ref", square(2 * midline - ex, ey, ez), "--ref-type", "fat");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("--ref-type 'fat' is not one of [cord, csf, normal_marrow]");
        CommandLineTest.Run few = CommandLineTest.run("bme-ratio", CommandLineTest.SAMPLE.toString(), "--series", stir,
                "--bme", "1,2,3;4,5,6", "--ref", square(2 * midline - ex, ey, ez), "--ref-type", "csf");
        assertThat(few.err()).contains("--bme has 2 vertices");
    }
}
