package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.AttributeList;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VolumeStats;
import org.parsreader.volume.VoxelGeometry;

/** Sorting by geometry, tilt, gaps, repeats and splits on synthetic series whose truth is known. */
class StackGeometryTest {
    static final double[] AXIAL = {1, 0, 0, 0, 1, 0};
    static final String SERIES = "1.2.826.0.1.3680043.9.7133.2.1";

    @TempDir
    Path dir;

    /** Slice k at z = 100 - 2.5k holds stored value 1000 + k; names and InstanceNumbers disagree with geometry. */
    private void writeAxial(int n, double[] iop, double tiltDeg) throws Exception {
        for (int k = 0; k < n; k++) {
            double z = 100 - 2.5 * k;
            double y = -Math.tan(Math.toRadians(tiltDeg)) * (100 - z) * 0; // table moves along z only
            AttributeList l = TestDicom.ctSlice(SERIES, SERIES + "." + (k + 1), (k * 7) % n + 1, new double[] {-50, y - 50, z},
                    iop, 8, 8, 0.5, (short) (1000 + k), false, -1024);
            String name = String.format("IMG%05d", (k * 37 + 11) % 97); // not in position order
            TestDicom.write(l, dir.resolve(name));
        }
    }

    @Test
    void sortsByPositionAlongTheNormalNotByNameOrInstanceNumber() throws Exception {
        writeAxial(9, StackGeometryTest.AXIAL, 0);
        StudyIndex index = StudyScanner.scan(dir);
        ImageStack stack = index.stacks().get(0);
        assertThat(stack.size()).isEqualTo(9);
        assertThat(stack.orientation()).isEqualTo(Orientation.AXIAL);
        assertThat(stack.sliceSpacing()).isCloseTo(2.5, within(1e-9));
        assertThat(stack.regularSpacing()).isTrue();
        Volume v = VolumeLoader.load(stack);
        // normal of an axial stack is +z: slice 0 is the lowest z, which was written as k = 8
        for (int s = 0; s < 9; s++) assertThat(v.value(3, 3, s)).isEqualTo(1000 + (8 - s) - 1024);
        assertThat(v.geometry().toPatient(0, 0, 0)[2]).isCloseTo(80, within(1e-9));
        assertThat(v.geometry().toPatient(0, 0, 8)[2]).isCloseTo(100, within(1e-9));
    }

    @Test
    void gantryTiltKeepsTheShearedGeometryExactly() throws Exception {
        double t = Math.toRadians(12);
        double[] tilted = {1, 0, 0, 0, Math.cos(t), -Math.sin(t)};
        writeAxial(6, tilted, 12);
        ImageStack stack = StudyScanner.scan(dir).stacks().get(0);
        assertThat(stack.geometricTiltDeg()).isCloseTo(12, within(1e-6));
        assertThat(stack.warnings()).anyMatch(w -> w.contains("gantry tilt"));
        Volume v = VolumeLoader.load(stack);
        VoxelGeometry g = v.geometry();
        assertThat(g.shearDeg()).isCloseTo(12, within(1e-6));
        // every slice's first voxel maps to that file's ImagePositionPatient
        for (int k = 0; k < stack.size(); k++) {
            double[] ipp = stack.frames().get(k).geometry().position();
            assertThat(g.toPatient(0, 0, k)).containsExactly(ipp, within(1e-9));
        }
        // distance between slice planes is 2.5 cos(12 deg); voxel volume is area x that distance
        assertThat(g.spacing()[2]).isCloseTo(2.5 * Math.cos(t), within(1e-9));
        assertThat(g.voxelVolumeMm3()).isCloseTo(0.25 * 2.5 * Math.cos(t), within(1e-9));
        double[] p = g.toPatient(3.25, 5.5, 2.75);
        assertThat(g.toVoxel(p[0], p[1], p[2])).containsExactly(new double[] {3.25, 5.5, 2.75}, within(1e-9));
    }

