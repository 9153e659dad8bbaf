package org.parsreader.dicom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.pixelmed.dicom.DicomException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parsreader.fuzz.FuzzContract;

/**
 * Fuzz targets for the header reader (README "Fuzzing"), one per path: {@link #fastPath} for
 * {@link FastParser} (Part 10, little endian: what {@link HeaderReader#read} takes first) and
 * {@link #pixelMedPath} for everything PixelMed reads ({@link HeaderReader#readWithPixelMed}
 * whatever the file). The input is a whole file, so a finding is a file to try with
 * {@code pars-reader info}. Seeds: {@code src/test/resources/fuzz/header/} (tiny CT images in
 * every syntax the reader meets); findings: {@code HeaderReaderFuzzTestInputs/<method>/}.
 */
class HeaderReaderFuzzTest {
    private static final Path FILE = FuzzContract.scratchFile("header");

    static {
        // PixelMed logs every damaged element with a stack trace (java.util.logging): hundreds of
        // KB a second when fuzzing, which then runs at a fraction of its speed
        if (FuzzContract.fuzzing()) java.util.logging.LogManager.getLogManager().reset();
    }

    static Stream<Arguments> seeds() {
        return FuzzContract.seeds("header");
    }

    /**
     * The fast path: the meta sniffer and {@link FastParser} on the bytes as {@link HeaderReader}
     * calls them (they return null to give up, and never throw); when the fast parse succeeds,
     * {@link HeaderReader#read}, which then takes the same fast path (the file is under 8 KB, so
     * its first read is the whole file) and builds the index's header from it. Files the fast path
     * gives up on are left to {@link #pixelMedPath}: PixelMed is ~100x slower per file.
     */
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "60s")
    void fastPath(byte[] file) {
        MetaSniffer.Meta meta = MetaSniffer.sniff(file);
        if (meta == null) return;
        String ts = meta.transferSyntaxUid();
        if (ts == null || ts.isEmpty() || TransferSyntaxes.EXPLICIT_BE.equals(ts) || TransferSyntaxes.isDeflated(ts)
                || DicomDirReader.MEDIA_STORAGE_DIRECTORY.equals(meta.mediaStorageSopClassUid())) {
            return; // HeaderReader sends these to PixelMed
        }
        FastParser.Result r = FastParser.parse(file, (int) meta.dataSetOffset(), !TransferSyntaxes.IMPLICIT_LE.equals(ts), true);
        if (r == null) return;
        FuzzContract.write(FILE, file);
        try {
            HeaderReader.read(FILE);
        } catch (DicomReadException e) {
            FuzzContract.rejectWrappedBug(e);
        }
    }

    /** The PixelMed path, forced for every file (the reference the fast path is tested against). */
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "60s")
    void pixelMedPath(byte[] file) {
        FuzzContract.write(FILE, file);
        try {
            HeaderReader.readWithPixelMed(FILE);
        } catch (DicomReadException e) {
            FuzzContract.rejectWrappedBug(e);
        } catch (IOException | DicomException e) {
            // declared; HeaderReader.read reports them as an unreadable header
        } catch (RuntimeException e) {
            // HeaderReader.read wraps these into DicomReadException: fine when PixelMed fails inside
            // on a broken file, a finding when our own code threw
            FuzzContract.rejectWrappedBug(new DicomReadException(FILE, "unreadable", e));
        }
    }
}
