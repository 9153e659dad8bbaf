package org.parsreader.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.parsreader.dicom.sr.DicomExport;
import org.parsreader.findings.CaseFindings;
import org.parsreader.pacs.DicomWebClient;
import org.parsreader.pacs.DimseClient;
import org.parsreader.pacs.PacsServer;
import org.parsreader.pacs.StudyCache;

/**
 * A case's results to a PACS: each reader's findings as SR + SEG with the chosen identity,
 * written to a temporary folder outside the case (an SR with a pseudonym must not land among the
 * case's images), stored with STOW-RS or C-STORE, then deleted.
 */
public final class ResultsPush {
    private ResultsPush() {}

    /** What went to the server for one reader. */
    public record Pushed(String reader, int instances, String identity) {}

    /** The readers with findings in the case, sorted. */
    public static List<String> readers(Path caseDir) throws IOException {
        return CaseFindings.store(caseDir).readers().stream().sorted().toList();
    }

    /** Exports and stores the given readers' results (all readers with findings when null). */
    public static List<Pushed> push(PacsServer s, StudyCache.Protocol p, Path caseDir, List<String> readers, ResultsExport.Choice c) throws IOException {
        List<String> who = readers != null ? readers : readers(caseDir);
        if (who.isEmpty()) throw new IllegalArgumentException(caseDir + " has no findings to send (findings/*.findings.json)");
        List<Pushed> out = new ArrayList<>();
        Path tmp = Files.createTempDirectory("pars-reader-send-");
        try {
            for (String r : who) {
                Path dir = Files.createDirectories(tmp.resolve(r));
                DicomExport.Result x = ResultsExport.export(caseDir, r, null, c, dir);
                List<Path> files = new ArrayList<>(x.segs());
                files.add(x.sr());
                int n = p == StudyCache.Protocol.DICOMWEB ? new DicomWebClient(s).store(files) : new DimseClient(s).store(files);
                out.add(new Pushed(r, n, c.identity().label()));
            }
        } finally {
            try (Stream<Path> w = Files.walk(tmp)) {
                w.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return out;
    }
}
