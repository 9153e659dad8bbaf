package org.parsreader.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What every fuzz target in this project holds its code to: an input ends in success or in the
 * project's own declared exception ({@code DicomReadException}, {@code JpegDecodeException},
 * {@code FindingsException}); anything else that escapes (NullPointerException,
 * ArrayIndexOutOfBounds, NegativeArraySize, OutOfMemoryError, StackOverflowError, ...) is a
 * finding, and so is a hang (libFuzzer's -timeout). The targets catch only the declared type;
 * Jazzer reports whatever else escapes.
 *
 * <p>One subtlety: {@code HeaderReader.read} wraps every RuntimeException into a
 * DicomReadException by design, which would hide our own NullPointerExceptions from the
 * fuzzer. {@link #rejectWrappedBug} unwraps: a wrapped exception thrown by Pars Reader's own code
 * (the first non-JDK frame is {@code org.parsreader}) is a finding; one thrown inside PixelMed is
 * PixelMed failing on a broken file, which the reader reports as unreadable, as designed.
 */
public final class FuzzContract {
    private FuzzContract() {}

    /**
     * Largest frame a codec target decodes (samples): the codecs decode into an array the caller
     * sized from the DICOM header, so the target sizes it and bounds it like a real image.
     */
    public static final long MAX_FRAME_SAMPLES = 1 << 22;

    /** Whether this JVM fuzzes (JAZZER_FUZZ set, as scripts/fuzz.sh does) rather than replays the corpus in mvn test. */
    public static boolean fuzzing() {
        String v = System.getenv("JAZZER_FUZZ");
        return v != null && !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    /** Rethrows the cause of {@code declared} when it is a programming error in Pars Reader's own code. */
    public static void rejectWrappedBug(RuntimeException declared) {
        for (Throwable c = declared.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getClass() == declared.getClass()) continue;
            if (c instanceof Error e) throw e;
            if (c instanceof RuntimeException r && thrownByOwnCode(r)) {
                throw new AssertionError("Pars Reader's own code threw " + r + " (reported as " + declared.getMessage() + ")", r);
            }
        }
    }

    /** Whether the first frame outside the JDK belongs to org.parsreader (not PixelMed or another library). */
    static boolean thrownByOwnCode(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("java.") || c.startsWith("javax.") || c.startsWith("jdk.") || c.startsWith("sun.")) continue;
            return c.startsWith("org.parsreader.");
        }
        return false;
    }

    /** Bytes of a little-endian unsigned 16-bit value at {@code off}, 0 past the end. */
    public static int u16(byte[] b, int off) {
        return (off + 1 < b.length ? (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 : 0);
    }

    /** One scratch file per fuzzing JVM for targets whose code under test reads a file. */
    public static Path scratchFile(String prefix) {
        try {
            Path dir = Files.createTempDirectory("parsreader-fuzz-");
            dir.toFile().deleteOnExit();
            Path f = dir.resolve(prefix + ".dcm");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code data} over {@code file}. */
    public static void write(Path file, byte[] data) {
        try {
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The committed seed corpus of one target, {@code src/test/resources/fuzz/<target>/}, as
     * JUnit arguments: a fuzz test names this in {@code @MethodSource} before {@code @FuzzTest},
     * so the seeds run as tests in every build and, when fuzzing, Jazzer adds them to its corpus.
     */
    public static Stream<Arguments> seeds(String target) {
        try {
            var url = FuzzContract.class.getResource("/fuzz/" + target);
            if (url == null) throw new IllegalStateException("no seed corpus src/test/resources/fuzz/" + target);
            Path dir = Path.of(url.toURI());
            List<Arguments> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.add(Arguments.of(Named.of("seed " + f.getFileName(), Files.readAllBytes(f))));
                }
            }
            if (out.isEmpty()) throw new IllegalStateException("empty seed corpus src/test/resources/fuzz/" + target);
            return out.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
