package org.parsreader.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parsreader.findings.FindingsDocument.LevelMark;
import org.parsreader.volume.Volume;

/**
 * The vertebral levels of one frame of reference: the ones a reader marked, and the others
 * proposed from them (linear along the spine between two marks, extrapolated beyond; two
 * marks, e.g. L5 and S1, are enough). Levels are anatomy: a level marked on one series is
 * found on every series of the same frame of reference through patient coordinates; another
 * frame (supine MRI, prone CT) needs its own marks.
 */
public final class LevelMap {
    /**
     * Where a pars interarticularis lies from its vertebral body centre, in patient mm (LPS),
     * for adult lumbar vertebrae: 18 mm lateral, 30 mm posterior, 5 mm caudal. Used only to
     * "go to" a pars no one marked; a reader's own pars ROI wins.
     */
    static final double PARS_LATERAL_MM = 18;
    static final double PARS_POSTERIOR_MM = 30;
    static final double PARS_CAUDAL_MM = 5;

    /** A level's position: marked by the reader, or proposed. */
    public record Position(String level, double[] point, boolean marked) {}

    private final String frameOfReferenceUid;
    private final Map<String, Position> positions;

    private LevelMap(String frame, Map<String, Position> positions) {
        this.frameOfReferenceUid = frame;
        this.positions = positions;
    }

    /** The levels of {@code frameOfReferenceUid} from a document's marks and its template's level order. */
    public static LevelMap of(FindingsDocument doc, ReadingTemplate template, String frameOfReferenceUid) {
        Map<String, double[]> marked = new LinkedHashMap<>();
        for (LevelMark m : doc.levelMarks()) if (m.frameOfReferenceUid().equals(frameOfReferenceUid)) marked.put(m.level(), m.point());
        // regular levels in order; a transitional level (L6) takes its place above S1 when marked
        List<String> order = new ArrayList<>(template.levels());
        if (template.transitionalLevels() != null) {
            for (String t : template.transitionalLevels()) {
                if (!marked.containsKey(t)) continue;
                int last = order.indexOf(template.levels().get(template.levels().size() - 1));
                order.add(last < 0 ? order.size() : last, t);
            }
        }
        Map<String, Position> out = new LinkedHashMap<>();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) if (marked.containsKey(order.get(i))) idx.add(i);
        for (int i = 0; i < order.size(); i++) {
            String level = order.get(i);
            if (marked.containsKey(level)) {
                out.put(level, new Position(level, marked.get(level).clone(), true));
            } else if (idx.size() >= 2) {
                // the two marks around i (or the nearest two, beyond the marked range)
                int a = idx.get(0), b = idx.get(1);
                for (int m = 0; m + 1 < idx.size(); m++) {
                    a = idx.get(m);
                    b = idx.get(m + 1);
                    if (i < b) break;
                }
                double t = (double) (i - a) / (b - a);
                double[] pa = marked.get(order.get(a));
                double[] pb = marked.get(order.get(b));
                out.put(level, new Position(level, new double[] {pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1]), pa[2] + t * (pb[2] - pa[2])}, false));
            }
        }
        return new LevelMap(frameOfReferenceUid, out);
    }

    public Optional<Position> level(String level) {
        return Optional.ofNullable(positions.get(level));
    }

    public List<Position> positions() {
        return List.copyOf(positions.values());
    }

    public String frameOfReferenceUid() {
        return frameOfReferenceUid;
    }

    /**
     * The pars of {@code level} on {@code side}: the centre of the reader's pars ROI there
     * (gap line or other ROI of a pars finding, same frame), else estimated from the level.
     */
    public Optional<double[]> pars(FindingsDocument doc, String level, Side side) {
        for (FindingsDocument.Roi r : doc.rois()) {
            if (level.equals(r.level()) && r.side() == side && frameOfReferenceUid.equals(r.frameOfReferenceUid())
                    && r.points() != null && !r.points().isEmpty() && r.finding() != null
                    && (r.finding().startsWith("pars_") || r.finding().equals("gap_width_mm") || r.finding().equals("ct_stage"))) {
                double[] c = new double[3];
                for (double[] p : r.points()) for (int a = 0; a < 3; a++) c[a] += p[a] / r.points().size();
                return Optional.of(c);
            }
        }
        return level(level).map(p -> new double[] {
            p.point()[0] + (side == Side.LEFT ? PARS_LATERAL_MM : -PARS_LATERAL_MM),
            p.point()[1] + PARS_POSTERIOR_MM,
            p.point()[2] - PARS_CAUDAL_MM});
    }

    /**
     * The slice (1-based, as ImageJ counts) of {@code v} that shows patient point {@code p},
     * and the voxel column and row; empty when {@code v} is in another frame of reference or
     * the point lies outside it.
     */
    public Optional<int[]> locate(Volume v, double[] p) {
        if (!frameOfReferenceUid.equals(v.frameOfReferenceUid())) return Optional.empty();
        double[] ijk = v.geometry().toVoxel(p[0], p[1], p[2]);
        int i = (int) Math.round(ijk[0]), j = (int) Math.round(ijk[1]), k = (int) Math.round(ijk[2]);
        if (i < 0 || j < 0 || k < 0 || i >= v.width() || j >= v.height() || k >= v.depth()) return Optional.empty();
        return Optional.of(new int[] {k + 1, i, j});
    }
}
