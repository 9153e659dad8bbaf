package org.parsreader.findings.store;

import java.nio.file.Path;

/** A reader's findings are already open elsewhere (another window or process); nothing was written. */
public class ReaderLockedException extends FindingsStoreException {
    private static final long serialVersionUID = 1L;
    private final String holder;

    public ReaderLockedException(Path lockFile, String holder) {
        super(lockFile, "findings of this reader are already open by " + holder
                + "; close that session first (the lock is released automatically if that process died)");
        this.holder = holder;
    }

    /** Who holds the lock, as far as known ("pid 1234 on host ..."). */
    public String holder() { return holder; }
}
