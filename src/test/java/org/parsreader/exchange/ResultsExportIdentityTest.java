package org.parsreader.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.sr.DicomExport;
import org.parsreader.dicom.sr.SrFixtures;
import org.parsreader.findings.DateShifts;
import org.parsreader.findings.FindingsJson;
import org.parsreader.sample.SampleCase;

/**
 * Point 6 of issue 13: what goes to a research archive carries the registry's pseudonym and no
 * original name, ID, birth date, accession or study date anywhere in the file (every tag dumped by
 * dcmtk's dcmdump); shifted dates move by the patient's one shift in SR and SEG and in every
 * export; what goes to the clinical PACS keeps the original identity.
 */
class ResultsExportIdentityTest {
    // the sample case's identity (sample-data/case-001, CT study and MR study)
    static final String PATIENT_ID = "PR-SAMPLE-001";
    static final String NAME = "PHANTOM";
    static final String BIRTH = "19800101";
    static final List<String> STUDY_DATES = List.of("20240304", "20240320");
    static final List<String> ACCESSIONS = List.of("PRS2403041", "PRS2403207");

    @BeforeAll
    static void fixtures() throws Exception {
        SrFixtures.load();
    }

    static Path caseWithFindings(Path dir) throws Exception {
        Path c = SampleCase.copy(dir);
        Files.write(c.resolve("findings/R1.findings.json"), FindingsJson.write(SrFixtures.r1));
        return c;
    }

    static Path registry(Path dir, String pseudonym) throws Exception {
        Path r = dir.resolve("cases.pseudonyms.csv");
        Files.writeString(r, "pseudonym,patient_id\n" + pseudonym + "," + PATIENT_ID + "\n");
        return r;
    }

