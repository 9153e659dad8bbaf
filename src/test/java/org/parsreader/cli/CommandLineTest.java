package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on the committed sample case: output, JSON, exit status, errors. */
class CommandLineTest {
    static final Path SAMPLE = Path.of("sample-data/case-001");

    record Run(int status, String out, String err) {}

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Every command path ("info", "findings validate" ...), from the command line's own model. */
    static java.util.List<String[]> commandPaths() {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        picocli.CommandLine root = new picocli.CommandLine(new Main());
        java.util.ArrayDeque<java.util.List<String>> todo = new java.util.ArrayDeque<>();
        for (String n : root.getSubcommands().keySet()) todo.add(java.util.List.of(n));
        while (!todo.isEmpty()) {
            java.util.List<String> path = todo.poll();
            out.add(path.toArray(String[]::new));
            picocli.CommandLine c = root;
            for (String p : path) c = c.getSubcommands().get(p);
            for (String n : c.getSubcommands().keySet()) {
                java.util.List<String> next = new java.util.ArrayList<>(path);
                next.add(n);
                todo.add(next);
            }
        }
        return out;
    }

    @Test
    void everyCommandAnswersHelpAndDashHWithItsUsageAndNoWarning() {
        java.util.List<String[]> paths = commandPaths();
        assertThat(paths.size()).isGreaterThan(12);
        for (String[] path : paths) {
            for (String flag : new String[] {"--help", "-h"}) {
                String[] args = java.util.Arrays.copyOf(path, path.length + 1);
                args[path.length] = flag;
                Run r = run(args);
                String what = String.join(" ", args);
                assertThat(r.status()).as(what + ": " + r.err()).isZero();
                assertThat(r.out()).as(what).contains("Usage:");
                assertThat(r.err()).as(what).isEmpty();
            }
        }
        Run top = run("--help");
        assertThat(top.status()).isZero();
        assertThat(top.err()).isEmpty();
        assertThat(top.out()).doesNotContain("WARN").contains("95 % CIs");
    }

    /** Main builds only the subcommand named first (start-up, issue 16): same usage, same model, no siblings. */
    @Test
    void aNamedSubcommandIsBuiltAloneWithTheUsageOfTheWholeModel() {
        picocli.CommandLine full = new picocli.CommandLine(new Main());
        Main.addHelpOptions(full);
        for (String[] path : commandPaths()) {
            String what = String.join(" ", path);
            picocli.CommandLine lazy = Main.commandLine(path);
            Main.addHelpOptions(lazy);
            if (path[0].equals("help")) {
                assertThat(lazy.getSubcommands()).as(what).hasSameSizeAs(full.getSubcommands());
                continue;
            }
            assertThat(lazy.getSubcommands().keySet()).as(what).containsExactly(path[0]);
            picocli.CommandLine a = full;
            picocli.CommandLine b = lazy;
            for (String p : path) {
                a = a.getSubcommands().get(p);
                b = b.getSubcommands().get(p);
            }
            assertThat(b.getUsageMessage()).as(what).isEqualTo(a.getUsageMessage());
            assertThat(b.getCommandSpec().qualifiedName()).as(what).isEqualTo(a.getCommandSpec().qualifiedName());
        }
        // a group without options of its own is built with the one command named second only
        assertThat(Main.commandLine("pacs", "retrieve", "--help").getSubcommands().get("pacs").getSubcommands().keySet())
                .containsExactly("retrieve");
        assertThat(Main.commandLine("pacs", "--help").getSubcommands().get("pacs").getSubcommands())
                .hasSameSizeAs(full.getSubcommands().get("pacs").getSubcommands());
        assertThat(Main.commandLine("--help").getSubcommands()).hasSameSizeAs(full.getSubcommands());
        assertThat(Main.commandLine("volume-stat").getSubcommands()).hasSameSizeAs(full.getSubcommands());
        Run typo = run("volume-stat", SAMPLE.toString());
        assertThat(typo.status()).isEqualTo(2);
        assertThat(typo.err()).contains("volume-stats");
    }

