package org.parsreader.ij.panel;

import ij.plugin.frame.Recorder;
import java.util.Locale;
import java.util.Map;

/**
 * Records panel actions into ImageJ's macro Recorder, as the macro line that repeats them:
 * {@code run("Reading Set...", "finding=pars_defect level=L5 side=left value=complete");}
 * ({@code IJ.run(...)} when the Recorder is in a script mode). The options are exactly the
 * text the command accepts; values with spaces are written as {@code [..]}.
 *
 * <p>Used for actions that do not pass through ImageJ's own command recording (panel
 * buttons calling {@link ReadingCommand#perform}). A command run from a menu with a dialog is
 * recorded by ImageJ itself, through the dialog's labels.
 */
public final class PanelRecorder {
    private PanelRecorder() {}

    /** Whether the macro Recorder is open and recording. */
    public static boolean recording() {
        return Recorder.record && Recorder.getInstance() != null;
    }

    /**
     * Records {@code run("<command>", "<options>");} when the Recorder is recording; does
     * nothing otherwise. Returns the recorded line (or the line that would have been recorded).
     *
     * @param command the menu command, e.g. "Reading Set..."
     * @param options the macro options (may be empty or null)
     */
    public static String record(String command, String options) {
        boolean script = recording() && Recorder.scriptMode();
        String line = line(command, options, script);
        if (recording()) Recorder.recordString(line);
        return line;
    }

    /** The macro line for {@code command} with {@code options}, ending in a newline. */
    public static String line(String command, String options, boolean scriptMode) {
        String o = options == null ? "" : options.trim();
        String call = scriptMode ? "IJ.run" : "run";
        return o.isEmpty()
                ? call + "(\"" + escape(command) + "\");\n"
                : call + "(\"" + escape(command) + "\", \"" + escape(o) + "\");\n";
    }

    /** Macro options from keys and values in order: {@code key=value}, {@code key=[value with spaces]}; an empty value is a flag. */
    public static String options(Map<String, String> keyValues) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : keyValues.entrySet()) {
            if (e.getValue() == null) continue;
            if (b.length() > 0) b.append(' ');
            b.append(e.getKey().toLowerCase(Locale.ROOT));
            if (!e.getValue().isEmpty()) b.append('=').append(value(e.getValue()));
        }
        return b.toString();
    }

    /** One option value as ImageJ writes it: in brackets when it holds a space (or is empty). */
    public static String value(String v) {
        if (v == null || v.isEmpty()) return "[]";
        return v.indexOf(' ') >= 0 || v.indexOf('\t') >= 0 ? "[" + v + "]" : v;
    }

    /** Escapes backslashes and quotes for a macro string literal. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
