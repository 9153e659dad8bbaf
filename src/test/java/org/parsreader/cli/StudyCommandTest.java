package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study commands end to end on a generated cohort (issue 14 points 1-4 and 6, command line); the README's "Reader studies" commands. */
class StudyCommandTest {
    @Test
    void aStudyFromInitToResolvedConsensus(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        assertThat(CommandLineTest.run("generate-cohort", cohort.toString(), "--patients", "6", "--seed", "5").status()).isZero();
        String study = tmp.resolve("study.json").toString();

        CommandLineTest.Run init = CommandLineTest.run("study", "init", "--study", study, "--cases", cohort.toString(), "--readers", "R1,R2",
                "--consensus", "consensus", "--tolerance", "gap_width_mm=1", "--seed", "42");
        assertThat(init.status()).as(init.err()).isZero();
        assertThat(init.out()).contains("6 cases").contains("seed 42");
        assertThat(Files.readString(Path.of(study))).contains("\"folder\" : \"cohort\"");
        CommandLineTest.Run again = CommandLineTest.run("study", "init", "--study", study, "--cases", cohort.toString(), "--readers", "R1,R2");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("exists already");
        CommandLineTest.Run missing = CommandLineTest.run("study", "init", "--study", tmp.resolve("s2.json").toString(), "--cases", cohort.toString(),
                "--case", "P001", "--case", "P777", "--readers", "R1,R2");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("missing from").contains("P777");
        assertThat(tmp.resolve("s2.json")).doesNotExist();

        CommandLineTest.Run wl = CommandLineTest.run("study", "worklist", "--study", study, "--reader", "R2");
        assertThat(wl.status()).as(wl.err()).isZero();
        assertThat(wl.out().lines()).hasSize(6).allMatch(l -> l.endsWith("complete"));

        CommandLineTest.Run st = CommandLineTest.run("study", "status", "--study", study, "--json");
        assertThat(st.status()).as(st.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(st.out());
        assertThat(j.get("readyForConsensus")).hasSize(6);
        assertThat(j.get("totals").get(0).get("complete").asInt()).isEqualTo(6);
        assertThat(j.get("cases").get(0).get("consensus").asText()).isEqualTo("not started");

        assertThat(CommandLineTest.run("study", "complete", "--study", study, "--reader", "R1", "--case", "P001").out()).contains("frozen");
        CommandLineTest.Run disc0 = CommandLineTest.run("study", "discrepancies", "--study", study);
        assertThat(disc0.out()).contains("not compared: P001: R2's read is not frozen yet").contains("0 discrepancies in 0 compared cases");

        CommandLineTest.Run early = CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", tmp.resolve("agree").toString(), "--study", study);
        assertThat(early.status()).isEqualTo(1);
        assertThat(early.err()).contains("computed on frozen independent reads only").contains("P002 R1: not frozen (complete)");

        CommandLineTest.Run start = CommandLineTest.run("study", "start-consensus", "--study", study, "--who", "lead");
        assertThat(start.status()).as(start.err()).isZero();
        assertThat(start.out()).contains("6 of 6 cases frozen for consensus");

        CommandLineTest.Run agree = CommandLineTest.run("agreement", "--findings", cohort.toString(), "--out", tmp.resolve("agree").toString(), "--study", study);
        assertThat(agree.status()).as(agree.err()).isZero();
        assertThat(agree.out()).contains("Computed on the frozen independent reads of study study.json (R1 and R2, 6 cases").contains("Agreement of R1, R2");
        assertThat(Files.readString(tmp.resolve("agree/agreement.md"))).contains("- Computed on the frozen independent reads of study study.json");

        CommandLineTest.Run csv = CommandLineTest.run("study", "discrepancies", "--study", study, "--csv");
        assertThat(csv.status()).as(csv.err()).isZero();
        assertThat(csv.out()).startsWith("case,finding,level,side,kind,value_R1,roi_R1,value_R2,roi_R2,difference,tolerance\n");
        assertThat(csv.out().lines().count()).isGreaterThan(1);
        CommandLineTest.Run json = CommandLineTest.run("study", "discrepancies", "--study", study, "--json");
        JsonNode d = new ObjectMapper().readTree(json.out());
        assertThat(d.get("compared").asInt()).isEqualTo(6);
        assertThat(d.get("discrepancies")).hasSize((int) csv.out().lines().count() - 1);

        CommandLineTest.Run cons = CommandLineTest.run("study", "consensus", "--study", study, "--who", "lead");
        assertThat(cons.status()).as(cons.err()).isZero();
        assertThat(cons.out()).contains("P001: consensus consensus created");
        JsonNode first = d.get("discrepancies").get(0);
        String side = first.has("side") ? first.get("side").asText() : null;
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("study", "resolve", "--study", study, "--case", first.get("caseId").asText(),
                "--finding", first.get("finding").asText(), "--level", first.get("level").asText(), "--how", "r2", "--who", "lead"));
        if (side != null) args.addAll(java.util.List.of("--side", side));
        CommandLineTest.Run res = CommandLineTest.run(args.toArray(String[]::new));
        assertThat(res.status()).as(res.err()).isZero();
        assertThat(res.out()).contains("resolved (r2)").contains("by lead");
        CommandLineTest.Run twice = CommandLineTest.run(args.toArray(String[]::new));
        assertThat(twice.status()).isEqualTo(1);
        assertThat(twice.err()).contains("resolved already");

        Path report = tmp.resolve("status.html");
        CommandLineTest.Run html = CommandLineTest.run("study", "status", "--study", study, "--report", "html", "--out", report.toString());
        assertThat(html.status()).as(html.err()).isZero();
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>").contains("Ready for consensus").contains("complete (frozen)");
        Path md = tmp.resolve("status.md");
        assertThat(CommandLineTest.run("study", "status", "--study", study, "--report", "md", "--out", md.toString()).status()).isZero();
        assertThat(Files.readString(md)).contains("| R1 | reader | 0 | 0 | 6 | 0 | 6 |");

        // a frozen read edited by hand: status says so, unlock records why
        Path f = cohort.resolve("P002/findings/R2.findings.json");
        Files.writeString(f, Files.readString(f) + " ");
        assertThat(CommandLineTest.run("study", "status", "--study", study).out()).contains("P002: R1 complete (frozen); R2 invalid (frozen): changed on disk");
        CommandLineTest.Run un = CommandLineTest.run("study", "unlock", "--study", study, "--reader", "R2", "--case", "P002", "--why", "trailing space", "--who", "lead");
        assertThat(un.status()).as(un.err()).isZero();
        assertThat(Files.readString(cohort.resolve("P002/findings/audit.log"))).contains("\"action\":\"unfreeze\"").contains("trailing space");
        CommandLineTest.Run noStudy = CommandLineTest.run("study", "status", "--study", tmp.resolve("none.json").toString());
        assertThat(noStudy.status()).isEqualTo(1);
        assertThat(noStudy.err()).contains("no such study file");
    }

