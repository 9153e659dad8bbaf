package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.FindingsDocument.Provenance;
import org.parsreader.findings.FindingsDocument.Roi;

/** importAll: one undo step, new ROI ids with links following them, refused whole on any problem. */
class FindingsEditorImportTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-02T10:00:00Z"), ZoneOffset.UTC);

    static FindingsEditor editor() {
        FindingsEditor e = FindingsEditor.create(ReadingTemplate.builtIn("pars-injection"), "P0001", new FindingsDocument.Reader("R2", Role.R2), List.of("1.2.3"), CLOCK);
        e.set("pars_defect", "L5", Side.LEFT, "none");
        e.addRoi(new Roi(null, FindingsDocument.RoiType.POINT, "needle_tip", "L5", Side.LEFT, List.of(new double[] {1, 2, 3}), "1.2.9", "1.2.4", List.of(), null, null));
        return e;
    }

    static final Roi LINE = new Roi("x-7", FindingsDocument.RoiType.LINE, "gap_width_mm", "L5", Side.LEFT,
            List.of(new double[] {0, 0, 0}, new double[] {0, 0, 2.5}), "1.2.9", "1.2.4", List.of(), null, null);

    @Test
    void oneStepRenumbersRoisAndReplacesValuesAtTheirPlace() {
        FindingsEditor e = editor();
        FindingsDocument before = e.document();
        Map<String, String> ids = e.importAll(List.of(new FindingValue("pars_defect", "L5", Side.LEFT, new Value.Choice("complete"), null),
                        new FindingValue("gap_width_mm", "L5", Side.LEFT, new Value.Number(2.5), "x-7")), List.of(LINE),
                List.of(new Measurement("gap_width_mm", "L5", Side.LEFT, 2.5, "mm", new Provenance("x-7", "1.2.4", "line-length", "other tool", null, Map.of()))));
        assertThat(ids).containsExactly(Map.entry("x-7", "roi-2"));
        FindingsDocument d = e.document();
        assertThat(d.values()).extracting(v -> v.finding() + "=" + v.value().text() + "@" + v.roi())
                .containsExactlyInAnyOrder("pars_defect=complete@null", "gap_width_mm=2.5@roi-2");
        assertThat(d.measurements()).singleElement().satisfies(m -> assertThat(m.provenance().roi()).isEqualTo("roi-2"));
        e.undo();
        assertThat(e.document()).isSameAs(before);
    }

    @Test
    void anyProblemRefusesTheWholeImport() {
        FindingsEditor e = editor();
        FindingsDocument before = e.document();
        assertThatThrownBy(() -> e.importAll(List.of(new FindingValue("pars_defect", "L5", Side.LEFT, new Value.Choice("complete"), null),
                new FindingValue("hollenberg", "L5", Side.LEFT, new Value.Choice("7"), null)), List.of(LINE), List.of()))
                .isInstanceOf(FindingsException.class).hasMessageContaining("import refused, nothing changed").hasMessageContaining("'7'");
        assertThat(e.document()).isSameAs(before);
        assertThat(e.canRedo()).isFalse();
    }

    @Test
    void importingTheSameRoisAgainReusesThemInsteadOfAddingCopies() {
        FindingsEditor e = editor();
        List<FindingValue> values = List.of(new FindingValue("gap_width_mm", "L5", Side.LEFT, new Value.Number(2.5), "x-7"));
        List<Measurement> ms = List.of(new Measurement("gap_width_mm", "L5", Side.LEFT, 2.5, "mm", new Provenance("x-7", "1.2.4", "line-length", "other tool", null, Map.of())));
        e.importAll(values, List.of(LINE), ms);
        FindingsDocument once = e.document();
        Map<String, String> ids = e.importAll(values, List.of(LINE), ms);
        assertThat(ids).containsExactly(Map.entry("x-7", "roi-2"));
        assertThat(e.document().rois()).hasSize(once.rois().size());
        assertThat(e.document().values()).extracting(FindingValue::roi).containsExactlyInAnyOrderElementsOf(once.values().stream().map(FindingValue::roi).toList());
        assertThat(e.document().measurements()).hasSize(1);
        // a ROI differing in one coordinate is new
        Roi moved = new Roi("x-8", LINE.type(), LINE.finding(), LINE.level(), LINE.side(), List.of(new double[] {0, 0, 0}, new double[] {0, 0, 2.6}),
                LINE.frameOfReferenceUid(), LINE.seriesInstanceUid(), LINE.sopInstanceUids(), null, null);
        assertThat(e.importAll(List.of(), List.of(moved), List.of())).containsExactly(Map.entry("x-8", "roi-3"));
    }
}
