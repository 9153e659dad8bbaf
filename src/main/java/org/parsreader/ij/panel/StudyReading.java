package org.parsreader.ij.panel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.parsreader.findings.Role;
import org.parsreader.reading.ReadingSession;
import org.parsreader.reading.WorklistNavigator;
import org.parsreader.study.Consensus;
import org.parsreader.study.Study;
import org.parsreader.study.StudyException;
import org.parsreader.study.StudyFile;
import org.parsreader.util.ProgressListener;

/**
 * Read Case... with {@code study=}: the study file says the reader's role, the template and the
 * blinding. An independent reader gets the study's seeded worklist (resumed at the first case
 * not complete; Next / Previous case follow it); the consensus (or third) reader gets the next
 * case waiting for consensus (its open disagreements first, else the next ready case, whose
 * consensus read is created then), opened as a {@link ConsensusReading}. {@code case=} names one
 * case of the study instead.
 */
final class StudyReading {
    private StudyReading() {}

    private static final String C = ReadCaseCommand.COMMAND;

    static ReadCaseCommand.Request request(Path studyFile, String caseText, String worklistText, String reader, String roleText, String templateText,
                                           boolean unblinded, Path registry, Map<String, String> series, boolean panel, String who) {
        if (!worklistText.isEmpty()) throw new IllegalArgumentException(C + ": study= gives the worklist; leave out worklist=");
        Study st = open(studyFile);
        StudyFile.Reader sr;
        Role role;
        try {
            sr = st.reader(reader);
            role = st.findingsReader(reader).role();
        } catch (StudyException e) {
            throw new IllegalArgumentException(C + ": " + e.getMessage(), e);
        }
        if (!roleText.isEmpty() && !roleText.equalsIgnoreCase("auto") && Role.parse(roleText) != role) {
            throw new IllegalArgumentException(C + ": " + reader + " reads study " + studyFile.getFileName() + " as " + role.label()
                    + " (" + sr.role().label() + "); leave out role=" + roleText);
        }
        if (!templateText.isEmpty() && !templateText.equals(st.template().id())) {
            throw new IllegalArgumentException(C + ": study " + studyFile.getFileName() + " is read with template " + st.template().id() + ", not " + templateText);
        }
        boolean blindIdentity = !Boolean.FALSE.equals(st.data().blinding() == null ? null : st.data().blinding().identity());
        if (unblinded && blindIdentity) {
            throw new IllegalArgumentException(C + ": study " + studyFile.getFileName() + " is read blinded (blinding.identity); leave out unblinded");
        }
        Path caseDir = null;
        if (!caseText.isEmpty()) {
            Path p = Path.of(caseText);
            try {
                caseDir = st.caseDir(Files.isDirectory(p) ? p.toAbsolutePath().normalize().getFileName().toString() : caseText);
            } catch (StudyException e) {
                throw new IllegalArgumentException(C + ": " + e.getMessage(), e);
            }
        }
        if (caseDir == null && !series.isEmpty()) {
            throw new IllegalArgumentException(C + ": series choices (" + String.join(", ", series.keySet()) + ") apply to one case; give case= too");
        }
        return new ReadCaseCommand.Request(caseDir, null, reader, role, st.template(), !unblinded,
                registry, series, panel, studyFile, who.isEmpty() ? null : who);
    }

    static ReadCaseCommand.Opened open(ReadCaseCommand.Request r, ReadingSession.Options options, ProgressListener progress) throws IOException {
        Study st = open(r.study());
        boolean adjudicator = st.reader(r.readerId()).role() != StudyFile.Role.READER;
        try {
            if (!adjudicator) {
                if (r.caseDir() != null) return new ReadCaseCommand.Opened(ReadingSession.open(r.caseDir(), options, progress), null);
                WorklistNavigator n = WorklistNavigator.open(st.casesFolder(), st.worklist(r.readerId()), options, progress);
                return new ReadCaseCommand.Opened(n.current(), n);
            }
            Consensus consensus = new Consensus();
            Path caseDir;
            if (r.caseDir() != null) {
                caseDir = r.caseDir();
                consensus.create(st, caseDir.getFileName().toString(), r.who()); // left as it is when it exists
            } else {
                Consensus.Created next = consensus.next(st, r.who()).orElseThrow(() -> new IllegalStateException(C + ": no case of study "
                        + r.study().getFileName() + " waits for consensus (every consensus is resolved, or no case has both reads frozen: "
                        + "'study status' / Reading Study... action=status shows which)"));
                caseDir = st.caseDir(next.caseId());
            }
            ReadingSession s = ReadingSession.open(caseDir, options, progress);
            try {
                ConsensusReading.attach(s, st, r.who());
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
            return new ReadCaseCommand.Opened(s, null);
        } catch (StudyException e) {
            throw new IllegalArgumentException(C + ": " + e.getMessage(), e);
        }
    }

    private static Study open(Path studyFile) {
        try {
            return Study.open(studyFile);
        } catch (StudyException e) {
            throw new IllegalArgumentException(C + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(C + ": study file " + studyFile + ": " + e.getMessage(), e);
        }
    }
}
