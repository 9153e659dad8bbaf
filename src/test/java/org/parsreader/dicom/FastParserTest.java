package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written fast header path against PixelMed, on every file we have: the pydicom
 * corpus, the sample case, and synthetic series. Any difference in any field fails.
 */
class FastParserTest {
    @TempDir
    Path dir;

    @Test
    void fastPathAndPixelMedAgreeOnEveryFile() throws Exception {
        TestDicomAccess.writeAxialCt(dir, 3);
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(PydicomCorpusTest.FOLDER, Path.of("sample-data"), dir)) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        int compared = 0;
        int fast = 0;
        List<String> differences = new ArrayList<>();
        for (Path f : files) {
            String viaDefault;
            String viaPixelMed;
            try {
                viaDefault = canonical(HeaderReader.read(f));
            } catch (DicomReadException e) {
                viaDefault = "error: " + e.reason();
            }
            try {
                viaPixelMed = canonical(HeaderReader.readWithPixelMed(f));
            } catch (DicomReadException e) {
                viaPixelMed = "error: " + e.reason();
            } catch (Exception e) {
                viaPixelMed = "error: unreadable DICOM header: " + HeaderReader.describe(e);
            }
            if (!viaDefault.equals(viaPixelMed)) differences.add(f + "\n  fast:     " + viaDefault + "\n  PixelMed: " + viaPixelMed);
            compared++;
            if (tookFastPath(f)) fast++;
        }
        assertThat(differences).as("files where the fast path and PixelMed disagree").isEmpty();
        assertThat(compared).isGreaterThan(150);
        assertThat(fast).as("files read by the fast path").isGreaterThan(150);
    }

    @Test
    void everySampleCaseFileTakesTheFastPath() throws Exception {
        try (Stream<Path> s = Files.walk(Path.of("sample-data"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".dcm") || p.getFileName().toString().matches("[0-9A-F]{8}")).toList()) {
                assertThat(tookFastPath(f)).as(f.toString()).isTrue();
            }
        }
    }

    static boolean tookFastPath(Path f) throws Exception {
        byte[] head = Files.readAllBytes(f);
        MetaSniffer.Meta meta = MetaSniffer.sniff(head);
        if (meta == null || meta.transferSyntaxUid() == null || meta.transferSyntaxUid().isEmpty()) return false;
        return FastParser.parse(head, (int) meta.dataSetOffset(), !TransferSyntaxes.IMPLICIT_LE.equals(meta.transferSyntaxUid()), true) != null;
    }

    /** Every field, recursively, arrays by value. */
    static String canonical(Object o) throws Exception {
        if (o == null) return "null";
        if (o instanceof double[] d) return Arrays.toString(d);
        if (o instanceof Double d) return d.isNaN() ? "NaN" : Double.toString(d);
        if (o instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object x : l) parts.add(canonical(x));
            return parts.toString();
        }
        if (o.getClass().isRecord()) {
            StringBuilder b = new StringBuilder(o.getClass().getSimpleName()).append('{');
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                b.append(c.getName()).append('=').append(canonical(c.getAccessor().invoke(o))).append(", ");
            }
            return b.append('}').toString();
        }
        return o.toString();
    }
}
