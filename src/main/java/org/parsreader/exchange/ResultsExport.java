package org.parsreader.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.sr.Composite;
import org.parsreader.dicom.sr.DicomExport;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.DateShifts;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.PseudonymRegistry;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.pacs.PacsServer;

/**
 * A reader's findings of a case as DICOM SR + SEG with the identity its destination needs.
 * PSEUDONYM (research): PatientID and PatientName are the pseudonym the registry gave the
 * patient; birth date, study date and observation times are shifted by the patient's own date
 * shift ({@link DateShifts}, kept beside the registry) or left out; sex and accession number are
 * left out. ORIGINAL (clinical PACS): name, ID, birth date, sex, study date and accession as in
 * the images, so the results file with them.
 */
public final class ResultsExport {
    private ResultsExport() {}

    /** Whose identity the exported objects carry. */
    public enum Identity {
        PSEUDONYM, ORIGINAL;

        public static Identity parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "pseudonym" -> PSEUDONYM;
                case "original" -> ORIGINAL;
                default -> throw new IllegalArgumentException("identity '" + s + "': use pseudonym or original");
            };
        }

        /** What a server gets unless the user chooses: the clinical PACS the original, a research archive the pseudonym. */
        public static Identity defaultFor(PacsServer server) {
            return server.archive() == PacsServer.Archive.CLINICAL ? ORIGINAL : PSEUDONYM;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What happens to the patient's dates under a pseudonym. */
    public enum Dates {
        SHIFT, REMOVE;

        public static Dates parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "shift" -> SHIFT;
                case "remove" -> REMOVE;
                default -> throw new IllegalArgumentException("dates '" + s + "': use shift or remove");
            };
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Identity options of one export: {@code registry} null = the case's default pseudonym registry. */
    public record Choice(Identity identity, Dates dates, Path registry) {
        public Choice {
            if (identity == null) throw new IllegalArgumentException("no identity chosen");
            if (dates == null) dates = Dates.REMOVE;
        }

        public String describe(String pseudonym) {
            return identity == Identity.ORIGINAL ? "patient with identity" : "patient " + pseudonym + ", dates " + (dates == Dates.SHIFT ? "shifted" : "removed");
        }
    }

    public static String version() {
        String v = ResultsExport.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** The reader's findings of the case; a clear error when there are none. */
    public static FindingsDocument findings(Path caseDir, String reader) throws IOException {
        var bytes = CaseFindings.store(caseDir).read(reader);
        if (bytes.isEmpty()) throw new IllegalArgumentException("reader " + reader + " has no findings in " + caseDir + " (findings/" + reader + ".findings.json)");
        return FindingsJson.read(bytes.get(), caseDir.resolve("findings").resolve(reader + FindingsJson.FILE_SUFFIX).toString());
    }

    /**
     * The export context for the choice. With the pseudonym it is the registry's pseudonym for the
     * case's patient; findings carrying another pseudonym than the registry's are refused (the
     * wrong registry, or the wrong case folder).
     */
    public static Composite.Context context(Path caseDir, FindingsDocument d, StudyIndex index, Choice c) throws IOException {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        if (c.identity() == Identity.ORIGINAL) return new Composite.Context(d.pseudonym(), true, "Pars Reader", version(), now);
        Path registry = c.registry() != null ? c.registry() : CaseFindings.defaultRegistry(caseDir);
        if (Files.exists(registry) && index.patients().size() == 1) {
            var known = PseudonymRegistry.open(registry).lookup(index.patients().get(0).info().id());
            if (known.isPresent() && !known.get().equals(d.pseudonym()))
                throw new IllegalArgumentException("the findings in " + caseDir + " carry pseudonym " + d.pseudonym() + " but the pseudonym registry " + registry
                        + " gives this patient " + known.get() + "; wrong registry or wrong case folder?");
        }
        Integer shift = c.dates() == Dates.SHIFT ? DateShifts.open(DateShifts.besideRegistry(registry)).shiftFor(d.pseudonym()) : null;
        return new Composite.Context(d.pseudonym(), false, "Pars Reader", version(), now, shift);
    }

    /** Writes the reader's SEGs and SR of the case into outDir with the chosen identity. */
    public static DicomExport.Result export(Path caseDir, String reader, ReadingTemplate template, Choice c, Path outDir) throws IOException {
        FindingsDocument d = findings(caseDir, reader);
        ReadingTemplate t = template != null ? template : ReadingTemplate.builtIn(d.template().id());
        StudyIndex index = StudyScanner.scan(caseDir);
        return DicomExport.export(d, t, index, context(caseDir, d, index, c), outDir);
    }
}
