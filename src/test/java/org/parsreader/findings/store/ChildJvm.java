package org.parsreader.findings.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link StoreChild} in its own JVM. Its output goes to a file rather than a pipe: killing a
 * process closes our end of its pipes, and lines still in the pipe would be lost.
 */
final class ChildJvm {
    final Process process;
    private final Path outFile;
    private final Path errFile;

    private ChildJvm(Process process, Path outFile, Path errFile) {
        this.process = process;
        this.outFile = outFile;
        this.errFile = errFile;
    }

    static ChildJvm start(Path scratch, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx256m",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                StoreChild.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "child", ".out");
        Path err = Files.createTempFile(scratch, "child", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ChildJvm(p, out, err);
    }

    /** Waits until a complete output line starts with {@code prefix}; returns it. */
    String awaitLine(String prefix, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            for (String line : lines()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive() && process.exitValue() != 0 || System.currentTimeMillis() > deadline) {
                throw new AssertionError("child never printed '" + prefix + "'; exit "
                        + (process.isAlive() ? "none" : process.exitValue()) + "; stderr: " + errors());
            }
            Thread.sleep(5);
        }
    }

    /** Complete lines written so far (a line without its newline yet is left out). */
    List<String> lines() throws IOException {
        String text = Files.readString(outFile, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    /** Everything the child wrote to stderr, for assertion messages. */
    String errors() {
        try {
            return Files.readString(errFile);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
