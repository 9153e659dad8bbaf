package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.reading.ReadingSession;
import org.parsreader.util.ProgressListener;

/**
 * The reading macros without a display: Read Case opens the active session, each action goes
 * through it, and the options an action reports for the Recorder repeat it exactly.
 */
class ReadingCommandTest {
    static final Path SAMPLE = Path.of("sample-data/case-001");

    static Path copy(Path dir, String name) throws IOException {
        return org.parsreader.sample.SampleCase.copy(dir, name);
    }

    @AfterEach
    void closeActive() throws IOException {
        ActiveSession.close();
    }

    static ReadingCommand.Result run(String action, String options) throws IOException {
        return ReadingCommand.execute(ReadingCommand.Action.parse(action), options, ProgressListener.NONE);
    }

    static FindingsDocument stored(Path c, String reader) throws IOException {
        return FindingsJson.read(Files.readAllBytes(c.resolve("findings/" + reader + ".findings.json")), reader);
    }

    @Test
    void readCaseOpensTheActiveSessionBlindedAndTheActionsGoThroughIt(@TempDir Path tmp) throws Exception {
        Path c = copy(tmp, "case-001");
        ReadingSession s = ReadCaseCommand.open(ReadCaseCommand.parse("case=[" + c + "] reader=T1 role=R2 nopanel"), ProgressListener.NONE);
        assertThat(ActiveSession.require("test")).isSameAs(s);
        assertThat(s.blinded()).isTrue();
        assertThat(s.reader().role()).isEqualTo(Role.R2);

        assertThat(run("set", "finding=pars_defect level=L5 side=left value=complete").message()).isEqualTo("pars_defect L5 left = complete");
        ReadingCommand.Result mark = run("mark-level", "level=L5 series=t2 slice=8 x=64 y=100");
        assertThat(mark.options()).startsWith("level=L5 series=2.25.").contains(" point=");
        run("mark-level", "level=S1 series=t2 point=1.5,-20,-87");
        assertThat(s.document().levelMarks()).hasSize(2);
        String goTo = run("go-to", "level=L4").message();
        assertThat(goTo).contains("T2 TSE SAG: slice").contains("Post contrast: L4 not marked");

        run("set", "finding=bme_ref_type level=L5 side=left value=normal_marrow");
        run("add-roi", "tool=bme_roi_mean level=L5 side=left series=edema points=[21.5,1,-54;21.5,7,-54;21.5,7,-48;21.5,1,-48]");
        String ref = run("add-roi", "tool=bme_ref_mean level=L5 side=left series=edema points=[-18.5,1,-54;-18.5,7,-54;-18.5,7,-48;-18.5,1,-48]").message();
        assertThat(ref).contains("contrast ratio");
        assertThat(ReadingCommand.lastRoi()).isEqualTo("roi-2");
        assertThat(run("bme", "level=L5 side=left").message()).startsWith("BME L5 left: edema");
        ReadingCommand.Result comp = run("add-roi", "tool=contrast_compartments:pars_defect level=L5 side=left series=ct "
                + "points=[12,46,-488;17,46,-488;17,51,-488;12,51,-488]");
        assertThat(comp.options()).startsWith("tool=contrast_compartments:pars_defect level=L5 side=left series=2.25.");
        assertThat(s.document().rois()).filteredOn(r -> "pars_defect".equals(r.label())).hasSize(1);
        assertThat(run("quantify", "level=L5 side=left seed=16.5,52,-499.5 compartments").message()).contains("mL").contains("reached [");

        assertThat(run("undo", "").message()).startsWith("undone: contrast");
        assertThat(s.document().rois()).noneMatch(r -> r.type() == FindingsDocument.RoiType.MASK3D);
        assertThat(run("redo", "").message()).startsWith("redone: contrast");
        assertThat(run("status", "").message()).contains("reader T1 (R2)").contains("unsaved changes").doesNotContain("case-001");
        assertThat(run("save", "").message()).startsWith("saved ");
        assertThat(run("save", "").message()).isEqualTo("nothing new to save");
        FindingsDocument d = stored(c, "T1");
        assertThat(d.values()).anyMatch(v -> v.finding().equals("pars_defect") && v.side() == Side.LEFT && v.value().text().equals("complete"));
        assertThat(d.measurements()).anyMatch(m -> m.finding().equals("bme_roi_mean") && m.provenance().parameters().containsKey("contrast_ratio"));
        assertThat(d.measurements()).anyMatch(m -> m.finding().equals("contrast_volume_ml"));

        assertThat(run("close", "").message()).startsWith("saved and closed ");
        assertThat(ActiveSession.get()).isEmpty();
        assertThatThrownBy(() -> run("undo", "")).hasMessageContaining("no case is open").hasMessageContaining("Read Case...");
    }

