package org.parsreader.study;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsException;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.findings.store.AuditEntry;
import org.parsreader.findings.store.FindingsStore;
import org.parsreader.findings.store.ReaderLockedException;

/**
 * The consensus read of a case: created from the two frozen independent reads, pre-filled with
 * the values they agree on; each open disagreement is then resolved (agreed value, reader 1's,
 * reader 2's, a new value, or the third reader's), and every resolution is saved into the
 * consensus read (audited) and recorded with how and by whom in its {@link ConsensusRecord}.
 * The consensus read is locked while it is changed, so two people cannot change it at once.
 */
public final class Consensus {
    private final Clock clock;

    public Consensus(Clock clock) {
        this.clock = clock;
    }

    public Consensus() {
        this(Clock.systemUTC());
    }

    /** The consensus of one case after {@link #create}: its record, and whether it was made now or existed already. */
    public record Created(String caseId, ConsensusRecord record, boolean createdNow) {}

    /**
     * Creates the consensus read of {@code caseId}. An existing one is left as it is and returned.
     *
     * @throws StudyException when the study has no consensus or third reader, the independent reads are not both frozen and
     *                        complete, or someone has the consensus open
     */
    public Created create(Study study, String caseId, String who) throws IOException {
        Path c = study.caseDir(caseId);
        StudyFile.Reader adj = study.adjudicator().orElseThrow(() -> new StudyException(study.file()
                + ": the study names no consensus or third reader (add one with role consensus or third)"));
        Optional<ConsensusRecord> existing = ConsensusRecord.read(c, adj.id());
        if (existing.isPresent()) return new Created(caseId, existing.get(), false);
        List<FindingsDocument> reads;
        try {
            reads = Reads.independent(study, c, true);
        } catch (StudyException e) {
            throw new StudyException(e.getMessage().replace("the reads are compared once both are frozen (blinding.otherReaders)",
                    "the consensus starts from frozen reads"), e);
        }
        Discrepancies.Comparison cmp = Discrepancies.compare(study, caseId, reads.get(0), reads.get(1));
        FindingsDocument r1 = reads.get(0);
        try (CaseFindings f = openConsensus(study, c, caseId, adj, r1, who)) {
            if (!f.editor().document().values().isEmpty()) {
                throw new StudyException(caseId + ": " + adj.id() + " already has findings here but no consensus record ("
                        + ConsensusRecord.file(c, adj.id()) + "); nothing was changed");
            }
            for (ConsensusRecord.Agreed a : cmp.agreed()) f.editor().set(a.finding(), a.level(), a.side(), a.value().text());
            // the readers' vertebral level marks (R1's, then R2's where R1 marked none in that frame): navigation, not findings,
            // so the consensus reader can go to a level and pars at once
            java.util.Set<String> marked = new java.util.HashSet<>();
            for (FindingsDocument d : reads) {
                for (FindingsDocument.LevelMark m : d.levelMarks()) {
                    if (marked.add(m.level() + "\u0000" + m.frameOfReferenceUid())) {
                        f.editor().markLevel(m.level(), m.frameOfReferenceUid(), m.seriesInstanceUid(), m.point());
                    }
                }
            }
            f.save("consensus created by " + who + ": " + cmp.agreed().size() + " agreed values, " + cmp.open().size() + " open disagreements");
            FindingsStore store = CaseFindings.store(c);
            List<ConsensusRecord.ReadRef> refs = new ArrayList<>();
            for (FindingsDocument d : reads) {
                refs.add(new ConsensusRecord.ReadRef(d.reader().id(), d.reader().role().label(), store.freezeRecord(d.reader().id())
                        .map(x -> x.sha256()).orElse(AuditEntry.sha256(new byte[0]))));
            }
            ConsensusRecord rec = new ConsensusRecord(ConsensusRecord.SCHEMA_VERSION, caseId, adj.id(), who, clock.instant(), refs,
                    cmp.agreed(), cmp.open(), List.of());
            rec.write(c);
            return new Created(caseId, rec, true);
        }
    }

    /** Creates the consensus of every case whose reads are frozen and complete; the others are named with why. */
    public List<Object> createAll(Study study, String who) throws IOException {
        List<Object> out = new ArrayList<>();
        for (Path c : study.cases()) {
            String id = c.getFileName().toString();
            try {
                out.add(create(study, id, who));
            } catch (StudyException e) {
                out.add(new Discrepancies.Skipped(id, e.getMessage()));
            }
        }
        return out;
    }

