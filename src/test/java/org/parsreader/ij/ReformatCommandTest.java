package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ij.ImagePlus;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.dicom.TestDicomAccess;
import org.parsreader.reformat.Plane;
import org.parsreader.reformat.ReformatSpec;
import org.parsreader.reformat.Reformatter;
import org.parsreader.util.ProgressListener;
import org.parsreader.volume.Volume;

/** Reformat... headless (issue 12 point 1): the image is the headless reformat's, calibrated, titled, with its plane; options checked as the CLI checks them. */
class ReformatCommandTest {
    @TempDir
    Path dir;

    @Test
    void aSagittalReformatIsTheReformattersPlaneCalibratedAndTitled() throws Exception {
        TestDicomAccess.writeAxialCt(dir, 5);
        Volume v = (Volume) OpenStudyCommand.process(dir, "#1", ProgressListener.NONE).getProperty(OpenStudyCommand.VOLUME_PROPERTY);
        ImagePlus imp = ReformatCommand.process(v, ReformatCommand.spec(MacroOptions.parse(ReformatCommand.COMMAND, "plane=sagittal planes=3",
                ReformatCommand.KEYS)));
        assertThat(imp.getTitle()).startsWith("CT sag reformat");
        assertThat(imp.getStackSize()).isEqualTo(3);
        Plane first = (Plane) imp.getProperty(ReformatCommand.PLANE_PROPERTY);
        double step = (Double) imp.getProperty(ReformatCommand.STEP_PROPERTY);
        assertThat(imp.getCalibration().pixelWidth).isEqualTo(first.pixelSize());
        assertThat(imp.getCalibration().pixelDepth).isEqualTo(step);
        assertThat(imp.getCalibration().getUnit()).isEqualTo("mm");
        for (int k = 0; k < 3; k++) {
            float[] expected = new Reformatter(v).sample(first.shifted(k * step));
            assertThat(Arrays.equals((float[]) imp.getStack().getPixels(k + 1), expected)).as("plane " + k).isTrue();
        }
        assertThat((String) imp.getProperty("Info")).contains("first plane origin").contains("3 plane(s)");

        ImagePlus mip = ReformatCommand.process(v, ReformatCommand.spec(MacroOptions.parse(ReformatCommand.COMMAND,
                "plane=sagittal slab=4 mode=mip", ReformatCommand.KEYS)));
        assertThat(mip.getTitle()).startsWith("CT sag MIP 4 mm");
        Plane p = (Plane) mip.getProperty(ReformatCommand.PLANE_PROPERTY);
        assertThat(Arrays.equals((float[]) mip.getStack().getPixels(1), new Reformatter(v).slab(p, 4, Reformatter.Mode.MIP))).isTrue();
    }

    @Test
    void badOptionsAreNamedAsAMacroWritesThem() throws Exception {
        TestDicomAccess.writeAxialCt(dir, 5);
        Volume v = (Volume) OpenStudyCommand.process(dir, "#1", ProgressListener.NONE).getProperty(OpenStudyCommand.VOLUME_PROPERTY);
        assertThatThrownBy(() -> ReformatCommand.process(v, spec("origin=0,0,0 normal=0,0,0")))
                .hasMessageContaining("Reformat...: normal=0,0,0: a normal of zero length");
        assertThatThrownBy(() -> ReformatCommand.process(v, spec("plane=oblique"))).hasMessageContaining("plane='oblique' must be axial, sagittal or coronal");
        assertThatThrownBy(() -> ReformatCommand.process(v, spec("plane=axial origin=0,0,9000"))).hasMessageContaining("the plane lies outside the volume");
        assertThatThrownBy(() -> ReformatCommand.process(v, spec("plane=axial slab=-2"))).hasMessageContaining("slab=-2 must be a thickness");
        assertThatThrownBy(() -> spec("plane=axial planes=many")).hasMessageContaining("planes='many'");
        assertThatThrownBy(() -> MacroOptions.parse(ReformatCommand.COMMAND, "plane=axial slap=3", ReformatCommand.KEYS))
                .hasMessageContaining("unknown option 'slap'");
    }

    private static ReformatSpec spec(String options) {
        return ReformatCommand.spec(MacroOptions.parse(ReformatCommand.COMMAND, options, ReformatCommand.KEYS));
    }
}
