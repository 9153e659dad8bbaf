package org.parsreader.ij;

import ij.IJ;
import ij.gui.GenericDialog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parsreader.findings.FindingsMigrator;

/**
 * Plugins &gt; Pars Reader &gt; Findings Migrate...: the findings files of a case (or of a folder of
 * cases) to the current version of their reading template, as {@code findings migrate} does: one
 * Log line per file, then a summary. Frozen reads are left unless {@code include-frozen} and
 * {@code who} are given; files left are a result in the Log, not an error.
 *
 * <p>Macro: {@code run("Findings Migrate...", "path=/data/cases dry-run");}
 * {@code run("Findings Migrate...", "path=/data/cases include-frozen who=lead");}
 */
public final class FindingsMigrateCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Findings Migrate...";
    static final String PATH = "path";
    static final String DRY_RUN = "dry-run";
    static final String INCLUDE_FROZEN = "include-frozen";
    static final String WHO = "who";
    static final Set<String> KEYS = Set.of(PATH, DRY_RUN, INCLUDE_FROZEN, WHO);
    static final String EXAMPLE = "path=/data/cases dry-run";

    record Request(Path path, boolean dryRun, boolean includeFrozen, String who) {}

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            Request r = Commands.request(COMMAND, EXAMPLE, FindingsMigrateCommand::parse, FindingsMigrateCommand::dialog);
            if (r == null) return;
            for (String line : process(r)) IJ.log(line);
        });
    }

    static Request parse(String options) {
        MacroOptions o = MacroOptions.parse(COMMAND, options, KEYS);
        String who = o.get(WHO, "").trim();
        return new Request(Path.of(o.require(COMMAND, PATH, EXAMPLE)), o.flag(DRY_RUN), o.flag(INCLUDE_FROZEN), who.isEmpty() ? null : who);
    }

    private static Request dialog() {
        GenericDialog gd = new GenericDialog("Pars Reader: Findings Migrate");
        gd.addDirectoryField(PATH, CaseOptions.currentCase(), 40);
        gd.addCheckbox("dry run (write nothing)", true);
        gd.addCheckbox("include frozen reads (study lead)", false);
        gd.addStringField(WHO, System.getProperty("user.name", ""), 15);
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        Path p = Path.of(gd.getNextString().trim());
        boolean dry = gd.getNextBoolean();
        boolean frozen = gd.getNextBoolean();
        String who = gd.getNextString().trim();
        return new Request(p, dry, frozen, who.isEmpty() ? null : who);
    }

    /** Log lines: one per file, then the summary. */
    static List<String> process(Request r) throws IOException {
        if (r.includeFrozen() && r.who() == null) {
            throw new IllegalArgumentException(COMMAND + ": include-frozen changes frozen reads: say who does it with who=NAME (it goes to the audit log)");
        }
        String by = (r.who() == null ? System.getProperty("user.name", "imagej") : r.who()) + " (Findings Migrate)";
        List<FindingsMigrator.Outcome> outcomes = FindingsMigrator.run(List.of(r.path()), new FindingsMigrator.Options(r.dryRun(), r.includeFrozen(), by));
        if (outcomes.isEmpty()) throw new IllegalArgumentException(COMMAND + ": no *.findings.json files in " + r.path());
        List<String> out = new ArrayList<>();
        for (FindingsMigrator.Outcome o : outcomes) out.add("Pars Reader: " + o);
        long left = outcomes.stream().filter(o -> !o.ok()).count();
        out.add("Pars Reader: " + outcomes.size() + " findings file(s), " + left + " not migrated" + (r.dryRun() ? " (dry run: nothing written)" : ""));
        return out;
    }
}
