package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.TestDicomAccess;

/** {@code info} and {@code volume-stats} on a DICOMDIR file: its files' series, missing files named, an unusable one an error. */
class DicomDirCommandTest {
    @TempDir
    Path dir;

    @Test
    void infoOnADicomdirListsTheSeriesOfItsFiles() throws Exception {
        Path dicomdir = TestDicomAccess.writeDicomDirSet(dir);
        Files.delete(dir.resolve("CT/A/IM000003"));
        CommandLineTest.Run r = CommandLineTest.run("info", dicomdir.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 files scanned").contains("1 patient(s), 1 study(ies), 2 series, 2 stack(s); 1 skipped")
                .contains(dicomdir + ": 5 referenced file(s), 1 missing")
                .contains(dir.resolve("CT/A/IM000003") + ": referenced by DICOMDIR but missing (Referenced File ID CT\\A\\IM000003)");
        JsonNode j = new ObjectMapper().readTree(CommandLineTest.run("info", "--json", dicomdir.toString()).out());
        assertThat(j.get("dicomdirs").get(0).get("missing_files").get(0).asText()).isEqualTo("CT/A/IM000003");
        assertThat(j.get("skipped").get(0).get("file").asText()).isEqualTo(dir.resolve("CT/A/IM000003").toString());
        CommandLineTest.Run stats = CommandLineTest.run("volume-stats", dicomdir.toString(), "--series", "2", "--json");
        assertThat(stats.status()).as(stats.err()).isZero();
        assertThat(new ObjectMapper().readTree(stats.out()).get("dimensions").toString()).isEqualTo("[8,8,2]");
    }

    @Test
    void anUnusableDicomdirIsAnErrorNotAnEmptyStudy() throws Exception {
        Path dicomdir = TestDicomAccess.writeDicomDirSet(dir);
        Path copy = Files.createDirectories(dir.resolve("elsewhere")).resolve("DICOMDIR");
        Files.copy(dicomdir, copy); // none of its files beside it
        CommandLineTest.Run r = CommandLineTest.run("info", copy.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("error: " + copy + ": DICOMDIR references 5 file(s) under " + copy.getParent() + " and none of them exists");
        Files.write(dicomdir, java.util.Arrays.copyOf(Files.readAllBytes(dicomdir), (int) Files.size(dicomdir) - 1));
        CommandLineTest.Run cut = CommandLineTest.run("info", dicomdir.toString());
        assertThat(cut.status()).isEqualTo(1);
        assertThat(cut.err()).contains("error: " + dicomdir + ": not usable as a DICOMDIR").contains("truncated or damaged");
    }
}
