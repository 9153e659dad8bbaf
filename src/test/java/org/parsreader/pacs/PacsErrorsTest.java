package org.parsreader.pacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors without a real PACS: server down, a transfer cut in the middle, the multipart parser, the password kept out of messages. */
class PacsErrorsTest {
    static final String PW = "Top-Secret-77";

    @Test
    void passwordIsNeverInToStringDescribeOrConfigErrors(@TempDir Path dir) throws Exception {
        PacsServer s = new PacsServer("pacs1", "http://127.0.0.1:9/dicom-web/", "alice", PW, "127.0.0.1", 104, "PACS", null);
        assertThat(s.toString()).doesNotContain(PW).contains("***").contains("alice");
        assertThat(s.describe()).doesNotContain(PW).contains("http://127.0.0.1:9/dicom-web").contains("PACS@127.0.0.1:104");
        assertThat(s.dicomWebUrl()).isEqualTo("http://127.0.0.1:9/dicom-web");
        assertThat(s.callingAe()).isEqualTo("PARSREADER");
        Path f = dir.resolve("pacs.json");
        Files.writeString(f, "{\"servers\": [{\"name\": \"a\", \"dicomWebUrl\": \"http://x/dw\", \"password\": \"" + PW + "\" ");
        assertThatThrownBy(() -> PacsConfig.read(f)).hasMessageContaining("not valid JSON").hasMessageNotContaining(PW);
        Files.writeString(f, "{\"servers\": [{\"name\": \"a\", \"pasword\": \"" + PW + "\"}]}");
        assertThatThrownBy(() -> PacsConfig.read(f)).hasMessageContaining("unknown field \"pasword\"").hasMessageNotContaining(PW);
        Files.writeString(f, "{\"servers\": [{\"name\": \"a\", \"dicomWebUrl\": \"http://h/dw\", \"user\": \"u\", \"password\": \"" + PW + "\"},"
                + "{\"name\": \"b\", \"host\": \"h\", \"port\": 11112, \"calledAe\": \"B\", \"movePort\": 11113}]}");
        PacsConfig c = PacsConfig.read(f);
        assertThat(c.server("b").hasDimse()).isTrue();
        assertThat(c.server("b").movePort()).isEqualTo(11113);
        assertThat(c.server("a").movePort()).isZero();
        assertThat(c.server(null).password()).isEqualTo(PW);
        assertThatThrownBy(() -> c.server("z")).hasMessageContaining("no server 'z'").hasMessageNotContaining(PW);
        Files.writeString(f, "{\"servers\": [{\"name\": \"b\", \"host\": \"h\", \"port\": \"11112\", \"calledAe\": \"B\"}]}");
        assertThatThrownBy(() -> PacsConfig.read(f)).hasMessageContaining("port must be a number");
        Files.writeString(f, "{\"servers\": [{\"name\": \"b\", \"host\": \"h\", \"port\": 104, \"calledAe\": \"B\", \"movePort\": 1.5}]}");
        assertThatThrownBy(() -> PacsConfig.read(f)).hasMessageContaining("movePort must be a number");
        Files.writeString(f, "{\"servers\": [{\"name\": \"b\", \"host\": \"h\", \"port\": 104, \"calledAe\": \"B\"}]} {}");
        assertThatThrownBy(() -> PacsConfig.read(f)).hasMessageContaining("not valid JSON");
        for (String cut : List.of("{\"servers\": [", "{\"servers\":", "")) {
            Files.writeString(f, cut);
            assertThatThrownBy(() -> PacsConfig.read(f)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        }
        Files.writeString(f, "{\"servers\": {\"name\": \"b\"}}");
        assertThatThrownBy(() -> PacsConfig.read(f)).hasMessageContaining("needs a \"servers\" array");
    }

    @Test
    void serverDownIsNamed(@TempDir Path cache) throws Exception {
        int port = OrthancServer.freePort();
        PacsServer s = new PacsServer("down", "http://127.0.0.1:" + port + "/dicom-web", "u", PW, "127.0.0.1", port, "NOBODY", null);
        assertThatThrownBy(() -> new StudyCache(cache).retrieve(s, "1.2.3", StudyCache.Protocol.DICOMWEB)).isInstanceOf(PacsException.class)
                .hasMessageContaining("cannot connect to PACS 'down'").hasMessageNotContaining(PW);
        assertThatThrownBy(() -> new StudyCache(cache).retrieve(s, "1.2.3", StudyCache.Protocol.DIMSE)).isInstanceOf(PacsException.class)
                .hasMessageContaining("PACS 'down'").hasMessageContaining("NOBODY@127.0.0.1").hasMessageNotContaining(PW);
        PacsServer m = new PacsServer("down", null, null, null, "127.0.0.1", port, "NOBODY", null, PacsServer.Archive.RESEARCH, OrthancServer.freePort());
        assertThatThrownBy(() -> new StudyCache(cache).retrieve(m, "1.2.3", StudyCache.Protocol.DIMSE_MOVE)).isInstanceOf(PacsException.class)
                .hasMessageContaining("cannot connect to PACS 'down'").hasMessageContaining("NOBODY@127.0.0.1");
        // the C-MOVE itself (past the C-FIND) to a server that is gone: the storage SCP is stopped again, its port free
        assertThatThrownBy(() -> new DimseClient(m).move("1.2.3", cache)).isInstanceOf(PacsException.class)
                .hasMessageContaining("C-MOVE retrieve of study 1.2.3").hasMessageContaining("PACS 'down'");
        try (java.net.ServerSocket again = new java.net.ServerSocket(m.movePort())) {
            assertThat(again.getLocalPort()).isEqualTo(m.movePort());
        }
        assertThat(cache).isEmptyDirectory();
    }

    @Test
    void cMovePortInUseIsNamed(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0)) {
            PacsServer s = new PacsServer("p", null, null, null, "127.0.0.1", 104, "PACS", "ME", PacsServer.Archive.RESEARCH, busy.getLocalPort());
            assertThatThrownBy(() -> new DimseClient(s).move("1.2.3", dir)).isInstanceOf(PacsException.class)
                    .hasMessageContaining("C-MOVE retrieve of study 1.2.3").hasMessageContaining("cannot listen on port " + busy.getLocalPort())
                    .hasMessageContaining("PACS 'p'");
        }
    }

    static byte[] dicomPart(int n) {
        byte[] b = new byte[400];
        b[128] = 'D';
        b[129] = 'I';
        b[130] = 'C';
        b[131] = 'M';
        for (int i = 132; i < b.length; i++) b[i] = (byte) (i * n);
        // bytes that look like the start of a delimiter must survive
        b[200] = '\r';
        b[201] = '\n';
        b[202] = '-';
        b[203] = '-';
        return b;
    }

    static byte[] multipart(String boundary, List<byte[]> parts, boolean close) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.write(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            o.write(p);
            o.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (close) o.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return o.toByteArray();
    }

    @Test
    void multipartPartsComeOutByteExactAndATruncatedBodyIsAnError() throws Exception {
        // a part holding all of the delimiter but its last byte, and one ending in the delimiter's first bytes
        byte[] almost = "xx\r\n--b0unX\r\n--b0un\r\n--b0\r\n-".getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> parts = List.of(dicomPart(1), dicomPart(2), new byte[0], dicomPart(3), almost);
        byte[] body = multipart("b0und", parts, true);
        List<byte[]> got = new ArrayList<>();
        // a tiny read size exercises delimiters split across reads
        java.io.InputStream slow = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        int n = new MultipartReader(slow, "b0und").readAll(sink(got));
        assertThat(n).isEqualTo(parts.size());
        for (int i = 0; i < parts.size(); i++) assertThat(got.get(i)).isEqualTo(parts.get(i));
        byte[] cut = java.util.Arrays.copyOf(body, body.length - 300);
        List<OutputStream> opened = new ArrayList<>();
        List<OutputStream> closed = new ArrayList<>();
        assertThatThrownBy(() -> new MultipartReader(new java.io.ByteArrayInputStream(cut), "b0und").readAll(new MultipartReader.PartSink() {
            @Override
            public OutputStream open(int index, Map<String, String> headers) {
                OutputStream o = new ByteArrayOutputStream() {
                    @Override
                    public void close() {
                        closed.add(this);
                    }
                };
                opened.add(o);
                return o;
            }

            @Override
            public void close(int index, OutputStream out) throws java.io.IOException {
                out.close();
            }
        })).isInstanceOf(MultipartReader.Truncated.class);
        assertThat(opened.size()).as("parts begun before the cut").isBetween(2, parts.size() - 1);
        assertThat(closed.size()).as("parts closed: every part begun, the cut one too (no file left open)").isEqualTo(opened.size());
        assertThat(MultipartReader.boundary("multipart/related; type=\"application/dicom\"; boundary=\"abc def\"")).isEqualTo("abc def");
    }

    /** As Orthanc sends a study: every part with its Content-Length (lengths[i] is said for part i; -1 leaves the header out). */
    static byte[] multipartWithLengths(String boundary, List<byte[]> parts, List<String> lengths) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write("preamble\r\n".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < parts.size(); i++) {
            String len = lengths.get(i) == null ? "" : "Content-Length: " + lengths.get(i) + "\r\n";
            o.write(("--" + boundary + "\r\nContent-Type: application/dicom\r\n" + len + "MIME-Version: 1.0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            o.write(parts.get(i));
            o.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        o.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return o.toByteArray();
    }

    @Test
    void partsWithAContentLengthAreCopiedByItAndALengthTheBodyContradictsIsAnError() throws Exception {
        // the boundary inside a part's bytes: with a Content-Length the part is taken whole (the length
        // says where it ends, the delimiter is checked there); scanned, it would end at the first one
        byte[] holdsBoundary = "ab\r\n--b0und\r\ncd".getBytes(StandardCharsets.ISO_8859_1);
        byte[] big = java.util.Arrays.copyOf(dicomPart(2), 3_000_001); // larger than the reader's buffer
        big[3_000_000] = 7;
        List<byte[]> parts = List.of(dicomPart(1), big, new byte[0], holdsBoundary, dicomPart(5));
        List<String> lengths = new ArrayList<>();
        for (byte[] p : parts) lengths.add(String.valueOf(p.length));
        lengths.set(4, null); // no header: scanned for the boundary, as before
        for (int readSize : new int[] {1, 3, 1 << 20}) {
            byte[] body = multipartWithLengths("b0und", parts, lengths);
            List<byte[]> got = new ArrayList<>();
            assertThat(new MultipartReader(chunked(body, readSize), "b0und").readAll(sink(got))).isEqualTo(parts.size());
            for (int i = 0; i < parts.size(); i++) assertThat(got.get(i)).as("part %d, reads of %d", i, readSize).isEqualTo(parts.get(i));
        }
        // a value that is not a plain number of bytes is not trusted: the part is scanned for the boundary
        List<String> odd = new ArrayList<>(lengths);
        odd.set(0, "12 bytes");
        odd.set(1, "-5");
        odd.set(3, null);
        List<byte[]> plain = List.of(dicomPart(1), big, new byte[0], "no boundary here".getBytes(StandardCharsets.ISO_8859_1), dicomPart(5));
        odd.set(3, String.valueOf(plain.get(3).length));
        List<byte[]> got = new ArrayList<>();
        assertThat(new MultipartReader(chunked(multipartWithLengths("b0und", plain, odd), 4096), "b0und").readAll(sink(got))).isEqualTo(5);
        for (int i = 0; i < plain.size(); i++) assertThat(got.get(i)).isEqualTo(plain.get(i));
        // a length one byte short or long: the boundary is not where it says, which is an error naming the part
        for (int wrong : new int[] {big.length - 1, big.length + 1}) {
            List<String> bad = new ArrayList<>(lengths);
            bad.set(1, String.valueOf(wrong));
            byte[] body = multipartWithLengths("b0und", parts, bad);
            assertThatThrownBy(() -> new MultipartReader(chunked(body, 1 << 16), "b0und").readAll(sink(new ArrayList<>())))
                    .isNotInstanceOf(MultipartReader.Truncated.class)
                    .hasMessage("part 2 says Content-Length " + wrong + " but the multipart boundary does not follow that many bytes");
        }
        // cut inside a part with a length, and right after its bytes: truncated, and the part's stream is closed
        byte[] body = multipartWithLengths("b0und", parts, lengths);
        String head = "Content-Length: " + big.length + "\r\nMIME-Version: 1.0\r\n\r\n";
        int bigStart = new String(body, StandardCharsets.ISO_8859_1).indexOf(head) + head.length();
        for (int cut : new int[] {bigStart + 1_000_000, bigStart + big.length, bigStart + big.length + 3}) {
            List<OutputStream> closed = new ArrayList<>();
            assertThatThrownBy(() -> new MultipartReader(new java.io.ByteArrayInputStream(body, 0, cut), "b0und").readAll(new MultipartReader.PartSink() {
                @Override
                public OutputStream open(int index, Map<String, String> headers) {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            closed.add(this);
                        }
                    };
                }

                @Override
                public void close(int index, OutputStream out) throws java.io.IOException {
                    out.close();
                }
            })).isInstanceOf(MultipartReader.Truncated.class).hasMessage("body ends inside part 2");
            assertThat(closed).as("cut at %d", cut).hasSize(2);
        }
    }

    private static java.io.InputStream chunked(byte[] body, int readSize) {
        return new java.io.FilterInputStream(new java.io.ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, readSize));
            }
        };
    }

    static MultipartReader.PartSink sink(List<byte[]> got) {
        return new MultipartReader.PartSink() {
            @Override
            public OutputStream open(int index, Map<String, String> headers) {
                return new ByteArrayOutputStream();
            }

            @Override
            public void close(int index, OutputStream out) {
                got.add(((ByteArrayOutputStream) out).toByteArray());
            }
        };
    }

    @Test
    void aTransferCutInTheMiddleLeavesNoStudyFolder(@TempDir Path cache) throws Exception {
        byte[] body = multipart("cut", List.of(dicomPart(1), dicomPart(2), dicomPart(3)), true);
        // announces all, sends half, then hangs up
        assertRetrieveFails(cache, 3, "cut", body, body.length / 2, "study 1.2.3");
    }

    @Test
    void aPartThatIsNotDicomOrAMissingInstanceLeavesNoStudyFolder(@TempDir Path cache) throws Exception {
        byte[] notDicom = "<html>an error page</html>".getBytes(StandardCharsets.UTF_8);
        byte[] body = multipart("nd", List.of(dicomPart(1), notDicom, dicomPart(3)), true);
        assertRetrieveFails(cache, 3, "nd", body, body.length, "received object 000002.dcm (26 bytes) is not a DICOM file");
        // the query (run beside the transfer) said 4, the transfer brought 3 whole instances
        byte[] three = multipart("nd", List.of(dicomPart(1), dicomPart(2), dicomPart(3)), true);
        assertRetrieveFails(cache, 4, "nd", three, three.length, "is incomplete: 3 of 4 instances arrived");
    }

    @Test
    void aWholeTransferGivesExactlyTheStudy(@TempDir Path cache) throws Exception {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            byte[] p = dicomPart(i);
            parts.add(java.util.Arrays.copyOf(p, p.length + i * 997)); // sizes differ, so a swapped or cut part shows
        }
        HttpServer http = fakeDicomWeb(parts.size(), multipart("ok", parts, true), Integer.MAX_VALUE, "ok");
        try {
            Path dir = new StudyCache(cache).retrieve(fake(http), "1.2.3", StudyCache.Protocol.DICOMWEB);
            assertThat(dir).isEqualTo(cache.resolve("1.2.3"));
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("000001.dcm", "000002.dcm", "000003.dcm", "000004.dcm",
                        "000005.dcm", "000006.dcm", "000007.dcm", "000008.dcm", "000009.dcm", "000010.dcm", "000011.dcm", "000012.dcm");
            }
            for (int i = 0; i < parts.size(); i++) assertThat(dir.resolve(DicomPartFile.name(i + 1))).hasBinaryContent(parts.get(i));
            try (var left = Files.list(cache)) {
                assertThat(left).containsExactly(dir); // no .partial- folder left beside it
            }
        } finally {
            stop(http);
        }
    }

    private static void assertRetrieveFails(Path cache, int announced, String boundary, byte[] body, int sent, String message) throws Exception {
        HttpServer http = fakeDicomWeb(announced, body, sent, boundary);
        try {
            assertThatThrownBy(() -> new StudyCache(cache).retrieve(fake(http), "1.2.3", StudyCache.Protocol.DICOMWEB)).isInstanceOf(PacsException.class)
                    .hasMessageContaining(message).hasMessageContaining("PACS 'flaky'").hasMessageNotContaining(PW);
            assertThat(cache).isEmptyDirectory();
        } finally {
            stop(http);
        }
    }

    private static void stop(HttpServer http) {
        http.stop(0);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
    }

    private static PacsServer fake(HttpServer http) {
        return new PacsServer("flaky", "http://127.0.0.1:" + http.getAddress().getPort() + "/dicom-web", "u", PW, null, 0, null, null);
    }

    /** A DICOMweb server of one study 1.2.3: QIDO-RS says it has `instances`; WADO-RS sends the first `sent` bytes of body, announcing all. */
    private static HttpServer fakeDicomWeb(int instances, byte[] body, int sent, String boundary) throws java.io.IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/dicom-web/studies", ex -> {
            if (ex.getRequestURI().getPath().endsWith("/studies")) {
                byte[] j = ("[{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]},\"00201208\":{\"vr\":\"IS\",\"Value\":[" + instances + "]}}]")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/dicom+json");
                ex.sendResponseHeaders(200, j.length);
                ex.getResponseBody().write(j);
            } else {
                ex.getResponseHeaders().add("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body, 0, Math.min(sent, body.length));
                ex.getResponseBody().flush();
            }
            ex.close();
        });
        http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2)); // QIDO-RS and WADO-RS come at once
        http.start();
        return http;
    }
}
