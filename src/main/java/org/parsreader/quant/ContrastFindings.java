package org.parsreader.quant;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.Side;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/**
 * Puts a contrast result into a reader's findings: the region as a mask3d ROI on the
 * post-contrast grid (so it can be shown again), the volume as a measurement of
 * {@code contrast_volume_ml} with its provenance (series, seed, parameters, mode, version).
 */
public final class ContrastFindings {
    public static final String METHOD = "contrast-region-growing";

    private ContrastFindings() {}

    /** The stored ROI id and, when asked, the overlap with the reader's compartments. */
    public record Recorded(String roiId, CompartmentOverlap overlap) {}

    /**
     * Records the result at {@code level} and {@code side}; with {@code compartments}, first
     * measures the overlap with the reader's {@code contrast_compartments} ROIs at that level and
     * side (an error when there are none) and stores the reached set too. One path for the
     * ImageJ command and the command line.
     */
    public static Recorded recordWithCompartments(FindingsEditor editor, ContrastResult r, Volume post, String level, Side side,
                                                  boolean compartments, String software, Instant when) {
        CompartmentOverlap overlap = null;
        if (compartments) {
            List<FindingsDocument.Roi> marked = editor.document().rois().stream()
                    .filter(x -> CompartmentOverlap.FINDING.equals(x.finding()) && level.equals(x.level()) && side == x.side()).toList();
            if (marked.isEmpty()) {
                throw new QuantException("reader " + editor.document().reader().id() + " has marked no " + CompartmentOverlap.FINDING + " ROI at "
                        + level + " " + side.label() + "; mark the compartments first (ROIs of finding " + CompartmentOverlap.FINDING
                        + " with a label)");
            }
            overlap = CompartmentOverlap.of(r, post, marked);
        }
        return new Recorded(record(editor, r, post, level, side, software, when, overlap), overlap);
    }

    /** Adds the ROI and the measurement; returns the ROI id. */
    public static String record(FindingsEditor editor, ContrastResult r, Volume post, String level, Side side, String software, Instant when) {
        return record(editor, r, post, level, side, software, when, null);
    }

    /**
     * As {@link #record(FindingsEditor, ContrastResult, Volume, String, Side, String, Instant)},
     * and when {@code compartments} is given (the overlap with the reader's compartment ROIs),
     * also sets {@code contrast_compartments} at this level and side to the compartments reached
     * (replacing the reader's value there), with the overlap per compartment in the measurement's
     * provenance. Null leaves {@code contrast_compartments} alone.
     */
    public static String record(FindingsEditor editor, ContrastResult r, Volume post, String level, Side side, String software, Instant when,
                                CompartmentOverlap compartments) {
        VoxelGeometry g = post.geometry();
        FindingsDocument.Mask mask = new FindingsDocument.Mask(new int[] {post.width(), post.height(), post.depth()}, g.origin().clone(),
                g.columnStep().clone(), g.rowStep().clone(), g.sliceStep().clone(), r.mask().runs());
        String roi = editor.addRoi(new FindingsDocument.Roi(null, FindingsDocument.RoiType.MASK3D, "contrast_volume_ml", level, side, null,
                post.frameOfReferenceUid(), post.seriesInstanceUid(), List.of(), mask, null));
        Map<String, String> parameters = new LinkedHashMap<>(r.provenance());
        parameters.put("seed_mm", String.format(Locale.ROOT, "%.2f,%.2f,%.2f", r.seed()[0], r.seed()[1], r.seed()[2]));
        parameters.put("extent_mm", String.format(Locale.ROOT, "%.1f", r.craniocaudalExtentMm()));
        parameters.put("voxels", Integer.toString(r.voxels()));
        if (!Double.isNaN(r.alignmentHu())) parameters.put("alignment_hu", String.format(Locale.ROOT, "%.0f", r.alignmentHu()));
        if (compartments != null) {
            parameters.put("compartments_reached", String.join("|", compartments.reached()));
            parameters.put("compartments_not_reached", String.join("|", compartments.notReached()));
            parameters.putAll(compartments.asParameters());
            // in the template's order, as a reader's tick boxes would give it
            List<String> order = editor.template().finding(CompartmentOverlap.FINDING).map(f -> f.values()).orElse(List.of());
            List<String> reached = new java.util.ArrayList<>(compartments.reached());
            reached.sort(java.util.Comparator.comparingInt(c -> order.indexOf(c) < 0 ? Integer.MAX_VALUE : order.indexOf(c)));
            editor.set(CompartmentOverlap.FINDING, level, side, String.join("|", reached));
        }
        editor.putMeasurement(new FindingsDocument.Measurement("contrast_volume_ml", level, side, Math.round(r.volumeMl() * 10000) / 10000.0, "mL",
                new FindingsDocument.Provenance(roi, post.seriesInstanceUid(), METHOD, software, when, parameters)));
        return roi;
    }
}
