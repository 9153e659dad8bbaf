package org.parsreader.findings.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An exclusive OS file lock on {@code <readerId>.lock}, held while a session is open. The OS
 * drops it when the process dies, so a crash never leaves a stale lock. The lock file records
 * who holds it (pid, host, time) for the message another process shows.
 */
final class ReaderLock implements AutoCloseable {
    /**
     * Lock files this JVM holds, by real path. This is the one piece of static mutable state in
     * the store, and it must be: POSIX record locks belong to the whole process, and closing
     * <em>any</em> descriptor of a locked file releases them. A second open of the same reader
     * in this JVM must therefore be refused before it opens the lock file at all, or its failed
     * attempt would silently unlock the first session for every other process.
     */
    private static final ConcurrentMap<Path, String> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private ReaderLock(Path lockFile, Path key, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or fails at once with {@link ReaderLockedException} naming the holder. A clean
     * close deletes the lock file while still holding it; a process that had opened that file
     * before then holds a lock on a file no longer at the path. So the path's file identity
     * (device and inode, by stat: opening the file again would drop this process's POSIX lock)
     * is compared before the open and after the lock, and on a difference it tries again.
     */
    static ReaderLock acquire(Path lockFile) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                Files.createFile(lockFile);
            } catch (java.nio.file.FileAlreadyExistsException fine) {
                // the usual case: a lock file left by a crash, or held by another reader
            } catch (IOException e) {
                throw AtomicFiles.named(lockFile, "cannot take the reader's lock", e);
            }
            Object before = identity(lockFile);
            ReaderLock l = acquireOnce(lockFile);
            Object after = identity(lockFile);
            if (before != null && before.equals(after) || attempt >= 4) return l;
            l.release(false); // the file was replaced or removed meanwhile (a clean close elsewhere): lock the one at the path now
        }
    }

    /** The file's identity at the path (device and inode where the platform gives them), null when absent. */
    private static Object identity(Path p) {
        try {
            Object key = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return key != null ? key : Boolean.TRUE; // no file keys on this platform: presence only
        } catch (IOException gone) {
            return null;
        }
    }

    private static ReaderLock acquireOnce(Path lockFile) throws IOException {
        Path key = lockFile.toAbsolutePath().getParent().toRealPath().resolve(lockFile.getFileName());
        String me = "pid " + ProcessHandle.current().pid() + " on " + hostName() + " since " + Instant.now()
                + " (user " + System.getProperty("user.name") + ")";
        String other = HELD_IN_THIS_JVM.putIfAbsent(key, me);
        if (other != null) {
            throw new ReaderLockedException(lockFile, "another session in this Java process, " + other);
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held through a path this registry did not see (a hard link)
            }
            if (lock == null) {
                throw new ReaderLockedException(lockFile, holderOf(ch));
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new ReaderLock(lockFile, key, ch, lock);
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            HELD_IN_THIS_JVM.remove(key);
            if (e instanceof IOException io) {
                throw AtomicFiles.named(lockFile, "cannot take the reader's lock", io);
            }
            throw e;
        }
    }

    Path file() { return lockFile; }

    boolean isHeld() { return lock.isValid() && channel.isOpen(); }

    /**
     * Releases the lock and removes the lock file (deleted while still locked; see
     * {@link #acquire} for why that is safe for a process that opened it meanwhile).
     */
    @Override
    public void close() throws IOException {
        release(true);
    }

    private void release(boolean deleteFile) throws IOException {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                if (deleteFile) Files.deleteIfExists(lockFile);
                lock.release();
            }
        } finally {
            try {
                channel.close();
            } finally {
                HELD_IN_THIS_JVM.remove(key);
            }
        }
    }

    private static String holderOf(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(1024);
            ch.read(buf, 0);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another process (it did not record who)" : "another process, " + text;
        } catch (IOException e) {
            return "another process (lock file unreadable: " + e.getMessage() + ")";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }
}
