package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** quantify-contrast on the sample case: the JSON carries volume_ml and extent_mm close to the truth. */
class QuantifyContrastCommandTest {
    @Test
    void measuresTheSampleContrast() throws Exception {
        JsonNode truth = new ObjectMapper().readTree(CommandLineTest.SAMPLE.resolve("ground-truth.json").toFile());
        String post = null, needle = null;
        for (JsonNode s : truth.get("series")) {
            if (s.get("seriesDescription").asText().equals("Post contrast")) post = s.get("seriesInstanceUid").asText();
            if (s.get("seriesDescription").asText().equals("Needle check")) needle = s.get("seriesInstanceUid").asText();
        }
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
}
