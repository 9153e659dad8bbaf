package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parsreader.volume.Volume;

/**
 * Every file of Debian python3-pydicom's test folder either loads with the pixel values
 * pydicom itself decodes (src/test/resources/pydicom-reference.json, made by
 * scripts/pydicom-reference.py) or fails with an error that names the file and the reason.
 */
class PydicomCorpusTest {
    static final Path FOLDER = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    /** Files pydicom decodes but we do not, each with the reason we give. Anything else failing is a regression. */
    static final Map<String, String> EXPECTED_FAILURES = Map.of(
            "SC_rgb_jpeg.dcm", "has no value representation");            // implicit VR data under an explicit TS; dcmtk fails too

    /** Lossy codecs: decoders may differ by rounding, so compare channel means. */
    static final double LOSSY_MEAN_TOLERANCE = 2.0;

    record Outcome(String file, String result) {}

    static JsonNode reference() throws IOException {
        try (InputStream in = PydicomCorpusTest.class.getResourceAsStream("/pydicom-reference.json")) {
            return new ObjectMapper().readTree(in).get("files");
        }
    }

    static Stream<Arguments> files() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FOLDER), "python3-pydicom is not installed (scripts/setup.sh installs it)");
        List<Arguments> out = new ArrayList<>();
        JsonNode ref = reference();
        for (Iterator<String> it = ref.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            out.add(Arguments.of(name, ref.get(name)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void loadsWithPydicomValuesOrFailsClearly(String name, JsonNode ref) throws Exception {
        Path file = FOLDER.resolve(name);
        StudyIndex index = StudyScanner.scan(file, org.parsreader.util.ProgressListener.NONE, 1);
        boolean refHasPixels = ref.path("pixels").asBoolean(false);
        if (index.stacks().isEmpty()) {
            if (refHasPixels) {
                assertThat(index.skipped()).as("an image file that is not indexed must be reported").hasSize(1);
                String reason = index.skipped().get(0).reason();
                assertThat(EXPECTED_FAILURES).as(name + " failed unexpectedly: " + reason).containsKey(name);
                assertThat(reason).contains(EXPECTED_FAILURES.get(name));
            }
            return;
        }
        Volume v = VolumeLoader.load(index.stacks().get(0));
        List<String> problems = v.slices().stream().filter(s -> !s.valid()).map(Volume.SliceInfo::problem).distinct().toList();
        if (!problems.isEmpty()) {
            assertThat(problems.get(0)).as("reason").isNotBlank();
            if (refHasPixels) {
                assertThat(EXPECTED_FAILURES).as(name + " failed unexpectedly: " + problems).containsKey(name);
                assertThat(problems.get(0)).contains(EXPECTED_FAILURES.get(name));
            }
            return;
        }
        if (!refHasPixels) return; // pydicom cannot decode it either: no reference values to compare
        JsonNode shape = ref.get("shape");
        assertThat(v.width()).isEqualTo(shape.get(2).asInt());
        assertThat(v.height()).isEqualTo(shape.get(1).asInt());
        assertThat(v.depth()).isEqualTo(shape.get(0).asInt());
        if (shape.get(3).asInt() == 3) {
            double tol = ref.path("transferSyntax").asText().startsWith("1.2.840.10008.1.2.4") ? LOSSY_MEAN_TOLERANCE : 0.51;
            double scale = ref.get("max").asLong() > 65535 ? 16843009.0 : ref.get("max").asLong() > 255 ? 257.0 : 1.0; // 16/32-bit colour is shown as 8-bit
            double[] means = rgbMeans(v);
            for (int c = 0; c < 3; c++) {
                assertThat(means[c]).as("channel " + c + " mean").isCloseTo(ref.get("means").get(c).asDouble() / scale,
                        org.assertj.core.data.Offset.offset(tol));
            }
            return;
        }
        long[] stored = storedInFrameOrder(v, index.stacks().get(0));
        String lossy = ref.path("transferSyntax").asText();
        if (lossy.equals(TransferSyntaxes.JPEG_BASELINE) || lossy.equals(TransferSyntaxes.JPEG2000) && !name.contains("lossless")) {
            double mean = 0;
            for (long s : stored) mean += s;
            mean /= stored.length;
            assertThat(mean).isCloseTo(ref.get("means").get(0).asDouble(), org.assertj.core.data.Offset.offset(LOSSY_MEAN_TOLERANCE));
            return;
        }
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE, sum = 0;
        for (long s : stored) {
            min = Math.min(min, s);
            max = Math.max(max, s);
            sum += s;
        }
        assertThat(new long[] {min, max, sum}).as("min, max, sum").containsExactly(ref.get("min").asLong(), ref.get("max").asLong(), ref.get("sum").asLong());
        assertThat(sha256(stored)).isEqualTo(ref.get("sha256").asText());
    }

    /** Stored values (before rescale) in the file's frame order, as pydicom's pixel_array. */
    static long[] storedInFrameOrder(Volume v, ImageStack stack) {
        boolean signed = stack.first().pixelFormat().signed();
        int n = v.width() * v.height();
        long[] out = new long[n * v.depth()];
        for (int k = 0; k < v.depth(); k++) {
            FrameGeometry g = stack.frames().get(k).geometry();
            int frame = Math.max(0, v.slices().get(k).frame());
            Object a = v.slice(k);
            for (int i = 0; i < n; i++) {
                long s = switch (v.type()) {
                    case UINT8 -> ((byte[]) a)[i] & 0xFF;
                    case UINT16 -> signed ? (short) (((short[]) a)[i] ^ 0x8000) : ((short[]) a)[i] & 0xFFFF;
                    case FLOAT32 -> Math.round((((float[]) a)[i] - g.rescaleIntercept()) / g.rescaleSlope());
                    case RGB -> ((int[]) a)[i];
                };
                out[frame * n + i] = s;
            }
        }
        return out;
    }

    static double[] rgbMeans(Volume v) {
        double[] m = new double[3];
        long count = 0;
        for (int k = 0; k < v.depth(); k++) {
            for (int p : (int[]) v.slice(k)) {
                m[0] += (p >> 16) & 0xFF;
                m[1] += (p >> 8) & 0xFF;
                m[2] += p & 0xFF;
                count++;
            }
        }
        for (int c = 0; c < 3; c++) m[c] /= count;
        return m;
    }

    static String sha256(long[] values) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) b.putLong(v);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }

    @Test
    void truncatedMissingTransferSyntaxAndNonDicomAreReportedWithReasons() {
        Assumptions.assumeTrue(Files.isDirectory(FOLDER));
        Map<String, String> reasons = new TreeMap<>();
        for (StudyIndex.SkippedFile f : StudyScanner.scan(FOLDER).skipped()) reasons.put(f.file().getFileName().toString(), f.reason());
        assertThat(reasons.get("MR_truncated.dcm")).startsWith("truncated: Pixel Data declares 8192 bytes but the file ends 8130 bytes");
        assertThat(reasons.get("meta_missing_tsyntax.dcm")).contains("no Transfer Syntax UID (0002,0010)");
        assertThat(reasons.get("README.txt")).startsWith("not a DICOM file");
        assertThat(reasons.get("MR_small_RLE.dcm")).startsWith("same SOP Instance UID as");
    }

    @Test
    void unsupportedCodecsNameTheCodec() {
        Assumptions.assumeTrue(Files.isDirectory(FOLDER));
        for (String name : List.of("MR_small_jpeg_ls_lossless.dcm", "JPGExtended.dcm")) {
            Volume v = VolumeLoader.load(StudyScanner.scan(FOLDER.resolve(name)).stacks().get(0));
            String problem = v.slices().get(0).problem();
            if (problem == null) fail(name + " should not decode here");
            assertThat(problem).contains("is not supported").contains("convert the file");
        }
    }
}
