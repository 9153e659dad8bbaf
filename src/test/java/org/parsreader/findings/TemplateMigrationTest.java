package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Issue 14 point 5: pars-injection 1.1.0 only adds to 1.0.0, and a 1.0.0 read migrates with every value kept. */
class TemplateMigrationTest {
    static final Path OLD = Path.of("src/test/resources/findings/template-pars-injection-1.0.0/R1.findings.json");

    @Test
    void theOldVersionIsKeptAndTheNewOneOnlyAddsFindings() {
        ReadingTemplate old = ReadingTemplate.builtIn("pars-injection", "1.0.0");
        ReadingTemplate now = ReadingTemplate.builtIn("pars-injection");
        assertThat(old.version()).isEqualTo("1.0.0");
        assertThat(now.version()).isEqualTo("1.1.0");
        assertThat(ReadingTemplate.builtIn("pars-injection", "1.1.0")).isEqualTo(now);
        assertThat(ReadingTemplate.builtInVersions("pars-injection")).containsExactly("1.0.0", "1.1.0");
        assertThatThrownBy(() -> ReadingTemplate.builtIn("pars-injection", "0.9.0"))
                .hasMessageContaining("no version '0.9.0'").hasMessageContaining("1.0.0, 1.1.0");
        // every 1.0.0 finding means the same in 1.1.0: what a value can be is unchanged (only series, wording, confidence may differ),
        // which is what makes the 1.0.0 -> 1.1.0 step keep values as they are
        for (ReadingTemplate.FindingType f : old.findings()) {
            ReadingTemplate.FindingType g = now.finding(f.id()).orElseThrow();
            assertThat(List.of(Objects.toString(g.scope()), Objects.toString(g.type()), Objects.toString(g.values()), Objects.toString(g.ordered()),
                    Objects.toString(g.unit()), Objects.toString(g.min()), Objects.toString(g.max()), Objects.toString(g.roi()), Objects.toString(g.code())))
                    .as(f.id()).containsExactly(Objects.toString(f.scope()), Objects.toString(f.type()), Objects.toString(f.values()),
                            Objects.toString(f.ordered()), Objects.toString(f.unit()), Objects.toString(f.min()), Objects.toString(f.max()),
                            Objects.toString(f.roi()), Objects.toString(f.code()));
        }
        assertThat(old.requiredFindings()).isEqualTo(now.requiredFindings());
        assertThat(now.findings()).extracting(ReadingTemplate.FindingType::id).contains("central_canal_lee", "disc_herniation",
                "nerve_root_contact", "facet_effusion", "bony_union", "injectate_anaesthetic", "injectate_steroid", "injectate_volume_ml");
        for (String id : List.of("slip_pct", "meyerding", "facet_weishaupt")) assertThat(now.finding(id).orElseThrow().series()).as(id).isEqualTo("CT or MR");
        // the scale each new grade uses is stated where a reader sees it
        assertThat(now.finding("central_canal_lee").orElseThrow().definition()).contains("Lee", "0 none", "3 severe");
        assertThat(now.finding("nerve_root_contact").orElseThrow().definition()).contains("Pfirrmann", "1 contact");
        assertThat(now.finding("bony_union").orElseThrow().hasConfidence()).isTrue();
    }

    @Test
    void anOldReadReadsAndValidatesWithoutMigrating() throws Exception {
        FindingsDocument d = FindingsJson.readFile(OLD);
        assertThat(d.template().version()).isEqualTo("1.0.0");
        assertThat(FindingsValidator.validate(d, ReadingTemplate.builtIn("pars-injection", "1.0.0"))).isEmpty();
        assertThat(FindingsValidator.validate(d, ReadingTemplate.builtIn("pars-injection"))).isEmpty(); // same major version
    }

    @Test
    void migrationBumpsTheVersionKeepsEveryValueAndIsIdempotent() throws Exception {
        FindingsDocument d = FindingsJson.readFile(OLD);
        TemplateMigration.Result r = TemplateMigration.toCurrent(d);
        assertThat(r.changed()).isTrue();
        assertThat(r.from()).isEqualTo("1.0.0");
        assertThat(r.to()).isEqualTo("1.1.0");
        assertThat(r.steps()).hasSize(1);
        // the written document is the old one but for template.version, value by value (ROIs, measurements, marks, comments too)
        ObjectNode before = (ObjectNode) FindingsJson.MAPPER.readTree(FindingsJson.write(d));
        ObjectNode after = (ObjectNode) FindingsJson.MAPPER.readTree(FindingsJson.write(r.document()));
        assertThat(after.get("template").get("version").asText()).isEqualTo("1.1.0");
        ((ObjectNode) after.get("template")).put("version", "1.0.0");
        assertThat(after).isEqualTo(before);
        JsonNode na = after.get("values").get(after.get("values").size() - 1);
        assertThat(na.get("value").get("notAssessable").asText()).isEqualTo("motion");
        assertThat(after.get("comments")).hasSize(1);
        // again: nothing to do
        TemplateMigration.Result again = TemplateMigration.toCurrent(FindingsJson.read(FindingsJson.write(r.document()), "migrated"));
        assertThat(again.changed()).isFalse();
        assertThat(again.document().template().version()).isEqualTo("1.1.0");
    }

    @Test
    void aVersionWithoutAPathIsRefusedNamingTheVersionsThereAre() throws Exception {
        FindingsDocument d = FindingsJson.readFile(OLD);
        FindingsDocument newer = new FindingsDocument(d.schemaVersion(), d.pseudonym(), d.studyInstanceUids(), d.reader(),
                new FindingsDocument.TemplateRef("pars-injection", "1.2.0"), d.created(), d.modified(), d.values(), d.rois(), d.measurements(),
                d.identity(), d.levels(), d.comments());
        assertThatThrownBy(() -> TemplateMigration.toCurrent(newer)).hasMessageContaining("'1.2.0' has no migration to 1.1.0")
                .hasMessageContaining("newer").hasMessageContaining("versions here: 1.0.0, 1.1.0");
        FindingsDocument other = new FindingsDocument(d.schemaVersion(), d.pseudonym(), d.studyInstanceUids(), d.reader(),
                new FindingsDocument.TemplateRef("my-study", "1.0.0"), d.created(), d.modified(), d.values(), d.rois(), d.measurements(),
                d.identity(), d.levels(), d.comments());
        assertThatThrownBy(() -> TemplateMigration.toCurrent(other)).hasMessageContaining("'my-study' is not built in");
        assertThat(TemplateMigration.newer("1.10.0", "1.9.9")).isTrue();
        assertThat(TemplateMigration.newer("1.0.0", "1.1.0")).isFalse();
    }
}
