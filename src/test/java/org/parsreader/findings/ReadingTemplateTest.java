package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The templates say which findings make a read complete, and a study's own template is checked for it. */
class ReadingTemplateTest {
    @Test
    void builtInTemplatesNameTheirRequiredFindings() {
        for (String id : ReadingTemplate.BUILT_IN) {
            ReadingTemplate t = ReadingTemplate.builtIn(id);
            assertThat(t.requiredFindings()).as(id).isNotEmpty().allSatisfy(r -> assertThat(t.finding(r)).as(r).isPresent());
        }
        assertThat(ReadingTemplate.builtIn("pars-injection").requiredFindings()).contains("pars_defect", "bme_isthmic");
    }

    @Test
    void aRequiredFindingOutsideTheTemplateIsNamedInTheError(@TempDir Path tmp) throws Exception {
        String json = """
                {"id": "mini", "version": "1.0.0", "title": "t", "levels": ["L5"],
                 "findings": [{"id": "pars_defect", "label": "Pars", "scope": "level-side", "type": "boolean"}],
                 "required": ["pars_defect", "edema"]}""";
        Path f = Files.writeString(tmp.resolve("mini.json"), json, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReadingTemplate.fromFile(f)).isInstanceOf(FindingsException.class)
                .hasMessageContaining("mini.json").hasMessageContaining("required: 'edema' is not a finding of this template");
        // without the list a template is still valid: nothing is required beyond one value
        Path g = Files.writeString(tmp.resolve("free.json"), json.replace(",\n \"required\": [\"pars_defect\", \"edema\"]", "")
                .replaceAll(",\\s*\"required\": \\[[^]]*\\]", ""), StandardCharsets.UTF_8);
        assertThat(ReadingTemplate.fromFile(g).requiredFindings()).isEmpty();
    }
}
