package org.parsreader.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.findings.store.AuditAction;
import org.parsreader.findings.store.AuditEntry;
import org.parsreader.findings.store.FrozenReadException;

/** A study on a generated cohort end to end (issue 14 points 2-4): status, frozen reads, discrepancies, consensus and resolutions. */
class StudyWorkflowTest {
    @Test
    void statusFreezingDiscrepanciesAndConsensus(@TempDir Path tmp) throws Exception {
        Path file = StudyFixture.study(tmp, 8);
        Path cohort = tmp.resolve("cohort");
        writeKnownCase(cohort.resolve("P009"));
        Files.delete(cohort.resolve("P002/findings/R2.findings.json"));
        Path p3 = cohort.resolve("P003/findings/R2.findings.json");
        Files.writeString(p3, Files.readString(p3).replaceFirst("\"value\" : \"[a-z-]+\"", "\"value\" : \"maybe\""));
        Study study = Study.open(file);

        // status
        StudyStatus st = StudyStatus.of(study);
        assertThat(st.rows()).hasSize(9);
        assertThat(cell(st, "P002", "R2").state()).isEqualTo(StudyStatus.State.NOT_STARTED);
        assertThat(cell(st, "P003", "R2").state()).isEqualTo(StudyStatus.State.INVALID);
        assertThat(cell(st, "P003", "R2").problem()).contains("maybe");
        assertThat(cell(st, "P001", "R1").state()).isEqualTo(StudyStatus.State.COMPLETE);
        assertThat(st.readyForConsensus()).hasSize(7).doesNotContain("P002", "P003");
        assertThat(st.totals()).contains(new StudyStatus.Totals("R2", 1, 0, 7, 1, 0), new StudyStatus.Totals("consensus", 9, 0, 0, 0, 0));

        // a reader marks a case complete: frozen; the store then refuses a save
        Freezing.complete(study, "R1", "P001", "R1");
        assertThatThrownBy(() -> Freezing.complete(study, "R2", "P002", "R2")).hasMessageContaining("P002: R2's read is not started");
        try (CaseFindings f = CaseFindings.open(cohort.resolve("P001"), new FindingsDocument.Reader("R1", Role.R1), study.template(), "P001", List.of(), "R1")) {
            f.editor().set("pars_defect", "L4", Side.LEFT, "complete");
            assertThatThrownBy(() -> f.save("late change")).isInstanceOf(FrozenReadException.class).hasMessageContaining("marked complete");
            f.editor().undo();
        }

        // the lead starts the consensus: every ready case frozen, the others named
        List<Freezing.Outcome> started = Freezing.startConsensus(study, List.of(), "lead");
        assertThat(started).filteredOn(Freezing.Outcome::frozen).hasSize(7);
        assertThat(started).filteredOn(o -> !o.frozen()).extracting(Freezing.Outcome::caseId).containsExactly("P002", "P003");
        assertThat(started).filteredOn(o -> o.caseId().equals("P002")).first().extracting(Freezing.Outcome::note).asString().contains("R2 not started");

        // a frozen read edited by hand is found, refused, and left alone
        Path p4 = cohort.resolve("P004/findings/R1.findings.json");
        String edited = Files.readString(p4).replace("\"R1\"", "\"R1\" ");
        Files.writeString(p4, edited);
        assertThat(cell(StudyStatus.of(study), "P004", "R1").problem()).contains("changed on disk after it was frozen");
        assertThatThrownBy(() -> CaseFindings.open(cohort.resolve("P004"), new FindingsDocument.Reader("R1", Role.R1), study.template(), "P004", List.of(), "R1"))
                .isInstanceOf(FrozenReadException.class).hasMessageContaining("changed on disk");
        assertThat(p4).hasContent(edited);

        // discrepancies: compared only where both reads are frozen and intact; every one listed is a real difference
        Discrepancies.Listing l = Discrepancies.of(study);
        assertThat(l.compared()).isEqualTo(6);
        assertThat(l.skipped()).extracting(Discrepancies.Skipped::caseId).containsExactly("P002", "P003", "P004");
        assertThat(l.discrepancies()).isNotEmpty().allSatisfy(d -> {
            Value a = d.values().get(0).value();
            Value b = d.values().get(1).value();
            if (a instanceof Value.Number x && b instanceof Value.Number y) assertThat(Math.abs(x.value() - y.value())).isGreaterThan(study.tolerance(d.finding()));
            else assertThat(a).isNotEqualTo(b);
        });
        assertThat(l.discrepancies()).as("the generated second reader disagrees on grades too").anyMatch(d -> d.finding().equals("hollenberg") || d.finding().equals("pars_defect"));
        List<Discrepancies.Discrepancy> known = l.discrepancies().stream().filter(d -> d.caseId().equals("P009")).toList();
        assertThat(known).extracting(Discrepancies.Discrepancy::place).containsExactly("pars_defect L5 left", "gap_width_mm L5 right", "bme_isthmic L5 left");
        assertThat(known.get(1).difference()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(known.get(2).kind()).isEqualTo("missing");
        assertThat(known.get(0).values()).extracting(v -> v.roi()).containsExactly("roi-1", null);

        // the consensus: agreed values pre-filled (a number within tolerance: the mean), disagreements open
        Consensus consensus = new Consensus();
        Consensus.Created c = consensus.create(study, "P009", "lead");
        assertThat(c.createdNow()).isTrue();
        assertThat(c.record().open()).hasSize(3);
        FindingsDocument cd = FindingsJson.readFile(cohort.resolve("P009/findings/consensus.findings.json"));
        assertThat(cd.reader().role()).isEqualTo(Role.CONSENSUS);
        assertThat(cd.values()).extracting(FindingValue::finding, FindingValue::level, FindingValue::side, FindingValue::value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("gap_width_mm", "L5", Side.LEFT, new Value.Number(2.3)),
                org.assertj.core.groups.Tuple.tuple("hollenberg", "L5", Side.LEFT, new Value.Choice("2")),
                org.assertj.core.groups.Tuple.tuple("bme_isthmic", "L4", Side.LEFT, new Value.Flag(false)),
                org.assertj.core.groups.Tuple.tuple("needle_tip", "L5", Side.LEFT, new Value.Choice("intra-defect")),
                org.assertj.core.groups.Tuple.tuple("contrast_compartments", "L5", Side.LEFT, new Value.Choices(List.of("pars_defect", "caudal_facet"))));
        assertThat(consensus.create(study, "P009", "lead").createdNow()).as("left as it is").isFalse();
        assertThatThrownBy(() -> consensus.create(study, "P002", "lead")).hasMessageContaining("R2's read is not started");

        // two people on one consensus: the second is told, nothing changes
        try (CaseFindings other = CaseFindings.open(cohort.resolve("P009"), new FindingsDocument.Reader("consensus", Role.CONSENSUS), study.template(),
                "P009", List.of(), "someone")) {
            assertThatThrownBy(() -> consensus.resolve(study, "P009", "pars_defect", "L5", Side.LEFT, ConsensusRecord.How.R1, null, "lead"))
                    .isInstanceOf(StudyException.class).hasMessageContaining("P009: the consensus (consensus) is open by someone else");
        }
        assertThatThrownBy(() -> consensus.resolve(study, "P009", "bme_isthmic", "L5", Side.LEFT, ConsensusRecord.How.NEW, null, "lead"))
                .hasMessageContaining("--how new needs --value");
        assertThatThrownBy(() -> consensus.resolve(study, "P009", "hollenberg", "L5", Side.LEFT, ConsensusRecord.How.R1, null, "lead"))
                .hasMessageContaining("not an open disagreement").hasMessageContaining("pars_defect L5 left");
        consensus.resolve(study, "P009", "pars_defect", "L5", Side.LEFT, ConsensusRecord.How.R1, null, "lead");
        consensus.resolve(study, "P009", "gap_width_mm", "L5", Side.RIGHT, ConsensusRecord.How.AGREED, "3.0", "R1+R2");
        assertThatThrownBy(() -> consensus.resolve(study, "P009", "bme_isthmic", "L5", Side.LEFT, ConsensusRecord.How.NEW, "perhaps", "lead"))
                .hasMessageContaining("bme_isthmic L5 left");
        consensus.resolve(study, "P009", "bme_isthmic", "L5", Side.LEFT, ConsensusRecord.How.THIRD, "no", "R3");
        assertThatThrownBy(() -> consensus.resolve(study, "P009", "pars_defect", "L5", Side.LEFT, ConsensusRecord.How.R2, null, "lead"))
                .hasMessageContaining("resolved already");

        ConsensusRecord rec = ConsensusRecord.read(cohort.resolve("P009"), "consensus").orElseThrow();
        assertThat(rec.open()).isEmpty();
        assertThat(rec.resolutions()).extracting(ConsensusRecord.Resolution::how, ConsensusRecord.Resolution::by, r -> r.value().text())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r1", "lead", "complete"), org.assertj.core.groups.Tuple.tuple("agreed", "R1+R2", "3"),
                        org.assertj.core.groups.Tuple.tuple("third", "R3", "no"));
        cd = FindingsJson.readFile(cohort.resolve("P009/findings/consensus.findings.json"));
        assertThat(cd.values()).hasSize(8);
        List<AuditEntry> log = CaseFindings.store(cohort.resolve("P009")).auditLog().read().entries();
        assertThat(log).extracting(AuditEntry::what).anyMatch(w -> w.equals("resolved pars_defect L5 left: r1 = complete by lead"))
                .anyMatch(w -> w.startsWith("consensus created by lead: 5 agreed values, 3 open"));
        assertThat(cell(StudyStatus.of(study), "P009", "consensus").state()).isEqualTo(StudyStatus.State.COMPLETE);
        assertThat(StudyStatus.of(study).rows()).filteredOn(r -> r.caseId().equals("P009")).first().extracting(StudyStatus.CaseRow::consensusState).isEqualTo("resolved");

        // unlock with a reason: audited, and the hand edit is accepted knowingly
        assertThatThrownBy(() -> Freezing.unlock(study, "R1", "P004", "lead", "")).hasMessageContaining("needs a reason");
        Freezing.unlock(study, "R1", "P004", "lead", "whitespace edit checked");
        assertThat(cell(StudyStatus.of(study), "P004", "R1").state()).isEqualTo(StudyStatus.State.COMPLETE);
        assertThat(CaseFindings.store(cohort.resolve("P004")).auditLog().read().entries()).last()
                .satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.UNFREEZE))
                .satisfies(e -> assertThat(e.what()).contains("whitespace edit checked").contains("change accepted"));
    }

    /** P009: R1 and R2 agree on hollenberg, agree within 1 mm on the left gap, differ on the pars defect and the right gap, and R2 has no edema value. */
    static void writeKnownCase(Path caseDir) throws Exception {
        Instant t = Instant.parse("2025-01-15T10:00:00Z");
        FindingsDocument.Roi roi = new FindingsDocument.Roi("roi-1", FindingsDocument.RoiType.POINT, "pars_defect", "L5", Side.LEFT,
                List.of(new double[] {1, 2, 3}), "1.2.3", "1.2.3.4", List.of(), null, null);
        List<FindingValue> r1 = List.of(new FindingValue("pars_defect", "L5", Side.LEFT, new Value.Choice("complete"), "roi-1"),
                new FindingValue("gap_width_mm", "L5", Side.LEFT, new Value.Number(2.0), null),
                new FindingValue("gap_width_mm", "L5", Side.RIGHT, new Value.Number(1.0), null),
                new FindingValue("bme_isthmic", "L5", Side.LEFT, new Value.Flag(true), null),
                new FindingValue("bme_isthmic", "L4", Side.LEFT, new Value.Flag(false), null),
                new FindingValue("needle_tip", "L5", Side.LEFT, new Value.Choice("intra-defect"), null),
                new FindingValue("contrast_compartments", "L5", Side.LEFT, new Value.Choices(List.of("pars_defect", "caudal_facet")), null),
                new FindingValue("hollenberg", "L5", Side.LEFT, new Value.Choice("2"), null));
        List<FindingValue> r2 = List.of(new FindingValue("pars_defect", "L5", Side.LEFT, new Value.Choice("incomplete"), null),
                new FindingValue("gap_width_mm", "L5", Side.LEFT, new Value.Number(2.6), null),
                new FindingValue("gap_width_mm", "L5", Side.RIGHT, new Value.Number(2.5), null),
                new FindingValue("bme_isthmic", "L4", Side.LEFT, new Value.Flag(false), null),
                new FindingValue("needle_tip", "L5", Side.LEFT, new Value.Choice("intra-defect"), null),
                new FindingValue("contrast_compartments", "L5", Side.LEFT, new Value.Choices(List.of("caudal_facet", "pars_defect")), null),
                new FindingValue("hollenberg", "L5", Side.LEFT, new Value.Choice("2"), null));
        FindingsDocument.TemplateRef tr = new FindingsDocument.TemplateRef("pars-injection", "1.0.0");
        Files.createDirectories(caseDir.resolve("findings"));
        Files.write(caseDir.resolve("findings/R1.findings.json"), FindingsJson.write(new FindingsDocument(1, "P009", List.of(),
                new FindingsDocument.Reader("R1", Role.R1), tr, t, t, r1, List.of(roi), List.of(), null)));
        Files.write(caseDir.resolve("findings/R2.findings.json"), FindingsJson.write(new FindingsDocument(1, "P009", List.of(),
                new FindingsDocument.Reader("R2", Role.R2), tr, t, t, r2, List.of(), List.of(), null)));
    }

    static StudyStatus.Cell cell(StudyStatus st, String caseId, String reader) {
        StudyStatus.CaseRow row = st.rows().stream().filter(r -> r.caseId().equals(caseId)).findFirst().orElseThrow();
        if (row.consensus() != null && row.consensus().reader().equals(reader)) return row.consensus();
        return row.reads().stream().filter(c -> c.reader().equals(reader)).findFirst().orElseThrow();
    }

}
