package org.parsreader.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study file (issue 14 point 1): strict reading, its schema, clear messages, and worklist orders stable when cases or readers are added. */
class StudyFileTest {
    static final Path SCHEMA = Path.of("docs/schema/study-1.schema.json");

    @Test
    void writtenStudyFilesConformToThePublishedSchemaAndReadBack(@TempDir Path tmp) throws Exception {
        Path file = StudyFixture.study(tmp, 6);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8));
        ObjectMapper m = new ObjectMapper();
        assertThat(schema.validate(m.readTree(Files.readAllBytes(file)))).isEmpty();
        StudyFile listed = StudyFile.create(null, "/data/cohort", List.of("P001", "P002"), List.of("A", "B"), "C", StudyFile.Role.THIRD,
                "pars-injection", "1.0.0", "my-template.json", false, 5L, Map.of());
        assertThat(schema.validate(m.readTree(listed.toJson()))).isEmpty();
        String bad = Files.readString(file).replace("\"role\" : \"consensus\"", "\"role\" : \"chair\"");
        assertThat(schema.validate(m.readTree(bad))).as("the schema is not vacuous").isNotEmpty();

        Study s = Study.open(file);
        assertThat(s.cases()).hasSize(6);
        assertThat(s.data()).isEqualTo(StudyFile.read(Files.readAllBytes(file), "x"));
        assertThat(s.findingsReader("R2").role()).isEqualTo(org.parsreader.findings.Role.R2);
        assertThat(s.findingsReader("consensus").role()).isEqualTo(org.parsreader.findings.Role.CONSENSUS);
        assertThat(s.tolerance("gap_width_mm")).isEqualTo(1.0);
        assertThat(s.tolerance("slip_pct")).isZero();
    }

    @Test
    void badStudyFilesNameTheFieldAndTheValue(@TempDir Path tmp) throws Exception {
        Path file = StudyFixture.study(tmp, 3);
        String ok = Files.readString(file);
        Path bad = tmp.resolve("bad.json");

        Files.writeString(bad, ok.replace("\"seed\"", "\"colour\": 1, \"seed\""));
        assertThatThrownBy(() -> Study.open(bad)).hasMessageContaining("bad.json").hasMessageContaining("colour");
        Files.writeString(bad, ok.replace("\"folder\" : \"cohort\"", "\"folder\" : \"cohort\", \"list\": [\"P001\", \"P404\", \"P405\"]"));
        assertThatThrownBy(() -> Study.open(bad)).hasMessageContaining("names 2 cases missing from").hasMessageContaining("P404, P405");
        Files.writeString(bad, ok.replace("\"pars-injection\"", "\"pars-injektion\""));
        assertThatThrownBy(() -> Study.open(bad)).hasMessageContaining("no built-in reading template 'pars-injektion'");
        Files.writeString(bad, ok.replace("\"1.0.0\"", "\"2.0.0\""));
        assertThatThrownBy(() -> Study.open(bad)).hasMessageContaining("version '2.0.0' is not the version here (1.1.0; built in: 1.0.0, 1.1.0)");
        Files.writeString(bad, ok.replace("\"gap_width_mm\"", "\"pars_defect\""));
        assertThatThrownBy(() -> Study.open(bad)).hasMessageContaining("'pars_defect' is not a numeric finding");
        Files.writeString(bad, ok.replace("\"role\" : \"consensus\"", "\"role\" : \"reader\""));
        assertThatThrownBy(() -> Study.open(bad)).hasMessageContaining("two independent readers").hasMessageContaining("found 3");
        Files.writeString(bad, ok.replace("\"seed\" : 11,", ""));
        assertThatThrownBy(() -> Study.open(bad)).hasMessageContaining("seed is missing");
        Files.writeString(bad, ok.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 3"));
        assertThatThrownBy(() -> Study.open(bad)).hasMessageContaining("newer Pars Reader");
        Files.writeString(bad, ok.replace("\"folder\" : \"cohort\"", "\"folder\" : \"nowhere\""));
        assertThatThrownBy(() -> Study.open(bad)).hasMessageContaining("nowhere is not a folder");
        assertThatThrownBy(() -> Study.open(tmp.resolve("none.json"))).hasMessageContaining("no such study file");
        Study s = Study.open(file);
        assertThatThrownBy(() -> s.caseDir("P999")).hasMessageContaining("case 'P999' is not in study");
        assertThatThrownBy(() -> s.worklist("R9")).hasMessageContaining("reader 'R9' is not in study").hasMessageContaining("R1 (reader)");
    }

    @Test
    void malformedStudyFilesAreRefusedNamingTheFile() {
        for (String bad : new String[] {"", "null", "[]", "{\"schemaVersion\": 1} {}", "{\"schemaVersion\": 1, \"schemaVersion\": 1}",
            "{\"schemaVersion\": 1, \"seed\": \"x\"}", "{\"schemaVersion\": 1, \"readers\": [{\"id\": \"R1\", \"role\": \"boss\"}]}", "{"}) {
            assertThatThrownBy(() -> StudyFile.read(bad.getBytes(StandardCharsets.UTF_8), "s.json")).as(bad)
                    .isInstanceOf(StudyException.class).hasMessageStartingWith("s.json: ");
        }
        assertThatThrownBy(() -> StudyFile.read("{\"schemaVersion\": 1, \"readers\": [{\"id\": \"R1\", \"role\": \"boss\"}]}".getBytes(StandardCharsets.UTF_8), "s.json"))
                .hasMessageContaining("readers[0].role").hasMessageContaining("'boss' is not reader, consensus or third");
    }

    @Test
    void addingCasesOrReadersKeepsEveryExistingOrder(@TempDir Path tmp) throws Exception {
        Path file = StudyFixture.study(tmp, 30);
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= 30; i++) all.add(String.format("P%03d", i));
        Path listed = tmp.resolve("listed.json");
        StudyFile f = StudyFile.read(Files.readAllBytes(file), "study");
        StudyFile first = new StudyFile(1, null, new StudyFile.Cases("cohort", all.subList(0, 20)), f.readers().subList(0, 2), f.template(), f.blinding(), f.seed(), f.tolerances());
        Files.write(listed, first.toJson());
        Study before = Study.open(listed);
        List<String> r1 = names(before, "R1");
        List<String> r2 = names(before, "R2");
        assertThat(r1).hasSize(20).containsExactlyInAnyOrderElementsOf(all.subList(0, 20)).isNotEqualTo(r2);
        assertThat(r1).as("seeded, not sorted").isNotEqualTo(all.subList(0, 20));

        StudyFile grown = first;
        for (String c : all.subList(20, 30)) grown = grown.withCase(c);
        grown = grown.withReader(new StudyFile.Reader("R3", StudyFile.Role.THIRD));
        Files.write(listed, grown.toJson());
        Study after = Study.open(listed);
        List<String> r1After = names(after, "R1");
        assertThat(r1After).hasSize(30);
        assertThat(r1After.stream().filter(r1::contains).toList()).isEqualTo(r1);
        assertThat(names(after, "R2").stream().filter(r2::contains).toList()).isEqualTo(r2);
        assertThat(names(after, "R3")).hasSize(30);
        assertThat(names(Study.open(listed), "R1")).as("the same every time").isEqualTo(r1After);

        // a different seed is a different order
        Files.write(listed, new StudyFile(1, null, grown.cases(), grown.readers(), grown.template(), grown.blinding(), 12L, grown.tolerances()).toJson());
        assertThat(names(Study.open(listed), "R1")).isNotEqualTo(r1After);
        assertThatThrownBy(() -> first.withCase("P001")).hasMessageContaining("already in the study");
    }

    private static List<String> names(Study s, String reader) {
        return s.worklist(reader).order().stream().map(p -> p.getFileName().toString()).toList();
    }
}
