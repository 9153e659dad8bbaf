package org.parsreader.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parsreader.findings.store.AuditAction;
import org.parsreader.findings.store.Autosaver;
import org.parsreader.findings.store.DamagedFindingsException;
import org.parsreader.findings.store.ReaderLockedException;
import org.parsreader.findings.store.Version;

/** The findings layer on the crash-safe store: save, reload, lock, damaged files, autosave, audit. */
class CaseFindingsTest {
    static final ReadingTemplate PARS = ReadingTemplate.builtIn("pars-injection");
    static final FindingsDocument.Reader R1 = new FindingsDocument.Reader("R1", Role.R1);

    @TempDir
    Path caseDir;

    CaseFindings open() throws Exception {
        return CaseFindings.open(caseDir, R1, PARS, "P0001", List.of("1.2.3"), "jdoe");
    }

    @Test
    void savedFindingsComeBackAndEveryChangeIsAudited() throws Exception {
        try (CaseFindings f = open()) {
            f.editor().set("pars_defect", "L5", Side.LEFT, "complete");
            assertThat(f.save("pars defect")).isPresent();
            assertThat(f.save("nothing new")).isEmpty();
            f.editor().set("hollenberg", "L5", Side.LEFT, "3");
        } // close saves the rest
        try (CaseFindings f = open()) {
            assertThat(f.editor().get("pars_defect", "L5", Side.LEFT)).contains(new Value.Choice("complete"));
            assertThat(f.editor().get("hollenberg", "L5", Side.LEFT)).contains(new Value.Choice("3"));
            assertThat(f.versions()).hasSize(2);
        }
        var audit = CaseFindings.store(caseDir).auditLog().read();
        assertThat(audit.entries()).extracting(e -> e.action()).containsExactly(AuditAction.SAVE, AuditAction.SAVE);
        assertThat(audit.entries()).extracting(e -> e.who()).containsOnly("jdoe");
    }

    @Test
    void theSameReaderCannotOpenTwiceAndOtherReadersAreIndependent() throws Exception {
        try (CaseFindings f = open()) {
            assertThatThrownBy(this::open).isInstanceOf(ReaderLockedException.class).hasMessageContaining("R1");
            try (CaseFindings r2 = CaseFindings.open(caseDir, new FindingsDocument.Reader("R2", Role.R2), PARS, "P0001", List.of(), "other")) {
                r2.editor().set("pars_defect", "L5", Side.LEFT, "incomplete");
            }
            f.editor().set("pars_defect", "L5", Side.LEFT, "complete");
        }
        assertThat(Files.readString(caseDir.resolve("findings/R2.findings.json"))).contains("incomplete");
        assertThat(Files.readString(caseDir.resolve("findings/R1.findings.json"))).contains("\"complete\"");
    }

    @Test
    void aFileDamagedByHandIsReportedKeptAndRestorable() throws Exception {
        try (CaseFindings f = open()) {
            f.editor().set("pars_defect", "L5", Side.LEFT, "complete");
        }
        Path file = caseDir.resolve("findings/R1.findings.json");
        String good = Files.readString(file);
        Files.writeString(file, good.substring(0, good.length() / 2)); // an editor crashed mid-save, by hand
        DamagedFindingsException e = org.junit.jupiter.api.Assertions.assertThrows(DamagedFindingsException.class, this::open);
        assertThat(e.getMessage()).contains("R1.findings.json");
        assertThat(e.problem()).contains("not valid JSON");
        assertThat(Files.readString(e.movedTo().orElseThrow())).isEqualTo(good.substring(0, good.length() / 2));
        Version last = e.lastGoodVersion().orElseThrow();
        CaseFindings.store(caseDir).restore("R1", last.seq(), "jdoe");
        try (CaseFindings f = open()) {
            assertThat(f.editor().get("pars_defect", "L5", Side.LEFT)).contains(new Value.Choice("complete"));
        }
    }

