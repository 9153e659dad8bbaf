package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.StudyScanner;
import org.parsreader.dicom.sr.Composite;
import org.parsreader.dicom.sr.DicomExport;
import org.parsreader.dicom.sr.SegReader;
import org.parsreader.dicom.sr.SegWriter;
import org.parsreader.dicom.sr.SrException;
import org.parsreader.dicom.sr.SrReader;
import org.parsreader.exchange.ResultsExport;
import org.parsreader.findings.CaseFindings;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsJson;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Role;
import org.parsreader.findings.Side;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export-sr}, {@code export-seg}, {@code import-sr}: a reader's findings to and from DICOM SR (TID 1500) and SEG. */
final class DicomSrCommands {
    private DicomSrCommands() {}

    static final String VERSION = DicomSrCommands.class.getPackage().getImplementationVersion() == null ? "development"
            : DicomSrCommands.class.getPackage().getImplementationVersion();

    /** Options both exports share. */
    abstract static class ExportBase {
        @Parameters(index = "0", paramLabel = "CASE", description = "case folder (DICOM files and findings/)")
        Path caseDir;

        @Option(names = "--reader", required = true, paramLabel = "ID", description = "whose findings (findings/ID.findings.json)")
        String reader;

        @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: CASE/dicom-out)")
        Path out;

        @Option(names = "--identity", arity = "0..1", fallbackValue = "original", paramLabel = "pseudonym|original",
                description = "pseudonym (default: for research; the registry's pseudonym, dates per --dates) or original (the patient's name, ID, "
                        + "birth date, study date and accession, for the clinical PACS); --identity alone means original")
        String identity;

        @Option(names = "--dates", paramLabel = "shift|remove", defaultValue = "remove",
                description = "with the pseudonym: shift the patient's dates by the patient's own random shift (kept beside the pseudonym registry, "
                        + "the same in every export) or remove them (default)")
        String dates;

        @Option(names = "--pseudonyms", paramLabel = "CSV", description = "pseudonym registry (default: beside the cases folder)")
        Path pseudonyms;

        ResultsExport.Choice choice() {
            return new ResultsExport.Choice(identity == null ? ResultsExport.Identity.PSEUDONYM : ResultsExport.Identity.parse(identity),
                    ResultsExport.Dates.parse(dates), pseudonyms);
        }

        FindingsDocument doc() throws IOException {
            return ResultsExport.findings(caseDir, reader);
        }

        Composite.Context context(FindingsDocument d, StudyIndex index) throws IOException {
            return ResultsExport.context(caseDir, d, index, choice());
        }

