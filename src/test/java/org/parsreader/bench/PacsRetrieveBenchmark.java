package org.parsreader.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.parsreader.pacs.DicomWebClient;
import org.parsreader.pacs.OrthancServer;
import org.parsreader.pacs.PacsServer;
import org.parsreader.pacs.StudyHit;
import org.parsreader.pacs.StudyQuery;

/**
 * The server side of the PACS retrieve benchmark (issue 13, point 7): makes the 400-slice 512x512
 * CT (the same files as {@link LoadBenchmark}), starts a loopback Orthanc (as the tests do, basic
 * authentication on) that also knows dcmtk's movescu as a C-MOVE destination, loads the CT with
 * storescu, writes OUT/pacs.json (our CLI's configuration) and OUT/bench.env (ports, study UID)
 * and keeps Orthanc up until its standard input closes. scripts/bench.sh then times the
 * retrieves as whole processes.
 * {@code java -cp ... org.parsreader.bench.PacsRetrieveBenchmark DATA OUT}
 */
public final class PacsRetrieveBenchmark {
    public static final String MOVESCU_AET = "MOVESCU";

    private PacsRetrieveBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "bench-data");
        Path out = Path.of(args.length > 1 ? args[1] : "target/pacs-bench");
        Path ct = data.resolve("ct400");
        LoadBenchmark.prepare(ct, 400);
        Files.createDirectories(out);
        int movescuPort = freePort();
        try (OrthancServer orthanc = OrthancServer.start(Map.of(MOVESCU_AET, movescuPort))) {
            orthanc.storescu(ct);
            PacsServer s = orthanc.config();
            List<StudyHit> hits = new DicomWebClient(s).query(new StudyQuery(null, null, null, null, null, null));
            StudyHit study = hits.stream().filter(h -> h.instances() == 400).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Orthanc has no study of 400 instances after storescu: " + hits));
            Files.writeString(out.resolve("pacs.json"), "{\"servers\": [{\"name\": \"bench\", \"dicomWebUrl\": \"" + s.dicomWebUrl() + "\", \"user\": \""
                    + s.user() + "\", \"password\": \"" + s.password() + "\", \"host\": \"" + s.host() + "\", \"port\": " + s.port() + ", \"calledAe\": \""
                    + s.calledAe() + "\", \"callingAe\": \"" + s.callingAe() + "\", \"movePort\": " + s.movePort() + "}]}\n", StandardCharsets.UTF_8);
            Files.writeString(out.resolve("bench.env"), String.join("\n",
                    "STUDY=" + study.studyUid(), "HOST=" + s.host(), "DICOM_PORT=" + s.port(), "AET=" + s.calledAe(), "MOVESCU_AET=" + MOVESCU_AET,
                    "MOVESCU_PORT=" + movescuPort, "DICOMWEB=" + s.dicomWebUrl(), "WEB_USER=" + s.user(), "WEB_PASSWORD=" + s.password(), ""),
                    StandardCharsets.UTF_8);
            System.out.println("ready");
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
