package org.parsreader.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/** Runs independent tasks on a bounded pool of daemon threads and collects their results in order. */
public final class Parallel {
    private Parallel() {}

    /**
     * Results of {@code tasks} in input order. With one thread or one task they run on the
     * caller's thread. A task's exception is rethrown (unchecked exceptions as themselves).
     */
    public static <T> List<T> run(List<? extends Callable<T>> tasks, int threads, String name) {
        List<T> out = new ArrayList<>(tasks.size());
        if (threads <= 1 || tasks.size() < 2) {
            for (Callable<T> t : tasks) out.add(call(t));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()), new ThreadFactory() {
            @Override
            public Thread newThread(Runnable r) { // a class, not a lambda: every open runs here in a cold JVM (issue 16)
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            }
        });
        try {
            List<Future<T>> futures = new ArrayList<>(tasks.size());
            for (Callable<T> t : tasks) futures.add(pool.submit(t));
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(name + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T call(Callable<T> t) {
        try {
            return t.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Processors available to this JVM, at least 1. */
    public static int cores() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Threads for loading a volume's pixels: one more than the cores. Each slice is read from the
     * page cache into fresh heap memory, so the loading threads spend much of their time in the
     * kernel (copies, page faults on one address space) and in the collector's pauses; a third
     * thread on two cores kept them busy: the first Open Study 0.92x the time (13 pairs, in
     * process, issue 16), volume-stats the same or better.
     */
    public static int loadThreads() {
        return cores() + 1;
    }
}
