package org.parsreader.pacs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PacsServer server;
    private final HttpClient http;
    private final Duration timeout;

    public DicomWebClient(PacsServer server) {
        this(server, Duration.ofSeconds(60));
    }

    public DicomWebClient(PacsServer server, Duration timeout) {
        if (!server.hasDicomWeb()) throw new IllegalArgumentException(server.describe() + " has no DICOMweb URL");
        this.server = server;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.dicomWebUrl() + pathAndQuery)).timeout(timeout);
        if (server.user() != null) {
            String pw = server.password() == null ? "" : server.password();
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((server.user() + ":" + pw).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private <T> HttpResponse<T> send(HttpRequest r, HttpResponse.BodyHandler<T> h, String what) {
        try {
            return http.send(r, h);
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
        int s = r.statusCode();
        if (s == 401 || s == 403) throw new PacsException(what + ": " + server.describe() + " refused the user name or password (HTTP " + s + ")");
        if (s >= 300) throw new PacsException(what + ": " + server.describe() + " answered HTTP " + s + bodyHint(r));
    }

    private static String bodyHint(HttpResponse<?> r) {
        if (r.body() instanceof String s && !s.isBlank()) return ": " + (s.length() > 200 ? s.substring(0, 200) + "..." : s).strip();
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
        HttpResponse<String> r = send(request(p.toString()).header("Accept", "application/dicom+json").GET().build(), HttpResponse.BodyHandlers.ofString(), what);
        if (r.statusCode() == 204) return List.of();
        check(r, what);
        JsonNode arr;
        try {
            arr = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new PacsException(what + ": " + server.describe() + " answered something that is not DICOM JSON: " + e.getMessage(), e);
        }
        if (arr == null || !arr.isArray()) throw new PacsException(what + ": " + server.describe() + " answered JSON that is not an array of studies");
        List<StudyHit> hits = new ArrayList<>();
        for (JsonNode s : arr) {
            String n = str(s, "00201208");
            hits.add(new StudyHit(str(s, "0020000D"), str(s, "00100020"), name(s), str(s, "00080050"), str(s, "00080020"), strs(s, "00080061"),
                    str(s, "00081030"), n == null ? -1 : (int) Double.parseDouble(n)));
        }
        return hits;
    }

    private static void param(StringBuilder b, String k, String v) {
        if (v != null && !v.isBlank()) b.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }

    private static String str(JsonNode o, String tag) {
        JsonNode v = o.path(tag).path("Value");
        return v.isArray() && v.size() > 0 && !v.get(0).isNull() ? v.get(0).asText() : null;
    }

    private static List<String> strs(JsonNode o, String tag) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : o.path(tag).path("Value")) out.add(v.asText());
        return out;
    }

    private static String name(JsonNode o) {
        JsonNode v = o.path("00100010").path("Value");
        return v.isArray() && v.size() > 0 ? v.get(0).path("Alphabetic").asText(null) : null;
    }

    /**
     * WADO-RS: writes every instance of the study into folder as NNNNNN.dcm, streaming; returns the
     * number written. Throws when the study is unknown, the answer is not multipart DICOM, or the
     * transfer ends early.
     */
    public int retrieve(String studyUid, Path folder) {
        String what = "WADO-RS retrieve of study " + studyUid;
        HttpRequest r = request("/studies/" + URLEncoder.encode(studyUid, StandardCharsets.UTF_8))
                .header("Accept", "multipart/related; type=\"application/dicom\"; transfer-syntax=*").GET().build();
        HttpResponse<InputStream> resp = send(r, HttpResponse.BodyHandlers.ofInputStream(), what);
        try (InputStream body = resp.body()) {
            if (resp.statusCode() == 404) throw new PacsException(what + ": " + server.describe() + " has no such study (HTTP 404)");
            if (resp.statusCode() == 401 || resp.statusCode() == 403 || resp.statusCode() >= 300) {
                check(resp, what);
            }
            String ct = resp.headers().firstValue("Content-Type").orElse("");
            String boundary = MultipartReader.boundary(ct);
            if (!ct.toLowerCase().startsWith("multipart/related") || boundary == null)
                throw new PacsException(what + ": " + server.describe() + " answered Content-Type '" + ct + "', not multipart/related");
            return new MultipartReader(body, boundary).readAll(new MultipartReader.PartSink() {
                @Override
                public OutputStream open(int index, Map<String, String> headers) throws IOException {
                    String type = headers.getOrDefault("content-type", "application/dicom");
                    if (!type.toLowerCase().startsWith("application/dicom"))
                        throw new IOException("part " + (index + 1) + " is '" + type + "', not application/dicom");
                    return new java.io.BufferedOutputStream(Files.newOutputStream(folder.resolve(String.format("%06d.dcm", index + 1))), 1 << 16);
                }

                @Override
                public void close(int index, OutputStream out) throws IOException {
                    out.close();
                }
            });
        } catch (MultipartReader.Truncated e) {
            throw new PacsException(what + ": the transfer from " + server.describe() + " was cut in the middle (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new PacsException(what + ": reading the answer of " + server.describe() + " failed: " + e.getMessage(), e);
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
            JsonNode j = JSON.readTree(resp.body());
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
