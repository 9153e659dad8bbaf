package org.parsreader.ij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ij.Macro;
import ij.measure.ResultsTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsException;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import org.parsreader.findings.store.AuditEntry;
import org.parsreader.findings.store.AuditLog;
import org.parsreader.sample.SampleCase;

/** The findings commands from macro options, headless, on a copy of the sample case. */
class FindingsCommandsTest {
    @TempDir
    Path dir;
    Path caseDir;

    @BeforeEach
    void copySample() throws Exception {
        caseDir = SampleCase.copy(dir);
    }

    private String common(String reader) {
        return "case=[" + caseDir + "] reader=" + reader + " who=tester";
    }

    private FindingsDocument stored(String reader) throws Exception {
        return FindingsJson.read(Files.readAllBytes(caseDir.resolve("findings/" + reader + ".findings.json")), reader);
    }

    private List<AuditEntry> audit() throws Exception {
        return new AuditLog(caseDir.resolve("findings/audit.log")).read().entries();
    }

    @Test
    void setAndClearSaveTheFileAndTheAuditLogBeforeReturning() throws Exception {
        FindingsSetCommand.process(FindingsSetCommand.parse(common("T1") + " finding=pars_defect level=L5 side=left value=complete"));
        FindingsSetCommand.process(FindingsSetCommand.parse(common("T1") + " finding=bme_location level=L5 side=L value=pars|pedicle"));
        FindingsSetCommand.process(FindingsSetCommand.parse(common("T1") + " finding=meyerding level=L5 value=I")); // segment: no side
        FindingsSetCommand.process(FindingsSetCommand.parse(common("T1") + " finding=gap_width_mm level=L5 side=right value=2.75"));

        FindingsDocument d = stored("T1");
        assertThat(d.reader()).isEqualTo(new FindingsDocument.Reader("T1", Role.R1)); // default role for new findings
        assertThat(d.pseudonym()).isEqualTo("P0001");
        assertThat(d.values()).extracting(v -> v.finding() + " " + v.level() + " " + v.side() + " " + v.value().text())
                .containsExactly("pars_defect L5 LEFT complete", "bme_location L5 LEFT pars|pedicle", "meyerding L5 null I",
                        "gap_width_mm L5 RIGHT 2.75");
        assertThat(Files.exists(dir.resolveSibling(dir.getFileName() + ".pseudonyms.csv"))).as("default registry beside the cases folder, outside it").isTrue();
        assertThat(audit()).filteredOn(e -> "T1".equals(e.reader())).extracting(AuditEntry::who, AuditEntry::what)
                .contains(org.assertj.core.groups.Tuple.tuple("tester", "set pars_defect L5 left = complete"),
                        org.assertj.core.groups.Tuple.tuple("tester", "set meyerding L5 = I"));

        String msg = FindingsClearCommand.process(FindingsClearCommand.parse(common("T1") + " finding=pars_defect level=L5 side=left"));
        assertThat(msg).startsWith("cleared pars_defect L5 left");
        assertThat(stored("T1").values()).extracting(FindingsDocument.FindingValue::finding).doesNotContain("pars_defect");
        assertThat(audit()).extracting(AuditEntry::what).contains("clear pars_defect L5 left");
        assertThat(FindingsClearCommand.process(FindingsClearCommand.parse(common("T1") + " finding=pars_defect level=L5 side=left")))
                .startsWith("not set");
    }

    @Test
    void editsOfAnExistingReaderKeepItsRoleAndRefuseWrongValuesWithoutSaving() throws Exception {
        byte[] before = Files.readAllBytes(caseDir.resolve("findings/R1.findings.json"));
        assertThatThrownBy(() -> FindingsSetCommand.process(FindingsSetCommand.parse(common("R1") + " finding=pars_defect level=L5 side=left value=broken")))
                .isInstanceOf(FindingsException.class).hasMessageContaining("broken");
        assertThatThrownBy(() -> FindingsSetCommand.process(FindingsSetCommand.parse(common("R1") + " finding=pars_defect level=L9 side=left value=none")))
                .hasMessageContaining("L9");
        assertThat(Files.readAllBytes(caseDir.resolve("findings/R1.findings.json"))).isEqualTo(before);

        FindingsSetCommand.process(FindingsSetCommand.parse(common("R1") + " finding=hollenberg level=L5 side=left value=4"));
        assertThat(FindingsMacro.get(caseDir.toString(), "R1", "hollenberg", "L5", "left")).isEqualTo("4");
        assertThatThrownBy(() -> FindingsSetCommand.process(FindingsSetCommand.parse(common("R1") + " role=R2 finding=hollenberg level=L5 side=left value=3")))
                .hasMessageContaining("open them with that role");
    }

