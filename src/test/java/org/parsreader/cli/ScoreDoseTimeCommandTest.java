package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.scoring.DoseTimeTable;

/** Issue 15, point 5: {@code score --dose-time} joins the batch's dose and time into the outcomes. */
class ScoreDoseTimeCommandTest {
    @Test
    void doseTimeFillsEmptyCellsAndListsDifferences(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        assertThat(CommandLineTest.run("generate-cohort", cohort.toString(), "--patients", "30", "--seed", "5").status()).isZero();
        Path dose = tmp.resolve("dose-time.csv");
        // the generated outcomes type P001's DLP; the images say otherwise: kept and listed
        Files.writeString(dose, String.join(",", DoseTimeTable.HEADER) + "\nP001,P001,1,a,9999,b,5,c,,,1,\n");
        Path out = tmp.resolve("out");
        CommandLineTest.Run s = CommandLineTest.run("score", "--findings", cohort.toString(), "--outcomes", cohort.resolve("outcomes.csv").toString(),
                "--out", out.toString(), "--reader", "R1", "--dose-time", dose.toString());
        assertThat(s.status()).as(s.err()).isZero();
        assertThat(s.err()).contains("dose-time.csv: 0 dose/time value(s) filled from the images; 3 differ from the outcomes CSV");
        assertThat(Files.readAllLines(out.resolve(DoseTimeTable.DISCREPANCIES))).hasSize(4).element(2).asString().startsWith("P001,dlp_mgycm,")
                .endsWith(",9999,b");
        assertThat(out.resolve("report.html")).exists();

        CommandLineTest.Run missing = CommandLineTest.run("score", "--findings", cohort.toString(), "--outcomes", cohort.resolve("outcomes.csv").toString(),
                "--out", out.toString(), "--dose-time", tmp.resolve("nope.csv").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.csv: no such dose-time file");
    }
}
