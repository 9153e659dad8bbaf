package org.parsreader.findings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.parsreader.findings.store.Autosaver;
import org.parsreader.findings.store.FindingsStore;
import org.parsreader.findings.store.IntegrityCheck;
import org.parsreader.findings.store.ReaderSession;
import org.parsreader.findings.store.Version;

/**
 * One reader's findings of one case, open for editing: the reader's file is locked for the
 * session, loaded (or started), edited through {@link #editor()}, and saved through the
 * crash-safe store, by hand ({@link #save}) and by the autosaver.
 *
 * <pre>{@code
 * try (CaseFindings f = CaseFindings.open(caseDir, new Reader("R1", Role.R1), template, "P0001", uids, "jdoe")) {
 *     f.editor().set("pars_defect", "L5", Side.LEFT, "complete");
 *     f.save("pars defect L5 left");
 * }
 * }</pre>
 */
public final class CaseFindings implements AutoCloseable {
    /**
     * A stored file is intact when it reads strictly as a findings document of the reader whose
     * file it is (migrating older schemas); one from a newer Pars Reader is not damaged, and is
     * left alone ({@link IntegrityCheck.NotForThisVersion}).
     */
    public static final IntegrityCheck READS_AS_FINDINGS = new IntegrityCheck() {
        @Override
        public Optional<String> problem(byte[] content) {
            return problem(null, content);
        }

        @Override
        public Optional<String> problem(String readerId, byte[] content) {
            try {
                FindingsJson.read(content, readerId == null ? "findings file" : readerId + FindingsJson.FILE_SUFFIX, readerId);
                return Optional.empty();
            } catch (FindingsJson.NewerSchemaException e) {
                throw new IntegrityCheck.NotForThisVersion(e.getMessage());
            } catch (FindingsException e) {
                return Optional.of(e.getMessage());
            }
        }
    };

    private final ReaderSession session;
    private final FindingsEditor editor;
    private final String who;
    private Autosaver autosaver;

    private CaseFindings(ReaderSession session, FindingsEditor editor, String who) {
        this.session = session;
        this.editor = editor;
        this.who = who;
    }

    /**
     * Where the pseudonym key of a cohort lives by default: beside the cases folder, outside the
     * tree a blinded reader browses ({@code /data/cases/case-001} -> {@code /data/cases.pseudonyms.csv}),
     * since it maps pseudonyms to patient IDs. A key at the old default place
     * ({@code /data/cases/pseudonyms.csv}) is still used where it is, never moved behind the
     * user's back; {@link #registryWarning} then says how to move it.
     */
    public static Path defaultRegistry(Path caseDir) {
        Path cases = casesFolder(caseDir);
        Path legacy = cases.resolve(LEGACY_REGISTRY);
        if (Files.isRegularFile(legacy)) return legacy;
        Path outside = cases.getParent();
        // where the folder above cannot take it (a case right under /home/alice), inside as before, with the warning
        return outside == null || !Files.isWritable(outside) ? legacy : outside.resolve(cases.getFileName() + ".pseudonyms.csv");
    }

    /** The old default name, inside the cases folder. */
    static final String LEGACY_REGISTRY = "pseudonyms.csv";

    private static Path casesFolder(Path caseDir) {
        Path abs = caseDir.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs : abs.getParent();
    }

    /**
     * A warning when {@code registry} (which holds patient IDs) lies inside the folder of the cases
     * a blinded reader browses, saying where to move it; empty otherwise.
     */
    public static Optional<String> registryWarning(Path registry, Path caseDir) {
        Path cases = casesFolder(caseDir);
        Path r = registry.toAbsolutePath().normalize();
        if (!r.startsWith(cases) || cases.getParent() == null) return Optional.empty();
        Path to = cases.getParent().resolve(cases.getFileName() + ".pseudonyms.csv");
        return Optional.of("the pseudonym key " + r + " holds patient IDs and lies inside the cases folder a blinded reader browses; move it "
                + "out, e.g. 'mv \"" + r + "\" \"" + to + "\"' (found there by default), or give its place with pseudonyms=... / --pseudonyms");
    }

