package org.parsreader.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;

/** The independent reads of a case, read strictly from disk, each checked (complete, valid, and frozen where asked). */
final class Reads {
    private Reads() {}

    /**
     * The reads of the study's two independent readers, in order.
     *
     * @param frozen each must be frozen (and unchanged since)
     * @throws StudyException naming the case, the reader and what is missing
     */
    static List<FindingsDocument> independent(Study study, Path caseDir, boolean frozen) throws IOException {
        List<FindingsDocument> out = new ArrayList<>();
        String id = caseDir.getFileName().toString();
        List<StudyStatus.Cell> cells = new ArrayList<>();
        for (StudyFile.Reader r : study.independentReaders()) {
            StudyStatus.Cell c = StudyStatus.cell(study, caseDir, r.id());
            if (c.state() != StudyStatus.State.COMPLETE) {
                throw new StudyException(id + ": " + r.id() + "'s read is " + c.state().label() + (c.problem() == null ? "" : " (" + c.problem() + ")"));
            }
            cells.add(c);
        }
        for (StudyFile.Reader r : study.independentReaders()) {
            StudyStatus.Cell c = cells.get(study.independentReaders().indexOf(r));
            if (frozen && !c.isFrozen()) {
                throw new StudyException(id + ": " + r.id() + "'s read is not frozen yet; the reads are compared once both are frozen"
                        + " (blinding.otherReaders): the reader marks it complete ('study complete') or the lead runs 'study start-consensus'");
            }
            Path f = CaseFindings.store(caseDir).file(r.id());
            out.add(FindingsJson.read(Files.readAllBytes(f), f.toString(), r.id()));
        }
        return out;
    }
}
