package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Issue 14, point 5: "not assessable" with a reason, distinct from a missing value, for any finding. */
class NotAssessableTest {
    @Test
    void anyFindingTypeMayBeNotAssessableAndItIsNotMissing() {
        FindingsEditor e = FindingsEditorTest.editor();
        e.setNotAssessable("pars_defect", "L5", Side.LEFT, "motion");          // choice
        e.set("bme_location", "L5", Side.LEFT, "na:artefact");                   // choices, typed as a reader or macro types it
        e.set("gap_width_mm", "L5", Side.RIGHT, "NA: not_in_field_of_view");     // number, any case and spacing
        e.set("bme_isthmic", "L4", Side.LEFT, "na:motion");                      // boolean
        e.set("pfirrmann", "L5", null, "na:motion");                             // segment finding
        assertThat(e.get("pars_defect", "L5", Side.LEFT)).contains(new Value.NotAssessable("motion"));
        assertThat(e.get("gap_width_mm", "L5", Side.RIGHT)).contains(new Value.NotAssessable("not_in_field_of_view"));
        assertThat(e.get("pars_defect", "L4", Side.LEFT)).isEmpty(); // missing stays missing
        assertThat(e.get("pars_defect", "L5", Side.LEFT).orElseThrow().text()).isEqualTo("na:motion");
        assertThat(e.validate()).isEmpty();
        e.set("pars_defect", "L5", Side.LEFT, "complete"); // a value replaces it again
        assertThat(e.get("pars_defect", "L5", Side.LEFT)).contains(new Value.Choice("complete"));
    }

    @Test
    void anUnknownReasonIsRefusedNamingTheReasonsAllowed() {
        FindingsEditor e = FindingsEditorTest.editor();
        assertThatThrownBy(() -> e.set("pars_defect", "L5", Side.LEFT, "na:tired"))
                .isInstanceOf(FindingsException.class).hasMessageContaining("pars_defect").hasMessageContaining("'tired'")
                .hasMessageContaining("[motion, artefact, not_in_field_of_view]");
        assertThatThrownBy(() -> e.setNotAssessable("pars_defect", "L5", Side.LEFT, ""))
                .hasMessageContaining("the reason is one of");
        assertThat(e.document().values()).isEmpty();
    }

    @Test
    void jsonIsAValueObjectThatRoundTripsAndConformsToTheSchema() throws Exception {
        FindingsEditor e = FindingsEditorTest.editor();
        e.setNotAssessable("pars_defect", "L5", Side.LEFT, "artefact");
        e.set("gap_width_mm", "L5", Side.LEFT, "2.5");
        byte[] json = FindingsJson.write(e.document());
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"value\" : {\n    \"notAssessable\" : \"artefact\"\n  }".replace("\n    ", "\n      ").replace("\n  }", "\n    }"));
        FindingsDocument back = FindingsJson.read(json, "R1.findings.json", null);
        assertThat(back.values()).isEqualTo(e.document().values());
        assertThat(back.schemaVersion()).isEqualTo(1); // additive: schema 1 files without it keep their bytes

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(FindingsJsonTest.SCHEMA, StandardCharsets.UTF_8));
        assertThat(schema.validate(FindingsJson.MAPPER.readTree(json))).isEmpty();
        String badReason = text.replace("\"artefact\"", "\"sleepy\"");
        assertThat(schema.validate(FindingsJson.MAPPER.readTree(badReason))).isNotEmpty();
        // the strict reader reads it; the validator names the place and the reasons
        FindingsDocument bad = FindingsJson.read(badReason.getBytes(StandardCharsets.UTF_8), "x", null);
        assertThat(FindingsValidator.validate(bad, FindingsEditorTest.PARS)).singleElement().hasToString(
                "values[0].value.notAssessable: 'sleepy' is not one of [motion, artefact, not_in_field_of_view] for pars_defect");
    }

    @Test
    void otherValueObjectsAreRefusedByTheStrictReader() {
        FindingsEditor e = FindingsEditorTest.editor();
        e.setNotAssessable("pars_defect", "L5", Side.LEFT, "motion");
        String text = new String(FindingsJson.write(e.document()), StandardCharsets.UTF_8);
        for (String bad : new String[] {"{\"notAssessable\": 3}", "{\"notAssessable\": \"motion\", \"why\": \"x\"}", "{\"unknown\": \"motion\"}", "{}"}) {
            String doc = text.replaceFirst("\\{\\s*\"notAssessable\" : \"motion\"\\s*}", java.util.regex.Matcher.quoteReplacement(bad));
            assertThat(doc).contains(bad);
            assertThatThrownBy(() -> FindingsJson.read(doc.getBytes(StandardCharsets.UTF_8), "R2.findings.json", null))
                    .as(bad).isInstanceOf(FindingsException.class).hasMessageContaining("R2.findings.json: values[0].value")
                    .hasMessageContaining("notAssessable");
        }
    }
}
