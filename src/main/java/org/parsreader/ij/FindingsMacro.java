package org.parsreader.ij;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsValidator;
import org.parsreader.findings.Side;

/**
 * Findings for ImageJ macros through {@code call(...)}: every method takes and returns
 * strings and never throws into the macro interpreter; a failure comes back as
 * {@code "error: <message>"} (test with {@code startsWith(s, "error:")}). Reads only.
 *
 * <pre>
 * v = call("org.parsreader.ij.FindingsMacro.get", "/data/case-001", "R1", "pars_defect", "L5", "left");
 * lines = split(call("org.parsreader.ij.FindingsMacro.list", "/data/case-001", "R1"), "\n");
 * ok = call("org.parsreader.ij.FindingsMacro.validate", "/data/case-001", "R1");   // "ok" or problems
 * id = call("org.parsreader.ij.FindingsMacro.lastRoi");                           // after Findings Add ROI...
 * </pre>
 */
public final class FindingsMacro {
    /** The ROI id the last Findings Add ROI... stored in this ImageJ session (UI state, not core). */
    private static volatile String lastRoi = "";

    private FindingsMacro() {}

    /** The value text ("complete", "pars|pedicle", "2.5", "yes"), or "" when not set. {@code side}: left, right, or "" for segment findings. */
    public static String get(String caseDir, String reader, String finding, String level, String side) {
        try {
            Side s = Commands.side(side);
            FindingsDocument d = StoredFindings.read(Path.of(caseDir), reader);
            Optional<FindingValue> v = d.values().stream()
                    .filter(x -> x.finding().equals(finding) && x.level().equals(level) && x.side() == s).findFirst();
            return v.map(x -> x.value().text()).orElse("");
        } catch (Exception e) {
            return error(e);
        }
    }

    /** One line per value: "finding level side value", side "-" for segment findings; "" when there are none. */
    public static String list(String caseDir, String reader) {
        try {
            FindingsDocument d = StoredFindings.read(Path.of(caseDir), reader);
            StringBuilder sb = new StringBuilder();
            for (FindingValue v : d.values()) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(v.finding()).append(' ').append(v.level()).append(' ').append(v.side() == null ? "-" : v.side().label())
                        .append(' ').append(v.value().text());
            }
            return sb.toString();
        } catch (Exception e) {
            return error(e);
        }
    }

    /** "ok", or the problems one per line ("field: message"). */
    public static String validate(String caseDir, String reader) {
        try {
            List<FindingsValidator.Problem> p = FindingsValidateCommand.problems(StoredFindings.read(Path.of(caseDir), reader), null);
            if (p.isEmpty()) return "ok";
            StringBuilder sb = new StringBuilder();
            for (FindingsValidator.Problem x : p) sb.append(sb.length() == 0 ? "" : "\n").append(x);
            return sb.toString();
        } catch (Exception e) {
            return error(e);
        }
    }

    /** One line per ROI: "id type finding level side" (side "-" when none). */
    public static String rois(String caseDir, String reader) {
        try {
            StringBuilder sb = new StringBuilder();
            for (FindingsDocument.Roi r : StoredFindings.read(Path.of(caseDir), reader).rois()) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(r.id()).append(' ').append(r.type().label()).append(' ').append(r.finding() == null ? "-" : r.finding())
                        .append(' ').append(r.level() == null ? "-" : r.level()).append(' ').append(r.side() == null ? "-" : r.side().label());
            }
            return sb.toString();
        } catch (Exception e) {
            return error(e);
        }
    }

    /** The id of the ROI the last Findings Add ROI... stored ("" before any). */
    public static String lastRoi() {
        return lastRoi;
    }

    static void rememberRoi(String id) {
        lastRoi = id;
    }

    private static String error(Exception e) {
        String m = e.getMessage();
        return "error: " + (m == null ? e.getClass().getSimpleName() : m.replace('\n', ' '));
    }
}
