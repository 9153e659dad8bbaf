package org.parsreader.ij.panel;

import java.util.Map;
import org.parsreader.findings.Side;
import org.parsreader.reading.ReadingSession;

/**
 * The panel's actions on the active case. Every panel action is one call here with the action
 * name and its macro options, which the reading core runs and records in ImageJ's macro
 * recorder, so each button and key of the panel is a recorded macro action.
 */
final class ReadingPanelPerformer {
    private ReadingPanelPerformer() {}

    static ReadingPanelActions.Performer forPanel() {
        return ReadingPanelPerformer::perform;
    }

    static String perform(String action, Map<String, String> o) throws Exception {
        ReadingSession s = ActiveSession.require("Reading panel");
        switch (action) {
            case "set" -> s.set(o.get("finding"), o.get("level"), side(o), o.get("value"));
            case "clear" -> s.clear(o.get("finding"), o.get("level"), side(o));
            case "undo" -> s.undo();
            case "redo" -> s.redo();
            case "save" -> s.save();
            case "close" -> ActiveSession.close();
            default -> throw new UnsupportedOperationException(action + ": not available yet");
        }
        return null;
    }

    private static Side side(Map<String, String> o) {
        String s = o.get("side");
        return s == null || s.isEmpty() ? null : Side.parse(s);
    }
}
