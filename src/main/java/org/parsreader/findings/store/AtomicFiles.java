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

    /** Replaces {@code target} with {@code content} atomically and durably; an error names the target. */
    public static void write(Path target, byte[] content) throws IOException {
        try (Prepared next = prepare(target, content)) {
            next.commit();
        }
    }

    /**
     * The first half of {@link #write}: {@code content} in a temporary file beside {@code target},
     * forced to disk, not yet visible under the target's name. {@link Prepared#commit()} renames
     * it over the target; {@link Prepared#close()} removes it if it was not committed. This is where
     * a full disk fails a write, before anything else has been changed.
     *
     * @throws FindingsStoreException naming the target when the temporary file cannot be written
     */
    public static Prepared prepare(Path target, byte[] content) throws IOException {
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
            return new Prepared(target, temp);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp, e);
            if (e instanceof IOException io) {
                throw named(target, "cannot write (" + content.length + " bytes); it is left as it was", io);
            }
            throw e;
        }
    }

    /** A complete, forced temporary file waiting to replace its target. */
    public static final class Prepared implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private boolean committed;

        private Prepared(Path target, Path temp) {
            this.target = target;
            this.temp = temp;
        }

        /** Renames the temporary file over the target atomically and forces the folder. */
        public void commit() throws IOException {
            if (committed) {
                throw new IllegalStateException(target + " is already committed");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw named(target, "cannot replace it; it is left as it was", e);
            }
            committed = true;
            fsyncDirectory(target.toAbsolutePath().getParent());
        }

        /** Removes the temporary file unless it was committed. */
        @Override
        public void close() throws IOException {
            if (!committed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * An error that names {@code file}: the JDK's own message for a full disk ("No space left on
     * device") names none, and for a temporary file names that one.
     */
    static FindingsStoreException named(Path file, String what, IOException e) {
        if (e instanceof FindingsStoreException f && f.path().equals(file)) {
            return f;
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new FindingsStoreException(file, what + ": " + reason, e);
    }

    private static void deleteQuietly(Path temp, Throwable e) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
        }
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