    static String dump(Path f) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmdump")), "dcmtk's dcmdump is not installed (Debian dcmtk)");
        // +L: long values in full; +U8: names as UTF-8; every tag, sequences included
        Process p = new ProcessBuilder("dcmdump", "+L", "+U8", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    static List<Path> files(DicomExport.Result r) {
        List<Path> all = new ArrayList<>(r.segs());
        all.add(r.sr());
        return all;
    }

    static String value(String dump, String tag) {
        Matcher m = Pattern.compile("\\(" + tag + "\\) \\w\\w (?:\\[([^\\]]*)\\]|\\(no value available\\))").matcher(dump);
        assertThat(m.find()).as("tag " + tag).isTrue();
        return m.group(1);
    }

    static String shifted(String da, int days) {
        return LocalDate.parse(da, DateTimeFormatter.BASIC_ISO_DATE).plusDays(days).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Test
    void aPseudonymisedSrAndSegHoldNoOriginalIdentityAndDatesShiftedByThePatientsOneShift(@TempDir Path dir) throws Exception {
        Path c = caseWithFindings(dir);
        Path reg = registry(dir, SrFixtures.r1.pseudonym());
        ResultsExport.Choice shift = new ResultsExport.Choice(ResultsExport.Identity.PSEUDONYM, ResultsExport.Dates.SHIFT, reg);
        DicomExport.Result r = ResultsExport.export(c, "R1", null, shift, dir.resolve("out1"));
        assertThat(r.segs()).hasSize(1);
        int days = DateShifts.open(DateShifts.besideRegistry(reg)).shiftFor(SrFixtures.r1.pseudonym());
        assertThat(days).isNegative();
        for (Path f : files(r)) {
            String d = dump(f);
            assertThat(d).as(f.toString()).doesNotContain(PATIENT_ID).doesNotContain(NAME).doesNotContain(BIRTH);
            for (String s : STUDY_DATES) assertThat(d).as(f.toString()).doesNotContain(s);
            for (String a : ACCESSIONS) assertThat(d).as(f.toString()).doesNotContain(a);
            assertThat(value(d, "0010,0020")).isEqualTo(SrFixtures.r1.pseudonym());
            assertThat(value(d, "0010,0010")).isEqualTo(SrFixtures.r1.pseudonym());
            assertThat(value(d, "0010,0030")).isEqualTo(shifted(BIRTH, days));
            // the SEG files with the CT study, the SR with the study its first ROI lies in
            assertThat(value(d, "0008,0020")).isIn(STUDY_DATES.stream().map(s -> shifted(s, days)).toList());
            assertThat(value(d, "0008,0050")).isNull();
        }
        // still valid objects with shifted dates: dicom3tools' dciodvfy reports no errors (as DicomExportTest checks the default export)
        if (Files.isExecutable(Path.of("/usr/bin/dciodvfy"))) {
            for (Path f : files(r)) {
                Process p = new ProcessBuilder("dciodvfy", f.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor(60, TimeUnit.SECONDS);
                assertThat(out.lines().filter(l -> l.startsWith("Error") || l.contains(" Error ") || l.contains("Error -")).toList())
                        .as("dciodvfy %s:%n%s", f, out).isEmpty();
            }
        }
        // the measurement's observation time (2024-04-02 in the fixture) moves by the same shift
        assertThat(dump(r.sr())).contains("[" + shifted("20240402", days) + "100000");
        // a second export of the same patient shifts by the same days (intervals between exports stay true)
        DicomExport.Result again = ResultsExport.export(c, "R1", null, shift, dir.resolve("out2"));
        assertThat(value(dump(again.sr()), "0008,0020")).isEqualTo(value(dump(r.sr()), "0008,0020"));
        assertThat(Files.readString(DateShifts.besideRegistry(reg)).lines()).hasSize(2);
    }

    @Test
    void removedDatesLeaveTheTagsEmptyAndTheObservationTimeOut(@TempDir Path dir) throws Exception {
        Path c = caseWithFindings(dir);
        Path reg = registry(dir, SrFixtures.r1.pseudonym());
        DicomExport.Result r = ResultsExport.export(c, "R1", null, new ResultsExport.Choice(ResultsExport.Identity.PSEUDONYM, ResultsExport.Dates.REMOVE, reg),
                dir.resolve("out"));
        for (Path f : files(r)) {
            String d = dump(f);
            assertThat(d).doesNotContain(PATIENT_ID).doesNotContain(NAME).doesNotContain(BIRTH).doesNotContain("20240402");
            for (String s : STUDY_DATES) assertThat(d).doesNotContain(s);
            assertThat(value(d, "0010,0030")).isNull();
            assertThat(value(d, "0008,0020")).isNull();
        }
        assertThat(dump(r.sr())).doesNotContain("(0040,a032)");
        assertThat(DateShifts.besideRegistry(reg)).doesNotExist();
    }

    @Test
    void theClinicalPathKeepsTheOriginalIdentitySoTheResultsFileWithTheImages(@TempDir Path dir) throws Exception {
        Path c = caseWithFindings(dir);
        DicomExport.Result r = ResultsExport.export(c, "R1", null, new ResultsExport.Choice(ResultsExport.Identity.ORIGINAL, null, null), dir.resolve("out"));
        for (Path f : files(r)) {
            String d = dump(f);
            assertThat(value(d, "0010,0020")).isEqualTo(PATIENT_ID);
            assertThat(value(d, "0010,0010")).isEqualTo("PARS^PHANTOM");
            assertThat(value(d, "0010,0030")).isEqualTo(BIRTH);
            assertThat(value(d, "0008,0020")).isIn(STUDY_DATES);
            assertThat(value(d, "0008,0050")).isIn(ACCESSIONS);
        }
    }

    @Test
    void findingsWhosePseudonymTheRegistryDoesNotGiveThisPatientAreRefused(@TempDir Path dir) throws Exception {
        Path c = caseWithFindings(dir);
        Path reg = registry(dir, "P0999");
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> ResultsExport.export(c, "R1", null, new ResultsExport.Choice(ResultsExport.Identity.PSEUDONYM, ResultsExport.Dates.SHIFT, reg), out))
                .hasMessageContaining("carry pseudonym " + SrFixtures.r1.pseudonym()).hasMessageContaining("gives this patient P0999");
        assertThat(out).doesNotExist();
    }

    @Test
    void aServerMarkedClinicalGetsTheOriginalByDefaultAnyOtherThePseudonym() {
        var clinical = new org.parsreader.pacs.PacsServer("c", "http://h/dicom-web", null, null, null, 0, null, null, org.parsreader.pacs.PacsServer.Archive.CLINICAL);
        var unmarked = new org.parsreader.pacs.PacsServer("r", "http://h/dicom-web", null, null, null, 0, null, null);
        assertThat(ResultsExport.Identity.defaultFor(clinical)).isEqualTo(ResultsExport.Identity.ORIGINAL);
        assertThat(ResultsExport.Identity.defaultFor(unmarked)).isEqualTo(ResultsExport.Identity.PSEUDONYM);
        assertThatThrownBy(() -> ResultsExport.Identity.parse("real")).hasMessageContaining("identity 'real': use pseudonym or original");
    }
}
