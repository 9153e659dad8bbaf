package org.parsreader.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.findings.store.AuditEntry;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.SampleFindings;

/** Issue 14 point 4 (panel part): resolving on a consensus read that is already open, taking a resolution back, the next case. */
class ConsensusTargetTest {
    @Test
    void resolveThroughAnOpenReadAndTakeItBack(@TempDir Path tmp) throws Exception {
        Path file = StudyFixture.study(tmp, 2);
        Path cohort = tmp.resolve("cohort");
        StudyWorkflowTest.writeKnownCase(cohort.resolve("P009"));
        // R1 marked L5 on the CT, R2 L5 (again) and S1: the consensus read gets R1's L5 and R2's S1 to navigate by
        Path p9 = cohort.resolve("P009/findings");
        FindingsDocument r1 = FindingsJson.readFile(p9.resolve("R1.findings.json"));
        FindingsDocument r2 = FindingsJson.readFile(p9.resolve("R2.findings.json"));
        Files.write(p9.resolve("R1.findings.json"), FindingsJson.write(withMarks(r1, List.of(new FindingsDocument.LevelMark("L5", "1.2.3", "1.2.3.4", new double[] {0, 0, -480})))));
        Files.write(p9.resolve("R2.findings.json"), FindingsJson.write(withMarks(r2, List.of(new FindingsDocument.LevelMark("L5", "1.2.3", "1.2.3.4", new double[] {0, 0, -470}),
                new FindingsDocument.LevelMark("S1", "1.2.3", "1.2.3.4", new double[] {0, 0, -510})))));
        Study study = Study.open(file);
        Freezing.startConsensus(study, List.of("P009"), "lead");
        Consensus consensus = new Consensus();
        Consensus.Created made = consensus.next(study, "lead").orElseThrow();
        assertThat(made.caseId()).as("P001 and P002 are not frozen: P009 is the first ready case").isEqualTo("P009");
        assertThat(made.createdNow()).isTrue();
        assertThat(consensus.next(study, "lead").orElseThrow()).as("open disagreements: the same case again, not created twice")
                .satisfies(c -> assertThat(c.caseId()).isEqualTo("P009")).satisfies(c -> assertThat(c.createdNow()).isFalse());

        Path caseDir = cohort.resolve("P009");
        assertThat(FindingsJson.readFile(caseDir.resolve("findings/consensus.findings.json")).levelMarks())
                .extracting(FindingsDocument.LevelMark::level, m -> m.point()[2]).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("L5", -480.0), org.assertj.core.groups.Tuple.tuple("S1", -510.0));
        try (CaseFindings f = CaseFindings.open(caseDir, new FindingsDocument.Reader("consensus", Role.CONSENSUS), study.template(), "P009",
                List.of(), "panel")) {
            List<String> saves = new ArrayList<>();
            Consensus.Target t = new Consensus.Target() {
                @Override
                public Value apply(String finding, String level, Side side, String text) {
                    if (text == null) f.editor().clear(finding, level, side);
                    else f.editor().set(finding, level, side, text);
                    return f.editor().get(finding, level, side).orElse(null);
                }

                @Override
                public boolean save(String what) throws java.io.IOException {
                    saves.add(what);
                    return f.save(what).isPresent();
                }
            };
            // the read is open (locked) here: the command line's resolve is refused, the target's is not
            assertThatThrownBy(() -> consensus.resolve(study, "P009", "pars_defect", "L5", Side.LEFT, ConsensusRecord.How.R1, null, "lead"))
                    .hasMessageContaining("open by someone else").hasMessageContaining("another session in this Java process");
            consensus.resolve(study, "P009", "pars_defect", "L5", Side.LEFT, ConsensusRecord.How.R1, null, "lead", t);
            consensus.resolve(study, "P009", "gap_width_mm", "L5", Side.RIGHT, ConsensusRecord.How.NEW, "1.8", "lead", t);
            assertThat(saves).containsExactly("resolved pars_defect L5 left: r1 = complete by lead", "resolved gap_width_mm L5 right: new = 1.8 by lead");
            assertThat(f.editor().get("gap_width_mm", "L5", Side.RIGHT)).contains(new Value.Number(1.8));
            assertThatThrownBy(() -> consensus.resolve(study, "P009", "gap_width_mm", "L5", Side.RIGHT, ConsensusRecord.How.R2, null, "lead", t))
                    .hasMessageContaining("resolved already");

            // undo in the panel: the value goes back there, the record opens the disagreement again, audited
            f.editor().undo();
            consensus.reopen(study, "P009", "gap_width_mm", "L5", Side.RIGHT, "lead", t);
            ConsensusRecord rec = ConsensusRecord.read(caseDir, "consensus").orElseThrow();
            assertThat(rec.open()).extracting(Discrepancies.Discrepancy::place).containsExactlyInAnyOrder("gap_width_mm L5 right", "bme_isthmic L5 left");
            assertThat(rec.open()).filteredOn(d -> d.finding().equals("gap_width_mm")).first()
                    .satisfies(d -> assertThat(d.difference()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9)));
            assertThat(rec.resolutions()).extracting(ConsensusRecord.Resolution::finding).containsExactly("pars_defect");
            assertThatThrownBy(() -> consensus.reopen(study, "P009", "bme_isthmic", "L5", Side.LEFT, "lead", t)).hasMessageContaining("no resolution to take back");
        }
        FindingsDocument cd = FindingsJson.readFile(caseDir.resolve("findings/consensus.findings.json"));
        assertThat(cd.values()).noneMatch(v -> v.finding().equals("gap_width_mm") && v.side() == Side.RIGHT);
        List<AuditEntry> log = CaseFindings.store(caseDir).auditLog().read().entries();
        assertThat(log).extracting(AuditEntry::what).contains("resolved gap_width_mm L5 right: new = 1.8 by lead",
                "reopened gap_width_mm L5 right: the resolution (new by lead) taken back by lead");
    }

    @Test
    void theSampleCasesSecondReaderDisagreesAsReadersDo(@TempDir Path tmp) throws Exception {
        GroundTruth truth = GroundTruth.read(Path.of("sample-data/case-001/ground-truth.json"));
        FindingsDocument r1 = SampleFindings.of(truth);
        FindingsDocument r2 = SampleFindings.secondReader(truth);
        Files.createDirectories(tmp.resolve("cases/case-001/findings"));
        Files.write(tmp.resolve("cases/case-001/findings/R1.findings.json"), FindingsJson.write(r1));
        Files.write(tmp.resolve("cases/case-001/findings/R2.findings.json"), FindingsJson.write(r2));
        Path file = tmp.resolve("study.json");
        Files.write(file, StudyFile.create("sample", "cases", null, List.of("R1", "R2"), "consensus", StudyFile.Role.CONSENSUS,
                "pars-injection", "1.0.0", null, true, 1L, Map.of("gap_width_mm", 1.0)).toJson());
        Study study = Study.open(file);
        Discrepancies.Comparison cmp = Discrepancies.compare(study, "case-001", r1, r2);
        assertThat(cmp.open()).extracting(Discrepancies.Discrepancy::place).containsExactly("pars_defect L5 right", "gap_width_mm L5 left",
                "bme_isthmic L5 left", "bme_location L5 left", "hollenberg L5 left");
        assertThat(cmp.open().get(1).difference()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cmp.open().get(3).kind()).isEqualTo("missing");
        assertThat(cmp.agreed()).isNotEmpty();
    }

    private static FindingsDocument withMarks(FindingsDocument d, List<FindingsDocument.LevelMark> marks) {
        return new FindingsDocument(d.schemaVersion(), d.pseudonym(), d.studyInstanceUids(), d.reader(), d.template(), d.created(), d.modified(),
                d.values(), d.rois(), d.measurements(), d.identity(), marks, d.comments());
    }
}