    @Test
    void unknownAndMissingOptionsAreNamed() {
        assertThatThrownBy(() -> FindingsSetCommand.parse(common("R1") + " findng=pars_defect level=L5 value=none"))
                .hasMessageContaining("Findings Set...: unknown option 'findng'");
        assertThatThrownBy(() -> FindingsClearCommand.parse(common("R1") + " finding=x level=L5 value=none"))
                .hasMessageContaining("unknown option 'value'");
        assertThatThrownBy(() -> FindingsAddRoiCommand.parse(common("R1") + " finding=x level=L5 slice=3"))
                .hasMessageContaining("unknown option 'slice'");
        assertThatThrownBy(() -> FindingsRemoveRoiCommand.parse(common("R1") + " id=roi-1")).hasMessageContaining("unknown option 'id'");
        assertThatThrownBy(() -> MacroOptions.parse(FindingsListCommand.COMMAND, "case=/x reader=R1 role=R1", FindingsListCommand.KEYS))
                .hasMessageContaining("unknown option 'role'");
        assertThatThrownBy(() -> MacroOptions.parse(FindingsExportCsvCommand.COMMAND, "folder=/x out=/y identity", FindingsExportCsvCommand.KEYS))
                .hasMessageContaining("unknown option 'identity'");
        assertThatThrownBy(() -> FindingsSetCommand.parse(common("R1") + " finding=pars_defect level=L5 side=left"))
                .hasMessageContaining("option 'value' is required");
        assertThatThrownBy(() -> FindingsSetCommand.parse("reader=R1 finding=pars_defect level=L5 value=none"))
                .hasMessageContaining("option 'case' is required");
        assertThatThrownBy(() -> FindingsSetCommand.parse(common("R1/../x") + " finding=a level=L5 value=none"))
                .hasMessageContaining("reader 'R1/../x' must be");
        assertThatThrownBy(() -> FindingsSetCommand.parse("case=[" + dir.resolve("nope") + "] reader=R1 finding=a level=L5 value=none"))
                .hasMessageContaining("case folder not found");
        assertThatThrownBy(() -> FindingsSetCommand.parse(common("R1") + " finding=a level=L5 side=up value=none"))
                .hasMessageContaining("side 'up' is not left or right");
        assertThatThrownBy(() -> FindingsSetCommand.parse(common("R1") + " template=pars finding=a level=L5 value=none"))
                .hasMessageContaining("template 'pars' is neither built in");
    }

    @Test
    void withoutOptionsAndWithoutADisplayEveryCommandSaysWhichOptionsItNeeds() {
        List<ij.plugin.PlugIn> commands = List.of(new FindingsSetCommand(), new FindingsClearCommand(), new FindingsAddRoiCommand(),
                new FindingsRemoveRoiCommand(), new FindingsListCommand(), new FindingsValidateCommand(), new FindingsExportCsvCommand());
        for (ij.plugin.PlugIn c : commands) {
            String out = captured(() -> c.run(""));
            assertThat(out).as(c.getClass().getSimpleName()).contains("needs options when there is no display:");
        }
        assertThat(captured(() -> new FindingsSetCommand().run(""))).contains("finding=pars_defect level=L5 side=left value=complete");
        assertThat(captured(() -> new FindingsExportCsvCommand().run(""))).contains("folder=/data/cases out=/data/findings.csv");
    }

    @Test
    void aMacroRunSavesBeforeTheNextLineAndAnErrorAbortsWithTheMessage() throws Exception {
        runAsMacro(new FindingsSetCommand(), common("M1") + " finding=pfirrmann level=L4 value=3");
        assertThat(stored("M1").values()).extracting(v -> v.value().text()).containsExactly("3");
        String out = captured(() -> runAsMacro(new FindingsSetCommand(), common("M1") + " finding=pfirrmann level=L4 vale=3"));
        assertThat(out).contains("unknown option 'vale'");
    }

