package org.parsreader.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs command-line examples as written in the help and the README, in-process: "pars-reader ..."
 * or "java -jar .../Pars_Reader*.jar ..." lines (a trailing backslash continues a line), on a
 * copy of sample-data/ and with out/ in a temporary folder, so that examples that write (a
 * recorded contrast, a restored version) leave the repository as it was.
 */
final class CliExamples {
    private CliExamples() {}

    static final Pattern PREFIX = Pattern.compile("^(?:\\$\\s+)?(?:pars-reader|java(?:\\s+-\\S+)*\\s+-jar\\s+\\S*Pars_Reader\\S*\\.jar)\\s+");
    private static final Pattern PLACEHOLDER = Pattern.compile("(^|=)(sample-data|out)(?=/|$)");

    /** Joins lines ending in a backslash with the next; keeps only command lines (those {@link #PREFIX} matches). */
    static List<String> commands(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        for (String raw : lines) {
            String l = raw.strip();
            if (cur == null) {
                if (!PREFIX.matcher(l).find()) continue;
                cur = new StringBuilder();
            }
            boolean more = l.endsWith("\\");
            cur.append(more ? l.substring(0, l.length() - 1) : l).append(' ');
            if (!more) {
                out.add(cur.toString().strip());
                cur = null;
            }
        }
        if (cur != null) out.add(cur.toString().strip());
        return out;
    }

    /**
     * The words of a command line as a POSIX shell splits them (single and double quotes, backslash
     * escapes outside single quotes, # comments; no variables or globs: an example that needs them is not
     * runnable as written). Hand-written: no small library on the classpath does it.
     */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') quote = 0; else w.append(c);
            } else if (quote == '"') {
                if (c == '"') quote = 0;
                else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) w.append(line.charAt(++i));
                else w.append(c);
            } else if (c == '#' && !inWord) {
                break; // a comment to the end of the line
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                inWord = true;
                if (c == '\'' || c == '"') quote = c;
                else if (c == '\\' && i + 1 < line.length()) w.append(line.charAt(++i));
                else w.append(c);
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unclosed quote in: " + line);
        if (inWord) out.add(w.toString());
        return out;
    }

    /** The arguments after the program, with sample-data/ and out/ moved under {@code root}. */
    static String[] args(String command, Path root) {
        Matcher m = PREFIX.matcher(command);
        if (!m.find()) throw new IllegalArgumentException("not a Pars Reader command line: " + command);
        List<String> ws = words(command.substring(m.end()));
        for (String w : ws) {
            if (w.contains("$") || w.contains("*")) throw new IllegalArgumentException("'" + w + "' needs a shell; an example must run as written: " + command);
        }
        return ws.stream().map(w -> PLACEHOLDER.matcher(w).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + root.resolve(r.group(2))))).toArray(String[]::new);
    }

    /** A fresh copy of the repository's sample-data/ in {@code root}. */
    static void copySample(Path root) {
        Path from = Path.of("sample-data");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path to = root.resolve("sample-data").resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to); else Files.copy(p, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes written under root/out. */
    static long written(Path root) {
        Path out = root.resolve("out");
        if (!Files.isDirectory(out)) return 0;
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
