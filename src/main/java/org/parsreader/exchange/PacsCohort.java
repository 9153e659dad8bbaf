package org.parsreader.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.parsreader.batch.BatchRunner;
import org.parsreader.batch.Manifest;
import org.parsreader.batch.Shard;
import org.parsreader.batch.Step;
import org.parsreader.pacs.PacsServer;
import org.parsreader.pacs.StudyCache;
import org.parsreader.pacs.StudyHit;
import org.parsreader.util.ProgressListener;

/**
 * A cohort from a PACS: the studies of a list of accession numbers pulled into case folders
 * (COHORT/CASE/STUDYUID/), the batch run over the cohort, and each listed case's results (every
 * reader's SR + SEG) pushed back. Each case that fails (no such accession, transfer cut, batch
 * failure, store refused) is named with its reason; the others go on.
 *
 * <p>The list: one accession number per line, or {@code case,accession} to gather several studies
 * of one patient in one case folder; blank lines and lines starting with # are skipped.
 */
public final class PacsCohort {
    private PacsCohort() {}

    /** One line of the list. */
    public record Entry(String caseName, String accession, int line) {}

    /** What to do: push null = only pull and run; choice null = the identity the server is marked for, dates removed. */
    public record Options(PacsServer server, StudyCache.Protocol protocol, Path list, Path cohort, Path out, Set<Step> steps, int jobs, boolean push,
                          ResultsExport.Choice choice) {}

    /** One case's outcome: failure null when everything asked went through. */
    public record CaseResult(String caseName, List<String> accessions, List<String> studies, String failure, List<ResultsPush.Pushed> pushed, String note) {
        public boolean ok() {
            return failure == null;
        }
    }

    public record Report(List<CaseResult> cases, Manifest manifest) {
        public List<CaseResult> failed() {
            return cases.stream().filter(c -> !c.ok()).toList();
        }
    }

    /** Reads the list; any bad line is an error naming the file and the line, before anything is pulled. */
    public static List<Entry> readList(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("accession list " + file + " does not exist");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] parts = l.split("\\s*,\\s*", -1);
            if (parts.length > 2) throw new IllegalArgumentException(file + " line " + (i + 1) + ": '" + l + "' is neither ACCESSION nor CASE,ACCESSION");
            String acc = parts[parts.length - 1];
            String name = parts.length == 2 ? parts[0] : acc;
            // an accession number is a DICOM SH: at most 16 characters, no backslash or control characters
            if (acc.isEmpty() || acc.length() > 16 || acc.contains("\\") || acc.contains("*") || acc.contains("?"))
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": accession '" + acc + "' is not an accession number (1-16 characters, no \\ * ?)");
            if (!CasePull.validCaseName(name))
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": case '" + name + "' is not a usable folder name (letters, digits, . _ -)");
            out.add(new Entry(name, acc, i + 1));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("accession list " + file + " lists no accession numbers");
        return out;
    }

    public static Report run(Options o, Consumer<String> log) throws IOException {
        Map<String, List<Entry>> byCase = new LinkedHashMap<>();
        for (Entry e : readList(o.list())) byCase.computeIfAbsent(e.caseName(), k -> new ArrayList<>()).add(e);
        Files.createDirectories(o.cohort());
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, List<String>> studies = new LinkedHashMap<>();
        for (Map.Entry<String, List<Entry>> c : byCase.entrySet()) {
            List<String> uids = new ArrayList<>();
            studies.put(c.getKey(), uids);
            for (Entry e : c.getValue()) {
                try {
                    StudyHit h = CasePull.byAccession(o.server(), o.protocol(), e.accession());
                    CasePull.pull(o.server(), o.protocol(), h.studyUid(), o.cohort(), c.getKey());
                    uids.add(h.studyUid());
                    log.accept("pulled accession " + e.accession() + " (study " + h.studyUid() + ") into " + o.cohort().resolve(c.getKey()));
                } catch (RuntimeException | IOException ex) { // one study's failure is named, the rest go on
                    failures.put(c.getKey(), "pull of accession " + e.accession() + " failed: " + ex.getMessage());
                    log.accept("case " + c.getKey() + ": pull of accession " + e.accession() + " failed: " + ex.getMessage());
                    break;
                }
            }
        }
        BatchRunner.Result batch = BatchRunner.run(new BatchRunner.Options(o.cohort(), o.out(), o.jobs(), Shard.ALL, o.steps(), null, 0,
                o.steps() == null || o.steps().isEmpty()), ProgressListener.NONE);
        Map<String, Manifest.CaseEntry> ran = new LinkedHashMap<>();
        for (Manifest.CaseEntry ce : batch.manifest().cases()) ran.put(ce.name(), ce);
        List<CaseResult> results = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> c : byCase.entrySet()) {
            String name = c.getKey();
            List<String> accs = c.getValue().stream().map(Entry::accession).toList();
            if (failures.containsKey(name)) {
                results.add(new CaseResult(name, accs, studies.get(name), failures.get(name), List.of(), null));
                continue;
            }
            Manifest.CaseEntry ce = ran.get(name);
            if (ce == null || ce.status() == Manifest.Status.failed) {
                String why = "batch failed: " + (ce == null ? "the case was not run" : ce.reason());
                log.accept("case " + name + ": " + why);
                results.add(new CaseResult(name, accs, studies.get(name), why, List.of(), null));
                continue;
            }
            if (!o.push()) {
                results.add(new CaseResult(name, accs, studies.get(name), null, List.of(), "not pushed (no --push)"));
                continue;
            }
            Path caseDir = o.cohort().resolve(name);
            if (ResultsPush.readers(caseDir).isEmpty()) {
                log.accept("case " + name + ": no reader's findings yet; nothing to push");
                results.add(new CaseResult(name, accs, studies.get(name), null, List.of(), "no findings to push"));
                continue;
            }
            ResultsExport.Choice choice = o.choice() != null ? o.choice()
                    : new ResultsExport.Choice(ResultsExport.Identity.defaultFor(o.server()), ResultsExport.Dates.REMOVE, null);
            try {
                List<ResultsPush.Pushed> pushed = ResultsPush.push(o.server(), o.protocol(), caseDir, null, choice);
                for (ResultsPush.Pushed p : pushed)
                    log.accept("case " + name + ": pushed " + p.reader() + "'s SR + " + (p.instances() - 1) + " SEG (" + p.identity() + ") to " + o.server().describe());
                results.add(new CaseResult(name, accs, studies.get(name), null, pushed, null));
            } catch (RuntimeException | IOException ex) { // any one case's failure (SrException, FindingsException, PacsException ...) is named, the rest go on
                log.accept("case " + name + ": push failed: " + ex.getMessage());
                results.add(new CaseResult(name, accs, studies.get(name), "push failed: " + ex.getMessage(), List.of(), null));
            }
        }
        return new Report(results, batch.manifest());
    }
}
