package org.parsreader.ij;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsValidator;

/**
 * Plugins &gt; Pars Reader &gt; Findings Validate...: checks a reader's findings against the
 * reading template; writes each problem ({@code field: message}) to the Log, or "ok". Invalid
 * findings are a result, not an error: the macro goes on (read the outcome with
 * {@code call("org.parsreader.ij.FindingsMacro.validate", case, reader)}).
 *
 * <p>Macro: {@code run("Findings Validate...", "case=/data/case-001 reader=R1");}
 */
public final class FindingsValidateCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Findings Validate...";
    static final Set<String> KEYS = Set.of(CaseOptions.CASE, CaseOptions.READER, CaseOptions.TEMPLATE);
    static final String EXAMPLE = CaseOptions.EXAMPLE;

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            String macro = Macro.getOptions();
            Path caseDir;
            String reader;
            String template;
            if (macro != null) {
                MacroOptions o = MacroOptions.parse(COMMAND, macro, KEYS);
                caseDir = Path.of(o.require(COMMAND, CaseOptions.CASE, EXAMPLE));
                reader = o.require(COMMAND, CaseOptions.READER, EXAMPLE);
                template = o.get(CaseOptions.TEMPLATE, "");
            } else {
                Commands.requireDisplay(COMMAND, EXAMPLE);
                GenericDialog gd = new GenericDialog("Pars Reader: Findings Validate");
                gd.addDirectoryField(CaseOptions.CASE, CaseOptions.currentCase(), 40);
                gd.addStringField(CaseOptions.READER, "R1", 10);
                gd.addStringField(CaseOptions.TEMPLATE, "", 20);
                gd.addMessage("template: empty = the one the findings name");
                gd.showDialog();
                if (gd.wasCanceled()) return;
                caseDir = Path.of(gd.getNextString().trim());
                reader = gd.getNextString().trim();
                template = gd.getNextString().trim();
            }
            List<String> lines = process(caseDir, reader, template);
            for (String line : lines) IJ.log(line);
        });
    }

    /** Log lines: a heading with "ok" or the problem count, then one line per problem. */
    public static List<String> process(Path caseDir, String reader, String template) throws IOException {
        FindingsDocument d = StoredFindings.read(caseDir, reader);
        List<FindingsValidator.Problem> problems = problems(d, template);
        String head = "Pars Reader: findings of " + reader + " in " + caseDir.getFileName() + ": ";
        List<String> out = new ArrayList<>();
        if (problems.isEmpty()) {
            out.add(head + "ok (" + d.values().size() + " values, " + d.rois().size() + " ROIs, " + d.measurements().size() + " measurements)");
        } else {
            out.add(head + problems.size() + " problem(s)");
            for (FindingsValidator.Problem p : problems) out.add("  " + p);
        }
        return out;
    }

    static List<FindingsValidator.Problem> problems(FindingsDocument d, String template) {
        return FindingsValidator.validate(d, StoredFindings.template(d, template == null || template.isBlank() ? null : CaseOptions.template(template)));
    }
}
