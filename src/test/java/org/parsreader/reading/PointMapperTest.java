package org.parsreader.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.LevelMap;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.Vec3;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VoxelGeometry;

/**
 * Points carried from one series to another on the sample case, against ground-truth.json:
 * within a frame of reference through the geometry (the tilted needle check included), across
 * frames (supine MR, prone CT) through the level marks.
 */
class PointMapperTest {
    static final Path CASE = Path.of("sample-data/case-001");
    static final ReadingTemplate PARS = ReadingTemplate.builtIn("pars-injection");
    static GroundTruth truth;
    static Volume t2, stir, post, needle;

    @BeforeAll
    static void load() throws Exception {
        truth = GroundTruth.read(CASE.resolve("ground-truth.json"));
        var v = org.parsreader.sample.SampleCase.volumes("T2 TSE SAG", "STIR SAG", "Post contrast", "Needle check");
        t2 = v.get("T2 TSE SAG");
        stir = v.get("STIR SAG");
        post = v.get("Post contrast");
        needle = v.get("Needle check");
    }

    static double[] p(Vec3 v) {
        return new double[] {v.x(), v.y(), v.z()};
    }

    static GroundTruth.Landmark body(String level) {
        return truth.vertebralBodyCentres().stream().filter(l -> l.name().startsWith(level + " ")).findFirst().orElseThrow();
    }

    static FindingsEditor editor() throws Exception {
        FindingsDocument doc = FindingsJson.read(Files.readAllBytes(CASE.resolve("findings/R1.findings.json")), "R1");
        return new FindingsEditor(PARS, doc, Clock.systemUTC());
    }

    static PointMapper mapper(FindingsEditor e) {
        return new PointMapper(f -> LevelMap.of(e.document(), PARS, f));
    }

    static String mr() { return truth.frames().mrFrameOfReferenceUid(); }

    static String ct() { return truth.frames().ctFrameOfReferenceUid(); }

    /** Ground-truth points of the same anatomy in both frames: pars defects, the edema, facet joints. */
    static List<double[][]> pairs() {
        List<double[][]> out = new java.util.ArrayList<>();
        for (GroundTruth.ParsDefect d : truth.parsDefects()) out.add(new double[][] {p(d.centreMr()), p(d.centreCt())});
        out.add(new double[][] {p(truth.edema().ellipsoidCentreMr()), p(truth.edema().ellipsoidCentreCt())});
        for (GroundTruth.Landmark f : truth.facetJointCentres()) {
            if (f.ct().z() > -530 && f.ct().z() < -430) out.add(new double[][] {p(f.mr()), p(f.ct())});
        }
        return out;
    }

    @Test
    void theSameFrameKeepsThePointAndEachGeometryFindsItsVoxel() throws Exception {
        PointMapper m = mapper(editor());
        double[] tip = p(truth.needle().tipCt());
        PointMapper.Mapped r = m.map(tip, post, needle);
        assertThat(r.via()).isEqualTo(PointMapper.Via.SAME_FRAME);
        assertThat(r.point()).containsExactly(tip, within(1e-9));
        // the tilted needle check: its own sheared geometry gives the voxel, and back
        double[] ijk = PointMapper.toVoxel(needle, tip).orElseThrow();
        assertThat(needle.geometry().shearDeg()).isGreaterThan(4);
        assertThat(needle.geometry().toPatient(ijk[0], ijk[1], ijk[2])).containsExactly(tip, within(1e-9));
        double[] onPost = PointMapper.toVoxel(post, tip).orElseThrow();
        assertThat(Math.round(onPost[2])).isNotEqualTo(Math.round(ijk[2]) + 100); // both inside
        // T2 and STIR (STIR stored in reverse InstanceNumber order) show the same x on the same slice
        double[] edema = p(truth.edema().ellipsoidCentreMr());
        double[] a = PointMapper.toVoxel(t2, edema).orElseThrow(), b = PointMapper.toVoxel(stir, m.map(edema, t2, stir).point()).orElseThrow();
        assertThat(b).containsExactly(a, within(1e-6));
        // outside the volume: nothing
        assertThat(PointMapper.toVoxel(post, new double[] {0, 0, 0})).isEmpty();
    }

    @Test
    void anotherFrameIsReachedThroughTheLevelsWithinAMillimetre() throws Exception {
        FindingsEditor e = editor();
        e.markLevel("L5", mr(), null, p(body("L5").mr()));
        e.markLevel("S1", mr(), null, p(body("S1").mr()));
        PointMapper m = mapper(e);
        // nothing on the CT yet: the reason says what to do
        PointMapper.Mapped none = m.map(p(truth.edema().ellipsoidCentreMr()), stir, post);
        assertThat(none.found()).isFalse();
        assertThat(none.via()).isEqualTo(PointMapper.Via.NONE);
        assertThat(none.reason()).contains("mark L5 on").contains("Post contrast").endsWith("first");

        // one click on the CT's L5 (one level shared): the offset from L5 carries over
        e.markLevel("L5", ct(), null, p(body("L5").ct()));
        for (double[][] pair : pairs()) {
            PointMapper.Mapped r = m.map(pair[0], stir, post);
            assertThat(r.via()).isEqualTo(PointMapper.Via.LEVELS);
            assertThat(r.levels()).containsExactly("L5");
            assertThat(r.point()).containsExactly(pair[1], within(1.0));
            // and back
            assertThat(m.map(pair[1], needle, t2).point()).containsExactly(pair[0], within(1.0));
        }

        // both frames with two levels each, partly proposed (MR: L5+S1 marked, L4 proposed; CT: L4+L5 marked)
        e.markLevel("L4", ct(), null, p(body("L4").ct()));
        for (double[][] pair : pairs()) {
            PointMapper.Mapped r = m.map(pair[0], t2, post);
            assertThat(r.levels()).hasSize(2);
            assertThat(r.point()).containsExactly(pair[1], within(1.0));
        }
        // the voxel found on the CT is the ground truth's voxel
        double[] defectCt = PointMapper.toVoxel(post, m.map(p(truth.parsDefects().get(0).centreMr()), t2, post).point()).orElseThrow();
        double[] want = PointMapper.toVoxel(post, p(truth.parsDefects().get(0).centreCt())).orElseThrow();
        assertThat(defectCt).containsExactly(want, within(1.0));
    }

