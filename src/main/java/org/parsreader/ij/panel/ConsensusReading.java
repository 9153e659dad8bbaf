package org.parsreader.ij.panel;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;
import org.parsreader.reading.ReadingSession;
import org.parsreader.study.Consensus;
import org.parsreader.study.ConsensusRecord;
import org.parsreader.study.Discrepancies;
import org.parsreader.study.Study;
import org.parsreader.study.StudyException;

/**
 * A consensus read open in the reading panel (issue 14): the study and case, the two frozen
 * independent reads (their values and ROIs, shown side by side and as R1 / R2 overlays), and the
 * consensus record's open disagreements. Each resolution goes through {@link Consensus#resolve}
 * on the open session (one undoable step, saved with its audit line); the panel's undo and redo
 * of such a step keep the record in step ({@link Consensus#reopen}, resolve again). No Swing here:
 * {@link ConsensusSection} is the view, the macro action "Reading Resolve..." the other caller.
 */
public final class ConsensusReading {
    /** The readers' overlay colours, R1 then R2: orange and magenta, apart from the level (gold, light blue) and tool colours. */
    static final Color[] READER_COLOURS = {new Color(0xFF8C1A), new Color(0xFF4DFF)};
    private static final Map<ReadingSession, ConsensusReading> OPEN = Collections.synchronizedMap(new WeakHashMap<>());

    /** A resolution made in this session, by the undo step it made. */
    private record Made(String finding, String level, Side side, ConsensusRecord.How how, String value) {}

    private final Study study;
    private final String caseId;
    private final ReadingSession session;
    private final String who;
    private final List<FindingsDocument> reads;
    private final Consensus consensus = new Consensus();
    private final Map<String, Made> steps = new ConcurrentHashMap<>();
    private volatile ConsensusRecord record;
    private volatile String lastProblem;

    private ConsensusReading(Study study, String caseId, ReadingSession session, String who) throws IOException {
        this.study = study;
        this.caseId = caseId;
        this.session = session;
        this.who = who;
        this.reads = Consensus.frozenReads(study, caseId);
        this.record = Consensus.record(study, caseId);
    }

    /**
     * Makes {@code session} (the study's consensus reader on one of its cases) a consensus read:
     * the panel then shows its open disagreements. Errors name the study, case and reader.
     */
    public static ConsensusReading attach(ReadingSession session, Study study, String who) throws IOException {
        String caseId = session.caseDir().getFileName().toString();
        Path dir = study.caseDir(caseId);
        if (!Files.isSameFile(dir, session.caseDir())) throw new StudyException(session.caseDir() + " is not case " + caseId + " of study " + study.file());
        String adj = study.adjudicator().map(r -> r.id()).orElseThrow(() -> new StudyException(study.file() + ": the study names no consensus or third reader"));
        if (!adj.equals(session.reader().id())) throw new StudyException(session.reader().id() + " is not the consensus reader of study " + study.file() + " (" + adj + ")");
        ConsensusReading c = new ConsensusReading(study, caseId, session, who);
        session.addListener(c::changed);
        OPEN.put(session, c);
        return c;
    }

    /** The consensus read of {@code session}, when Read Case opened it from a study. */
    public static Optional<ConsensusReading> of(ReadingSession session) {
        return session == null ? Optional.empty() : Optional.ofNullable(OPEN.get(session));
    }

    static ConsensusReading require(ReadingSession session, String command) {
        return of(session).orElseThrow(() -> new IllegalStateException(command + ": the open case is not a consensus read of a study; open one with "
                + "run(\"Read Case...\", \"study=/data/study.json reader=consensus\")"));
    }

    public String caseId() { return caseId; }

    public Study study() { return study; }

    /** The reader ids of the two independent reads, R1 then R2. */
    public List<String> readerIds() {
        return reads.stream().map(d -> d.reader().id()).toList();
    }

    List<FindingsDocument> reads() { return reads; }

