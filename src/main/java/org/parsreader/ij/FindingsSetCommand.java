package org.parsreader.ij;

import ij.gui.GenericDialog;
import java.io.IOException;
import java.util.Set;
import org.parsreader.findings.Side;

/**
 * Plugins &gt; Pars Reader &gt; Findings Set...: sets one value in a reader's findings of a
 * case and saves (atomically, versioned, audited) before returning.
 *
 * <p>Macro: {@code run("Findings Set...", "case=/data/case-001 reader=R1 finding=pars_defect level=L5 side=left value=complete");}
 * {@code side} is left out (or {@code none}) for segment findings; {@code value} is a choice,
 * choices joined by {@code |}, a number, or yes/no; or, for any finding, {@code na:REASON} (not
 * assessable: {@code na:motion}, {@code na:artefact}, {@code na:not_in_field_of_view}).
 */
public final class FindingsSetCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Findings Set...";
    static final String FINDING = "finding";
    static final String LEVEL = "level";
    static final String SIDE = "side";
    static final String VALUE = "value";
    static final Set<String> KEYS = CaseOptions.keys(FINDING, LEVEL, SIDE, VALUE);
    static final String EXAMPLE = CaseOptions.EXAMPLE + " finding=pars_defect level=L5 side=left value=complete";
    static final String[] SIDES = {"left", "right", "none"};

    /** What to set. {@code side} null for segment findings. */
    public record Request(CaseOptions target, String finding, String level, Side side, String value) {}

    @Override
    public void run(String arg) {
        Commands.runLogged(COMMAND, FindingsSetCommand::parse, FindingsSetCommand::dialog, FindingsSetCommand::process);
    }

    /** Parses macro options; unknown keys and missing required keys are errors naming them. */
    static Request parse(String options) {
        MacroOptions o = MacroOptions.parse(COMMAND, options, KEYS);
        return new Request(CaseOptions.from(COMMAND, o), o.require(COMMAND, FINDING, EXAMPLE), o.require(COMMAND, LEVEL, EXAMPLE),
                Commands.side(o.get(SIDE, "")), o.require(COMMAND, VALUE, EXAMPLE));
    }

    private static Request dialog() {
        Commands.requireDisplay(COMMAND, EXAMPLE);
        GenericDialog gd = new GenericDialog("Pars Reader: Findings Set");
        CaseOptions.addFields(gd);
        addPlace(gd);
        gd.addStringField(VALUE, "", 20);
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        CaseOptions c = CaseOptions.fromDialog(gd);
        return new Request(c, gd.getNextString().trim(), gd.getNextString().trim(), Commands.side(gd.getNextChoice()), gd.getNextString());
    }

    /** finding, level, side fields (shared with Clear and Add ROI). */
    static void addPlace(GenericDialog gd) {
        gd.addStringField(FINDING, "pars_defect", 20);
        gd.addStringField(LEVEL, "L5", 5);
        gd.addChoice(SIDE, SIDES, SIDES[0]);
    }

    /** Sets the value and saves; returns what was done (also the audit log's text). */
    public static String process(Request r) throws IOException {
        String what = "set " + r.finding() + " " + r.level() + Commands.label(r.side()) + " = " + r.value().trim();
        r.target().edit(e -> {
            e.set(r.finding(), r.level(), r.side(), r.value());
            return null;
        }, x -> what);
        return what + " (" + r.target().readerId() + ", " + r.target().caseDir().getFileName() + ")";
    }
}
