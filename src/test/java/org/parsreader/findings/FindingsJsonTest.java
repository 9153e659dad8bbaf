package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON format: round trips, the published schema, every schema version's fixture, and errors that say where. */
class FindingsJsonTest {
    static final Path SCHEMA = Path.of("docs/schema/findings-1.schema.json");

    static byte[] fixture(String name) throws Exception {
        return FindingsJsonTest.class.getResourceAsStream("/findings/" + name).readAllBytes();
    }

    @Test
    void everySchemaVersionFixtureReadsAndValidates() throws Exception {
        // one fixture per published schema version; a new version adds one and a migration
        for (int v = 1; v <= FindingsDocument.SCHEMA_VERSION; v++) {
            FindingsDocument d = FindingsJson.read(fixture("findings-v" + v + ".json"), "findings-v" + v + ".json");
            assertThat(d.schemaVersion()).isEqualTo(FindingsDocument.SCHEMA_VERSION);
            assertThat(FindingsValidator.validate(d, ReadingTemplate.builtIn(d.template().id()))).isEmpty();
        }
    }

    @Test
    void roundTripIsLossless() throws Exception {
        FindingsDocument d = FindingsJson.read(fixture("findings-v1.json"), "fixture");
        byte[] again = FindingsJson.write(d);
        FindingsDocument e = FindingsJson.read(again, "again");
        assertThat(FindingsJson.write(e)).isEqualTo(again);
        assertThat(e.values()).isEqualTo(d.values());
        assertThat(e.rois().get(3).mask().runs()).containsExactly(5, 2, 6, 3, 8);
        assertThat(e.measurements().get(e.measurements().size() - 1).provenance().parameters()).containsEntry("threshold_hu", "800");
    }

    @Test
    void writtenFilesConformToThePublishedSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8));
        for (byte[] json : new byte[][] {fixture("findings-v1.json"), Files.readAllBytes(Path.of("sample-data/case-001/findings/R1.findings.json"))}) {
            Set<ValidationMessage> errors = schema.validate(FindingsJson.MAPPER.readTree(json));
            assertThat(errors).isEmpty();
        }
        // and the schema is not vacuous: a wrong role fails it
        String bad = new String(fixture("findings-v1.json"), StandardCharsets.UTF_8).replace("\"role\": \"R1\"", "\"role\": \"R9\"");
        assertThat(schema.validate(FindingsJson.MAPPER.readTree(bad))).isNotEmpty();
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> FindingsJson.read("{\"schemaVersion\": 1,\n  \"pseudonym\": \"P1\"\n  \"reader\": {}}".getBytes(), "R1.findings.json"))
                .isInstanceOf(FindingsException.class)
                .hasMessageStartingWith("R1.findings.json: not valid JSON")
                .hasMessageContaining("line 3");
    }

    @Test
    void wrongFieldsAreNamed() throws Exception {
        String ok = new String(fixture("findings-v1.json"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FindingsJson.read(ok.replaceFirst("\"side\": \"left\"", "\"side\": \"middle\"").getBytes(), "f.json"))
                .hasMessageContaining("f.json: values[0].side").hasMessageContaining("middle");
        assertThatThrownBy(() -> FindingsJson.read(ok.replaceFirst("\"pseudonym\"", "\"patientName\": \"DOE^JANE\", \"pseudonym\"").getBytes(), "f.json"))
                .hasMessageContaining("patientName");
    }

    @Test
    void newerSchemaIsRefusedAndSaysWhy() {
        assertThatThrownBy(() -> FindingsJson.read("{\"schemaVersion\": 7}".getBytes(), "f.json"))
                .hasMessageContaining("schema 7 by a newer Pars Reader").hasMessageContaining("left as it is");
        assertThatThrownBy(() -> FindingsJson.read("{\"pseudonym\": \"x\"}".getBytes(), "f.json"))
                .hasMessageContaining("schemaVersion is missing");
    }
}
