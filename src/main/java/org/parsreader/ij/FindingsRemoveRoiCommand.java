package org.parsreader.ij;

import ij.gui.GenericDialog;
import java.io.IOException;
import java.util.Set;

/**
 * Plugins &gt; Pars Reader &gt; Findings Remove ROI...: removes an ROI, its links from values and
 * the measurements derived from it, and saves.
 *
 * <p>Macro: {@code run("Findings Remove ROI...", "case=/data/case-001 reader=R1 roi=roi-3");}
 */
public final class FindingsRemoveRoiCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Findings Remove ROI...";
    static final String ROI = "roi";
    static final Set<String> KEYS = CaseOptions.keys(ROI);
    static final String EXAMPLE = CaseOptions.EXAMPLE + " roi=roi-3";

    public record Request(CaseOptions target, String roi) {}

    @Override
    public void run(String arg) {
        Commands.runLogged(COMMAND, FindingsRemoveRoiCommand::parse, FindingsRemoveRoiCommand::dialog, FindingsRemoveRoiCommand::process);
    }

    static Request parse(String options) {
        MacroOptions o = MacroOptions.parse(COMMAND, options, KEYS);
        return new Request(CaseOptions.from(COMMAND, o), o.require(COMMAND, ROI, EXAMPLE).trim());
    }

    private static Request dialog() {
        Commands.requireDisplay(COMMAND, EXAMPLE);
        GenericDialog gd = new GenericDialog("Pars Reader: Findings Remove ROI");
        CaseOptions.addFields(gd);
        gd.addStringField(ROI, FindingsMacro.lastRoi(), 10);
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        CaseOptions c = CaseOptions.fromDialog(gd);
        return new Request(c, gd.getNextString().trim());
    }

    public static String process(Request r) throws IOException {
        String what = "remove " + r.roi();
        r.target().edit(e -> {
            e.removeRoi(r.roi());
            return null;
        }, x -> what);
        return what + " (" + r.target().readerId() + ", " + r.target().caseDir().getFileName() + ")";
    }
}
