package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ij.IJ;
import ij.ImageJ;
import ij.Menus;
import ij.Prefs;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.plugin.frame.Recorder;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.parsreader.ij.panel.ActiveSession;
import org.parsreader.pacs.DicomWebClient;
import org.parsreader.pacs.OrthancServer;
import org.parsreader.pacs.StudyHit;
import org.parsreader.pacs.StudyQuery;
import org.parsreader.reading.ReadingSession;
import org.parsreader.sample.SampleCase;

/**
 * Issue 13 point 4 in a real ImageJ (Xvfb in CI) against a real Orthanc holding the sample case:
 * PACS Servers... keeps the server in ImageJ's preferences without its password (which comes from
 * the owner-only user config file); Open from PACS... lists the patient's studies in the PACS
 * Studies table (target/screenshots/pacs-search.png), finds the CT study by accession, retrieves it
 * and opens it with Read Case, blinded (the table with the patient's ID is closed); after a reading step and a contrast
 * region, Send Results to PACS... stores SR + SEG, under the pseudonym with shifted dates for the
 * research server and with the original identity when asked. The password is nowhere in the Log,
 * the recorder or the preferences. The screen is saved as target/screenshots/open-from-pacs.png.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // an error dialog must fail the test, not hang it
class PacsIT {
    static ImageJ imagej;
    static OrthancServer orthanc;
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        orthanc = OrthancServer.start();
        orthanc.storescu(SampleCase.SAMPLE);
        tmp = Files.createTempDirectory("pacs-it");
        imagej = RealImageJ.start(tmp);
    }

    @AfterAll
    static void stop() throws Exception {
        ActiveSession.close();
        // the viewers close on the event thread and need WindowManager's lock: let them finish before closeAllWindows takes it
        java.awt.EventQueue.invokeAndWait(() -> { });
        WindowManager.closeAllWindows();
        if (imagej != null) imagej.dispose();
        if (orthanc != null) orthanc.close();
    }

    static Set<String> modalities(String patientId) {
        Set<String> m = new TreeSet<>();
        for (StudyHit h : new DicomWebClient(orthanc.config()).query(new StudyQuery(patientId, null, null, null, null, null))) m.addAll(h.modalities());
        return m;
    }

    static void screenshot(String name) throws Exception {
        BufferedImage screen = new Robot().createScreenCapture(new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()));
        Path shot = Path.of("target/screenshots/" + name);
        Files.createDirectories(shot.getParent());
        ImageIO.write(screen, "png", shot.toFile());
    }

    /** IJ.run with errors to the Log: a failing command fails the test with the Log, never waits on a dialog. */
    static void run(String command, String options) {
        IJ.redirectErrorMessages(true);
        try {
            IJ.run(command, options);
        } catch (RuntimeException e) {
            throw new AssertionError(command + " failed; Log:\n" + IJ.getLog(), e);
        } finally {
            IJ.redirectErrorMessages(false);
        }
    }

    @Test
    void openFromPacsReadsTheRetrievedStudyAndSendResultsStoresSrAndSegWithTheRightIdentity() throws Exception {
        for (String c : new String[] {"Open from PACS...", "Send Results to PACS...", "PACS Servers..."})
            assertThat(Menus.getCommands().get(c)).as(c).isNotNull();
        Path passwords = tmp.resolve("pacs.json");
        Files.writeString(passwords, "{\"servers\": [{\"name\": \"orthanc\", \"dicomWebUrl\": \"" + orthanc.dicomWebUrl() + "\", \"user\": \""
                + OrthancServer.USER + "\", \"password\": \"" + OrthancServer.PASSWORD + "\"}]}");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Path cases = tmp.resolve("cases");
        Recorder recorder = new Recorder();
        try {
            run("PACS Servers...", "name=orthanc url=[" + orthanc.dicomWebUrl() + "] user=" + OrthancServer.USER + " host=127.0.0.1 port=" + orthanc.dicomPort
                    + " called=" + OrthancServer.AET + " archive=research passwords=[" + passwords + "] cases=[" + cases + "]");
            assertThat(Prefs.get("parsreader.pacs.servers", "")).contains("orthanc").contains(OrthancServer.USER).doesNotContain(OrthancServer.PASSWORD);

            // a password in a macro is refused, not used
            IJ.redirectErrorMessages(true);
            assertThatThrownBy(() -> IJ.run("Open from PACS...", "server=orthanc accession=PRS2403207 password=" + OrthancServer.PASSWORD))
                    .hasMessageContaining("Macro canceled");
            assertThat(IJ.getLog()).contains("a password is never given in a macro");
            IJ.redirectErrorMessages(false);

            // the search alone: the patient's two studies in the PACS Studies table
            run("Open from PACS...", "server=orthanc patient=PR-SAMPLE-001 from=2024-01-01 to=2024-12-31 noretrieve");
            ResultsTable table = ResultsTable.getResultsTable(OpenFromPacsCommand.TABLE);
            assertThat(table).isNotNull();
            assertThat(table.size()).isEqualTo(2);
            java.awt.Window tw = WindowManager.getWindow(OpenFromPacsCommand.TABLE);
            tw.setBounds(0, 100, 1100, 180);
            Thread.sleep(1000);
            screenshot("pacs-search.png");

            run("Open from PACS...", "server=orthanc accession=PRS2403207 reader=R1 role=R1");
            assertThat(IJ.getLog()).contains("1 study on PACS 'orthanc'");
            // the read is blinded: the table with the patient's ID is closed once the case opens
            assertThat(WindowManager.getWindow(OpenFromPacsCommand.TABLE)).isNull();
            ReadingSession s = ActiveSession.require("IT");
            assertThat(s.caseDir()).isEqualTo(cases.resolve("PRS2403207"));
            assertThat(IJ.getLog()).contains("retrieved study ").contains("into " + cases.resolve("PRS2403207"));

            run("Reading Set...", "finding=pars_defect level=L5 side=left value=complete");
            run("Reading Quantify Contrast...", "level=L5 side=left seed=16.5,52,-499.5");
            assertThat(s.document().rois()).isNotEmpty();

            // the screen as a reader sees it: the panel, the viewers and the PACS Studies table
            Thread.sleep(1500);
            screenshot("open-from-pacs.png");

            // research server (not marked clinical): the pseudonym, dates shifted
            run("Send Results to PACS...", "server=orthanc dates=shift");
            assertThat(IJ.getLog()).contains("sent R1's results of PRS2403207 (SR + 1 SEG) to PACS 'orthanc'").contains("as the pseudonym, dates shift");
            assertThat(modalities(s.pseudonym())).containsExactly("SEG", "SR");
            assertThat(modalities("PR-SAMPLE-001")).doesNotContain("SR", "SEG");
            assertThat(Files.exists(tmp.resolve("cases.pseudonyms.date-shifts.csv"))).isTrue();

            // the clinical path: the original identity, so the results file with the images
            run("Send Results to PACS...", "server=orthanc identity=original protocol=dimse");
            assertThat(IJ.getLog()).contains("as the original identity");
            assertThat(modalities("PR-SAMPLE-001")).contains("CT", "SR", "SEG");

            String recorded = recorder.getText();
            System.out.println("PacsIT recorded:\n" + recorded);
            assertThat(recorded).doesNotContain(OrthancServer.PASSWORD);
            assertThat(IJ.getLog()).doesNotContain(OrthancServer.PASSWORD);
            assertThat(Files.readString(tmp.resolve("cases/PRS2403207/findings/R1.findings.json"))).doesNotContain(OrthancServer.PASSWORD);
        } finally {
            recorder.close();
        }
    }
}
