package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Vector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.Side;
import org.parsreader.reading.ReadingSession;
import org.parsreader.volume.Volume;

/**
 * The reading macros in a real ImageJ with the packaged plugin jar (Xvfb in CI), as a macro
 * writer uses them: Read Case... opens a copy of the sample case, Reading Set / Mark Level /
 * Add ROI (the edema and reference polygons drawn on the STIR: the ratio is measured at once) /
 * Undo / Redo / Save / Close run through IJ.run, and the findings file holds the result; with
 * the macro Recorder on, a panel action ({@link ReadingCommand#perform}) and a dialog run are
 * recorded as lines that replay to the same result; the shipped script template runs through.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // an error dialog must fail the test, not hang it
class ReadingMacroIT {
    static final Path SAMPLE = Path.of("sample-data/case-001");
    static ImageJ started;
    static Path tmp;
    static Path caseDir;

    @BeforeAll
    static void startImageJ() throws Exception {
        tmp = Files.createTempDirectory("reading-macro-it");
        caseDir = ReadingCommandTest.copy(tmp, "case-001");
        if (IJ.getInstance() != null) return; // another IT of this JVM started it
        Path plugins = tmp.resolve("imagej/plugins");
        Files.createDirectories(plugins);
        Path jar = Path.of(System.getProperty("pars.pluginJar", "target/Pars_Reader-0.1.0.jar"));
        Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        System.setProperty("plugins.dir", plugins.getParent().toString());
        started = new ImageJ();
        for (int i = 0; i < 100 && !started.isShowing(); i++) Thread.sleep(50);
    }

    @AfterAll
    static void quit() throws Exception {
        ActiveSession.close();
        WindowManager.closeAllWindows();
        if (started != null) started.dispose();
    }

    static FindingsDocument stored(String reader) throws Exception {
        return FindingsJson.read(Files.readAllBytes(caseDir.resolve("findings/" + reader + ".findings.json")), reader);
    }

    /** Opens a series with Open Study and waits for its window. */
    static ImagePlus openSeries(String description) throws Exception {
        String id = StudyScanner.scan(caseDir).stacks().stream().filter(s -> s.series().description().equals(description))
                .findFirst().orElseThrow().id();
        IJ.run("Open Study...", "folder=[" + caseDir + "] series=[" + id + "]");
        ImagePlus imp = null;
        for (int i = 0; i < 100 && (imp == null || imp.getWindow() == null || !imp.getTitle().startsWith(description)); i++) {
            Thread.sleep(50);
            imp = WindowManager.getCurrentImage();
        }
        assertThat(imp).isNotNull();
        return imp;
    }

    /**
     * Draws a 6 x 6 mm square (sagittal plane x = {@code x}, around y, z) on {@code imp} as
     * ImageJ polygon vertices (pixel corners: voxel + 0.5), on the slice that holds it.
     */
    static void square(ImagePlus imp, double x, double y, double z) {
        Volume v = (Volume) imp.getProperty(org.parsreader.ij.OpenStudyCommand.VOLUME_PROPERTY);
        int[] xs = new int[4], ys = new int[4];
        double[][] corners = {{-3, -3}, {3, -3}, {3, 3}, {-3, 3}};
        int slice = 0;
        for (int n = 0; n < 4; n++) {
            double[] ijk = v.geometry().toVoxel(x, y + corners[n][0], z + corners[n][1]);
            xs[n] = (int) Math.round(ijk[0] + 0.5);
            ys[n] = (int) Math.round(ijk[1] + 0.5);
            slice = (int) Math.round(ijk[2]) + 1;
        }
        imp.setSlice(slice);
        imp.setRoi(new ij.gui.PolygonRoi(xs, ys, 4, ij.gui.Roi.POLYGON));
    }

    @Test
    @Order(1)
    void everyCommandIsInTheMenu() {
        assertThat((String) Menus.getCommands().get("Read Case...")).isEqualTo("org.parsreader.ij.panel.ReadCaseCommand");
        for (ReadingCommand.Action a : ReadingCommand.Action.values()) {
            assertThat((String) Menus.getCommands().get(a.command())).as(a.command())
                    .isEqualTo("org.parsreader.ij.panel.ReadingCommand(\"" + a.id() + "\")");
        }
    }

    @Test
    @Order(2)
    void aMacroReadsTheCaseAndTheFindingsFileHoldsIt() throws Exception {
        IJ.run("Read Case...", "case=[" + caseDir + "] reader=M1 role=R2 nopanel");
        ReadingSession s = ActiveSession.require("IT");
        assertThat(s.reader().id()).isEqualTo("M1");
        assertThat(IJ.getLog()).contains("reading case " + s.pseudonym() + ", reader M1 (R2)");

        IJ.run("Reading Set...", "finding=pars_defect level=L5 side=left value=complete");
        IJ.run("Reading Set...", "finding=bme_ref_type level=L5 side=left value=normal_marrow");
        IJ.run("Reading Mark Level...", "level=L5 series=t2 point=1.5,-20,-52");
        IJ.run("Reading Mark Level...", "level=S1 series=t2 point=1.5,-20,-87");

        IJ.run("Reading Show Series...", "series=edema"); // blinded: the pseudonym, no identity in the title or the header
        ImagePlus stir = null;
        for (int i = 0; i < 100 && (stir == null || stir.getWindow() == null || !stir.getTitle().contains("STIR")); i++) {
            Thread.sleep(50);
            stir = WindowManager.getCurrentImage();
        }
        assertThat(stir.getTitle()).isEqualTo("MR STIR SAG (series 5)");
        assertThat((String) stir.getProperty("Info")).contains("Series Description: STIR SAG").doesNotContain("PARS^PHANTOM")
                .doesNotContain("PR-SAMPLE-001").doesNotContain("19800101").doesNotContain("20240304");
        assertThat(stir.getStack().getSliceLabel(1)).doesNotContain("PARS^PHANTOM");
        IJ.run("Reading Window...", "preset=mr-auto");
        assertThat(IJ.getLog()).contains("window mr-auto on " + stir.getTitle());
        square(stir, 21.5, 4, -51);   // the left L5 edema
        IJ.run("Reading Add ROI...", "tool=bme_roi_mean level=L5 side=left");
        square(stir, -18.5, 4, -51);  // normal marrow on the right
        IJ.run("Reading Add ROI...", "tool=bme_ref_mean level=L5 side=left");
        assertThat(IJ.getLog()).contains("contrast ratio");

        IJ.run("Reading Set...", "finding=hollenberg level=L5 side=left value=3");
        IJ.run("Reading Undo");
        assertThat(s.editor().get("hollenberg", "L5", Side.LEFT)).isEmpty();
        IJ.run("Reading Redo");
        assertThat(s.editor().get("hollenberg", "L5", Side.LEFT)).map(v -> v.text()).contains("3");
        IJ.run("Reading Go To...", "level=L4 side=left");
        assertThat(IJ.getLog()).contains("L4 left shown: T2 TSE SAG: slice"); // on the STIR, the active image
        assertThat(stir.getRoi()).isNotNull();
        int l4 = stir.getCurrentSlice();
        IJ.run("Reading Go To...", "level=L4 side=right");
        assertThat(stir.getCurrentSlice()).isNotEqualTo(l4); // sagittal: the other side is another slice
        IJ.run("Reading Save");
        IJ.run("Reading Close");
        assertThat(ActiveSession.get()).isEmpty();

        FindingsDocument d = stored("M1");
        assertThat(d.reader().role().label()).isEqualTo("R2");
        assertThat(d.values()).extracting(v -> v.finding() + " " + v.level() + " " + v.side().label() + " " + v.value().text())
                .contains("pars_defect L5 left complete", "hollenberg L5 left 3", "bme_ref_type L5 left normal_marrow");
        assertThat(d.levelMarks()).extracting(FindingsDocument.LevelMark::level).containsExactlyInAnyOrder("L5", "S1");
        assertThat(d.rois()).extracting(FindingsDocument.Roi::finding).containsExactly("bme_roi_mean", "bme_ref_mean");
        FindingsDocument.Measurement bme = d.measurements().stream().filter(m -> m.finding().equals("bme_roi_mean")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(bme.provenance().parameters().get("contrast_ratio"))).isGreaterThan(0.6);
        assertThat(bme.provenance().parameters()).containsEntry("reference_type", "normal_marrow");
        // the lock is released: the findings can be opened again
        ReadingSession.open(caseDir, new ReadingSession.Options(d.reader(), s.template(), true, null, 0), org.parsreader.util.ProgressListener.NONE).close();
        stir.changes = false;
        stir.close();
    }

    @Test
    @Order(3)
    void aPanelActionIsRecordedAsALineThatReplays() throws Exception {
        IJ.run("Read Case...", "case=[" + caseDir + "] reader=M2 nopanel");
        ImagePlus stir = openSeries("STIR SAG");
        Recorder recorder = new Recorder();
        try {
            ReadingCommand.perform("set", java.util.Map.of("finding", "modic", "level", "L5", "value", "2"));
            square(stir, 21.5, 4, -51);
            String added = ReadingCommand.perform("add-roi", new java.util.LinkedHashMap<>(java.util.Map.of("tool", "bme_roi_mean", "level", "L5", "side", "left")));
            assertThat(added).startsWith("ROI roi-1 added");
            String text = recorder.getText();
            System.out.println("ReadingMacroIT recorded:\n" + text);
            List<String> lines = text.lines().filter(l -> l.startsWith("run(\"Reading ")).toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).isEqualTo("run(\"Reading Set...\", \"finding=modic level=L5 value=2\");");
            assertThat(lines.get(1)).startsWith("run(\"Reading Add ROI...\", \"tool=bme_roi_mean level=L5 side=left series=2.25.")
                    .contains(" points=21.5,"); // no space in the value: no brackets
            ReadingSession s = ActiveSession.require("IT");
            FindingsDocument.Roi drawn = s.document().rois().get(0);

            // undo both, drop the selection, and replay the recorded lines: the same value and the same ROI come back
            IJ.run("Reading Undo");
            IJ.run("Reading Undo");
            assertThat(s.document().rois()).isEmpty();
            assertThat(s.editor().get("modic", "L5", null)).isEmpty();
            stir.deleteRoi();
            IJ.runMacro(String.join("\n", lines));
            assertThat(s.editor().get("modic", "L5", null)).map(v -> v.text()).contains("2");
            assertThat(s.document().rois()).singleElement().satisfies(r -> {
                assertThat(r.seriesInstanceUid()).isEqualTo(drawn.seriesInstanceUid());
                assertThat(r.sopInstanceUids()).isEqualTo(drawn.sopInstanceUids());
                for (int i = 0; i < r.points().size(); i++) {
                    for (int a = 0; a < 3; a++) assertThat(r.points().get(i)[a]).isCloseTo(drawn.points().get(i)[a], org.assertj.core.data.Offset.offset(1e-4));
                }
            });
        } finally {
            recorder.close();
            stir.changes = false;
            stir.close();
        }
    }

    @Test
    @Order(4)
    void aDialogRunIsRecordedWithTheMacroKeys() throws Exception {
        ReadingSession s = ActiveSession.require("IT"); // M2 from the test before
        Recorder recorder = new Recorder();
        try {
            IJ.doCommand("Reading Set..."); // as from the menu: a dialog, on a thread of its own
            GenericDialog gd = null;
            for (int i = 0; i < 200 && (gd == null || !gd.isShowing()); i++) {
                Thread.sleep(50);
                gd = GenericDialog.getInstance();
            }
            assertThat(gd).as("the Reading Set dialog").isNotNull();
            GenericDialog dialog = gd;
            EventQueue.invokeAndWait(() -> {
                @SuppressWarnings("unchecked")
                Vector<Choice> c = dialog.getChoices();
                @SuppressWarnings("unchecked")
                Vector<TextField> t = dialog.getStringFields();
                c.get(0).select("pfirrmann");
                c.get(1).select("L4");
                c.get(2).select("none");
                t.get(0).setText("4");
                dialog.actionPerformed(new ActionEvent(dialog.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
            });
            String line = null;
            for (int i = 0; i < 200 && line == null; i++) {
                Thread.sleep(50);
                line = recorder.getText().lines().filter(l -> l.startsWith("run(\"Reading Set...\"")).findFirst().orElse(null);
            }
            assertThat(line).as("recorded:\n" + recorder.getText()).isEqualTo("run(\"Reading Set...\", \"finding=pfirrmann level=L4 side=none value=4\");");
            assertThat(s.editor().get("pfirrmann", "L4", null)).map(v -> v.text()).contains("4");
            IJ.run("Reading Set...", "finding=pfirrmann level=L4 value=2");
            IJ.runMacro(line);
            assertThat(s.editor().get("pfirrmann", "L4", null)).map(v -> v.text()).contains("4");
        } finally {
            recorder.close();
            IJ.run("Reading Close");
        }
    }

    /** Waits for a shown GenericDialog other than {@code not}. */
    static java.awt.Button findButton(java.awt.Container c, String label) {
        for (java.awt.Component x : c.getComponents()) {
            if (x instanceof java.awt.Button b && label.equals(b.getLabel())) return b;
            if (x instanceof java.awt.Container k) {
                java.awt.Button b = findButton(k, label);
                if (b != null) return b;
            }
        }
        return null;
    }

    static GenericDialog dialog(GenericDialog not) throws Exception {
        GenericDialog gd = null;
        for (int i = 0; i < 300 && (gd == null || gd == not || !gd.isShowing()); i++) {
            Thread.sleep(50);
            gd = GenericDialog.getInstance();
        }
        assertThat(gd).isNotNull().isNotSameAs(not);
        return gd;
    }

    @Test
    @Order(5)
    void theReadCaseDialogsAreRecordedAsOptionsThatReplay() throws Exception {
        Recorder recorder = new Recorder();
        try {
            IJ.doCommand("Read Case...");
            GenericDialog first = dialog(null);
            EventQueue.invokeAndWait(() -> {
                @SuppressWarnings("unchecked")
                Vector<TextField> t = first.getStringFields();   // case, worklist, study, reader, template
                t.get(0).setText(caseDir.toString());
                t.get(2).setText("");
                t.get(3).setText("D1");
                @SuppressWarnings("unchecked")
                Vector<java.awt.Checkbox> b = first.getCheckboxes();
                b.get(0).setState(false);                          // unblinded, on purpose
                first.actionPerformed(new ActionEvent(first.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
            });
            GenericDialog series = dialog(first);
            EventQueue.invokeAndWait(() -> {
                @SuppressWarnings("unchecked")
                Vector<Choice> c = series.getChoices();             // t2, edema, ct, baseline, preselected by the plan
                assertThat(c.get(1).getSelectedItem()).contains("STIR SAG");
                assertThat(c.get(2).getSelectedItem()).contains("Post contrast");
                c.get(3).select("none");
                series.actionPerformed(new ActionEvent(series.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
            });
            // D1 has not read in this study (R1 has): Read Case asks before starting a new reader (issue 12 point 4)
            java.awt.Dialog ask = null;
            for (int i = 0; i < 300 && ask == null; i++) {
                Thread.sleep(50);
                for (java.awt.Window w : java.awt.Window.getWindows()) {
                    if (w instanceof java.awt.Dialog d && d.isShowing() && "Pars Reader: new reader?".equals(d.getTitle())) ask = d;
                }
            }
            assertThat(ask).as("the question before a new reader").isNotNull();
            java.awt.Dialog question = ask;
            EventQueue.invokeAndWait(() -> {
                java.awt.Button yes = findButton(question, "New reader");
                assertThat(yes).as("a 'New reader' button").isNotNull();
                ((java.awt.event.ActionListener) question).actionPerformed(new ActionEvent(yes, ActionEvent.ACTION_PERFORMED, "New reader"));
            });
            String line = null;
            for (int i = 0; i < 300 && line == null; i++) {
                Thread.sleep(50);
                line = recorder.getText().lines().filter(l -> l.startsWith("run(\"Read Case...\"")).findFirst().orElse(null);
            }
            assertThat(line).as("recorded:\n" + recorder.getText()).isNotNull();
            System.out.println("ReadingMacroIT recorded: " + line);
            assertThat(line).contains("case=" + caseDir).contains("reader=D1").contains("unblinded").contains("baseline=none")
                    .contains("edema=[#");
            ReadingSession opened = null;
            for (int i = 0; i < 200 && (opened == null || !opened.reader().id().equals("D1")); i++) {
                Thread.sleep(50);
                opened = ActiveSession.get().orElse(null);
            }
            assertThat(opened.blinded()).isFalse();
            assertThat(opened.plan().ctBaseline()).isNull();
            for (int i = 0; i < 200 && ReadingPanel.current().isEmpty(); i++) Thread.sleep(50);
            assertThat(ReadingPanel.current()).as("the panel Read Case shows with a display").isPresent();
            IJ.run("Reading Close");
            for (int i = 0; i < 200 && ReadingPanel.current().isPresent(); i++) Thread.sleep(50);
            assertThat(ReadingPanel.current()).as("Reading Close closes the panel too").isEmpty();

            IJ.runMacro(line.replace("\");", " nopanel\");"));  // the recorded line, replayed (without the panel window)
            ReadingSession replayed = ActiveSession.require("IT");
            assertThat(replayed).isNotSameAs(opened);
            assertThat(replayed.reader().id()).isEqualTo("D1");
            assertThat(replayed.blinded()).isFalse();
            assertThat(replayed.plan().ctBaseline()).isNull();
            assertThat(replayed.plan().edema().id()).isEqualTo(opened.plan().edema().id());
        } finally {
            recorder.close();
            IJ.run("Reading Close");
        }
    }

    @Test
    @Order(6)
    void theScriptTemplateRunsOnTheSampleCase() throws Exception {
        Path copy = ReadingCommandTest.copy(tmp.resolve("template"), "case-001");
        // the template reads its case folder from its argument (else sample-data/case-001, which must stay untouched)
        String macro = Files.readString(Path.of("src/main/resources/script_templates/Pars Reader/Reading_Panel_Macros.ijm"));
        IJ.log("\\Clear");
        IJ.runMacro(macro, copy.toString());
        String log = IJ.getLog();
        assertThat(log).doesNotContain("rror");
        assertThat(log).contains("L5 left: T2 TSE SAG: slice").contains("saved and closed");
        FindingsDocument d = FindingsJson.read(Files.readAllBytes(copy.resolve("findings/R1.findings.json")), "R1");
        assertThat(d.rois()).extracting(r -> r.finding() + " " + r.type().label())
                .contains("bme_roi_mean polygon", "bme_ref_mean polygon", "gap_width_mm line", "contrast_volume_ml mask3d");
        assertThat(d.measurements()).anyMatch(m -> m.finding().equals("contrast_volume_ml") && m.value() > 0.3);
        assertThat(d.measurements()).anyMatch(m -> m.finding().equals("gap_width_mm")
                && String.format(Locale.ROOT, "%.1f", m.value()).equals("2.6"));
        assertThat(ActiveSession.get()).isEmpty();
    }
}
