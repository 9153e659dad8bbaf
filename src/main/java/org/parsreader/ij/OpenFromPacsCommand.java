package org.parsreader.ij;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parsreader.exchange.CasePull;
import org.parsreader.pacs.PacsException;
import org.parsreader.pacs.PacsServer;
import org.parsreader.pacs.StudyCache;
import org.parsreader.pacs.StudyHit;
import org.parsreader.pacs.StudyQuery;

/**
 * Plugins &gt; Pars Reader &gt; Open from PACS...: search a PACS by patient ID, accession number,
 * study date range and/or modality; the studies found go into the "PACS Studies" table; the chosen
 * one is retrieved (atomically) into CASES/ACCESSION/STUDYUID/ and opened with Read Case.
 *
 * <pre>{@code
 * run("Open from PACS...", "server=orthanc accession=PRS2403041 reader=R1");
 * run("Open from PACS...", "server=orthanc patient=PR-SAMPLE-001 modality=CT from=2024-01-01 to=2024-12-31 study=#1 reader=R1 role=R1 protocol=dimse");
 * run("Open from PACS...", "server=orthanc modality=CT noretrieve");   // the table only
 * }</pre>
 */
public final class OpenFromPacsCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Open from PACS...";
    static final String TABLE = "PACS Studies";
    static final Set<String> KEYS = Set.of("server", "patient", "accession", "from", "to", "modality", "protocol", "study", "cases", "reader", "role",
            "noretrieve", "nopanel", "password");

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            try {
                String macro = ij.Macro.getOptions();
                if (macro != null) fromMacro(MacroOptions.parse(COMMAND, macro, KEYS));
                else {
                    Commands.requireDisplay(COMMAND, "server=... accession=... reader=...");
                    dialog();
                }
            } catch (PacsException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        });
    }

    static StudyCache.Protocol protocol(PacsServer s, String p) {
        if (p == null || p.isBlank()) return s.hasDicomWeb() ? StudyCache.Protocol.DICOMWEB : StudyCache.Protocol.DIMSE;
        return switch (p.toLowerCase(Locale.ROOT)) {
            case "dicomweb" -> StudyCache.Protocol.DICOMWEB;
            case "dimse", "get", "c-get" -> StudyCache.Protocol.DIMSE;
            case "move", "c-move" -> StudyCache.Protocol.DIMSE_MOVE;
            default -> throw new IllegalArgumentException(COMMAND + ": protocol '" + p + "': use dicomweb, dimse (C-GET) or move (C-MOVE)");
        };
    }

    private static LocalDate date(String key, String v) {
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(COMMAND + ": " + key + "='" + v + "' is not a date YYYY-MM-DD");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void fromMacro(MacroOptions o) throws java.io.IOException {
        PacsServersCommand.refusePassword(COMMAND, o);
        PacsServer s = PacsPrefs.withPassword(PacsPrefs.server(o.get("server", null)));
        StudyCache.Protocol p = protocol(s, o.get("protocol", null));
        StudyQuery q = new StudyQuery(blank(o.get("patient", null)), blank(o.get("accession", null)), date("from", o.get("from", null)),
                date("to", o.get("to", null)), blank(o.get("modality", null)), null);
        List<StudyHit> hits = search(s, p, q);
        if (o.flag("noretrieve")) return;
        StudyHit h = pick(hits, o.get("study", null), s, q);
        Path caseDir = retrieve(s, p, h, o.get("cases", null));
        String reader = o.require(COMMAND, "reader", "reader=R1 (who reads the retrieved case)");
        readCase(caseDir, reader, o.get("role", null), o.flag("nopanel"));
    }

    static List<StudyHit> search(PacsServer s, StudyCache.Protocol p, StudyQuery q) {
        List<StudyHit> hits = CasePull.query(s, p, q);
        IJ.log("Pars Reader: " + hits.size() + " stud" + (hits.size() == 1 ? "y" : "ies") + " on " + s.describe() + " for " + q);
        ResultsTable t = new ResultsTable();
        for (StudyHit h : hits) {
            t.incrementCounter();
            t.addValue("Study date", n(h.date()));
            t.addValue("Modalities", String.join("\\", h.modalities()));
            t.addValue("Instances", h.instances());
            t.addValue("Accession", n(h.accession()));
            t.addValue("Patient ID", n(h.patientId()));
            t.addValue("Description", n(h.description()));
            t.addValue("Study UID", n(h.studyUid()));
        }
        if (!GraphicsEnvironment.isHeadless()) t.show(TABLE);
        return hits;
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    /** The study to retrieve: "#N" (row of the table), a study UID, or the only one found. */
    static StudyHit pick(List<StudyHit> hits, String study, PacsServer s, StudyQuery q) {
        if (hits.isEmpty()) throw new IllegalArgumentException(COMMAND + ": no study on " + s.describe() + " for " + q);
        if (study == null || study.isBlank()) {
            if (hits.size() == 1) return hits.get(0);
            throw new IllegalArgumentException(COMMAND + ": " + hits.size() + " studies found for " + q + "; choose one with study=#1.." + hits.size()
                    + " (row of the " + TABLE + " table) or study=<study UID>");
        }
        String k = study.trim();
        if (k.startsWith("#")) {
            int row;
            try {
                row = Integer.parseInt(k.substring(1).split("\\D", 2)[0]); // "#2" or the dialog's recorded "#2: 20240304 CT ..."
            } catch (NumberFormatException e) {
                row = -1;
            }
            if (row < 1 || row > hits.size()) throw new IllegalArgumentException(COMMAND + ": study '" + study + "' is not a row of the table (#1..#" + hits.size() + ")");
            return hits.get(row - 1);
        }
        return hits.stream().filter(h -> k.equals(h.studyUid())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(COMMAND + ": study " + k + " is not among the " + hits.size() + " found for " + q));
    }

    static Path retrieve(PacsServer s, StudyCache.Protocol p, StudyHit h, String cases) throws java.io.IOException {
        Path root = cases == null || cases.isBlank() ? PacsPrefs.cases() : Path.of(cases);
        IJ.showStatus("Retrieving study " + h.studyUid() + " from " + s.name() + "...");
        Path caseDir = CasePull.pull(s, p, h.studyUid(), root, CasePull.caseName(h));
        IJ.log("Pars Reader: retrieved study " + h.studyUid() + " (" + h.instances() + " instances) from " + s.describe() + " into " + caseDir);
        return caseDir;
    }

    static void readCase(Path caseDir, String reader, String role, boolean nopanel) {
        String opts = "case=[" + caseDir + "] reader=" + reader + (role == null || role.isBlank() ? "" : " role=" + role) + (nopanel ? " nopanel" : "");
        IJ.run("Read Case...", opts);
        // the search table shows patient IDs and dates: not beside a blinded read
        var s = org.parsreader.ij.panel.ActiveSession.get();
        if (s.isPresent() && s.get().blinded() && !GraphicsEnvironment.isHeadless()) {
            java.awt.Window w = ij.WindowManager.getWindow(TABLE);
            if (w instanceof ij.text.TextWindow tw) {
                tw.close(false);
                IJ.log("Pars Reader: closed the " + TABLE + " table: the case is read blinded");
            }
        }
    }

    private static void dialog() throws java.io.IOException {
        String[] names = PacsPrefs.names();
        if (names.length == 0) throw new IllegalArgumentException("no PACS server is set up; add one with Plugins > Pars Reader > PACS Servers...");
        GenericDialog gd = new GenericDialog("Pars Reader: Open from PACS");
        gd.addChoice("server", names, names[0]);
        gd.addStringField("patient", "", 20);
        gd.addStringField("accession", "", 20);
        gd.addStringField("from", "", 10);
        gd.addStringField("to", "", 10);
        gd.addStringField("modality", "", 6);
        gd.addChoice("protocol", new String[] {"auto", "dicomweb", "dimse", "move"}, "auto");
        gd.addStringField("reader", "R1", 8);
        gd.addMessage("Dates as YYYY-MM-DD; empty fields match anything. The chosen study is retrieved\ninto " + PacsPrefs.cases()
                + "/<accession>/ and opened with Read Case.");
        gd.showDialog();
        if (gd.wasCanceled()) return;
        PacsServer s = PacsPrefs.withPassword(PacsPrefs.server(gd.getNextChoice()));
        StudyQuery q = new StudyQuery(blank(gd.getNextString()), blank(gd.getNextString()), date("from", gd.getNextString()), date("to", gd.getNextString()),
                blank(gd.getNextString()), null);
        String proto = gd.getNextChoice();
        StudyCache.Protocol p = protocol(s, "auto".equals(proto) ? null : proto);
        String reader = gd.getNextString();
        List<StudyHit> hits = search(s, p, q);
        if (hits.isEmpty()) {
            IJ.showMessage("Pars Reader", "No study on " + s.describe() + " for " + q + ".");
            return;
        }
        String[] rows = new String[hits.size()];
        for (int i = 0; i < rows.length; i++) {
            StudyHit h = hits.get(i);
            rows[i] = "#" + (i + 1) + ": " + n(h.date()) + " " + String.join("\\", h.modalities()) + " " + n(h.accession()) + " \"" + n(h.description()) + "\" ("
                    + h.instances() + " instances)";
        }
        GenericDialog pick = new GenericDialog("Pars Reader: Retrieve from PACS");
        pick.addChoice("study", rows, rows[0]);
        pick.showDialog();
        if (pick.wasCanceled()) return;
        Path caseDir = retrieve(s, p, hits.get(pick.getNextChoiceIndex()), null);
        readCase(caseDir, reader, null, false);
    }
}
