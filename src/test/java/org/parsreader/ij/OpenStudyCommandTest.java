package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.TestDicomAccess;
import org.parsreader.util.ProgressListener;

/** Open Study from macro options, headless. */
class OpenStudyCommandTest {
    @TempDir
    Path dir;

    @Test
    void processOpensTheChosenSeriesCalibrated() throws Exception {
        TestDicomAccess.writeAxialCt(dir, 5);
        ImagePlus imp = OpenStudyCommand.process(dir, "#1", ProgressListener.NONE);
        assertThat(imp.getStackSize()).isEqualTo(5);
        assertThat(imp.getCalibration().getUnit()).isEqualTo("mm");
        assertThat(imp.getCalibration().pixelDepth).isEqualTo(2.5);
        assertThat(imp.getCalibration().getCValue(imp.getStack().getProcessor(1).get(0, 0))).isEqualTo(-24.0);
        assertThat(OpenStudyCommand.process(dir, "1", ProgressListener.NONE).getStackSize()).isEqualTo(5); // SeriesNumber
    }

    @Test
    void aDicomdirFileOpensTheSeriesItReferences() throws Exception {
        Path dicomdir = TestDicomAccess.writeDicomDirSet(dir);
        ImagePlus imp = OpenStudyCommand.process(dicomdir, "1", ProgressListener.NONE); // SeriesNumber 1: 3 slices in CT/A
        assertThat(imp.getStackSize()).isEqualTo(3);
        assertThat(imp.getCalibration().getCValue(imp.getStack().getProcessor(1).get(0, 0))).isEqualTo(-24.0);
        assertThat(imp.getProperty("ParsReader.Case")).isEqualTo(dir.toAbsolutePath().toString()); // the case is the folder
        java.nio.file.Files.delete(dir.resolve("CT/B/IM000001"));
        var index = org.parsreader.dicom.StudyScanner.scan(dicomdir);
        ij.measure.ResultsTable rt = OpenStudyCommand.table(index);
        assertThat(rt.getStringValue("Description", rt.size() - 1)).isEqualTo("CT/B/IM000001");
        assertThat(rt.getStringValue("Warnings", rt.size() - 1)).startsWith("referenced by DICOMDIR but missing");
        java.nio.file.Files.write(dicomdir, java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(dicomdir), 700));
        assertThatThrownBy(() -> OpenStudyCommand.process(dicomdir, "#1", ProgressListener.NONE))
                .hasMessageContaining(dicomdir + ": not usable as a DICOMDIR");
    }

    @Test
    void wrongSeriesAndUnknownOptionsAreNamed() throws Exception {
        TestDicomAccess.writeAxialCt(dir, 2);
        assertThatThrownBy(() -> OpenStudyCommand.process(dir, "#7", ProgressListener.NONE))
                .hasMessageContaining("'#7' is not a row of the table (1..1)");
        assertThatThrownBy(() -> MacroOptions.parse("Open Study...", "folder=/x seris=2", OpenStudyCommand.KEYS))
                .hasMessageContaining("unknown option 'seris'");
        assertThatThrownBy(() -> OpenStudyCommand.process(dir.resolve("nope"), "#1", ProgressListener.NONE))
                .hasMessageContaining("folder not found");
    }

    @Test
    void macroOptionsWithBracketsAndFlags() {
        MacroOptions o = MacroOptions.parse("X", "folder=[/data/my case] series=3 verbose", Set.of("folder", "series", "verbose"));
        assertThat(o.get("folder", null)).isEqualTo("/data/my case");
        assertThat(o.get("series", null)).isEqualTo("3");
        assertThat(o.flag("verbose")).isTrue();
    }

    @Test
    void runFromAMacroThreadOpensTheImageWithoutDialogs() throws Exception {
        TestDicomAccess.writeAxialCt(dir, 3);
        Thread t = new Thread(() -> {
            Macro.setOptions(Thread.currentThread(), "folder=[" + dir + "] series=#1");
            ij.macro.Interpreter.batchMode = true;
            new OpenStudyCommand().run("");
        }, "Run$_test");
        t.start();
        t.join();
        ImagePlus imp = WindowManager.getCurrentImage();
        assertThat(imp).isNotNull();
        assertThat(imp.getStackSize()).isEqualTo(3);
        ij.macro.Interpreter.batchMode = false;
    }
}
