package org.parsreader.reading;

import java.util.Optional;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.Side;
import org.parsreader.reformat.ParsPlane;

/**
 * The pars plane preset of a level and side from a reading: the pars point of {@link LevelMap#pars}
 * (the centre of the reader's pars ROI there, else estimated from the level marks) and, when the
 * reader drew a line on that pars (gap width, or a line of another pars finding, same frame), the
 * plane turned to contain it ({@link ParsPlane#through}).
 */
public final class ParsPlanes {
    private ParsPlanes() {}

    /** The pars plane of {@code level} and {@code side} in frame {@code frameOfReferenceUid}; empty when the level is neither marked nor proposed. */
    public static Optional<ParsPlane> of(FindingsDocument doc, LevelMap levels, String level, Side side) {
        Optional<double[]> pars = levels.pars(doc, level, side);
        if (pars.isEmpty()) return Optional.empty();
        FindingsDocument.Roi line = null;
        for (FindingsDocument.Roi r : doc.rois()) {
            if (r.type() == FindingsDocument.RoiType.LINE && level.equals(r.level()) && r.side() == side && r.points().size() == 2
                    && levels.frameOfReferenceUid().equals(r.frameOfReferenceUid()) && r.finding() != null
                    && (r.finding().startsWith("pars_") || r.finding().equals("gap_width_mm"))) {
                line = r;
                break;
            }
        }
        return Optional.of(line == null ? ParsPlane.through(pars.get(), null, null)
                : ParsPlane.through(pars.get(), line.points().get(0), line.points().get(1)));
    }
}
