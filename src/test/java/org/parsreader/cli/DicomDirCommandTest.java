package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void quantifyContrastOnTheSampleCasesDicomdirMeasuresWhatTheFolderGivesAndRecordsInTheFolder() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmmkdir")), "dcmtk's dcmmkdir is not installed");
        Path caseDir = org.parsreader.sample.SampleCase.copy(dir);
        // as on a CD: 8-character file IDs without extension, DICOMDIR at the top
        try (var files = Files.walk(caseDir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".dcm")).toList()) Files.move(f, f.resolveSibling(f.getFileName().toString().replace(".dcm", "")));
        }
        Process p = new ProcessBuilder("/usr/bin/dcmmkdir", "+r", "+I", "+id", ".", "CT", "MR").directory(caseDir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        Path dicomdir = caseDir.resolve("DICOMDIR");
        String post = null, needle = null;
        for (JsonNode se : new ObjectMapper().readTree(caseDir.resolve("ground-truth.json").toFile()).get("series")) {
            if (se.get("seriesDescription").asText().equals("Post contrast")) post = se.get("seriesInstanceUid").asText();
            if (se.get("seriesDescription").asText().equals("Needle check")) needle = se.get("seriesInstanceUid").asText();
        }
        List<String> args = List.of("--series", post, "--baseline", needle, "--seed", "16.5,52,-499.5", "--tip", "14.5,48,-487.5", "--json");
        JsonNode viaFolder = json(run(caseDir, args));
        JsonNode viaDicomdir = json(run(dicomdir, args));
        assertThat(viaDicomdir.get("volume_ml").asDouble()).isPositive().isEqualTo(viaFolder.get("volume_ml").asDouble());
        List<String> record = new java.util.ArrayList<>(args);
        record.addAll(List.of("--record", "--reader", "R2", "--level", "L5", "--side", "left"));
        CommandLineTest.Run rec = run(dicomdir, record);
        assertThat(rec.status()).as(rec.err()).isZero();
        assertThat(caseDir.resolve("findings/R2.findings.json")).exists(); // in the case folder, beside the DICOMDIR
    }

    private static CommandLineTest.Run run(Path path, List<String> args) {
        List<String> all = new java.util.ArrayList<>(List.of("quantify-contrast", path.toString()));
        all.addAll(args);
        return CommandLineTest.run(all.toArray(String[]::new));
    }

    private static JsonNode json(CommandLineTest.Run r) throws Exception {
        assertThat(r.status()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
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
