package org.parsreader.ij;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ij.Prefs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.swing.JOptionPane;
import javax.swing.JPasswordField;
import org.parsreader.pacs.PacsConfig;
import org.parsreader.pacs.PacsServer;

/**
 * PACS servers in ImageJ's preferences (IJ_Prefs.txt): every field of a server but its password.
 * A password is never in the preferences, a macro, the recorder, the Log or findings. It comes
 * from the CLI's user config file (the same server name in ~/.config/pars-reader/pacs.json, or
 * the file set with passwords=...), which must be readable by its owner only (mode 0600); else it
 * is asked once per ImageJ session in a password field (not a GenericDialog field, which the
 * recorder would record) and kept in memory only.
 */
public final class PacsPrefs {
    static final String SERVERS = "parsreader.pacs.servers";
    static final String PASSWORD_FILE = "parsreader.pacs.passwordFile";
    static final String CASES = "parsreader.pacs.cases";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SESSION_PASSWORDS = new LinkedHashMap<>();

    private PacsPrefs() {}

    /** The servers in the preferences, without passwords. */
    public static List<PacsServer> servers() {
        String text = Prefs.get(SERVERS, "");
        List<PacsServer> out = new ArrayList<>();
        if (text.isBlank()) return out;
        try {
            for (JsonNode s : JSON.readTree(text)) {
                out.add(new PacsServer(s.path("name").asText(), str(s, "dicomWebUrl"), str(s, "user"), null, str(s, "host"), s.path("port").asInt(0),
                        str(s, "calledAe"), str(s, "callingAe"), PacsServer.Archive.parse(str(s, "archive")), s.path("movePort").asInt(0)));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the PACS servers in ImageJ's preferences (" + SERVERS + ") are damaged: " + e.getMessage()
                    + "; set them again with PACS Servers...");
        }
        return out;
    }

    private static String str(JsonNode s, String f) {
        JsonNode v = s.get(f);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    /** Adds or replaces (by name) a server; its password, if any, is dropped. */
    public static void put(PacsServer s) {
        List<PacsServer> all = new ArrayList<>(servers());
        all.removeIf(x -> x.name().equals(s.name()));
        all.add(s);
        save(all);
    }

    /** Removes a server by name; false when there was none. */
    public static boolean remove(String name) {
        List<PacsServer> all = new ArrayList<>(servers());
        boolean removed = all.removeIf(x -> x.name().equals(name));
        save(all);
        return removed;
    }

    private static void save(List<PacsServer> all) {
        ArrayNode arr = JSON.createArrayNode();
        for (PacsServer s : all) {
            ObjectNode o = arr.addObject();
            o.put("name", s.name());
            if (s.dicomWebUrl() != null) o.put("dicomWebUrl", s.dicomWebUrl());
            if (s.user() != null) o.put("user", s.user());
            if (s.host() != null) o.put("host", s.host()).put("port", s.port());
            if (s.calledAe() != null) o.put("calledAe", s.calledAe());
            o.put("callingAe", s.callingAe());
            o.put("archive", s.archive().name().toLowerCase(java.util.Locale.ROOT));
            if (s.movePort() > 0) o.put("movePort", s.movePort());
        }
        Prefs.set(SERVERS, arr.toString());
    }

    /** The named server (the first when name is null or empty). */
    public static PacsServer server(String name) {
        List<PacsServer> all = servers();
        if (all.isEmpty()) throw new IllegalArgumentException("no PACS server is set up; add one with Plugins > Pars Reader > PACS Servers...");
        if (name == null || name.isBlank()) return all.get(0);
        return all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no PACS server '" + name + "' in ImageJ's preferences (there are " + all.stream().map(PacsServer::name).toList() + ")"));
    }

    public static String[] names() {
        return servers().stream().map(PacsServer::name).toArray(String[]::new);
    }

    public static Path passwordFile() {
        String f = Prefs.get(PASSWORD_FILE, "");
        return f.isBlank() ? PacsConfig.defaultFile() : Path.of(f);
    }

    public static void setPasswordFile(Path f) {
        Prefs.set(PASSWORD_FILE, f == null ? "" : f.toString());
    }

    public static Path cases() {
        String f = Prefs.get(CASES, "");
        return f.isBlank() ? Path.of(System.getProperty("user.home"), "pars-reader-cases") : Path.of(f);
    }

    public static void setCases(Path f) {
        Prefs.set(CASES, f.toString());
    }

    /**
     * The server with its password: none needed without a user; else from the user config file
     * (owner-only), else this session's, else asked (with a display) once per session.
     */
    public static PacsServer withPassword(PacsServer s) throws IOException {
        if (s.user() == null) return s;
        Path f = passwordFile();
        if (Files.isRegularFile(f)) {
            PacsConfig cfg = PacsConfig.read(f);
            var match = cfg.servers().stream().filter(x -> x.name().equals(s.name()) && x.password() != null).findFirst();
            if (match.isPresent()) {
                ownerOnly(f);
                return s.withPassword(match.get().password());
            }
        }
        synchronized (SESSION_PASSWORDS) {
            String pw = SESSION_PASSWORDS.get(s.name());
            if (pw == null) {
                if (java.awt.GraphicsEnvironment.isHeadless())
                    throw new IllegalArgumentException(s.describe() + " needs a password: put it in " + f + " (server '" + s.name() + "', mode 0600)");
                pw = ask(s);
                if (pw == null) throw new IllegalArgumentException("no password given for " + s.describe());
                SESSION_PASSWORDS.put(s.name(), pw);
            }
            return s.withPassword(pw);
        }
    }

    /** Forgets the passwords asked in this session (a wrong one is asked again). */
    public static void forgetSessionPassword(String name) {
        synchronized (SESSION_PASSWORDS) {
            SESSION_PASSWORDS.remove(name);
        }
    }

    static void ownerOnly(Path f) throws IOException {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
            Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE);
            others.retainAll(p);
            if (!others.isEmpty())
                throw new IllegalArgumentException(f + " holds PACS passwords but others may read it; make it yours only: chmod 600 '" + f + "'");
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the folder's protection applies
        }
    }

    private static String ask(PacsServer s) {
        String[] out = new String[1];
        Runnable r = () -> {
            JPasswordField field = new JPasswordField(24);
            int ok = JOptionPane.showConfirmDialog(null, new Object[] {"Password for " + s.describe() + " (kept until ImageJ quits):", field},
                    "Pars Reader: PACS password", JOptionPane.OK_CANCEL_OPTION, JOptionPane.PLAIN_MESSAGE);
            if (ok == JOptionPane.OK_OPTION) out[0] = new String(field.getPassword());
        };
        try {
            if (java.awt.EventQueue.isDispatchThread()) r.run();
            else java.awt.EventQueue.invokeAndWait(r);
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask for the password of " + s.describe() + ": " + e.getMessage());
        }
        return out[0];
    }
}
