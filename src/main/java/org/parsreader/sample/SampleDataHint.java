package org.parsreader.sample;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an example run where there is no sample data is told: the README's, the help's and the
 * example macros' folders are all under sample-data/, relative to the repository. Shared by the
 * command line and the ImageJ commands.
 */
public final class SampleDataHint {
    private SampleDataHint() {}

    public static final String HOW = "sample-data/ comes with the Pars Reader repository: run the examples from its root (start ImageJ"
            + " there), or make it with 'java -jar Pars_Reader.jar generate-sample sample-data/case-001' and 'generate-cohort sample-data/cohort'";

    private static final Pattern PATH = Pattern.compile("[^\\s\\[\\]'\"=:;,()]*sample-data[^\\s\\[\\]'\":;,()]*");

    /** For a path that does not exist and lies under a folder named sample-data: which folder is missing and how to get it. */
    public static Optional<String> forPath(Path p) {
        if (Files.exists(p)) return Optional.empty();
        Path missing = null;
        for (Path q = p.toAbsolutePath().normalize(); q != null; q = q.getParent()) {
            if (q.getFileName() != null && q.getFileName().toString().equals("sample-data")) missing = q;
        }
        if (missing == null) return Optional.empty();
        return Optional.of(p + ": not found (" + (Files.isDirectory(missing) ? "no such folder in " + missing : "no folder " + missing) + "): " + HOW);
    }

    /** The same for the first missing sample-data path an error message names. */
    public static Optional<String> forMessage(String message) {
        if (message == null) return Optional.empty();
        Matcher m = PATH.matcher(message);
        while (m.find()) {
            try {
                Optional<String> h = forPath(Path.of(m.group()));
                if (h.isPresent()) return h;
            } catch (InvalidPathException e) {
                // not a path after all
            }
        }
        return Optional.empty();
    }
}
