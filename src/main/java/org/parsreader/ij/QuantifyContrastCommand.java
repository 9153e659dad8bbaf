package org.parsreader.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.FloatPolygon;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.quant.CompartmentOverlap;
import org.parsreader.quant.ContrastFindings;
import org.parsreader.quant.ContrastParameters;
import org.parsreader.quant.ContrastResult;
import org.parsreader.quant.ContrastSegmenter;
import org.parsreader.quant.QuantException;
import org.parsreader.volume.Volume;

/**
 * Plugins &gt; Pars Reader &gt; Quantify Contrast...: segments the injected contrast on the current
 * image (a post-contrast CT opened by Open Study) from a seed, optionally subtracting a
 * pre-contrast baseline series of the same case (the needle check), shows the region as an
 * overlay on the image, adds the measures as a row of the Results table "Contrast" and, with
 * {@code record}, stores the region and its volume (with provenance) in the reader's findings;
 * with {@code compartments} also the compartments reached, from the reader's compartment ROIs.
 * With {@code mask} the region opens as a binary stack on the CT's grid and calibration (255 =
 * contrast; Analyze tools, 3D Viewer and File &gt; Save As work on it), with {@code project} also
 * as ImageJ's 3D projection (brightest point, rotating about the vertical axis).
 * Every segmentation parameter ({@link ContrastParameters#KEYS}) is a macro option and a dialog
 * field (labels are the keys, so the recorder records them), and is stored with every result.
 *
 * <p>Macro: {@code run("Quantify Contrast...", "seed=16.5,52,-499.5 baseline=[#3] overlay=outline colour=yellow");}
 * or {@code seed=roi} for the point (or the centre of the area selection) on the image;
 * {@code record case=/data/case-001 reader=R1 level=L5 side=left [compartments]} to store it;
 * {@code cortex_mm=2.5 min_enhancement_hu=200 ...} to change a parameter; {@code mask project}.
 */
