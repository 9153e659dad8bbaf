package org.parsreader.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.cli.Main;
import org.parsreader.scoring.cohort.CohortGenerator;

/**
 * The text outputs of {@code score} (every CSV and Markdown file, and what the command prints on stdout and stderr)
 * are byte for byte those recorded before the speed work of issue 15 (parallel reading of the
 * findings files, parallel fits, cached formatting): a speed-up may not change a number, an
 * order or a message. A generated 300-patient cohort with one unreadable, one misnamed and one
 * duplicate findings file, scored with the default options and with every issue-15 option.
 *
 * <p>The expected SHA-256 of each file are in {@code src/test/resources/scoring/score-outputs.sha256}.
 * Figures (PNG, SVG, PDF, and report.html with its inline SVG) are not compared: their bytes
 * depend on the machine's fonts. Only when an output is changed on purpose, re-record with
 * {@code -Dscore.outputs.record=true} and say why in the commit.
 */
class ScoreOutputsUnchangedTest {
    static final Path EXPECTED = Path.of("src/test/resources/scoring/score-outputs.sha256");

    @Test
    void scoreOutputsAreTheRecordedBytes(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        CohortGenerator.Cohort generated = CohortGenerator.generate(300, 15);
        CohortGenerator.write(generated, cohort);
        Path third = cohort.resolve(generated.reader1().get(2).pseudonym()).resolve("findings");
        Path fourth = cohort.resolve(generated.reader1().get(3).pseudonym()).resolve("findings");
        // problems are reported in file order, whichever thread read the file
        Files.writeString(third.resolve("R3.findings.json"), "{\"schema\": ", StandardCharsets.UTF_8);
        Files.copy(fourth.resolve("R1.findings.json"), fourth.resolve("R1-copy.findings.json"));   // named for another reader
        Path again = Files.createDirectories(cohort.resolve("zz-again/findings"));
        Files.copy(fourth.resolve("R1.findings.json"), again.resolve("R1.findings.json"));           // a second file of R1 for that patient

        Map<String, String> actual = new TreeMap<>();
        score(cohort, tmp.resolve("default"), actual, "default");
        score(cohort, tmp.resolve("full"), actual, "full", "--group-by", "guidance", "--group", "guidance", "--linear", "ppr,change@odi",
                "--multivariable", "bme_isthmic_any,hollenberg_max,age");
        if (Boolean.getBoolean("score.outputs.record")) {
            StringBuilder b = new StringBuilder();
            actual.forEach((k, v) -> b.append(v).append("  ").append(k).append('\n'));
            Files.writeString(EXPECTED, b.toString(), StandardCharsets.UTF_8);
        }
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
            String[] p = line.split("  ", 2);
            expected.put(p[1], p[0]);
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** Runs score in-process; hashes its CSV and Markdown outputs and its printed lines, with the temporary folder's name taken out. */
    private static void score(Path cohort, Path out, Map<String, String> hashes, String label, String... extra) throws IOException, NoSuchAlgorithmException {
        String[] args = Stream.concat(Stream.of("score", "--findings", cohort.toString(), "--outcomes", cohort.resolve("outcomes.csv").toString(),
                "--out", out.toString()), Stream.of(extra)).toArray(String[]::new);
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream warned = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(warned, true, StandardCharsets.UTF_8));
            status = Main.execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        String root = cohort.getParent().toString();
        String warnings = warned.toString(StandardCharsets.UTF_8).replace(root, "TMP");
        assertThat(status).as(label + ": " + warnings).isZero();
        assertThat(warnings).as(label).contains("R3.findings.json: not valid JSON", "a second findings file of reader R1");
        hashes.put(label + "/stdout", sha256(printed.toString(StandardCharsets.UTF_8).replace(root, "TMP")));
        hashes.put(label + "/stderr", sha256(warnings));
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : s.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".csv") && !name.endsWith(".md")) continue;
                hashes.put(label + "/" + name, sha256(Files.readString(f, StandardCharsets.UTF_8).replace(root, "TMP")));
            }
        }
    }

    private static String sha256(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
