package org.parsreader.ij;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parsreader.findings.FindingsCsv;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsException;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;

/**
 * Plugins &gt; Pars Reader &gt; Findings Export CSV...: every {@code *.findings.json} beneath a
 * folder (one case or a folder of cases) as one CSV, one row per value and measurement
 * (pseudonyms only; identity columns with {@code include_identity}). A file that cannot be
 * read is skipped and named in the Log; the others are exported.
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
            FindingsDocument d;
            try {
                d = FindingsJson.readFile(f);
            } catch (FindingsException | IOException e) {
                skipped.add(f + ": " + e.getMessage()); // one bad file does not stop the export
                continue;
            }
            ReadingTemplate t = StoredFindings.template(d, null);
            if (template != null && !template.id().equals(t.id())) {
                throw new IllegalArgumentException(f + " uses template " + t.id() + ", the files before it " + template.id() + "; export them separately");
            }
            template = t;
            docs.add(d);
        }
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("no readable *.findings.json in " + folder + (skipped.isEmpty() ? "" : " (" + skipped.size() + " unreadable)"));
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            FindingsCsv.write(docs, template, w, includeIdentity);
        }
        return new Exported(out, docs.size(), skipped);
    }
}
