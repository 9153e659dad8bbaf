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

    /** Adds the ROI and the measurement; returns the ROI id. */
    public static String record(FindingsEditor editor, ContrastResult r, Volume post, String level, Side side, String software, Instant when) {
        VoxelGeometry g = post.geometry();
        FindingsDocument.Mask mask = new FindingsDocument.Mask(new int[] {post.width(), post.height(), post.depth()}, g.origin().clone(),
                g.columnStep().clone(), g.rowStep().clone(), g.sliceStep().clone(), r.mask().runs());
        String roi = editor.addRoi(new FindingsDocument.Roi(null, FindingsDocument.RoiType.MASK3D, "contrast_volume_ml", level, side, null,
                post.frameOfReferenceUid(), post.seriesInstanceUid(), List.of(), mask));
        Map<String, String> parameters = new LinkedHashMap<>(r.parameters().asMap());
        parameters.put("mode", r.mode());
        parameters.put("seed_mm", String.format(Locale.ROOT, "%.2f,%.2f,%.2f", r.seed()[0], r.seed()[1], r.seed()[2]));
        parameters.put("extent_mm", String.format(Locale.ROOT, "%.1f", r.craniocaudalExtentMm()));
        parameters.put("voxels", Integer.toString(r.voxels()));
        if (!Double.isNaN(r.alignmentHu())) parameters.put("alignment_hu", String.format(Locale.ROOT, "%.0f", r.alignmentHu()));
        editor.putMeasurement(new FindingsDocument.Measurement("contrast_volume_ml", level, side, Math.round(r.volumeMl() * 10000) / 10000.0, "mL",
                new FindingsDocument.Provenance(roi, post.seriesInstanceUid(), METHOD, software, when, parameters)));
        return roi;
    }
}
