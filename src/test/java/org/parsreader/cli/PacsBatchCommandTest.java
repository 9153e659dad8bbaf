package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.sr.SrFixtures;
import org.parsreader.findings.FindingsJson;
import org.parsreader.pacs.DicomWebClient;
import org.parsreader.pacs.OrthancServer;
import org.parsreader.pacs.StudyHit;
import org.parsreader.pacs.StudyQuery;
import org.parsreader.sample.SampleCase;

/**
 * Issue 13 point 4 (batch) and 6 against a real Orthanc holding the sample case: {@code pacs batch}
 * pulls a cohort by accession numbers (two studies into one case folder; an unknown accession
 * fails by name and the rest goes on), runs the batch, and pushes the reader's SR + SEG back with
 * the pseudonym (the server is a research archive); {@code pacs send} to a server marked clinical
 * keeps the original identity, so the results file with the images.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PacsBatchCommandTest {
    static OrthancServer orthanc;
    static final String PATIENT_ID = "PR-SAMPLE-001";

    @BeforeAll
    static void start() throws Exception {
        orthanc = OrthancServer.start();
        orthanc.storescu(SampleCase.SAMPLE);
        SrFixtures.load();
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) orthanc.close();
    }

    static Path config(Path dir, String archive) throws Exception {
        Path f = dir.resolve(archive + ".json");
        Files.writeString(f, "{\"servers\": [{\"name\": \"" + archive + "\", \"dicomWebUrl\": \"" + orthanc.dicomWebUrl() + "\", \"user\": \"" + OrthancServer.USER
                + "\", \"password\": \"" + OrthancServer.PASSWORD + "\", \"host\": \"127.0.0.1\", \"port\": " + orthanc.dicomPort + ", \"calledAe\": \""
                + OrthancServer.AET + "\"" + (archive.equals("clinical") ? ", \"archive\": \"clinical\"" : "") + "}]}");
        return f;
    }

    /** The modalities of every study of the patient on the PACS. */
    static java.util.Set<String> modalities(String patientId) {
        java.util.Set<String> m = new java.util.TreeSet<>();
        for (StudyHit h : new DicomWebClient(orthanc.config()).query(new StudyQuery(patientId, null, null, null, null, null))) m.addAll(h.modalities());
        return m;
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aCohortByAccessionNumbersIsPulledRunAndItsResultsPushedBackUnderThePseudonym(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("accessions.txt");
        Files.writeString(list, "# the sample patient's CT and MR studies in one case folder, and an accession the PACS does not have\n"
                + "case-001,PRS2403041\ncase-001,PRS2403207\nNOPE-1\n");
        Path cohort = dir.resolve("cohort");
        // the reader's findings of the case are there before (read earlier); the pull adds the images beside them
        Files.createDirectories(cohort.resolve("case-001/findings"));
        Files.write(cohort.resolve("case-001/findings/R1.findings.json"), FindingsJson.write(SrFixtures.r1));
        CommandLineTest.Run r = CommandLineTest.run("pacs", "batch", "--pacs-config", config(dir, "research").toString(), "--accessions", list.toString(),
                "--cohort", cohort.toString(), "--out", dir.resolve("run").toString(), "--steps", "index,csv", "--push", "--protocol", "dimse");
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).contains("case NOPE-1: pull of accession NOPE-1 failed: accession NOPE-1: no study on PACS 'research'")
                .doesNotContain(OrthancServer.PASSWORD);
        assertThat(r.out()).contains("pulled accession PRS2403041").contains("pulled accession PRS2403207")
                .contains("case case-001: pushed R1's SR + 1 SEG (pseudonym)").contains("1 of 2 case(s) done").doesNotContain(OrthancServer.PASSWORD);
        try (Stream<Path> s = Files.list(cohort.resolve("case-001"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).as("two studies beside findings/, no temp folder left")
                    .hasSize(3).contains("findings").noneMatch(n -> n.startsWith("."));
        }
        assertThat(cohort.resolve("NOPE-1")).doesNotExist();
        assertThat(Files.readString(dir.resolve("run/manifest.json"))).contains("\"case-001\"");
        // the results are on the PACS under the pseudonym, not the patient's ID
        assertThat(modalities(SrFixtures.r1.pseudonym())).containsExactly("SEG", "SR");
        assertThat(modalities(PATIENT_ID)).doesNotContain("SR", "SEG");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void sendToTheClinicalPacsKeepsTheOriginalIdentitySoTheResultsFileWithTheImages(@TempDir Path dir) throws Exception {
        Path c = SampleCase.copy(dir);
        Files.write(c.resolve("findings/R1.findings.json"), FindingsJson.write(SrFixtures.r1));
        CommandLineTest.Run s = CommandLineTest.run("pacs", "send", "--pacs-config", config(dir, "clinical").toString(), c.toString(), "--reader", "R1");
        assertThat(s.status()).as(s.err()).isZero();
        assertThat(s.out()).contains("sent R1's SR + 1 SEG of " + c + " to PACS 'clinical'").contains("(original)");
        assertThat(modalities(PATIENT_ID)).contains("CT", "MR", "SR", "SEG");
        try (Stream<Path> f = Files.walk(c)) {
            assertThat(f.filter(p -> p.toString().endsWith(".sr.dcm"))).as("nothing left in the case folder").isEmpty();
        }
    }
}
