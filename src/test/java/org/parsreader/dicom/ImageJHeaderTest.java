package org.parsreader.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import ij.ImagePlus;
import ij.util.DicomTools;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.volume.ImageJViews;
import org.parsreader.volume.Volume;

/** ImageJ's own DICOM tools read the header text Pars Reader puts on each slice. */
class ImageJHeaderTest {
    @TempDir
    Path dir;

    @Test
    void dicomToolsReadTagsOfEverySlice() throws Exception {
        for (int k = 0; k < 3; k++) {
            TestDicom.write(TestDicom.ctSlice("1.2.826.0.1.3680043.9.7133.4", "1.2.826.0.1.3680043.9.7133.4." + k, k + 1,
                    new double[] {-5, -6, 10.0 * k}, StackGeometryTest.AXIAL, 4, 4, 0.8, (short) 1024, false, -1024), dir.resolve("f" + k));
        }
        Volume v = VolumeLoader.load(StudyScanner.scan(dir).stacks().get(0));
        ImagePlus imp = ImageJViews.toImagePlus(v, k -> DicomHeaderText.of(v.slices().get(k).file()));
        imp.setSlice(3);
        assertThat(DicomTools.getTag(imp, "0020,0032").trim()).isEqualTo("-5\\-6\\20");
        assertThat(DicomTools.getTag(imp, "0008,0060").trim()).isEqualTo("CT");
        // Image > Show Info shows the current slice's header (built when asked: issue 16)
        assertThat(new ij.plugin.ImageInfo().getImageInfo(imp)).contains("Image Position (Patient): -5\\-6\\20");
        assertThat(imp.getStack().getSliceLabel(1)).startsWith("f0\n");
        assertThat(imp.getCalibration().getCValue(1024)).isEqualTo(0.0);
    }
}