    /** The disagreements still open, in the template's order of findings and levels. */
    public List<Discrepancies.Discrepancy> open() {
        ReadingTemplate t = study.template();
        List<String> findings = t.findings().stream().map(ReadingTemplate.FindingType::id).toList();
        List<String> levels = t.allLevels();
        List<Discrepancies.Discrepancy> out = new ArrayList<>(record.open());
        out.sort(Comparator.comparingInt((Discrepancies.Discrepancy d) -> findings.indexOf(d.finding()))
                .thenComparingInt(d -> levels.indexOf(d.level())).thenComparingInt(d -> d.side() == null ? -1 : d.side().ordinal()));
        return out;
    }

    public List<ConsensusRecord.Resolution> resolutions() { return record.resolutions(); }

    /** What went wrong keeping the record in step with an undo or redo, if anything (shown by the panel). */
    public Optional<String> lastProblem() { return Optional.ofNullable(lastProblem); }

    /** The ROIs reader {@code i} (0: R1, 1: R2) drew for the open disagreements: what the viewers draw in that reader's colour. */
    List<FindingsDocument.Roi> openRois(int i) {
        List<Discrepancies.Discrepancy> open = record.open();
        List<FindingsDocument.Roi> out = new ArrayList<>();
        for (FindingsDocument.Roi r : reads.get(i).rois()) {
            if (open.stream().anyMatch(d -> d.finding().equals(r.finding()) && d.level().equals(r.level()) && d.side() == r.side()
                    || d.values().get(i).roi() != null && d.values().get(i).roi().equals(r.id()))) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Resolves an open disagreement in the open consensus read: one undoable step, saved with the
     * audit line "resolved PLACE: HOW = VALUE by WHO", and recorded in the consensus record.
     *
     * @param value the value for agreed, new and third; null for r1 and r2
     * @return the message for the status line
     */
    public String resolve(String finding, String level, Side side, ConsensusRecord.How how, String value) throws IOException {
        String place = finding + " " + level + (side == null ? "" : " " + side.label());
        String step = "resolve " + place + " (" + how.label() + (value == null ? "" : " " + value) + ")";
        ConsensusRecord.Resolution r;
        synchronized (this) {
            r = consensus.resolve(study, caseId, finding, level, side, how, value, who, new Consensus.Target() {
                @Override
                public Value apply(String f, String l, Side s, String text) {
                    return session.change("resolve", e -> {
                        if (text == null) e.clear(f, l, s);
                        else e.set(f, l, s, text);
                        return e.get(f, l, s).orElse(null);
                    }, v -> step);
                }

                @Override
                public boolean save(String what) throws IOException {
                    return session.save(what).isPresent();
                }
            });
            steps.put(step, new Made(finding, level, side, how, value));
            record = Consensus.record(study, caseId);
        }
        session.announce("consensus", place + " resolved");
        return place + " resolved (" + r.how() + ") = " + (r.value() == null ? "(none)" : r.value().text()) + " by " + r.by()
                + "; " + record.open().size() + " open";
    }

    /** Undo and redo of a resolution step: the record follows the read. */
    private void changed(ReadingSession.Change c) {
        boolean undo = "undo".equals(c.kind()), redo = "redo".equals(c.kind());
        if (!undo && !redo) return;
        String step = c.description().substring(c.description().indexOf(": ") + 2);
        Made m = steps.get(step);
        if (m == null) return;
        Consensus.Target current = new Consensus.Target() {
            @Override
            public Value apply(String f, String l, Side s, String text) {
                return session.editor().get(f, l, s).orElse(null); // the undo or redo has set it already
            }

            @Override
            public boolean save(String what) throws IOException {
                return session.save(what).isPresent();
            }
        };
        try {
            synchronized (this) {
                if (undo) consensus.reopen(study, caseId, m.finding(), m.level(), m.side(), who, current);
                else consensus.resolve(study, caseId, m.finding(), m.level(), m.side(), m.how(), m.value(), who, current);
                record = Consensus.record(study, caseId);
                lastProblem = null;
            }
        } catch (IOException | RuntimeException e) {
            lastProblem = "the consensus record did not follow the " + c.kind() + ": " + e.getMessage();
        }
        session.announce("consensus", lastProblem != null ? lastProblem : (undo ? "reopened " : "resolved again ") + step.substring("resolve ".length()));
    }
}
