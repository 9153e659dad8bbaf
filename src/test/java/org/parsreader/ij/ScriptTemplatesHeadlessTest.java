package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: every example macro shipped in the jar runs as shipped on sample-data/ in a headless
 * ImageJ ({@code ImageJ -batch} with {@code java.awt.headless}): started where sample-data/ is, with
 * no argument, it ends (no dialog blocks it), without an error, having done what it says.
 */
class ScriptTemplatesHeadlessTest {
    /** What each template prints when it worked. */
    static final Map<String, String> DONE = Map.of(
            "Read_One_Case.ijm", "pars_defect L5 left = complete",
            "Quantify_Contrast.ijm", "compartments reached: pars_defect|caudal_facet",
            "Batch_Cohort.ijm", "134 cases: 134 done, 0 failed",
            "Score_Cohort.ijm", "files written to",
            "Reading_Panel_Macros.ijm", "saved and closed P0001 (R1)");

    @Test
    void everyShippedMacroRunsHeadlessOnTheSampleData(@TempDir Path tmp) throws Exception {
        try (var s = Files.list(ScriptTemplatesTest.TEMPLATES)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(DONE.keySet());
        }
        int n = 0;
        for (Map.Entry<String, String> e : DONE.entrySet()) {
            Path root = Files.createDirectories(tmp.resolve("run" + n++));
            HeadlessImageJ.copySample(root);
            HeadlessImageJ.Result r = HeadlessImageJ.run(root, ScriptTemplatesTest.TEMPLATES.resolve(e.getKey()).toAbsolutePath(), null, 300);
            String what = e.getKey() + ":\n" + r.output();
            assertThat(r.timedOut()).as(what).isFalse();
            assertThat(r.status()).as(what).isZero();
            assertThat(r.output()).as(what).contains(e.getValue()).doesNotContain("Exception").doesNotContain("Unrecognized command")
                    .doesNotContainPattern("Pars Reader: [A-Z][A-Za-z ]+\\.\\.\\.: ");
        }
    }

    @Test
    void aMissingSampleFolderIsNamedWithHowToGetIt(@TempDir Path tmp) throws Exception {
        HeadlessImageJ.Result r = HeadlessImageJ.run(tmp, ScriptTemplatesTest.TEMPLATES.resolve("Read_One_Case.ijm").toAbsolutePath(), null, 120);
        assertThat(r.timedOut()).as(r.output()).isFalse();
        assertThat(r.output()).contains("folder sample-data/case-001 not found").contains("generate-sample sample-data/case-001");
        // the folder as the macro's argument
        Path sample = HeadlessImageJ.copySample(tmp.resolve("elsewhere"));
        HeadlessImageJ.Result ok = HeadlessImageJ.run(tmp, ScriptTemplatesTest.TEMPLATES.resolve("Read_One_Case.ijm").toAbsolutePath(),
                sample.resolve("case-001").toString(), 120);
        assertThat(ok.output()).contains("pars_defect L5 left = complete");
    }
}
