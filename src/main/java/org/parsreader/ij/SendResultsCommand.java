package org.parsreader.ij;

import ij.IJ;
import ij.gui.GenericDialog;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parsreader.exchange.ResultsExport;
import org.parsreader.exchange.ResultsPush;
import org.parsreader.ij.panel.ActiveSession;
import org.parsreader.pacs.PacsException;
import org.parsreader.pacs.PacsServer;
import org.parsreader.pacs.StudyCache;
import org.parsreader.reading.ReadingSession;

/**
 * Plugins &gt; Pars Reader &gt; Send Results to PACS...: the current case's findings (the open
 * reading session's reader, saved first; or case=... reader=...) as a TID 1500 SR and the SEGs of
 * its contrast regions, stored on a PACS. Identity follows the server: the clinical PACS gets the
 * patient's identity (the results file with the images), a research archive the pseudonym with
 * dates removed or shifted; identity=... overrides.
 *
 * <pre>{@code
 * run("Send Results to PACS...", "server=research");                                 // pseudonym, dates removed
 * run("Send Results to PACS...", "server=research dates=shift");
 * run("Send Results to PACS...", "server=clinical identity=original protocol=dimse");
 * run("Send Results to PACS...", "server=orthanc case=/data/cases/PRS2403041 reader=R1");
 * }</pre>
 */
public final class SendResultsCommand implements ij.plugin.PlugIn {
    static final String COMMAND = "Send Results to PACS...";
    static final Set<String> KEYS = Set.of("server", "identity", "dates", "protocol", "case", "reader", "pseudonyms", "password");

    @Override
    public void run(String arg) {
        Commands.run(COMMAND, () -> {
            try {
                String macro = ij.Macro.getOptions();
                if (macro != null) {
                    MacroOptions o = MacroOptions.parse(COMMAND, macro, KEYS);
                    PacsServersCommand.refusePassword(COMMAND, o);
                    send(o.get("server", null), o.get("identity", null), o.get("dates", null), o.get("protocol", null), o.get("case", null),
                            o.get("reader", null), o.get("pseudonyms", null));
                } else {
                    Commands.requireDisplay(COMMAND, "server=...");
                    dialog();
                }
            } catch (PacsException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        });
    }

    static void send(String server, String identity, String dates, String protocol, String caseDir, String reader, String pseudonyms) throws java.io.IOException {
        PacsServer s = PacsPrefs.withPassword(PacsPrefs.server(server));
        StudyCache.Protocol p = OpenFromPacsCommand.protocol(s, protocol);
        Path dir;
        String who;
        Path registry = pseudonyms == null || pseudonyms.isBlank() ? null : Path.of(pseudonyms);
        if (caseDir != null && !caseDir.isBlank()) {
            dir = Path.of(caseDir);
            who = reader;
            if (who == null || who.isBlank()) throw new IllegalArgumentException(COMMAND + ": with case=... give reader=... too");
        } else {
            ReadingSession session = ActiveSession.require(COMMAND);
            if (session.isDirty()) session.save();
            dir = session.caseDir();
            who = reader == null || reader.isBlank() ? session.reader().id() : reader;
            if (registry == null) registry = session.options().registry();
        }
        ResultsExport.Identity id = identity == null || identity.isBlank() ? ResultsExport.Identity.defaultFor(s) : ResultsExport.Identity.parse(identity);
        ResultsExport.Choice c = new ResultsExport.Choice(id, dates == null || dates.isBlank() ? ResultsExport.Dates.REMOVE : ResultsExport.Dates.parse(dates),
                registry);
        IJ.showStatus("Sending " + who + "'s results to " + s.name() + "...");
        List<ResultsPush.Pushed> sent = ResultsPush.push(s, p, dir, List.of(who), c);
        for (ResultsPush.Pushed x : sent) {
            IJ.log("Pars Reader: sent " + x.reader() + "'s results of " + dir.getFileName() + " (SR + " + (x.instances() - 1) + " SEG) to " + s.describe()
                    + " as " + (id == ResultsExport.Identity.ORIGINAL ? "the original identity" : "the pseudonym, dates " + c.dates().label()));
        }
        IJ.showStatus("");
    }

    private static void dialog() throws java.io.IOException {
        String[] names = PacsPrefs.names();
        if (names.length == 0) throw new IllegalArgumentException("no PACS server is set up; add one with Plugins > Pars Reader > PACS Servers...");
        ActiveSession.require(COMMAND);
        GenericDialog gd = new GenericDialog("Pars Reader: Send Results to PACS");
        gd.addChoice("server", names, names[0]);
        gd.addChoice("identity", new String[] {"as the server is marked", "pseudonym", "original"}, "as the server is marked");
        gd.addChoice("dates", new String[] {"remove", "shift"}, "remove");
        gd.addChoice("protocol", new String[] {"auto", "dicomweb", "dimse"}, "auto");
        gd.addMessage("The open case's findings as a DICOM SR (TID 1500) and the SEGs of its contrast regions.\n"
                + "A clinical PACS gets the patient's identity, a research archive the pseudonym\n"
                + "(dates: removed, or shifted by the patient's own shift).");
        gd.showDialog();
        if (gd.wasCanceled()) return;
        String server = gd.getNextChoice();
        String identity = gd.getNextChoice();
        String dates = gd.getNextChoice();
        String proto = gd.getNextChoice();
        send(server, identity.startsWith("as ") ? null : identity.toLowerCase(Locale.ROOT), dates, "auto".equals(proto) ? null : proto, null, null, null);
    }
}
