package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the {@code pars-reader} launcher that {@code mvn package} installs beside the jar
 * prints what {@code java -jar} prints, with its class-data-sharing archive, without it, and with
 * a stale one (made for another copy of the jar), never an error of its own; it honours
 * JAVA_HOME and PARS_READER_JAVA_OPTS and runs without a terminal (as in a Slurm job). Needs the
 * packaged jar (failsafe runs it after the package phase); no display.
 */
class LauncherIT {
    static final String SAMPLE = Path.of("sample-data/case-001").toAbsolutePath().toString();
    static final String CT = "2.25.144238974742240537401837040969335971267";
    static final List<List<String>> COMMANDS = List.of(
            List.of("info", SAMPLE),
            List.of("info", "--json", SAMPLE),
            List.of("volume-stats", SAMPLE, "--series", CT),
            List.of("--version"),
            List.of("help", "info"),
            List.of("pacs", "--help"),                // with the pacs archive
            List.of("pacs", "retrieve", "--help"),
            List.of("volume-stats", SAMPLE),          // refused: exit 1, reason on stderr
            List.of("no-such-command"));             // exit 2

    static Path jar;
    static Path launcher;
    static Path archive;

    @BeforeAll
    static void packaged() {
        jar = Path.of(System.getProperty("pars.pluginJar", "target/Pars_Reader-0.1.0.jar")).toAbsolutePath();
        launcher = jar.resolveSibling("pars-reader");
        archive = jar.resolveSibling(jar.getFileName().toString().replace(".jar", ".jsa"));
        assumeTrue(Files.isRegularFile(jar), "needs the packaged jar (mvn package)");
    }

    record Run(int exit, String out, String err) {
        /** the same run with elapsed times ("in 0.79 s") blanked: they differ between any two runs */
        Run timeless() {
            return new Run(exit, out.replaceAll("\\d+\\.\\d+ s\\b", "T s").replaceAll("\"(\\w*_ms)\" *: *[0-9.]+", "\"$1\":T"), err);
        }
    }