public final class QuantifyContrastCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Quantify Contrast...";
    static final String SEED = "seed";
    static final String BASELINE = "baseline";
    static final String TIP = "tip";
    static final String RECORD = "record";
    static final String COMPARTMENTS = "compartments";
    static final String OVERLAY = "overlay";
    static final String COLOUR = "colour";
    static final String SEED_ROI = "roi";
    static final String MASK = "mask";
    static final String PROJECT = "project";
    static final String TABLE = "Contrast";
    static final Set<String> KEYS = keys();
    static final String EXAMPLE = "seed=16.5,52,-499.5 (or seed=roi) baseline=[#3]; to store: record case=/data/case-001 reader=R1 level=L5 side=left";
    static final String[] OVERLAYS = {"outline", "filled", "none"};

    /**
     * @param seed     patient mm, or null to take the selection on the image
     * @param baseline a series of the case (row "#3", SeriesNumber or UID), or null for the threshold mode
     * @param caseDir  the case the baseline is read from (and findings stored in)
     * @param target   where to record, or null not to record
     * @param overlay  null for no overlay
     */
    public record Request(double[] seed, String baseline, double[] tip, Path caseDir, CaseOptions target, String level, Side side,
                          boolean compartments, ContrastOverlay.Style overlay, Color colour, ContrastParameters parameters, boolean mask,
                          boolean project) {}

    private static Set<String> keys() {
        java.util.List<String> k = new java.util.ArrayList<>(List.of(SEED, BASELINE, TIP, FindingsSetCommand.LEVEL, FindingsSetCommand.SIDE, RECORD,
                COMPARTMENTS, OVERLAY, COLOUR, MASK, PROJECT));
        k.addAll(ContrastParameters.KEYS);
        return CaseOptions.keys(k.toArray(new String[0]));
    }

    /** The result, the baseline volume used (or null), and the stored ROI id and compartment overlap when recorded. */
    public record Outcome(ContrastResult result, Volume post, Volume baseline, String roiId, CompartmentOverlap overlap) {}

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            ImagePlus imp = WindowManager.getCurrentImage();
            Request r = Commands.request(COMMAND, EXAMPLE, macro -> parse(macro, currentCase(imp)), () -> {
                ImageRois.volume(imp); // before the dialog: say at once when the image cannot take ROIs
                return dialog(currentCase(imp));
            });
            if (r == null) return;
            Outcome o;
            try {
                o = process(r, imp);
            } catch (QuantException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            if (r.overlay() != null) imp.setOverlay(ContrastOverlay.of(o.result().mask(), r.overlay(), r.colour()));
            addRow(o, imp.getTitle()).show(TABLE);
            if (r.mask() || r.project()) {
                ImagePlus mask = ContrastOverlay.maskStack(o.result().mask(), imp);
                if (r.mask()) mask.show();
                // ImageJ's 3D Project opens windows and dialogs: without a display the projection is left out, said, not an error
                if (r.project() && java.awt.GraphicsEnvironment.isHeadless()) IJ.log("Pars Reader: contrast: project needs a display; no 3D projection headless");
                else if (r.project()) ContrastOverlay.project(mask).show();
            }
            for (String w : o.result().warnings()) IJ.log("Pars Reader: contrast: " + w);
            if (o.roiId() != null) {
                FindingsMacro.rememberRoi(o.roiId());
                IJ.log("Pars Reader: stored contrast region " + o.roiId() + " and contrast_volume_ml for " + r.level() + Commands.label(r.side())
                        + (o.overlap() == null ? "" : ", compartments reached: " + String.join("|", o.overlap().reached()))
                        + " (" + r.target().readerId() + ", " + r.target().caseDir().getFileName() + ")");
            }
        });
    }

    static String currentCase(ImagePlus imp) {
        Object c = imp == null ? null : imp.getProperty(CaseOptions.CASE_PROPERTY);
        return c == null ? "" : c.toString();
    }

    static Request parse(String options, String imageCase) {
        MacroOptions o = MacroOptions.parse(COMMAND, options, KEYS);
        String seedText = o.require(COMMAND, SEED, EXAMPLE);
        double[] seed = seedText.equalsIgnoreCase(SEED_ROI) ? null : point(SEED, seedText);
        String tipText = o.get(TIP, "");
        String caseText = o.get(CaseOptions.CASE, imageCase);
        boolean record = o.flag(RECORD);
        String baseline = o.get(BASELINE, "");
        if ((record || !baseline.isEmpty()) && caseText.isEmpty()) {
            throw new IllegalArgumentException(COMMAND + ": option 'case' is required (the image was not opened by Open Study), e.g. case=/data/case-001");
        }
        Path caseDir = caseText.isEmpty() ? null : Path.of(caseText);
        CaseOptions target = null;
        String level = o.get(FindingsSetCommand.LEVEL, "");
        Side side = Commands.side(o.get(FindingsSetCommand.SIDE, ""));
        if (record) {
            String role = o.get(CaseOptions.ROLE, "");
            target = new CaseOptions(caseDir, o.require(COMMAND, CaseOptions.READER, EXAMPLE), role.isEmpty() ? null : Role.parse(role),
                    CaseOptions.template(o.get(CaseOptions.TEMPLATE, "")), CaseOptions.pathOrNull(o.get(CaseOptions.PSEUDONYMS, "")),
                    o.get(CaseOptions.WHO, null));
            level = o.require(COMMAND, FindingsSetCommand.LEVEL, EXAMPLE);
            if (side == null) throw new IllegalArgumentException(COMMAND + ": option 'side' (left or right) is required with record: the side of the injection");
        } else if (o.flag(COMPARTMENTS)) {
            throw new IllegalArgumentException(COMMAND + ": 'compartments' needs 'record' (the compartment ROIs are read from the reader's findings)");
        }
        String overlay = o.get(OVERLAY, "outline");
        return new Request(seed, baseline.isEmpty() ? null : baseline, tipText.isEmpty() ? null : point(TIP, tipText), caseDir, target,
                level.isEmpty() ? null : level, side, o.flag(COMPARTMENTS),
                overlay.equalsIgnoreCase("none") ? null : ContrastOverlay.style(overlay), ContrastOverlay.colour(o.get(COLOUR, "yellow")),
                parameters(o), o.flag(MASK), o.flag(PROJECT));
    }

    /** The segmentation parameters from the options: each key a number; the defaults for the rest. */
    static ContrastParameters parameters(MacroOptions o) {
        Map<String, Double> changes = new java.util.LinkedHashMap<>();
        for (String key : ContrastParameters.KEYS) {
            if (!o.flag(key)) continue;
            String text = o.get(key, "").trim();
            try {
                Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(COMMAND + ": option '" + key + "' must be a number, not '" + text + "' (default "
                        + ContrastParameters.DEFAULTS.asMap().get(key) + ", range " + ContrastParameters.range(key).text() + ")");
            }
            try {
                changes.put(key, ContrastParameters.parse(key, text));
            } catch (QuantException e) {
                throw new IllegalArgumentException(COMMAND + ": option '" + key + "': " + e.getMessage(), e);
            }
        }
        try {
            return ContrastParameters.DEFAULTS.with(changes);
        } catch (QuantException e) {
            throw new IllegalArgumentException(COMMAND + ": " + e.getMessage(), e);
        }
    }

    private static Request dialog(String imageCase) {
        GenericDialog gd = new GenericDialog("Pars Reader: Quantify Contrast");
        gd.addStringField(SEED, SEED_ROI, 25);
        gd.addMessage("seed: x,y,z in patient mm, or 'roi' for the point on the image");
        gd.addStringField(BASELINE, "", 25);
        gd.addMessage("baseline: pre-contrast series of the case (#row, number or UID); empty = HU threshold");
        gd.addDirectoryField(CaseOptions.CASE, imageCase, 40);
        gd.addStringField(CaseOptions.READER, "R1", 10);
        gd.addStringField(FindingsSetCommand.LEVEL, "L5", 5);
        gd.addChoice(FindingsSetCommand.SIDE, FindingsSetCommand.SIDES, FindingsSetCommand.SIDES[0]);
        gd.addCheckbox(RECORD + " in the reader's findings", false);
        gd.addCheckbox(COMPARTMENTS + " reached (from the reader's compartment ROIs)", false);
        gd.addChoice(OVERLAY, OVERLAYS, OVERLAYS[0]);
        gd.addStringField(COLOUR, "yellow", 10);
        gd.addCheckbox(MASK + " as a binary stack (the CT's grid and calibration)", false);
        gd.addCheckbox(PROJECT + " the mask in 3D (rotating projection)", false);
        gd.addMessage("Segmentation parameters (defaults shown; stored with the result):");
        double[] defaults = ContrastParameters.DEFAULTS.values();
        for (int n = 0; n < defaults.length; n++) gd.addNumericField(ContrastParameters.KEYS.get(n), defaults[n], 1);
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        StringBuilder b = new StringBuilder();
        b.append(SEED).append("=[").append(gd.getNextString().trim()).append("] ");
        String baseline = gd.getNextString().trim();
        if (!baseline.isEmpty()) b.append(BASELINE).append("=[").append(baseline).append("] ");
        String caseDir = gd.getNextString().trim();
        if (!caseDir.isEmpty()) b.append(CaseOptions.CASE).append("=[").append(caseDir).append("] ");
        b.append(CaseOptions.READER).append("=[").append(gd.getNextString().trim()).append("] ");
        b.append(FindingsSetCommand.LEVEL).append("=[").append(gd.getNextString().trim()).append("] ");
        b.append(FindingsSetCommand.SIDE).append("=").append(gd.getNextChoice()).append(' ');
        if (gd.getNextBoolean()) b.append(RECORD).append(' ');
        if (gd.getNextBoolean()) b.append(COMPARTMENTS).append(' ');
        b.append(OVERLAY).append("=").append(gd.getNextChoice()).append(' ');
        b.append(COLOUR).append("=[").append(gd.getNextString().trim()).append("]");
        if (gd.getNextBoolean()) b.append(' ').append(MASK);
        if (gd.getNextBoolean()) b.append(' ').append(PROJECT);
        for (String key : ContrastParameters.KEYS) {
            double v = gd.getNextNumber();
            if (Double.isNaN(v)) throw new IllegalArgumentException(COMMAND + ": " + key + " must be a number");
            b.append(' ').append(key).append('=').append(v);
        }
        return parse(b.toString(), imageCase); // one parser: the dialog checks exactly what a macro would
    }

    /** Segments on the image's volume, records when asked; the caller shows the result. */
    public static Outcome process(Request r, ImagePlus imp) throws IOException {
        Volume post = ImageRois.volume(imp);
        double[] seed = r.seed() != null ? r.seed() : seedFromSelection(imp, post);
        Volume baseline = r.baseline() == null ? null
                : VolumeLoader.load(OpenStudyCommand.resolve(StudyScanner.scan(Objects.requireNonNull(r.caseDir())), r.baseline()));
        ContrastResult res = ContrastSegmenter.segment(post, baseline, seed, r.tip(), r.parameters());
        if (r.target() == null) return new Outcome(res, post, baseline, null, null);
        Instant now = Instant.now();
        return r.target().edit(e -> {
            ContrastFindings.Recorded rec;
            try {
                rec = ContrastFindings.recordWithCompartments(e, res, post, r.level(), r.side(), r.compartments(), Commands.SOFTWARE, now);
            } catch (QuantException x) {
                throw new IllegalArgumentException(COMMAND + ": " + x.getMessage() + (r.compartments()
                        ? " with Findings Add ROI (finding=" + CompartmentOverlap.FINDING + " label=pars_defect ...)" : ""), x);
            }
            return new Outcome(res, post, baseline, rec.roiId(), rec.overlap());
        }, o -> String.format(Locale.ROOT, "quantify contrast %s %s on series %s: %.4f mL", r.level(), r.side().label(), post.seriesInstanceUid(),
                o.result().volumeMl()));
    }

    /** The point selection, or the centre of an area selection, on its slice, in patient mm. */
    static double[] seedFromSelection(ImagePlus imp, Volume v) {
        Roi roi = imp.getRoi();
        if (roi == null) throw new IllegalArgumentException(COMMAND + ": seed=roi but '" + imp.getTitle() + "' has no selection; click the contrast with the point tool");
        int k = ImageRois.slice(imp, roi) - 1;
        if (roi.getType() == Roi.POINT) {
            FloatPolygon p = roi.getFloatPolygon();
            return v.geometry().toPatient(p.xpoints[0], p.ypoints[0], k); // point coordinates are pixel centres
        }
        if (!roi.isArea()) throw new IllegalArgumentException(COMMAND + ": seed=roi needs a point or an area selection, not a " + roi.getTypeAsString());
        double[] c = roi.getContourCentroid();
        return v.geometry().toPatient(c[0] - 0.5, c[1] - 0.5, k); // area coordinates are pixel corners
    }

    static double[] point(String key, String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) throw new IllegalArgumentException(COMMAND + ": " + key + " '" + text + "' must be x,y,z in patient mm");
        double[] p = new double[3];
        try {
            for (int i = 0; i < 3; i++) p[i] = Double.parseDouble(parts[i].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(COMMAND + ": " + key + " '" + text + "' must be three numbers x,y,z in patient mm");
        }
        return p;
    }

    /** One row of the "Contrast" table. */
    static ResultsTable addRow(Outcome o, String image) {
        ResultsTable rt = ResultsTable.getResultsTable(TABLE);
        if (rt == null) rt = new ResultsTable();
        ContrastResult r = o.result();
        rt.incrementCounter();
        rt.addValue("image", image);
        rt.addValue("mode", r.mode());
        rt.addValue("baseline", o.baseline() == null ? "" : o.baseline().name());
        rt.addValue("volume_ml", r.volumeMl());
        rt.addValue("extent_mm", r.craniocaudalExtentMm());
        rt.addValue("voxels", r.voxels());
        rt.addValue("max_distance_from_tip_mm", r.maxDistanceFromTipMm());
        rt.addValue("mean_hu", r.meanHu());
        rt.addValue("sd_hu", r.sdHu());
        rt.addValue("min_hu", r.minHu());
        rt.addValue("max_hu", r.maxHu());
        rt.addValue("centroid_x", r.centroid()[0]);
        rt.addValue("centroid_y", r.centroid()[1]);
        rt.addValue("centroid_z", r.centroid()[2]);
        rt.addValue("seed", String.format(Locale.ROOT, "%.1f,%.1f,%.1f", r.seed()[0], r.seed()[1], r.seed()[2]));
        rt.addValue("alignment_hu", r.alignmentHu());
        rt.addValue("compartments_reached", o.overlap() == null ? "" : String.join("|", o.overlap().reached()));
        rt.addValue("roi", o.roiId() == null ? "" : o.roiId());
        rt.addValue("warnings", r.warnings().size());
        // the parameters and what the bone model learnt, with every result
        for (java.util.Map.Entry<String, String> e : r.provenance().entrySet()) {
            if (e.getKey().equals("mode")) continue;
            try {
                rt.addValue(e.getKey(), Double.parseDouble(e.getValue()));
            } catch (NumberFormatException x) {
                rt.addValue(e.getKey(), e.getValue());
            }
        }
        return rt;
    }
}
