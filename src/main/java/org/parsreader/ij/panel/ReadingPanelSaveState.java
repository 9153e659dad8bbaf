package org.parsreader.ij.panel;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * What the panel's save indicator says, from the session's announcements ({@code saved},
 * {@code autosaved}, {@code autosave-failed}) and whether there are unsaved changes: a failure
 * wins (red, until a save succeeds), then unsaved changes (orange), then when it was last saved
 * (green). No Swing: the panel paints it.
 */
final class ReadingPanelSaveState {
    enum Level { OK, WARN, FAIL }

    /** The indicator: its text, its colour class, its tooltip. */
    record State(String text, Level level, String tooltip) {}

    static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private String problem;
    private String last;

    /** A session announcement of {@code kind} with its description, at {@code now}. */
    void changed(String kind, String description, LocalTime now) {
        switch (kind) {
            case "autosaved" -> {
                problem = null;
                last = "autosaved " + now.format(HMS);
            }
            case "saved" -> {
                problem = null;
                last = "saved " + now.format(HMS);
            }
            case "autosave-failed" -> problem = "autosave failed: "
                    + (description == null ? "?" : description.replaceFirst("^autosave failed: ", ""));
            default -> { }
        }
    }

    /** An explicit save (Ctrl+S, Save) failed with {@code reason}. */
    void saveFailed(String reason) {
        problem = "save failed: " + reason;
    }

    /** Another case: nothing known yet. */
    void reset() {
        problem = null;
        last = null;
    }

    State state(boolean dirty, double autosaveSeconds) {
        if (problem != null) {
            return new State(problem, Level.FAIL, "Your changes are kept in memory; save with Ctrl+S once the problem is fixed. " + problem);
        }
        if (dirty) {
            return new State("unsaved changes", Level.WARN, autosaveSeconds > 0
                    ? "Autosaved within " + (int) Math.round(autosaveSeconds) + " s; Ctrl+S saves now" : "Ctrl+S saves now");
        }
        return new State(last == null ? "saved" : last, Level.OK, "Everything is on disk");
    }
}
