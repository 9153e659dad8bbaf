package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, point 5: the one strict reader. Each case starts from the valid fixture and changes
 * one thing; the unchanged fixture reads, so each refusal is caused by that one change.
 */
class FindingsStrictReadingTest {
    static final String FILE = "cases/P0001/findings/R1.findings.json";

    static String fixture() throws Exception {
        return new String(FindingsJsonTest.fixture("findings-v1.json"), StandardCharsets.UTF_8);
    }

    static FindingsDocument read(String json, String source) {
        return FindingsJson.read(json.getBytes(StandardCharsets.UTF_8), source);
    }

    @Test
    void theFixtureItselfReadsUnderEveryName() throws Exception {
        assertThat(read(fixture(), FILE).reader().id()).isEqualTo("R1");
        assertThat(read(fixture() + "\n  \n", FILE).values()).hasSize(FindingsJson.read(FindingsJsonTest.fixture("findings-v1.json"), "x").values().size());
    }

    @Test
    void aDuplicateKeyIsRefusedAndNamed() throws Exception {
        String dupValue = fixture().replaceFirst("\"value\": \"complete\"", "\"value\": \"complete\", \"value\": \"none\"");
        assertThat(dupValue).isNotEqualTo(fixture());
        assertThatThrownBy(() -> read(dupValue, FILE)).isInstanceOf(FindingsException.class)
                .hasMessageStartingWith(FILE + ": not valid JSON: duplicate key 'value' in values[0]")
                .hasMessageContaining("line ");
        String dupTop = fixture().replaceFirst("\"pseudonym\": \"P0001\"", "\"pseudonym\": \"P0001\", \"pseudonym\": \"P0002\"");
        assertThatThrownBy(() -> read(dupTop, FILE)).hasMessageContaining("duplicate key 'pseudonym' at the top level");
        String dupNested = fixture().replaceFirst("\"id\": \"R1\"", "\"id\": \"R1\", \"id\": \"R1\"");
        assertThatThrownBy(() -> read(dupNested, FILE)).hasMessageContaining("duplicate key 'id' in reader");
    }

    @Test
    void contentAfterTheDocumentIsRefused() throws Exception {
        for (String tail : List.of("{}", "{\"schemaVersion\": 1}", "]", "x", "\"more\"", "1", "null")) {
            assertThatThrownBy(() -> read(fixture() + "\n" + tail, FILE)).as(tail).isInstanceOf(FindingsException.class)
                    .hasMessageStartingWith(FILE + ": not valid JSON");
        }
        assertThatThrownBy(() -> read(fixture() + "{}", FILE)).hasMessageContaining("content after the end of the document");
    }

    @Test
    void nullWhereAnArrayIsRequiredIsRefused() throws Exception {
        String f = fixture();
        assertThatThrownBy(() -> read(f.replaceFirst("\"values\": \\[", "\"values\": null, \"x\": ["), FILE))
                .isInstanceOf(FindingsException.class); // (unknown x, but the null comes first)
        record Case(String json, String field) {}
        List<Case> cases = List.of(
                new Case(replaceArray(f, "values"), "values"),
                new Case(replaceArray(f, "rois"), "rois"),
                new Case(replaceArray(f, "measurements"), "measurements"),
                new Case(replaceArray(f, "studyInstanceUids"), "studyInstanceUids"),
                new Case(f.replaceFirst("\"values\": \\[", "\"values\": [null,"), "values[0]"),
                new Case(f.replaceFirst("\"points\": \\[", "\"points\": [null,"), "rois[0].points[0]"),
                new Case(f.replaceFirst("\"dims\": \\[[^\\]]*\\]", "\"dims\": null"), "rois[3].mask.dims"));
        for (Case c : cases) {
            assertThat(c.json()).as(c.field()).isNotEqualTo(f);
            assertThatThrownBy(() -> read(c.json(), FILE)).as(c.field()).isInstanceOf(FindingsException.class)
                    .hasMessageStartingWith(FILE + ": " + c.field())
                    .hasMessageContaining("null where an array");
        }
    }

