package org.parsreader;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, tiny file system for tests of full and read-only disks: a tmpfs of a few hundred KB
 * mounted on a folder (needs root, as on the build machines). The calling test is skipped, with
 * the reason, only when the mount cannot be made; nothing about the file system is simulated.
 *
 * <pre>{@code
 * try (SmallDisk disk = SmallDisk.mount(tmp.resolve("disk"), 512 * 1024)) {
 *     disk.fill(0);          // no free block left
 *     ... a write fails with "No space left on device" ...
 *     disk.unfill();
 * }
 * }</pre>
 */
public final class SmallDisk implements AutoCloseable {
    /** tmpfs allocates whole pages. */
    public static final int PAGE = 4096;
    private final Path root;
    private final Path filler;
    private boolean mounted = true;

    private SmallDisk(Path root) {
        this.root = root;
        this.filler = root.resolve("zz-filler.bin");
    }

    /** Mounts a tmpfs of {@code bytes} on {@code dir} (created); skips the test if that is not possible here. */
    public static SmallDisk mount(Path dir, long bytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Run r = run("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0777", "tmpfs", dir.toString());
        assumeTrue(r.status == 0, "cannot mount a " + bytes + "-byte tmpfs on " + dir + " (needs root and mount):"
                + " exit " + r.status + ": " + r.output + "; the full-disk test is skipped");
        return new SmallDisk(dir);
    }

    public Path root() {
        return root;
    }

    /** Free bytes as the file system reports them. */
    public long free() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    /** Writes a filler file until exactly {@code leaveFree} bytes (a whole number of pages) are free. */
    public void fill(long leaveFree) throws IOException {
        if (leaveFree % PAGE != 0) throw new IllegalArgumentException("leave whole pages free, not " + leaveFree);
        long toWrite = free() - leaveFree;
        if (toWrite < 0) throw new IllegalStateException("only " + free() + " bytes free on " + root + ", cannot leave " + leaveFree);
        byte[] block = new byte[PAGE];
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            for (long w = 0; w < toWrite; w += PAGE) out.write(block);
        }
        if (free() != leaveFree) throw new IllegalStateException("filled " + root + " to " + free() + " free bytes, wanted " + leaveFree);
    }

    /** Removes the filler. */
    public void unfill() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Remounts read-only (true) or read-write (false). */
    public void readOnly(boolean on) throws IOException, InterruptedException {
        Run r = run("mount", "-o", "remount," + (on ? "ro" : "rw"), root.toString());
        if (r.status != 0) throw new IOException("cannot remount " + root + (on ? " read-only" : " read-write") + ": " + r.output);
    }

    /** Unmounts (lazily, should a file still be open); the mount point stays as an empty folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!mounted) return;
        Run r = run("umount", "-l", root.toString());
        if (r.status != 0) throw new IOException("cannot unmount " + root + ": " + r.output);
        mounted = false;
    }

    private record Run(int status, String output) {}

    private static Run run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Run(-1, e.getMessage());
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, String.join(" ", command) + " did not finish in 30 s");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }
}
