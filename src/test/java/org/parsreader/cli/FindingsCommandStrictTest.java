package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, point 5: {@code findings validate} and {@code findings export-csv} on files that are not quite findings. */
class FindingsCommandStrictTest {
    static final Path SAMPLE_R1 = Path.of("sample-data/case-001/findings/R1.findings.json");

    static String sample() throws Exception {
        return Files.readString(SAMPLE_R1, StandardCharsets.UTF_8);
    }

    @Test
    void validateRefusesEachKindOfLooseFileAndNamesIt(@TempDir Path dir) throws Exception {
        String ok = sample();
        Path good = write(dir.resolve("good/R1.findings.json"), ok);
        Path dup = write(dir.resolve("dup/R1.findings.json"), ok.replaceFirst("\"value\" : \"complete\"", "\"value\" : \"complete\", \"value\" : \"none\""));
        Path trailing = write(dir.resolve("trailing/R1.findings.json"), ok + "\n{\"schemaVersion\": 1}\n");
        Path nullValues = write(dir.resolve("null/R1.findings.json"), ok.replaceFirst("\"values\" : \\[", "\"values\" : null, \"unused\" : ["));
        Path r2InR1 = write(dir.resolve("swapped/R1.findings.json"), ok.replaceFirst("\"id\" : \"R1\"", "\"id\" : \"R2\""));
        Path unknownTemplate = write(dir.resolve("template/R1.findings.json"), ok.replaceFirst("\"id\" : \"pars-injection\"", "\"id\" : \"no-such-template\""));
        Path folder = Files.createDirectories(dir.resolve("folder/R1.findings.json"));
        Files.writeString(folder.resolve("notes.txt"), "a folder named like a findings file");
        for (Path p : List.of(dup, trailing, nullValues, r2InR1, unknownTemplate)) assertThat(Files.readString(p)).isNotEqualTo(ok);

        CommandLineTest.Run v = CommandLineTest.run("findings", "validate", dir.toString());
        assertThat(v.status()).as(v.err()).isEqualTo(1);
        assertThat(v.out()).contains("ok       " + good).contains("7 file(s), 6 invalid")
                .contains(dup + ": not valid JSON: duplicate key 'value' in values[0]")
                .contains(trailing + ": not valid JSON: content after the end of the document")
                .contains(nullValues + ": values: null where an array is required")
                .contains(r2InR1 + ": reader.id 'R2' but the file belongs to reader 'R1'")
                .contains(unknownTemplate + ": no built-in reading template 'no-such-template'")
                .contains(folder + ": is a folder, not a findings file");
        for (Path p : List.of(dup, trailing, nullValues, r2InR1, unknownTemplate, folder)) assertThat(v.out()).contains("INVALID  " + p);
        // before: a duplicate key validated (the last one won) and the folder or the template stopped the whole run
        CommandLineTest.Run one = CommandLineTest.run("findings", "validate", dup.toString());
        assertThat(one.status()).isEqualTo(1);
    }

    @Test
    void validateQuotesLongValuesShort(@TempDir Path dir) throws Exception {
        String huge = "q".repeat(50_000);
        Path f = write(dir.resolve("R1.findings.json"), sample().replaceFirst("\"value\" : \"complete\"", "\"value\" : \"" + huge + "\""));
        CommandLineTest.Run v = CommandLineTest.run("findings", "validate", f.toString());
        assertThat(v.status()).isEqualTo(1);
        assertThat(v.out()).contains(f + ": values[0].value: '" + "q".repeat(200) + "...' (50000 characters) is not one of")
                .doesNotContain("q".repeat(201));
        Path template = write(dir.resolve("t/R1.findings.json"), sample().replaceFirst("\"id\" : \"pars-injection\"", "\"id\" : \"" + huge + "\""));
        CommandLineTest.Run t = CommandLineTest.run("findings", "validate", template.toString());
        assertThat(t.status()).isEqualTo(1);
        assertThat(t.out()).contains(template + ": no built-in reading template '" + "q".repeat(200) + "...' (50000 characters)")
                .doesNotContain("q".repeat(201));
    }

    @Test
    void exportCsvExportsTheGoodFilesAndNamesTheBadOnes(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        assertThat(CommandLineTest.run("generate-cohort", cohort.toString(), "--patients", "6", "--seed", "5").status()).isZero();
        Path all = tmp.resolve("all.csv");
        CommandLineTest.Run before = CommandLineTest.run("findings", "export-csv", cohort.toString(), "--out", all.toString());
        assertThat(before.status()).as(before.err()).isZero();
        List<String> allRows = Files.readAllLines(all);

        Path torn = cohort.resolve("P002/findings/R1.findings.json");
        Files.writeString(torn, Files.readString(torn).substring(0, 100));
        Path swapped = cohort.resolve("P004/findings/R1.findings.json");
        Files.writeString(swapped, Files.readString(cohort.resolve("P004/findings/R2.findings.json")));
        Path csv = tmp.resolve("some.csv");
        CommandLineTest.Run x = CommandLineTest.run("findings", "export-csv", cohort.toString(), "--out", csv.toString());
        assertThat(x.status()).as("some files left out").isEqualTo(1);
        assertThat(x.err()).contains("left out: " + torn + ": not valid JSON")
                .contains("left out: " + swapped + ": reader.id 'R2' but the file belongs to reader 'R1'")
                .contains("10 of 12 findings file(s) exported to " + csv + "; 2 left out");
        List<String> rows = Files.readAllLines(csv);
        // exactly the rows of the good files: all rows but those of P002 R1 and P004 R1; P004's genuine R2 stays
        List<String> expected = allRows.stream().filter(r -> !r.startsWith("P002,R1,") && !r.startsWith("P004,R1,")).toList();
        assertThat(expected).hasSizeLessThan(allRows.size());
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(rows).anyMatch(r -> r.startsWith("P004,R2,"));

        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    static Path write(Path f, String text) throws Exception {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
