package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsreader.sample.GroundTruth;
import org.parsreader.volume.Volume;

/** The index and loader against the sample case's ground truth (names and InstanceNumbers deliberately misleading). */
class SampleCaseIndexTest {
    static final Path SAMPLE = Path.of("sample-data/case-001");

    @Test
    void everySeriesIsSortedInGeometricOrderWithTheRightClasses() throws Exception {
        GroundTruth truth = GroundTruth.read(SAMPLE.resolve("ground-truth.json"));
        StudyIndex index = StudyScanner.scan(SAMPLE);
        assertThat(index.stacks()).hasSize(truth.series().size());
        for (GroundTruth.Series s : truth.series()) {
            ImageStack stack = index.findStack(s.seriesInstanceUid()).orElseThrow();
            assertThat(stack.size()).isEqualTo(s.files().size());
            assertThat(stack.geometricTiltDeg()).as(s.seriesDescription()).isCloseTo(s.gantryTiltDeg(), within(0.01));
            assertThat(stack.sliceSpacing()).isCloseTo(s.spacingAlongNormalMm(), within(1e-3)); // truth is rounded to 0.001 mm
            // slice k of the stack must be the file whose geometric index is k (or reversed, if the normal points the other way)
            List<String> order = stack.frames().stream().map(f -> f.instance().file().getFileName().toString()).toList();
            List<String> truthOrder = s.files().stream().sorted(java.util.Comparator.comparingInt(GroundTruth.FileEntry::geometricIndex))
                    .map(f -> Path.of(f.file()).getFileName().toString()).toList();
            List<String> reversed = new java.util.ArrayList<>(truthOrder);
            java.util.Collections.reverse(reversed);
            assertThat(order).as(s.seriesDescription()).isIn(truthOrder, reversed);
            if (s.modality().equals("MR")) {
                SequenceClass expected = s.seriesDescription().startsWith("STIR") ? SequenceClass.STIR
                        : s.seriesDescription().startsWith("T2") ? SequenceClass.T2 : SequenceClass.T1;
                assertThat(stack.sequence().sequenceClass()).isEqualTo(expected);
                assertThat(stack.sequence().basis()).startsWith("tags:");
            }
        }
    }

    @Test
    void signedAndTiltedNeedleCheckReadsHounsfieldUnitsAtTheTruePositions() throws Exception {
        GroundTruth truth = GroundTruth.read(SAMPLE.resolve("ground-truth.json"));
        GroundTruth.Series needle = truth.series().stream().filter(s -> s.seriesDescription().equals("Needle check")).findFirst().orElseThrow();
        ImageStack stack = StudyScanner.scan(SAMPLE).findStack(needle.seriesInstanceUid()).orElseThrow();
        assertThat(stack.first().pixelFormat().signed()).isTrue();
        Volume v = VolumeLoader.load(stack);
        // every file's ImagePositionPatient is where the geometry puts its first voxel
        for (int k = 0; k < v.depth(); k++) {
            double[] ipp = stack.frames().get(k).geometry().position();
            assertThat(v.geometry().toPatient(0, 0, k)).containsExactly(ipp, within(1e-6));
        }
        var l5 = truth.vertebralBodyCentres().stream().filter(l -> l.name().startsWith("L5")).findFirst().orElseThrow();
        double[] ijk = v.geometry().toVoxel(l5.ct().x(), l5.ct().y(), l5.ct().z());
        double hu = v.value((int) Math.round(ijk[0]), (int) Math.round(ijk[1]), (int) Math.round(ijk[2]));
        assertThat(hu).isBetween(150.0, 350.0); // cancellous bone 250 HU plus noise
    }
}
