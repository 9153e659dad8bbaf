package org.parsreader.pacs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** DICOMweb: QIDO-RS study search, WADO-RS study retrieve, STOW-RS store, with optional HTTP basic authentication. */
public final class DicomWebClient {
    /** For STOW-RS answers only: making an ObjectMapper costs a fresh process ~30 ms, so query and retrieve read JSON with {@link PlainJson}. */
    private static final class Stow {
        static final ObjectMapper JSON = new ObjectMapper();
    }
    /** A QIDO-RS answer larger than this is refused (bounded memory): some 100,000 studies. */
    private static final int MAX_QUERY_ANSWER = 64 << 20;
    private final PacsServer server;
    private HttpClient http; // for STOW-RS only, made when first needed (see open)
    private final Duration timeout;

    public DicomWebClient(PacsServer server) {
        this(server, Duration.ofSeconds(60));
    }

    public DicomWebClient(PacsServer server, Duration timeout) {
        if (!server.hasDicomWeb()) throw new IllegalArgumentException(server.describe() + " has no DICOMweb URL");
        this.server = server;
        this.timeout = timeout;
    }

    private HttpClient http() {
        if (http == null) http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        return http;
    }

    /**
     * A GET through a blocking HttpURLConnection, answered (status known). Query and retrieve use
     * it rather than java.net.http: HttpClient sets up TLS even for http:// (about 0.3 s of CPU in
     * a fresh CLI process) and hands a WADO-RS body over from its selector thread in a new buffer
     * every ~16 KiB, which cost a 200 MB study about twice the CPU of reading it here.
     */
    private HttpURLConnection open(String pathAndQuery, String accept, String what) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(server.dicomWebUrl() + pathAndQuery).toURL().openConnection();
            c.setConnectTimeout(10_000);
            c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setRequestProperty("Accept", accept);
            String auth = authorization();
            if (auth != null) c.setRequestProperty("Authorization", auth);
            c.getResponseCode();
            return c;
        } catch (ConnectException e) {
            throw new PacsException(what + ": cannot connect to " + server.describe() + " (server down or wrong URL)", e);
        } catch (java.net.SocketTimeoutException e) {
            throw new PacsException(what + ": " + server.describe() + " did not answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new PacsException(what + ": connection to " + server.describe() + " failed: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.dicomWebUrl() + pathAndQuery)).timeout(timeout);
        String auth = authorization();
        if (auth != null) b.header("Authorization", auth);
        return b;
    }

    /** The HTTP basic authentication header value, or null without a user. */
    private String authorization() {
        if (server.user() == null) return null;
        String pw = server.password() == null ? "" : server.password();
        return "Basic " + Base64.getEncoder().encodeToString((server.user() + ":" + pw).getBytes(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> send(HttpRequest r, HttpResponse.BodyHandler<T> h, String what) {
        try {
            return http().send(r, h);
        } catch (ConnectException e) {
            throw new PacsException(what + ": cannot connect to " + server.describe() + " (server down or wrong URL)", e);
        } catch (HttpTimeoutException e) {
            throw new PacsException(what + ": " + server.describe() + " did not answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new PacsException(what + ": connection to " + server.describe() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacsException(what + ": interrupted", e);
        }
    }

    private void check(HttpResponse<?> r, String what) {
        check(r.statusCode(), r.body() instanceof String b ? b : "", what);
    }

    private void check(int s, String body, String what) {
        if (s == 401 || s == 403) throw new PacsException(what + ": " + server.describe() + " refused the user name or password (HTTP " + s + ")");
        if (s >= 300) throw new PacsException(what + ": " + server.describe() + " answered HTTP " + s + bodyHint(body));
    }

    private static String bodyHint(String s) {
        if (s != null && !s.isBlank()) return ": " + (s.length() > 200 ? s.substring(0, 200) + "..." : s).strip();
        return "";
    }

    /** QIDO-RS search for studies. */
    public List<StudyHit> query(StudyQuery q) {
        StringBuilder p = new StringBuilder("/studies?includefield=00201208&includefield=00080061&includefield=00081030");
        param(p, "PatientID", q.patientId());
        param(p, "AccessionNumber", q.accession());
        param(p, "StudyDate", q.dateRange());
        param(p, "ModalitiesInStudy", q.modality());
        param(p, "StudyInstanceUID", q.studyUid());
        String what = "QIDO-RS query for " + q;
        HttpURLConnection c = open(p.toString(), "application/dicom+json", what);
        Object arr;
        try {
            int status = c.getResponseCode();
            if (status == 204) return List.of();
            if (status >= 300) check(status, errorBody(c), what);
            byte[] body;
            try (InputStream in = c.getInputStream()) {
                body = in.readNBytes(MAX_QUERY_ANSWER + 1);
            }
            if (body.length > MAX_QUERY_ANSWER)
                throw new PacsException(what + ": " + server.describe() + " answered more than " + (MAX_QUERY_ANSWER >> 20) + " MiB; narrow the query");
            try {
                arr = PlainJson.parse(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new PacsException(what + ": " + server.describe() + " answered something that is not DICOM JSON: " + e.getMessage(), e);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new PacsException(what + ": " + server.describe() + " stopped answering for " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new PacsException(what + ": reading the answer of " + server.describe() + " failed: " + e.getMessage(), e);
        } finally {
            c.disconnect();
        }
        if (!(arr instanceof List<?> studies)) throw new PacsException(what + ": " + server.describe() + " answered JSON that is not an array of studies");
        List<StudyHit> hits = new ArrayList<>();
        for (Object o : studies) {
            Map<?, ?> s = o instanceof Map<?, ?> m ? m : Map.of();
            String n = str(s, "00201208");
            int instances;
            try {
                instances = n == null ? -1 : (int) Double.parseDouble(n);
            } catch (NumberFormatException e) {
                throw new PacsException(what + ": " + server.describe() + " answered '" + n + "' as the number of instances of a study");
            }
            hits.add(new StudyHit(str(s, "0020000D"), str(s, "00100020"), name(s), str(s, "00080050"), str(s, "00080020"), strs(s, "00080061"),
                    str(s, "00081030"), instances));
        }
        return hits;
    }

    private static void param(StringBuilder b, String k, String v) {
        if (v != null && !v.isBlank()) b.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }

    /** The Value array of a DICOM JSON attribute, empty when absent. */
    private static List<?> values(Map<?, ?> o, String tag) {
        return o.get(tag) instanceof Map<?, ?> a && a.get("Value") instanceof List<?> l ? l : List.of();
    }

    private static String str(Map<?, ?> o, String tag) {
        List<?> v = values(o, tag);
        return v.isEmpty() || v.get(0) == null ? null : scalar(v.get(0));
    }

    private static List<String> strs(Map<?, ?> o, String tag) {
        List<String> out = new ArrayList<>();
        for (Object v : values(o, tag)) out.add(v == null ? "" : scalar(v));
        return out;
    }

    /** A scalar value as text (a number as Java writes it); an object or array as "", as JsonNode.asText gave it. */
    private static String scalar(Object v) {
        if (v instanceof Map || v instanceof List) return "";
        return v.toString();
    }

    private static String name(Map<?, ?> o) {
        List<?> v = values(o, "00100010");
        return !v.isEmpty() && v.get(0) instanceof Map<?, ?> pn && pn.get("Alphabetic") != null ? scalar(pn.get("Alphabetic")) : null;
    }

    /**
     * WADO-RS: writes every instance of the study into folder as NNNNNN.dcm, streaming; returns the
     * number written. Throws when the study is unknown, the answer is not multipart DICOM, or the
     * transfer ends early.
     */
    public int retrieve(String studyUid, Path folder) {
        String what = "WADO-RS retrieve of study " + studyUid;
        HttpURLConnection c = open("/studies/" + URLEncoder.encode(studyUid, StandardCharsets.UTF_8),
                "multipart/related; type=\"application/dicom\"; transfer-syntax=*", what);
        try {
            int status = c.getResponseCode();
            if (status == 404) throw new PacsException(what + ": " + server.describe() + " has no such study (HTTP 404)");
            if (status >= 300) check(status, errorBody(c), what);
            String ct = c.getContentType() == null ? "" : c.getContentType();
            String boundary = MultipartReader.boundary(ct);
            if (!ct.toLowerCase().startsWith("multipart/related") || boundary == null)
                throw new PacsException(what + ": " + server.describe() + " answered Content-Type '" + ct + "', not multipart/related");
            try (InputStream body = c.getInputStream()) {
                return new MultipartReader(body, boundary).readAll(new MultipartReader.PartSink() {
                    @Override
                    public OutputStream open(int index, Map<String, String> headers) throws IOException {
                        String type = headers.getOrDefault("content-type", "application/dicom");
                        if (!type.toLowerCase().startsWith("application/dicom"))
                            throw new IOException("part " + (index + 1) + " is '" + type + "', not application/dicom");
                        return new DicomPartFile(folder.resolve(DicomPartFile.name(index + 1)));
                    }

                    @Override
                    public void close(int index, OutputStream out) throws IOException {
                        out.close();
                    }
                });
            }
        } catch (DicomPartFile.NotDicom e) {
            throw new PacsException("retrieve of study " + studyUid + " from " + server.describe() + ": " + e.getMessage(), e);
        } catch (MultipartReader.Truncated e) {
            throw new PacsException(what + ": the transfer from " + server.describe() + " was cut in the middle (" + e.getMessage() + ")", e);
        } catch (java.net.SocketTimeoutException e) {
            throw new PacsException(what + ": " + server.describe() + " stopped sending for " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new PacsException(what + ": reading the answer of " + server.describe() + " failed: " + e.getMessage(), e);
        } finally {
            c.disconnect();
        }
    }

    private static String errorBody(HttpURLConnection c) {
        try (InputStream e = c.getErrorStream()) {
            return e == null ? "" : new String(e.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            return "";
        }
    }

    /** STOW-RS: sends the DICOM files in one multipart request; returns how many the server stored. */
    public int store(List<Path> files) {
        String what = "STOW-RS store of " + files.size() + " file(s)";
        String boundary = "pars-reader-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        try {
            for (Path f : files) {
                parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n", StandardCharsets.ISO_8859_1));
                parts.add(HttpRequest.BodyPublishers.ofFile(f));
                parts.add(HttpRequest.BodyPublishers.ofString("\r\n", StandardCharsets.ISO_8859_1));
            }
        } catch (java.io.FileNotFoundException e) {
            throw new PacsException(what + ": " + e.getMessage(), e);
        }
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.ISO_8859_1));
        HttpRequest r = request("/studies").header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .header("Accept", "application/dicom+json").POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))).build();
        HttpResponse<String> resp = send(r, HttpResponse.BodyHandlers.ofString(), what);
        check(resp, what);
        try {
            JsonNode j = Stow.JSON.readTree(resp.body());
            JsonNode failed = j.path("00081198").path("Value");
            if (failed.isArray() && failed.size() > 0)
                throw new PacsException(what + ": " + server.describe() + " refused " + failed.size() + " of " + files.size() + " instance(s): " + failed);
            JsonNode ok = j.path("00081199").path("Value");
            return ok.isArray() ? ok.size() : files.size();
        } catch (IOException e) {
            throw new PacsException(what + ": " + server.describe() + " answered something that is not DICOM JSON: " + e.getMessage(), e);
        }
    }
}
