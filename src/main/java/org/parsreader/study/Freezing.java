package org.parsreader.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.store.FindingsStore;
import org.parsreader.findings.store.FreezeRecord;
import org.parsreader.findings.store.ReaderLockedException;

/** Freezing the independent reads of a study (on completion, or when the consensus starts) and unlocking one with a reason. */
public final class Freezing {
    private Freezing() {}

    /** What start-consensus did for one case: frozen, or skipped and why. */
    public record Outcome(String caseId, boolean frozen, String note) {}

    /**
     * A reader marks a case complete: the read must be complete (valid, required findings
     * present) and is then frozen. Fails when the reader still has it open elsewhere.
     */
    public static FreezeRecord complete(Study study, String readerId, String caseId, String who) throws IOException {
        Path c = study.caseDir(caseId);
        if (study.reader(readerId).role() != StudyFile.Role.READER) {
            throw new StudyException(readerId + " is the study's " + study.reader(readerId).role().label() + " reader; only independent reads are marked complete");
        }
        StudyStatus.Cell cell = StudyStatus.cell(study, c, readerId);
        if (cell.state() != StudyStatus.State.COMPLETE) {
            throw new StudyException(caseId + ": " + readerId + "'s read is " + cell.state().label()
                    + (cell.problem() == null ? "" : " (" + cell.problem() + ")") + "; only a complete read can be marked complete");
        }
        return freeze(CaseFindings.store(c), readerId, caseId, who, "marked complete");
    }

    /** The lead starts the consensus of the given cases (all when empty): the reads of every ready case are frozen; others are skipped, with why. */
    public static List<Outcome> startConsensus(Study study, List<String> caseIds, String who) throws IOException {
        List<Path> cases = caseIds.isEmpty() ? study.cases() : caseIds.stream().map(study::caseDir).toList();
        List<Outcome> out = new ArrayList<>();
        for (Path c : cases) {
            String id = c.getFileName().toString();
            List<String> notReady = new ArrayList<>();
            for (StudyFile.Reader r : study.independentReaders()) {
                StudyStatus.Cell cell = StudyStatus.cell(study, c, r.id());
                if (cell.state() != StudyStatus.State.COMPLETE) {
                    notReady.add(r.id() + " " + cell.state().label() + (cell.problem() == null ? "" : " (" + cell.problem() + ")"));
                }
            }
            if (!notReady.isEmpty()) {
                out.add(new Outcome(id, false, "not ready: " + String.join("; ", notReady)));
                continue;
            }
            try {
                for (StudyFile.Reader r : study.independentReaders()) freeze(CaseFindings.store(c), r.id(), id, who, "consensus started by " + who);
                out.add(new Outcome(id, true, "reads frozen"));
            } catch (StudyException e) {
                out.add(new Outcome(id, false, e.getMessage()));
            }
        }
        return out;
    }

    /** Lifts the freeze of one read; the audit log records who, when and why. */
    public static FreezeRecord unlock(Study study, String readerId, String caseId, String who, String why) throws IOException {
        Path c = study.caseDir(caseId);
        study.reader(readerId);
        try {
            return CaseFindings.store(c).unfreeze(readerId, who, why);
        } catch (ReaderLockedException e) {
            throw new StudyException(caseId + ": " + readerId + "'s read is open elsewhere; " + e.reason(), e);
        }
    }

    /**
     * Checks that every independent read present in the study is frozen and unchanged since (its
     * checksum), so statistics over them are over the frozen independent reads, and says so.
     *
     * @return the note for an agreement report
     * @throws StudyException listing the reads that are not frozen or were changed
     */
    public static String frozenReadsNote(Study study) throws IOException {
        List<String> problems = new ArrayList<>();
        int cases = 0;
        for (Path c : study.cases()) {
            boolean all = true;
            for (StudyFile.Reader r : study.independentReaders()) {
                StudyStatus.Cell cell = StudyStatus.cell(study, c, r.id());
                if (cell.state() == StudyStatus.State.NOT_STARTED) {
                    all = false;
                } else if (!cell.isFrozen() || cell.state() == StudyStatus.State.INVALID) {
                    all = false;
                    problems.add(cell.caseId() + " " + r.id() + ": " + (cell.isFrozen() ? cell.problem() : "not frozen (" + cell.state().label() + ")"));
                }
            }
            if (all) cases++;
        }
        if (!problems.isEmpty()) {
            throw new StudyException("agreement with --study is computed on frozen independent reads only; " + problems.size() + " read"
                    + (problems.size() == 1 ? " is" : "s are") + " not frozen or changed since: " + String.join("; ", problems.subList(0, Math.min(10, problems.size())))
                    + (problems.size() > 10 ? " ..." : "") + " (study start-consensus freezes complete reads)");
        }
        List<String> ids = study.independentReaders().stream().map(StudyFile.Reader::id).toList();
        return "Computed on the frozen independent reads of study " + study.file().getFileName() + " (" + String.join(" and ", ids) + ", "
                + cases + " cases with both reads frozen; checksums verified against the freeze records).";
    }

    private static FreezeRecord freeze(FindingsStore store, String readerId, String caseId, String who, String why) throws IOException {
        try {
            return store.freeze(readerId, who, why);
        } catch (ReaderLockedException e) {
            throw new StudyException(caseId + ": " + readerId + "'s read is open elsewhere, so it was not frozen; " + e.reason(), e);
        }
    }
}