    @Test
    void noLevelsOnTheSourceSaysSo() throws Exception {
        FindingsEditor e = editor();
        e.markLevel("L5", ct(), null, p(body("L5").ct()));
        PointMapper.Mapped r = mapper(e).map(p(truth.edema().ellipsoidCentreMr()), t2, post);
        assertThat(r.found()).isFalse();
        assertThat(r.reason()).contains("no levels on T2 TSE SAG").contains("mark L5 on T2 TSE SAG");
        assertThat(r.optional()).isEmpty();
    }

    /**
     * A frame where the spine is turned (the patient lies on the side) and 10 % longer: the
     * point keeps its fraction of the way between the levels and its offset turns with the spine.
     */
    @Test
    void aTurnedAndLongerSpineIsFollowed() {
        Map<String, double[]> a = Map.of("L4", new double[] {0, 0, 35}, "L5", new double[] {0, 0, 0}, "S1", new double[] {0, 0, -35});
        // target: spine along -x (rotation of +90 deg about y takes +z to +x ... here z -> -x), 1.1 x longer, shifted
        double[] shift = {100, 50, -400};
        java.util.function.Function<double[], double[]> rot = v -> new double[] {-v[2], v[1], v[0]};
        Map<String, double[]> b = new java.util.HashMap<>();
        a.forEach((k, v) -> {
            double[] r = rot.apply(new double[] {v[0], v[1], v[2] * 1.1});
            b.put(k, new double[] {r[0] + shift[0], r[1] + shift[1], r[2] + shift[2]});
        });
        PointMapper m = new PointMapper(f -> levelMap(f, f.equals("A") ? a : b));
        double[] src = {18, 30, -12}; // left pars region, a third of the way from L5 to S1
        PointMapper.Mapped r = m.map(src, "A", "B", "a", "b");
        double[] along = rot.apply(new double[] {0, 0, -12 * 1.1});
        double[] off = rot.apply(new double[] {18, 30, 0});
        double[] want = {along[0] + off[0] + shift[0], along[1] + off[1] + shift[1], along[2] + off[2] + shift[2]};
        assertThat(r.point()).containsExactly(want, within(1e-6));
        assertThat(r.levels()).containsExactly("L5", "S1");
        // beyond the last level: extrapolated along the end segment
        double[] below = m.map(new double[] {0, 0, -50}, "A", "B", "a", "b").point();
        double[] wantBelow = rot.apply(new double[] {0, 0, -55});
        assertThat(below).containsExactly(new double[] {wantBelow[0] + shift[0], wantBelow[1] + shift[1], wantBelow[2] + shift[2]}, within(1e-6));
    }

    @Test
    void rotationTakesOneDirectionToTheOther() {
        double[] x = {1, 2, 3};
        assertThat(PointMapper.rotate(x, new double[] {0, 0, 1}, new double[] {0, 0, 1})).containsExactly(x, within(1e-12));
        double[] flipped = PointMapper.rotate(new double[] {0, 0, 1}, new double[] {0, 0, 1}, new double[] {0, 0, -1});
        assertThat(flipped).containsExactly(new double[] {0, 0, -1}, within(1e-12));
        assertThat(PointMapper.rotate(new double[] {0, 0, 5}, new double[] {0, 0, 1}, new double[] {1, 0, 0}))
                .containsExactly(new double[] {5, 0, 0}, within(1e-12));
    }

    @Test
    void unknownFramesMapOnlyWithinTheSeries() {
        Volume a = new Volume("a", 2, 2, org.parsreader.volume.VoxelType.FLOAT32, new Object[] {new float[4]}, 1, 0, "",
                VoxelGeometry.unknown(1, 1, 1), List.of(new Volume.SliceInfo(null, 0, null, null)), null, false);
        Volume b = new Volume("b", 2, 2, org.parsreader.volume.VoxelType.FLOAT32, new Object[] {new float[4]}, 1, 0, "",
                VoxelGeometry.unknown(1, 1, 1), List.of(new Volume.SliceInfo(null, 0, null, null)), null, false);
        PointMapper m = new PointMapper(f -> levelMap(f, Map.of()));
        assertThat(m.map(new double[] {1, 1, 0}, a, a).found()).isTrue();
        PointMapper.Mapped r = m.map(new double[] {1, 1, 0}, a, b);
        assertThat(r.found()).isFalse();
        assertThat(r.reason()).contains("no frame of reference");
    }

    /** A LevelMap with these marks in frame {@code f} (through a document, as the session makes them). */
    static LevelMap levelMap(String f, Map<String, double[]> marks) {
        try {
            FindingsEditor e = editor();
            for (String level : List.of("L1", "L2", "L3", "L4", "L5", "S1")) if (marks.containsKey(level)) e.markLevel(level, f, null, marks.get(level));
            return LevelMap.of(e.document(), PARS, f);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
