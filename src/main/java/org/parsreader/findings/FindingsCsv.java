package org.parsreader.findings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsDocument.Measurement;

/**
 * Findings as CSV, one row per value or measurement: pseudonym, reader, role, template,
 * kind, finding, level, side, value, unit, roi, method. Names, IDs and birth dates only when
 * the user explicitly asks for them.
 */
public final class FindingsCsv {
    public static final String HEADER = "pseudonym,reader,role,template,kind,finding,level,side,value,unit,roi,method";

    private FindingsCsv() {}

    public static void write(Collection<FindingsDocument> docs, ReadingTemplate template, Writer out) {
        write(docs, template, out, false);
    }

    /**
     * @param includeIdentity the user explicitly asked for identity: adds patient_id,
     *                        patient_name and birth_date columns (empty where a file has none)
     */
    public static void write(Collection<FindingsDocument> docs, ReadingTemplate template, Writer out, boolean includeIdentity) {
        try {
            out.write(HEADER + (includeIdentity ? ",patient_id,patient_name,birth_date" : "") + "\n");
            for (FindingsDocument d : docs) {
                String who = cell(d.pseudonym()) + "," + cell(d.reader().id()) + "," + cell(d.reader().role().label()) + ","
                        + cell(d.template().id() + " " + d.template().version());
                String id = !includeIdentity ? "" : d.identity() == null ? ",,," : "," + cell(d.identity().patientId()) + ","
                        + cell(d.identity().patientName()) + "," + cell(d.identity().birthDate());
                for (FindingValue v : d.values()) {
                    String unit = template == null ? "" : template.finding(v.finding()).map(f -> f.unit() == null ? "" : f.unit()).orElse("");
                    out.write(who + ",value," + cell(v.finding()) + "," + cell(v.level()) + "," + cell(v.side() == null ? "" : v.side().label())
                            + "," + cell(v.value().text()) + "," + cell(unit) + "," + cell(v.roi()) + "," + id + "\n");
                }
                for (Measurement m : d.measurements()) {
                    out.write(who + ",measurement," + cell(m.finding()) + "," + cell(m.level()) + "," + cell(m.side() == null ? "" : m.side().label())
                            + "," + new Value.Number(m.value()).text() + "," + cell(m.unit()) + "," + cell(m.provenance() == null ? null : m.provenance().roi())
                            + "," + cell(m.provenance() == null ? null : m.provenance().method()) + id + "\n");
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting when needed. */
    static String cell(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
