package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DecimalStringAttribute;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VolumeStats;

/**
 * One bad slice in an otherwise good series, as a hostile tester (or a broken PACS) makes
 * them: each must end as a slice marked bad or a split stack, with a warning that travels with
 * the loaded volume; never as a silently wrong volume or grid.
 */
class HostileSeriesTest {
    static final double[] AXIAL = {1, 0, 0, 0, 1, 0};
    static final String SERIES = "1.2.826.0.1.3680043.9.7133.3.1";
    static final int N = 18;
    static final double STEP = 3.0;

    @TempDir
    Path dir;

    /** 18 axial slices at z = 3k, slice k stores 1000 + k (HU = k - 24); {@code mutate} may change slice {@code victim}. */
    private void writeSeries(int victim, Consumer<AttributeList> mutate) throws Exception {
        for (int k = 0; k < N; k++) {
            AttributeList l = TestDicom.ctSlice(SERIES, SERIES + "." + (k + 1), k + 1, new double[] {-8, -8, STEP * k},
                    AXIAL, 16, 16, 0.5, (short) (1000 + k), false, -1024);
            if (k == victim) mutate.accept(l);
            TestDicom.write(l, dir.resolve(String.format("IM%03d", k)));
        }
    }

    private static void putString(AttributeList l, int tag, String raw) {
        try {
            Attribute a = new DecimalStringAttribute(Tags.at(tag));
            for (String v : raw.split("\\\\")) a.addValue(v);
            l.put(a);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ImageStack onlyStack() {
        List<ImageStack> stacks = StudyScanner.scan(dir).stacks();
        assertThat(stacks).hasSize(1);
        return stacks.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "NaN", "Infinity", "-Infinity"})
    void aRescaleInterceptThatIsNotANumberMarksItsSliceBad(String value) throws Exception {
        writeSeries(7, l -> putString(l, Tags.RescaleIntercept, value));
        ImageStack stack = onlyStack();
        assertThat(stack.size()).isEqualTo(N);
        assertThat(stack.warnings()).anyMatch(w -> w.contains("IM007") && w.contains("RescaleIntercept") && w.contains(value));
        Volume v = VolumeLoader.load(stack);
        assertThat(v.depth()).isEqualTo(N);
        assertThat(v.invalidSliceCount()).isEqualTo(1);
        assertThat(v.slices().get(7).problem()).contains("RescaleIntercept").contains(value);
        // the other 17 keep their calibration: HU k - 24, stored compactly (one slope/intercept)
        assertThat(v.type()).isEqualTo(org.parsreader.volume.VoxelType.UINT16);
        for (int k = 0; k < N; k++) if (k != 7) assertThat(v.value(3, 3, k)).isEqualTo(k - 24);
        VolumeStats st = VolumeStats.of(v);
        assertThat(st.count()).isEqualTo(17L * 256);
        assertThat(st.max()).isEqualTo(N - 1 - 24);
        assertThat(v.warnings()).anyMatch(w -> w.contains("RescaleIntercept") && w.contains(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "NaN", "Infinity", "0"})
    void aRescaleSlopeThatIsNotAUsableNumberMarksItsSliceBad(String value) throws Exception {
        writeSeries(4, l -> putString(l, Tags.RescaleSlope, value));
        Volume v = VolumeLoader.load(onlyStack());
        assertThat(v.invalidSliceCount()).isEqualTo(1);
        assertThat(v.slices().get(4).problem()).contains("RescaleSlope").contains("'" + value + "'");
        assertThat(v.value(3, 3, 5)).isEqualTo(5 - 24);
        assertThat(v.warnings()).anyMatch(w -> w.contains("RescaleSlope"));
    }

    @Test
    void twoImagesAtOnePositionLeaveOneOnTheTrueGridAndSayWhichWasKept() throws Exception {
        writeSeries(-1, l -> { });
        // a second image at the position of slice 9, later in the series (a repeated slice)
        AttributeList extra = TestDicom.ctSlice(SERIES, SERIES + ".99", 99, new double[] {-8, -8, STEP * 9},
                AXIAL, 16, 16, 0.5, (short) 3000, false, -1024);
        TestDicom.write(extra, dir.resolve("IM099"));
        ImageStack stack = onlyStack();
        assertThat(stack.size()).isEqualTo(N);
        assertThat(stack.sliceSpacing()).isCloseTo(STEP, within(1e-9));
        assertThat(stack.regularSpacing()).isTrue();
        assertThat(stack.duplicatePositions()).isEqualTo(1);
        assertThat(stack.warnings()).anyMatch(w -> w.contains("IM099") && w.contains("IM009") && w.contains("kept"));
        Volume v = VolumeLoader.load(stack);
        assertThat(v.depth()).isEqualTo(N);
        assertThat(v.geometry().spacing()[2]).isCloseTo(STEP, within(1e-9));
        // the kept image is the later one (higher InstanceNumber): a repeat replaces what it repeats
        assertThat(v.value(3, 3, 9)).isEqualTo(3000 - 1024);
        assertThat(v.warnings()).anyMatch(w -> w.contains("IM099"));
    }

    @Test
    void theSameInstanceTwiceIsOneImageAndTheStackSaysSo() throws Exception {
        writeSeries(-1, l -> { });
        Files.copy(dir.resolve("IM005"), dir.resolve("IM005-copy"));
        StudyIndex index = StudyScanner.scan(dir);
        ImageStack stack = index.stacks().get(0);
        assertThat(stack.size()).isEqualTo(N);
        assertThat(stack.sliceSpacing()).isCloseTo(STEP, within(1e-9));
        assertThat(stack.warnings()).anyMatch(w -> w.contains("IM005-copy") && w.contains("same SOP Instance UID"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NaN\\NaN\\NaN", "a\\b\\c", "1\\2"})
    void oneSliceWithoutAUsablePositionIsLeftOutAndTheGridStaysTrue(String ipp) throws Exception {
        writeSeries(6, l -> {
            if (ipp.isEmpty()) l.remove(Tags.at(Tags.ImagePositionPatient));
            else putString(l, Tags.ImagePositionPatient, ipp);
        });
        ImageStack stack = onlyStack();
        assertThat(stack.sliceSpacing()).isCloseTo(STEP, within(1e-9));
        assertThat(stack.warnings()).anyMatch(w -> w.contains("IM006") && w.contains("ImagePositionPatient"));
        assertThat(stack.warnings()).noneMatch(w -> w.contains("InstanceNumber"));
        Volume v = VolumeLoader.load(stack);
        assertThat(v.depth()).isEqualTo(N);
        assertThat(v.geometry().spacing()[2]).isCloseTo(STEP, within(1e-9));
        assertThat(v.isValidSlice(6)).isFalse();
        for (int k = 0; k < N; k++) if (k != 6) assertThat(v.value(3, 3, k)).isEqualTo(k - 24);
        assertThat(v.geometry().toPatient(0, 0, 17)[2]).isCloseTo(51, within(1e-9));
        assertThat(v.warnings()).anyMatch(w -> w.contains("IM006"));
    }

    @Test
    void oneSliceWithAnotherPixelSpacingIsSplitOff() throws Exception {
        writeSeries(3, l -> putString(l, Tags.PixelSpacing, "0.6\\0.6"));
        List<ImageStack> stacks = StudyScanner.scan(dir).stacks();
        assertThat(stacks).hasSize(2);
        assertThat(stacks.get(0).size()).isEqualTo(N - 1);
        assertThat(stacks.get(0).pixelSpacing()).containsExactly(0.5, 0.5);
        assertThat(stacks.get(1).size()).isEqualTo(1);
        assertThat(stacks.get(0).warnings()).anyMatch(w -> w.contains("PixelSpacing") && w.contains("IM003"));
        Volume v = VolumeLoader.load(stacks.get(0));
        assertThat(v.geometry().spacing()[0]).isEqualTo(0.5);
        assertThat(v.isValidSlice(3)).isFalse();
        assertThat(v.slices().get(3).problem()).isEqualTo("IM003 belongs here but was split off into stack #2 (its PixelSpacing differs)");
        assertThat(v.warnings()).anyMatch(w -> w.contains("PixelSpacing"));
    }

    @Test
    void oneSliceWithAnotherOrientationIsSplitOff() throws Exception {
        writeSeries(3, l -> putString(l, Tags.ImageOrientationPatient, "1\\0\\0\\0\\0\\-1"));
        List<ImageStack> stacks = StudyScanner.scan(dir).stacks();
        assertThat(stacks).hasSize(2);
        assertThat(stacks.get(0).size()).isEqualTo(N - 1);
        assertThat(stacks.get(0).warnings()).anyMatch(w -> w.contains("ImageOrientationPatient") && w.contains("IM003"));
    }

    @Test
    void oneSliceInAnotherFrameOfReferenceIsSplitOff() throws Exception {
        writeSeries(3, l -> {
            try {
                TestDicom.ui(l, Tags.FrameOfReferenceUID, "1.2.826.0.1.3680043.9.7133.1.777");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<ImageStack> stacks = StudyScanner.scan(dir).stacks();
        assertThat(stacks).hasSize(2);
        assertThat(stacks.get(0).size()).isEqualTo(N - 1);
        assertThat(stacks.get(0).warnings()).anyMatch(w -> w.contains("FrameOfReferenceUID") && w.contains("IM003"));
    }

    @Test
    void oneSliceWithAnotherMatrixIsSplitOff() throws Exception {
        writeSeries(3, l -> {
            try {
                TestDicom.pixels(l, 8, 8, false, TestDicom.filled(64, (short) 1000));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<ImageStack> stacks = StudyScanner.scan(dir).stacks();
        assertThat(stacks).hasSize(2);
        assertThat(stacks.get(0).size()).isEqualTo(N - 1);
        assertThat(stacks.get(0).warnings()).anyMatch(w -> w.contains("Rows") && w.contains("IM003"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN\\NaN", "-0.5\\-0.5", "0\\0", "x\\y"})
    void pixelSpacingUnusableOnEverySliceIsRefusedWithTheReason(String spacing) throws Exception {
        for (int k = 0; k < N; k++) {
            AttributeList l = TestDicom.ctSlice(SERIES, SERIES + "." + (k + 1), k + 1, new double[] {-8, -8, STEP * k},
                    AXIAL, 16, 16, 0.5, (short) (1000 + k), false, -1024);
            putString(l, Tags.PixelSpacing, spacing);
            TestDicom.write(l, dir.resolve(String.format("IM%03d", k)));
        }
        ImageStack stack = onlyStack();
        assertThat(stack.warnings()).anyMatch(w -> w.contains("PixelSpacing") && w.contains(spacing));
        assertThatThrownBy(() -> VolumeLoader.load(stack))
                .isInstanceOf(DicomReadException.class)
                .hasMessageContaining("PixelSpacing").hasMessageContaining(spacing);
    }

    @Test
    void aFileTruncatedInsideItsHeaderIsSkippedNotANonImageObject() throws Exception {
        writeSeries(-1, l -> { });
        Path victim = dir.resolve("IM004");
        long cut = headerOffsetOf(victim, new byte[] {0x28, 0x00, 0x10, 0x00}) + 2; // inside the Rows element
        try (RandomAccessFile raf = new RandomAccessFile(victim.toFile(), "rw")) {
            raf.setLength(cut);
        }
        StudyIndex index = StudyScanner.scan(dir);
        assertThat(index.skipped()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(victim);
            assertThat(f.reason()).contains("truncated");
        });
        assertThat(index.patients().get(0).studies().get(0).series().get(0).nonImage()).isEmpty();
    }

    @Test
    void aFileCutBeforeItsImageAttributesIsSkippedNotANonImageObject() throws Exception {
        writeSeries(-1, l -> { });
        Path victim = dir.resolve("IM004");
        long cut = headerOffsetOf(victim, new byte[] {0x20, 0x00, 0x32, 0x00}); // exactly before ImagePositionPatient
        try (RandomAccessFile raf = new RandomAccessFile(victim.toFile(), "rw")) {
            raf.setLength(cut);
        }
        StudyIndex index = StudyScanner.scan(dir);
        assertThat(index.skipped()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(victim);
            assertThat(f.reason()).contains("CT Image Storage").contains("no Pixel Data");
        });
    }

    @Test
    void anElementLengthPastTheEndOfTheFileIsSkippedWithItsReason() throws Exception {
        writeSeries(-1, l -> { });
        Path victim = dir.resolve("IM004");
        long at = headerOffsetOf(victim, new byte[] {0x08, 0x00, 0x3E, 0x10}); // SeriesDescription, explicit VR LO
        try (RandomAccessFile raf = new RandomAccessFile(victim.toFile(), "rw")) {
            raf.seek(at + 6);
            raf.write(new byte[] {(byte) 0xF0, (byte) 0xFF}); // 65520 bytes: far past the end of this small file
        }
        StudyIndex index = StudyScanner.scan(dir);
        assertThat(index.skipped()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(victim);
            assertThat(f.reason()).contains("(0008,103E)").contains("65520");
        });
    }

    /** Byte offset of the first occurrence of an element's tag bytes after the meta header. */
    static long headerOffsetOf(Path file, byte[] tag) throws Exception {
        byte[] b = Files.readAllBytes(file);
        outer:
        for (int i = 132; i < b.length - 4; i++) {
            for (int j = 0; j < 4; j++) if (b[i + j] != tag[j]) continue outer;
            return i;
        }
        throw new IllegalStateException("tag not found in " + file);
    }
}
