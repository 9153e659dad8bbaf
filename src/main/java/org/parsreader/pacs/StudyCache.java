package org.parsreader.pacs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The local study cache: CACHE/STUDYUID/ holds a retrieved study, complete. A retrieve goes into
 * a hidden temp folder CACHE/.partial-STUDYUID-N, is checked (instance count equals what the
 * server's query said, every file is DICOM Part 10) and only then renamed; on any failure the
 * temp folder is deleted, so a broken transfer never leaves a folder that looks complete. A process
 * killed mid-transfer leaves only the hidden folder. Nothing is fsynced (a power failure right after
 * the rename may leave short files): the cache is a copy of what the PACS keeps.
 */
public final class StudyCache {
    /** DICOMWEB: QIDO-RS + WADO-RS; DIMSE: C-FIND + C-GET; DIMSE_MOVE: C-FIND + C-MOVE to our own storage SCP. */
    public enum Protocol { DICOMWEB, DIMSE, DIMSE_MOVE }

    private final Path root;

    public StudyCache(Path root) {
        this.root = root;
    }

    public Path folder(String studyUid) {
        if (!studyUid.matches("[0-9.]{1,64}")) throw new IllegalArgumentException("'" + studyUid + "' is not a DICOM UID");
        return root.resolve(studyUid);
    }

    /** Retrieves the study through the protocol into the cache and returns its folder. An existing copy is replaced only after the new one is complete. */
    public Path retrieve(PacsServer server, String studyUid, Protocol protocol) throws IOException {
        Path target = folder(studyUid);
        // The query says how many instances to expect. Over DICOMweb it runs on its own connection
        // beside the transfer, whose count it only checks afterwards: its round trip (~25 ms of a
        // ~0.6 s retrieve, issue 13 point 7) no longer comes first. Its errors still win, as when it
        // ran first: an unknown study is named as such, not as the retrieve's HTTP 404.
        FutureTask<List<StudyHit>> query = new FutureTask<>(() -> protocol == Protocol.DICOMWEB
                ? new DicomWebClient(server).query(StudyQuery.byStudyUid(studyUid)) : new DimseClient(server).query(StudyQuery.byStudyUid(studyUid)));
        if (protocol == Protocol.DICOMWEB) {
            Thread t = new Thread(query, "QIDO-RS " + studyUid);
            t.setDaemon(true);
            t.start();
        } else {
            query.run();
            expected(query, server, studyUid);
        }
        boolean madeRoot = !Files.isDirectory(root);
        Files.createDirectories(root);
        Path tmp = partialFolder(studyUid);
        boolean done = false;
        try {
            int got;
            try {
                got = switch (protocol) {
                    case DICOMWEB -> new DicomWebClient(server).retrieve(studyUid, tmp);
                    case DIMSE -> new DimseClient(server).retrieve(studyUid, tmp);
                    case DIMSE_MOVE -> new DimseClient(server).move(studyUid, tmp);
                };
            } catch (RuntimeException e) {
                expected(query, server, studyUid); // the query's failure, if it failed, says more
                throw e;
            }
            int expected = expected(query, server, studyUid);
            // DICOMweb parts were checked as they were written (DicomWebClient); DIMSE files are read back here
            int files = protocol == Protocol.DICOMWEB ? count(tmp) : verify(tmp, server, studyUid);
            if (got != files) throw new PacsException("retrieve of study " + studyUid + " from " + server.describe() + ": " + got + " instances arrived but " + files + " files are in the folder");
            if (expected >= 0 && files != expected)
                throw new PacsException("retrieve of study " + studyUid + " from " + server.describe() + " is incomplete: " + files + " of " + expected + " instances arrived");
            if (files == 0) throw new PacsException("retrieve of study " + studyUid + " from " + server.describe() + ": no instances arrived");
            Path old = null;
            if (Files.exists(target)) {
                old = root.resolve(".old-" + studyUid + "-" + System.nanoTime());
                move(target, old);
            }
            move(tmp, target);
            done = true;
            if (old != null) delete(old);
            return target;
        } finally {
            if (!done) {
                delete(tmp);
                if (madeRoot) {
                    try {
                        Files.deleteIfExists(root); // only if still empty
                    } catch (IOException ignored) {
                        // another retrieve put something there meanwhile
                    }
                }
            }
        }
    }

    /**
     * A new, empty, owner-only working folder {@code .partial-STUDYUID-RANDOM} in the cache. Not
     * {@code Files.createTempDirectory}: its first call seeds a SecureRandom from the security
     * providers, ~7 ms of a fresh CLI process's retrieve (issue 13, point 7); an unguessable name
     * buys nothing here, the folder is made with create-new semantics in the user's own cache.
     */
    private Path partialFolder(String studyUid) throws IOException {
        boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 0;; attempt++) {
            Path p = root.resolve(".partial-" + studyUid + "-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
            try {
                return posix ? Files.createDirectory(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                        : Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) throw e;
            }
        }
    }

    /** The instance count the query found (-1: not said); throws the query's failure or, when it found nothing, that the study is not on the server. */
    private static int expected(FutureTask<List<StudyHit>> query, PacsServer server, String studyUid) {
        List<StudyHit> hits;
        try {
            hits = query.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacsException("query for study " + studyUid + " on " + server.describe() + ": interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new PacsException("query for study " + studyUid + " on " + server.describe() + " failed: " + e.getCause(), e.getCause());
        }
        if (hits.isEmpty()) throw new PacsException("study " + studyUid + " is not on " + server.describe());
        return hits.get(0).instances();
    }

    /** The regular files in the folder (the parts were checked as they were written). */
    private static int count(Path dir) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path f : s) if (Files.isRegularFile(f)) n++;
        }
        return n;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Counts the files and checks each is DICOM Part 10 ("DICM" at byte 128). */
    private static int verify(Path dir, PacsServer server, String studyUid) throws IOException {
        int n = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                byte[] head = new byte[132];
                try (InputStream in = Files.newInputStream(f)) {
                    if (in.readNBytes(head, 0, 132) < 132 || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M')
                        throw new PacsException("retrieve of study " + studyUid + " from " + server.describe() + ": received object " + f.getFileName() + " is not a DICOM file (no 'DICM' at byte 128)");
                }
                n++;
            }
        }
        return n;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the folder is hidden and named .partial-/.old-; StudyScanner skips its files, naming it
        }
    }
}
