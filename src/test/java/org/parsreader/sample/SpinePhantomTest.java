package org.parsreader.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bone model's topology: what the pars defects separate and what facet joints keep apart. */
class SpinePhantomTest {
    static final SpinePhantom PHANTOM = new SpinePhantom();
    static final double H = 0.5, X0 = -35, Y0 = -20, Z0 = -100;
    static final int NX = 140, NY = 170, NZ = 130; // x -35..35, y -20..65, z -100..-35
    static boolean[] bone;

    @BeforeAll
    static void voxelise() {
        bone = new boolean[NX * NY * NZ];
        for (int k = 0; k < NZ; k++)
            for (int j = 0; j < NY; j++)
                for (int i = 0; i < NX; i++)
                    bone[(k * NY + j) * NX + i] = PHANTOM.tissue(point(i, j, k), false, false).isBone();
    }

    static Vec3 point(int i, int j, int k) {
        return new Vec3(X0 + (i + 0.5) * H, Y0 + (j + 0.5) * H, Z0 + (k + 0.5) * H);
    }

    /** 6-connected flood fill of bone from a seed; whether the target is reached. */
    static boolean connected(Vec3 seed, Vec3 target) {
        int s = index(seed), t = index(target);
        assertThat(bone[s]).as("seed %s is bone", seed).isTrue();
        assertThat(bone[t]).as("target %s is bone", target).isTrue();
        boolean[] seen = new boolean[bone.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(s);
        seen[s] = true;
        int[] steps = {1, -1, NX, -NX, NX * NY, -NX * NY};
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (v == t) return true;
            int i = v % NX, j = (v / NX) % NY, k = v / (NX * NY);
            for (int d = 0; d < 6; d++) {
                if ((d == 0 && i == NX - 1) || (d == 1 && i == 0) || (d == 2 && j == NY - 1) || (d == 3 && j == 0)
                        || (d == 4 && k == NZ - 1) || (d == 5 && k == 0)) continue;
                int w = v + steps[d];
                if (bone[w] && !seen[w]) {
                    seen[w] = true;
                    queue.add(w);
                }
            }
        }
        return false;
    }

    static int index(Vec3 p) {
        int i = (int) Math.floor((p.x() - X0) / H), j = (int) Math.floor((p.y() - Y0) / H), k = (int) Math.floor((p.z() - Z0) / H);
        return (k * NY + j) * NX + i;
    }

    static final Vec3 L4_BODY = new Vec3(0.2, 0.2, -38.2);
    static final Vec3 L4_SPINOUS = new Vec3(0.2, 50.2, -45.2);
    static final Vec3 L5_BODY = new Vec3(0.2, 0.2, -70.2);
    static final Vec3 L5_SPINOUS = new Vec3(0.2, 50.2, -80.2);
    static final Vec3 S1_BODY = new Vec3(0.2, 0.2, -99.7);

    @Test
    void intactL4ArchIsAttachedToItsBody() {
        assertThat(connected(L4_BODY, L4_SPINOUS)).isTrue();
    }

    @Test
    void bilateralParsDefectsDetachTheL5Arch() {
        assertThat(connected(L5_BODY, L5_SPINOUS)).isFalse();
    }

    @Test
    void facetJointsAndDiscsKeepLevelsApart() {
        assertThat(connected(L5_SPINOUS, L4_SPINOUS)).isFalse();
        assertThat(connected(L5_SPINOUS, S1_BODY)).isFalse();
        assertThat(connected(L4_BODY, L5_BODY)).isFalse();
        assertThat(connected(L5_BODY, S1_BODY)).isFalse();
    }

    @Test
    void defectGapIsSoftTissueWithoutContrastAndContrastWithIt() {
        Vec3 right = PHANTOM.defectCentre(SpinePhantom.RIGHT), left = PHANTOM.defectCentre(SpinePhantom.LEFT);
        assertThat(PHANTOM.tissue(right, true, true)).isEqualTo(Tissue.DEFECT_TISSUE);
        assertThat(PHANTOM.tissue(left, false, false)).isEqualTo(Tissue.DEFECT_TISSUE);
        assertThat(PHANTOM.tissue(left, true, false)).isEqualTo(Tissue.NEEDLE);
        Vec3 besideTip = left.minus(PHANTOM.needleHub().minus(left).unit().times(2));
        assertThat(PHANTOM.tissue(besideTip, true, true)).isEqualTo(Tissue.CONTRAST);
        Vec3 joint = PHANTOM.facetCentre(SpinePhantom.L5, SpinePhantom.LEFT);
        assertThat(PHANTOM.tissue(joint, false, false)).isEqualTo(Tissue.JOINT_SPACE);
        assertThat(PHANTOM.tissue(joint, true, true)).isEqualTo(Tissue.CONTRAST);
        assertThat(PHANTOM.tissue(new Vec3(-joint.x(), joint.y(), joint.z()), true, true)).isEqualTo(Tissue.JOINT_SPACE);
        assertThat(PHANTOM.tissue(PHANTOM.bodyCentre(3), false, false)).isEqualTo(Tissue.CANCELLOUS_BONE);
    }
}
