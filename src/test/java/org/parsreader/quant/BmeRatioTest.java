package org.parsreader.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.VolumeLoader;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.FindingsDocument.RoiType;
import org.parsreader.findings.Side;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.Vec3;
import org.parsreader.volume.Volume;

/** The edema ratio on the sample STIR: left edema against normal marrow on the right. */
class BmeRatioTest {
    static Roi square(Vec3 c, Volume v) {
        List<double[]> pts = new ArrayList<>();
        for (double[] d : new double[][] {{-3, -3}, {3, -3}, {3, 3}, {-3, 3}}) pts.add(new double[] {c.x(), c.y() + d[0], c.z() + d[1]});
        return new Roi("r", RoiType.POLYGON, null, null, null, pts, v.frameOfReferenceUid(), v.seriesInstanceUid(), List.of(), null, null);
    }

    @Test
    void edemaAgainstNormalMarrowGivesAPositiveContrastRatio() throws Exception {
        Path c = Path.of("sample-data/case-001");
        GroundTruth t = GroundTruth.read(c.resolve("ground-truth.json"));
        String stirUid = t.series().stream().filter(s -> s.seriesDescription().startsWith("STIR")).findFirst().orElseThrow().seriesInstanceUid();
        Volume stir = VolumeLoader.load(StudyScanner.scan(c).findStack(stirUid).orElseThrow());
        Vec3 e = t.edema().ellipsoidCentreMr();
        double midline = t.parsDefects().stream().mapToDouble(d -> d.centreMr().x()).average().orElseThrow();
        BmeRatio r = BmeRatio.of(stir, square(e, stir), square(new Vec3(2 * midline - e.x(), e.y(), e.z()), stir), "normal_marrow");
        assertThat(r.contrastRatio()).isCloseTo((r.bme().mean() - r.reference().mean()) / (r.bme().mean() + r.reference().mean()), within(1e-12));
        assertThat(r.contrastRatio()).isGreaterThan(0.6);
        assertThat(r.simpleRatio()).isGreaterThan(4);
        assertThat(r.bme().areaMm2()).isEqualTo(r.reference().areaMm2());
        assertThatThrownBy(() -> BmeRatio.of(stir, square(e, stir), square(e, stir), "fat")).hasMessageContaining("not one of [cord, csf, normal_marrow]");
    }
}