    static Run run(Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("TERM");                      // as in a batch job: no terminal
        pb.environment().remove("PARS_READER_JAVA_OPTS");
        pb.environment().remove("PARS_READER_CDS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path errFile = Files.createTempFile("launcher", ".err");   // stderr to a file: reading two pipes in turn can deadlock
        try {
            pb.redirectError(errFile.toFile());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            int exit = p.waitFor();
            return new Run(exit, new String(out, StandardCharsets.UTF_8), Files.readString(errFile));
        } finally {
            Files.deleteIfExists(errFile);
        }
    }

    static List<String> plus(Object first, List<String> rest) {
        List<String> l = new ArrayList<>();
        l.add(first.toString());
        l.addAll(rest);
        return l;
    }

    /** java -jar's answer to each command, asked once */
    static final Map<List<String>, Run> EXPECTED = new java.util.HashMap<>();

    static void sameAsJavaJar(Path launcherToRun, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (List<String> c : COMMANDS) {
            Run expected = EXPECTED.get(c);
            if (expected == null) {
                expected = run(Map.of(), plus(java, plus("-jar", plus(jar, c)))).timeless();
                EXPECTED.put(c, expected);
            }
            Run actual = run(env, plus(launcherToRun, c)).timeless();
            assertThat(actual).as("pars-reader %s (%s) against java -jar", c, env).isEqualTo(expected);
        }
    }

    @Test
    void withTheArchiveTheOutputIsJavaJars() throws Exception {
        assertThat(launcher).isExecutable();
        assertThat(archive).as("the build's class-data-sharing archive").isRegularFile();
        sameAsJavaJar(launcher, Map.of());
        // the archive is really used: classes come from it
        Run log = run(Map.of("PARS_READER_JAVA_OPTS", "-Xlog:class+load=info:file=/dev/stdout"), List.of(launcher.toString(), "--version"));
        assertThat(log.out()).contains("source: shared objects file (top)");
    }

    @Test
    void thePacsCommandsStartWithTheirOwnSmallerArchive() throws Exception {
        Path pacsArchive = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "-pacs.jsa"));
        assertThat(pacsArchive).isRegularFile();
        assertThat(Files.size(pacsArchive)).as("smaller than the whole archive").isLessThan(Files.size(archive) / 2);
        Map<String, String> log = Map.of("PARS_READER_JAVA_OPTS", "-Xlog:cds=info:file=/dev/stdout -Xlog:class+load=info:file=/dev/stdout");
        Run pacs = run(log, List.of(launcher.toString(), "pacs", "retrieve", "--help"));
        assertThat(pacs.out()).contains("Opened archive " + pacsArchive + ".").doesNotContain("Opened archive " + archive + ".")
                .contains("org.parsreader.cli.PacsCommand$Retrieve source: shared objects file (top)");
        Run info = run(log, List.of(launcher.toString(), "info", "--help"));
        assertThat(info.out()).contains("Opened archive " + archive + ".").doesNotContain(pacsArchive.toString());
    }

    @Test
    void withoutTheArchiveTheOutputIsTheSame(@TempDir Path dir) throws Exception {
        Path copy = installCopy(dir);                    // jar and launcher only
        sameAsJavaJar(copy, Map.of());
        sameAsJavaJar(launcher, Map.of("PARS_READER_CDS", "0"));
    }

    @Test
    void aStaleArchiveIsIgnoredSilently(@TempDir Path dir) throws Exception {
        Path copy = installCopy(dir);
        // an archive made for the jar at another place and time: newer than the copied jar, so the
        // launcher offers it, and the JVM refuses it (jar path and mtime differ)
        Path jsa = dir.resolve(archive.getFileName());
        Files.copy(archive, jsa);
        Path pacsJsa = dir.resolve(archive.getFileName().toString().replace(".jsa", "-pacs.jsa"));
        Files.copy(jar.resolveSibling(pacsJsa.getFileName()), pacsJsa);
        for (Path a : List.of(jsa, pacsJsa)) Files.setLastModifiedTime(a, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        sameAsJavaJar(copy, Map.of());
        // and a jar rebuilt after its archives: the launcher does not offer the older archives
        for (Path a : List.of(jsa, pacsJsa)) Files.setLastModifiedTime(a, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        sameAsJavaJar(copy, Map.of());
    }

    @Test
    void environmentAndSymlinks(@TempDir Path dir) throws Exception {
        // PARS_READER_JAVA_OPTS comes last, so it wins over the launcher's options
        Run tiny = run(Map.of("PARS_READER_JAVA_OPTS", "-Xmx1m"), List.of(launcher.toString(), "--version"));
        assertThat(tiny.exit()).isNotZero();
        assertThat(tiny.err() + tiny.out()).containsIgnoringCase("heap");
        // JAVA_HOME without a java: said, exit 2
        Run noJava = run(Map.of("JAVA_HOME", dir.toString()), List.of(launcher.toString(), "--version"));
        assertThat(noJava.exit()).isEqualTo(2);
        assertThat(noJava.err()).contains("JAVA_HOME=" + dir).contains("bin/java");
        // started through a symlink elsewhere, it still finds the jar beside the real script
        Path link = dir.resolve("bin/pars-reader");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, launcher);
        assertThat(run(Map.of(), List.of(link.toString(), "--version"))).isEqualTo(new Run(0, "Pars Reader 0.1.0\n", ""));
        // no jar beside it: said, exit 2
        Path lone = dir.resolve("lone/pars-reader");
        Files.createDirectories(lone.getParent());
        Files.copy(launcher, lone);
        Run none = run(Map.of(), List.of(lone.toString(), "--version"));
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no Pars_Reader-VERSION.jar beside this script");
    }

    @Test
    void aFixedYoungGenerationUnlessTheUserSizesTheHeap() throws Exception {
        // 256 MB young from the start (a CT volume loads without a collection), except for batch and
        // for a run whose options size the heap: there G1's own sizing applies
        String flags = "-XX:+PrintCommandLineFlags";
        assertThat(run(Map.of("PARS_READER_JAVA_OPTS", flags), List.of(launcher.toString(), "--version")).out())
                .contains("-XX:NewSize=268435456").contains("-XX:MaxNewSize=268435456");
        for (String own : List.of("-Xmx1g", "-Xmn64m -Xlog:disable")) {
            String out = run(Map.of("PARS_READER_JAVA_OPTS", flags + " " + own), List.of(launcher.toString(), "--version")).out();
            assertThat(out).as("with %s", own).doesNotContain("NewSize=268435456");
        }
        assertThat(run(Map.of("PARS_READER_JAVA_OPTS", flags), List.of(launcher.toString(), "batch", "--help")).out())
                .doesNotContain("NewSize=268435456");
    }

    static Path installCopy(Path dir) throws IOException {
        Path l = dir.resolve("pars-reader");
        Files.copy(launcher, l, StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(jar, dir.resolve(jar.getFileName()));
        return l;
    }
}
