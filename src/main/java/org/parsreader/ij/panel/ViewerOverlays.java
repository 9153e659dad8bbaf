package org.parsreader.ij.panel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.LevelMap;
import org.parsreader.reading.PointMapper;
import org.parsreader.reading.ReadingSession;

/**
 * What the case's viewers draw from the session ({@link OverlayPainter}): the vertebral levels,
 * marked and proposed, on every series of their frame of reference (and carried over from other
 * frames), and every saved ROI in its tool's colour; redrawn when the reader zooms. Event
 * dispatch thread.
 */
final class ViewerOverlays {
    private final ReadingSession session;
    private final PointMapper mapper;
    private final List<SeriesViewer> viewers;

    /** @param viewers the viewers shown (the live list) */
    ViewerOverlays(ReadingSession session, PointMapper mapper, List<SeriesViewer> viewers) {
        this.session = session;
        this.mapper = mapper;
        this.viewers = viewers;
    }

    /** Redraws every viewer from the session's document. */
    void repaint() {
        FindingsDocument doc = session.document();
        Map<String, List<LevelMap.Position>> levels = new LinkedHashMap<>();
        for (SeriesViewer v : viewers) paint(v, doc, levels.computeIfAbsent(v.volume().frameOfReferenceUid(), this::shownLevels));
    }

    /**
     * The levels drawn on a frame: its own (marked, and proposed from two marks or more), and
     * once it has a mark of its own, the levels only another frame knows, carried over through
     * the shared levels and drawn as proposed: one click on the CT's L5 shows the CT's L4 and S1.
     */
    List<LevelMap.Position> shownLevels(String frame) {
        LevelMap own = session.levels(frame);
        List<LevelMap.Position> out = new ArrayList<>(own.positions());
        if (out.isEmpty()) return out;
        java.util.Set<String> have = new java.util.HashSet<>();
        for (LevelMap.Position p : out) have.add(p.level());
        for (String other : viewers.stream().map(x -> x.volume().frameOfReferenceUid()).distinct().toList()) {
            if (other.equals(frame) || other.isEmpty()) continue;
            for (LevelMap.Position q : session.levels(other).positions()) {
                if (have.contains(q.level())) continue;
                PointMapper.Mapped m = mapper.map(q.point(), other, frame, "another series", "this series");
                if (!m.found()) continue;
                out.add(new LevelMap.Position(q.level(), m.point(), false));
                have.add(q.level());
            }
        }
        List<String> order = session.template().allLevels();
        out.sort(java.util.Comparator.comparingInt(p -> order.indexOf(p.level()) < 0 ? Integer.MAX_VALUE : order.indexOf(p.level())));
        return out;
    }

    private void paint(SeriesViewer v, FindingsDocument doc, List<LevelMap.Position> levels) {
        double mag = v.magnification();
        List<ij.gui.Roi> rois = new ArrayList<>(OverlayPainter.levels(v.volume(), levels, mag));
        rois.addAll(OverlayPainter.rois(v.volume(), doc, session.template(), mag));
        rois.addAll(ConsensusOverlays.rois(session, v.volume(), mag)); // a consensus read: R1's and R2's ROIs of the open disagreements
        v.paintedMagnification = mag;
        v.setBase(rois);
        v.refreshTarget();
    }

    /** The reader zoomed {@code v} since it was painted: labels are sized in image pixels, so they are redrawn for the new zoom. */
    void repaintIfZoomed(SeriesViewer v) {
        if (Math.abs(v.magnification() - v.paintedMagnification) > 1e-9) {
            paint(v, session.document(), shownLevels(v.volume().frameOfReferenceUid()));
        }
    }
}
