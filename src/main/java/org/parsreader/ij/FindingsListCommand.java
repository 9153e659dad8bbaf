package org.parsreader.ij;

import ij.Macro;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Value;

/**
 * Plugins &gt; Pars Reader &gt; Findings List...: a reader's findings of a case as the table
 * "Findings &lt;reader&gt;": one row per value (kind "value") and per measurement (kind
 * "measurement"), columns finding, level, side, value, unit, roi, kind. Reads only.
 *
 * <p>Macro: {@code run("Findings List...", "case=/data/case-001 reader=R1");}
 */
public final class FindingsListCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Findings List...";
    static final Set<String> KEYS = Set.of(CaseOptions.CASE, CaseOptions.READER);
    static final String EXAMPLE = CaseOptions.EXAMPLE;

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            String macro = Macro.getOptions();
            Path caseDir;
            String reader;
            if (macro != null) {
                MacroOptions o = MacroOptions.parse(COMMAND, macro, KEYS);
                caseDir = Path.of(o.require(COMMAND, CaseOptions.CASE, EXAMPLE));
                reader = o.require(COMMAND, CaseOptions.READER, EXAMPLE);
            } else {
                Commands.requireDisplay(COMMAND, EXAMPLE);
                GenericDialog gd = new GenericDialog("Pars Reader: Findings List");
                gd.addDirectoryField(CaseOptions.CASE, CaseOptions.currentCase(), 40);
                gd.addStringField(CaseOptions.READER, "R1", 10);
                gd.showDialog();
                if (gd.wasCanceled()) return;
                caseDir = Path.of(gd.getNextString().trim());
                reader = gd.getNextString().trim();
            }
            process(caseDir, reader).show(title(reader));
        });
    }

    static String title(String reader) {
        return "Findings " + reader;
    }

    /** The table of a reader's findings (not shown). */
    public static ResultsTable process(Path caseDir, String reader) throws IOException {
        FindingsDocument d = StoredFindings.read(caseDir, reader);
        ReadingTemplate t = null;
        try {
            t = StoredFindings.template(d, null);
        } catch (IllegalArgumentException e) {
            // a study's own template: units stay empty, everything else is in the file
        }
        ResultsTable rt = new ResultsTable();
        for (FindingValue v : d.values()) {
            ReadingTemplate.FindingType f = t == null ? null : t.finding(v.finding()).orElse(null);
            row(rt, v.finding(), v.level(), v.side() == null ? "" : v.side().label(), v.value().text(),
                    f == null || f.unit() == null ? "" : f.unit(), v.roi(), "value");
        }
        for (Measurement m : d.measurements()) {
            row(rt, m.finding(), m.level(), m.side() == null ? "" : m.side().label(), new Value.Number(m.value()).text(), m.unit(),
                    m.provenance() == null ? null : m.provenance().roi(), "measurement");
        }
        return rt;
    }

    private static void row(ResultsTable rt, String finding, String level, String side, String value, String unit, String roi, String kind) {
        rt.incrementCounter();
        rt.addValue("finding", finding);
        rt.addValue("level", level);
        rt.addValue("side", side);
        rt.addValue("value", value);
        rt.addValue("unit", unit == null ? "" : unit);
        rt.addValue("roi", roi == null ? "" : roi);
        rt.addValue("kind", kind);
    }
}
