package org.parsreader.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.FindingsDocument.RoiType;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.RoiGeometry;
import org.parsreader.findings.Side;
import org.parsreader.volume.Volume;

/**
 * Plugins &gt; Pars Reader &gt; Findings Add ROI...: stores the selection on the current image
 * (opened by Open Study) as an ROI of a finding, in patient mm (see {@link ImageRois} for the
 * pixel convention), with a line-length measurement for a line on a finding measured in mm and
 * a mean-signal measurement for a polygon on a numeric finding. Logs the new ROI id; a macro
 * reads it with {@code call("org.parsreader.ij.FindingsMacro.lastRoi")}.
 *
 * <p>Macro: {@code makeLine(60, 70, 63, 70); run("Findings Add ROI...", "case=/data/case-001 reader=R1 finding=gap_width_mm level=L5 side=left");}
 */
public final class FindingsAddRoiCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Findings Add ROI...";
    /** What the ROI marks, for contrast_compartments: the compartment (pars_defect, caudal_facet ...). */
    static final String LABEL = "label";
    static final Set<String> KEYS = CaseOptions.keys(FindingsSetCommand.FINDING, FindingsSetCommand.LEVEL, FindingsSetCommand.SIDE, LABEL);
    static final String EXAMPLE = CaseOptions.EXAMPLE + " finding=gap_width_mm level=L5 side=left";

    public record Request(CaseOptions target, String finding, String level, Side side, String label) {
        public Request(CaseOptions target, String finding, String level, Side side) {
            this(target, finding, level, side, null);
        }
    }

    /** The stored ROI's id and type, and the measurement derived from it (null if none). */
    public record Added(String roiId, RoiType type, int slice, Measurement measurement) {
        String describe() {
            return "added " + roiId + " (" + type.label() + " on slice " + slice + ")"
                    + (measurement == null ? "" : String.format(Locale.ROOT, ", %s = %.3f %s", measurement.provenance().method(),
                    measurement.value(), measurement.unit()));
        }
    }

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            ImagePlus imp = WindowManager.getCurrentImage();
            Request r = Commands.request(COMMAND, EXAMPLE, FindingsAddRoiCommand::parse, () -> {
                ImageRois.volume(imp); // before the dialog: say at once when the image cannot take ROIs
                return dialog();
            });
            if (r == null) return;
            Added a = process(r, imp);
            FindingsMacro.rememberRoi(a.roiId());
            IJ.log("Pars Reader: " + a.describe() + " for " + r.finding() + " " + r.level() + Commands.label(r.side())
                    + " (" + r.target().readerId() + ", " + r.target().caseDir().getFileName() + ")");
        });
    }

    static Request parse(String options) {
        MacroOptions o = MacroOptions.parse(COMMAND, options, KEYS);
        String label = o.get(LABEL, "").trim();
        return new Request(CaseOptions.from(COMMAND, o), o.require(COMMAND, FindingsSetCommand.FINDING, EXAMPLE),
                o.require(COMMAND, FindingsSetCommand.LEVEL, EXAMPLE), Commands.side(o.get(FindingsSetCommand.SIDE, "")),
                label.isEmpty() ? null : label);
    }

    private static Request dialog() {
        Commands.requireDisplay(COMMAND, EXAMPLE);
        GenericDialog gd = new GenericDialog("Pars Reader: Findings Add ROI");
        CaseOptions.addFields(gd);
        FindingsSetCommand.addPlace(gd);
        gd.addStringField(LABEL, "", 20);
        gd.addMessage("label: for contrast_compartments, the compartment the ROI marks (e.g. pars_defect, caudal_facet)");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        CaseOptions c = CaseOptions.fromDialog(gd);
        String finding = gd.getNextString().trim();
        String level = gd.getNextString().trim();
        Side side = Commands.side(gd.getNextChoice());
        String label = gd.getNextString().trim();
        return new Request(c, finding, level, side, label.isEmpty() ? null : label);
    }

    /** Stores the selection of {@code imp} (an image from Open Study) and its measurement; saves. */
    public static Added process(Request r, ImagePlus imp) throws IOException {
        Volume v = ImageRois.volume(imp);
        Roi selection = imp.getRoi();
        if (selection == null) throw new IllegalArgumentException("no selection on '" + imp.getTitle() + "'; draw a straight line, a polygon or a point first");
        int slice = ImageRois.slice(imp, selection);
        FindingsDocument.Roi drawn = ImageRois.toFindingsRoi(selection, slice, v, r.finding(), r.level(), r.side());
        FindingsDocument.Roi roi = r.label() == null ? drawn : new FindingsDocument.Roi(drawn.id(), drawn.type(), drawn.finding(), drawn.level(),
                drawn.side(), drawn.points(), drawn.frameOfReferenceUid(), drawn.seriesInstanceUid(), drawn.sopInstanceUids(), drawn.mask(), r.label());
        ReadingTemplate.FindingType type = r.target().template().finding(r.finding()).orElse(null);
        return r.target().edit(e -> {
            String id = e.addRoi(roi);
            FindingsDocument.Roi stored = e.document().rois().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            Measurement m = measurement(stored, type, v);
            if (m != null) e.putMeasurement(m);
            return new Added(id, roi.type(), slice, m);
        }, a -> "add " + a.describe() + " for " + r.finding() + " " + r.level() + Commands.label(r.side()) + " on series " + v.seriesInstanceUid());
    }

    /** Line on a finding in mm: its length; polygon on a numeric finding: the mean in the finding's unit; else none. */
    static Measurement measurement(FindingsDocument.Roi roi, ReadingTemplate.FindingType type, Volume v) {
        if (type == null) return null;
        Instant now = Instant.now();
        if (roi.type() == RoiType.LINE && "mm".equals(type.unit())) return RoiGeometry.lengthMeasurement(roi, Commands.SOFTWARE, now);
        if (roi.type() == RoiType.POLYGON && type.type() == ReadingTemplate.ValueType.NUMBER) {
            return RoiGeometry.meanMeasurement(roi, v, type.unit() != null ? type.unit() : v.unit(), Commands.SOFTWARE, now);
        }
        return null;
    }
}
