package org.parsreader.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The build's training run for the class-data-sharing archive the {@code pars-reader} launcher
 * starts with (issue 16): runs several command lines in one JVM, so that one
 * {@code -XX:ArchiveClassesAtExit} run sees the classes of every typical command. Command lines
 * are separated by a lone {@code +}: {@code CdsTraining info DIR + volume-stats DIR --series X}.
 * Their output is discarded; a failing command fails the training (exit 1), so a broken
 * training run is not mistaken for a good archive.
 */
public final class CdsTraining {
    /** A training line {@code dicomweb-retrieve DIR}: a WADO-RS retrieve of DIR's first study from a server in this JVM ({@link DicomWebTraining}). */
    static final String DICOMWEB_RETRIEVE = "dicomweb-retrieve";

    private CdsTraining() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        int failed = 0;
        for (List<String> line : split(args)) {
            int rc;
            if (line.get(0).equals(DICOMWEB_RETRIEVE)) {
                try {
                    rc = DicomWebTraining.run(java.nio.file.Path.of(line.get(1)));
                } catch (java.io.IOException | RuntimeException e) {
                    System.err.println("training: " + DICOMWEB_RETRIEVE + ": " + e);
                    rc = 1;
                }
            } else {
                rc = Main.execute(line.toArray(new String[0]));
            }
            if (rc != 0) {
                System.err.println("training: exit " + rc + " from " + String.join(" ", line));
                failed++;
            }
        }
        System.setOut(out);
        System.exit(failed == 0 ? 0 : 1);
    }

    static List<List<String>> split(String[] args) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String a : Arrays.asList(args)) {
            if (a.equals("+")) {
                if (!cur.isEmpty()) lines.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(a);
            }
        }
        if (!cur.isEmpty()) lines.add(cur);
        return lines;
    }
}
