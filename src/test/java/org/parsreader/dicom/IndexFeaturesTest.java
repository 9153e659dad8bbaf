package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.volume.Volume;

/** Enhanced multi-frame geometry, MR sequence classes and DICOMDIR reading. */
class IndexFeaturesTest {
    @TempDir
    Path dir;

    @Test
    void enhancedMultiFrameUsesPerFrameFunctionalGroups() throws Exception {
        int frames = 5;
        AttributeList l = TestDicom.base(TestDicom.ENHANCED_CT, "CT", "1.2.826.0.1.3680043.9.7133.3.1", "1.2.826.0.1.3680043.9.7133.3.1.1", 1);
        TestDicom.is(l, Tags.NumberOfFrames, frames);
        AttributeList measures = new AttributeList();
        TestDicom.ds(measures, Tags.PixelSpacing, 0.7, 0.7);
        TestDicom.ds(measures, Tags.SliceThickness, 1.5);
        AttributeList orientation = new AttributeList();
        TestDicom.ds(orientation, Tags.ImageOrientationPatient, 1, 0, 0, 0, 1, 0);
        AttributeList rescale = new AttributeList();
        TestDicom.ds(rescale, Tags.RescaleSlope, 1);
        TestDicom.ds(rescale, Tags.RescaleIntercept, -1024);
        AttributeList shared = new AttributeList();
        shared.put(TestDicom.sequence(Tags.PixelMeasuresSequence, measures));
        shared.put(TestDicom.sequence(Tags.PlaneOrientationSequence, orientation));
        shared.put(TestDicom.sequence(Tags.PixelValueTransformationSequence, rescale));
        l.put(TestDicom.sequence(Tags.SharedFunctionalGroupsSequence, shared));
        SequenceAttribute perFrame = new SequenceAttribute(Tags.at(Tags.PerFrameFunctionalGroupsSequence));
        short[] values = new short[frames * 16];
        for (int f = 0; f < frames; f++) {
            AttributeList pos = new AttributeList();
            TestDicom.ds(pos, Tags.ImagePositionPatient, 0, 0, 40 - 1.5 * f); // frames stored head to foot
            AttributeList item = new AttributeList();
            item.put(TestDicom.sequence(Tags.PlanePositionSequence, pos));
            perFrame.addItem(item);
            java.util.Arrays.fill(values, f * 16, f * 16 + 16, (short) (1024 + f));
        }
        l.put(perFrame);
        TestDicom.pixels(l, 4, 4, false, values);
        TestDicom.write(l, dir.resolve("enhanced.dcm"));

        ImageStack stack = StudyScanner.scan(dir).stacks().get(0);
        assertThat(stack.size()).isEqualTo(frames);
        assertThat(stack.sliceSpacing()).isCloseTo(1.5, within(1e-9));
        Volume v = VolumeLoader.load(stack);
        assertThat(v.geometry().spacing()).containsExactly(new double[] {0.7, 0.7, 1.5}, within(1e-9));
        for (int k = 0; k < frames; k++) assertThat(v.value(0, 0, k)).isEqualTo(frames - 1 - k); // sorted foot to head
        assertThat(v.slices().get(0).frame()).isEqualTo(frames - 1);
    }

    private InstanceHeader.Acquisition mr(String seq, String options, double tr, double te, double ti) {
        return new InstanceHeader.Acquisition(seq, "SK", options, "", tr, te, ti, 1.5, false, "",
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", Double.NaN);
    }

    @Test
    void mrSequenceClassesComeFromTheTagsFirst() {
        assertThat(SequenceClassifier.fromTags(mr("SE", "", 3500, 100, Double.NaN)).sequenceClass()).isEqualTo(SequenceClass.T2);
        assertThat(SequenceClassifier.fromTags(mr("SE", "FS", 3500, 80, Double.NaN)).sequenceClass()).isEqualTo(SequenceClass.T2_FS);
        assertThat(SequenceClassifier.fromTags(mr("SE\\IR", "", 4000, 60, 150)).sequenceClass()).isEqualTo(SequenceClass.STIR);
        assertThat(SequenceClassifier.fromTags(mr("SE", "", 550, 12, Double.NaN)).sequenceClass()).isEqualTo(SequenceClass.T1);
        assertThat(SequenceClassifier.fromTags(mr("IR", "", 9000, 120, 2500)).sequenceClass()).isEqualTo(SequenceClass.FLAIR);
        // the description decides only when the tags do not: a STIR called "T2" by its protocol is still STIR
        assertThat(SequenceClassifier.fromTags(mr("GR", "", Double.NaN, Double.NaN, Double.NaN))).isNull();
        assertThat(SequenceClassifier.fromDescription("sag T2 TSE FS").sequenceClass()).isEqualTo(SequenceClass.T2_FS);
        assertThat(SequenceClassifier.fromDescription("TIRM SAG").sequenceClass()).isEqualTo(SequenceClass.STIR);
        assertThat(SequenceClass.STIR.showsEdema()).isTrue();
    }

    @Test
    void parsReadersOwnFilesAreNotListedAsSkipped(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        TestDicomAccess.writeAxialCt(root, 2);
        Path findings = Files.createDirectories(root.resolve("findings/.versions/R1"));
        Files.writeString(root.resolve("findings/R1.findings.json"), "{}");
        Files.writeString(root.resolve("findings/audit.log"), "");
        Files.writeString(findings.resolve("000001.json"), "{}");
        Files.writeString(root.resolve("notes.txt"), "a reader's note");
        StudyIndex index = StudyScanner.scan(root);
        assertThat(index.stacks()).hasSize(1);
        assertThat(index.skipped()).extracting(f -> f.file().getFileName().toString()).containsExactly("notes.txt");
    }

    @Test
    void filesOfAnUnfinishedPacsRetrievalAreSkippedWithTheReason(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        // a JVM killed mid-retrieve leaves StudyCache's hidden working folder: its files must not join the index as a study
        Path partial = Files.createDirectories(root.resolve(".partial-1.2.3-99"));
        TestDicomAccess.writeAxialCt(partial, 2);
        StudyIndex index = StudyScanner.scan(root);
        assertThat(index.stacks()).isEmpty();
        assertThat(index.skipped()).hasSize(2).allSatisfy(f -> assertThat(f.reason()).contains(".partial-1.2.3-99").contains("retrieve the study again"));
    }

    @Test
    void dicomdirIsReadAndItsFilesChecked() {
        Path folder = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/dicomdirtests");
        Assumptions.assumeTrue(Files.isDirectory(folder));
        StudyIndex index = StudyScanner.scan(folder);
        StudyIndex.DicomDirSummary main = index.dicomdirs().stream()
                .filter(d -> d.file().getFileName().toString().equals("DICOMDIR")).findFirst().orElseThrow();
        assertThat(main.problems()).isEmpty();
        assertThat(main.referencedFiles()).isEqualTo(31);
        assertThat(main.missingFiles()).isEmpty();
        assertThat(index.dicomdirs()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(index.stacks()).isNotEmpty();
    }
}
