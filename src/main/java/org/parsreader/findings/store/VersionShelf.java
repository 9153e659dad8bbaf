package org.parsreader.findings.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kept versions of one reader: {@code .versions/<readerId>/<yyyyMMdd'T'HHmmss.SSS'Z'>-<seq>.json}.
 * Only the holder of the reader's lock adds or prunes, so "highest seq + 1" is unique.
 */
final class VersionShelf {
    private static final DateTimeFormatter STAMP = FindingsStore.STAMP;
    private static final Pattern NAME = Pattern.compile("(\\d{8}T\\d{6}\\.\\d{3}Z)-(\\d{1,18})\\.json");

    private final Path dir;
    private final String readerId;
    private final Clock clock;

    VersionShelf(Path dir, String readerId, Clock clock) {
        this.dir = dir;
        this.readerId = readerId;
        this.clock = clock;
    }

    Path dir() { return dir; }

    /** Kept versions, oldest first (by sequence number). */
    List<Version> list() throws IOException {
        List<Version> versions = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    try {
                        Instant time = STAMP.parse(m.group(1), Instant::from);
                        versions.add(new Version(readerId, Long.parseLong(m.group(2)), time, f, Files.size(f)));
                    } catch (DateTimeParseException | NoSuchFileException e) {
                        // not one of ours after all, or pruned by the lock holder meanwhile
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        versions.sort(Comparator.comparingLong(Version::seq));
        return versions;
    }

    Optional<Version> newest() throws IOException {
        List<Version> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    Optional<Version> find(long seq) throws IOException {
        return list().stream().filter(v -> v.seq() == seq).findFirst();
    }

    /** Keeps {@code content} as the next version, atomically. */
    Version add(byte[] content) throws IOException {
        AtomicFiles.createDirectories(dir);
        long seq = newest().map(v -> v.seq() + 1).orElse(1L);
        Instant now = clock.instant();
        Path file = dir.resolve(STAMP.format(now) + "-" + String.format("%06d", seq) + ".json");
        AtomicFiles.write(file, content);
        return new Version(readerId, seq, STAMP.parse(STAMP.format(now), Instant::from), file, content.length);
    }

    /** Deletes a version just added by a save that then failed; a failure to do so is added to {@code cause}. */
    void remove(Version v, Exception cause) {
        try {
            Files.deleteIfExists(v.path());
        } catch (IOException e) {
            cause.addSuppressed(AtomicFiles.named(v.path(), "could not delete the version of a failed save", e));
        }
    }

    /** Deletes the oldest versions beyond {@code keep}; the newest is never deleted. */
    void prune(int keep) throws IOException {
        List<Version> all = list();
        for (int i = 0; i < all.size() - Math.max(1, keep); i++) {
            Files.deleteIfExists(all.get(i).path());
        }
    }

    /** Removes temporary files of version writes killed half way. */
    void deleteStaleTemps() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (AtomicFiles.isTemp(f)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