    /**
     * Resolves one open disagreement: sets (or clears) the consensus value, saves it (audited as
     * "resolved ... by WHO"), and moves it from open to resolved in the consensus record.
     *
     * @param valueText the value for agreed, new and third; ignored (must be absent) for r1 and r2
     */
    public ConsensusRecord.Resolution resolve(Study study, String caseId, String finding, String level, Side side,
                                              ConsensusRecord.How how, String valueText, String who) throws IOException {
        Path c = study.caseDir(caseId);
        StudyFile.Reader adj = adjudicator(study);
        check(study, caseId, finding, level, side, how, valueText);
        try (CaseFindings f = openConsensus(study, c, caseId, adj, null, who)) {
            return resolve(study, caseId, finding, level, side, how, valueText, who, new Target() {
                @Override
                public Value apply(String fi, String le, Side si, String text) {
                    if (text == null) f.editor().clear(fi, le, si);
                    else f.editor().set(fi, le, si, text);
                    return f.editor().get(fi, le, si).orElse(null);
                }

                @Override
                public boolean save(String what) throws IOException {
                    return f.save(what).isPresent();
                }
            });
        }
    }

    /**
     * The consensus read as its resolutions are written: open already (the reading panel holds
     * it locked), so that {@link #resolve(Study, String, String, String, Side, ConsensusRecord.How, String, String, Target)}
     * neither opens it again nor duplicates what a resolution is.
     */
    public interface Target {
        /** Sets ({@code text} not null) or clears the value at the place; returns the value the read now holds (null: none). */
        Value apply(String finding, String level, Side side, String text);

        /** Saves the read with {@code what} as its audit text; false when there was nothing new to save. */
        boolean save(String what) throws IOException;
    }

    /**
     * Resolves one open disagreement on a consensus read that is already open ({@code target}):
     * the same checks, value, audit line and record as the command line's resolve.
     */
    public ConsensusRecord.Resolution resolve(Study study, String caseId, String finding, String level, Side side,
                                              ConsensusRecord.How how, String valueText, String who, Target target) throws IOException {
        Path c = study.caseDir(caseId);
        StudyFile.Reader adj = adjudicator(study);
        ConsensusRecord rec = record(study, caseId);
        Discrepancies.Discrepancy d = check(study, caseId, finding, level, side, how, valueText);
        boolean needsValue = valueText != null;
        Value chosen = switch (how) {
            case R1 -> d.values().get(0).value();
            case R2 -> d.values().get(1).value();
            default -> null;
        };
        try {
            chosen = target.apply(finding, level, side, needsValue ? valueText : chosen == null ? null : chosen.text());
        } catch (FindingsException e) {
            throw new StudyException(caseId + ": " + d.place() + ": " + e.getMessage(), e);
        }
        String what = "resolved " + d.place() + ": " + how.label() + " = " + (chosen == null ? "(none)" : chosen.text()) + " by " + who;
        if (!target.save(what)) auditOnly(c, adj, who, what); // the consensus held this already: no save, but the resolution still gets its audit line
        ConsensusRecord.Resolution res = new ConsensusRecord.Resolution(finding, level, side, how.label(), chosen, who, clock.instant(), d.values());
        rec.resolved(d, res).write(c);
        return res;
    }

    /**
     * Takes a resolution back (the reading panel's undo): the disagreement is open again in the
     * record, as the frozen reads give it, and the consensus read, already changed back by the
     * caller, is saved through {@code target} with the audit text "reopened PLACE ... by WHO".
     */
    public Discrepancies.Discrepancy reopen(Study study, String caseId, String finding, String level, Side side, String who, Target target)
            throws IOException {
        Path c = study.caseDir(caseId);
        StudyFile.Reader adj = adjudicator(study);
        ConsensusRecord rec = record(study, caseId);
        ConsensusRecord.Resolution r = null;
        for (ConsensusRecord.Resolution x : rec.resolutions()) {
            if (x.finding().equals(finding) && x.level().equals(level) && x.side() == side) r = x;
        }
        String place = finding + " " + level + (side == null ? "" : " " + side.label());
        if (r == null) throw new StudyException(caseId + ": " + place + " has no resolution to take back");
        List<FindingsDocument> reads = Reads.independent(study, c, true);
        Discrepancies.Discrepancy d = Discrepancies.compare(study, caseId, reads.get(0), reads.get(1)).open().stream()
                .filter(x -> x.at(finding, level, side)).findFirst()
                .orElseThrow(() -> new StudyException(caseId + ": " + place + " is no disagreement of the frozen reads"));
        String what = "reopened " + place + ": the resolution (" + r.how() + " by " + r.by() + ") taken back by " + who;
        if (!target.save(what)) auditOnly(c, adj, who, what);
        rec.reopened(r, d).write(c);
        return d;
    }

