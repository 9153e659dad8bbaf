package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** score writes Table 1 (table1.csv, table1.md, a report section), grouped with --group-by; bad grouping input writes nothing. */
class Table1CommandTest {
    @Test
    void scoreWritesTable1GroupedByAColumn(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        assertThat(CommandLineTest.run("generate-cohort", cohort.toString(), "--patients", "40", "--seed", "3").status()).isZero();
        Path outcomes = withColumn(cohort.resolve("outcomes.csv"), tmp.resolve("outcomes.csv"), "arm", i -> i % 3 == 0 ? "fluoroscopy" : "CT");
        Path out = tmp.resolve("out");
        CommandLineTest.Run s = CommandLineTest.run("score", "--findings", cohort.toString(), "--outcomes", outcomes.toString(),
                "--out", out.toString(), "--reader", "R1", "--group-by", "arm");
        assertThat(s.status()).as(s.err()).isZero();
        String md = Files.readString(out.resolve("table1.md"));
        assertThat(md).contains("## All patients").contains("## By outcome at 15min").contains("## By arm")
                .contains("| characteristic | CT (n = 26) | fluoroscopy (n = 14) | p (test) |").contains("NRS change, baseline to 1month");
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Table 1: descriptive statistics").contains("### By arm");
        assertThat(Files.readString(out.resolve("table1.csv"))).contains("group:arm,nrs_1month,NRS at 1month,,between,");
    }

    @Test
    void badGroupingOrTimePointWritesNothing(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        assertThat(CommandLineTest.run("generate-cohort", cohort.toString(), "--patients", "12", "--seed", "3").status()).isZero();
        Path one = withColumn(cohort.resolve("outcomes.csv"), tmp.resolve("one.csv"), "arm", i -> "CT");
        Path empty = withColumn(cohort.resolve("outcomes.csv"), tmp.resolve("empty.csv"), "nrs_6month", i -> "");
        Path out = tmp.resolve("out");
        CommandLineTest.Run misspelt = CommandLineTest.run("score", "--findings", cohort.toString(), "--outcomes", one.toString(),
                "--out", out.toString(), "--group-by", "guidanse");
        assertThat(misspelt.status()).isEqualTo(1);
        assertThat(misspelt.err()).contains("--group-by 'guidanse'").contains("has no such column; its columns: pseudonym,");
        CommandLineTest.Run single = CommandLineTest.run("score", "--findings", cohort.toString(), "--outcomes", one.toString(),
                "--out", out.toString(), "--group-by", "arm");
        assertThat(single.status()).isEqualTo(1);
        assertThat(single.err()).contains("every patient with a value has 'CT' (12 patients)");
        CommandLineTest.Run nobody = CommandLineTest.run("score", "--findings", cohort.toString(), "--outcomes", empty.toString(), "--out", out.toString());
        assertThat(nobody.status()).isEqualTo(1);
        assertThat(nobody.err()).contains("nrs_6month").contains("no patient of").contains("has a value there");
        assertThat(out).doesNotExist();
    }

    /** A copy of the outcomes file with one more column, valued by row number (0-based). */
    static Path withColumn(Path from, Path to, String name, java.util.function.IntFunction<String> value) throws Exception {
        List<String> lines = Files.readAllLines(from);
        List<String> outLines = new ArrayList<>();
        outLines.add(lines.get(0) + "," + name);
        for (int i = 1; i < lines.size(); i++) if (!lines.get(i).isBlank()) outLines.add(lines.get(i) + "," + value.apply(i - 1));
        Files.write(to, outLines);
        return to;
    }
}
