package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.findings.store.AuditEntry;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.SeriesPlan;
import org.parsreader.study.ConsensusRecord;
import org.parsreader.study.Discrepancies;
import org.parsreader.util.ProgressListener;

/**
 * Issue 14 points 4 and 6 without a display: Read Case with study= opens the consensus read of the
 * sample study, "Reading Resolve..." resolves through the study core (recorded options repeat it),
 * undo and redo keep the consensus record in step, the viewers get R1's and R2's ROIs, and
 * wrong input is told.
 */
class ConsensusReadingTest {
    @AfterEach
    void closeActive() throws IOException {
        ActiveSession.close();
    }

    static ReadingCommand.Result run(String action, String options) throws IOException {
        return ReadingCommand.execute(ReadingCommand.Action.parse(action), options, ProgressListener.NONE);
    }

    @Test
    void theConsensusReadOfTheSampleStudy(@TempDir Path tmp) throws Exception {
        Path study = SampleStudy.create(tmp);
        Path caseDir = tmp.resolve("cases/case-001");
        ReadingSession s = ReadCaseCommand.open(ReadCaseCommand.parse("study=[" + study + "] reader=consensus who=lead nopanel"), ProgressListener.NONE);
        assertThat(s.reader()).isEqualTo(new FindingsDocument.Reader("consensus", Role.CONSENSUS));
        ConsensusReading c = ConsensusReading.of(s).orElseThrow();
        assertThat(c.readerIds()).containsExactly("R1", "R2");
        assertThat(c.open()).extracting(Discrepancies.Discrepancy::place).containsExactly("pars_defect L5 right", "gap_width_mm L5 left",
                "bme_isthmic L5 left", "bme_location L5 left", "hollenberg L5 left");
        assertThat(s.editor().get("needle_tip", "L5", Side.LEFT)).as("agreed values pre-filled").contains(new Value.Choice("intra-defect"));
        assertThat(s.editor().get("pars_defect", "L5", Side.RIGHT)).as("a disagreement is left open").isEmpty();

        // both readers' ROIs of the open gap disagreement on the post-contrast CT, in their colours, labelled
        var ct = s.volume(s.stack(SeriesPlan.Role.CT), ProgressListener.NONE);
        List<ij.gui.Roi> drawn = ConsensusOverlays.rois(s, ct, 1);
        assertThat(drawn).filteredOn(r -> r.getName().contains("R1 ") && r instanceof ij.gui.Line).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getStrokeColor()).isEqualTo(ConsensusReading.READER_COLOURS[0]));
        assertThat(drawn).filteredOn(r -> r.getName().contains("R2 ") && r instanceof ij.gui.Line).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getStrokeColor()).isEqualTo(ConsensusReading.READER_COLOURS[1]));
        assertThat(drawn).filteredOn(r -> r instanceof ij.gui.TextRoi).extracting(r -> ((ij.gui.TextRoi) r).getText().strip())
                .anyMatch(t -> t.startsWith("R1 2.5")).anyMatch(t -> t.startsWith("R2 4"));

        // resolve with R1's value and with a new value; the recorded options repeat each
        ReadingCommand.Result r1 = run("resolve", "finding=pars_defect level=L5 side=right how=r1");
        assertThat(r1.message()).startsWith("pars_defect L5 right resolved (r1) = complete by lead; 4 open");
        assertThat(r1.options()).isEqualTo("finding=pars_defect level=L5 side=right how=r1");
        ReadingCommand.Result nv = run("resolve", "finding=gap_width_mm level=L5 side=left how=new value=3");
        assertThat(nv.options()).isEqualTo("finding=gap_width_mm level=L5 side=left how=new value=3");
        assertThat(s.editor().get("gap_width_mm", "L5", Side.LEFT)).contains(new Value.Number(3));
        assertThat(ConsensusOverlays.rois(s, ct, 1)).as("a resolved disagreement's ROIs go away").noneMatch(r -> r.getName().contains("gap_width_mm"));
        assertThatThrownBy(() -> run("resolve", "finding=bme_isthmic level=L5 side=left how=new"))
                .hasMessageContaining("Reading Resolve...: how new needs value=V");
        assertThatThrownBy(() -> run("resolve", "finding=needle_tip level=L5 side=left how=r2"))
                .hasMessageContaining("not an open disagreement").hasMessageContaining("bme_isthmic L5 left");
        assertThatThrownBy(() -> run("resolve", "finding=bme_isthmic level=L5 side=left how=maybe")).hasMessageContaining("how 'maybe' is not agreed, r1, r2, new or third");

        // undo takes the resolution back (value and record), redo makes it again
        assertThat(run("undo", "").message()).isEqualTo("undone: resolve gap_width_mm L5 left (new 3)");
        assertThat(s.editor().get("gap_width_mm", "L5", Side.LEFT)).isEmpty();
        assertThat(c.open()).extracting(Discrepancies.Discrepancy::place).contains("gap_width_mm L5 left").hasSize(4);
        assertThat(ConsensusRecord.read(caseDir, "consensus").orElseThrow().resolutions()).extracting(ConsensusRecord.Resolution::finding).containsExactly("pars_defect");
        run("redo", "");
        assertThat(c.open()).hasSize(3);
        assertThat(c.lastProblem()).isEmpty();
        ConsensusRecord rec = ConsensusRecord.read(caseDir, "consensus").orElseThrow();
        assertThat(rec.resolutions()).extracting(ConsensusRecord.Resolution::how, ConsensusRecord.Resolution::by, x -> x.value().text())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r1", "lead", "complete"), org.assertj.core.groups.Tuple.tuple("new", "lead", "3"));
        List<String> audit = CaseFindings.store(caseDir).auditLog().read().entries().stream().map(AuditEntry::what).toList();
        assertThat(audit).containsSubsequence("resolved pars_defect L5 right: r1 = complete by lead", "resolved gap_width_mm L5 left: new = 3 by lead",
                "reopened gap_width_mm L5 left: the resolution (new by lead) taken back by lead", "resolved gap_width_mm L5 left: new = 3 by lead");

        // a second person on the same consensus: told who holds it, nothing changed
        assertThatThrownBy(() -> CaseFindings.open(caseDir, new FindingsDocument.Reader("consensus", Role.CONSENSUS), s.template(), s.pseudonym(), List.of(), "other"))
                .hasMessageContaining("already open by another session in this Java process").hasMessageContaining("user ");
    }

    @Test
    void readCaseWithAStudy(@TempDir Path tmp) throws Exception {
        Path study = SampleStudy.create(tmp);
        // an independent reader: the study's worklist (the case is frozen: read-only, and said so)
        ReadingSession r2 = ReadCaseCommand.open(ReadCaseCommand.parse("study=[" + study + "] reader=R2 nopanel"), ProgressListener.NONE);
        assertThat(r2.reader()).isEqualTo(new FindingsDocument.Reader("R2", Role.R2));
        assertThat(ActiveSession.worklist()).isPresent();
        assertThat(r2.frozen()).isPresent();
        assertThat(ConsensusReading.of(r2)).isEmpty();
        assertThatThrownBy(() -> run("resolve", "finding=pars_defect level=L5 side=right how=r1")).hasMessageContaining("not a consensus read of a study");
        ActiveSession.close();

        // someone else has the consensus open: Read Case says who, nothing is opened
        Path caseDir = tmp.resolve("cases/case-001");
        try (CaseFindings other = CaseFindings.open(caseDir, new FindingsDocument.Reader("consensus", Role.CONSENSUS),
                org.parsreader.findings.ReadingTemplate.builtIn("pars-injection"), "P0001", List.of(), "someone")) {
            assertThatThrownBy(() -> ReadCaseCommand.open(ReadCaseCommand.parse("study=[" + study + "] reader=consensus case=case-001 nopanel"), ProgressListener.NONE))
                    .hasMessageContaining("already open by").hasMessageContaining("(user ");
        }
        assertThat(ActiveSession.get()).isEmpty();

        // wrong input names the option and the study
        assertThatThrownBy(() -> ReadCaseCommand.parse("study=[" + study + "] reader=R9")).hasMessageContaining("reader 'R9' is not in study")
                .hasMessageContaining("R1 (reader), R2 (reader), consensus (consensus)");
        assertThatThrownBy(() -> ReadCaseCommand.parse("study=[" + study + "] reader=R1 role=R2")).hasMessageContaining("R1 reads study study.json as R1");
        assertThatThrownBy(() -> ReadCaseCommand.parse("study=[" + study + "] reader=R1 worklist=[" + tmp + "]")).hasMessageContaining("leave out worklist=");
        assertThatThrownBy(() -> ReadCaseCommand.parse("study=[" + study + "] reader=R1 case=P404")).hasMessageContaining("case 'P404' is not in study");
        assertThatThrownBy(() -> ReadCaseCommand.parse("study=[" + tmp.resolve("nope.json") + "] reader=R1")).hasMessageContaining("nope.json");
    }

    /** Bad input: a frozen read edited by hand on disk is refused by its checksum, by Read Case and by the consensus, and left as found. */
    @Test
    void aFrozenReadEditedByHandIsRefused(@TempDir Path tmp) throws Exception {
        Path study = SampleStudy.create(tmp);
        Path r1 = tmp.resolve("cases/case-001/findings/R1.findings.json");
        String edited = java.nio.file.Files.readString(r1).replace("\"complete\"", "\"incomplete\"");
        java.nio.file.Files.writeString(r1, edited);
        assertThatThrownBy(() -> ReadCaseCommand.open(ReadCaseCommand.parse("study=[" + study + "] reader=R1 case=case-001 nopanel"), ProgressListener.NONE))
                .hasMessageContaining("changed on disk");
        assertThatThrownBy(() -> ReadCaseCommand.open(ReadCaseCommand.parse("study=[" + study + "] reader=consensus case=case-001 nopanel"), ProgressListener.NONE))
                .hasMessageContaining("case-001: R1's read is invalid").hasMessageContaining("changed on disk after it was frozen");
        assertThat(ActiveSession.get()).isEmpty();
        assertThat(r1).hasContent(edited);
        assertThat(tmp.resolve("cases/case-001/findings/consensus.findings.json")).doesNotExist();
        // the lock of a refused consensus was released: once R1's read is unlocked with a reason, the consensus opens
        org.parsreader.study.Freezing.unlock(org.parsreader.study.Study.open(study), "R1", "case-001", "lead", "checked the hand edit");
        org.parsreader.study.Freezing.startConsensus(org.parsreader.study.Study.open(study), List.of(), "lead");
        ReadingSession s = ReadCaseCommand.open(ReadCaseCommand.parse("study=[" + study + "] reader=consensus nopanel"), ProgressListener.NONE);
        assertThat(ConsensusReading.of(s)).isPresent();
    }
}
