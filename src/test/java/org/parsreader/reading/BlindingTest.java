package org.parsreader.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.DicomHeaderText;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;

/**
 * Blinded reading shows nothing of the sample patient's identity (sample-data/README.md:
 * PARS^PHANTOM, PR-SAMPLE-001, born 19800101, accession numbers, study dates and times, the
 * institution) anywhere the reader sees it, and never reads another reader's findings or outcomes.
 */
class BlindingTest {
    /** Every identity string of the sample case: from the README, and as the index reads them from the headers. */
    static Set<String> identity(StudyIndex index) {
        Set<String> s = new LinkedHashSet<>(List.of("PARS^PHANTOM", "PHANTOM", "PR-SAMPLE-001", "19800101", "1980-01-01", "PRS2403041",
                "PRS2403207", "20240304", "20240320", "2024-03-04", "2024-03-20", "Pars Reader sample data", "SYNTH-MR1", "MR24-0304"));
        for (StudyIndex.PatientEntry p : index.patients()) {
            s.add(p.info().id());
            s.add(p.info().name());
            s.add(p.info().birthDate());
            for (StudyIndex.StudyEntry st : p.studies()) {
                s.add(st.info().date());
                s.add(st.info().accessionNumber());
                if (st.info().time() != null && st.info().time().length() >= 4) s.add(st.info().time());
            }
        }
        s.removeIf(x -> x == null || x.isBlank());
        return s;
    }

    static void assertBlind(String what, String text, Set<String> identity) {
        for (String id : identity) assertThat(text).as(what + " shows '" + id + "'").doesNotContain(id);
    }

    @Test
    void headersKeepTheirGeometryAndLoseTheIdentity() throws Exception {
        StudyIndex index = StudyScanner.scan(ReadingSessionTest.SAMPLE);
        Set<String> identity = identity(index);
        assertThat(identity).contains("PARS^PHANTOM", "PR-SAMPLE-001", "19800101");
        List<Path> files;
        try (Stream<Path> s = Files.walk(ReadingSessionTest.SAMPLE)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path f : files) {
            String full = DicomHeaderText.of(f);
            assertThat(full).contains("PARS^PHANTOM"); // the control: the header does carry identity
            String blind = Blinding.header(full);
            assertBlind(f.getFileName().toString(), blind, identity);
            assertThat(blind).contains("Image Position (Patient)").contains("Series Instance UID").contains("Pixel Spacing")
                    .contains("Modality").contains("Series Description");
        }
        assertThat(Blinding.hidden(0x0018, 0x0080, "Repetition Time")).isFalse();
        assertThat(Blinding.hidden(0x0018, 0x0081, "Echo Time")).isFalse();
        assertThat(Blinding.hidden(0x0018, 0x5100, "Patient Position")).isFalse();
        assertThat(Blinding.hidden(0x0009, 0x0010, "---")).isTrue(); // private
        assertThat(Blinding.hidden(0x0008, 0x0020, "Study Date")).isTrue();
        assertThat(Blinding.hidden(0x0099, 0x0020, "Some Future Date")).isTrue();
        assertThat(Blinding.header("0010,0010  Patient's Name: X\r\n0018,0050  Slice Thickness: 2\r\n"))
                .isEqualTo("0018,0050  Slice Thickness: 2\r\n");
    }

