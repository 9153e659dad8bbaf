package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.ReadmeBlocks;

/**
 * Issue 16: every ImageJ macro in README.md (```javascript blocks) runs as written on sample-data/
 * in a headless ImageJ ({@code ImageJ -batch}, java.awt.headless), each on a fresh copy of the
 * sample data, started where sample-data/ is. Plain headless ImageJ 1.x needs the one line the
 * README names first ({@code call("org.parsreader.ij.Headless.install")}); the test adds it.
 * The reading example's edema polygon must measure the edema: on the STIR the left L5 edema
 * (ground truth: signal 900 against normal marrow 110) is several times the reference marrow.
 */
class ReadmeMacroExamplesTest {
    static final Pattern RATIO = Pattern.compile("BME L5 left: edema ([0-9.]+), reference ([0-9.]+)(?: \\([a-z_]+\\))?, contrast ratio ([0-9.-]+), ratio ([0-9.]+)");

    @Test
    void everyReadmeMacroRunsHeadlessOnTheSampleData(@TempDir Path tmp) throws Exception {
        List<ReadmeBlocks.Block> blocks = ReadmeBlocks.of(Set.of("javascript"));
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
        int n = 0;
        boolean edema = false;
        for (ReadmeBlocks.Block b : blocks) {
            Path root = Files.createDirectories(tmp.resolve("block" + n++));
            HeadlessImageJ.copySample(root);
            Path macro = Files.writeString(root.resolve("readme.ijm"), "headless = call(\"org.parsreader.ij.Headless.install\");\n" + b.text());
            HeadlessImageJ.Result r = HeadlessImageJ.run(root, macro, null, 300);
            String what = "README.md line " + b.line() + ":\n" + b.text() + "\noutput:\n" + r.output();
            assertThat(r.timedOut()).as(what).isFalse();
            assertThat(r.status()).as(what).isZero();
            assertThat(r.output()).as(what).doesNotContain("Exception").doesNotContain("Unrecognized command").doesNotContain("not found")
                    .doesNotContainPattern("Pars Reader: [A-Z][A-Za-z ]+\\.\\.\\.: ");
            Matcher m = RATIO.matcher(r.output());
            if (b.text().contains("tool=bme_roi_mean") && m.find()) {
                edema = true;
                // the edema polygon on the edema: far brighter than the normal marrow of the other pedicle
                assertThat(Double.parseDouble(m.group(4))).as(what).isGreaterThan(3.0);
            }
        }
        assertThat(edema).as("the README's reading example measures the edema ratio").isTrue();
    }

    /** Bad input: a README macro run where there is no sample-data/ names the folder and says how to get the sample data. */
    @Test
    void aReadmeMacroWithoutTheSampleDataSaysWhichFolderAndHowToGetIt(@TempDir Path tmp) throws Exception {
        ReadmeBlocks.Block first = ReadmeBlocks.of(Set.of("javascript")).get(0);
        Path macro = Files.writeString(tmp.resolve("readme.ijm"), "headless = call(\"org.parsreader.ij.Headless.install\");\n" + first.text());
        HeadlessImageJ.Result r = HeadlessImageJ.run(tmp, macro, null, 120);
        assertThat(r.timedOut()).as(r.output()).isFalse();
        assertThat(r.output()).contains("Open Study...: folder not found: sample-data/case-001")
                .contains("not found (no folder " + tmp.toRealPath().resolve("sample-data") + ")").contains("generate-sample sample-data/case-001")
                .doesNotContain("Exception");
    }
}
