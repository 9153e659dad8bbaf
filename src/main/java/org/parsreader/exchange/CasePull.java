package org.parsreader.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.parsreader.pacs.DicomWebClient;
import org.parsreader.pacs.DimseClient;
import org.parsreader.pacs.PacsException;
import org.parsreader.pacs.PacsServer;
import org.parsreader.pacs.StudyCache;
import org.parsreader.pacs.StudyHit;
import org.parsreader.pacs.StudyQuery;

/**
 * A study from a PACS into a case folder: CASES/CASE/STUDYUID/ through the package's atomic
 * {@link StudyCache} (a broken transfer leaves nothing that looks complete), so the case's
 * findings/ beside it are never touched by a second retrieve of the same study.
 */
public final class CasePull {
    private CasePull() {}

    /** A case folder name: letters, digits, '.', '_' and '-', not starting with '.'. */
    public static boolean validCaseName(String s) {
        return s != null && s.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
    }

    /** The case folder name for a study: its accession number when usable as a folder name, else its study UID. */
    public static String caseName(StudyHit h) {
        return validCaseName(h.accession()) ? h.accession() : h.studyUid();
    }

    public static List<StudyHit> query(PacsServer s, StudyCache.Protocol p, StudyQuery q) {
        return p == StudyCache.Protocol.DICOMWEB ? new DicomWebClient(s).query(q) : new DimseClient(s).query(q);
    }

    /** The one study with this accession number; an error naming server and accession when there is none or more than one. */
    public static StudyHit byAccession(PacsServer s, StudyCache.Protocol p, String accession) {
        List<StudyHit> hits = query(s, p, new StudyQuery(null, accession, null, null, null, null));
        // a server may match the key loosely (wildcards, case): keep exact matches
        List<StudyHit> exact = hits.stream().filter(h -> accession.equals(h.accession())).toList();
        if (exact.isEmpty()) throw new PacsException("accession " + accession + ": no study on " + s.describe());
        if (exact.size() > 1) throw new PacsException("accession " + accession + ": " + exact.size() + " studies on " + s.describe() + " ("
                + String.join(", ", exact.stream().map(StudyHit::studyUid).toList()) + "); give the study UID");
        return exact.get(0);
    }

    /** Retrieves the study into CASES/CASE/STUDYUID/ and returns the case folder CASES/CASE. */
    public static Path pull(PacsServer s, StudyCache.Protocol p, String studyUid, Path cases, String caseName) throws IOException {
        if (!validCaseName(caseName)) throw new IllegalArgumentException("case name '" + caseName + "' is not a usable folder name (letters, digits, . _ -)");
        Path caseDir = cases.resolve(caseName);
        new StudyCache(caseDir).retrieve(s, studyUid, p);
        return caseDir;
    }
}