    @Test
    void addingCasesKeepsTheOrders(@TempDir Path tmp) throws Exception {
        Path cohort = tmp.resolve("cohort");
        assertThat(CommandLineTest.run("generate-cohort", cohort.toString(), "--patients", "12", "--seed", "5").status()).isZero();
        String study = tmp.resolve("study.json").toString();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("study", "init", "--study", study, "--cases", cohort.toString(), "--readers", "R1,R2"));
        for (int i = 1; i <= 8; i++) args.addAll(java.util.List.of("--case", String.format("P%03d", i)));
        assertThat(CommandLineTest.run(args.toArray(String[]::new)).status()).isZero();
        String before = CommandLineTest.run("study", "worklist", "--study", study, "--reader", "R1").out();
        CommandLineTest.Run add = CommandLineTest.run("study", "add", "--study", study, "--case", "P009", "--case", "P010", "--reader", "R3", "--role", "third");
        assertThat(add.status()).as(add.err()).isZero();
        String after = CommandLineTest.run("study", "worklist", "--study", study, "--reader", "R1").out();
        assertThat(cases(after)).hasSize(10);
        assertThat(cases(after).stream().filter(cases(before)::contains).toList()).isEqualTo(cases(before));
        CommandLineTest.Run bad = CommandLineTest.run("study", "add", "--study", study, "--case", "P404");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("P404");
        CommandLineTest.Run second = CommandLineTest.run("study", "add", "--study", study, "--reader", "R4");
        assertThat(second.err()).contains("at most one consensus or third reader");
    }

    private static java.util.List<String> cases(String worklist) {
        return worklist.lines().map(l -> l.trim().split("\\s+")[1]).toList();
    }
}
