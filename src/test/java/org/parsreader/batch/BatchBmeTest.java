package org.parsreader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsEditor;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Side;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.Vec3;
import org.parsreader.util.ProgressListener;

/** The batch's BME step on a reader's edema and reference polygons on the sample STIR. */
class BatchBmeTest {
    @TempDir
    Path tmp;

    static List<double[]> square(Vec3 c) {
        List<double[]> pts = new ArrayList<>();
        for (double[] d : new double[][] {{-3, -3}, {3, -3}, {3, 3}, {-3, 3}}) pts.add(new double[] {c.x(), c.y() + d[0], c.z() + d[1]});
        return pts;
    }

    @Test
    void edemaAndReferencePolygonsGiveTheRatio() throws Exception {
        Path caseDir = tmp.resolve("cohort/case-a");
        try (Stream<Path> s = Files.walk(BatchTestCohort.SAMPLE)) {
            for (Path p : s.toList()) {
                Path to = caseDir.resolve(BatchTestCohort.SAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        GroundTruth truth = GroundTruth.read(caseDir.resolve("ground-truth.json"));
        GroundTruth.Series stir = truth.series().stream().filter(x -> x.seriesDescription().startsWith("STIR")).findFirst().orElseThrow();
        Vec3 e = truth.edema().ellipsoidCentreMr();
        double midline = truth.parsDefects().stream().mapToDouble(d -> d.centreMr().x()).average().orElseThrow();
        Path file = caseDir.resolve("findings/R1.findings.json");
        FindingsDocument doc = FindingsJson.read(Files.readAllBytes(file), "R1");
        FindingsEditor ed = new FindingsEditor(ReadingTemplate.builtIn("pars-injection"), doc, Clock.systemUTC());
        ed.addRoi(new FindingsDocument.Roi(null, FindingsDocument.RoiType.POLYGON, "bme_roi_mean", "L5", Side.LEFT, square(e),
                stir.frameOfReferenceUid(), stir.seriesInstanceUid(), List.of(), null, null));
        ed.addRoi(new FindingsDocument.Roi(null, FindingsDocument.RoiType.POLYGON, "bme_ref_mean", "L5", Side.LEFT,
                square(new Vec3(2 * midline - e.x(), e.y(), e.z())), stir.frameOfReferenceUid(), stir.seriesInstanceUid(), List.of(), null, null));
        ed.set("bme_ref_type", "L5", Side.LEFT, "normal_marrow");
        Files.write(file, FindingsJson.write(ed.document()));

        Path out = tmp.resolve("out");
        BatchRunner.Result r = BatchRunner.run(new BatchRunner.Options(tmp.resolve("cohort"), out, 1, Shard.ALL, EnumSet.of(Step.BME), null, 0),
                ProgressListener.NONE);
        assertThat(r.allDone()).isTrue();
        JsonNode bme = new ObjectMapper().readTree(out.resolve("cases/case-a/bme.json").toFile()).get("results").get(0);
        assertThat(bme.get("reader").asText()).isEqualTo("R1");
        assertThat(bme.get("reference_type").asText()).isEqualTo("normal_marrow");
        assertThat(bme.get("contrast_ratio").asDouble()).isGreaterThan(0.6); // left edema against right normal marrow
        assertThat(bme.get("bme_mean").asDouble()).isGreaterThan(4 * bme.get("ref_mean").asDouble());
        assertThat(r.peakVolumes()).isEqualTo(1);
    }
}
