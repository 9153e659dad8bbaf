package org.parsreader.ij.panel;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parsreader.findings.Side;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.WorklistNavigator;

/**
 * The one open {@link ReadingSession} that the reading macros ({@link ReadingCommand}) and the
 * panel act on, with the worklist it came from (if any), and the hook through which the
 * panel's image viewers take view actions (go to a level, window preset).
 *
 * <p>Read Case... sets it; Reading Close and next/previous case replace or clear it. The panel
 * listens ({@link #addListener}) to rebind when the case changes. Thread-safe.
 *
 * <pre>{@code
 * ReadingSession s = ActiveSession.require("Reading Set");    // throws: no case is open
 * ActiveSession.setViews(myViewers);                          // the viewers register themselves
 * }</pre>
 */
public final class ActiveSession {
    /**
     * View actions the panel's image viewers perform; registered by the viewers with
     * {@link #setViews}. Without a registered implementation (headless, or no panel shown)
     * the macros fall back to what can be done without a display (go-to logs slices).
     */
    public interface ViewActions {
        /** Shows {@code level} (and {@code side}'s pars, when side is not null) on every shown series; false if it could not. */
        boolean goTo(String level, Side side);

        /** Applies window preset {@code id} (see reading.WindowPreset) to the viewers; throws IllegalArgumentException for an unknown id. */
        void preset(String id);
    }

    /** Told when the active session changes (a case opened, closed, or the worklist moved on). */
    public interface Listener {
        /** @param previous the session that was active (may be null); @param current the new one (null: none) */
        void activeChanged(ReadingSession previous, ReadingSession current);
    }

    private static ReadingSession session;
    private static WorklistNavigator worklist;
    private static ViewActions views;
    private static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();

    private ActiveSession() {}

    /** The active session, if a case is open. */
    public static synchronized Optional<ReadingSession> get() {
        if (session != null && session.isClosed()) session = null;
        return Optional.ofNullable(session);
    }

    /** The active session, or an error for {@code command} saying to open a case first. */
    public static ReadingSession require(String command) {
        return get().orElseThrow(() -> new IllegalStateException(command
                + ": no case is open for reading; run Plugins > Pars Reader > Read Case... first"));
    }

    /** The worklist the active case came from, if it was opened from one. */
    public static synchronized Optional<WorklistNavigator> worklist() {
        return Optional.ofNullable(worklist);
    }

    /**
     * Makes {@code s} the active session (and {@code list} its worklist, or null). The session
     * that was active before must have been closed by the caller ({@link #close} does that).
     */
    public static void set(ReadingSession s, WorklistNavigator list) {
        ReadingSession previous;
        synchronized (ActiveSession.class) {
            previous = session;
            session = s;
            worklist = list;
        }
        if (previous != s) for (Listener l : LISTENERS) l.activeChanged(previous, s);
    }

    /** Saves and closes the active session (if any) and clears it; its worklist is forgotten too. */
    public static void close() throws IOException {
        ReadingSession s;
        synchronized (ActiveSession.class) {
            s = session;
        }
        if (s == null) return;
        try {
            s.close();
        } finally {
            set(null, null);
        }
    }

    /** Registers the viewers' view actions (replacing any earlier registration). */
    public static synchronized void setViews(ViewActions v) {
        views = v;
    }

    /** Unregisters {@code v} if it is the registered one (a closing panel). */
    public static synchronized void clearViews(ViewActions v) {
        if (views == v) views = null;
    }

    /** The registered view actions, if a panel with viewers is shown. */
    public static synchronized Optional<ViewActions> views() {
        return Optional.ofNullable(views);
    }

    public static void addListener(Listener l) {
        LISTENERS.add(l);
    }

    public static void removeListener(Listener l) {
        LISTENERS.remove(l);
    }
}
