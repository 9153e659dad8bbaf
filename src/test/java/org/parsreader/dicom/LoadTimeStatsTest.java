package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;
import org.parsreader.volume.VolumeStats;
import org.parsreader.volume.VoxelType;

/**
 * Statistics summed while a volume loads ({@code volume-stats}, issue 16) are those of the loaded
 * volume: every voxel of every valid slice, voxel by voxel, and nothing of a bad slice; the
 * hand-unrolled loops (stats, signed-to-unsigned shift) get every voxel, also a matrix whose size
 * is no multiple of their step.
 */
class LoadTimeStatsTest {
    static final double[] AXIAL = {1, 0, 0, 0, 1, 0};
    static final String SERIES = "1.2.826.0.1.3680043.9.7133.3.77";

    @TempDir
    Path dir;

    /** {@code n} slices of 7 x 5 (35 voxels: not a multiple of 4 or 8), random values; slice {@code badSlice} gets an unusable intercept. */
    private ImageStack series(int n, boolean signed, int badSlice) throws Exception {
        SplittableRandom r = new SplittableRandom(42);
        for (int k = 0; k < n; k++) {
            AttributeList l = TestDicom.ctSlice(SERIES, SERIES + "." + (k + 1), k + 1, new double[] {0, 0, 2.0 * k}, AXIAL, 5, 7, 0.5,
                    (short) 0, signed, -1024);
            short[] px = new short[35];
            // signed: the whole signed range; unsigned: the whole unsigned range (stored bits)
            for (int i = 0; i < px.length; i++) px[i] = (short) (signed ? r.nextInt(-32768, 32768) : r.nextInt(0, 65536));
            TestDicom.pixels(l, 5, 7, signed, px);
            if (k == badSlice) TestDicom.ds(l, Tags.RescaleSlope, 0);
            TestDicom.write(l, dir.resolve(String.format("IM%03d", k)));
        }
        return StudyScanner.scan(dir).stacks().get(0);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void statisticsSummedWhileLoadingAreThoseOfTheLoadedVolumeVoxelByVoxel(boolean signed) throws Exception {
        ImageStack stack = series(9, signed, 4);
        VolumeStats.Partials partials = new VolumeStats.Partials();
        AtomicInteger told = new AtomicInteger();
        Volume v = VolumeLoader.load(stack, ProgressListener.NONE, 2, (k, type, array) -> {
            told.incrementAndGet();
            partials.add(k, type, array);
        });
        assertThat(v.type()).isEqualTo(VoxelType.UINT16);
        assertThat(v.isValidSlice(4)).isFalse();
        assertThat(told.get()).isEqualTo(8); // the bad slice is not decoded, so not told

        long count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < v.depth(); k++) {
            if (!v.isValidSlice(k)) continue;
            for (int j = 0; j < 5; j++) for (int i = 0; i < 7; i++) {
                double x = v.value(i, j, k);
                count++;
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        VolumeStats s = partials.finish(v);
        assertThat(s.count()).isEqualTo(count).isEqualTo(8 * 35);
        assertThat(s.sum()).isEqualTo(sum); // integers: exact
        assertThat(s.min()).isEqualTo(min);
        assertThat(s.max()).isEqualTo(max);
        assertThat(s).isEqualTo(VolumeStats.of(v));
        // stored as unsigned shorts: signed data shifted by 32768, and the shift in the intercept
        assertThat(v.intercept()).isEqualTo(signed ? -1024 - 32768 : -1024);
    }

    @Test
    void aSliceNotSeenWhileLoadingIsSummedWhenFinishing() throws Exception {
        Volume v = VolumeLoader.load(series(3, true, -1));
        VolumeStats.Partials partials = new VolumeStats.Partials();
        partials.add(0, v.type(), v.slice(0));
        partials.add(1, v.type(), ((short[]) v.slice(1)).clone()); // not the volume's array: not used
        assertThat(partials.finish(v)).isEqualTo(VolumeStats.of(v));
        ((short[]) v.slice(1))[3] = 0; // the volume changed after the copy was summed
        assertThat(partials.finish(v)).isEqualTo(VolumeStats.of(v));
        assertThat(partials.finish(v).min()).isEqualTo(v.intercept());
    }

    @Test
    void theSignedShiftFlipsTheSignBitOfEveryVoxel() {
        for (int n : new int[] {0, 1, 7, 8, 9, 17}) {
            short[] s = new short[n];
            for (int i = 0; i < n; i++) s[i] = (short) (i * 4099 - 32768);
            short[] expected = new short[n];
            for (int i = 0; i < n; i++) expected[i] = (short) (s[i] + 32768);
            Layout.shiftSigned(s);
            assertThat(s).as("length %d", n).containsExactly(expected);
        }
    }
}
