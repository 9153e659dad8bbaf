package org.parsreader.ij.panel;

/**
 * The panel's actions on the active case: every panel action is one
 * {@link ReadingCommand#perform(String, java.util.Map)} with the action name and its macro
 * options, the same code path as the Reading menu commands and macros, and recorded in ImageJ's
 * macro Recorder, so each button and key of the panel is a recorded macro action.
 */
final class ReadingPanelPerformer {
    private ReadingPanelPerformer() {}

    static ReadingPanelActions.Performer forPanel() {
        return ReadingCommand::perform;
    }
}
