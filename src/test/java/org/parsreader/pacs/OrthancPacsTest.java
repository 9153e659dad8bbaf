package org.parsreader.pacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.sr.Composite;
import org.parsreader.dicom.sr.DicomExport;
import org.parsreader.dicom.sr.SrFixtures;
import org.parsreader.sample.SampleCase;

/** Query, retrieve and store (last: it adds instances to the study) against a real Orthanc (DICOMweb plugin, basic auth, DIMSE) holding the sample case. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrthancPacsTest {
    static OrthancServer orthanc;
    static StudyIndex local;
    static String studyUid;
    static StudyIndex.StudyEntry ct;

    @BeforeAll
    static void start() throws Exception {
        orthanc = OrthancServer.start();
        orthanc.storescu(SampleCase.SAMPLE);
        local = StudyScanner.scan(SampleCase.SAMPLE);
        // the sample case holds two studies (the CT-guided injection and the MR): use the CT one
        ct = local.patients().get(0).studies().stream().filter(st -> st.series().stream().anyMatch(se -> "CT".equals(se.info().modality())))
                .findFirst().orElseThrow();
        studyUid = ct.info().uid();
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) orthanc.close();
    }

    /** series UID -> instance count, the part of the index a retrieve must reproduce. */
    static Map<String, Integer> series(StudyIndex idx) {
        Map<String, Integer> m = new TreeMap<>();
        for (var p : idx.patients())
            for (var st : p.studies()) m.putAll(series(st));
        return m;
    }

    static Map<String, Integer> series(StudyIndex.StudyEntry st) {
        Map<String, Integer> m = new TreeMap<>();
        for (var se : st.series()) {
            int n = se.nonImage().size();
            for (var s : se.stacks()) n += s.frames().size();
            m.merge(se.info().uid(), n, Integer::sum);
        }
        return m;
    }

    @Test
    @Order(1)
    void qidoAndCFindFindTheSampleStudyByPatientAndModality() {
        String pid = local.patients().get(0).info().id();
        List<StudyHit> web = new DicomWebClient(orthanc.config()).query(new StudyQuery(pid, null, null, null, "CT", null));
        List<StudyHit> dimse = new DimseClient(orthanc.config()).query(new StudyQuery(pid, null, null, null, "CT", null));
        for (List<StudyHit> hits : List.of(web, dimse)) {
            assertThat(hits).extracting(StudyHit::studyUid).containsExactly(studyUid);
            assertThat(hits.get(0).instances()).isEqualTo(series(ct).values().stream().mapToInt(Integer::intValue).sum());
        }
        assertThat(new DicomWebClient(orthanc.config()).query(new StudyQuery("no-such-patient", null, null, null, null, null))).isEmpty();
        assertThat(new DimseClient(orthanc.config()).query(new StudyQuery("no-such-patient", null, null, null, null, null))).isEmpty();
    }

    @Test
    @Order(2)
    void retrieveThroughEveryProtocolGivesTheLocalIndex(@TempDir Path cache) throws Exception {
        for (StudyCache.Protocol p : StudyCache.Protocol.values()) {
            Path dir = new StudyCache(cache.resolve(p.name())).retrieve(orthanc.config(), studyUid, p);
            assertThat(dir.getFileName().toString()).isEqualTo(studyUid);
            StudyIndex got = StudyScanner.scan(dir);
            assertThat(series(got)).as(p.name()).isEqualTo(series(ct)).isNotEmpty();
            assertThat(got.instanceCount()).isEqualTo(series(ct).values().stream().mapToInt(Integer::intValue).sum());
            try (Stream<Path> s = Files.list(cache.resolve(p.name()))) {
                assertThat(s.map(x -> x.getFileName().toString()).toList()).as("no temp folder left").containsExactly(studyUid);
            }
        }
    }

    @Test
    @Order(4)
    void storedSrAndSegAreFoundByAQuery(@TempDir Path dir) throws Exception {
        SrFixtures.load();
        Composite.Context ctx = new Composite.Context(SrFixtures.r1.pseudonym(), true, "Pars Reader", "test", ZonedDateTime.now(ZoneOffset.UTC));
        DicomExport.Result r = DicomExport.export(SrFixtures.r1, SrFixtures.template, SrFixtures.index, ctx, dir);
        assertThat(r.segs()).isNotEmpty();
        int before = new DicomWebClient(orthanc.config()).query(StudyQuery.byStudyUid(studyUid)).get(0).instances();
        assertThat(new DicomWebClient(orthanc.config()).store(List.of(r.sr()))).isEqualTo(1);
        assertThat(new DimseClient(orthanc.config()).store(r.segs())).isEqualTo(r.segs().size());
        List<StudyHit> sr = new DicomWebClient(orthanc.config()).query(new StudyQuery(null, null, null, null, "SR", null));
        List<StudyHit> seg = new DimseClient(orthanc.config()).query(new StudyQuery(null, null, null, null, "SEG", null));
        assertThat(sr).extracting(StudyHit::studyUid).contains(studyUid);
        assertThat(seg).extracting(StudyHit::studyUid).contains(studyUid);
        StudyHit after = new DicomWebClient(orthanc.config()).query(StudyQuery.byStudyUid(studyUid)).get(0);
        assertThat(after.instances()).isEqualTo(before + 1 + r.segs().size());
        assertThat(after.modalities()).contains("CT", "SR", "SEG");
    }

    @Test
    @Order(3)
    void wrongPasswordAndUnknownStudyAreNamedWithoutThePassword(@TempDir Path cache) {
        PacsServer good = orthanc.config();
        PacsServer bad = new PacsServer(good.name(), good.dicomWebUrl(), good.user(), "wrong-Pw-99", null, 0, null, null);
        assertThatThrownBy(() -> new DicomWebClient(bad).query(StudyQuery.byStudyUid(studyUid)))
                .isInstanceOf(PacsException.class).hasMessageContaining("refused the user name or password").hasMessageContaining(good.dicomWebUrl())
                .hasMessageNotContaining("wrong-Pw-99");
        assertThatThrownBy(() -> new StudyCache(cache).retrieve(bad, studyUid, StudyCache.Protocol.DICOMWEB))
                .hasMessageContaining("HTTP 401").hasMessageNotContaining("wrong-Pw-99");
        for (StudyCache.Protocol p : StudyCache.Protocol.values()) {
            assertThatThrownBy(() -> new StudyCache(cache).retrieve(good, "1.2.3.4.5", p))
                    .isInstanceOf(PacsException.class).hasMessageContaining("study 1.2.3.4.5 is not on PACS 'orthanc-test'")
                    .hasMessageNotContaining(OrthancServer.PASSWORD);
        }
        assertThatThrownBy(() -> new DicomWebClient(good).retrieve("1.2.3.4.5", cache)).hasMessageContaining("no such study");
        assertThat(cache).isEmptyDirectory();
    }

    @Test
    @Order(3)
    void cMoveToAnAeTitleTheServerDoesNotKnowOrWithoutAPortIsAClearError(@TempDir Path cache) {
        PacsServer good = orthanc.config();
        PacsServer strangerAe = new PacsServer(good.name(), null, null, null, good.host(), good.port(), good.calledAe(), "STRANGER", good.archive(), good.movePort());
        assertThatThrownBy(() -> new StudyCache(cache).retrieve(strangerAe, studyUid, StudyCache.Protocol.DIMSE_MOVE)).isInstanceOf(PacsException.class)
                .hasMessageContaining("C-MOVE retrieve of study " + studyUid).hasMessageContaining("PACS 'orthanc-test'")
                .hasMessageContaining("knows our AE title 'STRANGER' as a move destination at this computer, port " + good.movePort())
                .hasMessageContaining("status 0xC000");
        PacsServer noPort = new PacsServer(good.name(), null, null, null, good.host(), good.port(), good.calledAe(), good.callingAe());
        assertThatThrownBy(() -> new StudyCache(cache).retrieve(noPort, studyUid, StudyCache.Protocol.DIMSE_MOVE)).isInstanceOf(PacsException.class)
                .hasMessageContaining("study " + studyUid).hasMessageContaining("has no movePort");
        assertThat(cache).isEmptyDirectory();
    }
}
