package org.parsreader.dicom.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parsreader.fuzz.FuzzContract;

/**
 * Fuzz target for {@link JpegLsDecoder} (README "Fuzzing"). Input: one JPEG-LS frame as it
 * sits in the encapsulated Pixel Data. Decoded the way {@code PixelDecoder} does it: header first,
 * then into an array of exactly width x height x components. Seeds:
 * {@code src/test/resources/fuzz/jpeg-ls/}; findings: {@code JpegLsDecoderFuzzTestInputs/decode/}.
 */
class JpegLsDecoderFuzzTest {
    static Stream<Arguments> seeds() {
        return FuzzContract.seeds("jpeg-ls");
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "60s")
    void decode(byte[] jls) {
        JpegLsDecoder.Header h;
        try {
            h = JpegLsDecoder.readHeader(jls, 0, jls.length);
        } catch (JpegDecodeException expected) {
            return;
        }
        // PixelDecoder allocates the frame from the DICOM header and checks this header against it
        // first; the target bounds it instead (a 65535 x 65535 frame is legal, and 8 GB)
        long samples = (long) h.width() * h.height() * h.components();
        if (samples > FuzzContract.MAX_FRAME_SAMPLES) return;
        try {
            JpegLsDecoder.decode(jls, 0, jls.length, new short[(int) samples]);
        } catch (JpegDecodeException expected) {
            // malformed, truncated or unsupported: reported with what and where
        }
    }
}
