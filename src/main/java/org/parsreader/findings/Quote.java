package org.parsreader.findings;

/**
 * Values quoted in messages, cut to {@value #MAX} characters: a findings file may hold a value
 * of a megabyte, and a message must stay readable (and a log line short).
 */
public final class Quote {
    /** At most this many characters of a value are quoted. */
    public static final int MAX = 200;

    private Quote() {}

    /** {@code 'value'}, or {@code 'first 200 characters...' (12345 characters)}; {@code null} unquoted. */
    public static String of(String value) {
        if (value == null) return "null";
        if (value.length() <= MAX) return "'" + value + "'";
        return "'" + value.substring(0, MAX) + "...' (" + value.length() + " characters)";
    }

    /** The value itself when short, else its first {@value #MAX} characters, "...", and its length. */
    public static String clipPlain(String value) {
        if (value == null) return "null";
        if (value.length() <= MAX) return value;
        return value.substring(0, MAX) + "... (" + value.length() + " characters)";
    }

    /**
     * A message from elsewhere (Jackson) with every quoted run ({@code "..."}, {@code '...'},
     * {@code `...`}) longer than {@value #MAX} characters cut, and the whole kept under
     * {@code 4 * MAX} characters.
     */
    public static String clip(String message) {
        if (message == null) return "";
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = message.indexOf(c, i + 1);
                int stop = end < 0 ? message.length() : end;
                String inside = message.substring(i + 1, stop);
                out.append(c);
                if (inside.length() > MAX) out.append(inside, 0, MAX).append("...(").append(inside.length()).append(" characters)");
                else out.append(inside);
                if (end >= 0) out.append(c);
                i = stop + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        if (out.length() > 4 * MAX) {
            int len = out.length();
            out.setLength(4 * MAX);
            out.append("... (message of ").append(len).append(" characters cut)");
        }
        return out.toString();
    }
}
