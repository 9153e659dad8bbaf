package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Value;
import org.parsreader.scoring.predictors.PredictorDef;
import org.parsreader.scoring.predictors.PredictorExtractor;

/** Issue 14, point 5: the scoring report counts "not assessable" per predictor. */
class ScoreNotAssessableTest {
    @Test
    void reportHasANotAssessableSectionCountingPatientsPerPredictor(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        assertThat(CommandLineTest.run("generate-cohort", cohort.toString(), "--patients", "20", "--seed", "3").status()).isZero();
        PredictorExtractor x = new PredictorExtractor(ReadingTemplate.builtIn("pars-injection"));
        int index = x.predictors().stream().map(PredictorDef::name).toList().indexOf("pfirrmann_index");
        int changed = 0;
        for (int p = 1; p <= 20 && changed < 3; p++) {
            Path f = cohort.resolve(String.format("P%03d/findings/R1.findings.json", p));
            FindingsDocument d = FindingsJson.readFile(f);
            if (Double.isNaN(x.extract(d, f.toString()).values()[index])) continue; // only patients whose Pfirrmann was known
            List<FindingsDocument.FindingValue> values = new ArrayList<>();
            for (FindingsDocument.FindingValue v : d.values()) {
                values.add(v.finding().equals("pfirrmann")
                        ? new FindingsDocument.FindingValue(v.finding(), v.level(), v.side(), new Value.NotAssessable("motion"), v.roi()) : v);
            }
            Files.write(f, FindingsJson.write(new FindingsDocument(d.schemaVersion(), d.pseudonym(), d.studyInstanceUids(), d.reader(),
                    d.template(), d.created(), d.modified(), values, d.rois(), d.measurements(), d.identity(), d.levels())));
            changed++;
        }
        assertThat(changed).isEqualTo(3);
        Path out = tmp.resolve("out");
        CommandLineTest.Run s = CommandLineTest.run("score", "--findings", cohort.toString(), "--outcomes", cohort.resolve("outcomes.csv").toString(),
                "--out", out.toString());
        assertThat(s.status()).as(s.err()).isZero();
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("## Not assessable").contains("| R1 | pfirrmann_index | 3 |").doesNotContain("| R2 | pfirrmann_index |");
    }
}