        Path outDir() {
            return out != null ? out : caseDir.resolve("dicom-out");
        }
    }

    static ReadingTemplate template(String id) throws IOException {
        if (ReadingTemplate.BUILT_IN.contains(id)) return ReadingTemplate.builtIn(id);
        Path f = Path.of(id);
        if (!Files.isRegularFile(f)) throw new IllegalArgumentException("template '" + id + "' is neither built in " + ReadingTemplate.BUILT_IN + " nor a file");
        return ReadingTemplate.fromFile(f);
    }

    @Command(name = "export-sr", description = "Write a reader's findings as a DICOM SR (TID 1500 Imaging Measurement Report, Comprehensive 3D SR) "
            + "and its 3D mask ROIs as DICOM Segmentations the SR references: ID.sr.dcm and ID.seg-N.dcm.",
            footerHeading = Main.EXAMPLES, footer = {"  pars-reader export-sr sample-data/case-001 --reader R1 --out out/dicom", "  # record a contrast region in R1's findings first (a 3D mask ROI)",
                "  pars-reader quantify-contrast sample-data/case-001 --record --reader R1 \\",
                "      --level L5 --side left \\",
                "      --series 2.25.144238974742240537401837040969335971267 \\",
                "      --seed 16.5,52,-499.5", "  pars-reader export-sr sample-data/case-001 --reader R1 --out out/dicom"})
    static final class ExportSr extends ExportBase implements Callable<Integer> {
        @Option(names = "--template", paramLabel = "ID|FILE", description = "the findings' reading template (default: the one they name)")
        String template;

        @Override
        public Integer call() throws IOException {
            FindingsDocument d = doc();
            ReadingTemplate t = template(template != null ? template : d.template().id());
            StudyIndex index = StudyScanner.scan(caseDir);
            DicomExport.Result r = DicomExport.export(d, t, index, context(d, index), outDir());
            System.out.println("wrote " + r.sr() + " (TID 1500, " + d.values().size() + " values, " + d.measurements().size() + " measurements, "
                    + d.rois().size() + " ROIs; " + choice().describe(d.pseudonym()) + ")");
            for (Path s : r.segs()) System.out.println("wrote " + s + " (segmentation)");
            return 0;
        }
    }

    @Command(name = "export-seg", description = "Write a reader's 3D mask ROIs (the contrast regions) as binary DICOM Segmentations, one per CT "
            + "series, one segment per region: ID.seg-N.dcm.",
            footerHeading = Main.EXAMPLES, footer = {"  # record a contrast region in R1's findings first (a 3D mask ROI)",
                "  pars-reader quantify-contrast sample-data/case-001 --record --reader R1 \\",
                "      --level L5 --side left \\",
                "      --series 2.25.144238974742240537401837040969335971267 \\",
                "      --seed 16.5,52,-499.5", "  pars-reader export-seg sample-data/case-001 --reader R1 --out out/dicom"})
    static final class ExportSeg extends ExportBase implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            FindingsDocument d = doc();
            StudyIndex index = StudyScanner.scan(caseDir);
            Files.createDirectories(outDir());
            Map<Path, SegWriter.Written> segs = DicomExport.segs(d, index, context(d, index), outDir(), reader);
            if (segs.isEmpty()) throw new IllegalArgumentException("reader " + reader + " has no 3D mask ROI in " + caseDir + "; nothing to write");
            // a SEG gets new UIDs on every export: replacing one that the reader's SR beside it references
            // would leave that SR pointing at an instance that no longer exists
            Path sr = outDir().resolve(reader + ".sr.dcm");
            if (Files.exists(sr)) {
                for (Path f : segs.keySet()) {
                    if (Files.exists(f)) {
                        throw new IllegalArgumentException("export-seg would replace " + f + ", which " + sr + " references; nothing written."
                                + " Run export-sr (it writes the SR and its SEGs together), or give another --out");
                    }
                }
            }
            for (Map.Entry<Path, SegWriter.Written> e : segs.entrySet()) {
                DicomExport.write(e.getValue().list(), e.getKey());
                System.out.println("wrote " + e.getKey() + " (" + e.getValue().segments().size() + " segments)");
            }
            return 0;
        }
    }

    @Command(name = "import-sr", description = "Read DICOM SR (TID 1500) and SEG files into a reader's findings of the case, as one undoable, "
            + "audited step. A SEG the SR does not reference becomes a 3D mask ROI at the finding, level and side its tracking ID names "
            + "(ours: 'contrast_volume_ml L5 left') or --finding/--level/--side give.",
            footerHeading = Main.EXAMPLES, footer = {"  # record a contrast region in R1's findings first (a 3D mask ROI)",
                "  pars-reader quantify-contrast sample-data/case-001 --record --reader R1 \\",
                "      --level L5 --side left \\",
                "      --series 2.25.144238974742240537401837040969335971267 \\",
                "      --seed 16.5,52,-499.5", "  pars-reader export-sr sample-data/case-001 --reader R1 --out out/dicom", "  pars-reader import-sr sample-data/case-001 out/dicom/R1.sr.dcm \\", "      out/dicom/R1.seg-1.dcm --reader R2"})
    static final class ImportSr implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CASE", description = "case folder holding the images the SR and SEG refer to")
        Path caseDir;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "SR and SEG files")
        List<Path> files;

        @Option(names = "--reader", required = true, paramLabel = "ID", description = "into whose findings")
        String reader;

        @Option(names = "--role", paramLabel = "R1|R2|consensus", description = "the reader's role for new findings (default R1, or the file's)")
        String role;

        @Option(names = "--template", paramLabel = "ID|FILE", description = "reading template (default pars-injection)")
        String template;

        @Option(names = "--finding", paramLabel = "ID", description = "for a SEG alone whose segments name no finding")
        String finding;

        @Option(names = "--level", paramLabel = "L5", description = "with --finding")
        String level;

        @Option(names = "--side", paramLabel = "left|right", description = "with --finding")
        String side;

        @Option(names = "--pseudonyms", paramLabel = "CSV", description = "pseudonym list (default pseudonyms.csv beside the case folder)")
        Path pseudonyms;

        @Option(names = "--who", paramLabel = "NAME", description = "who, for the audit log (default: the user)")
        String who;

        @Override
        public Integer call() throws IOException {
            ReadingTemplate t = template(template != null ? template : "pars-injection");
            StudyIndex index = StudyScanner.scan(caseDir);
            List<Path> srs = new ArrayList<>();
            List<SegReader.Seg> segs = new ArrayList<>();
            for (Path f : files) {
                if (!Files.isRegularFile(f)) throw new IllegalArgumentException(f + " is not a file");
                String cls = com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(SegReader.readList(f), com.pixelmed.dicom.TagFromName.SOPClassUID);
                if (SegWriter.SEG_SOP_CLASS.equals(cls)) segs.add(SegReader.read(f, index));
                else srs.add(f);
            }
            List<FindingsDocument.FindingValue> values = new ArrayList<>();
            List<FindingsDocument.Roi> rois = new ArrayList<>();
            List<FindingsDocument.Measurement> ms = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            java.util.Set<String> referenced = new java.util.HashSet<>();
            Map<String, SegReader.Seg> bySop = SrReader.bySop(segs);
            for (Path f : srs) {
                SrReader.Imported in = SrReader.read(f, t, bySop, index);
                values.addAll(in.values());
                rois.addAll(in.rois());
                ms.addAll(in.measurements());
                notes.addAll(in.notes());
                referenced.addAll(referencedSegs(f));
            }
            for (SegReader.Seg s : segs) {
                if (referenced.contains(s.sopInstanceUid())) continue;
                for (SegReader.Segment seg : s.segments()) rois.add(standalone(s, seg, t));
            }
            FindingsDocument.Reader who0 = new FindingsDocument.Reader(reader, role != null ? Role.parse(role) : existingRole());
            try (CaseFindings cf = CaseFindings.openCase(caseDir, who0, t, pseudonyms != null ? pseudonyms : CaseFindings.defaultRegistry(caseDir),
                    who != null ? who : System.getProperty("user.name", "unknown"))) {
                cf.editor().importAll(values, rois, ms);
                cf.save("import-sr " + String.join(" ", files.stream().map(p -> p.getFileName().toString()).toList()) + ": " + values.size() + " values, "
                        + rois.size() + " ROIs, " + ms.size() + " measurements");
            }
            System.out.println("imported into " + reader + "'s findings: " + values.size() + " values, " + rois.size() + " ROIs, " + ms.size() + " measurements");
            for (String n : notes) System.out.println("  not imported: " + n);
            return 0;
        }

        private Role existingRole() throws IOException {
            var existing = CaseFindings.store(caseDir).read(reader);
            return existing.isEmpty() ? Role.R1 : FindingsJson.read(existing.get(), reader + FindingsJson.FILE_SUFFIX).reader().role();
        }

        private FindingsDocument.Roi standalone(SegReader.Seg s, SegReader.Segment seg, ReadingTemplate t) {
            FindingsDocument.Roi r = seg.roi();
            String f = finding != null ? finding : r.finding();
            String l = level != null ? level : r.level();
            Side sd = side != null ? Side.parse(side) : r.side();
            if (f == null || l == null || t.finding(f).isEmpty()) {
                throw new SrException(s.file() + ": segment " + seg.number() + " (" + seg.label() + ") names no finding of template " + t.id()
                        + (seg.trackingId() == null ? "" : " in its tracking ID '" + seg.trackingId() + "'") + "; give --finding, --level and --side");
            }
            return new FindingsDocument.Roi("seg-" + seg.number(), r.type(), f, l, sd, null, r.frameOfReferenceUid(), r.seriesInstanceUid(), List.of(), r.mask(), r.label());
        }

        private static List<String> referencedSegs(Path sr) throws IOException {
            List<String> out = new ArrayList<>();
            var ev = SegReader.readList(sr);
            collect(ev, out);
            return out;
        }

        private static void collect(com.pixelmed.dicom.AttributeList l, List<String> out) {
            if (l.get(com.pixelmed.dicom.TagFromName.ContentSequence) instanceof com.pixelmed.dicom.SequenceAttribute s) {
                for (int i = 0; i < s.getNumberOfItems(); i++) {
                    com.pixelmed.dicom.AttributeList c = s.getItem(i).getAttributeList();
                    if (c.get(com.pixelmed.dicom.TagFromName.ReferencedSOPSequence) instanceof com.pixelmed.dicom.SequenceAttribute r && r.getNumberOfItems() > 0) {
                        out.add(com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(r.getItem(0).getAttributeList(),
                                com.pixelmed.dicom.TagFromName.ReferencedSOPInstanceUID));
                    }
                    collect(c, out);
                }
            }
        }
    }

}
