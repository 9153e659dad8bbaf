package org.parsreader.util;

/**
 * Progress of long work, reported by core code and forwarded by the caller: to
 * {@code IJ.showProgress} in ImageJ, to a terminal bar on the command line.
 * Implementations must be thread-safe; core code may call from worker threads.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Tells no one. A class, not a lambda: it is the first lambda of every open in a cold JVM (issue 16). */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void progress(long done, long total, String what) { }
    };

    /** {@code done} of {@code total} units finished; {@code what} names the work. */
    void progress(long done, long total, String what);
}