    /**
     * Opens a reader's findings for the DICOM case in {@code caseDir}: an existing findings
     * file names its own patient; a new one gets the patient's pseudonym from {@code registry}
     * (created when new) and the study UIDs of the case. The case must hold one patient.
     */
    public static CaseFindings openCase(Path caseDir, FindingsDocument.Reader reader, ReadingTemplate template, Path registry,
                                        String who) throws IOException {
        Optional<byte[]> existing = store(caseDir).read(reader.id());
        if (existing.isPresent()) {
            FindingsDocument d = FindingsJson.read(existing.get(), reader.id() + ".findings.json");
            return open(caseDir, reader, template, d.pseudonym(), d.studyInstanceUids(), who);
        }
        org.parsreader.dicom.StudyIndex index = org.parsreader.dicom.StudyScanner.scan(caseDir);
        if (index.patients().size() != 1) {
            throw new FindingsException(caseDir + " holds " + index.patients().size() + " patients; a case folder holds one patient's studies");
        }
        org.parsreader.dicom.StudyIndex.PatientEntry patient = index.patients().get(0);
        String pseudonym = PseudonymRegistry.open(registry).pseudonymFor(patient.info().id());
        List<String> uids = patient.studies().stream().map(s -> s.info().uid()).toList();
        return open(caseDir, reader, template, pseudonym, uids, who);
    }

    /** The store of a case folder, checking findings the way this class does. */
    public static FindingsStore store(Path caseDir) {
        return new FindingsStore(caseDir, READS_AS_FINDINGS);
    }

    public static CaseFindings open(Path caseDir, FindingsDocument.Reader reader, ReadingTemplate template, String pseudonym,
                                    List<String> studyUids, String who) throws IOException {
        return open(caseDir, reader, template, pseudonym, studyUids, who, Clock.systemUTC());
    }

    /**
     * Locks and loads {@code reader}'s findings in {@code caseDir}, or starts them. Throws the
     * store's {@code ReaderLockedException} when the reader is open elsewhere and
     * {@code DamagedFindingsException} when the file is damaged (it is then set aside, and the
     * last good version can be restored).
     */
    public static CaseFindings open(Path caseDir, FindingsDocument.Reader reader, ReadingTemplate template, String pseudonym,
                                    List<String> studyUids, String who, Clock clock) throws IOException {
        ReaderSession session = store(caseDir).open(reader.id());
        try {
            Optional<byte[]> bytes = session.read();
            FindingsEditor editor;
            if (bytes.isPresent()) {
                FindingsDocument doc = FindingsJson.read(bytes.get(), caseDir.resolve("findings").resolve(reader.id() + ".findings.json").toString());
                if (doc.reader().role() != reader.role()) {
                    throw new FindingsException(reader.id() + "'s findings in " + caseDir + " were read as " + doc.reader().role().label()
                            + ", not " + reader.role().label() + "; open them with that role");
                }
                if (!doc.pseudonym().equals(pseudonym)) {
                    throw new FindingsException(reader.id() + "'s findings in " + caseDir + " are for patient " + doc.pseudonym()
                            + ", not " + pseudonym + "; is this the right case folder?");
                }
                editor = new FindingsEditor(template, doc, clock);
            } else {
                editor = FindingsEditor.create(template, pseudonym, reader, studyUids, clock);
            }
            return new CaseFindings(session, editor, who);
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    public FindingsEditor editor() {
        return editor;
    }

    /** Saves now (atomically, versioned, audited); nothing happens when there is nothing new. */
    public synchronized Optional<Version> save(String what) throws IOException {
        if (!editor.isDirty()) return Optional.empty();
        FindingsDocument doc = editor.document();
        Version v = session.save(FindingsJson.write(doc), who, what);
        if (editor.document() == doc) editor.markSaved();
        return Optional.of(v);
    }

    /** Saves every {@code seconds} while there are changes; failures go to {@code listener}. */
    public synchronized void startAutosave(double seconds, Autosaver.Listener listener) {
        if (autosaver != null) throw new IllegalStateException("autosave is already running");
        autosaver = new Autosaver(session, new Autosaver.Document() {
            @Override
            public long revision() {
                return editor.revision();
            }

            @Override
            public byte[] snapshot() {
                return FindingsJson.write(editor.document());
            }
        }, who, seconds, new Autosaver.Listener() {
            @Override
            public void saved(long revision, Version version) {
                editor.markSavedAt(revision);
                listener.saved(revision, version);
            }

            @Override
            public void failed(Exception error) {
                listener.failed(error);
            }
        });
    }

    public List<Version> versions() throws IOException {
        return session.versions();
    }

    /** Saves what is unsaved, stops the autosaver, releases the reader's lock. */
    @Override
    public synchronized void close() throws IOException {
        try {
            if (autosaver != null) autosaver.close();
            save("close");
        } finally {
            session.close();
        }
    }
}
