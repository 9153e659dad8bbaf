package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.sr.SrFixtures;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.sample.SampleCase;

/** export-sr, export-seg and import-sr on a copy of the sample case whose R1 findings hold a contrast region. */
class DicomSrCommandsTest {
    @BeforeAll
    static void load() throws Exception {
        SrFixtures.load();
    }

    static Path caseWithContrast(Path dir) throws Exception {
        Path c = SampleCase.copy(dir);
        Files.write(c.resolve("findings/R1.findings.json"), FindingsJson.write(SrFixtures.r1));
        return c;
    }

    static List<String> values(FindingsDocument d) {
        return d.values().stream().map(v -> v.finding() + "|" + v.level() + "|" + v.side() + "|" + v.value().text()).sorted().toList();
    }

    @Test
    void exportThenImportGivesAnotherReaderTheSameFindingsAudited(@TempDir Path dir) throws Exception {
        Path c = caseWithContrast(dir);
        Path out = dir.resolve("out");
        CommandLineTest.Run e = CommandLineTest.run("export-sr", c.toString(), "--reader", "R1", "--out", out.toString());
        assertThat(e.status()).as(e.err()).isZero();
        assertThat(e.out()).contains("R1.sr.dcm").contains("R1.seg-1.dcm").contains("patient P0001");
        CommandLineTest.Run i = CommandLineTest.run("import-sr", c.toString(), out.resolve("R1.sr.dcm").toString(), out.resolve("R1.seg-1.dcm").toString(),
                "--reader", "R2", "--role", "R2", "--who", "tester");
        assertThat(i.status()).as(i.err()).isZero();
        FindingsDocument r2 = FindingsJson.readFile(c.resolve("findings/R2.findings.json"));
        assertThat(values(r2)).isEqualTo(values(SrFixtures.r1));
        assertThat(r2.rois()).hasSameSizeAs(SrFixtures.r1.rois());
        assertThat(r2.measurements()).hasSameSizeAs(SrFixtures.r1.measurements());
        assertThat(Files.readString(c.resolve("findings/audit.log"))).contains("import-sr R1.sr.dcm R1.seg-1.dcm").contains("tester");
    }

    @Test
    void aSegAloneBecomesTheContrastMaskOfItsTrackedInjection(@TempDir Path dir) throws Exception {
        Path c = caseWithContrast(dir);
        Path out = dir.resolve("out");
        CommandLineTest.Run e = CommandLineTest.run("export-seg", c.toString(), "--reader", "R1", "--out", out.toString());
        assertThat(e.status()).as(e.err()).isZero();
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).toList()).containsExactly("R1.seg-1.dcm");
        CommandLineTest.Run i = CommandLineTest.run("import-sr", c.toString(), out.resolve("R1.seg-1.dcm").toString(), "--reader", "R3", "--role", "R2");
        assertThat(i.status()).as(i.err()).isZero();
        FindingsDocument r3 = FindingsJson.readFile(c.resolve("findings/R3.findings.json"));
        FindingsDocument.Roi mask = SrFixtures.r1.rois().stream().filter(r -> r.mask() != null).findFirst().orElseThrow();
        assertThat(r3.rois()).singleElement().satisfies(r -> {
            assertThat(r.finding()).isEqualTo("contrast_volume_ml");
            assertThat(r.level()).isEqualTo("L5");
            assertThat(r.mask().runs()).isEqualTo(mask.mask().runs());
        });
    }

    @Test
    void exportSegDoesNotReplaceTheSegsAnSrBesideThemReferences(@TempDir Path dir) throws Exception {
        Path c = caseWithContrast(dir);
        Path out = dir.resolve("out");
        assertThat(CommandLineTest.run("export-sr", c.toString(), "--reader", "R1", "--out", out.toString()).status()).isZero();
        byte[] seg = Files.readAllBytes(out.resolve("R1.seg-1.dcm"));
        CommandLineTest.Run e = CommandLineTest.run("export-seg", c.toString(), "--reader", "R1", "--out", out.toString());
        assertThat(e.status()).isEqualTo(1);
        assertThat(e.err()).contains("R1.seg-1.dcm").contains("R1.sr.dcm references").contains("Run export-sr");
        assertThat(Files.readAllBytes(out.resolve("R1.seg-1.dcm"))).isEqualTo(seg);
    }

    @Test
    void badInputIsNamedAndChangesNothing(@TempDir Path dir) throws Exception {
        Path c = caseWithContrast(dir);
        Path ct = Files.list(c.resolve("CT")).findFirst().orElseThrow();
        CommandLineTest.Run i = CommandLineTest.run("import-sr", c.toString(), ct.toString(), "--reader", "R2", "--role", "R2");
        assertThat(i.status()).isEqualTo(1);
        assertThat(i.err()).contains(ct.toString()).contains("is not a DICOM Structured Report");
        assertThat(c.resolve("findings/R2.findings.json")).doesNotExist();
        CommandLineTest.Run x = CommandLineTest.run("export-sr", c.toString(), "--reader", "R9");
        assertThat(x.status()).isEqualTo(1);
        assertThat(x.err()).contains("reader R9 has no findings");
    }
}
