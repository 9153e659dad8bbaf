package org.parsreader.scoring.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading outcomes CSVs: bad rows with line and column, identity columns, separators. */
class OutcomeCsvTest {
    @Test
    void badRowsAreReportedWithLineAndColumnAndTheRestIsRead() {
        String csv = """
                pseudonym,nrs_0,nrs_15min,age,sex,gpe_15min,ctdivol_mgy,comment
                P1,6,3,40,F,positive,2.1,x
                P2,11,3,40,M,1,2.1,
                P3,6,three,40,M,0,2.1,
                P4,6,,NA,,,,
                P1,5,2,30,F,yes,1.0,
                P5,6,2,30
                bad name,6,2,30,F,1,1,
                P6,6,2,30,X,maybe,1,
                """;
        OutcomeTable t = OutcomeCsv.parse(csv, "out.csv", false);
        assertThat(t.patients()).extracting(PatientOutcome::pseudonym).containsExactly("P1", "P4");
        assertThat(t.problems()).extracting(Object::toString).containsExactly(
                "out.csv line 3, column 2 (nrs_0): '11' is outside the range; expected an NRS between 0 and 10; row left out",
                "out.csv line 4, column 3 (nrs_15min): 'three' is not a number; expected an NRS between 0 and 10; row left out",
                "out.csv line 6, column 1 (pseudonym): 'P1' appears again (first on line 2); row left out",
                "out.csv line 7: 4 cells, the header has 8; row left out",
                "out.csv line 8, column 1 (pseudonym): 'bad name' is not a pseudonym (1-40 letters, digits, '_' or '-'); row left out",
                "out.csv line 9, column 5 (sex): 'X' is not a sex (M/F, male/female); row left out",
                "out.csv line 9, column 6 (gpe_15min): 'maybe' is not a global perceived effect (positive/negative, 1/0, yes/no); row left out");
        assertThat(t.notes()).isEmpty();
        assertThat(t.otherColumns()).containsExactly("comment");
        assertThat(t.patient("P1").orElseThrow().other()).containsEntry("comment", "x");
        assertThat(OutcomeCsv.parse("pseudonym,nrs_0,nrs15min\nP1,5,3\n", "m.csv", false).notes()).containsExactly(
                "column 3 'nrs15min' looks like an outcome column but is not [<region>_]nrs|vas|odi_<t>, gpe_<t> or intervention_<t>; kept as text");
        PatientOutcome p4 = t.patient("P4").orElseThrow();
        assertThat(p4.nrs("15min")).isNaN();
        assertThat(p4.age()).isNaN();
        assertThat(p4.female()).isNull();
        PatientOutcome p1 = t.patient("P1").orElseThrow();
        assertThat(p1.female()).isTrue();
        assertThat(p1.gpe()).containsEntry("15min", true);
        assertThat(p1.ctdivolMgy()).isEqualTo(2.1);
    }

    @Test
    void identityColumnsAreRefusedUnlessAllowed() {
        String csv = "pseudonym,patient_id,Name,nrs_0,nrs_1month\nP1,123,DOE^JOHN,5,2\n";
        assertThatThrownBy(() -> OutcomeCsv.parse(csv, "id.csv", false))
                .isInstanceOf(OutcomeCsvException.IdentityColumnsException.class)
                .hasMessageContaining("id.csv").hasMessageContaining("[patient_id, name]");
        OutcomeTable t = OutcomeCsv.parse(csv, "id.csv", true);
        assertThat(t.patients()).hasSize(1);
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).contains("allowed by request"));
        assertThat(t.patients().get(0).toString()).doesNotContain("DOE").doesNotContain("123");
    }

    @Test
    void requiredColumnsAndSemicolonFiles() {
        assertThatThrownBy(() -> OutcomeCsv.parse("pseudonym,nrs_15min\nP1,3\n", "x.csv", false))
                .isInstanceOf(OutcomeCsvException.class).hasMessage("x.csv: has no 'nrs_0' column; header: [pseudonym, nrs_15min]");
        OutcomeTable t = OutcomeCsv.parse("\uFEFFpseudonym;nrs_0;nrs_1week;vas_0;odi_1week;dlp_mgycm\r\nP1;5;2,5;61,5;30;120,5\r\n", "eu.csv", false);
        PatientOutcome p = t.patients().get(0);
        assertThat(p.nrs("1week")).isEqualTo(2.5);
        assertThat(p.vas()).containsEntry("0", 61.5);
        assertThat(p.odi()).containsEntry("1week", 30.0);
        assertThat(p.dlpMgyCm()).isEqualTo(120.5);
        assertThat(t.timePoints()).containsExactly("1week");
    }
}
