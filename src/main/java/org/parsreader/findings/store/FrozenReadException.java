package org.parsreader.findings.store;

import java.nio.file.Path;

/**
 * A frozen read cannot be changed ({@link #changedOnDisk()} false: a save was refused, nothing
 * was written), or its file no longer holds what was frozen ({@link #changedOnDisk()} true: it
 * was edited or removed by hand; the file is left exactly as found and is not read).
 */
public class FrozenReadException extends FindingsStoreException {
    private static final long serialVersionUID = 1L;
    private final transient FreezeRecord record;
    private final boolean changedOnDisk;

    public FrozenReadException(Path file, FreezeRecord record, boolean changedOnDisk, String reason) {
        super(file, reason);
        this.record = record;
        this.changedOnDisk = changedOnDisk;
    }

    /** The freeze that was in force. */
    public FreezeRecord record() { return record; }

    /** True when the file on disk is not the frozen content (edited or deleted by hand). */
    public boolean changedOnDisk() { return changedOnDisk; }
}