    @Test
    void theRecordedOptionsReplayToTheSameFindings(@TempDir Path tmp) throws Exception {
        Path a = copy(tmp.resolve("a"), "case-001");
        Path b = copy(tmp.resolve("b"), "case-001");
        String[][] steps = {
            {"set", "finding=meyerding level=L5 value=I"},
            {"mark-level", "level=L5 series=t2 slice=8 x=64.5 y=100.25"},
            {"add-roi", "tool=gap_width_mm level=L5 side=left series=ct points=[13.2,48,-488;15.8,48,-488]"},
            {"set", "finding=gap_width_mm level=L5 side=left value=2.6"},
            {"clear", "finding=meyerding level=L5"},
            {"quantify", "level=L5 side=left seed=16.5,52,-499.5 tip=16.5,52,-499.5"},
        };
        StringBuilder recorded = new StringBuilder();
        ReadCaseCommand.open(ReadCaseCommand.parse("case=[" + a + "] reader=T2 nopanel"), ProgressListener.NONE);
        for (String[] st : steps) {
            ReadingCommand.Result r = run(st[0], st[1]);
            recorded.append(st[0]).append('\t').append(r.options()).append('\n');
            if (st[0].equals("quantify")) assertThat(r.options()).isEqualTo("level=L5 side=left seed=16.5,52,-499.5 tip=16.5,52,-499.5");
        }
        run("close", "");
        ReadCaseCommand.open(ReadCaseCommand.parse("case=[" + b + "] reader=T2 nopanel"), ProgressListener.NONE);
        for (String line : recorded.toString().split("\n")) {
            String[] p = line.split("\t", 2);
            run(p[0], p.length > 1 ? p[1] : "");
        }
        run("close", "");
        FindingsDocument da = stored(a, "T2"), db = stored(b, "T2");
        assertThat(db.values()).isEqualTo(da.values());
        assertThat(db.levelMarks()).usingRecursiveFieldByFieldElementComparator().isEqualTo(da.levelMarks());
        assertThat(db.rois()).usingRecursiveFieldByFieldElementComparator().isEqualTo(da.rois());
        assertThat(db.measurements()).extracting(m -> m.finding() + " " + m.value()).isEqualTo(da.measurements().stream().map(m -> m.finding() + " " + m.value()).toList());
    }

