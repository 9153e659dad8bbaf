package org.parsreader.ij.panel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.parsreader.findings.Side;

/**
 * What the reading panel's buttons and keys do, all through one path: every action becomes a
 * call of {@link #perform} with the action's macro options, run in order on one worker thread
 * (the window never freezes, and actions happen in the order the reader made them). Failures
 * go to the panel's status line, never to a stack trace on the console.
 */
final class ReadingPanelActions {
    /** Runs one action by name with its options (the reading core's command path). */
    interface Performer {
        /** @return a short message for the status line (may be null) */
        String perform(String action, Map<String, String> options) throws Exception;
    }

    private final Performer performer;
    /** The case the panel shows when an action is queued, and the case the core acts on when it runs. */
    private java.util.function.Supplier<Object> shown = () -> null;
    private java.util.function.Supplier<Object> active = () -> null;
    private final Consumer<String> onMessage;
    private final Consumer<String> onError;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "Pars Reader panel");
        t.setDaemon(true);
        return t;
    });

    ReadingPanelActions(Performer performer, Consumer<String> onMessage, Consumer<String> onError) {
        this.performer = performer;
        this.onMessage = onMessage;
        this.onError = onError;
    }

    /**
     * Guards against acting on the wrong case: an action queued while the panel showed one case
     * is dropped (and said so) if another case became the active one before it ran.
     */
    void guard(java.util.function.Supplier<Object> shownCase, java.util.function.Supplier<Object> activeCase) {
        this.shown = shownCase;
        this.active = activeCase;
    }

    /** Whether the case changed since {@code queuedFor} was queued (said on the status line). */
    private boolean moved(Object queuedFor, String what) {
        Object now = active.get();
        if (queuedFor == null || now == queuedFor) return false;
        onError.accept(what + " not done: " + (now == null ? "the case was closed" : "another case was opened") + " before it ran");
        return true;
    }

    /** Queues {@code action}; {@code then} runs on the worker after it succeeded (may be null). */
    void perform(String action, Map<String, String> options, Runnable then) {
        Object queuedFor = shown.get();
        worker.execute(() -> {
            try {
                if (moved(queuedFor, action)) return;
                String message = performer.perform(action, options);
                if (message != null && !message.isBlank()) onMessage.accept(message);
                if (then != null) then.run();
            } catch (Throwable e) {
                onError.accept(message(e));
            }
        });
    }

    void perform(String action, Map<String, String> options) {
        perform(action, options, null);
    }

    /** A step of the worker that may fail with a message for the reader. */
    interface Step {
        void run() throws Exception;
    }

    /** Runs {@code r} on the worker after every queued action; a failure goes to the status line. */
    void after(Step r) {
        Object queuedFor = shown.get();
        worker.execute(() -> {
            try {
                if (active.get() != null && moved(queuedFor, "the action")) return;
                r.run();
            } catch (Throwable e) {
                onError.accept(message(e));
            }
        });
    }

    /** Waits up to {@code seconds} for the queued actions (tests, closing). */
    boolean drain(double seconds) {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        try {
            worker.execute(done::countDown);
            return done.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void shutdown() {
        worker.shutdown();
    }

    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.lang.reflect.InvocationTargetException
                || t instanceof java.util.concurrent.ExecutionException || t instanceof RuntimeException && t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    // ---- options in the order the macro commands take them

    static Map<String, String> place(String finding, String level, Side side) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("finding", finding);
        o.put("level", level);
        if (side != null) o.put("side", side.label());
        return o;
    }

    static Map<String, String> of(String... keyValues) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) if (keyValues[i + 1] != null) o.put(keyValues[i], keyValues[i + 1]);
        return o;
    }
}
