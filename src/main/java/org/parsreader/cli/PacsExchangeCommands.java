package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parsreader.batch.Step;
import org.parsreader.exchange.PacsCohort;
import org.parsreader.exchange.ResultsExport;
import org.parsreader.exchange.ResultsPush;
import org.parsreader.pacs.PacsServer;
import org.parsreader.pacs.StudyCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pacs send} (a case's results to a PACS with the identity the server needs) and {@code pacs batch} (a cohort by accession numbers: pull, run, push). */
final class PacsExchangeCommands {
    private PacsExchangeCommands() {}

    /** --identity and --dates as export-sr has them, with the server's archive mark as the default. */
    abstract static class IdentityBase extends PacsCommand.Base {
        @Option(names = "--identity", paramLabel = "pseudonym|original", description = "default: original for a server marked \"archive\": \"clinical\", "
                + "else pseudonym")
        String identity;

        @Option(names = "--dates", paramLabel = "shift|remove", defaultValue = "remove", description = "with the pseudonym: shift the patient's dates by "
                + "the patient's own shift or remove them (default)")
        String dates;

        @Option(names = "--pseudonyms", paramLabel = "CSV", description = "pseudonym registry (default: beside the cases folder)")
        Path pseudonyms;

        ResultsExport.Choice choice(PacsServer s) {
            return new ResultsExport.Choice(identity == null ? ResultsExport.Identity.defaultFor(s) : ResultsExport.Identity.parse(identity),
                    ResultsExport.Dates.parse(dates), pseudonyms);
        }
    }

    @Command(name = "send", description = "Export a case's findings (each reader's, or --reader's) as SR + SEG and store them on the PACS: the patient's "
            + "identity for a server marked clinical, the pseudonym otherwise (or as --identity says). Nothing is left in the case folder.",
            footerHeading = Main.EXAMPLES, footer = {"  pars-reader pacs send --pacs-config pacs.json --server research \\", "      sample-data/case-001 --reader R1 --dates shift"})
    static final class Send extends IdentityBase implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CASE") Path caseDir;

        @Option(names = "--reader", paramLabel = "ID", description = "whose findings (default: every reader's)")
        List<String> readers;

        @Override
        public Integer call() throws IOException {
            PacsServer s = server();
            ResultsExport.Choice c = choice(s);
            for (ResultsPush.Pushed p : ResultsPush.push(s, protocol(s), caseDir, readers, c)) {
                System.out.println("sent " + p.reader() + "'s SR + " + (p.instances() - 1) + " SEG of " + caseDir + " to " + s.describe() + " (" + p.identity()
                        + (c.identity() == ResultsExport.Identity.PSEUDONYM ? ", dates " + c.dates().label() : "") + ")");
            }
            return 0;
        }
    }

    @Command(name = "batch", description = {"A cohort from the PACS by accession numbers: pull each study into COHORT/CASE/STUDYUID/ (atomically), run the batch "
            + "steps over COHORT (as 'batch' does, manifest in --out), then, with --push, store every reader's SR + SEG of each listed case back.",
            "The list: one accession per line, or CASE,ACCESSION to put several studies in one case folder; # starts a comment.",
            "A case that fails (unknown accession, cut transfer, batch failure, refused store) is named with its reason; the others go on; exit 1."},
            footerHeading = Main.EXAMPLES, footer = {"  pars-reader pacs batch --pacs-config pacs.json --accessions accessions.txt \\",
                "      --cohort out/pacs-cohort --out out/pacs-run --push"})
    static final class Batch extends IdentityBase implements Callable<Integer> {
        @Option(names = "--accessions", required = true, paramLabel = "FILE") Path list;

        @Option(names = "--cohort", required = true, paramLabel = "DIR", description = "where the case folders go (and findings are read from)")
        Path cohort;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "the batch's output: manifest.json, cases/<case>/...")
        Path out;

        @Option(names = "--steps", paramLabel = "STEPS", description = "as batch --steps (default: all that fit each case)")
        String steps;

        @Option(names = "--jobs", paramLabel = "N", defaultValue = "1") int jobs;

        @Option(names = "--push", description = "store each case's results (SR + SEG of every reader) back on the server")
        boolean push;

        @Override
        public Integer call() throws IOException {
            PacsServer s = server();
            PacsCohort.Report r = PacsCohort.run(new PacsCohort.Options(s, protocol(s), list, cohort, out, steps == null ? null : Step.parse(steps), jobs, push,
                    identity == null && pseudonyms == null && "remove".equals(dates) ? null : choice(s)), System.out::println);
            for (PacsCohort.CaseResult c : r.failed()) System.err.println("error: case " + c.caseName() + ": " + c.failure());
            System.out.println(r.cases().size() - r.failed().size() + " of " + r.cases().size() + " case(s) done; manifest " + out.resolve("manifest.json"));
            return r.failed().isEmpty() ? 0 : 1;
        }
    }
}