    @Test
    void aWorklistMovesTheActiveSessionAndTellsThePanel(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        for (String n : new String[] {"a", "b", "c"}) Files.move(copy(tmp.resolve("copy-" + n), "case-001"), Files.createDirectories(cohort).resolve("case-" + n));
        java.util.List<String> heard = new java.util.ArrayList<>();
        ActiveSession.Listener l = (was, now) -> heard.add((was == null ? "-" : was.caseDir().getFileName()) + " > " + (now == null ? "-" : now.caseDir().getFileName()));
        ActiveSession.addListener(l);
        try {
            ReadingSession first = ReadCaseCommand.open(ReadCaseCommand.parse("worklist=[" + cohort + "] reader=W1 nopanel"), ProgressListener.NONE);
            assertThat(ActiveSession.worklist()).isPresent();
            assertThat(run("status", "").message()).contains("worklist 1 of 3, 0 complete");
            run("set", "finding=pars_defect level=L5 side=left value=complete");
            assertThat(run("status", "").message()).as("one value is a started read, not a finished one").contains("0 complete");
            // the template's required findings make a read complete
            run("set", "finding=bme_isthmic level=L5 side=left value=yes");
            run("set", "finding=needle_tip level=L5 side=left value=intra-defect");
            run("set", "finding=contrast_compartments level=L5 side=left value=pars_defect");
            assertThat(run("next-case", "").message()).endsWith("(2 of 3, 1 complete)");
            assertThat(first.isClosed()).isTrue();
            ReadingSession second = ActiveSession.require("t");
            assertThat(second).isNotSameAs(first);
            assertThat(run("previous-case", "").message()).endsWith("(1 of 3, 1 complete)");
            assertThat(run("previous-case", "").message()).startsWith("the first case of the worklist is open");
            run("close", "");
            assertThat(heard).hasSize(4).last().asString().endsWith("> -");
            assertThatThrownBy(() -> ReadCaseCommand.parse("worklist=[" + cohort + "] reader=W1 ct=#6")).hasMessageContaining("apply to one case");
        } finally {
            ActiveSession.removeListener(l);
        }
    }

    @Test
    void aWrongFolderLeavesTheReaderInTheOpenCaseAndTheSameCaseReopens(@TempDir Path tmp) throws Exception {
        Path c = copy(tmp, "case-001");
        Path empty = Files.createDirectories(tmp.resolve("no-dicom"));
        Files.writeString(empty.resolve("notes.txt"), "not an image");
        ReadingSession s = ReadCaseCommand.open(ReadCaseCommand.parse("case=[" + c + "] reader=R2 nopanel"), ProgressListener.NONE);
        assertThat(s.reader().role()).as("reader R2 with no findings yet reads as R2, not R1").isEqualTo(Role.R2);
        run("set", "finding=pars_defect level=L5 side=left value=complete");
        assertThatThrownBy(() -> ReadCaseCommand.open(ReadCaseCommand.parse("case=[" + empty + "] reader=R2 nopanel"), ProgressListener.NONE))
                .hasMessageContaining("no image series");
        assertThat(ActiveSession.require("test")).as("the case being read stays open").isSameAs(s);
        assertThat(s.isClosed()).isFalse();
        assertThat(s.isDirty()).as("and nothing was saved or dropped behind the reader's back").isTrue();
        // the same case again: its own session holds the lock, so it is saved and closed, then reopened
        ReadingSession again = ReadCaseCommand.open(ReadCaseCommand.parse("case=[" + c + "] reader=R2 nopanel"), ProgressListener.NONE);
        assertThat(again).isNotSameAs(s);
        assertThat(s.isClosed()).isTrue();
        assertThat(again.editor().get("pars_defect", "L5", Side.LEFT)).isPresent();
        assertThat(ReadCaseCommand.parse("case=[" + c + "] reader=X9 role=auto").role()).isNull();
    }

