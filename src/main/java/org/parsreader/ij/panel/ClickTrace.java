package org.parsreader.ij.panel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Timestamps of a reformat's opening, to split the first Sag MPR click into its steps (issue 12
 * point 5): off unless {@code -Dpars.trace.reformat=true}, then each {@link #mark} keeps the wall
 * time, the thread and that thread's CPU time, and {@link #drain} hands them to the benchmark. Off,
 * a mark is one read of a final field: it costs nothing a reader would notice.
 */
final class ClickTrace {
    static final boolean ON = Boolean.getBoolean("pars.trace.reformat");
    private static final List<String> MARKS = new ArrayList<>();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ClickTrace() {}

    static void mark(String step) {
        if (!ON) return;
        long wall = System.nanoTime(), cpu = THREADS.getCurrentThreadCpuTime();
        synchronized (MARKS) {
            MARKS.add(String.format(Locale.ROOT, "%d %d %s %s", wall, cpu, Thread.currentThread().getName().replace(' ', '_'), step));
        }
    }

    /** The marks since the last drain, each "wallNanos threadCpuNanos thread step". */
    static List<String> drain() {
        synchronized (MARKS) {
            List<String> out = List.copyOf(MARKS);
            MARKS.clear();
            return out;
        }
    }
}
