package org.parsreader.ij.panel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.parsreader.findings.FindingsJson;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.SampleCase;
import org.parsreader.sample.SampleFindings;
import org.parsreader.study.Freezing;
import org.parsreader.study.Study;
import org.parsreader.study.StudyFile;

/**
 * The sample study for consensus tests: a copy of the sample case (with images) read by R1 (the
 * committed read) and R2 ({@link SampleFindings#secondReader}: a grade one step off, a gap 1.5 mm
 * wider, a missed edema), both frozen; {@code study.json} with a consensus reader and a 1 mm gap
 * tolerance.
 */
final class SampleStudy {
    private SampleStudy() {}

    static Path create(Path dir) throws IOException {
        Path cases = dir.resolve("cases");
        Files.createDirectories(cases);
        Path c = SampleCase.copy(cases, "case-001");
        Files.write(c.resolve(SampleFindings.R2_FILE), FindingsJson.write(SampleFindings.secondReader(GroundTruth.read(c.resolve("ground-truth.json")))));
        Path file = dir.resolve("study.json");
        Files.write(file, StudyFile.create("sample study", "cases", List.of("case-001"), List.of("R1", "R2"), "consensus", StudyFile.Role.CONSENSUS,
                "pars-injection", "1.0.0", null, true, 7L, Map.of("gap_width_mm", 1.0)).toJson());
        Freezing.startConsensus(Study.open(file), List.of(), "lead");
        return file;
    }
}
