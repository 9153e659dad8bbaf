package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.FindingsDocument.RoiType;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.Vec3;
import org.parsreader.volume.Volume;

/** ROIs of the sample case's R1 findings placed on the sample series, and measurements from them. */
class RoiGeometryTest {
    static final Path CASE = Path.of("sample-data/case-001");
    static GroundTruth truth;
    static FindingsDocument r1;
    static StudyIndex index;

    @BeforeAll
    static void load() throws Exception {
        truth = GroundTruth.read(CASE.resolve("ground-truth.json"));
        r1 = FindingsJson.read(Files.readAllBytes(CASE.resolve("findings/R1.findings.json")), "R1");
        index = StudyScanner.scan(CASE);
    }

    static Volume volume(String description) {
        GroundTruth.Series s = truth.series().stream().filter(x -> x.seriesDescription().equals(description)).findFirst().orElseThrow();
        return VolumeLoader.load(index.findStack(s.seriesInstanceUid()).orElseThrow());
    }

    @Test
    void aRoiReappearsAtTheSamePatientPositionOnEverySeriesOfItsFrameOfReference() {
        Roi gap = r1.rois().get(0);
        Volume post = volume("Post contrast");
        Volume planning = volume("Planning");
        assertThat(post.frameOfReferenceUid()).isEqualTo(gap.frameOfReferenceUid()).isEqualTo(planning.frameOfReferenceUid());
        List<double[]> onPost = RoiGeometry.toVoxels(gap, post);
        List<double[]> onPlanning = RoiGeometry.toVoxels(gap, planning);
        for (int p = 0; p < 2; p++) {
            assertThat(post.geometry().toPatient(onPost.get(p)[0], onPost.get(p)[1], onPost.get(p)[2]))
                    .containsExactly(planning.geometry().toPatient(onPlanning.get(p)[0], onPlanning.get(p)[1], onPlanning.get(p)[2]), within(1e-9));
        }
        assertThat(onPost.get(0)[2]).isNotCloseTo(onPlanning.get(0)[2], within(0.01)); // different slices, same anatomy
        assertThat(RoiGeometry.lengthMm(gap)).isCloseTo(2.5, within(1e-3));
        assertThat(RoiGeometry.lengthMeasurement(gap, "test", Instant.EPOCH).provenance().method()).isEqualTo("line-length");
    }

    @Test
    void aRoiIsNotShownOnAnotherFrameOfReference() {
        Volume stir = volume("STIR SAG");
        assertThatThrownBy(() -> RoiGeometry.toVoxels(r1.rois().get(0), stir))
                .hasMessageContaining("frame of reference").hasMessageContaining("mark it again on this series");
    }

    @Test
    void polygonMeansShowTheLeftEdemaOnStir() {
        Volume stir = volume("STIR SAG");
        Vec3 c = truth.edema().ellipsoidCentreMr();
        double midline = truth.parsDefects().stream().mapToDouble(d -> d.centreMr().x()).average().orElseThrow();
        Roi left = square("bme_roi_mean", "left", c, stir);
        Roi right = square("bme_roi_mean", "right", new Vec3(2 * midline - c.x(), c.y(), c.z()), stir);
        RoiGeometry.RegionStats l = RoiGeometry.polygonStats(left, stir);
        RoiGeometry.RegionStats r = RoiGeometry.polygonStats(right, stir);
        assertThat(l.voxels()).isEqualTo(r.voxels()).isGreaterThan(4);
        assertThat(l.areaMm2()).isCloseTo(l.voxels() * 1.25 * 1.25, within(1e-9));
        assertThat(l.mean() / r.mean()).isGreaterThan(5); // edema bright on STIR, normal marrow dark
        FindingsDocument.Measurement m = RoiGeometry.meanMeasurement(left, stir, "SI", "test", Instant.EPOCH);
        assertThat(m.provenance().seriesInstanceUid()).isEqualTo(stir.seriesInstanceUid());
        // in a fixed order, so the same measurement is the same bytes in the findings file in every run
        // (Map.of's order changes from one JVM to the next)
        assertThat(m.provenance().parameters().keySet()).containsExactly("voxels", "area_mm2", "slice");
    }

    /** A 6 x 6 mm square in the sagittal plane through {@code c}. */
    static Roi square(String finding, String side, Vec3 c, Volume v) {
        List<double[]> pts = new ArrayList<>();
        for (double[] d : new double[][] {{-3, -3}, {3, -3}, {3, 3}, {-3, 3}}) pts.add(new double[] {c.x(), c.y() + d[0], c.z() + d[1]});
        return new Roi("roi-x", RoiType.POLYGON, finding, "L5", Side.parse(side), pts, v.frameOfReferenceUid(), v.seriesInstanceUid(), List.of(), null, null);
    }
}
