package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parsreader.scoring.AgreementRun;
import org.parsreader.scoring.analysis.AgreementResult;
import org.parsreader.scoring.report.Fmt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agreement --findings DIR --out DIR [--readers R1,R2]}: inter-reader agreement per predictor and finding item. */
@Command(name = "agreement", description = {"Agreement of two readers per predictor and per finding item: kappa, weighted kappa"
        + " (ordered grades), ICC(2,1) (numbers), with 95 %% CIs; writes agreement.csv and agreement.md."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader agreement --findings sample-data/cohort --out out/agreement \\",
            "      --readers R1,R2"})
final class AgreementCommand implements Callable<Integer> {
    @Option(names = "--findings", required = true, paramLabel = "DIR", description = "a cohort folder or a folder of findings files")
    Path findings;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created)")
    Path out;

    @Option(names = "--readers", paramLabel = "A,B", split = ",", description = "the two readers (ids or roles); default: the first two found (R1, R2)")
    List<String> readers;

    @Override
    public Integer call() throws IOException {
        if (readers != null && readers.size() != 2) throw new IllegalArgumentException("--readers needs exactly two readers, got " + readers);
        AgreementRun.Result r = AgreementRun.run(findings, readers == null ? null : readers.get(0), readers == null ? null : readers.get(1));
        for (String p : r.problems()) System.err.println("warning: " + p);
        List<Path> files = AgreementRun.write(r, out);
        System.out.printf("Agreement of %s and %s%n%-10s %-44s %-16s %5s  %s%n", r.readerA(), r.readerB(), "scope", "item", "statistic", "n", "estimate (95 % CI)");
        for (AgreementResult a : r.rows()) {
            System.out.printf("%-10s %-44s %-16s %5d  %s%n", a.scope(), a.item(), a.statistic(), a.n(), a.note().isEmpty()
                    ? Fmt.fixed(a.estimate(), 3) + " (" + Fmt.fixed(a.lower(), 3) + " to " + Fmt.fixed(a.upper(), 3) + ")" : a.note());
        }
        System.out.println(files.size() + " files written to " + out);
        return 0;
    }
}
