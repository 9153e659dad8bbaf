package org.parsreader.findings.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Crash-safe storage of the per-reader findings files of one case folder. Bytes only: the
 * caller's {@link IntegrityCheck} says whether a file is intact; the store never interprets it.
 *
 * <pre>
 * caseDir/findings/R1.findings.json                   current findings of reader R1
 * caseDir/findings/R1.lock                            held while R1 is open (OS file lock); removed on a clean close
 * caseDir/findings/R1.findings.damaged-&lt;time&gt;.json    a damaged file, moved aside, never deleted
 * caseDir/findings/.versions/R1/&lt;time&gt;-&lt;seq&gt;.json    the last N saves
 * caseDir/findings/audit.log                          who saved what and when (JSON Lines)
 * </pre>
 *
 * <p>Writes go through a {@link ReaderSession}, which holds the reader's lock, so two windows or
 * processes cannot overwrite each other; readers have separate files and never touch each other.
 *
 * <pre>{@code
 * FindingsStore store = new FindingsStore(caseDir, bytes -> validator.problem(bytes));
 * Optional<byte[]> json = store.read("R1");          // DamagedFindingsException if damaged
 * try (ReaderSession session = store.open("R1")) {   // ReaderLockedException if open elsewhere
 *     session.save(json2, "R1", "set L5 left pars defect");
 * }
 * }</pre>
 */
public final class FindingsStore {
    public static final int DEFAULT_KEEP_VERSIONS = 20;
    public static final String FILE_SUFFIX = ".findings.json";
    private static final Pattern READER_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final IntegrityCheck check;
    private final int keepVersions;
    private final Clock clock;
    private final AuditLog audit;

    public FindingsStore(Path caseDir, IntegrityCheck check) {
        this(caseDir, check, DEFAULT_KEEP_VERSIONS, Clock.systemUTC());
    }

    /**
     * @param keepVersions how many saves to keep per reader (at least 1)
     * @param clock source of the times in version names and the audit log
     */
    public FindingsStore(Path caseDir, IntegrityCheck check, int keepVersions, Clock clock) {
        if (keepVersions < 1) {
            throw new IllegalArgumentException("keepVersions must be at least 1, was " + keepVersions);
        }
        this.dir = caseDir.resolve("findings");
        this.check = Objects.requireNonNull(check, "check");
        this.keepVersions = keepVersions;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = new AuditLog(dir.resolve("audit.log"));
    }

    /** Throws IllegalArgumentException unless the id is 1-40 of {@code A-Z a-z 0-9 _ -}. */
    public static String requireReaderId(String readerId) {
        if (readerId == null || !READER_ID.matcher(readerId).matches()) {
            throw new IllegalArgumentException("reader id must be 1-40 letters, digits, '_' or '-' (it names files), was "
                    + (readerId == null ? "null" : "'" + readerId + "'"));
        }
        return readerId;
    }

    public Path findingsDir() { return dir; }

    public Path file(String readerId) { return dir.resolve(requireReaderId(readerId) + FILE_SUFFIX); }

    public Path lockFile(String readerId) { return dir.resolve(requireReaderId(readerId) + ".lock"); }

    public Path versionsDir(String readerId) { return dir.resolve(".versions").resolve(requireReaderId(readerId)); }

    public AuditLog auditLog() { return audit; }

    public int keepVersions() { return keepVersions; }

