package org.parsreader.findings.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The findings store could not do what was asked; the message names the file and the reason.
 *
 * <p>Checked on purpose: every caller of a save must decide what the user sees when it fails,
 * and the compiler should not let a forgotten catch turn a failed save into lost work.
 */
public class FindingsStoreException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;
    private final String reason;

    public FindingsStoreException(Path path, String reason) {
        this(path, reason, null);
    }

    public FindingsStoreException(Path path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    /** The file (or lock file, or folder) concerned. */
    public Path path() { return path; }

    /** The reason without the file name. */
    public String reason() { return reason; }
}
