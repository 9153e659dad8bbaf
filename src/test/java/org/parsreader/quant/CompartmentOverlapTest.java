package org.parsreader.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.FindingsDocument.RoiType;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.sample.Vec3;
import org.parsreader.volume.Volume;

/**
 * Issue 5: the compartments reached on the sample case, from a reader's compartment ROIs
 * (squares of 6 mm in the axial plane of the post-contrast CT, on the slice nearest each
 * centre in ground-truth.json): the left L5 defect and the left L5-S1 facet are reached, the
 * right L5-S1 facet is not.
 */
class CompartmentOverlapTest {
    static Volume post;
    static ContrastResult result;

    @BeforeAll
    static void segment() throws Exception {
        ContrastSampleCaseTest.load();
        post = ContrastSampleCaseTest.post;
        result = ContrastSegmenter.segment(post, ContrastSampleCaseTest.needle, ContrastSampleCaseTest.facet(), ContrastSampleCaseTest.tip(),
                ContrastParameters.DEFAULTS);
    }

    /** A square of side 2*half mm around c, in the plane of the post-contrast slice nearest c. */
    static Roi square(String id, String label, Vec3 c, double half) {
        double[] ijk = post.geometry().toVoxel(c.x(), c.y(), c.z());
        double[] s = post.geometry().spacing();
        long k = Math.round(ijk[2]);
        List<double[]> pts = new ArrayList<>();
        for (double[] d : new double[][] {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}) {
            pts.add(post.geometry().toPatient(ijk[0] + d[0] * half / s[0], ijk[1] + d[1] * half / s[1], k));
        }
        return new Roi(id, RoiType.POLYGON, CompartmentOverlap.FINDING, "L5", Side.LEFT, pts, post.frameOfReferenceUid(),
                post.seriesInstanceUid(), List.of(), null, label);
    }

    static Vec3 facet(String name) {
        return ContrastSampleCaseTest.truth.facetJointCentres().stream().filter(l -> l.name().startsWith(name)).findFirst().orElseThrow().ct();
    }

    static List<Roi> readerRois() {
        Vec3 defect = ContrastSampleCaseTest.truth.parsDefects().stream().filter(d -> d.side().equals("left")).findFirst().orElseThrow().centreCt();
        return List.of(square("c1", "pars_defect", defect, 3), square("c2", "caudal_facet", facet("left L5-S1"), 3),
                square("c3", "contralateral_facet", facet("right L5-S1"), 3));
    }

    @Test
    void reachedCompartmentsMatchTheGroundTruth() {
        CompartmentOverlap o = CompartmentOverlap.of(result, post, readerRois());
        assertThat(o.reached()).containsExactly("pars_defect", "caudal_facet");
        assertThat(o.notReached()).containsExactly("contralateral_facet");
        double voxelMl = post.geometry().voxelVolumeMm3() / 1000;
        for (CompartmentOverlap.Compartment c : o.compartments()) {
            assertThat(c.overlapMl()).isCloseTo(c.overlapVoxels() * voxelMl, within(1e-12));
            System.out.printf("%s: %d voxels, %.4f mL%n", c.label(), c.overlapVoxels(), c.overlapMl());
        }
        // a 6 mm square on one slice holds only part of each compartment, never more than the region
        assertThat(o.compartments().get(0).overlapVoxels() + o.compartments().get(1).overlapVoxels()).isLessThanOrEqualTo(result.voxels());
    }

    @Test
    void theWholeRegionAsAMaskCompartmentOverlapsEntirely() {
        var g = post.geometry();
        var mask = new FindingsDocument.Mask(new int[] {post.width(), post.height(), post.depth()}, g.origin(), g.columnStep(), g.rowStep(),
                g.sliceStep(), result.mask().runs());
        Roi m = new Roi("m1", RoiType.MASK3D, CompartmentOverlap.FINDING, "L5", Side.LEFT, null, post.frameOfReferenceUid(),
                post.seriesInstanceUid(), List.of(), mask, "pars_defect");
        CompartmentOverlap o = CompartmentOverlap.of(result, post, List.of(m));
        assertThat(o.compartments().get(0).overlapVoxels()).isEqualTo(result.voxels());
    }

    @Test
    void anUnlabelledCompartmentRoiIsAnError() {
        Roi r = readerRois().get(0);
        Roi unlabelled = new Roi(r.id(), r.type(), r.finding(), r.level(), r.side(), r.points(), r.frameOfReferenceUid(), r.seriesInstanceUid(),
                r.sopInstanceUids(), null, null);
        assertThatThrownBy(() -> CompartmentOverlap.of(result, post, List.of(unlabelled))).hasMessageContaining("has no label");
    }

    @Test
    void theReachedSetGoesIntoTheFindingsWhenAsked() {
        FindingsEditor e = FindingsEditor.create(ReadingTemplate.builtIn("pars-injection"), "P0001", new FindingsDocument.Reader("R1", Role.R1),
                List.of(), Clock.systemUTC());
        for (Roi r : readerRois()) e.addRoi(r);
        CompartmentOverlap o = CompartmentOverlap.of(result, post, e.document().rois());
        ContrastFindings.record(e, result, post, "L5", Side.LEFT, "Pars Reader test", Instant.EPOCH, o);
        assertThat(e.validate()).isEmpty();
        assertThat(e.get(CompartmentOverlap.FINDING, "L5", Side.LEFT)).contains(new Value.Choices(List.of("pars_defect", "caudal_facet")));
        var p = e.document().measurements().get(0).provenance().parameters();
        assertThat(p).containsEntry("compartments_reached", "pars_defect|caudal_facet").containsEntry("overlap_voxels.contralateral_facet", "0")
                .containsKey("overlap_ml.caudal_facet");
        // labels survive JSON
        var back = FindingsJson.read(FindingsJson.write(e.document()), "test");
        assertThat(back.rois()).extracting(Roi::label).contains("pars_defect", "caudal_facet", "contralateral_facet");
        // without the parameter, contrast_compartments is left alone
        FindingsEditor plain = FindingsEditor.create(ReadingTemplate.builtIn("pars-injection"), "P0002", new FindingsDocument.Reader("R1", Role.R1),
                List.of(), Clock.systemUTC());
        ContrastFindings.record(plain, result, post, "L5", Side.LEFT, "Pars Reader test", Instant.EPOCH);
        assertThat(plain.get(CompartmentOverlap.FINDING, "L5", Side.LEFT)).isEmpty();
    }

    @Test
    void theValidatorChecksCompartmentLabels() {
        FindingsEditor e = FindingsEditor.create(ReadingTemplate.builtIn("pars-injection"), "P0001", new FindingsDocument.Reader("R1", Role.R1),
                List.of(), Clock.systemUTC());
        Roi r = readerRois().get(0);
        Roi wrong = new Roi(null, r.type(), r.finding(), r.level(), r.side(), r.points(), r.frameOfReferenceUid(), r.seriesInstanceUid(),
                r.sopInstanceUids(), null, "left_defect");
        assertThatThrownBy(() -> e.addRoi(wrong)).hasMessageContaining("'left_defect' is not one of");
    }
}
