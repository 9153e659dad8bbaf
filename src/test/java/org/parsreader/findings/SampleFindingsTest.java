package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.SampleFindings;

/** sample-data's R1 findings pass validation and say what the ground truth says. */
class SampleFindingsTest {
    static final Path CASE = Path.of("sample-data/case-001");

    @Test
    void committedFindingsAreValidCurrentAndTrue() throws Exception {
        byte[] committed = Files.readAllBytes(CASE.resolve(SampleFindings.FILE));
        FindingsDocument d = FindingsJson.read(committed, SampleFindings.FILE);
        assertThat(FindingsValidator.validate(d, ReadingTemplate.builtIn("pars-injection"))).isEmpty();
        GroundTruth truth = GroundTruth.read(CASE.resolve("ground-truth.json"));
        assertThat(FindingsJson.write(SampleFindings.of(truth))).as("regenerate with generate-sample").isEqualTo(committed);
        FindingsEditor e = new FindingsEditor(ReadingTemplate.builtIn("pars-injection"), d, java.time.Clock.systemUTC());
        assertThat(e.get("pars_defect", "L5", Side.LEFT)).contains(new Value.Choice("complete"));
        assertThat(e.get("pars_defect", "L5", Side.RIGHT)).contains(new Value.Choice("complete"));
        assertThat(e.get("bme_isthmic", "L5", Side.LEFT)).contains(new Value.Flag(true));
        assertThat(e.get("bme_isthmic", "L5", Side.RIGHT)).contains(new Value.Flag(false));
        assertThat(e.get("contrast_compartments", "L5", Side.LEFT)).contains(new Value.Choices(java.util.List.of("pars_defect", "caudal_facet")));
        assertThat(d.pseudonym()).isEqualTo("P0001");
        assertThat(new String(committed)).doesNotContain("PHANTOM").doesNotContain("PR-SAMPLE-001").doesNotContain("19800101");
    }
}
