package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.scoring.cohort.CohortGenerator;
import org.parsreader.study.StudyFile;

/** Reading Study... from macro options, headless, on a generated cohort (issue 14 points 2 and 6: the status table, macros). */
class ReadingStudyCommandTest {
    @Test
    void statusTableActionsAndMessages(@TempDir Path tmp) throws Exception {
        CohortGenerator.write(CohortGenerator.generate(4, 3), tmp.resolve("cohort"));
        Path study = tmp.resolve("study.json");
        Files.write(study, StudyFile.create(null, "cohort", null, List.of("R1", "R2"), "consensus", StudyFile.Role.CONSENSUS,
                "pars-injection", "1.0.0", null, true, 1L, Map.of()).toJson());
        String s = "study=[" + study + "] who=lead";

        ReadingStudyCommand.Result st = ReadingStudyCommand.process(s);
        assertThat(st.title()).isEqualTo("Pars Reader Study");
        assertThat(st.table().size()).isEqualTo(4);
        assertThat(st.table().getStringValue("R1", 0)).isEqualTo("complete");
        assertThat(st.table().getStringValue("ready for consensus", 0)).isEqualTo("yes");
        assertThat(st.table().getStringValue("consensus progress", 0)).isEqualTo("not started");
        assertThat(st.table().getStringValue("consensus read", 0)).isEqualTo("not started");

        assertThat(ReadingStudyCommand.process(s + " action=complete reader=R2 case=P001").log().get(0)).contains("P001: R2's read frozen");
        assertThat(ReadingStudyCommand.process(s + " action=start-consensus").log()).hasSize(4).allMatch(l -> l.endsWith("reads frozen"));
        ReadingStudyCommand.Result d = ReadingStudyCommand.process(s + " action=discrepancies");
        assertThat(d.title()).isEqualTo("Pars Reader Discrepancies");
        assertThat(d.log().get(0)).endsWith("in 4 compared cases");
        assertThat(d.table().size()).isPositive();
        assertThat(ReadingStudyCommand.process(s + " action=consensus").log()).hasSize(4).allMatch(l -> l.contains("consensus created"));
        String c = d.table().getStringValue("case", 0);
        String side = d.table().getStringValue("side", 0);
        ReadingStudyCommand.Result r = ReadingStudyCommand.process(s + " action=resolve case=" + c + " finding=" + d.table().getStringValue("finding", 0)
                + " level=" + d.table().getStringValue("level", 0) + (side.isEmpty() ? "" : " side=" + side) + " how=r1");
        assertThat(r.log().get(0)).contains("resolved (r1)").contains("by lead");
        assertThat(ReadingStudyCommand.process(s).table().getStringValue("R1", 0)).isEqualTo("complete (frozen)");

        assertThatThrownBy(() -> ReadingStudyCommand.process(s + " action=unlock reader=R1 case=P001")).hasMessageContaining("option 'why' is required");
        assertThatThrownBy(() -> ReadingStudyCommand.process(s + " action=launch")).hasMessageContaining("action 'launch' is not one of");
        assertThatThrownBy(() -> ReadingStudyCommand.process(s + " action=complete reader=R7 case=P001")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reader 'R7' is not in study");
        assertThat(ReadingStudyCommand.process(s + " action=unlock reader=R1 case=P001 why=[typo at L5]").log().get(0)).contains("unlocked by lead");
    }

    /** Issue 14 point 6: every study action of the command line from ImageJ too (init, add, worklist, report). */
    @Test
    void initAddWorklistAndReport(@TempDir Path tmp) throws Exception {
        CohortGenerator.write(CohortGenerator.generate(3, 3), tmp.resolve("cohort"));
        Path study = tmp.resolve("st/study.json");
        String init = "study=[" + study + "] action=init cases=[" + tmp.resolve("cohort") + "] readers=R1,R2 seed=7 tolerance=[gap_width_mm=1,slip_pct=5]";
        assertThat(ReadingStudyCommand.process(init).log().get(0)).contains("study written to").contains("3 cases").contains("seed 7");
        StudyFile f = StudyFile.read(Files.readAllBytes(study), "study.json");
        assertThat(f.cases().folder()).isEqualTo(tmp.resolve("cohort").toAbsolutePath().normalize().toString());
        assertThat(f.tolerances()).containsEntry("gap_width_mm", 1.0).containsEntry("slip_pct", 5.0);
        assertThatThrownBy(() -> ReadingStudyCommand.process(init)).hasMessageContaining("exists already");
        assertThatThrownBy(() -> ReadingStudyCommand.process("study=[" + tmp.resolve("b.json") + "] action=init cases=[" + tmp.resolve("cohort") + "] readers=R1"))
                .hasMessageContaining("readers= needs the two independent readers");
        assertThatThrownBy(() -> ReadingStudyCommand.process("study=[" + tmp.resolve("b.json") + "] action=init cases=[" + tmp.resolve("cohort") + "] readers=R1,R2 tolerance=gap"))
                .hasMessageContaining("tolerance 'gap' is not FINDING=NUMBER");
        assertThat(tmp.resolve("b.json")).doesNotExist();

        String s = "study=[" + study + "]";
        ReadingStudyCommand.Result w = ReadingStudyCommand.process(s + " action=worklist reader=R2");
        assertThat(w.title()).isEqualTo("Pars Reader Worklist R2");
        assertThat(w.table().size()).isEqualTo(3);
        assertThat(w.table().getStringValue("status", 0)).isEqualTo("complete");
        assertThat(ReadingStudyCommand.process(s + " action=add reader=R3 role=third").log().get(0)).contains("reader R3 added");
        assertThatThrownBy(() -> ReadingStudyCommand.process(s + " action=add reader=R4 role=consensus")).isInstanceOf(IllegalArgumentException.class);
        assertThat(StudyFile.read(Files.readAllBytes(study), "study.json").readers()).extracting(StudyFile.Reader::id).containsExactly("R1", "R2", "R3");
        assertThatThrownBy(() -> ReadingStudyCommand.process(s + " action=add case=P009")).hasMessageContaining("takes every case folder");

        Path report = tmp.resolve("out/status.md");
        assertThat(ReadingStudyCommand.process(s + " action=report format=md out=[" + report + "]").log().get(0)).contains("status report written to");
        assertThat(Files.readString(report)).contains("P001");
        assertThatThrownBy(() -> ReadingStudyCommand.process(s + " action=report format=pdf out=x")).hasMessageContaining("format 'pdf' is not md or html");
    }
}
