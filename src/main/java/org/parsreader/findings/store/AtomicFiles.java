package org.parsreader.findings.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whole-file writes that either happen completely or not at all, and survive a crash once they
 * return.
 *
 * <p>{@link #write} writes a temporary file beside the target, forces it to disk, renames it over
 * the target atomically and then forces the directory, so a reader of the target sees the old
 * bytes or the new bytes, never a mix, and a process killed at any moment leaves at most a stray
 * temporary file ({@code .<target name>.<random>.tmp}) that {@link #deleteStaleTemps} removes.
 *
 * <pre>{@code
 * AtomicFiles.write(dir.resolve("R1.findings.json"), json);
 * }</pre>
 */
public final class AtomicFiles {
    /** Suffix of temporary files; nothing else the store writes ends with it. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code content} atomically and durably. */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String targetName = target.getFileName().toString();
        Path temp = null;
        try {
            FileChannel created = null;
            for (int attempt = 0; created == null; attempt++) {
                temp = dir.resolve("." + targetName + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + TEMP_SUFFIX);
                try {
                    // not Files.createTempFile: that makes the file owner-only (0600) on POSIX,
                    // and after the rename other readers of a shared folder could not read it
                    created = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 10) {
                        temp = null;
                        throw e;
                    }
                }
            }
            try (FileChannel ch = created) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                // Data and size on disk before the rename makes them visible: without this a
                // crash can leave a renamed but empty file (the ext4 delayed-allocation case).
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        fsyncDirectory(dir);
    }

    /**
     * Forces a directory's entries (a rename, a new file) to disk.
     *
     * @return false if the file system does not allow it (Windows cannot open a directory as a
     *     channel; there NTFS journals the rename itself)
     */
    public static boolean fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates a folder and its missing parents, forcing each new entry to disk. */
    public static void createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return;
        }
        Path parent = abs.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(abs);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) {
                throw e;
            }
        }
        if (parent != null) {
            fsyncDirectory(parent);
        }
    }

    /**
     * Renames {@code source} to {@code target} atomically without replacing anything; the bytes
     * are never copied or rewritten.
     */
    public static void moveAside(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        Path from = source.toAbsolutePath().getParent();
        Path to = target.toAbsolutePath().getParent();
        fsyncDirectory(to);
        if (!from.equals(to)) {
            fsyncDirectory(from);
        }
    }

    /** True for the temporary files {@link #write} leaves behind when killed. */
    public static boolean isTemp(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    /**
     * Deletes temporary files that a killed {@link #write} of {@code targetName} left in
     * {@code dir}. Call it only while no one else can be writing that target (hold its lock).
     * Nothing is lost: a temporary file is never the only copy of an acknowledged save.
     *
     * @return the deleted files
     */
    public static List<Path> deleteStaleTemps(Path dir, String targetName) throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return deleted;
        }
        String prefix = "." + targetName + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX) && Files.deleteIfExists(f)) {
                    deleted.add(f);
                }
            }
        }
        return deleted;
    }
}
