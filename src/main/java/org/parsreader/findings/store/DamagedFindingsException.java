package org.parsreader.findings.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A findings file failed the integrity check. The store never overwrites or deletes it: when it
 * could take the reader's lock it moved the file aside ({@link #movedTo()}); otherwise the file
 * stays where it was. {@link #lastGoodVersion()} is the newest kept version that passes the check,
 * which {@link ReaderSession#restore(long, String)} can bring back.
 */
public class DamagedFindingsException extends FindingsStoreException {
    private static final long serialVersionUID = 1L;
    private final transient Path movedTo;
    private final transient Version lastGoodVersion;
    private final String problem;

    /**
     * @param problem the integrity check's message
     * @param whyLeftInPlace when {@code movedTo} is null, why (may be null)
     * @param movedTo where the damaged bytes were moved, or null
     * @param lastGoodVersion the newest intact kept version, or null
     */
    public DamagedFindingsException(Path path, String problem, String whyLeftInPlace, Path movedTo,
            Version lastGoodVersion) {
        super(path, message(problem, whyLeftInPlace, movedTo, lastGoodVersion));
        this.problem = problem;
        this.movedTo = movedTo;
        this.lastGoodVersion = lastGoodVersion;
    }

    private static String message(String problem, String whyLeftInPlace, Path movedTo, Version lastGood) {
        StringBuilder s = new StringBuilder("damaged findings file: ").append(problem);
        s.append(movedTo != null ? "; kept as " + movedTo
                : "; left in place" + (whyLeftInPlace == null ? "" : " (" + whyLeftInPlace + ")"));
        s.append(lastGood == null ? "; no intact earlier version"
                : "; last intact version is " + lastGood.seq() + " (" + lastGood.path() + ")");
        return s.toString();
    }

    /** What the integrity check said, without the file name or what the store did. */
    public String problem() { return problem; }

    /** Where the damaged bytes now are, or empty if they were left in place. */
    public Optional<Path> movedTo() { return Optional.ofNullable(movedTo); }

    /** The newest kept version that passes the integrity check. */
    public Optional<Version> lastGoodVersion() { return Optional.ofNullable(lastGoodVersion); }
}
