package org.parsreader.findings;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parsreader.fuzz.FuzzContract;

/**
 * Fuzz target for the findings reader (README "Fuzzing"): {@link FindingsJson#read}, then what
 * every reader of a findings file does next: {@link FindingsValidator#validate} against its
 * built-in template (problems are a list, never an exception), and a save: the document written
 * back must read back and write the same bytes again, or a reader could save a file that no
 * longer opens. Seeds: {@code src/test/resources/fuzz/findings/}; findings:
 * {@code FindingsJsonFuzzTestInputs/read/}.
 */
class FindingsJsonFuzzTest {
    private static final Map<String, ReadingTemplate> TEMPLATES = Map.of(
            "pars-injection", ReadingTemplate.builtIn("pars-injection"),
            "transforaminal-esi", ReadingTemplate.builtIn("transforaminal-esi"));

    static Stream<Arguments> seeds() {
        return FuzzContract.seeds("findings");
    }

    /** Field names and values of docs/schema/findings-1.schema.json: JSON is mutated far better with its words. */
    @DictionaryEntries({
            "\"R1\"", "\"R2\"", "\"birthDate\"", "\"columnStep\"", "\"consensus\"", "\"created\"",
            "\"dims\"", "\"finding\"", "\"frameOfReferenceUid\"", "\"id\"", "\"identity\"", "\"label\"",
            "\"left\"", "\"level\"", "\"levels\"", "\"line\"", "\"mask\"", "\"mask3d\"", "\"measurements\"",
            "\"method\"", "\"modified\"", "\"origin\"", "\"parameters\"", "\"patientId\"", "\"patientName\"",
            "\"point\"", "\"points\"", "\"polygon\"", "\"provenance\"", "\"pseudonym\"", "\"reader\"",
            "\"right\"", "\"roi\"", "\"rois\"", "\"role\"", "\"rowStep\"", "\"runs\"", "\"schemaVersion\"",
            "\"seriesInstanceUid\"", "\"side\"", "\"sliceStep\"", "\"software\"", "\"sopInstanceUids\"",
            "\"studyInstanceUids\"", "\"template\"", "\"time\"", "\"type\"", "\"unit\"", "\"value\"",
            "\"values\"", "\"version\"", "null", "true", "false", "1e309", "-0", "[]", "{}",
            "\"pars-injection\"", "\"transforaminal-esi\"", "\"2026-01-01T00:00:00Z\"", "\"L5\""})
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "60s")
    void read(byte[] json) {
        FindingsDocument d;
        try {
            d = FindingsJson.read(json, "fuzz input", null); // any reader: the reader-id rule is tested on the reopen below
        } catch (FindingsException expected) {
            return; // not JSON, not a findings document, a newer schema, a bad field: said with line and field
        }
        String id = d.template() == null ? null : d.template().id();
        FindingsValidator.validate(d, TEMPLATES.getOrDefault(id == null ? "" : id, TEMPLATES.get("pars-injection")));
        byte[] saved = FindingsJson.write(d);
        String reader = d.reader() == null ? null : d.reader().id();
        // reopened as its own reader's file, as the store does (a fixed name failed every document of another reader)
        byte[] again = FindingsJson.write(FindingsJson.read(saved, "saved", reader));
        if (!Arrays.equals(saved, again)) {
            throw new AssertionError("a findings document does not survive save and reopen:\n" + new String(saved) + "\n---\n" + new String(again));
        }
    }
}