    /** {@code "name": [ ... ]} (the top-level array) replaced by {@code "name": null}. */
    static String replaceArray(String json, String name) {
        int start = json.indexOf("\n  \"" + name + "\": [");
        assertThat(start).as(name).isPositive();
        int open = json.indexOf('[', start);
        int depth = 0;
        for (int i = open; ; i++) {
            char c = json.charAt(i);
            if (c == '[') depth++;
            if (c == ']' && --depth == 0) return json.substring(0, open) + "null" + json.substring(i + 1);
        }
    }

    @Test
    void readerIdMustMatchTheFileName() throws Exception {
        String r2 = fixture().replaceFirst("\"id\": \"R1\"", "\"id\": \"R2\"");
        assertThatThrownBy(() -> read(r2, FILE)).isInstanceOf(FindingsException.class)
                .hasMessageStartingWith(FILE + ": reader.id 'R2' but the file belongs to reader 'R1'");
        assertThatThrownBy(() -> read(r2, "C:\\cases\\R1.findings.json")).hasMessageContaining("reader.id 'R2'");
        assertThat(read(r2, "cases/P0001/findings/R2.findings.json").reader().id()).isEqualTo("R2");
        // names that say no reader are not checked: fixtures, exports, a damaged file set aside
        assertThat(read(r2, "findings-v1.json").reader().id()).isEqualTo("R2");
        assertThat(read(r2, "R1.findings.damaged-20240101T000000.000Z.json").reader().id()).isEqualTo("R2");
        // the explicit form: the store's reader, whatever the source is called
        assertThatThrownBy(() -> FindingsJson.read(r2.getBytes(StandardCharsets.UTF_8), "version 3", "R1"))
                .hasMessageContaining("version 3: reader.id 'R2'");
        String noReader = fixture().replaceFirst("\"reader\": \\{[^}]*\\},", "");
        assertThatThrownBy(() -> read(noReader, FILE)).hasMessageContaining("reader.id is missing but the file belongs to reader 'R1'");
    }

    @Test
    void theStoreTakesAFileOfAnotherReaderForDamagedAndKeepsItsBytes(@TempDir Path caseDir) throws Exception {
        Path findings = Files.createDirectories(caseDir.resolve("findings"));
        String r2 = fixture().replaceFirst("\"id\": \"R1\"", "\"id\": \"R2\"").replaceFirst("\"role\": \"R1\"", "\"role\": \"R2\"");
        Files.writeString(findings.resolve("R1.findings.json"), r2); // R2's findings under R1's name
        Files.writeString(findings.resolve("R2.findings.json"), r2);
        var store = CaseFindings.store(caseDir);
        assertThat(store.read("R2")).isPresent();
        assertThatThrownBy(() -> store.read("R1")).isInstanceOf(org.parsreader.findings.store.DamagedFindingsException.class)
                .hasMessageContaining("reader.id 'R2' but the file belongs to reader 'R1'");
        assertThat(store.damagedFiles("R1")).singleElement().satisfies(p -> assertThat(Files.readString(p)).isEqualTo(r2));
        assertThat(findings.resolve("R1.findings.json")).doesNotExist();
        assertThat(Files.readString(findings.resolve("R2.findings.json"))).isEqualTo(r2);
        // and a save of R2's document as R1's findings is refused
        try (var session = store.open("R1")) {
            assertThatThrownBy(() -> session.save(r2.getBytes(StandardCharsets.UTF_8), "test", "wrong reader"))
                    .isInstanceOf(org.parsreader.findings.store.RejectedContentException.class).hasMessageContaining("reader.id 'R2'");
        }
    }

