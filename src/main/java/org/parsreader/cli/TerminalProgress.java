package org.parsreader.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.parsreader.batch.BatchRunner;
import org.parsreader.batch.Manifest;
import org.parsreader.util.ProgressListener;

/** A progress bar on stderr when stderr is a terminal; silent otherwise (logs, pipes, CI). */
final class TerminalProgress {
    private TerminalProgress() {}

    static ProgressListener forStderr(String label) {
        if (System.console() == null) return ProgressListener.NONE;
        return new ProgressListener() {
            private long lastPercent = -1;

            @Override
            public synchronized void progress(long done, long total, String what) {
                long pct = total == 0 ? 100 : done * 100 / total;
                if (pct == lastPercent) return;
                lastPercent = pct;
                int bar = (int) (pct / 4);
                System.err.print("\r" + label + " [" + "#".repeat(bar) + " ".repeat(25 - bar) + "] " + pct + "% " + done + "/" + total);
                if (done >= total) System.err.print("\r" + " ".repeat(60 + label.length()) + "\r");
                System.err.flush();
            }
        };
    }

    /**
     * Batch progress: cases done of total, failures and an ETA. On a terminal one line redrawn with a
     * carriage return (no colour); otherwise (logs, pipes, CI) a plain line at every tenth of the run,
     * never an escape or a carriage return.
     */
    static BatchRunner.CaseListener forBatch(String label) {
        return forBatch(label, System.err, System.console() != null, System.nanoTime());
    }

    static BatchRunner.CaseListener forBatch(String label, PrintStream err, boolean terminal, long startNanos) {
        return new BatchRunner.CaseListener() {
            private final AtomicInteger failed = new AtomicInteger();
            private long lastStep = -1;

            @Override
            public void caseEnded(Manifest.CaseEntry e) {
                if (e.status() == Manifest.Status.failed) failed.incrementAndGet();
            }

            @Override
            public synchronized void progress(long done, long total, String what) {
                if (total == 0) return;
                String line = label + " " + done + "/" + total + " cases, " + failed.get() + " failed" + eta(done, total, System.nanoTime() - startNanos);
                if (terminal) {
                    int bar = (int) (done * 25 / total);
                    err.print("\r" + label + " [" + "#".repeat(bar) + " ".repeat(25 - bar) + "] " + line.substring(label.length() + 1) + "   ");
                    if (done >= total) err.print("\r" + " ".repeat(80 + label.length()) + "\r");
                    err.flush();
                    return;
                }
                long step = done * 10 / total;
                if (done == 0 || step == lastStep) return;
                lastStep = step;
                err.println(line);
            }
        };
    }

    /** ", ETA 1:05" from the time so far, or "" before the first case or at the end. */
    static String eta(long done, long total, long elapsedNanos) {
        if (done <= 0 || done >= total) return "";
        long seconds = Math.round(elapsedNanos / 1e9 / done * (total - done));
        return String.format(java.util.Locale.ROOT, ", ETA %d:%02d", seconds / 60, seconds % 60);
    }
}
