package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.ReadingTemplate.FindingType;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;

/** The form's grid comes from the template alone, and its keys and checks say what they do. */
class FindingsFormModelTest {
    static final ReadingTemplate PARS = ReadingTemplate.builtIn("pars-injection");

    static FindingsEditor editor() {
        return FindingsEditor.create(PARS, "P0001", new FindingsDocument.Reader("R2", Role.R2), List.of(), Clock.systemUTC());
    }

    @Test
    void rowsAreEveryFindingOfTheTemplateGroupedBySeriesWithTheInjectionLast() {
        List<FindingsFormModel.Row> rows = FindingsFormModel.rows(PARS);
        assertThat(rows.stream().filter(r -> !r.isGroup()).map(r -> r.finding().id()))
                .containsExactlyInAnyOrderElementsOf(PARS.findings().stream().map(FindingType::id).toList());
        assertThat(rows.stream().filter(FindingsFormModel.Row::isGroup).map(FindingsFormModel.Row::group))
                .containsExactly("CT", "MR-STIR", "MR", "CT or MR", "MR-T2", "Injection");
        assertThat(rows.get(rows.size() - 1).finding().scope()).isEqualTo(ReadingTemplate.Scope.INJECTION);
    }

    @Test
    void columnsAreTheLastThreeLevelsBySideAndEveryLevelWithValues() {
        FindingsEditor e = editor();
        FindingsFormModel m = new FindingsFormModel(PARS, e.document());
        assertThat(m.shownLevels()).containsExactly("L4", "L5", "S1");
        assertThat(m.getColumnCount()).isEqualTo(1 + 6);
        assertThat(m.getColumnName(3)).isEqualTo("L5 L");
        e.set("pars_defect", "L2", Side.RIGHT, "incomplete");
        m.setDocument(e.document());
        assertThat(m.shownLevels()).containsExactly("L2", "L4", "L5", "S1");
        int row = m.rowOf("pars_defect");
        assertThat(m.getValueAt(row, m.columnOf("L2", Side.RIGHT))).isInstanceOfSatisfying(FindingsDocument.FindingValue.class,
                v -> assertThat(v.value().text()).isEqualTo("incomplete"));
    }

    @Test
    void aSegmentFindingHasOneValuePerLevelInItsLeftColumn() {
        FindingsEditor e = editor();
        e.set("meyerding", "L5", null, "I");
        FindingsFormModel m = new FindingsFormModel(PARS, e.document());
        int row = m.rowOf("meyerding");
        int left = m.columnOf("L5", Side.LEFT), right = m.columnOf("L5", Side.RIGHT);
        assertThat(m.cell(row, left).orElseThrow().side()).isNull();
        assertThat(m.cell(row, right).orElseThrow().side()).isNull(); // the same value from either column
        assertThat(m.isShadow(row, right)).isTrue();
        assertThat(m.getValueAt(row, left)).isNotNull();
        assertThat(m.getValueAt(row, right)).isNull();
        assertThat(m.isCellEditable(row, left)).isFalse(); // a choice: keys and the list, not typed text
        assertThat(m.isCellEditable(m.rowOf("gap_width_mm"), left)).isTrue();
    }

    @Test
    void digitsPickAGradeByItsOwnDigitOtherwiseTheNthValue() {
        FindingType hollenberg = PARS.finding("hollenberg").orElseThrow();
        FindingType defect = PARS.finding("pars_defect").orElseThrow();
        assertThat(FindingsFormModel.choiceForDigit(hollenberg, '0')).contains("0");
        assertThat(FindingsFormModel.choiceForDigit(hollenberg, '3')).contains("3");
        assertThat(FindingsFormModel.choiceForDigit(defect, '3')).contains("complete");
        assertThat(FindingsFormModel.choiceForDigit(defect, '1')).contains("none");
        assertThat(FindingsFormModel.choiceForDigit(defect, '4')).isEmpty();
    }

    @Test
    void numbersAreCheckedAgainstTheTemplateRangeWithAClearMessage() {
        FindingType gap = PARS.finding("gap_width_mm").orElseThrow();
        assertThat(FindingsFormModel.checkNumber(gap, "2.5")).isEmpty();
        assertThat(FindingsFormModel.checkNumber(gap, "2,5")).isEmpty();
        assertThat(FindingsFormModel.checkNumber(gap, "45")).contains("45 mm is above the maximum 30 mm (allowed 0 to 30)");
        assertThat(FindingsFormModel.checkNumber(gap, "-1")).contains("-1 mm is below the minimum 0 mm (allowed 0 to 30)");
        assertThat(FindingsFormModel.checkNumber(gap, "wide")).contains("'wide' is not a number (mm)");
    }

    @Test
    void cellsShowShortValues() {
        FindingType defect = PARS.finding("pars_defect").orElseThrow();
        FindingType location = PARS.finding("bme_location").orElseThrow();
        assertThat(FindingsFormModel.shortText(defect, new Value.Choice("complete"))).isEqualTo("com");
        assertThat(FindingsFormModel.shortText(defect, new Value.Choice("incomplete"))).isEqualTo("inc");
        assertThat(FindingsFormModel.shortText(location, new Value.Choices(List.of("pars", "pedicle")))).isEqualTo("×2");
        assertThat(FindingsFormModel.shortText(location, new Value.Choices(List.of("pedicle")))).isEqualTo("ped");
        assertThat(FindingsFormModel.shortText(location, new Value.Choices(List.of("pars", "pedicle", "lamina")))).isEqualTo("×3");
        assertThat(FindingsFormModel.shortText(defect, new Value.Number(2.625))).isEqualTo("2.625");
        assertThat(FindingsFormModel.shortText(defect, new Value.Flag(true))).isEqualTo("yes");
    }

    @Test
    void anotherTemplateMakesAnotherGrid() {
        ReadingTemplate esi = ReadingTemplate.builtIn("transforaminal-esi");
        FindingsFormModel m = new FindingsFormModel(esi, null);
        assertThat(m.rows().stream().filter(r -> !r.isGroup()).count()).isEqualTo(esi.findings().size());
        assertThat(m.shownLevels()).hasSize(Math.min(3, esi.levels().size()));
    }
}