    @Test
    void infoListsTheSampleCaseWithoutIdentity() {
        Run r = run("info", SAMPLE.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("1 patient(s), 2 study(ies), 6 series, 6 stack(s)")
                .contains("MR STIR sagittal 15 x 128x176").contains("gantry tilt 5.0 deg")
                .doesNotContain("PHANTOM").doesNotContain("PR-SAMPLE-001").doesNotContain("19800101");
        assertThat(run("info", "--identify", SAMPLE.toString()).out()).contains("PARS^PHANTOM").contains("PR-SAMPLE-001");
    }

    @Test
    void infoJsonHasTheStacks() throws Exception {
        Run r = run("info", "--json", SAMPLE.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        List<JsonNode> stacks = j.findValues("stacks").stream().flatMap(a -> Stream.of(a.elements()).flatMap(it -> {
            List<JsonNode> l = new java.util.ArrayList<>();
            it.forEachRemaining(l::add);
            return l.stream();
        })).toList();
        assertThat(stacks).hasSize(6);
        assertThat(stacks).anySatisfy(s -> {
            assertThat(s.get("sequence_class").asText()).isEqualTo("STIR");
            assertThat(s.get("slices").asInt()).isEqualTo(15);
        });
        assertThat(r.out()).doesNotContain("patient_name");
    }

    @Test
    void volumeStatsPrintsCalibratedStatistics() throws Exception {
        Run r = run("volume-stats", SAMPLE.toString(), "--series", "4", "--json");
        assertThat(r.status()).as(r.err()).isNotEqualTo(2);
        // SeriesNumber 4 exists in both studies (T2 and Post contrast): ambiguous, must be named by UID
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no stack or series '4'");
        JsonNode truth = new ObjectMapper().readTree(SAMPLE.resolve("ground-truth.json").toFile());
        String uid = null;
        for (JsonNode s : truth.get("series")) if (s.get("seriesDescription").asText().equals("Post contrast")) uid = s.get("seriesInstanceUid").asText();
        Run ok = run("volume-stats", SAMPLE.toString(), "--series", uid, "--json");
        assertThat(ok.status()).as(ok.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(ok.out());
        assertThat(j.get("dimensions").toString()).isEqualTo("[160,160,21]");
        assertThat(j.get("unit").asText()).isEqualTo("HU");
        assertThat(j.get("min").asDouble()).isEqualTo(-1024.0);
        assertThat(j.get("max").asDouble()).isEqualTo(3071.0);
        assertThat(j.get("spacing_mm").get(2).asDouble()).isEqualTo(2.0);
        assertThat(j.get("bad_slices")).isEmpty();
    }

    @Test
    void failuresExitNonZeroWithTheReason(@TempDir Path empty) throws Exception {
        Run missing = run("info", "/no/such/folder");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("/no/such/folder: no such file or folder");
        Files.writeString(empty.resolve("notes.txt"), "not dicom");
        Run none = run("volume-stats", empty.toString());
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).contains("no image stack found").contains("notes.txt: not a DICOM file");
        assertThat(run("volume-stats").status()).isEqualTo(2);
        assertThat(run("frobnicate").status()).isEqualTo(2);
    }

    @Test
    void findingsValidateAndExport(@TempDir Path dir) throws Exception {
        Run ok = run("findings", "validate", SAMPLE.toString());
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("ok       sample-data/case-001/findings/R1.findings.json").contains("1 file(s), 0 invalid");
        Path bad = dir.resolve("R1.findings.json"); // R1's findings: a file named R2 would be refused for its reader.id
        Files.writeString(bad, new String(Files.readAllBytes(SAMPLE.resolve("findings/R1.findings.json"))).replace("\"complete\"", "\"broken\""));
        Path torn = dir.resolve("R3.findings.json");
        Files.writeString(torn, "{\"schemaVersion\": 1, \"pseudonym\"");
        Run v = run("findings", "validate", dir.toString());
        assertThat(v.status()).isEqualTo(1);
        assertThat(v.out()).contains("values[0].value: 'broken' is not one of [none, incomplete, complete] for pars_defect")
                .contains("R3.findings.json: not valid JSON").contains("2 file(s), 2 invalid");
        assertThat(Files.readString(torn)).as("a damaged file is never changed").isEqualTo("{\"schemaVersion\": 1, \"pseudonym\"");
        Path csv = dir.resolve("out.csv");
        Run x = run("findings", "export-csv", SAMPLE.toString(), "--out", csv.toString());
        assertThat(x.status()).as(x.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(1 + 16 + 2).first().isEqualTo("pseudonym,reader,role,template,kind,finding,level,side,value,unit,roi,method");
    }

    @Test
    void demoRunsOnTheSampleCase() {
        Run r = run("demo", "--sample", SAMPLE.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("== 3. Ground truth").contains("isthmic edema on the left")
                .contains("== 4. Reader R1's findings").contains("patient P0001, reader R1 (R1), template pars-injection 1.1.0: 16 values, 3 ROIs, 2 measurements, valid")
                .contains("without the needle check (bone model): 0.420 mL")
                .contains("== 6. Reformats").containsPattern("sagittal plane x = 14\\.5 mm: \\d+ x \\d+ pixels")
                .containsPattern("brightest \\d+ HU on the plane, \\d+ HU on a 10 mm MIP")
                .contains("== 8. Reading the case").contains("P0001 (blinded)").doesNotContain("PARS^PHANTOM")
                .containsPattern("Post contrast \\(series 4\\) +slice 10 of 21, column 100, row 74 \\(through levels L5\\)")
                .contains("gap_width_mm L5 left = 2.5 mm (truth 2.5)").contains("ratio now: none")
                .contains("saved findings/DEMO.findings.json: 5 values, 3 ROIs, 3 measurements, 3 level marks");
        // the demo reads on a copy: the sample case keeps only R1's findings
        assertThat(SAMPLE.resolve("findings/DEMO.findings.json")).doesNotExist();
    }

    @Test
    void generateSampleReproducesTheCommittedSampleData(@TempDir Path out) throws Exception {
        assertThat(run("generate-sample", out.toString()).status()).isZero();
        try (Stream<Path> s = Files.walk(SAMPLE)) {
            for (Path committed : s.filter(Files::isRegularFile).toList()) {
                Path generated = out.resolve(SAMPLE.relativize(committed).toString());
                assertThat(generated).as("generated " + generated).exists();
                assertThat(Files.mismatch(committed, generated)).as(committed + " differs from the generator's output: regenerate sample-data")
                        .isEqualTo(-1L);
            }
        }
    }

    @Test
    void aDamagedFindingsFileIsBroughtBackFromAKeptVersion(@TempDir Path tmp) throws Exception {
        Path c = org.parsreader.sample.SampleCase.copy(tmp);
        byte[] good = Files.readAllBytes(c.resolve("findings/R1.findings.json"));
        var store = org.parsreader.findings.CaseFindings.store(c);
        try (var session = store.open("R1")) {
            session.save(good, "test", "first");
        }
        Files.writeString(c.resolve("findings/R1.findings.json"), "{\"schemaVersion\": 1, \"pseu"); // a crash outside Pars Reader
        Run versions = run("findings", "versions", c.toString(), "--reader", "R1");
        assertThat(versions.status()).as(versions.err()).isZero();
        assertThat(versions.out()).contains("2 kept version(s), last intact 2"); // the file as it was, and the save
        Run restore = run("findings", "restore", c.toString(), "--reader", "R1");
        assertThat(restore.status()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restored version 2 of R1");
        assertThat(Files.readAllBytes(c.resolve("findings/R1.findings.json"))).isEqualTo(good);
        assertThat(store.damagedFiles("R1")).as("the damaged bytes are kept aside, not lost").hasSize(1);
        Run none = run("findings", "restore", c.toString(), "--reader", "R9");
        assertThat(none.status()).isNotZero();
        assertThat(none.err()).contains("no intact kept version of R9");
    }
}
