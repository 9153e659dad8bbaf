package org.parsreader.ij;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parsreader.findings.FindingsCsv;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsException;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.FindingsValidator;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.util.OutputFiles;

/**
 * Plugins &gt; Pars Reader &gt; Findings Export CSV...: every {@code *.findings.json} beneath a
 * folder (one case or a folder of cases) as one CSV, one row per value and measurement
 * (pseudonyms only; identity columns with {@code include_identity}). A file that cannot be
 * read, is not valid against its template, or uses another template than the first is skipped
 * and named in the Log; the others are exported. The CSV is written whole or not at all.
 *
 * <p>Macro: {@code run("Findings Export CSV...", "folder=/data/cases out=/data/findings.csv");}
 */
public final class FindingsExportCsvCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Findings Export CSV...";
    static final String FOLDER = "folder";
    static final String OUT = "out";
    static final String INCLUDE_IDENTITY = "include_identity";
    static final Set<String> KEYS = Set.of(FOLDER, OUT, INCLUDE_IDENTITY);
    static final String EXAMPLE = "folder=/data/cases out=/data/findings.csv [include_identity]";

    /** What was written, and the files skipped with the reason. */
    public record Exported(Path out, int files, List<String> skipped) {}

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            String macro = Macro.getOptions();
            Path folder;
            Path out;
            boolean identity;
            if (macro != null) {
                MacroOptions o = MacroOptions.parse(COMMAND, macro, KEYS);
                folder = Path.of(o.require(COMMAND, FOLDER, EXAMPLE));
                out = Path.of(o.require(COMMAND, OUT, EXAMPLE));
                identity = o.flag(INCLUDE_IDENTITY);
            } else {
                Commands.requireDisplay(COMMAND, EXAMPLE);
                GenericDialog gd = new GenericDialog("Pars Reader: Findings Export CSV");
                gd.addDirectoryField(FOLDER, CaseOptions.currentCase(), 40);
                gd.addFileField(OUT, "findings.csv", 40);
                gd.addCheckbox(INCLUDE_IDENTITY, false);
                gd.addMessage("include_identity: patient ID, name and birth date where findings files kept them");
                gd.showDialog();
                if (gd.wasCanceled()) return;
                folder = Path.of(gd.getNextString().trim());
                out = Path.of(gd.getNextString().trim());
                identity = gd.getNextBoolean();
            }
            Exported e = process(folder, out, identity);
            for (String s : e.skipped()) IJ.log("Pars Reader: skipped " + s);
            IJ.log("Pars Reader: " + e.files() + " findings file(s) exported to " + e.out()
                    + (e.skipped().isEmpty() ? "" : "; " + e.skipped().size() + " skipped (above)"));
        });
    }

    public static Exported process(Path folder, Path out, boolean includeIdentity) throws IOException {
        List<FindingsDocument> docs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        ReadingTemplate template = null;
        for (Path f : StoredFindings.files(folder)) {
            // one bad file does not stop the export: it is named, the others are exported (as findings export-csv does)
            try {
                FindingsDocument d = FindingsJson.readFile(f);
                ReadingTemplate t = StoredFindings.template(d, null);
                List<FindingsValidator.Problem> problems = FindingsValidator.validate(d, t);
                if (!problems.isEmpty()) {
                    skipped.add(f + ": invalid findings: " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
                } else if (template != null && !template.id().equals(t.id())) {
                    skipped.add(f + ": uses template " + t.id() + ", the files before it " + template.id() + "; export them separately");
                } else {
                    template = t;
                    docs.add(d);
                }
            } catch (FindingsException | IllegalArgumentException | IOException e) {
                String m = String.valueOf(e.getMessage());
                skipped.add(m.contains(f.toString()) ? m : f + ": " + m);
            }
        }
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("no valid *.findings.json in " + folder + (skipped.isEmpty() ? "" : " (" + skipped.size() + " left out)"));
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) OutputFiles.createDirectories(parent);
        ReadingTemplate t = template;
        OutputFiles.writeText(out, w -> FindingsCsv.write(docs, t, w, includeIdentity));
        return new Exported(out, docs.size(), skipped);
    }
}
