package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.batch.BatchRunner;
import org.parsreader.batch.Manifest;
import org.parsreader.util.ProgressListener;

/**
 * Issue 16 point 3: batch defaults that fit the data. Default steps on findings-only cases skip the
 * image steps with one note and run csv; named image steps fail, summarised once per reason; no
 * escape characters when the output is not a terminal.
 */
class BatchDefaultsTest {
    static final String[] CASES = {"P001", "P002", "P003", "P004", "P005"};

    /** Five cases of the sample cohort as they are (findings, no images). */
    static Path cohort(Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        Path from = Path.of("sample-data/cohort");
        for (String c : CASES) {
            try (Stream<Path> files = Files.walk(from.resolve(c))) {
                for (Path p : files.toList()) {
                    Path t = cohort.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(t);
                    else Files.copy(p, t);
                }
            }
        }
        return cohort;
    }

    @Test
    void defaultStepsOnCasesWithoutImagesRunTheFindingsStepsAndSayOnceWhy(@TempDir Path tmp) throws Exception {
        Path cohort = cohort(tmp);
        Path out = tmp.resolve("out");
        CommandLineTest.Run r = CommandLineTest.run("batch", cohort.toString(), "--out", out.toString(), "--jobs", "2");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("5 cases: 5 done, 0 failed, 0 skipped");
        for (String c : CASES) assertThat(out.resolve("cases/" + c + "/findings.csv")).exists();
        assertThat(r.err()).doesNotContain("failed:");
        assertThat(count(r.err(), "no DICOM images")).isEqualTo(1);
        assertThat(r.err()).contains("note: 5 cases have no DICOM images: the image steps (index, contrast, bme) were skipped");
        assertThat(r.out() + r.err()).doesNotContain("\u001b").doesNotContain("\r");

        Manifest m = Manifest.read(out.resolve(Manifest.FILE));
        for (Manifest.CaseEntry e : m.cases()) {
            assertThat(e.status()).isEqualTo(Manifest.Status.done);
            assertThat(e.steps()).containsExactly("csv");
            assertThat(e.notes()).contains(BatchRunner.noImagesNote());
        }

        // resumption: the same default run finds every case done; naming an image step redoes them (and fails them)
        CommandLineTest.Run again = CommandLineTest.run("batch", cohort.toString(), "--out", out.toString());
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).contains("this run did 0, 5 were done before");
        CommandLineTest.Run named = CommandLineTest.run("batch", cohort.toString(), "--out", out.toString(), "--steps", "index,csv");
        assertThat(named.status()).isEqualTo(1);
        assertThat(named.out()).contains("this run did 5, 0 were done before");
    }

    @Test
    void namedImageStepsFailAndIdenticalReasonsAreSummarisedOnce(@TempDir Path tmp) throws Exception {
        Path cohort = cohort(tmp);
        Path out = tmp.resolve("out");
        CommandLineTest.Run r = CommandLineTest.run("batch", cohort.toString(), "--out", out.toString(), "--steps", "index");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("5 cases: 0 done, 5 failed");
        assertThat(r.err()).contains("5 cases: no DICOM images in the case folder (P001, P002, P003, ...; list in manifest.json");
        assertThat(count(r.err(), "no DICOM images")).isEqualTo(1);
        assertThat(r.err()).doesNotContain("case P001 failed").doesNotContain("\u001b").doesNotContain("\r");

        Manifest m = Manifest.read(out.resolve(Manifest.FILE));
        assertThat(m.cases()).extracting(Manifest.CaseEntry::name).containsExactly(CASES);
        for (Manifest.CaseEntry e : m.cases()) {
            assertThat(e.status()).isEqualTo(Manifest.Status.failed);
            assertThat(e.reason()).startsWith("no DICOM images in the case folder").contains(e.name());
        }

        CommandLineTest.Run verbose = CommandLineTest.run("batch", cohort.toString(), "--out", out.toString(), "--steps", "index", "--verbose");
        assertThat(verbose.status()).isEqualTo(1);
        for (String c : CASES) assertThat(verbose.err()).contains("case " + c + " failed: no DICOM images in the case folder");
    }

    @Test
    void progressCountsCasesAndFailuresWithAnEtaAndNoEscapesOffATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BatchRunner.CaseListener p = TerminalProgress.forBatch("batch", err, false, System.nanoTime());
        p.progress(0, 20, "cases");
        for (int i = 1; i <= 20; i++) {
            p.caseEnded(new Manifest.CaseEntry("c" + i, i % 2 == 0 ? Manifest.Status.failed : Manifest.Status.done, null, null, null, null, null, null));
            p.progress(i, 20, "c" + i);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\u001b").doesNotContain("\r");
        assertThat(text.lines().count()).isEqualTo(11); // the first case, then every tenth
        assertThat(text).contains("batch 2/20 cases, 1 failed, ETA ").contains("batch 20/20 cases, 10 failed");
        assertThat(TerminalProgress.eta(1, 3, 30_000_000_000L)).isEqualTo(", ETA 1:00");

        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        ProgressListener bar = TerminalProgress.forBatch("batch", new PrintStream(tty, true, StandardCharsets.UTF_8), true, System.nanoTime());
        bar.progress(1, 2, "c1");
        assertThat(tty.toString(StandardCharsets.UTF_8)).contains("\r").contains("1/2 cases, 0 failed").doesNotContain("\u001b");
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }
}
