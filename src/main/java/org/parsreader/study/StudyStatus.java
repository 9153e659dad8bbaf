package org.parsreader.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsException;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.FindingsValidator;
import org.parsreader.findings.store.FindingsStore;
import org.parsreader.findings.store.FindingsStoreException;
import org.parsreader.findings.store.FreezeRecord;

/**
 * Where a study stands: per reader and case, not started / in progress / complete / invalid (with
 * the problem), whether the read is frozen, totals per reader, and the cases ready for consensus.
 * Only reads files: nothing is moved, repaired or locked (a damaged file is reported, not set aside).
 */
public final class StudyStatus {
    /** A read's state. */
    public enum State {
        NOT_STARTED("not started"), IN_PROGRESS("in progress"), COMPLETE("complete"), INVALID("invalid");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() { return label; }
    }

    /**
     * One reader's read of one case.
     *
     * @param problem why it is invalid (the first validation problem, the damage, a hand edit of a frozen read), else null
     * @param frozen  the freeze in force, or null
     */
    public record Cell(String caseId, String reader, State state, int values, String problem, FreezeRecord frozen) {
        public boolean isFrozen() { return frozen != null; }
    }

    /** Per case: the reads of the independent readers and of the adjudicator, and the consensus state. */
    public record CaseRow(String caseId, List<Cell> reads, Cell consensus, boolean readyForConsensus, String consensusState) {}

    public record Totals(String reader, int notStarted, int inProgress, int complete, int invalid, int frozen) {}

    private final Study study;
    private final List<CaseRow> rows;

    private StudyStatus(Study study, List<CaseRow> rows) {
        this.study = study;
        this.rows = rows;
    }

    public static StudyStatus of(Study study) throws IOException {
        List<CaseRow> rows = new ArrayList<>();
        for (Path c : study.cases()) {
            String id = c.getFileName().toString();
            List<Cell> reads = new ArrayList<>();
            boolean ready = true;
            for (StudyFile.Reader r : study.independentReaders()) {
                Cell cell = cell(study, c, r.id());
                reads.add(cell);
                ready &= cell.state() == State.COMPLETE;
            }
            Cell consensus = study.adjudicator().map(a -> {
                try {
                    return cell(study, c, a.id());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).orElse(null);
            rows.add(new CaseRow(id, reads, consensus, ready, consensusState(study, c, consensus)));
        }
        return new StudyStatus(study, rows);
    }

    private static String consensusState(Study study, Path caseDir, Cell consensus) throws IOException {
        if (consensus == null || consensus.state() == State.NOT_STARTED) return "not started";
        if (consensus.state() == State.INVALID) return "invalid";
        Optional<ConsensusRecord> rec = ConsensusRecord.read(caseDir, consensus.reader());
        if (rec.isEmpty()) return "in progress (no consensus record)";
        int open = rec.get().open().size();
        return open == 0 ? "resolved" : open + " open";
    }

    /** The state of one read, from its file as it is on disk (checked against the freeze, the strict reader and the template). */
    static Cell cell(Study study, Path caseDir, String readerId) throws IOException {
        FindingsStore store = CaseFindings.store(caseDir);
        String caseId = caseDir.getFileName().toString();
        FreezeRecord frozen;
        try {
            frozen = store.freezeRecord(readerId).orElse(null);
        } catch (FindingsStoreException e) {
            return new Cell(caseId, readerId, State.INVALID, 0, e.getMessage(), null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(store.file(readerId));
        } catch (NoSuchFileException e) {
            if (frozen != null) return new Cell(caseId, readerId, State.INVALID, 0, "the frozen read's file is gone (deleted by hand?)", frozen);
            return new Cell(caseId, readerId, State.NOT_STARTED, 0, null, null);
        }
        if (frozen != null && !frozen.matches(bytes)) {
            return new Cell(caseId, readerId, State.INVALID, 0, "changed on disk after it was " + frozen.describe()
                    + "; restore the frozen version or unlock it with a reason", frozen);
        }
        FindingsDocument d;
        try {
            d = FindingsJson.read(bytes, store.file(readerId).toString(), readerId);
        } catch (FindingsException e) {
            return new Cell(caseId, readerId, State.INVALID, 0, e.getMessage(), frozen);
        }
        FindingsDocument.Reader expected = study.findingsReader(readerId);
        if (d.reader().role() != expected.role()) {
            return new Cell(caseId, readerId, State.INVALID, d.values().size(), "read as " + d.reader().role().label() + ", but the study reads "
                    + readerId + " as " + expected.role().label(), frozen);
        }
        List<FindingsValidator.Problem> p = FindingsValidator.validate(d, study.template());
        if (!p.isEmpty()) {
            return new Cell(caseId, readerId, State.INVALID, d.values().size(), p.get(0) + (p.size() > 1 ? " (and " + (p.size() - 1) + " more)" : ""), frozen);
        }
        boolean complete = !d.values().isEmpty()
                && study.template().requiredFindings().stream().allMatch(r -> d.values().stream().anyMatch(v -> v.finding().equals(r)));
        return new Cell(caseId, readerId, complete ? State.COMPLETE : State.IN_PROGRESS, d.values().size(), null, frozen);
    }

    public Study study() { return study; }

    public List<CaseRow> rows() { return rows; }

    /** Cases whose independent reads are all complete. */
    public List<String> readyForConsensus() {
        return rows.stream().filter(CaseRow::readyForConsensus).map(CaseRow::caseId).toList();
    }

    /** Totals per study reader (independent readers, then the adjudicator). */
    public List<Totals> totals() {
        Map<String, int[]> t = new LinkedHashMap<>();
        for (StudyFile.Reader r : study.data().readers()) t.put(r.id(), new int[5]);
        for (CaseRow row : rows) {
            List<Cell> all = new ArrayList<>(row.reads());
            if (row.consensus() != null) all.add(row.consensus());
            for (Cell c : all) {
                int[] n = t.get(c.reader());
                n[c.state().ordinal()]++;
                if (c.isFrozen()) n[4]++;
            }
        }
        List<Totals> out = new ArrayList<>();
        t.forEach((r, n) -> out.add(new Totals(r, n[0], n[1], n[2], n[3], n[4])));
        return out;
    }
}