    @Test
    void readFileNamesTheFileForFoldersAndMissingFiles(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("R1.findings.json"));
        assertThatThrownBy(() -> FindingsJson.readFile(folder)).hasMessageContaining(folder.toString()).hasMessageContaining("folder");
        Path missing = tmp.resolve("R9.findings.json");
        assertThatThrownBy(() -> FindingsJson.readFile(missing)).hasMessageContaining(missing.toString());
        Path good = tmp.resolve("ok").resolve("R1.findings.json");
        Files.createDirectories(good.getParent());
        Files.writeString(good, fixture());
        assertThat(FindingsJson.readFile(good).pseudonym()).isEqualTo("P0001");
    }

    @Test
    void longValuesAreQuotedShort() throws Exception {
        String huge = "x".repeat(100_000);
        List<String> docs = List.of(
                fixture().replaceFirst("\"side\": \"left\"", "\"side\": \"" + huge + "\""),         // not an enum value
                fixture().replaceFirst("\"pseudonym\"", "\"" + huge + "\": 1, \"pseudonym\""),       // unknown field
                fixture().replaceFirst("\"created\": \"[^\"]*\"", "\"created\": \"" + huge + "\""),  // not a time
                fixture().replaceFirst("\"schemaVersion\": 1", "\"schemaVersion\": 1, " + huge),     // syntax
                fixture().replaceFirst("\"value\": \"complete\"", "\"value\": \"" + huge + "\", \"value\": 1"),
                fixture().replaceFirst("\"value\": \"complete\"", "\"" + huge + "\": 1, \"" + huge + "\": 2"));
        for (String d : docs) {
            assertThat(d.length()).isGreaterThan(100_000);
            Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> read(d, FILE));
            assertThat(e).isInstanceOf(FindingsException.class).hasMessageStartingWith(FILE + ": ");
            assertThat(e.getMessage().length()).as(e.getMessage()).isLessThan(1200);
            assertThat(e.getMessage()).doesNotContain("x".repeat(Quote.MAX + 1));
        }
        // and the validator's messages: a 100 000-character pseudonym and choice
        FindingsDocument d = read(fixture().replaceFirst("\"pseudonym\": \"P0001\"", "\"pseudonym\": \"" + huge + "\"")
                .replaceFirst("\"value\": \"complete\"", "\"value\": \"" + huge + "\""), FILE);
        List<FindingsValidator.Problem> problems = FindingsValidator.validate(d, ReadingTemplate.builtIn("pars-injection"));
        assertThat(problems).extracting(FindingsValidator.Problem::field).contains("pseudonym", "values[0].value");
        for (FindingsValidator.Problem p : problems) {
            assertThat(p.toString().length()).as(p.field()).isLessThan(600);
            assertThat(p.message()).contains("(100000 characters)");
        }
    }

    @Test
    void damagedCopiesFailOnlyWithAFindingsExceptionThatNamesTheFileAndStaysShort() throws Exception {
        byte[] good = FindingsJsonTest.fixture("findings-v1.json");
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261202L);
        byte[] junk = "{}[],:\"\\ 0-9eE.nultrufas\u00e9x".getBytes(StandardCharsets.UTF_8);
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] b = good.clone();
            int edits = 1 + random.nextInt(4);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(b.length);
                switch (random.nextInt(3)) {
                    case 0 -> b[at] = junk[random.nextInt(junk.length)];
                    case 1 -> b = java.util.Arrays.copyOf(b, at);                             // torn
                    default -> {                                                               // a span repeated
                        int len = Math.min(b.length - at, 1 + random.nextInt(200));
                        byte[] c = new byte[b.length + len];
                        System.arraycopy(b, 0, c, 0, at + len);
                        System.arraycopy(b, at, c, at + len, b.length - at);
                        b = c;
                    }
                }
                if (b.length == 0) break;
            }
            byte[] doc = b;
            Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> FindingsJson.read(doc, FILE));
            if (e == null) { // what still reads, the validator judges without failing
                FindingsValidator.validate(FindingsJson.read(doc, FILE), ReadingTemplate.builtIn("pars-injection"));
                continue;
            }
            refused++;
            assertThat(e).as("mutation %d", i).isInstanceOf(FindingsException.class).hasMessageStartingWith(FILE + ": ");
            assertThat(e.getMessage().length()).as("mutation %d: %s", i, e.getMessage()).isLessThan(1200);
        }
        assertThat(refused).as("most damaged copies are refused").isGreaterThan(2000);
    }

    @Test
    void quoteCutsOnlyLongValues() {
        assertThat(Quote.of("L5")).isEqualTo("'L5'");
        assertThat(Quote.of(null)).isEqualTo("null");
        assertThat(Quote.of("y".repeat(Quote.MAX))).isEqualTo("'" + "y".repeat(Quote.MAX) + "'");
        assertThat(Quote.of("y".repeat(Quote.MAX + 1))).isEqualTo("'" + "y".repeat(Quote.MAX) + "...' (201 characters)");
        assertThat(Quote.clip("Unrecognized field \"" + "z".repeat(500) + "\" (class X)"))
                .isEqualTo("Unrecognized field \"" + "z".repeat(Quote.MAX) + "...(500 characters)\" (class X)");
    }
}
