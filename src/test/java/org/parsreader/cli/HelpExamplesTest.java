package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: every command's --help ends with usage examples that run on sample-data/ as written.
 * Each example is taken from the help text a user sees and run in-process through Main; it must
 * exit 0, print or write something, and no picocli warning may appear anywhere.
 */
class HelpExamplesTest {
    @Test
    void everyCommandsHelpHasExamplesThatRunOnTheSampleData(@TempDir Path tmp) throws Exception {
        List<String[]> paths = new ArrayList<>();
        paths.add(new String[0]);
        paths.addAll(CommandLineTest.commandPaths());
        Set<String> ran = new HashSet<>();
        int examples = 0;
        for (String[] path : paths) {
            String what = path.length == 0 ? "pars-reader" : String.join(" ", path);
            String[] help = Arrays.copyOf(path, path.length + 1);
            help[path.length] = "--help";
            CommandLineTest.Run h = CommandLineTest.run(help);
            assertThat(h.status()).as(what).isZero();
            assertThat(h.err()).as(what).doesNotContain("[picocli WARN]").isEmpty();
            List<String> text = List.of(h.out().split("\\R"));
            int from = -1;
            for (int i = 0; i < text.size(); i++) if (text.get(i).startsWith("Examples (")) from = i;
            assertThat(from).as(what + " --help has an Examples section:\n" + h.out()).isNotNegative();
            while (from + 1 < text.size() && !text.get(from).endsWith("):")) from++; // the heading may wrap
            List<String> footer = text.subList(from + 1, text.size()).stream().filter(l -> !l.isBlank()).toList();
            for (String l : footer) assertThat(l).as(what + ": an example line wrapped by the help's width (keep it under 80)").startsWith("  ");
            List<String> commands = CliExamples.commands(footer);
            assertThat(commands).as(what + " examples").isNotEmpty();
            // a command's examples run in order on one fresh copy (restore needs the version a save made before it)
            Path root = Files.createDirectories(tmp.resolve("c" + examples));
            CliExamples.copySample(root);
            for (String c : commands) {
                examples++;
                // a line of a sequence runs on each help's own copy (a later line needs what it made there); a lone repeated line once
                if (commands.size() == 1 && !ran.add(c)) continue;
                if (path.length > 0 && path[0].equals("pacs")) {
                    // a PACS example needs a live server: here its options must parse; OrthancPacsTest and PacsCommandTest run
                    // the same commands against a real Orthanc
                    String[] a = CliExamples.args(c, root);
                    Main.commandLine(a).parseArgs(a);
                    continue;
                }
                CommandLineTest.Run r = CommandLineTest.run(CliExamples.args(c, root));
                assertThat(r.status()).as(what + " example: " + c + "\n" + r.err()).isZero();
                assertThat(r.err()).as(c).doesNotContain("[picocli WARN]").doesNotContain("\u001b[");
                assertThat(r.out().length() + CliExamples.written(root)).as(c + ": prints or writes something").isPositive();
            }
        }
        assertThat(examples).isGreaterThan(25);
    }

    @Test
    void commandLinesAreSplitAsAShellSplitsThem() {
        assertThat(CliExamples.commands(List.of("  pars-reader bme-ratio a \\", "      --bme \"1,2;3\" 'x y'", "  # comment", "  pars-reader demo")))
                .containsExactly("pars-reader bme-ratio a  --bme \"1,2;3\" 'x y'", "pars-reader demo");
        assertThat(CliExamples.words("a \"b c\" 'd \"e' f\\ g")).containsExactly("a", "b c", "d \"e", "f g");
        assertThat(CliExamples.args("java -jar target/Pars_Reader-0.1.0.jar info sample-data/case-001 --out=out/x", Path.of("/t")))
                .containsExactly("info", "/t/sample-data/case-001", "--out=/t/out/x");
    }

    /** Issue 16, bad input: a typo in a command or an option names it and the closest valid ones; exit 2. */
    @Test
    void aTypoSuggestsTheClosestCommandOrOption() {
        CommandLineTest.Run cmd = CommandLineTest.run("inf", "sample-data/case-001");
        assertThat(cmd.status()).isEqualTo(2);
        assertThat(cmd.err()).contains("'inf' is not a command of pars-reader; did you mean info").contains("pars-reader --help");
        CommandLineTest.Run sub = CommandLineTest.run("findings", "valdate", "sample-data/case-001");
        assertThat(sub.status()).isEqualTo(2);
        assertThat(sub.err()).contains("'valdate' is not a command of pars-reader findings; did you mean validate"); // picocli also offers migrate
        CommandLineTest.Run opt = CommandLineTest.run("info", "--jsno", "sample-data/case-001");
        assertThat(opt.status()).isEqualTo(2);
        assertThat(opt.err()).contains("unknown option '--jsno' for pars-reader info; did you mean --json?").contains("pars-reader info --help");
        CommandLineTest.Run opt2 = CommandLineTest.run("batch", "sample-data/cohort", "--out", "x", "--job", "2");
        assertThat(opt2.status()).isEqualTo(2);
        assertThat(opt2.err()).contains("unknown option '--job' for pars-reader batch; did you mean --jobs?");
        assertThat(opt.out() + opt2.out() + cmd.out()).isEmpty();
    }

    /** Issue 16, bad input: an example run where there is no sample-data/ names the folder and says how to get the sample data. */
    @Test
    void anExampleOnAMissingSampleFolderSaysWhichFolderAndHowToGetIt(@TempDir Path tmp) {
        Path missing = tmp.resolve("sample-data");
        for (String[] args : new String[][] {{"info", missing.resolve("case-001").toString()}, {"batch", missing.resolve("cohort").toString(), "--out",
                tmp.resolve("run").toString()}, {"score", "--findings", missing.resolve("cohort").toString(), "--outcomes",
                missing.resolve("cohort/outcomes.csv").toString(), "--out", tmp.resolve("s").toString()}}) {
            CommandLineTest.Run r = CommandLineTest.run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", args)).contains(missing + "/").contains("not found (no folder " + missing + ")")
                    .contains("generate-sample sample-data/case-001").contains("generate-cohort sample-data/cohort")
                    .doesNotContain("error: " + missing + "/cohort/outcomes.csv\n");
        }
    }
}
