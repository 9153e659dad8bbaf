package org.parsreader.findings.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One reader's findings opened for writing: holds the reader's lock until {@link #close()}.
 * Thread-safe (a UI thread and an {@link Autosaver} may share it); saves are serialized.
 *
 * <p>A save: refuses content that fails the integrity check; moves a damaged current file aside
 * (never overwrites it); writes the new content to a temporary file beside the current one; keeps
 * it as a version; appends to the audit log; renames the temporary file over the current file;
 * prunes versions beyond the store's limit. The audit line is written before the rename, so every
 * content the file ever held has a line (a crash in between leaves a line whose content is in
 * {@code .versions/} but never became current). A save that fails with an error (a full or
 * read-only disk) leaves the current file, the versions and the audit log as they were: the
 * version is deleted again and the audit line cut back; the error names the file concerned.
 */
public final class ReaderSession implements AutoCloseable {
    private final FindingsStore store;
    private final String readerId;
    private final ReaderLock lock;
    private final VersionShelf shelf;
    private final Path file;

    ReaderSession(FindingsStore store, String readerId, ReaderLock lock, VersionShelf shelf) throws IOException {
        this.store = store;
        this.readerId = readerId;
        this.lock = lock;
        this.shelf = shelf;
        this.file = store.file(readerId);
        // leftovers of a process killed mid-write; never the only copy of an acknowledged save
        AtomicFiles.deleteStaleTemps(file.getParent(), file.getFileName().toString());
        shelf.deleteStaleTemps();
    }

    public String readerId() { return readerId; }

    public Path lockFile() { return lock.file(); }

    public synchronized boolean isOpen() { return lock.isHeld(); }

    /** The current findings; a damaged file is moved aside and reported. */
    public synchronized Optional<byte[]> read() throws IOException {
        ensureOpen();
        byte[] current = FindingsStore.readIfExists(file);
        store.requireFrozenIntact(readerId, current);
        if (current == null) {
            return Optional.empty();
        }
        Optional<String> problem = store.problem(readerId, current);
        if (problem.isEmpty()) {
            return Optional.of(current);
        }
        Path moved = moveAside(current, problem.get(), "findings store (on read)");
        throw new DamagedFindingsException(file, problem.get(), null, moved, store.lastGoodVersion(readerId).orElse(null));
    }

    /**
     * Saves new content.
     *
     * @param who the person or component saving (goes to the audit log)
     * @param what a short description of the change
     * @return the version that now holds this content
     * @throws RejectedContentException if the content fails the integrity check
     */
    public synchronized Version save(byte[] content, String who, String what) throws IOException {
        return save(content, who, AuditAction.SAVE, what);
    }

    /** Brings back kept version {@code seq} as the current findings; audited as a restore. */
    public synchronized Version restore(long seq, String who) throws IOException {
        ensureOpen();
        Version v = shelf.find(seq).orElseThrow(() -> new FindingsStoreException(shelf.dir(),
                "no kept version " + seq + " of reader " + readerId));
        byte[] content = FindingsStore.readIfExists(v.path());
        if (content == null) {
            throw new FindingsStoreException(v.path(), "kept version " + seq + " of reader " + readerId + " is gone");
        }
        return save(content, who, AuditAction.RESTORE, "restored version " + seq + " saved " + v.time());
    }

    /**
     * Freezes the current read: from now on every save is refused until {@link #unfreeze}. The
     * record (checksum, time, who, why) is written and the freeze audited together, or neither.
     * Freezing a read that is frozen with this content returns the existing record.
     *
     * @throws FindingsStoreException when there is no findings file, or it is damaged
     * @throws FrozenReadException when it is frozen and its file was changed on disk
     */
    public synchronized FreezeRecord freeze(String who, String why) throws IOException {
        ensureOpen();
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(why, "why");
        byte[] current = FindingsStore.readIfExists(file);
        store.requireFrozenIntact(readerId, current);
        Optional<FreezeRecord> already = store.freezeRecord(readerId);
        if (already.isPresent()) {
            return already.get();
        }
        if (current == null) {
            throw new FindingsStoreException(file, "reader " + readerId + " has no findings here; there is no read to freeze");
        }
        Optional<String> problem = store.problem(readerId, current);
        if (problem.isPresent()) {
            throw new FindingsStoreException(file, "not frozen: the findings file is damaged: " + problem.get());
        }
        if (!isKept(current)) {
            shelf.add(current); // the frozen content must be restorable from the versions
        }
        FreezeRecord r = new FreezeRecord(readerId, AuditEntry.sha256(current), current.length, now(), who, why);
        Path record = store.freezeFile(readerId);
        store.auditLog().append(AuditEntry.of(r.time(), readerId, who, AuditAction.FREEZE, "frozen: " + why, current),
                () -> AtomicFiles.write(record, r.toJson()));
        return r;
    }

    /**
     * Lifts the freeze, recording who and why in the audit log (a reason is required). A hand
     * edit found on disk is kept as a version first and named in the audit line, so unlocking
     * accepts it knowingly.
     *
     * @return the freeze that was lifted
     */
    public synchronized FreezeRecord unfreeze(String who, String why) throws IOException {
        ensureOpen();
        Objects.requireNonNull(who, "who");
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("unlocking a frozen read needs a reason (--why TEXT); it goes to the audit log");
        }
        Path record = store.freezeFile(readerId);
        FreezeRecord r = store.freezeRecord(readerId).orElseThrow(() -> new FindingsStoreException(record,
                "reader " + readerId + "'s read is not frozen; nothing to unlock"));
        byte[] current = FindingsStore.readIfExists(file);
        String changed = "";
        if (!r.matches(current)) {
            changed = current == null ? "; the file had been deleted by hand" : "; the file had been changed on disk, change accepted";
            if (current != null && !isKept(current)) {
                shelf.add(current);
            }
        }
        store.auditLog().append(AuditEntry.of(now(), readerId, who, AuditAction.UNFREEZE,
                "unlocked: " + why.strip() + " (was " + r.describe() + ")" + changed, current == null ? new byte[0] : current), () -> {
                    Files.delete(record);
                    AtomicFiles.fsyncDirectory(record.toAbsolutePath().getParent());
                });
        return r;
    }

    /**
     * Replaces the current findings with {@code content}, the same read rewritten for a newer
     * template version (the caller keeps every value); audited as a migration. The current file
     * must be there and intact: a damaged file is refused and left exactly where it is (not moved
     * aside), since a migration never decides what a damaged read was. The content it replaces is
     * kept as a version, so {@code findings restore} can bring it back.
     *
     * <p>A frozen read is refused unless {@code includeFrozen}: then the freeze moves to the
     * migrated content (same time, who and why; the audit line says it moved), written together
     * with the file. A frozen read whose file was changed by hand is refused either way.
     *
     * @param what the migration, for the audit log ("template pars-injection 1.0.0 -> 1.1.0")
     */
    public synchronized Version migrate(byte[] content, String who, String what, boolean includeFrozen) throws IOException {
        ensureOpen();
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(what, "what");
        byte[] current = FindingsStore.readIfExists(file);
        store.requireFrozenIntact(readerId, current);
        if (current == null) {
            throw new FindingsStoreException(file, "reader " + readerId + " has no findings here; there is nothing to migrate");
        }
        Optional<String> damaged = store.problem(readerId, current);
        if (damaged.isPresent()) {
            throw new FindingsStoreException(file, "not migrated, left as it is: the findings file is damaged: " + damaged.get());
        }
        Optional<String> bad = store.problem(readerId, content);
        if (bad.isPresent()) {
            throw new RejectedContentException(file, bad.get());
        }
        Optional<FreezeRecord> frozen = store.freezeRecord(readerId);
        if (frozen.isPresent() && !includeFrozen) {
            throw new FrozenReadException(file, frozen.get(), false, "not migrated: " + readerId + "'s read was " + frozen.get().describe()
                    + "; nothing was written. A study lead migrates frozen reads with --include-frozen (the freeze moves to the "
                    + "migrated content, recorded in the audit log)");
        }
        if (!isKept(current)) {
            shelf.add(current);
        }
        shelf.prune(store.keepVersions());
        FreezeRecord moved = frozen.map(r -> new FreezeRecord(readerId, AuditEntry.sha256(content), content.length, r.time(), r.who(), r.why()))
                .orElse(null);
        String line = what + (moved == null ? "" : "; frozen read: the freeze (" + frozen.get().describe() + ") now holds the migrated content");
        // the freeze record is written beside its target too, and renamed after the findings: a crash
        // between the two renames leaves a file the freeze does not match, refused on reading (naming
        // the kept frozen version to restore), never read as frozen
        try (AtomicFiles.Prepared record = moved == null ? null : AtomicFiles.prepare(store.freezeFile(readerId), moved.toJson())) {
            return write(content, record, AuditAction.MIGRATE, who, line);
        }
    }

    /** Kept versions, oldest first. */
    public List<Version> versions() throws IOException {
        return shelf.list();
    }

    /** Releases the lock; further saves fail. Closing twice is harmless. */
    @Override
    public synchronized void close() throws IOException {
        if (lock.isHeld()) {
            lock.close();
        }
    }

    private Version save(byte[] content, String who, AuditAction action, String what) throws IOException {
        ensureOpen();
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(what, "what");
        Optional<String> bad = store.problem(readerId, content);
        if (bad.isPresent()) {
            throw new RejectedContentException(file, bad.get());
        }
        byte[] current = FindingsStore.readIfExists(file);
        Optional<FreezeRecord> frozen = store.freezeRecord(readerId);
        // a frozen read takes no save, except one that brings the frozen content back over a hand edit
        if (frozen.isPresent() && !(frozen.get().matches(content) && !frozen.get().matches(current))) {
            throw new FrozenReadException(file, frozen.get(), false, "refused to save: " + readerId + "'s read was "
                    + frozen.get().describe() + "; nothing was written. To change it, the study lead first runs "
                    + "'study unlock --reader " + readerId + " --case ... --why TEXT' (recorded in the audit log)");
        }
        if (current != null) {
            Optional<String> problem = store.problem(readerId, current);
            if (problem.isPresent()) {
                moveAside(current, problem.get(), who);
            } else if (!isKept(current)) {
                shelf.add(current); // not kept yet (a hand edit, an older program): keep it
            }
        }
        // pruning before and after adding keeps at most N+1 versions even if every save is killed
        // between the two steps
        shelf.prune(store.keepVersions());
        return write(content, null, action, who, what);
    }

    /**
     * The crash-safe core of a save and a migration. A write that fails (a full or read-only disk)
     * leaves no trace: the new content is first written beside the file, which is where a full
     * disk fails; if keeping the version, the audit line or a rename fails after that, what was
     * done is undone, so no version and no audit line claims a write that never happened.
     * {@code alsoCommit} (may be null), already written beside its own target, is renamed right
     * after the findings file, inside the same audited step. Prunes the kept versions after.
     */
    private Version write(byte[] content, AtomicFiles.Prepared alsoCommit, AuditAction action, String who, String what) throws IOException {
        Version version;
        try (AtomicFiles.Prepared next = AtomicFiles.prepare(file, content)) {
            version = shelf.add(content);
            try {
                store.auditLog().append(AuditEntry.of(now(), readerId, who, action, what, content), () -> {
                    next.commit();
                    if (alsoCommit != null) alsoCommit.commit();
                });
            } catch (IOException | RuntimeException e) {
                shelf.remove(version, e);
                throw e;
            }
        }
        try {
            shelf.prune(store.keepVersions());
        } catch (IOException e) {
            // the write is done; the next save prunes again
        }
        return version;
    }

    /** Whether some kept version holds exactly this content (normally the newest or, after a crash, the one before). */
    private boolean isKept(byte[] content) throws IOException {
        List<Version> versions = shelf.list();
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).bytes() == content.length) {
                byte[] kept = FindingsStore.readIfExists(versions.get(i).path());
                if (kept != null && Arrays.equals(kept, content)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Renames the damaged current file aside, bytes untouched, and audits it. */
    private Path moveAside(byte[] damaged, String problem, String who) throws IOException {
        Instant now = now();
        String base = readerId + ".findings.damaged-" + FindingsStore.STAMP.format(now);
        for (int n = 1; ; n++) {
            Path target = file.resolveSibling(base + (n == 1 ? "" : "-" + n) + ".json");
            if (Files.exists(target)) {
                continue;
            }
            try {
                AtomicFiles.moveAside(file, target);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            store.auditLog().append(AuditEntry.of(now, readerId, who, AuditAction.DAMAGED_MOVED_ASIDE,
                    "moved damaged " + file.getFileName() + " to " + target.getFileName() + ": " + problem, damaged));
            return target;
        }
    }

    private Instant now() {
        return store.clock().instant();
    }

    private void ensureOpen() throws FindingsStoreException {
        if (!lock.isHeld()) {
            throw new FindingsStoreException(lock.file(), "session of reader " + readerId + " is closed");
        }
    }
}