    /** Readers with a current findings file, sorted. */
    public List<String> readers() throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + FILE_SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - FILE_SUFFIX.length());
                if (READER_ID.matcher(id).matches()) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        ids.sort(null);
        return ids;
    }

    /**
     * The reader's current findings, or empty if there are none. Needs no session. A damaged file
     * is moved aside if the reader is not open elsewhere (then it is left in place) and reported
     * as {@link DamagedFindingsException}.
     */
    public Optional<byte[]> read(String readerId) throws IOException {
        Path file = file(readerId);
        byte[] content = readIfExists(file);
        if (content == null) {
            return Optional.empty();
        }
        Optional<String> problem = problem(readerId, content);
        if (problem.isEmpty()) {
            return Optional.of(content);
        }
        ReaderSession session;
        try {
            session = open(readerId);
        } catch (ReaderLockedException e) {
            throw new DamagedFindingsException(file, problem.get(), "not moved aside: " + e.reason(), null,
                    lastGoodVersion(readerId).orElse(null));
        }
        try (session) {
            return session.read(); // checks again under the lock, moves aside, throws
        }
    }

    /** Kept versions of a reader, oldest first. */
    public List<Version> versions(String readerId) throws IOException {
        return shelf(readerId).list();
    }

    /** The content of kept version {@code seq}. */
    public byte[] readVersion(String readerId, long seq) throws IOException {
        Version v = shelf(readerId).find(seq).orElseThrow(() -> new FindingsStoreException(versionsDir(readerId),
                "no kept version " + seq + " of reader " + readerId));
        byte[] content = readIfExists(v.path());
        if (content == null) {
            throw new FindingsStoreException(v.path(), "kept version " + seq + " of reader " + readerId + " is gone");
        }
        return content;
    }

    /** The newest kept version that passes the integrity check. */
    public Optional<Version> lastGoodVersion(String readerId) throws IOException {
        List<Version> all = versions(readerId);
        for (int i = all.size() - 1; i >= 0; i--) {
            byte[] content = readIfExists(all.get(i).path());
            if (content != null && problem(readerId, content).isEmpty()) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Damaged files of a reader that were moved aside, oldest first. */
    public List<Path> damagedFiles(String readerId) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                requireReaderId(readerId) + ".findings.damaged-*.json")) {
            files.forEach(found::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        found.sort(null);
        return found;
    }

    /**
     * Opens the reader for writing: takes the reader's lock until the session is closed.
     *
     * @throws ReaderLockedException if another window or process has the reader open
     */
    public ReaderSession open(String readerId) throws IOException {
        requireReaderId(readerId);
        // r2 beside R2 would be two readers on Linux and one file on a case-insensitive disk: refused, naming the one to use
        for (String known : readers()) {
            if (!known.equals(readerId) && known.equalsIgnoreCase(readerId)) {
                throw new IllegalArgumentException("reader '" + readerId + "' differs from this case's reader '" + known
                        + "' only in upper and lower case; open '" + known + "' (reader ids are compared exactly)");
            }
        }
        AtomicFiles.createDirectories(dir);
        ReaderLock lock = ReaderLock.acquire(lockFile(readerId));
        try {
            return new ReaderSession(this, readerId, lock, shelf(readerId));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** One save in its own short session; fails if the reader is open elsewhere. */
    public Version save(String readerId, byte[] content, String who, String what) throws IOException {
        try (ReaderSession session = open(readerId)) {
            return session.save(content, who, what);
        }
    }

    /** Brings back kept version {@code seq} as the current findings, in its own short session. */
    public Version restore(String readerId, long seq, String who) throws IOException {
        try (ReaderSession session = open(readerId)) {
            return session.restore(seq, who);
        }
    }

    /** The caller's check, after the store's own: empty is damaged; a check that throws reports damage. */
    Optional<String> problem(String readerId, byte[] content) {
        if (content.length == 0) {
            return Optional.of("file is empty");
        }
        try {
            return check.problem(readerId, content);
        } catch (IntegrityCheck.NotForThisVersion e) {
            throw e; // intact, only newer: left where it is, nothing written over it
        } catch (RuntimeException e) {
            return Optional.of("integrity check failed: " + e);
        }
    }

    Clock clock() { return clock; }

    private VersionShelf shelf(String readerId) {
        return new VersionShelf(versionsDir(readerId), readerId, clock);
    }

    /** The file's bytes, or null if there is no such file; other errors name the file. */
    static byte[] readIfExists(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw AtomicFiles.named(file, "cannot read", e);
        }
    }
}
