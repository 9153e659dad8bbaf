package org.parsreader.dicom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parsreader.fuzz.FuzzContract;

/**
 * Fuzz target for {@link RleDecoder} (README "Fuzzing"). Input: Rows, Columns, Samples per
 * Pixel and Bits Allocated as four little-endian 16-bit values (what a header may say: any US
 * value), then one RLE frame as it sits in the encapsulated Pixel Data. Seeds:
 * {@code src/test/resources/fuzz/rle/}; findings: {@code RleDecoderFuzzTestInputs/decode/}.
 */
class RleDecoderFuzzTest {
    private static final Path FILE = Path.of("fuzz.dcm");

    static Stream<Arguments> seeds() {
        return FuzzContract.seeds("rle");
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) {
        if (input.length < 8) return;
        PixelFormat f = new PixelFormat(FuzzContract.u16(input, 0), FuzzContract.u16(input, 2), FuzzContract.u16(input, 4),
                FuzzContract.u16(input, 6), FuzzContract.u16(input, 6), false, "MONOCHROME2", 0, 1);
        byte[] frame = Arrays.copyOfRange(input, 8, input.length);
        try {
            RleDecoder.decode(FILE, frame, f);
        } catch (DicomReadException expected) {
            // a corrupt or unsupported frame, reported with the reason
        }
    }
}
