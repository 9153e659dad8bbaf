package org.parsreader.ij;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A macro run as a user runs it without a display: {@code java -Djava.awt.headless=true ij.ImageJ
 * -batch macro.ijm [argument]} in its own JVM, in a working folder, with this build's classes and
 * ImageJ on the class path. A dialog that would block shows as a timeout, not a hung build.
 */
final class HeadlessImageJ {
    private HeadlessImageJ() {}

    record Result(int status, String output, boolean timedOut) {}

    static Result run(Path cwd, Path macro, String argument, long timeoutSeconds) throws Exception {
        Path tmp = Files.createDirectories(cwd.resolve("java-tmp"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-Xmx1g", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "ij.ImageJ", "-batch", macro.toString()));
        if (argument != null) cmd.add(argument);
        Path log = Files.createTempFile(tmp, "imagej", ".log");
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly().waitFor();
        return new Result(done ? p.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8), !done);
    }

    /** A fresh copy of the repository's sample-data/ under {@code root}. */
    static Path copySample(Path root) throws Exception {
        Path from = Path.of("sample-data");
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path to = root.resolve("sample-data").resolve(from.relativize(p).toString().replace('/', File.separatorChar));
                if (Files.isDirectory(p)) Files.createDirectories(to); else Files.copy(p, to);
            }
        }
        return root.resolve("sample-data");
    }
}
