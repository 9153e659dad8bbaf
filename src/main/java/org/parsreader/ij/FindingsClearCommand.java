package org.parsreader.ij;

import ij.gui.GenericDialog;
import java.io.IOException;
import java.util.Set;
import org.parsreader.findings.Side;

/**
 * Plugins &gt; Pars Reader &gt; Findings Clear...: removes one value from a reader's findings
 * and saves. Clearing a value that is not set changes nothing.
 *
 * <p>Macro: {@code run("Findings Clear...", "case=/data/case-001 reader=R1 finding=pars_defect level=L5 side=left");}
 */
public final class FindingsClearCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Findings Clear...";
    static final Set<String> KEYS = CaseOptions.keys(FindingsSetCommand.FINDING, FindingsSetCommand.LEVEL, FindingsSetCommand.SIDE);
    static final String EXAMPLE = CaseOptions.EXAMPLE + " finding=pars_defect level=L5 side=left";

    public record Request(CaseOptions target, String finding, String level, Side side) {}

    @Override
    public void run(String arg) {
        Commands.runLogged(COMMAND, FindingsClearCommand::parse, FindingsClearCommand::dialog, FindingsClearCommand::process);
    }

    static Request parse(String options) {
        MacroOptions o = MacroOptions.parse(COMMAND, options, KEYS);
        return new Request(CaseOptions.from(COMMAND, o), o.require(COMMAND, FindingsSetCommand.FINDING, EXAMPLE),
                o.require(COMMAND, FindingsSetCommand.LEVEL, EXAMPLE), Commands.side(o.get(FindingsSetCommand.SIDE, "")));
    }

    private static Request dialog() {
        Commands.requireDisplay(COMMAND, EXAMPLE);
        GenericDialog gd = new GenericDialog("Pars Reader: Findings Clear");
        CaseOptions.addFields(gd);
        FindingsSetCommand.addPlace(gd);
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        CaseOptions c = CaseOptions.fromDialog(gd);
        return new Request(c, gd.getNextString().trim(), gd.getNextString().trim(), Commands.side(gd.getNextChoice()));
    }

    /** Clears the value and saves; returns what was done. */
    public static String process(Request r) throws IOException {
        String place = r.finding() + " " + r.level() + Commands.label(r.side());
        boolean wasSet = r.target().edit(e -> {
            boolean set = e.get(r.finding(), r.level(), r.side()).isPresent();
            e.clear(r.finding(), r.level(), r.side());
            return set;
        }, x -> "clear " + place);
        return (wasSet ? "cleared " : "not set, nothing to clear: ") + place + " (" + r.target().readerId() + ", "
                + r.target().caseDir().getFileName() + ")";
    }
}