    /**
     * The case the consensus reader goes to next, in the study's case order: the first whose
     * consensus has open disagreements, else the first ready case without a consensus yet
     * (created now); empty when none waits.
     */
    public Optional<Created> next(Study study, String who) throws IOException {
        StudyFile.Reader adj = adjudicator(study);
        List<String> fresh = new ArrayList<>();
        for (Path c : study.cases()) {
            Optional<ConsensusRecord> r = ConsensusRecord.read(c, adj.id());
            if (r.isPresent() && !r.get().open().isEmpty()) return Optional.of(new Created(c.getFileName().toString(), r.get(), false));
            if (r.isEmpty()) fresh.add(c.getFileName().toString());
        }
        for (String id : fresh) {
            try {
                return Optional.of(create(study, id, who));
            } catch (StudyException notReady) {
                // not frozen or not complete yet: the next one
            }
        }
        return Optional.empty();
    }

    /** The two frozen independent reads a case's consensus is made from (R1, R2), for showing their values and ROIs. */
    public static List<FindingsDocument> frozenReads(Study study, String caseId) throws IOException {
        return Reads.independent(study, study.caseDir(caseId), true);
    }

    /** The consensus record of a case; none yet is an error saying how to create it. */
    public static ConsensusRecord record(Study study, String caseId) throws IOException {
        return ConsensusRecord.read(study.caseDir(caseId), adjudicator(study).id()).orElseThrow(() -> new StudyException(caseId
                + ": no consensus yet; create it with 'study consensus --case " + caseId + "'"));
    }

    private static StudyFile.Reader adjudicator(Study study) {
        return study.adjudicator().orElseThrow(() -> new StudyException(study.file() + ": the study names no consensus or third reader"));
    }

    /** The open disagreement at the place, after checking {@code how} and the value it needs; errors name the case and place. */
    private static Discrepancies.Discrepancy check(Study study, String caseId, String finding, String level, Side side,
                                                   ConsensusRecord.How how, String valueText) throws IOException {
        ConsensusRecord rec = record(study, caseId);
        Discrepancies.Discrepancy d = rec.open().stream().filter(x -> x.at(finding, level, side)).findFirst().orElseThrow(() -> {
            String place = finding + " " + level + (side == null ? "" : " " + side.label());
            boolean done = rec.resolutions().stream().anyMatch(r -> r.finding().equals(finding) && r.level().equals(level) && r.side() == side);
            return new StudyException(caseId + ": " + place + (done ? " is resolved already" : " is not an open disagreement")
                    + "; open: " + (rec.open().isEmpty() ? "none" : String.join(", ", rec.open().stream().map(Discrepancies.Discrepancy::place).toList())));
        });
        boolean needsValue = how == ConsensusRecord.How.AGREED || how == ConsensusRecord.How.NEW || how == ConsensusRecord.How.THIRD;
        if (needsValue && (valueText == null || valueText.isBlank())) throw new StudyException("--how " + how.label() + " needs --value V");
        if (!needsValue && valueText != null) throw new StudyException("--how " + how.label() + " takes that reader's value; leave out --value");
        return d;
    }

    private void auditOnly(Path c, StudyFile.Reader adj, String who, String what) throws IOException {
        FindingsStore store = CaseFindings.store(c);
        store.auditLog().append(AuditEntry.of(clock.instant(), adj.id(), who,
                org.parsreader.findings.store.AuditAction.SAVE, what, store.read(adj.id()).orElse(new byte[0])));
    }

    /** Opens (locks) the consensus read; someone else having it open is a clear error, nothing changed. */
    private static CaseFindings openConsensus(Study study, Path c, String caseId, StudyFile.Reader adj, FindingsDocument from, String who)
            throws IOException {
        FindingsDocument.Reader reader = study.findingsReader(adj.id());
        try {
            if (from != null) {
                return CaseFindings.open(c, reader, study.template(), from.pseudonym(), from.studyInstanceUids(), who);
            }
            FindingsDocument existing = org.parsreader.findings.FindingsJson.read(CaseFindings.store(c).read(adj.id()).orElseThrow(() ->
                    new StudyException(caseId + ": the consensus read of " + adj.id() + " is missing though its record exists")), adj.id() + ".findings.json");
            return CaseFindings.open(c, reader, study.template(), existing.pseudonym(), existing.studyInstanceUids(), who);
        } catch (ReaderLockedException e) {
            throw new StudyException(caseId + ": the consensus (" + adj.id() + ") is open by someone else; " + e.reason(), e);
        }
    }
}
