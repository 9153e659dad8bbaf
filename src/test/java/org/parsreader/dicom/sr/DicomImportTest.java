package org.parsreader.dicom.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.Role;

/** Our SR and SEG read back give the same values, ROIs and measurements, in one undoable step. */
class DicomImportTest {
    @BeforeAll
    static void load() throws Exception {
        SrFixtures.load();
    }

    static FindingsEditor emptyEditor(String reader) {
        return FindingsEditor.create(SrFixtures.template, SrFixtures.r1.pseudonym(), new FindingsDocument.Reader(reader, Role.R2),
                SrFixtures.r1.studyInstanceUids(), Clock.fixed(SrFixtures.WHEN, ZoneOffset.UTC));
    }

    static FindingsDocument roundTrip(Path dir) throws Exception {
        DicomExport.Result res = DicomExport.export(SrFixtures.r1, SrFixtures.template, SrFixtures.index, SrFixtures.context("P0001", false), dir);
        SegReader.Seg seg = SegReader.read(res.segs().get(0), SrFixtures.index);
        SrReader.Imported in = SrReader.read(res.sr(), SrFixtures.template, SrReader.bySop(List.of(seg)));
        assertThat(in.notes()).isEmpty();
        assertThat(in.observer()).isEqualTo("R1");
        FindingsEditor e = emptyEditor("R2");
        e.importAll(in.values(), in.rois(), in.measurements());
        return e.document();
    }

    @Test
    void ourSrAndSegGiveBackTheSameFindings(@TempDir Path dir) throws Exception {
        FindingsDocument back = roundTrip(dir);
        FindingsDocument r1 = SrFixtures.r1;
        assertThat(values(back)).containsExactlyInAnyOrderElementsOf(values(r1));
        assertThat(back.rois()).hasSameSizeAs(r1.rois());
        for (Roi a : r1.rois()) {
            Roi b = back.rois().stream().filter(x -> x.type() == a.type() && x.finding().equals(a.finding()) && x.level().equals(a.level()) && x.side() == a.side())
                    .findFirst().orElseThrow(() -> new AssertionError("no " + a.type() + " ROI of " + a.finding()));
            assertThat(b.seriesInstanceUid()).isEqualTo(a.seriesInstanceUid());
            assertThat(b.frameOfReferenceUid()).isEqualTo(a.frameOfReferenceUid());
            assertThat(b.sopInstanceUids()).isEqualTo(a.sopInstanceUids());
            assertThat(b.label()).isEqualTo(a.label());
            if (a.mask() != null) {
                assertThat(b.mask().runs()).isEqualTo(a.mask().runs());
                assertThat(b.mask().dims()).isEqualTo(a.mask().dims());
                for (int i = 0; i < 3; i++) {
                    assertThat(b.mask().origin()[i]).isCloseTo(a.mask().origin()[i], within(1e-9));
                    assertThat(b.mask().sliceStep()[i]).isCloseTo(a.mask().sliceStep()[i], within(1e-9));
                }
            } else {
                assertThat(b.points()).hasSameSizeAs(a.points());
                for (int p = 0; p < a.points().size(); p++) {
                    for (int i = 0; i < 3; i++) assertThat(b.points().get(p)[i]).isCloseTo(a.points().get(p)[i], within(1e-3)); // SCOORD3D is 32-bit float
                }
            }
        }
        Comparator<Measurement> order = Comparator.comparing(Measurement::finding).thenComparing(Measurement::level);
        List<Measurement> ma = r1.measurements().stream().sorted(order).toList();
        List<Measurement> mb = back.measurements().stream().sorted(order).toList();
        assertThat(mb).hasSameSizeAs(ma);
        for (int i = 0; i < ma.size(); i++) {
            Measurement a = ma.get(i), b = mb.get(i);
            assertThat(b.value()).isEqualTo(a.value());
            assertThat(b.unit()).isEqualTo(a.unit());
            assertThat(b.side()).isEqualTo(a.side());
            assertThat(b.provenance().method()).isEqualTo(a.provenance().method());
            assertThat(b.provenance().software()).isEqualTo(a.provenance().software());
            assertThat(b.provenance().parameters()).isEqualTo(a.provenance().parameters());
            // the export is pseudonymised with dates removed: the observation time (a date of the patient's record) is left out
            assertThat(a.provenance().time()).isNotNull();
            assertThat(b.provenance().time()).isNull();
            assertThat(b.provenance().seriesInstanceUid()).isEqualTo(a.provenance().seriesInstanceUid());
            Roi ra = r1.rois().stream().filter(r -> r.id().equals(a.provenance().roi())).findFirst().orElseThrow();
            Roi rb = back.rois().stream().filter(r -> r.id().equals(b.provenance().roi())).findFirst().orElseThrow();
            assertThat(rb.type()).isEqualTo(ra.type());
        }
    }

