package org.parsreader.ij;

import ij.IJ;
import ij.Macro;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.parsreader.findings.FindingsException;
import org.parsreader.findings.Side;

/** What the findings commands share at the command level: the error boundary and small parsers (public for the reading panel's commands in ij.panel). */
public final class Commands {
    /** The software named in measurement provenance. */
    public static final String SOFTWARE = "Pars Reader " + version();

    private Commands() {}

    /** A command body; returns normally or throws what {@link #run} reports. */
    public interface Body {
        void run() throws IOException;
    }

    /**
     * Runs a command body: the only place findings commands turn a failure into
     * {@code IJ.error} and abort the calling macro (never inside a loop).
     */
    public static void run(String command, Body body) {
        try {
            body.run();
        } catch (IllegalArgumentException | FindingsException | IllegalStateException e) {
            fail(command, e.getMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            fail(command, e.getFile() + ": no such file or folder" + (e.getMessage().equals(e.getFile()) ? "" : " (" + e.getMessage() + ")"));
        } catch (IOException e) {
            fail(command, e.getMessage());
        } catch (UncheckedIOException e) {
            fail(command, e.getCause().getMessage());
        }
    }

    /** Makes a request from macro options; may throw what {@link #run} reports. */
    public interface Parser<R> {
        R parse(String options) throws IOException;
    }

    /** Shows the dialog; null when cancelled. */
    public interface Dialog<R> {
        R show() throws IOException;
    }

    /** Does the request and says what was done. */
    interface Process<R> {
        String process(R request) throws IOException;
    }

    /**
     * A command's request: from the macro options when a macro runs it, else from its dialog
     * (null when cancelled); headless and without options, an error names the options needed
     * (no dialog is attempted). The one place a command decides between macro and dialog.
     */
    public static <R> R request(String command, String needed, Parser<R> parse, Dialog<R> dialog) throws IOException {
        String macro = Macro.getOptions();
        if (macro != null) return parse.parse(macro);
        requireDisplay(command, needed);
        return dialog.show();
    }

    /**
     * The whole of a simple findings command: the request from macro options (or the dialog
     * when there are none), processed, and what was done written to the Log.
     */
    static <R> void runLogged(String command, Parser<R> parse, Dialog<R> dialog, Process<R> process) {
        run(command, () -> {
            String macro = Macro.getOptions();
            R r = macro != null ? parse.parse(macro) : dialog.show();
            if (r != null) IJ.log("Pars Reader: " + process.process(r));
        });
    }

    private static void fail(String command, String message) {
        String text = message != null && message.startsWith(command) ? message : command + ": " + message;
        text += org.parsreader.sample.SampleDataHint.forMessage(message).map(h -> "\n" + h).orElse("");
        if (GraphicsEnvironment.isHeadless()) {
            // IJ.error inside a running macro opens the interpreter's error dialog, which throws
            // HeadlessException and loses the message (or, in a half-headless JVM, blocks it): one line on stderr instead
            System.err.println("Pars Reader: " + text);
        } else {
            IJ.error("Pars Reader", wrap(text));
        }
        Macro.abort();
    }

    /** Characters per line of a message dialog: a long message must not make it wider than a 1366 px screen. */
    static final int MESSAGE_WIDTH = 100;

    /**
     * {@code text} broken into lines of at most {@link #MESSAGE_WIDTH} characters at spaces (a
     * longer word, such as a path, stays whole on its own line): ImageJ's message dialogs are
     * as wide as their longest line, and an OK button off the screen cannot be clicked.
     */
    public static String wrap(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder();
        for (String para : text.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            int line = 0;
            for (String word : para.split(" ")) {
                if (line > 0 && line + 1 + word.length() > MESSAGE_WIDTH) {
                    out.append('\n');
                    line = 0;
                } else if (line > 0) {
                    out.append(' ');
                    line++;
                }
                out.append(word);
                line += word.length();
            }
        }
        return out.toString();
    }

    /**
     * Without macro options there must be a display for the dialog; headless, the error says
     * which options are needed (no dialog is ever attempted).
     */
    public static void requireDisplay(String command, String needed) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalArgumentException(command + " needs options when there is no display: " + needed);
        }
    }

    /** A side from macro text; empty, "none" or "-" mean no side (segment findings). */
    public static Side side(String text) {
        if (text == null) return null;
        String s = text.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("none") || s.equals("-")) return null;
        return Side.parse(s);
    }

    static String label(Side side) {
        return side == null ? "" : " " + side.label();
    }

    private static String version() {
        String v = Commands.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
