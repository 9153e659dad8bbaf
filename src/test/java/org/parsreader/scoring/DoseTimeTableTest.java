package org.parsreader.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.scoring.outcome.OutcomeCsv;
import org.parsreader.scoring.outcome.OutcomeTable;

/** Issue 15, point 5: dose and time from the images join the outcomes; typed values win and differences are listed. */
class DoseTimeTableTest {
    @TempDir
    Path dir;

    @Test
    void emptyCellsAreFilledTypedValuesWinAndDifferencesAreListed() throws Exception {
        Path outcomes = dir.resolve("outcomes.csv");
        Files.writeString(outcomes, """
                pseudonym,age,sex,nrs_0,nrs_15min,ctdivol_mgy,dlp_mgycm,procedure_min
                P001,50,M,6,2,,,
                P002,60,F,7,3,3.4,60,14
                P003,40,F,5,5,,42,
                """);
        Path dose = dir.resolve("dose-time.csv");
        Files.writeString(dose, String.join(",", DoseTimeTable.HEADER) + "\n"
                + "case-1,P001,3.4,image headers (highest image),43.17,\"image headers: CTDIvol x scanned length (estimate)\",13.65,AcquisitionDate+AcquisitionTime (67 images),,,3,\n"
                + "case-2,P002,3.4,dose report (highest acquisition),41.98,dose report (DLP total),14.002,x,,,3,\n"
                + "case-9,,1,a,2,b,3,c,,,1,\n");
        DoseTimeTable t = DoseTimeTable.read(dose);
        OutcomeTable joined = t.apply(OutcomeCsv.read(outcomes, false));
        var p1 = joined.patient("P001").orElseThrow();
        assertThat(p1.ctdivolMgy()).isEqualTo(3.4);
        assertThat(p1.dlpMgyCm()).isEqualTo(43.17);
        assertThat(p1.procedureMin()).isEqualTo(13.65);
        var p2 = joined.patient("P002").orElseThrow();
        assertThat(p2.dlpMgyCm()).as("the typed value wins").isEqualTo(60);
        assertThat(p2.procedureMin()).as("14 vs 14.002 is rounding, not a difference").isEqualTo(14);
        var p3 = joined.patient("P003").orElseThrow();
        assertThat(Double.isNaN(p3.ctdivolMgy())).as("no row for P003: nothing filled").isTrue();
        assertThat(p3.dlpMgyCm()).isEqualTo(42);
        assertThat(t.filled()).isEqualTo(3);
        assertThat(t.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.pseudonym()).isEqualTo("P002");
            assertThat(d.column()).isEqualTo("dlp_mgycm");
            assertThat(d.typed()).isEqualTo(60);
            assertThat(d.fromImages()).isEqualTo(41.98);
            assertThat(d.source()).isEqualTo("dose report (DLP total)");
        });
        assertThat(joined.notes()).contains("dose-time.csv: 3 dose/time value(s) filled from the images; 1 differ from the outcomes CSV, "
                + "whose values were kept (listed in dose-time-discrepancies.csv)");
        StringWriter w = new StringWriter();
        t.writeDiscrepancies(w);
        assertThat(w.toString()).isEqualTo("pseudonym,column,outcomes_value_kept,image_value,image_source\n"
                + "P002,dlp_mgycm,60,41.98,dose report (DLP total)\n");
    }

    @Test
    void theJoinKeepsEveryOtherComponentOfTheRow() throws Exception {
        Path outcomes = dir.resolve("outcomes.csv");
        Files.writeString(outcomes, "pseudonym,age,sex,nrs_0,nrs_15min,gpe_15min,procedure_min\nP001,50,F,6,2,positive,\n");
        var before = OutcomeCsv.read(outcomes, false).patients().get(0);
        var after = DoseTimeTable.withDoseTime(before, new double[] {1.5, 20, 12});
        for (var c : org.parsreader.scoring.outcome.PatientOutcome.class.getRecordComponents()) {
            Object a = c.getAccessor().invoke(before), b = c.getAccessor().invoke(after);
            switch (c.getName()) {
                case "ctdivolMgy" -> assertThat(b).isEqualTo(1.5);
                case "dlpMgyCm" -> assertThat(b).isEqualTo(20.0);
                case "procedureMin" -> assertThat(b).isEqualTo(12.0);
                default -> assertThat(b).as(c.getName()).isEqualTo(a);
            }
        }
    }

    @Test
    void badFilesAreErrorsNamingFileLineAndColumn() throws Exception {
        Path dose = dir.resolve("dose-time.csv");
        assertThatThrownBy(() -> DoseTimeTable.read(dose)).hasMessageContaining("dose-time.csv: no such dose-time file");
        Files.writeString(dose, "case,pseudonym,ctdivol_mgy\n");
        assertThatThrownBy(() -> DoseTimeTable.read(dose)).hasMessageContaining("no column 'dlp_mgycm'");
        Files.writeString(dose, String.join(",", DoseTimeTable.HEADER) + "\nc,P1,abc,,1,,2,,,,1,\n");
        assertThatThrownBy(() -> DoseTimeTable.read(dose)).hasMessageContaining("dose-time.csv line 2, column ctdivol_mgy: 'abc' is not a number");
        Files.writeString(dose, String.join(",", DoseTimeTable.HEADER) + "\nc,P1,1,,1,,2,,,,1,\nd,P1,1,,1,,2,,,,1,\n");
        assertThatThrownBy(() -> DoseTimeTable.read(dose)).hasMessageContaining("line 3: case 'P1' appears twice");
    }
}
