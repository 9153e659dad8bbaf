package org.parsreader.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parsreader.dicom.DicomHeaderText;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.ImageJViews;
import org.parsreader.volume.Volume;

/**
 * Plugins &gt; Pars Reader &gt; Open Study...: scan a folder (or a DICOMDIR file: the files it
 * references), show its series as a table, open the chosen stack as a calibrated volume (mm, HU).
 *
 * <p>Macro: {@code run("Open Study...", "folder=/data/case-001 series=#3 [table]");} where
 * {@code series} is a row number of the table ({@code #3}), a SeriesNumber, a
 * SeriesInstanceUID or a stack id, and {@code table} also shows the Study Index table.
 */
public final class OpenStudyCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Open Study...";
    static final String FOLDER = "folder";
    static final String SERIES = "series";
    /** Flag: also show the Study Index table (always shown when choosing in the dialog). */
    static final String TABLE = "table";
    static final Set<String> KEYS = Set.of(FOLDER, SERIES, TABLE);
    /** ImagePlus property holding the {@link Volume} an image shows. */
    public static final String VOLUME_PROPERTY = "ParsReader.Volume";

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            try {
                String macro = Macro.getOptions();
                ImagePlus imp;
                if (macro != null) {
                    MacroOptions o = MacroOptions.parse(COMMAND, macro, KEYS);
                    Path folder = Path.of(o.require(COMMAND, FOLDER, "folder=/data/case-001"));
                    String series = o.require(COMMAND, SERIES, "series=#3 (row of the series table, SeriesNumber or UID)");
                    StudyIndex index = scan(folder, new ImageJProgress());
                    if (o.flag(TABLE) && !GraphicsEnvironment.isHeadless()) showTable(index);
                    imp = open(index, resolve(index, series), new ImageJProgress());
                } else {
                    Commands.requireDisplay(COMMAND, "folder=... series=...");
                    imp = interactive();
                    if (imp == null) return;
                }
                imp.show();
            } finally {
                IJ.showProgress(1.0);
            }
        });
    }

    /** Scans {@code folder} and loads the stack named by {@code series}; no GUI. */
    public static ImagePlus process(Path folder, String series, ProgressListener progress) {
        StudyIndex index = scan(folder, progress);
        return open(index, resolve(index, series), progress);
    }

    private static StudyIndex scan(Path folder, ProgressListener progress) {
        if (!Files.exists(folder)) throw new IllegalArgumentException(COMMAND + ": folder not found: " + folder);
        return StudyScanner.scan(folder, progress);
    }

    static ImagePlus open(StudyIndex index, ImageStack stack, ProgressListener progress) {
        Volume v = VolumeLoader.load(stack, progress);
        ImagePlus imp = ImageJViews.toImagePlus(v, k -> v.slices().get(k).file() == null ? "" : DicomHeaderText.of(v.slices().get(k).file()));
        imp.setProperty("ParsReader.StackId", stack.id());
        imp.setProperty(VOLUME_PROPERTY, v); // the geometry behind the pixels, for ROIs in patient mm
        imp.setProperty("ParsReader.Case", caseFolder(index).toAbsolutePath().toString());
        if (v.invalidSliceCount() > 0) {
            IJ.log("Pars Reader: " + v.invalidSliceCount() + " unreadable slice(s) in " + v.name() + ":");
            for (int k = 0; k < v.depth(); k++) {
                if (!v.isValidSlice(k)) IJ.log("  slice " + (k + 1) + ": " + v.slices().get(k).problem());
            }
        }
        for (String w : v.warnings()) IJ.log("Pars Reader: warning: " + v.name() + ": " + w);
        return imp;
    }

    /** The folder of the case: the scanned folder, or the folder of a DICOMDIR (or single file) scanned. */
    static Path caseFolder(StudyIndex index) {
        Path root = index.root();
        if (!Files.isRegularFile(root)) return root;
        return root.getParent() != null ? root.getParent() : root.toAbsolutePath().getParent();
    }

    /** A stack by table row ("#3"), SeriesNumber, SeriesInstanceUID or stack id. */
    static ImageStack resolve(StudyIndex index, String key) {
        List<ImageStack> stacks = index.stacks();
        if (stacks.isEmpty()) throw new IllegalArgumentException(COMMAND + ": no image series found in " + index.root());
        String k = key.trim();
        if (k.startsWith("#")) {
            String digits = k.substring(1).split("\\D", 2)[0];
            int row = digits.isEmpty() ? -1 : Integer.parseInt(digits);
            if (row < 1 || row > stacks.size()) {
                throw new IllegalArgumentException(COMMAND + ": series '" + key + "' is not a row of the table (1.." + stacks.size() + ")");
            }
            return stacks.get(row - 1);
        }
        return index.findStack(k).orElseThrow(() -> new IllegalArgumentException(
                COMMAND + ": no series '" + key + "' in " + index.root() + "; use a row (#1.." + stacks.size() + "), a SeriesNumber or a UID"));
    }

    private static ImagePlus interactive() {
        GenericDialog gd = new GenericDialog("Pars Reader: Open Study");
        gd.addDirectoryField(FOLDER, IJ.getDirectory("current") == null ? "" : IJ.getDirectory("current"), 40);
        gd.addMessage("A folder of DICOM files (any depth, DICOMDIR optional),\nor a DICOMDIR file: the files it references.");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        Path folder = Path.of(gd.getNextString());
        if (!Files.isDirectory(folder) && !Files.isRegularFile(folder)) {
            throw new IllegalArgumentException(COMMAND + ": neither a folder nor a DICOMDIR file: " + folder);
        }
        StudyIndex index = StudyScanner.scan(folder, new ImageJProgress());
        showTable(index);
        List<ImageStack> stacks = index.stacks();
        if (stacks.isEmpty()) throw new IllegalArgumentException(COMMAND + ": no image series found in " + folder
                + (index.skipped().isEmpty() ? "" : " (" + index.skipped().size() + " file(s) skipped; see the Study Index table)"));
        String[] choices = new String[stacks.size()];
        for (int i = 0; i < choices.length; i++) choices[i] = choiceLabel(i + 1, stacks.get(i));
        GenericDialog pick = new GenericDialog("Pars Reader: Open Series");
        pick.addChoice(SERIES, choices, choices[defaultChoice(stacks)]);
        pick.showDialog();
        if (pick.wasCanceled()) return null;
        return open(index, stacks.get(pick.getNextChoiceIndex()), new ImageJProgress());
    }

    static String choiceLabel(int row, ImageStack s) {
        return String.format(Locale.ROOT, "#%d: %s \"%s\"", row, s.summary(), s.series().description());
    }

    /** The largest non-localizer stack: what a reader most likely wants first. */
    static int defaultChoice(List<ImageStack> stacks) {
        int best = 0;
        for (int i = 1; i < stacks.size(); i++) {
            if (stacks.get(best).localizer() || !stacks.get(i).localizer() && stacks.get(i).size() > stacks.get(best).size()) best = i;
        }
        return best;
    }

    static ResultsTable table(StudyIndex index) {
        ResultsTable rt = new ResultsTable();
        int row = 0;
        for (ImageStack s : index.stacks()) {
            rt.incrementCounter();
            rt.addValue("Row", "#" + (++row));
            rt.addValue("Series", String.valueOf(s.series().number()));
            rt.addValue("Modality", s.modality());
            rt.addValue("Description", s.series().description());
            rt.addValue("Orientation", s.orientation().label());
            rt.addValue("Sequence", "MR".equals(s.modality()) ? s.sequence().sequenceClass().label() : "");
            rt.addValue("Slices", String.valueOf(s.size()));
            rt.addValue("Matrix", s.columns() + "x" + s.rows());
            rt.addValue("Spacing mm", Double.isNaN(s.sliceSpacing()) ? "" : String.format(Locale.ROOT, "%.2f", s.sliceSpacing()));
            rt.addValue("Tilt deg", String.format(Locale.ROOT, "%.1f", s.geometricTiltDeg()));
            rt.addValue("CTDIvol mGy", Double.isNaN(s.ctdiVol()) ? "" : String.format(Locale.ROOT, "%.2f", s.ctdiVol()));
            rt.addValue("Warnings", String.join("; ", s.warnings()));
        }
        for (StudyIndex.SkippedFile f : index.skipped()) {
            rt.incrementCounter();
            for (String column : new String[] {"Series", "Modality", "Orientation", "Sequence", "Slices", "Matrix",
                "Spacing mm", "Tilt deg", "CTDIvol mGy"}) {
                rt.addValue(column, "");
            }
            rt.addValue("Row", "skipped");
            Path folder = caseFolder(index);
            Path shown = f.file().startsWith(folder) ? folder.relativize(f.file()) : f.file();
            rt.addValue("Description", shown.toString());
            rt.addValue("Warnings", f.reason());
        }
        return rt;
    }

    private static void showTable(StudyIndex index) {
        table(index).show("Study Index: " + index.root().getFileName());
    }
}
