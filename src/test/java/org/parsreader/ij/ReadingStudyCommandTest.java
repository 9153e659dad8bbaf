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
}
