package org.parsreader.ij;

import ij.IJ;
import ij.gui.GenericDialog;
import java.nio.file.Path;
import java.util.Set;
import org.parsreader.pacs.PacsServer;

/**
 * Plugins &gt; Pars Reader &gt; PACS Servers...: adds, replaces (by name) or removes a PACS server
 * in ImageJ's preferences: DICOMweb URL and user, and/or DIMSE host, port and AE titles, and
 * whether it is the clinical PACS or a research archive. Never a password (see {@link PacsPrefs}).
 *
 * <pre>{@code
 * run("PACS Servers...", "name=orthanc url=http://localhost:8042/dicom-web user=me host=localhost port=4242 called=ORTHANC archive=clinical");
 * // C-MOVE: the port this computer receives on, under the calling AE title (the PACS must know both)
 * run("PACS Servers...", "name=orthanc host=localhost port=4242 called=ORTHANC calling=PARSREADER move-port=11113");
 * run("PACS Servers...", "name=orthanc remove");
 * run("PACS Servers...", "passwords=/home/me/.config/pars-reader/pacs.json cases=/data/pacs-cases");
 * }</pre>
 */
public final class PacsServersCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "PACS Servers...";
    static final Set<String> KEYS = Set.of("name", "url", "user", "host", "port", "called", "calling", "move-port", "archive", "remove", "passwords", "cases",
            "password");

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            String macro = ij.Macro.getOptions();
            if (macro != null) {
                MacroOptions o = MacroOptions.parse(COMMAND, macro, KEYS);
                refusePassword(COMMAND, o);
                IJ.log("Pars Reader: " + apply(o.get("name", null), o.get("url", null), o.get("user", null), o.get("host", null), o.get("port", null),
                        o.get("called", null), o.get("calling", null), o.get("move-port", null), o.get("archive", null), o.flag("remove"), o.get("passwords", null),
                        o.get("cases", null)));
                return;
            }
            Commands.requireDisplay(COMMAND, "name=... url=... (or host=... port=... called=...)");
            dialog();
        });
    }

    /** A password in macro options is refused: it would be in the macro file and the recorder. */
    static void refusePassword(String command, MacroOptions o) {
        if (o.flag("password"))
            throw new IllegalArgumentException(command + ": a password is never given in a macro; put it in the user config file " + PacsPrefs.passwordFile()
                    + " (mode 0600) or type it when asked");
    }

    static String apply(String name, String url, String user, String host, String port, String called, String calling, String movePort, String archive,
                        boolean remove, String passwords, String cases) {
        StringBuilder said = new StringBuilder();
        if (passwords != null) {
            PacsPrefs.setPasswordFile(passwords.isBlank() ? null : Path.of(passwords));
            said.append("PACS passwords from ").append(PacsPrefs.passwordFile()).append(". ");
        }
        if (cases != null && !cases.isBlank()) {
            PacsPrefs.setCases(Path.of(cases));
            said.append("Cases from a PACS go into ").append(PacsPrefs.cases()).append(". ");
        }
        if (name == null || name.isBlank()) {
            if (said.length() == 0) throw new IllegalArgumentException(COMMAND + ": option 'name' is required, e.g. name=orthanc url=http://localhost:8042/dicom-web");
            return said.toString().trim();
        }
        if (remove) return said + (PacsPrefs.remove(name) ? "removed PACS server '" + name + "'" : "there was no PACS server '" + name + "'");
        int p = port("port", port);
        int mp = port("move-port", movePort);
        PacsServer s = new PacsServer(name, blank(url), blank(user), null, blank(host), p, blank(called), blank(calling), PacsServer.Archive.parse(blank(archive)), mp);
        if (!s.hasDicomWeb() && !s.hasDimse()) throw new IllegalArgumentException(COMMAND + ": server '" + name + "' needs url=... or host=... port=... called=...");
        PacsPrefs.put(s);
        return said + "PACS server " + s.describe() + ", " + s.archive().name().toLowerCase(java.util.Locale.ROOT) + " archive, saved in ImageJ's preferences (no password)";
    }

    private static int port(String key, String v) {
        if (v == null || v.isBlank()) return 0;
        try {
            int p = Integer.parseInt(v.trim());
            if (p < 1 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(COMMAND + ": " + key + " '" + v + "' is not a port number (1-65535)");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void dialog() {
        var existing = PacsPrefs.servers();
        PacsServer s = existing.isEmpty() ? null : existing.get(0);
        GenericDialog gd = new GenericDialog("Pars Reader: PACS Servers");
        gd.addStringField("name", s == null ? "" : s.name(), 20);
        gd.addStringField("url", s == null || s.dicomWebUrl() == null ? "" : s.dicomWebUrl(), 40);
        gd.addStringField("user", s == null || s.user() == null ? "" : s.user(), 20);
        gd.addStringField("host", s == null || s.host() == null ? "" : s.host(), 20);
        gd.addStringField("port", s == null || s.port() == 0 ? "" : String.valueOf(s.port()), 6);
        gd.addStringField("called", s == null || s.calledAe() == null ? "" : s.calledAe(), 16);
        gd.addStringField("calling", s == null ? "PARSREADER" : s.callingAe(), 16);
        gd.addStringField("move-port", s == null || s.movePort() == 0 ? "" : String.valueOf(s.movePort()), 6);
        gd.addChoice("archive", new String[] {"research", "clinical"}, s == null ? "research" : s.archive().name().toLowerCase(java.util.Locale.ROOT));
        gd.addCheckbox("remove", false);
        gd.addStringField("passwords", PacsPrefs.passwordFile().toString(), 40);
        gd.addStringField("cases", PacsPrefs.cases().toString(), 40);
        gd.addMessage("Servers: " + String.join(", ", PacsPrefs.names()) + "\nA server with the same name is replaced. Passwords are never stored here:\n"
                + "they come from the passwords file (mode 0600, as for the command line) or are asked once per session.\n"
                + "Research archives get results with the pseudonym, the clinical PACS with the patient's identity.");
        gd.showDialog();
        if (gd.wasCanceled()) return;
        IJ.log("Pars Reader: " + apply(gd.getNextString(), gd.getNextString(), gd.getNextString(), gd.getNextString(), gd.getNextString(), gd.getNextString(),
                gd.getNextString(), gd.getNextString(), gd.getNextChoice(), gd.getNextBoolean(), gd.getNextString(), gd.getNextString()));
    }
}
