package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.FindingsDocument.RoiType;

/** Editing through the template: values, ROIs, measurements, undo, validation messages, CSV, pseudonyms. */
class FindingsEditorTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final ReadingTemplate PARS = ReadingTemplate.builtIn("pars-injection");

    static FindingsEditor editor() {
        return FindingsEditor.create(PARS, "P0007", new FindingsDocument.Reader("jd", Role.R2), List.of("1.2.3"), CLOCK);
    }

    static Roi line(String finding) {
        return new Roi(null, RoiType.LINE, finding, "L5", Side.LEFT, List.of(new double[] {1, 2, 3}, new double[] {1, 2, 5.5}),
                "1.2.9", "1.2.3.4", List.of("1.2.3.4.5"), null, null);
    }

    @Test
    void setGetClearAndTypedValues() {
        FindingsEditor e = editor();
        e.set("pars_defect", "L5", Side.LEFT, "complete");
        e.set("bme_location", "L5", Side.LEFT, "pars, pedicle");
        e.set("gap_width_mm", "L5", Side.LEFT, "2.5");
        e.set("bme_isthmic", "L5", Side.LEFT, "present");
        e.set("pfirrmann", "L5", null, "4");
        assertThat(e.get("pars_defect", "L5", Side.LEFT)).contains(new Value.Choice("complete"));
        assertThat(e.get("bme_location", "L5", Side.LEFT)).contains(new Value.Choices(List.of("pars", "pedicle")));
        assertThat(e.get("gap_width_mm", "L5", Side.LEFT)).contains(new Value.Number(2.5));
        assertThat(e.get("bme_isthmic", "L5", Side.LEFT)).contains(new Value.Flag(true));
        e.set("pars_defect", "L5", Side.LEFT, "incomplete"); // replaces, not duplicates
        assertThat(e.document().values()).hasSize(5);
        e.clear("pars_defect", "L5", Side.LEFT);
        assertThat(e.get("pars_defect", "L5", Side.LEFT)).isEmpty();
        assertThat(e.validate()).isEmpty();
        assertThat(e.isDirty()).isTrue();
    }

    @Test
    void badInputIsRefusedWithWhatWasExpected() {
        FindingsEditor e = editor();
        assertThatThrownBy(() -> e.set("pars_defect", "L5", Side.LEFT, "broken"))
                .hasMessageContaining("'broken' is not one of [none, incomplete, complete]");
        assertThatThrownBy(() -> e.set("gap_width_mm", "L5", Side.LEFT, "wide")).hasMessageContaining("'wide' is not a number (mm)");
        assertThatThrownBy(() -> e.set("gap_width_mm", "L5", Side.LEFT, "45")).hasMessageContaining("45 mm is outside [0, 30] mm");
        assertThatThrownBy(() -> e.set("pars_defect", "L7", Side.LEFT, "none")).hasMessageContaining("'L7' is not one of [L1, L2, L3, L4, L5, S1, L6]");
        assertThatThrownBy(() -> e.set("pars_defect", "L5", null, "none")).hasMessageContaining("is recorded per side");
        assertThatThrownBy(() -> e.set("pfirrmann", "L5", Side.LEFT, "3")).hasMessageContaining("recorded per segment, without side");
        assertThatThrownBy(() -> e.set("pars_width", "L5", Side.LEFT, "3")).hasMessageContaining("'pars_width' is not a finding of template pars-injection");
        assertThat(e.document().values()).isEmpty();
        e.set("pars_defect", "L6", Side.RIGHT, "none"); // transitional vertebra
    }

    @Test
    void roisLinkToValuesAndRemovingOneRemovesWhatDependsOnIt() {
        FindingsEditor e = editor();
        e.set("gap_width_mm", "L5", Side.LEFT, "2.5");
        String id = e.addRoi(line("gap_width_mm"));
        assertThat(id).isEqualTo("roi-1");
        assertThat(e.document().values().get(0).roi()).isEqualTo("roi-1");
        e.putMeasurement(new FindingsDocument.Measurement("gap_width_mm", "L5", Side.LEFT, 2.5, "mm",
                new FindingsDocument.Provenance(id, "1.2.3.4", "line-length", "test", CLOCK.instant(), Map.of())));
        assertThat(e.addRoi(line("gap_width_mm"))).isEqualTo("roi-2"); // a new line re-links the value
        assertThat(e.document().values().get(0).roi()).isEqualTo("roi-2");
        e.removeRoi("roi-1");
        assertThat(e.document().measurements()).as("measured on roi-1").isEmpty();
        assertThat(e.document().rois()).extracting(Roi::id).containsExactly("roi-2");
        e.removeRoi("roi-2");
        assertThat(e.document().values().get(0).roi()).isNull();
        assertThatThrownBy(() -> e.removeRoi("roi-9")).hasMessageContaining("no ROI 'roi-9'");
        assertThatThrownBy(() -> e.addRoi(new Roi(null, RoiType.LINE, null, null, null, List.of(new double[] {1, 2, 3}), null, "1.2", null, null, null)))
                .hasMessageContaining("1 points for a line; expected 2");
        assertThatThrownBy(() -> e.putMeasurement(new FindingsDocument.Measurement("gap_width_mm", "L5", Side.LEFT, 2.5, "cm",
                new FindingsDocument.Provenance(null, null, "line-length", null, null, null)))).hasMessageContaining("measured in mm, not cm");
    }

    @Test
    void undoAndRedoEveryStep() {
        FindingsEditor e = editor();
        e.set("pars_defect", "L5", Side.LEFT, "complete");
        e.set("pars_defect", "L5", Side.RIGHT, "incomplete");
        e.set("pars_defect", "L5", Side.LEFT, "none");
        e.undo();
        assertThat(e.get("pars_defect", "L5", Side.LEFT)).contains(new Value.Choice("complete"));
        e.undo();
        e.undo();
        assertThat(e.document().values()).isEmpty();
        assertThat(e.canUndo()).isFalse();
        e.redo();
        e.redo();
        assertThat(e.get("pars_defect", "L5", Side.RIGHT)).contains(new Value.Choice("incomplete"));
        e.set("hollenberg", "L5", Side.LEFT, "3");
        assertThat(e.canRedo()).isFalse();
    }

    @Test
    void theSecondTemplateWorksWithTheSameMachinery() {
        ReadingTemplate tf = ReadingTemplate.builtIn("transforaminal-esi");
        FindingsEditor e = FindingsEditor.create(tf, "P0002", new FindingsDocument.Reader("R1", Role.R1), List.of(), CLOCK);
        e.set("contrast_intravascular", "S1", Side.RIGHT, "no");
        e.set("foraminal_lee", "L5", Side.LEFT, "2");
        assertThat(e.validate()).isEmpty();
        assertThatThrownBy(() -> e.set("pars_defect", "L5", Side.LEFT, "complete")).hasMessageContaining("not a finding of template transforaminal-esi");
    }

    @Test
    void validatorNamesFieldValueAndExpectation() throws Exception {
        FindingsDocument d = FindingsJson.read(FindingsJsonTest.fixture("findings-v1.json"), "fixture");
        FindingsDocument bad = new FindingsDocument(1, "Jane Doe", d.studyInstanceUids(), new FindingsDocument.Reader("R 1", Role.R1),
                d.template(), d.created(), d.modified(),
                List.of(new FindingsDocument.FindingValue("hollenberg", "L5", Side.LEFT, new Value.Choice("5"), "roi-99")),
                d.rois(), d.measurements(), null);
        List<String> problems = FindingsValidator.validate(bad, PARS).stream().map(Object::toString).toList();
        assertThat(problems).contains("pseudonym: 'Jane Doe' must be 1-40 letters, digits, '_' or '-' (a pseudonym, never a name)",
                "reader.id: 'R 1' must be 1-40 letters, digits, '_' or '-'",
                "values[0].value: '5' is not one of [0, 1, 2, 3, 4] for hollenberg",
                "values[0].roi: 'roi-99' is not the id of any ROI in rois");
    }

    @Test
    void csvHasOneRowPerFindingAndNoIdentity() throws Exception {
        FindingsDocument d = FindingsJson.read(FindingsJsonTest.fixture("findings-v1.json"), "fixture");
        StringWriter w = new StringWriter();
        FindingsCsv.write(List.of(d), PARS, w);
        List<String> lines = w.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(FindingsCsv.HEADER);
        assertThat(lines).hasSize(1 + d.values().size() + d.measurements().size());
        assertThat(lines).contains("P0001,R1,R1,pars-injection 1.0.0,value,gap_width_mm,L5,left,2.5,mm,roi-1,",
                "P0001,R1,R1,pars-injection 1.0.0,value,bme_location,L5,left,pars|pedicle|articular_process,,,",
                "P0001,R1,R1,pars-injection 1.0.0,measurement,contrast_volume_ml,L5,left,0.0077,mL,roi-4,contrast-region-growing");
        assertThat(w.toString()).doesNotContain("PHANTOM").doesNotContain("PR-SAMPLE");
    }

    @Test
    void identityOnlyWhenExplicitlyAskedFor() {
        FindingsEditor e = editor();
        e.set("pars_defect", "L5", Side.LEFT, "complete");
        assertThat(new String(FindingsJson.write(e.document()))).doesNotContain("identity");
        e.keepIdentityByExplicitRequest(new FindingsDocument.Identity("ID-42", "DOE^JANE", "19700101"));
        StringWriter plain = new StringWriter();
        FindingsCsv.write(List.of(e.document()), PARS, plain);
        assertThat(plain.toString()).doesNotContain("ID-42").doesNotContain("DOE");
        StringWriter opted = new StringWriter();
        FindingsCsv.write(List.of(e.document()), PARS, opted, true);
        assertThat(opted.toString()).contains(",patient_id,patient_name,birth_date").contains(",ID-42,DOE^JANE,19700101");
        e.undo();
        assertThat(e.document().identity()).isNull();
    }

    @Test
    void pseudonymsAreStableAndLiveInTheirOwnFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("private/pseudonyms.csv");
        PseudonymRegistry r = PseudonymRegistry.open(file);
        assertThat(r.pseudonymFor("PR-SAMPLE-001")).isEqualTo("P0001");
        assertThat(r.pseudonymFor("123,45")).isEqualTo("P0002");
        assertThat(r.pseudonymFor("PR-SAMPLE-001")).isEqualTo("P0001");
        PseudonymRegistry again = PseudonymRegistry.open(file);
        assertThat(again.pseudonymFor("123,45")).isEqualTo("P0002");
        assertThat(again.size()).isEqualTo(2);
        Files.writeString(file, "garbage\n");
        assertThatThrownBy(() -> PseudonymRegistry.open(file)).hasMessageContaining("not a pseudonym registry").hasMessageContaining("left unchanged");
        assertThat(Files.readString(file)).isEqualTo("garbage\n");
    }
}
