package org.parsreader.pacs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local study cache: CACHE/STUDYUID/ holds a retrieved study, complete. A retrieve goes into
 * a hidden temp folder CACHE/.partial-STUDYUID-N, is checked (instance count equals what the
 * server's query said, every file is DICOM Part 10) and only then renamed; on any failure the
 * temp folder is deleted, so a broken transfer never leaves a folder that looks complete.
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
        List<StudyHit> hits = protocol == Protocol.DICOMWEB ? new DicomWebClient(server).query(StudyQuery.byStudyUid(studyUid))
                : new DimseClient(server).query(StudyQuery.byStudyUid(studyUid));
        if (hits.isEmpty()) throw new PacsException("study " + studyUid + " is not on " + server.describe());
        int expected = hits.get(0).instances();
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, ".partial-" + studyUid + "-");
        boolean done = false;
        try {
            int got = switch (protocol) {
                case DICOMWEB -> new DicomWebClient(server).retrieve(studyUid, tmp);
                case DIMSE -> new DimseClient(server).retrieve(studyUid, tmp);
                case DIMSE_MOVE -> new DimseClient(server).move(studyUid, tmp);
            };
            int files = verify(tmp, server, studyUid);
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
            if (!done) delete(tmp);
        }
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
                        throw new PacsException("retrieve of study " + studyUid + " from " + server.describe() + ": a received object is not a DICOM file");
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
