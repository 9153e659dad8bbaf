package org.parsreader.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.parsreader.findings.LevelMap;
import org.parsreader.volume.Volume;

/**
 * Where a patient point of one series lies on another series: the linked cursor, linked
 * scrolling and "go to L5 left pars" of the reading panel. Headless.
 *
 * <ul>
 *   <li><b>Same frame of reference</b> (same FrameOfReferenceUID, or the same series): the
 *       patient point itself; each series' {@link org.parsreader.volume.VoxelGeometry} (gantry
 *       tilt included) turns it into its own voxel ({@link #toVoxel}).</li>
 *   <li><b>Different frames</b> (supine MRI, prone CT): through the vertebral levels, which are
 *       anatomy and are marked (or proposed) in each frame ({@link LevelMap}). The point is
 *       written relative to the levels the two frames share: along the spine between the two
 *       nearest shared levels (as a fraction of the way from one to the next, so a spine that is
 *       longer or shorter on one series still lands on the same vertebra) and across it as the
 *       offset from that axis, turned with the spine's direction; then the same description is
 *       applied to the other frame's levels. With one shared level the offset from its vertebral
 *       body centre is carried over unchanged. Patient coordinates are LPS in both frames (they
 *       follow the patient, not the table), so prone and supine need no flip.</li>
 *   <li>Otherwise nothing, with the reason and what to do ("mark L5 on the CT first").</li>
 * </ul>
 */
public final class PointMapper {
    /** How a point was carried over. */
    public enum Via { SAME_FRAME, LEVELS, NONE }

    /**
     * The result of a mapping.
     *
     * @param point  the point in the target's patient mm, or null when it could not be mapped
     * @param via    how
     * @param levels the shared levels used (via {@link Via#LEVELS}), nearest first
     * @param reason what was done, or why nothing could be done and what to do about it
     */
    public record Mapped(double[] point, Via via, List<String> levels, String reason) {
        public boolean found() { return point != null; }

        public Optional<double[]> optional() { return Optional.ofNullable(point == null ? null : point.clone()); }

        static Mapped none(String reason) {
            return new Mapped(null, Via.NONE, List.of(), reason);
        }
    }

    private final Function<String, LevelMap> levels;

    /** @param levels the levels of a frame of reference, e.g. {@code session::levels} */
    public PointMapper(Function<String, LevelMap> levels) {
        this.levels = Objects.requireNonNull(levels);
    }

    /** A mapper over the session's levels as they are at each call. */
    public static PointMapper of(ReadingSession session) {
        return new PointMapper(session::levels);
    }

    /** Whether two volumes share patient coordinates: the same known frame of reference, or the same series. */
    public static boolean sameFrame(Volume a, Volume b) {
        if (a == b) return true;
        String fa = a.frameOfReferenceUid(), fb = b.frameOfReferenceUid();
        if (!fa.isEmpty() && fa.equals(fb)) return true;
        return !a.seriesInstanceUid().isEmpty() && a.seriesInstanceUid().equals(b.seriesInstanceUid());
    }

    /** Patient point {@code p} of {@code from} on {@code to}. */
    public Mapped map(double[] p, Volume from, Volume to) {
        if (sameFrame(from, to)) return new Mapped(p.clone(), Via.SAME_FRAME, List.of(), "same frame of reference");
        if (from.frameOfReferenceUid().isEmpty() || to.frameOfReferenceUid().isEmpty()) {
            return Mapped.none("no frame of reference on " + (from.frameOfReferenceUid().isEmpty() ? from.name() : to.name())
                    + ": its levels cannot be marked, so points cannot be carried over");
        }
        return map(p, from.frameOfReferenceUid(), to.frameOfReferenceUid(), name(from), name(to));
    }

