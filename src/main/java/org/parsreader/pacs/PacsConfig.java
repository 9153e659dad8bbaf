package org.parsreader.pacs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CLI's PACS configuration, ~/.config/pars-reader/pacs.json (or a file given with
 * --pacs-config):
 * <pre>{"servers": [{"name": "orthanc", "dicomWebUrl": "http://localhost:8042/dicom-web",
 *   "user": "u", "password": "p", "host": "localhost", "port": 4242,
 *   "calledAe": "ORTHANC", "callingAe": "PARSREADER", "archive": "clinical", "movePort": 11113}]}</pre>
 * Any field but name may be left out; {@code archive} is {@code clinical} or {@code research} (the default).
 * movePort is where our storage SCP listens during a C-MOVE (the PACS must know callingAe at this
 * computer and that port). The file holds passwords: keep it readable by you only.
 */
public final class PacsConfig {
    private final List<PacsServer> servers;
    private final Path file;

    private PacsConfig(Path file, List<PacsServer> servers) {
        this.file = file;
        this.servers = List.copyOf(servers);
    }

    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("pars-reader").resolve("pacs.json");
    }

    public static PacsConfig read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("PACS configuration " + file + " does not exist (see README, section PACS)");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            // Jackson's message may quote the text around the error, which can be a password
            throw new IllegalArgumentException("PACS configuration " + file + " is not valid JSON (line " + line(e) + ")");
        }
        JsonNode arr = root == null ? null : root.get("servers");
        if (arr == null || !arr.isArray()) throw new IllegalArgumentException("PACS configuration " + file + ": needs a \"servers\" array");
        List<PacsServer> out = new ArrayList<>();
        int i = 0;
        for (JsonNode s : arr) {
            i++;
            String name = text(s, "name");
            if (name == null) throw new IllegalArgumentException("PACS configuration " + file + ": server " + i + " has no \"name\"");
            for (var it = s.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!List.of("name", "dicomWebUrl", "user", "password", "host", "port", "calledAe", "callingAe", "archive", "movePort").contains(f))
                    throw new IllegalArgumentException("PACS configuration " + file + ": server '" + name + "' has unknown field \"" + f + "\"");
            }
            JsonNode port = s.get("port");
            if (port != null && !port.canConvertToInt()) throw new IllegalArgumentException("PACS configuration " + file + ": server '" + name + "': port must be a number");
            JsonNode movePort = s.get("movePort");
            if (movePort != null && !movePort.canConvertToInt())
                throw new IllegalArgumentException("PACS configuration " + file + ": server '" + name + "': movePort must be a number");
            PacsServer ps = new PacsServer(name, text(s, "dicomWebUrl"), text(s, "user"), text(s, "password"), text(s, "host"), port == null ? 0 : port.asInt(),
                    text(s, "calledAe"), text(s, "callingAe"), archive(file, name, text(s, "archive")),
                    movePort == null ? 0 : movePort.asInt());
            if (!ps.hasDicomWeb() && !ps.hasDimse())
                throw new IllegalArgumentException("PACS configuration " + file + ": server '" + name + "' has neither dicomWebUrl nor host, port and calledAe");
            out.add(ps);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("PACS configuration " + file + " lists no servers");
        return new PacsConfig(file, out);
    }

    private static PacsServer.Archive archive(Path file, String name, String v) {
        try {
            return PacsServer.Archive.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PACS configuration " + file + ": server '" + name + "': " + e.getMessage());
        }
    }

    private static String line(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null ? String.valueOf(j.getLocation().getLineNr()) : "?";
    }

    private static String text(JsonNode s, String f) {
        JsonNode v = s.get(f);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    public List<PacsServer> servers() {
        return servers;
    }

    /** The named server, or the only/first one when name is null. */
    public PacsServer server(String name) {
        if (name == null) return servers.get(0);
        Optional<PacsServer> s = servers.stream().filter(x -> x.name().equals(name)).findFirst();
        return s.orElseThrow(() -> new IllegalArgumentException("PACS configuration " + file + " has no server '" + name + "' (it has "
                + servers.stream().map(PacsServer::name).toList() + ")"));
    }
}
