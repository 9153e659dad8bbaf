package org.parsreader.pacs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Orthanc (Debian {@code orthanc} + {@code orthanc-dicomweb}) for the PACS tests: loopback
 * only, free high ports chosen at run time, HTTP basic authentication on, a DICOM AET, storage and
 * configuration in a temp folder. {@link #start} skips the test (assumption) only when the Orthanc
 * binary is absent; CI installs it through scripts/setup.sh, so there the tests run.
 */
public final class OrthancServer implements AutoCloseable {
    public static final String AET = "ORTHANCTEST";
    public static final String USER = "tester";
    public static final String PASSWORD = "s3cret-Pw-42";
    public static final String CLIENT_AET = "PARSREADER";

    private final Process process;
    private final Path dir;
    public final int httpPort;
    public final int dicomPort;
    /** Where our storage SCP listens during a C-MOVE; Orthanc knows CLIENT_AET at 127.0.0.1 and this port. */
    public final int movePort;

    private OrthancServer(Process process, Path dir, int httpPort, int dicomPort, int movePort) {
        this.process = process;
        this.dir = dir;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
        this.movePort = movePort;
    }

    static Path binary() {
        for (String p : List.of("/usr/sbin/Orthanc", "/usr/bin/Orthanc")) {
            if (Files.isExecutable(Path.of(p))) return Path.of(p);
        }
        return null;
    }

    static Path pluginsDir() {
        for (String p : List.of("/usr/share/orthanc/plugins", "/usr/lib/orthanc")) {
            Path d = Path.of(p);
            if (Files.isDirectory(d) && Files.exists(d.resolve("libOrthancDicomWeb.so"))) return d;
        }
        for (String p : List.of("/usr/share/orthanc/plugins", "/usr/lib/orthanc")) {
            if (Files.isDirectory(Path.of(p))) return Path.of(p);
        }
        return null;
    }

    /** A free TCP port on loopback (there is a small race until Orthanc binds it; acceptable for tests). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts Orthanc, or skips the calling test with a clear message when Orthanc is not installed. */
    public static OrthancServer start() throws Exception {
        return start(Map.of());
    }

    /**
     * Starts Orthanc knowing, besides CLIENT_AET at movePort, the further C-MOVE destinations given
     * (AE title -> port on 127.0.0.1), as the benchmark needs for dcmtk's movescu.
     */
    public static OrthancServer start(Map<String, Integer> moveDestinations) throws Exception {
        Path bin = binary();
        assumeTrue(bin != null, "Orthanc is not installed (Debian packages orthanc, orthanc-dicomweb; scripts/setup.sh installs them): PACS test skipped");
        Path plugins = pluginsDir();
        Path dir = Files.createTempDirectory("orthanc-test");
        int http = freePort();
        int dicom = freePort();
        int move = freePort();
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("Name", "pars-reader-test");
        cfg.put("StorageDirectory", dir.resolve("db").toString());
        cfg.put("IndexDirectory", dir.resolve("db").toString());
        cfg.put("HttpPort", http);
        cfg.put("DicomPort", dicom);
        cfg.put("DicomAet", AET);
        cfg.put("RemoteAccessAllowed", false);
        cfg.put("AuthenticationEnabled", true);
        cfg.put("RegisteredUsers", Map.of(USER, PASSWORD));
        cfg.put("DicomCheckCalledAet", false);
        cfg.put("DicomAlwaysAllowStore", true);
        cfg.put("DicomAlwaysAllowFind", true);
        cfg.put("DicomAlwaysAllowGet", true);
        cfg.put("DicomAlwaysAllowMove", true);
        Map<String, List<Object>> modalities = new LinkedHashMap<>();
        modalities.put("parsreader", List.of(CLIENT_AET, "127.0.0.1", move));
        moveDestinations.forEach((aet, port) -> modalities.put(aet.toLowerCase(java.util.Locale.ROOT), List.of(aet, "127.0.0.1", port)));
        cfg.put("DicomModalities", modalities);
        cfg.put("StableAge", 1);
        cfg.put("HttpCompressionEnabled", false);
        if (plugins != null) cfg.put("Plugins", List.of(plugins.toString()));
        cfg.put("DicomWeb", Map.of("Enable", true, "Root", "/dicom-web/"));
        Path config = dir.resolve("orthanc.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(config.toFile(), cfg);
        Path log = dir.resolve("orthanc.log");
        Process p = new ProcessBuilder(bin.toString(), "--logfile=" + log, config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        OrthancServer s = new OrthancServer(p, dir, http, dicom, move);
        try {
            s.awaitReady(Duration.ofSeconds(60));
        } catch (Exception e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void awaitReady(Duration limit) throws Exception {
        HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + limit.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            if (!process.isAlive()) throw new IllegalStateException("Orthanc exited with " + process.exitValue() + "; log: " + tail());
            try {
                HttpResponse<String> r = c.send(request("/system").build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Orthanc did not answer on port " + httpPort + " within " + limit + " (" + last + "); log: " + tail());
    }

    private String tail() {
        try {
            Path l = dir.resolve("orthanc.log");
            String s = Files.exists(l) ? Files.readString(l, StandardCharsets.UTF_8) : Files.readString(dir.resolve("stdout.log"));
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    HttpRequest.Builder request(String path) {
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(restUrl() + path)).header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(30));
    }

    /** GET on Orthanc's own REST API (for test checks), the body as text. */
    public String get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode());
        return r.body();
    }

    public String restUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String dicomWebUrl() {
        return restUrl() + "/dicom-web";
    }

    /** A server configuration pointing at this Orthanc (DICOMweb with basic auth, and DIMSE with C-MOVE to movePort). */
    public PacsServer config() {
        return new PacsServer("orthanc-test", dicomWebUrl(), USER, PASSWORD, "127.0.0.1", dicomPort, AET, CLIENT_AET, PacsServer.Archive.RESEARCH, movePort);
    }

    /** Loads DICOM files into Orthanc with dcmtk's storescu (C-STORE), as a modality would. */
    public void storescu(Path folder) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/storescu")), "dcmtk's storescu is not installed (Debian dcmtk): PACS test skipped");
        Process p = new ProcessBuilder("storescu", "-aet", "LOADER", "-aec", AET, "+sd", "+r", "-nh", "127.0.0.1", String.valueOf(dicomPort), folder.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("storescu failed: " + out);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var w = Files.walk(dir)) {
            w.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
