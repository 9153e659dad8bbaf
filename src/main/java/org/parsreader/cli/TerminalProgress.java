package org.parsreader.cli;

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
}