    @Test
    void anImportIsOneUndoStep(@TempDir Path dir) throws Exception {
        DicomExport.Result res = DicomExport.export(SrFixtures.r1, SrFixtures.template, SrFixtures.index, SrFixtures.context("P0001", false), dir);
        SrReader.Imported in = SrReader.read(res.sr(), SrFixtures.template, SrReader.bySop(List.of(SegReader.read(res.segs().get(0), SrFixtures.index))));
        FindingsEditor e = emptyEditor("R2");
        FindingsDocument before = e.document();
        e.importAll(in.values(), in.rois(), in.measurements());
        assertThat(e.document().values()).isNotEmpty();
        e.undo();
        assertThat(e.document()).isSameAs(before);
    }

    @Test
    void anSrThatIsNotTid1500IsRefusedByName(@TempDir Path dir) throws Exception {
        DicomExport.Result res = DicomExport.export(SrFixtures.r1, SrFixtures.template, SrFixtures.index, SrFixtures.context("P0001", false), dir);
        var l = SegReader.readList(res.sr());
        l.put(Codes.PERSON.sequence(com.pixelmed.dicom.TagFromName.ConceptNameCodeSequence));
        Path other = dir.resolve("other.dcm");
        DicomExport.write(l, other);
        assertThatThrownBy(() -> SrReader.read(other, SrFixtures.template, Map.of())).isInstanceOf(SrException.class)
                .hasMessageContaining("other.dcm is not a TID 1500 Imaging Measurement Report").hasMessageContaining("121006");
        assertThatThrownBy(() -> SrReader.read(res.segs().get(0), SrFixtures.template, Map.of())).hasMessageContaining("is not a DICOM Structured Report");
        // the SR without its SEG: the referenced segment is named
        assertThatThrownBy(() -> SrReader.read(res.sr(), SrFixtures.template, Map.of())).hasMessageContaining("give that SEG file too");
    }

    @Test
    void aSegOnASeriesWeDoNotHaveIsRefusedByName(@TempDir Path dir) throws Exception {
        DicomExport.Result res = DicomExport.export(SrFixtures.r1, SrFixtures.template, SrFixtures.index, SrFixtures.context("P0001", false), dir);
        Path empty = Files.createDirectories(dir.resolve("empty-case"));
        Files.copy(SrFixtures.index.stacks().stream().filter(s -> s.modality().equals("MR")).findFirst().orElseThrow().first().file(), empty.resolve("mr.dcm"));
        var other = org.parsreader.dicom.StudyScanner.scan(empty);
        assertThatThrownBy(() -> SegReader.read(res.segs().get(0), other)).isInstanceOf(SrException.class)
                .hasMessageContaining("which is not in the case folder").hasMessageContaining("retrieve that CT series first");
        // the SR on a case without its series: the ROI's series is named
        assertThatThrownBy(() -> SrReader.read(res.sr(), SrFixtures.template,
                SrReader.bySop(List.of(SegReader.read(res.segs().get(0), SrFixtures.index))), other)).isInstanceOf(SrException.class)
                .hasMessageContaining("which is not in the case folder").hasMessageContaining("is this the case the report was made on?");
    }

    static List<String> values(FindingsDocument d) {
        return d.values().stream().map(v -> v.finding() + "|" + v.level() + "|" + v.side() + "|" + v.value().text()).toList();
    }
}
