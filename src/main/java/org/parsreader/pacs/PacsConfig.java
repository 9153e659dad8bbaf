package org.parsreader.pacs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Object root;
        try {
            root = PlainJson.parse(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's message may quote the text around the error, which can be a password
            throw new IllegalArgumentException("PACS configuration " + file + " is not valid JSON (line " + line(e) + ")");
        }
        Object arr = root instanceof Map<?, ?> m ? m.get("servers") : null;
        if (!(arr instanceof List<?> list)) throw new IllegalArgumentException("PACS configuration " + file + ": needs a \"servers\" array");
        List<PacsServer> out = new ArrayList<>();
        int i = 0;
        for (Object o : list) {
            i++;
            Map<?, ?> s = o instanceof Map<?, ?> m ? m : Map.of();
            String name = PlainJson.text(s.get("name"));
            if (name == null) throw new IllegalArgumentException("PACS configuration " + file + ": server " + i + " has no \"name\"");
            for (Object f : s.keySet()) {
                if (!FIELDS.contains(f))
                    throw new IllegalArgumentException("PACS configuration " + file + ": server '" + name + "' has unknown field \"" + f + "\"");
            }
            int port = port(file, name, s, "port");
            int movePort = port(file, name, s, "movePort");
            PacsServer ps = new PacsServer(name, text(s, "dicomWebUrl"), text(s, "user"), text(s, "password"), text(s, "host"), port,
                    text(s, "calledAe"), text(s, "callingAe"), archive(file, name, text(s, "archive")), movePort);
            if (!ps.hasDicomWeb() && !ps.hasDimse())
                throw new IllegalArgumentException("PACS configuration " + file + ": server '" + name + "' has neither dicomWebUrl nor host, port and calledAe");
            out.add(ps);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("PACS configuration " + file + " lists no servers");
        return new PacsConfig(file, out);
    }

    private static final List<String> FIELDS = List.of("name", "dicomWebUrl", "user", "password", "host", "port", "calledAe", "callingAe", "archive", "movePort");

    /** A whole number field (0 when absent). */
    private static int port(Path file, String name, Map<?, ?> s, String field) {
        if (!s.containsKey(field)) return 0;
        Object v = s.get(field);
        if (v instanceof Integer n) return n;
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) return d.intValue();
        throw new IllegalArgumentException("PACS configuration " + file + ": server '" + name + "': " + field + " must be a number");
    }

    private static PacsServer.Archive archive(Path file, String name, String v) {
        try {
            return PacsServer.Archive.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PACS configuration " + file + ": server '" + name + "': " + e.getMessage());
        }
    }

    private static String line(com.fasterxml.jackson.core.JsonProcessingException e) {
        return e.getLocation() != null ? String.valueOf(e.getLocation().getLineNr()) : "?";
    }

    private static String text(Map<?, ?> s, String f) {
        return PlainJson.text(s.get(f));
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
