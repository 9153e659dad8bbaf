package org.parsreader.dicom.sr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;

/** SR and SEG of the sample case, validated by tools nobody here wrote: dciodvfy, dsrdump, pydicom. */
class DicomExportTest {
    @BeforeAll
    static void load() throws Exception {
        SrFixtures.load();
    }

    record Run(int exit, String out) {}

    static Run run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        p.getInputStream().transferTo(b);
        return new Run(p.waitFor(), b.toString(StandardCharsets.UTF_8));
    }

    static List<String> errors(Run r) {
        return r.out().lines().filter(l -> l.startsWith("Error") || l.contains(" Error ") || l.contains("Error -")).toList();
    }

    @Test
    void srAndSegPassDciodvfyAndDsrdump(@TempDir Path dir) throws Exception {
        DicomExport.Result res = DicomExport.export(SrFixtures.r1, SrFixtures.template, SrFixtures.index, SrFixtures.context("P0001", false), dir);
        assertThat(res.segs()).hasSize(1);
        for (Path f : List.of(res.sr(), res.segs().get(0))) {
            Run v = run("dciodvfy", f.toString());
            assertThat(errors(v)).as("dciodvfy %s:%n%s", f, v.out()).isEmpty();
        }
        Run d = run("dsrdump", "-Ee", res.sr().toString());
        assertThat(d.exit()).as(d.out()).isZero();
        assertThat(d.out()).contains("Imaging Measurement Report").contains("L5 vertebra").contains("Contrast volume")
                .contains("Reader").doesNotContain("Error");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void pydicomDecodesExactlyTheRegionsVoxels(@TempDir Path dir) throws Exception {
        DicomExport.Result res = DicomExport.export(SrFixtures.r1, SrFixtures.template, SrFixtures.index, SrFixtures.context("P0001", false), dir);
        FindingsDocument.Roi roi = SrFixtures.r1.rois().stream().filter(r -> r.type() == FindingsDocument.RoiType.MASK3D).findFirst().orElseThrow();
        FindingsDocument.Mask m = roi.mask();
        int w = m.dims()[0], h = m.dims()[1], dd = m.dims()[2];
        byte[] raw = new byte[w * h * dd];
        for (Map.Entry<Integer, BitSet> e : MaskSlices.of(roi.id(), m).entrySet()) {
            BitSet s = e.getValue();
            for (int p = s.nextSetBit(0); p >= 0; p = s.nextSetBit(p + 1)) raw[e.getKey() * w * h + p] = 1;
        }
        Path expected = dir.resolve("expected.raw");
        Files.write(expected, raw);
        List<String> cmd = new ArrayList<>(List.of(SrFixtures.python().toString(), Path.of("src/test/resources/dicom-sr/seg_mask.py").toString(),
                res.segs().get(0).toString(), expected.toString(), "" + w, "" + h, "" + dd));
        for (double x : m.origin()) cmd.add(Double.toString(x));
        for (double x : m.sliceStep()) cmd.add(Double.toString(x));
        cmd.add("" + res.segments().get(roi.id()).segmentNumber());
        Run r = run(cmd.toArray(String[]::new));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("differ 0");
    }
}
