package org.parsreader.ij;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.quant.BmeRatio;
import org.parsreader.quant.QuantException;
import org.parsreader.volume.Volume;

/**
 * Plugins &gt; Pars Reader &gt; BME Ratio...: the bone-marrow edema contrast ratio on the current
 * image (a STIR or fat-saturated T2 opened by Open Study) from two polygons: the first two ROIs
 * of the ROI Manager (first = edema, second = reference), or, with {@code bme} and {@code ref},
 * polygons in patient mm. Shows the means, areas and ratios in the table "BME Ratio".
 *
 * <p>Macro: {@code run("BME Ratio...", "type=normal_marrow");} (ROI Manager) or
 * {@code run("BME Ratio...", "bme=[19.5,1,-54;19.5,7,-54;19.5,7,-48] ref=[...] type=csf");}
 */
public final class BmeRatioCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "BME Ratio...";
    static final String BME = "bme";
    static final String REF = "ref";
    static final String TYPE = "type";
    static final String TABLE = "BME Ratio";
    static final Set<String> KEYS = Set.of(BME, REF, TYPE);
    static final String EXAMPLE = "type=normal_marrow (edema and reference: the first two ROIs of the ROI Manager), or bme=[x,y,z;...] ref=[x,y,z;...]";

    /** @param bme, ref polygons in patient mm, or null for the ROI Manager's first and second ROIs */
    public record Request(List<double[]> bme, List<double[]> ref, String type) {}

    /** The interactive request: the edema and reference ROIs are the ROI Manager's first two; null when cancelled. */
    private static Request dialog() {
        GenericDialog gd = new GenericDialog("Pars Reader: BME Ratio");
        gd.addMessage("edema = first ROI of the ROI Manager, reference = second");
        gd.addChoice(TYPE + " of reference", BmeRatio.REFERENCE_TYPES.toArray(new String[0]), "normal_marrow");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        return new Request(null, null, gd.getNextChoice());
    }

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            ImagePlus imp = WindowManager.getCurrentImage();
            Request r = Commands.request(COMMAND, EXAMPLE, BmeRatioCommand::parse, BmeRatioCommand::dialog);
            if (r == null) return;
            BmeRatio b;
            try {
                b = process(r, imp, r.bme() == null ? managerRois() : null);
            } catch (QuantException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            table(b, imp.getTitle()).show(TABLE);
        });
    }

    static Request parse(String options) {
        MacroOptions o = MacroOptions.parse(COMMAND, options, KEYS);
        String type = o.require(COMMAND, TYPE, EXAMPLE);
        String bme = o.get(BME, ""), ref = o.get(REF, "");
        if (bme.isEmpty() != ref.isEmpty()) throw new IllegalArgumentException(COMMAND + ": give both 'bme' and 'ref', or neither (ROI Manager)");
        return new Request(bme.isEmpty() ? null : polygon(BME, bme), ref.isEmpty() ? null : polygon(REF, ref), type);
    }

    static List<double[]> polygon(String key, String text) {
        List<double[]> pts = new ArrayList<>();
        for (String v : text.split(";")) if (!v.isBlank()) pts.add(QuantifyContrastCommand.point(key, v));
        if (pts.size() < 3) throw new IllegalArgumentException(COMMAND + ": " + key + " has " + pts.size() + " vertices; a polygon needs 3 or more x,y,z separated by ';'");
        return pts;
    }

    private static Roi[] managerRois() {
        RoiManager rm = RoiManager.getInstance();
        Roi[] rois = rm == null ? new Roi[0] : rm.getRoisAsArray();
        if (rois.length < 2) {
            throw new IllegalArgumentException(COMMAND + ": the ROI Manager holds " + rois.length + " ROI(s); add the edema polygon first, then the reference polygon");
        }
        return rois;
    }

    /** The ratio from the request's polygons, or from the first two of {@code manager} (edema, reference) on {@code imp}. */
    public static BmeRatio process(Request r, ImagePlus imp, Roi[] manager) {
        Volume v = ImageRois.volume(imp);
        FindingsDocument.Roi bme, ref;
        if (r.bme() != null) {
            bme = polygon("bme", r.bme(), v);
            ref = polygon("ref", r.ref(), v);
        } else {
            bme = ImageRois.toFindingsRoi(manager[0], ImageRois.slice(imp, manager[0]), v, null, null, null);
            ref = ImageRois.toFindingsRoi(manager[1], ImageRois.slice(imp, manager[1]), v, null, null, null);
            if (bme.type() != FindingsDocument.RoiType.POLYGON || ref.type() != FindingsDocument.RoiType.POLYGON) {
                throw new IllegalArgumentException(COMMAND + ": the first two ROIs of the ROI Manager must be areas (polygon, oval, rectangle ...)");
            }
        }
        return BmeRatio.of(v, bme, ref, r.type());
    }

    private static FindingsDocument.Roi polygon(String id, List<double[]> pts, Volume v) {
        return new FindingsDocument.Roi(id, FindingsDocument.RoiType.POLYGON, null, null, null, pts, v.frameOfReferenceUid(), v.seriesInstanceUid(),
                List.of(), null, null);
    }

    /** One row per run in the table "BME Ratio": both ROIs' means and areas, the reference type, both ratios. */
    static ResultsTable table(BmeRatio b, String image) {
        ResultsTable rt = ResultsTable.getResultsTable(TABLE);
        if (rt == null) rt = new ResultsTable();
        rt.incrementCounter();
        rt.addValue("image", image);
        rt.addValue("reference_type", b.referenceType());
        rt.addValue("bme_mean", b.bme().mean());
        rt.addValue("bme_area_mm2", b.bme().areaMm2());
        rt.addValue("bme_slice", b.bme().slice() + 1);
        rt.addValue("ref_mean", b.reference().mean());
        rt.addValue("ref_area_mm2", b.reference().areaMm2());
        rt.addValue("ref_slice", b.reference().slice() + 1);
        rt.addValue("contrast_ratio", b.contrastRatio());
        rt.addValue("simple_ratio", b.simpleRatio());
        return rt;
    }
}
