package org.parsreader.ij.panel;

import java.awt.event.KeyEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.parsreader.reading.ReadingSession;

/**
 * The panel's hold on the case's image windows ({@link CaseViewers}): opens them for a session,
 * passes their status lines and marking state to the panel, and closes them with the panel.
 * Go-to and window presets are not here: they are reader actions and go through the reading
 * core's command path, which reaches the viewers through {@link ActiveSession#views()}.
 */
final class ReadingPanelViewers {
    private final Consumer<String> status;
    private final Consumer<String> marking;
    private final Consumer<List<String>> missing;
    private final Predicate<KeyEvent> keys;
    private volatile CaseViewers viewers;

    /**
     * @param status  told every status line of the viewers ("L5 marked on T2 TSE SAG")
     * @param marking told the level being marked, or null when marking ended
     * @param missing told the series whose window the reader closed (empty: all shown), on the event thread
     * @param keys    the panel's keys pressed on a viewer (true: used, ImageJ does not get it)
     */
    ReadingPanelViewers(Consumer<String> status, Consumer<String> marking, Consumer<List<String>> missing, Predicate<KeyEvent> keys) {
        this.status = status;
        this.marking = marking;
        this.missing = missing;
        this.keys = keys;
    }

    /** Opens the viewers of {@code session} (loads its volumes: call off the event thread when possible). */
    void open(ReadingSession session) {
        close();
        CaseViewers v = CaseViewers.open(session);
        v.addListener(new CaseViewers.Listener() {
            @Override
            public void status(String message) {
                status.accept(message);
            }

            @Override
            public void marking(String level) {
                marking.accept(level);
            }

            @Override
            public void viewersChanged(List<String> gone) {
                missing.accept(gone);
            }
        });
        v.setKeyHandler(keys);
        viewers = v;
        missing.accept(List.of());
    }

    /** Opens again the viewers the reader closed; returns how many (0 with none open). Off the event thread when possible. */
    int reopen() {
        CaseViewers v = viewers;
        if (v == null || v.isClosed()) return 0;
        return v.reopen();
    }

    CaseViewers viewers() {
        return viewers;
    }

    void beginMarkLevel(String level) {
        CaseViewers v = viewers;
        if (v == null || v.isClosed()) throw new IllegalStateException("no image viewer is open to mark " + level + " on");
        v.beginMarkLevel(level);
    }

    void setLinked(boolean linked) {
        CaseViewers v = viewers;
        if (v != null) v.setLinked(linked);
    }

    void close() {
        CaseViewers v = viewers;
        viewers = null;
        if (v != null) v.close();
    }
}
