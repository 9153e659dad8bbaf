package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.sr.SrFixtures;
import org.parsreader.findings.FindingsJson;
import org.parsreader.pacs.OrthancServer;
import org.parsreader.sample.SampleCase;

/** pacs query|retrieve|store against a real Orthanc holding the sample case; errors name the server, never the password. */
class PacsCommandTest {
    static OrthancServer orthanc;

    @BeforeAll
    static void start() throws Exception {
        orthanc = OrthancServer.start();
        orthanc.storescu(SampleCase.SAMPLE);
    }

    @AfterAll
    static void stop() {
        if (orthanc != null) orthanc.close();
    }

    static Path config(Path dir, String password) throws Exception {
        Path f = dir.resolve("pacs.json");
        Files.writeString(f, "{\"servers\": [{\"name\": \"test\", \"dicomWebUrl\": \"" + orthanc.dicomWebUrl() + "\", \"user\": \"" + OrthancServer.USER
                + "\", \"password\": \"" + password + "\", \"host\": \"127.0.0.1\", \"port\": " + orthanc.dicomPort + ", \"calledAe\": \"" + OrthancServer.AET + "\", \"callingAe\": \""
                + OrthancServer.CLIENT_AET + "\", \"movePort\": " + orthanc.movePort + "}]}");
        return f;
    }

    @Test
    void queryRetrieveStoreThroughTheCommandLine(@TempDir Path dir) throws Exception {
        String cfg = config(dir, OrthancServer.PASSWORD).toString();
        CommandLineTest.Run q = CommandLineTest.run("pacs", "query", "--pacs-config", cfg, "--modality", "CT");
        assertThat(q.status()).as(q.err()).isZero();
        assertThat(q.out().lines()).hasSize(1);
        String uid = q.out().split("\t")[0];
        CommandLineTest.Run qd = CommandLineTest.run("pacs", "query", "--pacs-config", cfg, "--protocol", "dimse", "--modality", "CT");
        assertThat(qd.out()).isEqualTo(q.out());
        CommandLineTest.Run r = CommandLineTest.run("pacs", "retrieve", "--pacs-config", cfg, "--protocol", "dimse", "--cache", dir.resolve("cache").toString(),
                uid, "1.2.3.999");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("retrieved study " + uid).contains("(68 instances)");
        assertThat(r.err()).contains("study 1.2.3.999 is not on PACS 'test'").doesNotContain(OrthancServer.PASSWORD);
        assertThat(dir.resolve("cache").resolve("1.2.3.999")).doesNotExist();
        CommandLineTest.Run m = CommandLineTest.run("pacs", "retrieve", "--pacs-config", cfg, "--protocol", "move", "--cache", dir.resolve("moved").toString(), uid);
        assertThat(m.status()).as(m.err()).isZero();
        assertThat(m.out()).contains("retrieved study " + uid).contains("(68 instances)");
        CommandLineTest.Run bad = CommandLineTest.run("pacs", "retrieve", "--pacs-config", cfg, "--protocol", "cmove", uid);
        assertThat(bad.status()).isNotZero();
        assertThat(bad.err()).contains("--protocol 'cmove': use dicomweb, dimse or move");

        Path c = SampleCase.copy(dir);
        SrFixtures.load();
        Files.write(c.resolve("findings/R1.findings.json"), FindingsJson.write(SrFixtures.r1));
        Path out = dir.resolve("out");
        CommandLineTest.Run e = CommandLineTest.run("export-sr", c.toString(), "--reader", "R1", "--identity", "--out", out.toString());
        assertThat(e.status()).as(e.err()).isZero();
        CommandLineTest.Run s = CommandLineTest.run("pacs", "store", "--pacs-config", cfg, out.resolve("R1.sr.dcm").toString(), out.resolve("R1.seg-1.dcm").toString());
        assertThat(s.status()).as(s.err()).isZero();
        assertThat(s.out()).contains("stored 2 instance(s) on PACS 'test'").doesNotContain(OrthancServer.PASSWORD);
        CommandLineTest.Run f = CommandLineTest.run("pacs", "query", "--pacs-config", cfg, "--modality", "SR");
        assertThat(f.out()).startsWith(uid + "\t").contains("SR").contains("SEG");
    }

    @Test
    void wrongPasswordAndServerDownAreClearErrors(@TempDir Path dir) throws Exception {
        String cfg = config(dir, "Wrong-Pass-1").toString();
        CommandLineTest.Run q = CommandLineTest.run("pacs", "query", "--pacs-config", cfg, "--patient", "X");
        assertThat(q.status()).isEqualTo(1);
        assertThat(q.err()).contains("PACS 'test'").contains("refused the user name or password").doesNotContain("Wrong-Pass-1");
        Path down = dir.resolve("down.json");
        Files.writeString(down, "{\"servers\": [{\"name\": \"gone\", \"dicomWebUrl\": \"http://127.0.0.1:9/dicom-web\", \"password\": \"Wrong-Pass-1\"}]}");
        CommandLineTest.Run d = CommandLineTest.run("pacs", "query", "--pacs-config", down.toString());
        assertThat(d.status()).isEqualTo(1);
        assertThat(d.err()).contains("cannot connect to PACS 'gone'").doesNotContain("Wrong-Pass-1");
    }
}
