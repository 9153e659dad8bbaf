package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Defects found by {@link RleDecoderFuzzTest}; each failed with something other than DicomReadException. */
class RleDecoderTest {
    private static final Path FILE = Path.of("x.dcm");

    private static PixelFormat format(int rows, int cols, int samples, int bits) {
        return new PixelFormat(rows, cols, samples, bits, bits, false, "MONOCHROME2", 0, 1);
    }

    /** A frame with one segment holding {@code body} after the 64-byte header. */
    private static byte[] frame(int segments, byte... body) {
        ByteBuffer b = ByteBuffer.allocate(64 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(segments);
        for (int s = 0; s < segments && s < 15; s++) b.putInt(64);
        b.position(64);
        b.put(body);
        return b.array();
    }

    @Test
    void decodesOneReplicateRun() {
        byte[] out = (byte[]) RleDecoder.decode(FILE, frame(1, (byte) -3, (byte) 9), format(2, 2, 1, 8));
        assertThat(out).containsExactly(9, 9, 9, 9);
    }

    @Test
    void frameShorterThanFourBytesIsReportedNotAnIndexError() {
        // was ArrayIndexOutOfBoundsException: the segment count was read before the length check
        assertThatThrownBy(() -> RleDecoder.decode(FILE, new byte[] {1, 0}, format(2, 2, 1, 8)))
                .isInstanceOf(DicomReadException.class).hasMessageContaining("shorter than its 64-byte header");
    }

    @Test
    void sixteenOrMoreSegmentsAreRefusedBeforeReadingOffsetsPastTheHeader() {
        // 16 samples x 1 byte: the 16th segment offset would be read from byte 64, past the header
        assertThatThrownBy(() -> RleDecoder.decode(FILE, frame(16), format(1, 1, 16, 8)))
                .isInstanceOf(DicomReadException.class).hasMessageContaining("1 to 15 are possible");
    }

    @Test
    void rowsTimesColumnsBeyondWhatTheDataCanHoldIsRefusedBeforeAllocating() {
        // 65535 x 65535 overflowed int (NegativeArraySizeException); 30000 x 30000 allocated ~1 GB per plane
        assertThatThrownBy(() -> RleDecoder.decode(FILE, frame(1, (byte) -127, (byte) 0), format(65535, 65535, 1, 8)))
                .isInstanceOf(DicomReadException.class).hasMessageContaining("cannot hold 65535 x 65535 pixels");
        assertThatThrownBy(() -> RleDecoder.decode(FILE, frame(1, (byte) -127, (byte) 0), format(30000, 30000, 1, 8)))
                .isInstanceOf(DicomReadException.class).hasMessageContaining("expands at most 64-fold");
    }
}