    @Test
    void aBlindedSessionShowsNoIdentityAnywhere(@TempDir Path tmp) throws Exception {
        Path c = ReadingSessionTest.copy(tmp);
        List<String> seen = new ArrayList<>();
        try (ReadingSession s = ReadingSession.open(c, ReadingSessionTest.r2(), ProgressListener.NONE)) {
            Set<String> identity = identity(s.index());
            s.addListener(ch -> seen.add(ch.description()));
            seen.add(s.caseTitle());
            seen.add(s.status());
            seen.add(s.pseudonym());
            seen.addAll(s.plan().how());
            for (ImageStack st : s.index().stacks()) seen.add(s.seriesTitle(st));
            for (ImageStack st : s.plan().shown()) {
                Volume v = s.volume(st, ProgressListener.NONE);
                seen.add(v.name());
                for (int k = 0; k < v.depth(); k++) seen.add(s.headerText(v, k));
            }
            s.set("pars_defect", "L5", Side.LEFT, "complete");
            s.markLevel("L5", s.volume(s.plan().t2(), ProgressListener.NONE), new double[] {1.5, -20, -52});
            s.undo();
            s.redo();
            s.save();
            seen.add(new String(FindingsJson.write(s.document()), StandardCharsets.UTF_8));
            for (String text : seen) assertBlind("the reader's view", text, identity);
            assertThat(s.caseTitle()).isEqualTo(s.pseudonym() + " (blinded)");
            assertThat(s.seriesTitle(s.plan().edema())).isEqualTo(s.pseudonym() + " - STIR SAG (series 5)");
            // a case viewer's title says what it shows first, and nothing of who
            assertThat(Blinding.viewerTitle(s.index(), s.plan().edema(), "sag", true)).isEqualTo("MR STIR SAG (series 5)");
            assertThat(Blinding.viewerTitle(s.index(), s.plan().ct(), "ax", true)).matches("CT Post contrast ax \\(series \\d+\\)");
        }
        // unblinded (on explicit request) the same places do show who it is
        ReadingSession.Options open = new ReadingSession.Options(new FindingsDocument.Reader("R2", Role.R2), ReadingSessionTest.PARS, false, null, 0);
        try (ReadingSession s = ReadingSession.open(c, open, ProgressListener.NONE)) {
            assertThat(s.caseTitle()).contains("PARS^PHANTOM").contains("PR-SAMPLE-001").contains("2024-03-04");
            Volume v = s.volume(s.plan().t2(), ProgressListener.NONE);
            assertThat(s.headerText(v, 0)).contains("PARS^PHANTOM");
            assertThat(s.seriesTitle(s.plan().t2())).contains("PARS^PHANTOM").contains("2024-03-04");
            assertThat(Blinding.viewerTitle(s.index(), s.plan().t2(), "sag", false)).startsWith("MR T2 TSE SAG (series").contains("PARS^PHANTOM");
        }
    }

    @Test
    void theSessionNeverReadsOtherReadersFindingsOrOutcomes(@TempDir Path tmp) throws Exception {
        Path c = ReadingSessionTest.copy(tmp);
        // the sample's R1 file, another reader and an outcomes table, all unreadable: any attempt to read them would fail the open
        Files.writeString(c.resolve("findings/R1.findings.json"), "{ not json: PARS^PHANTOM");
        Files.writeString(c.resolve("findings/R3.findings.json"), "{ not json either");
        Files.writeString(tmp.resolve("outcomes.csv"), "pseudonym,nrs_0\nnot,a,table\n");
        Files.writeString(c.resolve("outcomes.csv"), "garbage");
        byte[] r1 = Files.readAllBytes(c.resolve("findings/R1.findings.json"));
        try (ReadingSession s = ReadingSession.open(c, ReadingSessionTest.r2(), ProgressListener.NONE)) {
            assertThat(s.document().values()).isEmpty();
            assertThat(s.document().reader().id()).isEqualTo("R2");
            s.set("pars_defect", "L5", Side.LEFT, "none");
            s.save();
        }
        try (WorklistNavigator w = WorklistNavigator.open(tmp, ReadingSessionTest.r2(), ProgressListener.NONE)) {
            assertThat(w.current().document().values()).hasSize(1);
        }
        // and nothing of theirs was touched (a damaged file would have been set aside had it been opened)
        assertThat(Files.readAllBytes(c.resolve("findings/R1.findings.json"))).isEqualTo(r1);
        try (Stream<Path> s = Files.list(c.resolve("findings"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
        }
    }
}