    @Test
    void listValidateAndExportReadTheStoredFindings() throws Exception {
        ResultsTable rt = FindingsListCommand.process(caseDir, "R1");
        assertThat(rt.getHeadings()).containsSequence("finding", "level", "side", "value", "unit", "roi", "kind");
        int gap = -1;
        for (int i = 0; i < rt.size(); i++) {
            if (rt.getStringValue("finding", i).equals("gap_width_mm") && rt.getStringValue("side", i).equals("left")
                    && rt.getStringValue("kind", i).equals("value")) gap = i;
        }
        assertThat(gap).isNotNegative();
        assertThat(rt.getStringValue("unit", gap)).isEqualTo("mm");
        assertThat(rt.getStringValue("roi", gap)).isEqualTo("roi-1");

        assertThat(FindingsValidateCommand.process(caseDir, "R1", "")).singleElement().asString().contains(": ok (");
        assertThat(FindingsMacro.validate(caseDir.toString(), "R1")).isEqualTo("ok");

        FindingsSetCommand.process(FindingsSetCommand.parse(common("R2") + " role=R2 finding=pars_defect level=L5 side=left value=incomplete"));
        Path out = dir.resolve("export/findings.csv");
        FindingsExportCsvCommand.Exported e = FindingsExportCsvCommand.process(dir, out, false);
        assertThat(e.files()).isEqualTo(2);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(org.parsreader.findings.FindingsCsv.HEADER);
        assertThat(lines).anyMatch(l -> l.startsWith("P0001,R2,R2,pars-injection") && l.contains(",pars_defect,L5,left,incomplete,"));
        assertThat(String.join("\n", lines)).doesNotContain("PHANTOM").doesNotContain("PR-SAMPLE-001");

        Files.writeString(caseDir.resolve("findings/X9.findings.json"), "{ not json");
        FindingsExportCsvCommand.Exported withBad = FindingsExportCsvCommand.process(dir, out, true);
        assertThat(withBad.files()).isEqualTo(2);
        assertThat(withBad.skipped()).singleElement().asString().contains("X9.findings.json");
        assertThat(Files.readAllLines(out).get(0)).endsWith(",patient_id,patient_name,birth_date");

        // R2's findings under another reader's name, and an invalid value: named and left out, the rest exported
        Files.writeString(caseDir.resolve("findings/X8.findings.json"), Files.readString(caseDir.resolve("findings/R2.findings.json")));
        Files.writeString(caseDir.resolve("findings/X9.findings.json"),
                Files.readString(caseDir.resolve("findings/R2.findings.json")).replaceFirst("\"id\" ?: ?\"R2\"", "\"id\": \"X9\"").replace("\"incomplete\"", "\"broken\""));
        FindingsExportCsvCommand.Exported mixed = FindingsExportCsvCommand.process(dir, out, false);
        assertThat(mixed.files()).isEqualTo(2);
        assertThat(mixed.skipped()).hasSize(2);
        assertThat(mixed.skipped().get(0)).contains("X8.findings.json: reader.id 'R2' but the file belongs to reader 'X8'");
        assertThat(mixed.skipped().get(1)).contains("X9.findings.json: invalid findings: values[0].value: 'broken'");
    }

    @Test
    void macroCallsReturnTextAndErrorsAsText() throws Exception {
        String c = caseDir.toString();
        assertThat(FindingsMacro.get(c, "R1", "pars_defect", "L5", "left")).isEqualTo("complete");
        assertThat(FindingsMacro.get(c, "R1", "pars_defect", "L3", "left")).isEmpty();
        assertThat(FindingsMacro.list(c, "R1").split("\n")).contains("pars_defect L5 left complete", "bme_location L5 left pars|pedicle|articular_process");
        assertThat(FindingsMacro.rois(c, "R1").split("\n")[0]).isEqualTo("roi-1 line gap_width_mm L5 left");
        assertThat(FindingsMacro.get(c, "R7", "pars_defect", "L5", "left")).startsWith("error: no findings of reader R7");
        assertThat(FindingsMacro.get(c, "R1", "pars_defect", "L5", "up")).isEqualTo("error: side 'up' is not left or right");
        assertThat(FindingsMacro.list(dir.resolve("nope").toString(), "R1")).startsWith("error: case folder not found");

        FindingsSetCommand.process(FindingsSetCommand.parse(common("R1") + " finding=meyerding level=L5 value=II"));
        assertThat(FindingsMacro.get(c, "R1", "meyerding", "L5", "")).isEqualTo("II");
        assertThat(FindingsMacro.list(c, "R1")).contains("meyerding L5 - II");
        assertThat(Side.parse("L")).isEqualTo(Side.LEFT);
    }

    /** Runs a command on a macro thread with these options, as run("...", options) does. */
    static void runAsMacro(ij.plugin.PlugIn command, String options) {
        Thread t = new Thread(() -> {
            Macro.setOptions(Thread.currentThread(), options);
            try {
                command.run("");
            } catch (RuntimeException e) {
                if (!Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
            }
        }, "Run$_test");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** What a headless ImageJ prints (IJ.error and IJ.log go to stdout/stderr without windows). */
    static String captured(Runnable r) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(p);
        System.setErr(p);
        try {
            r.run();
        } catch (RuntimeException e) {
            p.println("thrown: " + e.getMessage());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void notAssessableFromAMacroIsValueNaColonReason() throws Exception {
        // issue 14, point 5: one syntax everywhere, value=na:REASON (the CLI's --not-assessable REASON writes the same)
        FindingsSetCommand.process(FindingsSetCommand.parse(common("T1") + " finding=pars_defect level=L5 side=left value=na:artefact"));
        assertThat(stored("T1").values()).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo(new org.parsreader.findings.Value.NotAssessable("artefact")));
        assertThatThrownBy(() -> FindingsSetCommand.process(FindingsSetCommand.parse(common("T1") + " finding=pars_defect level=L5 side=left value=na:blur")))
                .hasMessageContaining("'blur'").hasMessageContaining("not_in_field_of_view");
    }
}
