package org.parsreader.scoring.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsreader.scoring.outcome.MissingRule;
import org.parsreader.scoring.outcome.OutcomeCsv;
import org.parsreader.scoring.outcome.OutcomeRule;
import org.parsreader.scoring.outcome.OutcomeTable;
import org.parsreader.scoring.outcome.TimePointOutcomes;

/** table1.csv and table1.md say which test each p belongs to; bad grouping input is refused by name. */
class Table1OutputTest {
    @Test
    void csvIsTidyAndNamesEveryTest() throws Exception {
        StringWriter w = new StringWriter();
        Table1Csv.write(Table1ReferenceTest.table("guidance"), w);
        List<String> lines = w.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(Table1Csv.HEADER);
        int columns = Table1Csv.HEADER.split(",").length;
        for (String l : lines) assertThat(OutcomeCsv.cells(l, ',')).as(l).hasSize(columns);
        assertThat(lines).anyMatch(l -> l.startsWith("cohort,nrs_change_1month,\"NRS change, baseline to 1month\",,all,")
                && l.contains(",Wilcoxon signed-rank,V,"));
        assertThat(lines).anyMatch(l -> l.startsWith("cohort,nrs_change_1month,") && l.contains(",paired t,t,"));
        assertThat(lines).anyMatch(l -> l.startsWith("group:guidance,age,Age (years),,between,") && l.contains(",Mann-Whitney (Wilcoxon rank-sum),W,"));
        assertThat(lines).anyMatch(l -> l.startsWith("group:guidance,age,") && l.contains(",Welch t,t,"));
        assertThat(lines).anyMatch(l -> l.startsWith("outcome:1month,sex,Sex,female,responder,"));
        assertThat(w.toString()).doesNotContain("T001"); // no pseudonyms, only groups
    }

    @Test
    void markdownHasAColumnPerGroupAndTheTestBesideEachP() throws Exception {
        String md = Table1Markdown.document(Table1ReferenceTest.table("site"));
        assertThat(md).startsWith("# Table 1: descriptive statistics")
                .contains("## All patients\n\n| characteristic | all (n = 90) |\n")
                .contains("## By outcome at 1month (PPR >= 50 %)")
                .contains("| characteristic | A (n = ").contains(" | p (test) |")
                .contains("(KW)").contains("(Fisher)").contains("Wilcoxon p ").contains("paired t p ")
                .contains("patients not analysed at 1month and left out");
        assertThat(Table1Markdown.section(Table1ReferenceTest.table("guidance"))).startsWith("## Table 1").contains("### By guidance")
                .contains("(MW)").contains("(Welch)").contains("(chi2, Yates)");
    }

    @Test
    void badGroupingInputIsRefusedNamingColumnAndValue() throws Exception {
        String text = "pseudonym,nrs_0,nrs_1month,guidance,site\nA1,5,2,CT,X\nA2,6,6,CT,\nA3,7,1,CT,NA\n";
        OutcomeTable t = OutcomeCsv.parse(text, "o.csv", false);
        assertThatThrownBy(() -> GroupColumn.parse(text, "o.csv", "guidanse", t)).isInstanceOf(Table1Exception.class)
                .hasMessage("--group-by 'guidanse': o.csv has no such column; its columns: pseudonym, nrs_0, nrs_1month, guidance, site");
        assertThatThrownBy(() -> GroupColumn.parse(text, "o.csv", "guidance", t)).isInstanceOf(Table1Exception.class)
                .hasMessage("--group-by 'guidance' (o.csv): every patient with a value has 'CT' (3 patients); a grouping column needs at least two groups");
        assertThatThrownBy(() -> GroupColumn.parse(text, "o.csv", "sex", t)).hasMessageContaining("o.csv has no such column");
        String semicolon = "pseudonym;nrs_0;nrs_1month;guidance\nA1;5;2;CT\nA2;6;6;\"fluoro\"\nA3;7;1;n/a\n";
        GroupColumn g = GroupColumn.parse(semicolon, "s.csv", "Guidance", OutcomeCsv.parse(semicolon, "s.csv", false));
        assertThat(g.groups()).containsExactly("CT", "fluoro");
        assertThat(g.missing()).isEqualTo(1);
    }

    @Test
    void aGroupingColumnIsFoundBelowScaleDeclarationsAndAnOutcomeColumnIsNotOne() {
        // the header is the first line that is not a '#' declaration, as OutcomeCsv reads it
        String text = "# scale vas 0-100\npseudonym,nrs_0,nrs_1month,vas_0,guidance\nA1,5,2,50,CT\nA2,6,6,60,fluoro\nA3,7,1,70,CT\n";
        OutcomeTable t = OutcomeCsv.parse(text, "o.csv", false);
        GroupColumn g = GroupColumn.parse(text, "o.csv", "guidance", t);
        assertThat(g.groups()).containsExactly("CT", "fluoro");
        assertThat(g.byPseudonym()).containsEntry("A2", "fluoro");
        assertThatThrownBy(() -> GroupColumn.parse(text, "o.csv", "vas_0", t)).isInstanceOf(Table1Exception.class)
                .hasMessageContaining("not a grouping column").hasMessageContaining("grouping columns of this file: guidance");
    }

    @Test
    void aTimePointNobodyHasIsRefused() {
        OutcomeTable t = OutcomeCsv.parse("pseudonym,nrs_0,nrs_1month,nrs_6month\nA1,5,2,\nA2,6,6,NA\n", "o.csv", false);
        // the rule refuses it first when it is asked for (score --time-points chooses); Table 1 describes every column, and refuses it too
        assertThatThrownBy(() -> TimePointOutcomes.evaluateAll(t, OutcomeRule.DEFAULT, MissingRule.COMPLETE_CASE))
                .hasMessageContaining("nrs_6month").hasMessageContaining("no patient of o.csv has a value there");
        List<TimePointOutcomes> tps = TimePointOutcomes.evaluateAll(t, OutcomeRule.DEFAULT, MissingRule.COMPLETE_CASE, List.of("1month"));
        assertThatThrownBy(() -> Table1Builder.build(t, tps, null)).isInstanceOf(Table1Exception.class)
                .hasMessage("o.csv: time point '6month' (column nrs_6month): no patient has a value; fill it or remove the column");
    }

    @Test
    void oneOutcomeGroupGivesNotesNotFailures() {
        OutcomeTable t = OutcomeCsv.parse("pseudonym,nrs_0,nrs_1month,sex\nA1,5,2,F\nA2,6,1,M\nA3,8,0,F\n", "o.csv", false);
        Table1 table = Table1Builder.build(t, TimePointOutcomes.evaluateAll(t, OutcomeRule.DEFAULT, MissingRule.COMPLETE_CASE), null);
        Table1.Panel p = table.panels().get(1);
        assertThat(p.groups()).extracting(Table1.Group::patients).containsExactly(3, 0);
        assertThat(p.notes()).contains("fewer than two groups have patients: no test between groups");
        assertThat(p.rows()).allMatch(r -> r.between().isEmpty());
        assertThat(Table1Markdown.document(table)).contains("| - (0 missing) |");
    }
}
