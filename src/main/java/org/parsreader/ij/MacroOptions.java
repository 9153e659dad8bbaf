package org.parsreader.ij;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ImageJ macro options ({@code key=value key=[value with spaces] flag}) checked against the
 * keys a command knows: an unknown key is an error naming it and the known keys, never
 * silently ignored (ImageJ itself ignores them).
 */
public final class MacroOptions {
    private static final Pattern TOKEN = Pattern.compile("([A-Za-z_][\\w.-]*)(?:=(\\[[^\\]]*\\]|\\S+))?");
    private final Map<String, String> values;

    private MacroOptions(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code options}; throws {@link IllegalArgumentException} naming the first unknown key. */
    public static MacroOptions parse(String command, String options, Set<String> known) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher t = TOKEN.matcher(options == null ? "" : options);
        while (t.find()) {
            String key = t.group(1).toLowerCase();
            if (!known.contains(key)) {
                throw new IllegalArgumentException(command + ": unknown option '" + key + "'; known options: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
            String v = t.group(2);
            if (v != null && v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
            m.put(key, v == null ? "" : v);
        }
        return new MacroOptions(m);
    }

    public String get(String key, String dflt) {
        return values.getOrDefault(key, dflt);
    }

    /** The value of a required key; the error says how to give it. */
    public String require(String command, String key, String example) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) throw new IllegalArgumentException(command + ": option '" + key + "' is required, e.g. " + example);
        return v;
    }

    public boolean flag(String key) {
        return values.containsKey(key);
    }
}
