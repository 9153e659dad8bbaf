package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;
import java.awt.Choice;
import java.awt.EventQueue;
import java.awt.TextField;
import java.awt.event.ActionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Vector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.sample.SampleCase;

/**
 * The findings commands in a real ImageJ with the packaged plugin jar (Xvfb in CI): a macro
 * opens a study, draws a line, stores it as an ROI, sets a value, reads it back with
 * {@code call}; and the macro recorder records a dialog run as {@code key=value} options
 * that replay to the same result.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FindingsIT {
    static ImageJ started;
    static Path caseDir;

    @BeforeAll
    static void startImageJ() throws Exception {
        Path tmp = Files.createTempDirectory("findings-it");
        caseDir = SampleCase.copy(tmp);
        started = RealImageJ.start(tmp); // null when another IT already started it in this JVM
    }

    @AfterAll
    static void quit() {
        WindowManager.closeAllWindows();
        if (started != null) started.dispose();
    }

    private static FindingsDocument r1() throws Exception {
        return FindingsJson.read(Files.readAllBytes(caseDir.resolve("findings/R1.findings.json")), "R1");
    }

    private static String common() {
        return "case=[" + caseDir + "] reader=R1";
    }

    @Test
    @Order(1)
    void everyCommandIsInTheMenu() {
        for (String c : List.of("Findings Set...", "Findings Clear...", "Findings Add ROI...", "Findings Remove ROI...", "Findings List...",
                "Findings Validate...", "Findings Export CSV...")) {
            assertThat((String) Menus.getCommands().get(c)).as(c).startsWith("org.parsreader.ij.Findings");
        }
    }

    @Test
    @Order(2)
    void aMacroDrawsALineStoresItAsAnRoiAndSetsTheValue() throws Exception {
        IJ.run("Open Study...", "folder=[" + caseDir + "] series=[" + SampleCase.stackId(caseDir, "Post contrast") + "]");
        ImagePlus imp = null;
        for (int i = 0; i < 100 && (imp == null || imp.getWindow() == null); i++) {
            Thread.sleep(50);
            imp = WindowManager.getCurrentImage();
        }
        assertThat(imp).isNotNull();
        int roisBefore = r1().rois().size();
        imp.setSlice(10);
        IJ.makeLine(99, 74, 102, 74); // across the left L5 pars: patient left (+x) is the right half of the prone CT image
        IJ.run("Findings Add ROI...", common() + " finding=gap_width_mm level=L5 side=left");
        IJ.run("Findings Set...", common() + " finding=gap_width_mm level=L5 side=left value=2.63");

        FindingsDocument d = r1();
        assertThat(d.rois()).hasSize(roisBefore + 1);
        FindingsDocument.Roi roi = d.rois().get(roisBefore);
        assertThat(roi.type()).isEqualTo(FindingsDocument.RoiType.LINE);
        assertThat(roi.sopInstanceUids()).hasSize(1);
        assertThat(d.values()).filteredOn(v -> v.finding().equals("gap_width_mm") && v.side() != null && v.side().label().equals("left"))
                .singleElement().satisfies(v -> {
                    assertThat(v.value().text()).isEqualTo("2.63");
                    assertThat(v.roi()).isEqualTo(roi.id()); // the new line supports the value now
                });
        assertThat(d.measurements()).anyMatch(m -> roi.id().equals(m.provenance().roi()) && Math.abs(m.value() - 3 * 0.875) < 1e-9);

        String macro = "id = call('org.parsreader.ij.FindingsMacro.lastRoi');\n"
                + "v = call('org.parsreader.ij.FindingsMacro.get', '" + caseDir + "', 'R1', 'gap_width_mm', 'L5', 'left');\n"
                + "ok = call('org.parsreader.ij.FindingsMacro.validate', '" + caseDir + "', 'R1');\n"
                + "return id + ' ' + v + ' ' + ok;";
        assertThat(IJ.runMacro(macro)).isEqualTo(roi.id() + " 2.63 ok");
        assertThat(IJ.getLog()).contains("added " + roi.id() + " (line on slice 10), line-length = 2.625 mm");
    }

    @Test
    @Order(3)
    void aWrongOptionAbortsTheMacroWithItsName() throws Exception {
        byte[] before = Files.readAllBytes(caseDir.resolve("findings/R1.findings.json"));
        IJ.redirectErrorMessages(true);
        assertThatThrownBy(() -> IJ.run("Findings Set...", common() + " finding=meyerding level=L5 vlaue=I"))
                .hasMessageContaining("Macro canceled");
        assertThat(IJ.getLog()).contains("unknown option 'vlaue'");
        assertThat(Files.readAllBytes(caseDir.resolve("findings/R1.findings.json"))).isEqualTo(before);
    }

    @Test
    @Order(4)
    void theRecorderRecordsADialogRunAsKeyValueOptionsThatReplay() throws Exception {
        Recorder recorder = new Recorder();
        try {
            IJ.doCommand("Findings Set..."); // as from the menu: a dialog, on a thread of its own
            GenericDialog gd = null;
            for (int i = 0; i < 200 && (gd == null || !gd.isShowing()); i++) {
                Thread.sleep(50);
                gd = GenericDialog.getInstance();
            }
            assertThat(gd).as("the Findings Set dialog").isNotNull();
            GenericDialog dialog = gd;
            EventQueue.invokeAndWait(() -> {
                @SuppressWarnings("unchecked")
                Vector<TextField> s = dialog.getStringFields();
                @SuppressWarnings("unchecked")
                Vector<Choice> c = dialog.getChoices();
                // string fields: case, reader, template, pseudonyms, who, finding, level, value; choices: role, side
                s.get(0).setText(caseDir.toString());
                s.get(5).setText("meyerding");
                s.get(6).setText("L5");
                s.get(7).setText("II");
                c.get(1).select("none");
                dialog.actionPerformed(new ActionEvent(dialog.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
            });
            String line = null;
            for (int i = 0; i < 200 && line == null; i++) {
                Thread.sleep(50);
                line = recorder.getText().lines().filter(l -> l.startsWith("run(\"Findings Set...\"")).findFirst().orElse(null);
            }
            assertThat(line).as("recorded:\n" + recorder.getText()).isNotNull();
            System.out.println("FindingsIT recorded: " + line);
            assertThat(line).contains("case=" + caseDir).contains("reader=R1 role=R1 template=pars-injection")
                    .contains("finding=meyerding level=L5 side=none value=II");
            assertThat(IJ.runMacro("return call('org.parsreader.ij.FindingsMacro.get', '" + caseDir + "', 'R1', 'meyerding', 'L5', '');"))
                    .isEqualTo("II");

            IJ.run("Findings Set...", common() + " finding=meyerding level=L5 value=I");
            IJ.runMacro(line); // the recorded line, replayed as a macro
            assertThat(IJ.runMacro("return call('org.parsreader.ij.FindingsMacro.get', '" + caseDir + "', 'R1', 'meyerding', 'L5', '');"))
                    .isEqualTo("II");
        } finally {
            recorder.close();
        }
    }
}
