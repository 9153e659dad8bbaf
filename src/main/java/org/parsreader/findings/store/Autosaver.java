package org.parsreader.findings.store;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Saves a document through a {@link ReaderSession} every few seconds while it has unsaved
 * changes, and once more on {@link #close()}. Failures go to the {@link Listener}; the schedule
 * keeps running, so a full disk or a briefly unreachable share does not end autosaving.
 *
 * <p>Dirtiness is a revision number rather than a flag: the document increments it on every
 * change, and the autosaver remembers the revision it last saved. A change made while a save is
 * running therefore stays "unsaved" (a flag cleared after the save would lose it).
 *
 * <pre>{@code
 * try (ReaderSession session = store.open("R1");
 *      Autosaver autosaver = new Autosaver(session, doc, "R1 (autosave)", 30, listener)) {
 *     ... reading ...
 * } // final save, then the lock is released
 * }</pre>
 */
public final class Autosaver implements AutoCloseable {
    /** What the autosaver saves. Both methods are called from the autosave thread. */
    public interface Document {
        /** Increases on every change to the document. */
        long revision();

        /** The current document as bytes, consistent with a revision at least {@link #revision()}. */
        byte[] snapshot();
    }

    /** Hears about autosaves; called on the autosave thread (or the thread calling close). */
    public interface Listener {
        void saved(long revision, Version version);

        void failed(Exception error);
    }

    private final ReaderSession session;
    private final Document document;
    private final String who;
    private final Listener listener;
    private final ScheduledExecutorService timer;
    private long savedRevision;
    private boolean closed;

    /**
     * Starts autosaving every {@code periodSeconds}. The document's revision at this moment is
     * taken as saved (it was just loaded or saved).
     */
    public Autosaver(ReaderSession session, Document document, String who, double periodSeconds, Listener listener) {
        if (!(periodSeconds > 0)) {
            throw new IllegalArgumentException("autosave period must be positive, was " + periodSeconds);
        }
        this.session = Objects.requireNonNull(session, "session");
        this.document = Objects.requireNonNull(document, "document");
        this.who = Objects.requireNonNull(who, "who");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.savedRevision = document.revision();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "findings autosave " + session.readerId());
            t.setDaemon(true);
            return t;
        });
        long periodMs = Math.max(1, Math.round(periodSeconds * 1000));
        timer.scheduleWithFixedDelay(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** The revision last saved. */
    public synchronized long savedRevision() { return savedRevision; }

    /** True if the document changed since the last save. */
    public synchronized boolean isDirty() { return document.revision() != savedRevision; }

    /**
     * Saves now if there are unsaved changes.
     *
     * @return the new version, or null if there was nothing to save
     */
    public synchronized Version saveNow() throws IOException {
        long revision = document.revision(); // before the snapshot: a later change stays dirty
        if (revision == savedRevision) {
            return null;
        }
        Version version = session.save(document.snapshot(), who, "autosave of revision " + revision);
        savedRevision = revision;
        listener.saved(revision, version);
        return version;
    }

    /** Stops the timer and saves unsaved changes; a failure of that last save is thrown. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        timer.shutdown(); // lets a running save finish; cancels the schedule
        try {
            timer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        saveNow();
    }

    private void tick() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        try {
            saveNow();
        } catch (Exception | Error e) {
            // an exception escaping here would silently cancel the schedule: report and go on
            try {
                listener.failed(e instanceof Exception ex ? ex : new IOException("autosave failed: " + e, e));
            } catch (RuntimeException ignored) {
                // a broken listener must not stop autosaving either
            }
        }
    }
}
