package org.parsreader.util;

/**
 * Progress of long work, reported by core code and forwarded by the caller: to
 * {@code IJ.showProgress} in ImageJ, to a terminal bar on the command line.
 * Implementations must be thread-safe; core code may call from worker threads.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, what) -> { };

    /** {@code done} of {@code total} units finished; {@code what} names the work. */
    void progress(long done, long total, String what);
}
