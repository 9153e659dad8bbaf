package org.parsreader.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parsreader.dicom.StackFrame;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;

/**
 * The class-data-sharing training of {@code pacs retrieve --protocol dicomweb} (issue 13 point 7):
 * serves the first study of a folder (the sample case) from a DICOMweb server in this JVM, on
 * loopback, QIDO-RS (the instance count) and WADO-RS (the study as multipart/related, every part
 * with its Content-Length, as Orthanc sends it), and retrieves it with the command line, so the archive holds the HTTP
 * client and the retrieve path: ~10 % of a 400-slice retrieve's whole-process time
 * (BENCHMARKS.md). A training tool of the build only, run by {@link CdsTraining}; it answers
 * anything to any request, checks no password and is stopped when the retrieve returns.
 */
final class DicomWebTraining {
    private DicomWebTraining() {}

    /** Retrieves the first study of {@code folder} through a server of this JVM; the command's exit status. */
    static int run(Path folder) throws IOException {
        StudyIndex index = StudyScanner.scan(folder);
        StudyIndex.StudyEntry study = index.patients().get(0).studies().get(0);
        String uid = study.info().uid();
        Set<Path> files = new LinkedHashSet<>();
        for (StudyIndex.SeriesEntry s : study.series()) {
            for (var stack : s.stacks()) for (StackFrame f : stack.frames()) files.add(f.instance().file());
        }
        List<Path> parts = new ArrayList<>(files);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dicom-web/studies", ex -> answer(ex, uid, parts));
        server.start();
        Path tmp = Files.createTempDirectory("pars-cds-dicomweb");
        try {
            Path config = tmp.resolve("pacs.json");
            Files.writeString(config, "{\"servers\": [{\"name\": \"training\", \"dicomWebUrl\": \"http://127.0.0.1:"
                    + server.getAddress().getPort() + "/dicom-web\", \"user\": \"training\", \"password\": \"training\"}]}");
            return Main.execute("pacs", "retrieve", "--pacs-config", config.toString(), "--protocol", "dicomweb",
                    "--cache", tmp.resolve("cache").toString(), uid);
        } finally {
            server.stop(0);
            try (var walk = Files.walk(tmp)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static void answer(HttpExchange ex, String uid, List<Path> parts) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            if (ex.getRequestURI().getQuery() != null) { // QIDO-RS: the study and its number of instances
                byte[] json = ("[{\"0020000D\": {\"vr\": \"UI\", \"Value\": [\"" + uid + "\"]}, \"00201208\": {\"vr\": \"IS\", \"Value\": ["
                        + parts.size() + "]}}]").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/dicom+json");
                ex.sendResponseHeaders(200, json.length);
                ex.getResponseBody().write(json);
                return;
            }
            String boundary = "training-boundary";
            ex.getResponseHeaders().set("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary);
            ex.sendResponseHeaders(200, 0); // chunked
            OutputStream out = ex.getResponseBody();
            for (Path p : parts) {
                out.write(("--" + boundary + "\r\nContent-Type: application/dicom\r\nContent-Length: " + Files.size(p) + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                Files.copy(p, out);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