    @Test
    void aMissingOrTruncatedFileLeavesAMarkedPlaceholderAndTheRestOpens() throws Exception {
        writeAxial(7, AXIAL, 0);
        Path victim;
        try (var s = Files.list(dir)) {
            victim = s.sorted().toList().get(2);
        }
        try (RandomAccessFile raf = new RandomAccessFile(victim.toFile(), "rw")) {
            raf.setLength(raf.length() - 40); // cut into the pixel data
        }
        StudyIndex index = StudyScanner.scan(dir);
        assertThat(index.skipped()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(victim);
            assertThat(f.reason()).startsWith("truncated: Pixel Data declares 128 bytes");
        });
        ImageStack stack = index.stacks().get(0);
        assertThat(stack.missingSlices()).isEqualTo(1);
        Volume v = VolumeLoader.load(stack);
        assertThat(v.depth()).isEqualTo(7);
        assertThat(v.invalidSliceCount()).isEqualTo(1);
        int bad = List.copyOf(v.slices()).indexOf(v.slices().stream().filter(x -> !x.valid()).findFirst().orElseThrow());
        assertThat(v.slices().get(bad).problem()).contains("missing slice");
        // statistics skip the placeholder: all valid voxels are 1000..1006 - 1024
        VolumeStats st = VolumeStats.of(v);
        assertThat(st.count()).isEqualTo(6 * 64);
        assertThat(st.min()).isGreaterThanOrEqualTo(-24);
        // geometry stays regular across the gap
        assertThat(v.geometry().spacing()[2]).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void repeatedPositionsFromTwoAcquisitionsBecomeTwoStacks() throws Exception {
        for (int acq = 1; acq <= 2; acq++) {
            for (int k = 0; k < 4; k++) {
                AttributeList l = TestDicom.ctSlice(SERIES, SERIES + "." + acq + "." + k, k + 1, new double[] {0, 0, 3.0 * k},
                        AXIAL, 4, 4, 1, (short) (acq * 100), false, 0);
                TestDicom.is(l, Tags.AcquisitionNumber, acq);
                TestDicom.write(l, dir.resolve("a" + acq + "_" + k));
            }
        }
        List<ImageStack> stacks = StudyScanner.scan(dir).stacks();
        assertThat(stacks).hasSize(2).allSatisfy(s -> {
            assertThat(s.size()).isEqualTo(4);
            assertThat(s.duplicatePositions()).isZero();
        });
        assertThat(stacks.get(0).id()).isEqualTo(SERIES + "#1");
    }

    @Test
    void localizerAndOtherOrientationsAreSeparateStacks() throws Exception {
        for (int k = 0; k < 5; k++) {
            TestDicom.write(TestDicom.ctSlice(SERIES, SERIES + ".ax" + k, k + 1, new double[] {0, 0, 2.0 * k}, AXIAL, 4, 4, 1, (short) 5, false, 0),
                    dir.resolve("ax" + k));
        }
        AttributeList scout = TestDicom.ctSlice(SERIES, SERIES + ".scout", 99, new double[] {0, 0, 0}, new double[] {0, 1, 0, 0, 0, -1}, 4, 4, 1, (short) 5, false, 0);
        TestDicom.cs(scout, Tags.ImageType, "ORIGINAL", "PRIMARY", "LOCALIZER");
        TestDicom.write(scout, dir.resolve("scout"));
        List<ImageStack> stacks = StudyScanner.scan(dir).stacks();
        assertThat(stacks).hasSize(2);
        assertThat(stacks.get(0).size()).isEqualTo(5);
        assertThat(stacks.get(0).orientation()).isEqualTo(Orientation.AXIAL);
        assertThat(stacks.get(1).localizer()).isTrue();
        assertThat(stacks.get(1).orientation()).isEqualTo(Orientation.SAGITTAL);
    }

    @Test
    void signedStorageCalibratesToTheSameHounsfieldUnits() throws Exception {
        TestDicom.write(TestDicom.ctSlice(SERIES, SERIES + ".s", 1, new double[] {0, 0, 0}, AXIAL, 4, 4, 1, (short) -1000, true, 0), dir.resolve("signed"));
        Volume v = VolumeLoader.load(StudyScanner.scan(dir).stacks().get(0));
        assertThat(v.value(1, 1, 0)).isEqualTo(-1000);
        assertThat(VolumeStats.of(v).mean()).isEqualTo(-1000);
    }
}
