package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parsreader.pacs.DicomWebClient;
import org.parsreader.pacs.DimseClient;
import org.parsreader.pacs.PacsConfig;
import org.parsreader.pacs.PacsException;
import org.parsreader.pacs.PacsServer;
import org.parsreader.pacs.StudyCache;
import org.parsreader.pacs.StudyHit;
import org.parsreader.pacs.StudyQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pacs query|retrieve|store}: a PACS from the user's config file (~/.config/pars-reader/pacs.json), DICOMweb or DIMSE. */
@Command(name = "pacs", description = "Query, retrieve and store studies on a PACS (DICOMweb QIDO/WADO/STOW-RS or DIMSE C-FIND/C-GET/C-MOVE/C-STORE). "
        + "Servers come from ~/.config/pars-reader/pacs.json or --pacs-config.",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader pacs query --pacs-config pacs.json --patient PHANTOM-001"},
        subcommands = {PacsCommand.Query.class, PacsCommand.Retrieve.class, PacsCommand.Store.class, PacsExchangeCommands.Send.class,
            PacsExchangeCommands.Batch.class})
final class PacsCommand implements Runnable {
    @Override
    public void run() {
        throw new IllegalArgumentException("pacs needs a subcommand: query, retrieve, store, send or batch (try pacs --help)");
    }

    abstract static class Base {
        // the texts are constants because CodedModels builds retrieve's model in code from them too
        static final String CONFIG = "PACS configuration (default ~/.config/pars-reader/pacs.json)";
        static final String SERVER = "which server of the configuration (default: the first)";
        static final String PROTOCOLS = "dicomweb|dimse|move";
        static final String PROTOCOL = "dicomweb (QIDO/WADO/STOW-RS), dimse (C-FIND/C-GET/C-STORE) or, "
                + "for retrieve, move (C-MOVE to our storage SCP on the server's movePort); default: DICOMweb if the server has a URL, else DIMSE";

        @Option(names = "--pacs-config", paramLabel = "FILE", description = CONFIG)
        Path config;

        @Option(names = "--server", paramLabel = "NAME", description = SERVER)
        String server;

        @Option(names = "--protocol", paramLabel = PROTOCOLS, description = PROTOCOL)
        String protocol;

        PacsServer server() throws IOException {
            return PacsConfig.read(config != null ? config : PacsConfig.defaultFile()).server(server);
        }

        StudyCache.Protocol protocol(PacsServer s) {
            if (protocol == null) return s.hasDicomWeb() ? StudyCache.Protocol.DICOMWEB : StudyCache.Protocol.DIMSE;
            return switch (protocol.toLowerCase(Locale.ROOT)) {
                case "dicomweb" -> StudyCache.Protocol.DICOMWEB;
                case "dimse", "get", "c-get" -> StudyCache.Protocol.DIMSE;
                case "move", "c-move" -> StudyCache.Protocol.DIMSE_MOVE;
                default -> throw new IllegalArgumentException("--protocol '" + protocol + "': use dicomweb, dimse or move");
            };
        }
    }

    @Command(name = "query", description = "Find studies by patient ID, accession number, study date range and/or modality; "
            + "prints one tab-separated line per study: study UID, date, modalities, instances, accession, patient ID, description.",
            footerHeading = Main.EXAMPLES, footer = {"  pars-reader pacs query --pacs-config pacs.json --modality CT \\", "      --from 2024-01-01 --to 2024-12-31"})
    static final class Query extends Base implements Callable<Integer> {
        @Option(names = "--patient", paramLabel = "ID") String patient;
        @Option(names = "--accession", paramLabel = "NUMBER") String accession;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "study date from") LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "study date to") LocalDate to;
        @Option(names = "--modality", paramLabel = "CT") String modality;
        @Option(names = "--study", paramLabel = "UID") String study;

        @Override
        public Integer call() throws IOException {
            PacsServer s = server();
            StudyQuery q = new StudyQuery(patient, accession, from, to, modality, study);
            List<StudyHit> hits = protocol(s) == StudyCache.Protocol.DICOMWEB ? new DicomWebClient(s).query(q) : new DimseClient(s).query(q);
            for (StudyHit h : hits) {
                System.out.println(String.join("\t", n(h.studyUid()), n(h.date()), String.join("\\", h.modalities()), String.valueOf(h.instances()),
                        n(h.accession()), n(h.patientId()), n(h.description())));
            }
            System.err.println(hits.size() + " stud" + (hits.size() == 1 ? "y" : "ies") + " on " + s.describe() + " for " + q);
            return 0;
        }

        private static String n(String s) {
            return s == null ? "" : s;
        }
    }

    /**
     * {@code pacs retrieve}. The annotations define it; {@link CodedModels} builds the same model in
     * code for a process that runs it (reading the annotations cost ~20 ms of a retrieve's start),
     * and {@code CodedModelsTest} holds the two equal: change both, or that test fails.
     */
    @Command(name = "retrieve", description = Retrieve.DESCRIPTION, footerHeading = Main.EXAMPLES, footer = {Retrieve.EXAMPLE_1, Retrieve.EXAMPLE_2})
    static final class Retrieve extends Base implements Callable<Integer> {
        static final String DESCRIPTION = "Retrieve studies into the local study cache, CACHE/STUDYUID/, atomically: a study that fails "
                + "leaves no folder; the others go on. Exit 1 if any failed.";
        static final String EXAMPLE_1 = "  pars-reader pacs retrieve --pacs-config pacs.json --protocol dimse \\";
        static final String EXAMPLE_2 = "      --cache out/studies 1.2.826.0.1.3680043.8.498.1";
        static final String CACHE = "study cache (default ~/.cache/pars-reader/studies)";

        @Parameters(arity = "1..*", paramLabel = "STUDYUID") List<String> studies;

        @Option(names = "--cache", paramLabel = "DIR", description = CACHE)
        Path cache;

        @Override
        public Integer call() throws IOException {
            PacsServer s = server();
            Path root = cache != null ? cache : Path.of(System.getProperty("user.home"), ".cache", "pars-reader", "studies");
            StudyCache c = new StudyCache(root);
            int failed = 0;
            for (String uid : studies) {
                try {
                    Path dir = c.retrieve(s, uid, protocol(s));
                    long n;
                    try (var f = Files.list(dir)) {
                        n = f.count();
                    }
                    System.out.println("retrieved study " + uid + " from " + s.describe() + " into " + dir + " (" + n + " instances)");
                } catch (PacsException | IllegalArgumentException e) {
                    failed++;
                    System.err.println("error: " + e.getMessage());
                }
            }
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "store", description = "Send DICOM files (SR, SEG) to the PACS with STOW-RS or C-STORE.",
            footerHeading = Main.EXAMPLES, footer = {"  pars-reader pacs store --pacs-config pacs.json out/dicom/R1.sr.dcm"})
    // the files go as they are: their identity was chosen when they were exported (export-sr --identity); pacs send chooses by the server
    static final class Store extends Base implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE") List<Path> files;

        @Override
        public Integer call() throws IOException {
            PacsServer s = server();
            for (Path f : files) if (!Files.isRegularFile(f)) throw new IllegalArgumentException(f + " is not a file");
            int n = protocol(s) == StudyCache.Protocol.DICOMWEB ? new DicomWebClient(s).store(files) : new DimseClient(s).store(files);
            System.out.println("stored " + n + " instance(s) on " + s.describe());
            return 0;
        }
    }
}