    /**
     * Patient point {@code p} of frame {@code fromFrame} in frame {@code toFrame}; the names
     * ("the STIR", "the CT") only go into the reason.
     */
    public Mapped map(double[] p, String fromFrame, String toFrame, String fromName, String toName) {
        if (fromFrame.equals(toFrame)) return new Mapped(p.clone(), Via.SAME_FRAME, List.of(), "same frame of reference");
        LevelMap src = levels.apply(fromFrame);
        LevelMap dst = levels.apply(toFrame);
        List<LevelMap.Position> s = src.positions();
        List<LevelMap.Position> t = dst.positions();
        if (s.isEmpty()) {
            String want = t.isEmpty() ? "L5" : nearest(t, null).level();
            return Mapped.none("no levels on " + fromName + ": mark " + want + " on " + fromName + " first");
        }
        // shared levels, in spine order (the source's order, which is the template's)
        List<LevelMap.Position[]> shared = new ArrayList<>();
        for (LevelMap.Position a : s) {
            for (LevelMap.Position b : t) if (a.level().equals(b.level())) shared.add(new LevelMap.Position[] {a, b});
        }
        if (shared.isEmpty()) {
            String want = nearest(s, p).level();
            return Mapped.none(t.isEmpty() ? "no levels on " + toName + ": mark " + want + " on " + toName + " first"
                    : "no level marked on both " + fromName + " and " + toName + ": mark " + want + " on " + toName + " first");
        }
        if (shared.size() == 1) {
            LevelMap.Position a = shared.get(0)[0], b = shared.get(0)[1];
            double[] q = new double[3];
            for (int i = 0; i < 3; i++) q[i] = b.point()[i] + p[i] - a.point()[i];
            return new Mapped(q, Via.LEVELS, List.of(a.level()), "through " + a.level() + " (offset from its vertebral body centre)");
        }
        // the segment between consecutive shared levels that the point projects into (the end ones extrapolate)
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY, bestT = 0;
        for (int i = 0; i + 1 < shared.size(); i++) {
            double[] a = shared.get(i)[0].point(), b = shared.get(i + 1)[0].point();
            double[] u = sub(b, a);
            double uu = dot(u, u);
            if (uu < 1e-9) continue;
            double tt = dot(sub(p, a), u) / uu;
            double clamped = Math.max(0, Math.min(1, tt));
            double[] foot = add(a, scale(u, clamped));
            double d = norm(sub(p, foot));
            if (d < bestDist - 1e-9) {
                bestDist = d;
                best = i;
                bestT = tt;
            }
        }
        if (bestDist == Double.POSITIVE_INFINITY) { // all shared levels at one point: translation
            LevelMap.Position a = shared.get(0)[0], b = shared.get(0)[1];
            return new Mapped(add(b.point(), sub(p, a.point())), Via.LEVELS, List.of(a.level()),
                    "through " + a.level() + " (offset from its vertebral body centre)");
        }
        // the end segments extrapolate only beyond the ends, inner points use their own segment
        if (bestT < 0 && best > 0 || bestT > 1 && best < shared.size() - 2) bestT = Math.max(0, Math.min(1, bestT));
        double[] sa = shared.get(best)[0].point(), sb = shared.get(best + 1)[0].point();
        double[] ta = shared.get(best)[1].point(), tb = shared.get(best + 1)[1].point();
        double[] us = sub(sb, sa), ut = sub(tb, ta);
        double[] along = add(sa, scale(us, bestT));
        double[] offset = sub(p, along);
        double[] turned = rotate(offset, unit(us), unit(ut));
        double[] q = add(add(ta, scale(ut, bestT)), turned);
        String la = shared.get(best)[0].level(), lb = shared.get(best + 1)[0].level();
        return new Mapped(q, Via.LEVELS, bestT <= 0.5 ? List.of(la, lb) : List.of(lb, la),
                String.format(Locale.ROOT, "through %s and %s (%.0f %% of the way from %s)", la, lb, 100 * bestT, la));
    }

    /**
     * The continuous voxel index (i, j, k; 0-based, voxel centres at integers) of patient point
     * {@code p} in {@code v}, or empty when it lies outside the volume by more than half a voxel.
     */
    public static Optional<double[]> toVoxel(Volume v, double[] p) {
        double[] ijk = v.geometry().toVoxel(p[0], p[1], p[2]);
        if (ijk[0] < -0.5 || ijk[1] < -0.5 || ijk[2] < -0.5
                || ijk[0] > v.width() - 0.5 || ijk[1] > v.height() - 0.5 || ijk[2] > v.depth() - 0.5) return Optional.empty();
        return Optional.of(ijk);
    }

    /** The level nearest to {@code p} (or the last of the list, the lowest, when {@code p} is null). */
    static LevelMap.Position nearest(List<LevelMap.Position> ps, double[] p) {
        if (p == null) return ps.get(ps.size() - 1);
        LevelMap.Position best = ps.get(0);
        double d = Double.POSITIVE_INFINITY;
        for (LevelMap.Position x : ps) {
            double e = norm(sub(p, x.point()));
            if (e < d) {
                d = e;
                best = x;
            }
        }
        return best;
    }

    private static String name(Volume v) {
        return v.name();
    }

    /** Rotates {@code x} by the smallest rotation that takes unit vector {@code from} to unit vector {@code to} (Rodrigues). */
    static double[] rotate(double[] x, double[] from, double[] to) {
        double c = dot(from, to);
        double[] k = cross(from, to);
        double s = norm(k);
        if (s < 1e-12) {
            if (c > 0) return x.clone();
            // opposite directions: half a turn about any axis perpendicular to 'from'
            double[] any = Math.abs(from[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
            double[] axis = unit(cross(from, any));
            return sub(scale(axis, 2 * dot(axis, x)), x);
        }
        k = scale(k, 1 / s);
        // x cos + (k x x) sin + k (k . x)(1 - cos)
        return add(add(scale(x, c), scale(cross(k, x), s)), scale(k, dot(k, x) * (1 - c)));
    }

    private static double[] sub(double[] a, double[] b) { return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }

    private static double[] add(double[] a, double[] b) { return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }

    private static double[] scale(double[] a, double f) { return new double[] {a[0] * f, a[1] * f, a[2] * f}; }

    private static double dot(double[] a, double[] b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

    private static double norm(double[] a) { return Math.sqrt(dot(a, a)); }

    private static double[] unit(double[] a) { return scale(a, 1 / norm(a)); }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
