package org.parsreader.ij.panel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.Side;
import org.parsreader.reading.PointMapper;
import org.parsreader.reading.ReadingSession;

/**
 * "Go to L5 left pars" on every viewer ({@link CaseViewers#goTo}): the level's body centre or a
 * pars, found in each frame of reference from its own marks, else carried over through the levels
 * ({@link PointMapper}); each series shows the slice, centred, with a target marker. Event
 * dispatch thread.
 */
final class ViewerGoTo {
    private final ReadingSession session;
    private final PointMapper mapper;
    private final List<SeriesViewer> viewers;
    private final Consumer<String> status;

    /**
     * @param viewers the viewers shown (the live list)
     * @param status  told what was shown where, and where not and why
     */
    ViewerGoTo(ReadingSession session, PointMapper mapper, List<SeriesViewer> viewers, Consumer<String> status) {
        this.session = session;
        this.mapper = mapper;
        this.viewers = viewers;
        this.status = status;
    }

    /** Shows {@code level} (with a side, that pars) on every series it can; true if at least one shows it. */
    boolean goTo(String level, Side side) {
        FindingsDocument doc = session.document();
        String what = level + (side == null ? "" : " " + side.label() + " pars");
        if (viewers.isEmpty()) {
            status.accept(what + ": no viewer is open; Show series opens them again");
            return false;
        }
        // the point in every frame where it can be found directly
        Map<String, double[]> direct = new HashMap<>();
        Map<String, SeriesViewer> holder = new HashMap<>();
        for (SeriesViewer v : viewers) {
            String f = v.volume().frameOfReferenceUid();
            if (direct.containsKey(f)) continue;
            LevelMap lm = session.levels(f);
            Optional<double[]> p = side == null ? lm.level(level).map(LevelMap.Position::point) : lm.pars(doc, level, side);
            if (p.isPresent()) {
                direct.put(f, p.get());
                holder.put(f, v);
            }
        }
        List<String> failed = new ArrayList<>();
        int shown = 0;
        for (SeriesViewer v : viewers) {
            v.setTarget(null, null);
            double[] p = direct.get(v.volume().frameOfReferenceUid());
            String why = null;
            if (p == null) {
                for (Map.Entry<String, double[]> e : direct.entrySet()) {
                    PointMapper.Mapped m = mapper.map(e.getValue(), holder.get(e.getKey()).volume(), v.volume());
                    if (m.found()) {
                        p = m.point();
                        break;
                    }
                    why = m.reason();
                }
            }
            if (p == null) {
                failed.add(v.stack().series().description() + ": " + (why != null ? why : "mark " + level + " on this series first"));
                continue;
            }
            Optional<double[]> ijk = v.voxelOf(p);
            if (ijk.isEmpty()) {
                failed.add(v.stack().series().description() + ": " + what + " lies outside the series");
                continue;
            }
            double[] at = ijk.get();
            v.showSlice(at);
            v.centreOn(at[0], at[1]);
            v.setTarget(at, what);
            shown++;
        }
        status.accept(shown == 0 ? what + " not found: " + String.join("; ", failed)
                : what + " on " + shown + " of " + viewers.size() + " series" + (failed.isEmpty() ? "" : "; not on " + String.join("; ", failed)));
        return shown > 0;
    }
}
