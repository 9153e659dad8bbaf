package org.parsreader.dicom.sr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.volume.VoxelGeometry;

/**
 * A 3D mask on the sample's 5-degree tilted needle-check CT: the SEG's frames lie on the sheared
 * grid (pydicom places them by their own positions), dciodvfy finds no error, and the SEG reads
 * back to the same voxels; the patient is the pseudonym unless identity is asked for.
 */
class TiltedSegTest {
    static ImageStack needle;
    static FindingsDocument doc;

    @BeforeAll
    static void load() throws Exception {
        SrFixtures.load();
        needle = SrFixtures.index.stacks().stream().filter(s -> "Needle check".equals(s.series().description())).findFirst().orElseThrow();
        assertThat(needle.geometricTiltDeg()).isGreaterThan(4.0);
        VoxelGeometry g = VolumeLoader.geometryOf(needle);
        int w = needle.columns(), h = needle.rows(), d = VolumeLoader.withPlaceholders(needle).size();
        TreeMap<Integer, BitSet> slices = new TreeMap<>();
        for (int k = 2; k <= 6; k++) {
            BitSet s = new BitSet(w * h);
            for (int j = 60; j < 70 + k; j++) for (int i = 70 - k; i < 80; i++) if ((i + j + k) % 5 != 0) s.set(j * w + i);
            slices.put(k, s);
        }
        FindingsDocument.Mask mask = new FindingsDocument.Mask(new int[] {w, h, d}, g.origin(), g.columnStep(), g.rowStep(), g.sliceStep(),
                MaskSlices.runs(slices, w, h, d));
        FindingsEditor e = FindingsEditor.create(SrFixtures.template, "P0001", new FindingsDocument.Reader("R2", Role.R2), SrFixtures.r1.studyInstanceUids(),
                Clock.fixed(SrFixtures.WHEN, ZoneOffset.UTC));
        e.addRoi(new FindingsDocument.Roi(null, FindingsDocument.RoiType.MASK3D, "contrast_volume_ml", "L5", Side.RIGHT, null,
                needle.series().frameOfReferenceUid(), needle.series().uid(), List.of(), mask, null));
        doc = e.document();
    }

    @Test
    void aTiltedGridIsKeptExactly(@TempDir Path dir) throws Exception {
        DicomExport.Result res = DicomExport.export(doc, SrFixtures.template, SrFixtures.index, SrFixtures.context("P0001", false), dir);
        Path seg = res.segs().get(0);
        DicomExportTest.Run v = DicomExportTest.run("dciodvfy", seg.toString());
        assertThat(DicomExportTest.errors(v)).as(v.out()).isEmpty();
        DicomExportTest.Run s = DicomExportTest.run("dciodvfy", res.sr().toString());
        assertThat(DicomExportTest.errors(s)).as(s.out()).isEmpty();
        FindingsDocument.Roi roi = doc.rois().get(0);
        FindingsDocument.Mask m = roi.mask();
        byte[] raw = new byte[m.dims()[0] * m.dims()[1] * m.dims()[2]];
        for (Map.Entry<Integer, BitSet> e : MaskSlices.of(roi.id(), m).entrySet()) {
            for (int p = e.getValue().nextSetBit(0); p >= 0; p = e.getValue().nextSetBit(p + 1)) raw[e.getKey() * m.dims()[0] * m.dims()[1] + p] = 1;
        }
        Path expected = dir.resolve("expected.raw");
        Files.write(expected, raw);
        List<String> cmd = new ArrayList<>(List.of(SrFixtures.python().toString(), "src/test/resources/dicom-sr/seg_mask.py", seg.toString(), expected.toString(),
                "" + m.dims()[0], "" + m.dims()[1], "" + m.dims()[2]));
        for (double x : m.origin()) cmd.add(Double.toString(x));
        for (double x : m.sliceStep()) cmd.add(Double.toString(x));
        cmd.add("1");
        DicomExportTest.Run r = DicomExportTest.run(cmd.toArray(String[]::new));
        assertThat(r.exit()).as(r.out()).isZero();
        SegReader.Seg back = SegReader.read(seg, SrFixtures.index);
        assertThat(back.segments()).singleElement().satisfies(x -> {
            assertThat(x.roi().mask().runs()).isEqualTo(m.runs());
            assertThat(x.roi().seriesInstanceUid()).isEqualTo(needle.series().uid());
            assertThat(x.trackingId()).isEqualTo("contrast_volume_ml L5 right");
        });
    }

    @Test
    void thePatientIsThePseudonymUnlessIdentityIsAsked(@TempDir Path dir) throws Exception {
        DicomExport.Result anon = DicomExport.export(doc, SrFixtures.template, SrFixtures.index, SrFixtures.context("P0001", false), dir.resolve("a"));
        DicomExport.Result ident = DicomExport.export(doc, SrFixtures.template, SrFixtures.index, SrFixtures.context("P0001", true), dir.resolve("b"));
        var patient = needle.first().patient();
        for (Path f : List.of(anon.sr(), anon.segs().get(0))) {
            var l = SegReader.readList(f);
            assertThat(Attrs.string(l, com.pixelmed.dicom.TagFromName.PatientName)).isEqualTo("P0001");
            assertThat(Attrs.string(l, com.pixelmed.dicom.TagFromName.PatientID)).isEqualTo("P0001");
            assertThat(Attrs.string(l, com.pixelmed.dicom.TagFromName.PatientBirthDate)).isNull();
            assertThat(Attrs.string(l, com.pixelmed.dicom.TagFromName.StudyDate)).isNull();
            assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(patient.id()).doesNotContain(patient.name());
        }
        for (Path f : List.of(ident.sr(), ident.segs().get(0))) {
            var l = SegReader.readList(f);
            assertThat(Attrs.string(l, com.pixelmed.dicom.TagFromName.PatientID)).isEqualTo(patient.id());
            DicomExportTest.Run v = DicomExportTest.run("dciodvfy", f.toString());
            assertThat(DicomExportTest.errors(v)).as(v.out()).isEmpty();
        }
    }
}
