package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;

import ij.IJ;
import ij.ImageJ;
import ij.WindowManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Issue 16: every example macro shipped in the jar runs as shipped in a real ImageJ with a display
 * (Xvfb) and the packaged plugin, on a copy of sample-data/ given as the macro's argument (as the
 * templates document), without a dialog waiting for an answer. The headless twin is
 * {@link ScriptTemplatesHeadlessTest}.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class ScriptTemplatesIT {
    static ImageJ started;

    @BeforeAll
    static void startImageJ() throws Exception {
        started = RealImageJ.start(Files.createTempDirectory("templates-it"));
    }

    @AfterAll
    static void quit() {
        WindowManager.closeAllWindows();
        if (started != null) started.dispose();
    }

    @Test
    void everyShippedMacroRunsWithADisplay() throws Exception {
        for (Map.Entry<String, String> e : ScriptTemplatesHeadlessTest.DONE.entrySet()) {
            Path sample = HeadlessImageJ.copySample(Files.createTempDirectory("templates-it-" + e.getKey().replace(".ijm", "")));
            String folder = e.getKey().contains("Cohort") ? sample.resolve("cohort").toString() : sample.resolve("case-001").toString();
            IJ.log("\\Clear");
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    IJ.runMacroFile(ScriptTemplatesTest.TEMPLATES.resolve(e.getKey()).toAbsolutePath().toString(), folder);
                } catch (Throwable x) {
                    failed.set(x);
                }
            }, "templates-it");
            t.start();
            t.join(300_000);
            String log = IJ.getLog() == null ? "" : IJ.getLog();
            assertThat(t.isAlive()).as(e.getKey() + " still running (a dialog waits?); Log:\n" + log).isFalse();
            assertThat(failed.get()).as(e.getKey()).isNull();
            assertThat(log).as(e.getKey()).contains(e.getValue()).doesNotContainPattern("Pars Reader: [A-Z][A-Za-z ]+\\.\\.\\.: ");
            WindowManager.closeAllWindows();
        }
    }
}
