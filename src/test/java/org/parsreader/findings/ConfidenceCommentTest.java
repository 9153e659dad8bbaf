package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, point 5: a reader confidence 1-5 where the template declares it, and a free-text comment per level. */
class ConfidenceCommentTest {
    /** pars-injection with {@code "confidence": true} on pars_defect, as a study's own template file. */
    static Path templateWithConfidence(Path dir) throws Exception {
        String json = new String(ReadingTemplate.class.getResourceAsStream("templates/pars-injection.json").readAllBytes(), StandardCharsets.UTF_8);
        String marked = json.replaceFirst("\"id\"\\s*:\\s*\"pars_defect\"", "\"id\": \"pars_defect\", \"confidence\": true");
        assertThat(marked).isNotEqualTo(json);
        return Files.writeString(dir.resolve("pars-injection-confidence.json"), marked);
    }

    static FindingsEditor editor(ReadingTemplate t) {
        return FindingsEditor.create(t, "P0007", new FindingsDocument.Reader("jd", Role.R1), List.of("1.2.3"), FindingsEditorTest.CLOCK);
    }

    @Test
    void confidenceOnlyWhereDeclaredWithinOneToFiveAndItStaysWithTheFinding(@TempDir Path dir) throws Exception {
        ReadingTemplate t = ReadingTemplate.fromFile(templateWithConfidence(dir));
        assertThat(t.finding("pars_defect").orElseThrow().hasConfidence()).isTrue();
        assertThat(t.finding("ct_stage").orElseThrow().hasConfidence()).isFalse();
        FindingsEditor e = editor(t);
        assertThatThrownBy(() -> e.setConfidence("pars_defect", "L5", Side.LEFT, 3)).hasMessageContaining("has no value yet");
        e.set("pars_defect", "L5", Side.LEFT, "complete");
        e.setConfidence("pars_defect", "L5", Side.LEFT, 4);
        assertThat(e.document().values().get(0).confidence()).isEqualTo(4);
        e.set("pars_defect", "L5", Side.LEFT, "incomplete"); // changing the value keeps the confidence
        assertThat(e.document().values().get(0).confidence()).isEqualTo(4);
        assertThatThrownBy(() -> e.setConfidence("pars_defect", "L5", Side.LEFT, 6)).hasMessageContaining("6 is outside 1-5");
        e.set("ct_stage", "L5", Side.LEFT, e.template().finding("ct_stage").orElseThrow().values().get(0));
        assertThatThrownBy(() -> e.setConfidence("ct_stage", "L5", Side.LEFT, 3)).hasMessageContaining("ct_stage takes no confidence");
        e.setConfidence("pars_defect", "L5", Side.LEFT, null);
        assertThat(e.document().values().get(0).confidence()).isNull();
        e.undo();
        assertThat(e.document().values().get(0).confidence()).isEqualTo(4);
        assertThat(e.validate()).isEmpty();
        // the built-in template declares none: a file with a confidence is invalid against it, naming the place
        FindingsDocument back = FindingsJson.read(FindingsJson.write(e.document()), "x", null);
        assertThat(back.values()).isEqualTo(e.document().values());
        assertThat(FindingsValidator.validate(back, FindingsEditorTest.PARS)).extracting(Object::toString)
                .contains("values[0].confidence: 4 given, but template finding pars_defect takes no confidence (\"confidence\": true declares one)");
    }

    @Test
    void aFractionalConfidenceIsRefusedNotTruncated(@TempDir Path dir) throws Exception {
        FindingsEditor e = editor(ReadingTemplate.fromFile(templateWithConfidence(dir)));
        e.set("pars_defect", "L5", Side.LEFT, "complete");
        e.setConfidence("pars_defect", "L5", Side.LEFT, 2);
        String json = new String(FindingsJson.write(e.document()), StandardCharsets.UTF_8).replace("\"confidence\" : 2", "\"confidence\" : 2.5");
        assertThat(json).contains("2.5");
        assertThatThrownBy(() -> FindingsJson.read(json.getBytes(StandardCharsets.UTF_8), "R1.findings.json", null))
                .hasMessageContaining("values[0].confidence");
    }

    @Test
    void commentsPerLevelRoundTripValidateAndUndo() throws Exception {
        FindingsEditor e = FindingsEditorTest.editor();
        e.comment("L5", "  motion on the STIR; read on T2  ");
        e.comment("L4", "fine");
        assertThat(e.comment("L5")).contains("motion on the STIR; read on T2");
        e.comment("L4", "");
        assertThat(e.comment("L4")).isEmpty();
        e.undo();
        assertThat(e.comment("L4")).contains("fine");
        assertThatThrownBy(() -> e.comment("L9", "x")).hasMessageContaining("'L9' is not one of");
        assertThatThrownBy(() -> e.comment("L5", "x".repeat(2001))).hasMessageContaining("at most 2000");
        byte[] json = FindingsJson.write(e.document());
        FindingsDocument back = FindingsJson.read(json, "x", null);
        assertThat(back.levelComments()).isEqualTo(e.document().levelComments());
        assertThat(FindingsValidator.validate(back, FindingsEditorTest.PARS)).isEmpty();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(FindingsJsonTest.SCHEMA, StandardCharsets.UTF_8));
        assertThat(schema.validate(FindingsJson.MAPPER.readTree(json))).isEmpty();
        // two comments on one level, or an empty one, are named by the validator
        FindingsDocument twice = new FindingsDocument(1, "P1", List.of(), back.reader(), back.template(), back.created(), back.modified(),
                List.of(), List.of(), List.of(), null, null, List.of(new FindingsDocument.LevelComment("L5", "a"),
                new FindingsDocument.LevelComment("L5", " ")));
        assertThat(FindingsValidator.validate(twice, FindingsEditorTest.PARS)).extracting(Object::toString)
                .contains("comments[1]: L5 has two comments; one comment per level", "comments[1].text: is empty; leave the comment out instead");
        // a file without comments keeps its bytes: no "comments" key
        assertThat(new String(FindingsJson.write(FindingsEditorTest.editor().document()), StandardCharsets.UTF_8)).doesNotContain("comments");
    }
}