    @Test
    void aDamagedFindingsFileIsNamedWhenTheCaseOpens(@TempDir Path tmp) throws Exception {
        Path c = copy(tmp, "case-001");
        Files.writeString(c.resolve("findings/R1.findings.json"), "{\"schemaVersion\": 1, \"pseudo");
        assertThatThrownBy(() -> ReadCaseCommand.open(ReadCaseCommand.parse("case=[" + c + "] reader=R1 nopanel"), ProgressListener.NONE))
                .hasMessageContaining("damaged findings file").hasMessageContaining("kept as").hasMessageNotContaining("left as it is");
        ReadingSession s = ReadCaseCommand.open(ReadCaseCommand.parse("case=[" + c + "] reader=R1 nopanel"), ProgressListener.NONE);
        assertThat(s.warnings()).singleElement().asString().contains("R1's findings file in case-001 was damaged and kept aside as R1.findings.damaged-")
                .contains("Check what the form shows");
        assertThat(org.parsreader.ij.Commands.wrap(s.warnings().get(0)).lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    }

    /** Runs a command on a macro thread with these options, as run("...", options) does; returns what it printed (headless IJ.log, IJ.error). */
    static String runAsMacro(ij.plugin.PlugIn command, String arg, String options) throws Exception {
        java.io.PrintStream out = System.out, err = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream p = new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8);
        System.setOut(p);
        System.setErr(p);
        try {
            Thread t = new Thread(() -> {
                ij.Macro.setOptions(Thread.currentThread(), options);
                try {
                    command.run(arg);
                } catch (RuntimeException e) {
                    if (!ij.Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
                }
            }, "Run$_test");
            t.start();
            t.join();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void headlessAMacroReadsWithoutAPanel(@TempDir Path tmp) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.awt.GraphicsEnvironment.isHeadless());
        Path c = copy(tmp, "case-001");
        String log = runAsMacro(new ReadCaseCommand(), "", "case=[" + c + "] reader=H1");
        assertThat(log).contains("reading case ").contains("reader H1 (R1)");
        assertThat(ActiveSession.get()).isPresent();
        assertThat(runAsMacro(new ReadingCommand(), "set", "finding=pars_defect level=L5 side=right value=none"))
                .contains("pars_defect L5 right = none");
        assertThat(runAsMacro(new ReadingCommand(), "go-to", "level=L5 side=left")).contains("L5 left: T2 TSE SAG: L5 not marked");
        assertThat(runAsMacro(new ReadingCommand(), "close", "")).contains("saved and closed");
        assertThat(stored(c, "H1").values()).hasSize(1);
        assertThat(runAsMacro(new ReadCaseCommand(), "", "reader=H1")).contains("'case' or 'worklist'");
        assertThat(runAsMacro(new ReadingCommand(), "undo", "")).contains("no case is open");
    }

    @Test
    void wrongOptionsAreNamed(@TempDir Path tmp) throws Exception {
        Path c = copy(tmp, "case-001");
        assertThatThrownBy(() -> ReadCaseCommand.parse("reader=R1")).hasMessageContaining("'case' or 'worklist'");
        assertThatThrownBy(() -> ReadCaseCommand.parse("case=[" + c + "] worklist=[" + tmp + "] reader=R1")).hasMessageContaining("either");
        assertThatThrownBy(() -> ReadCaseCommand.parse("case=[" + c + "] reader=R1 blinded unblinded")).hasMessageContaining("not both");
        assertThatThrownBy(() -> ReadCaseCommand.parse("case=[" + c + "] reader=R1 stir=#2")).hasMessageContaining("unknown option 'stir'");
        assertThat(ReadCaseCommand.parse("case=[" + c + "] reader=R1 unblinded").blinded()).isFalse();
        ReadCaseCommand.open(ReadCaseCommand.parse("case=[" + c + "] reader=R1 nopanel"), ProgressListener.NONE);
        assertThat(ActiveSession.require("t").reader().role()).isEqualTo(Role.R1); // from the sample's own R1 file
        assertThatThrownBy(() -> run("set", "finding=pars_defect level=L5 side=left valeu=complete")).hasMessageContaining("unknown option 'valeu'");
        assertThatThrownBy(() -> run("add-roi", "tool=nope level=L5 side=left points=[1,2,3]")).hasMessageContaining("no ROI tool 'nope'");
        assertThatThrownBy(() -> run("add-roi", "tool=gap_width_mm level=L5 side=left series=ct points=[1,2,3;4,5,6;7,8,9]"))
                .hasMessageContaining("line");
        assertThatThrownBy(() -> run("window", "preset=ct-bone")).hasMessageContaining("no panel is shown")
                .hasMessageContaining("Reading Show Series");
        assertThatThrownBy(() -> run("next-case", "")).hasMessageContaining("not opened from a worklist");
        assertThatThrownBy(() -> ReadingCommand.Action.parse("fly")).hasMessageContaining("actions: set, clear");
        assertThat(ReadingCommand.call("bogus", "")).startsWith("error: ");
        assertThat(ReadingCommand.Action.parse("goto")).isEqualTo(ReadingCommand.Action.GO_TO);
        assertThat(ReadingCommand.Action.parse("Reading Add ROI...")).isEqualTo(ReadingCommand.Action.ADD_ROI);
    }
}