    @Test
    void openingWithTheWrongRoleOrPatientIsRefused() throws Exception {
        try (CaseFindings f = open()) {
            f.editor().set("pars_defect", "L5", Side.LEFT, "none");
        }
        assertThatThrownBy(() -> CaseFindings.open(caseDir, new FindingsDocument.Reader("R1", Role.CONSENSUS), PARS, "P0001", List.of(), "x"))
                .hasMessageContaining("were read as R1, not consensus");
        assertThatThrownBy(() -> CaseFindings.open(caseDir, R1, PARS, "P0002", List.of(), "x"))
                .hasMessageContaining("for patient P0001, not P0002");
        try (CaseFindings f = open()) {
            assertThat(f.editor().isDirty()).isFalse(); // a refused open left the lock free
        }
    }

    @Test
    void openingACaseFolderTakesThePseudonymFromTheRegistry(@TempDir Path cohort) throws Exception {
        Path c1 = cohort.resolve("case-001");
        org.parsreader.sample.SampleCaseGenerator.generate(c1);
        Files.delete(c1.resolve("findings/R1.findings.json"));
        Path registry = CaseFindings.defaultRegistry(c1);
        assertThat(registry).as("beside the cases folder, outside it").isEqualTo(cohort.resolveSibling(cohort.getFileName() + ".pseudonyms.csv"));
        try (CaseFindings f = CaseFindings.openCase(c1, new FindingsDocument.Reader("R2", Role.R2), PARS, registry, "jdoe")) {
            assertThat(f.editor().document().pseudonym()).isEqualTo("P0001");
            assertThat(f.editor().document().studyInstanceUids()).hasSize(2);
            f.editor().set("pars_defect", "L5", Side.RIGHT, "complete");
        }
        assertThat(Files.readString(registry)).contains("P0001,PR-SAMPLE-001");
        assertThat(Files.readString(c1.resolve("findings/R2.findings.json"))).doesNotContain("PR-SAMPLE-001");
    }

    @Test
    void autosaveSavesChangesWithoutBeingAsked() throws Exception {
        try (CaseFindings f = open()) {
            CountDownLatch saved = new CountDownLatch(1);
            f.startAutosave(0.05, new Autosaver.Listener() {
                @Override
                public void saved(long revision, Version version) {
                    saved.countDown();
                }

                @Override
                public void failed(Exception error) {
                    throw new AssertionError(error);
                }
            });
            f.editor().set("bme_isthmic", "L5", Side.LEFT, "yes");
            assertThat(saved.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(caseDir.resolve("findings/R1.findings.json"))).contains("bme_isthmic");
            assertThat(f.editor().isDirty()).isFalse();
        }
        assertThat(CaseFindings.store(caseDir).versions("R1")).hasSize(1); // closing after an autosave adds nothing
    }

    @Test
    void findingsFromANewerParsReaderAreRefusedAndLeftExactlyAsTheyAre(@TempDir Path caseDir) throws Exception {
        Path file = Files.createDirectories(caseDir.resolve("findings")).resolve("R1.findings.json");
        byte[] newer = "{\"schemaVersion\": 7, \"pseudonym\": \"P0001\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(file, newer);
        assertThatThrownBy(() -> CaseFindings.open(caseDir, R1, PARS, "P0001", List.of("1.2.3"), "test"))
                .isInstanceOf(org.parsreader.findings.store.IntegrityCheck.NotForThisVersion.class)
                .hasMessageContaining("newer Pars Reader").hasMessageContaining("Update Pars Reader");
        assertThat(Files.readAllBytes(file)).as("not moved aside, not written over").isEqualTo(newer);
        assertThat(CaseFindings.store(caseDir).damagedFiles("R1")).isEmpty();
        // and a save through another path cannot write over it either
        try (var session = CaseFindings.store(caseDir).open("R1")) {
            byte[] mine = FindingsJson.write(FindingsEditor.create(PARS, "P0001", R1, List.of("1.2.3"), java.time.Clock.systemUTC()).document());
            assertThatThrownBy(() -> session.save(mine, "test", "over a newer file")).hasMessageContaining("newer Pars Reader");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(newer);
    }
}
