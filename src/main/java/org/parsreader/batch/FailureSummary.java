package org.parsreader.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a batch run tells its user about failures and skipped image steps, the same on the command
 * line ({@code batch}, {@code batch-merge}) and in ImageJ ({@code Batch...}): a reason shared by
 * several cases once, with the count and the first few cases; every case is in the manifest.
 */
public final class FailureSummary {
    /** Failed cases named per reason before "..." (all when verbose; all of them are in the manifest). */
    public static final int FIRST_FEW = 3;

    private FailureSummary() {}

    /** One line per distinct failure reason (verbose: a line per case, after the count line of a shared reason). */
    public static List<String> lines(Manifest m, boolean verbose) {
        Map<String, List<Manifest.CaseEntry>> byReason = new LinkedHashMap<>();
        for (Manifest.CaseEntry c : m.cases()) {
            if (c.status() == Manifest.Status.failed) byReason.computeIfAbsent(reasonKey(c), k -> new ArrayList<>()).add(c);
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Manifest.CaseEntry>> g : byReason.entrySet()) {
            List<Manifest.CaseEntry> cs = g.getValue();
            if (cs.size() == 1 || verbose) {
                if (cs.size() > 1) out.add(cs.size() + " cases: " + g.getKey());
                for (Manifest.CaseEntry c : cs) out.add("case " + c.name() + " failed: " + c.reason());
                continue;
            }
            List<String> names = cs.stream().limit(FIRST_FEW).map(Manifest.CaseEntry::name).toList();
            out.add(cs.size() + " cases: " + g.getKey() + " (" + String.join(", ", names) + (cs.size() > FIRST_FEW ? ", ..." : "")
                    + "; list in " + Manifest.FILE + ")");
        }
        return out;
    }

    /** The failure reason without the words naming the case (its folder, its name), so that cases failing alike group together. */
    public static String reasonKey(Manifest.CaseEntry c) {
        String r = c.reason() == null ? "unknown reason" : c.reason();
        return r.replaceAll("\\s*\\S*" + Pattern.quote(c.name()) + "\\S*", "").trim();
    }

    /**
     * The one note for cases that had no DICOM images and so skipped the image steps (default steps),
     * or empty when there were none. {@code howToRequire} says how this front end names steps.
     */
    public static Optional<String> noImagesNote(Manifest m, Path manifestFile, String howToRequire) {
        long n = BatchRunner.withoutImages(m);
        if (n == 0) return Optional.empty();
        return Optional.of("note: " + n + (n == 1 ? " case has" : " cases have") + " no DICOM images: the image steps"
                + " (index, contrast, bme) were skipped for " + (n == 1 ? "it" : "them") + " and the findings steps ran;"
                + " " + howToRequire + " to require them (cases in " + manifestFile + ")");
    }
}
