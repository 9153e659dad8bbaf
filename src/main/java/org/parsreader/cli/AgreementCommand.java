package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parsreader.scoring.AgreementRun;
import org.parsreader.scoring.analysis.AgreementOptions;
import org.parsreader.scoring.analysis.AgreementResult;
import org.parsreader.scoring.report.Fmt;
import org.parsreader.scoring.stats.IccForm;
import org.parsreader.scoring.stats.StatsInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agreement --findings DIR --out DIR [--readers R1,R2,...] [--icc 2,1|3,1|2,k] [--bootstrap N] [--seed S]}:
 * inter-reader agreement per predictor and finding item.
 */
@Command(name = "agreement", description = {"Agreement of two or more readers per predictor and per finding item: for every pair"
        + " kappa, weighted kappa (ordered grades), percent agreement, Gwet's AC1, PABAK; for three or more readers also Fleiss' kappa"
        + " and Krippendorff's alpha (nominal, ordinal, interval); numbers: the chosen ICC form and Bland-Altman bias and limits"
        + " (one PNG per pair and item); 95 %% CIs, analytic and by a seeded bootstrap of patients. Writes agreement.csv,"
        + " agreement.md and bland-altman-*.png.",
        },
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader agreement --findings sample-data/cohort --out out/agreement \\",
            "      --readers R1,R2 --bootstrap 200",
            "  pars-reader agreement --findings sample-data/cohort --out out/agreement-icc \\",
            "      --readers R1,R2 --icc 3,1 --bootstrap 0"})
final class AgreementCommand implements Callable<Integer> {
    @Option(names = "--findings", required = true, paramLabel = "DIR", description = "a cohort folder or a folder of findings files")
    Path findings;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created)")
    Path out;

    @Option(names = "--readers", paramLabel = "A,B[,C...]", split = ",",
            description = "two or more readers (ids or roles: R1, R2, consensus); default: every reader found")
    List<String> readers;

    @Option(names = "--icc", paramLabel = "FORM", defaultValue = "2,1",
            description = "ICC form for numbers: 2,1 (two-way random, absolute agreement, single reader), 3,1 (two-way mixed, consistency),"
                    + " 2,k (mean of the readers); default ${DEFAULT-VALUE}")
    String icc;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "" + AgreementOptions.DEFAULT_BOOTSTRAP,
            description = "resamples of the bootstrap by patient for the CIs (0: none); default ${DEFAULT-VALUE}")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + AgreementOptions.DEFAULT_SEED,
            description = "seed of the bootstrap (the same seed gives the same CIs); default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--study", paramLabel = "FILE", description = "a reader study: its independent readers, whose reads must all be frozen (the report says so)")
    Path study;

    @Override
    public Integer call() throws IOException {
        if (readers != null && readers.size() < 2) throw new IllegalArgumentException("--readers needs two or more readers, got " + readers);
        String studyNote = null;
        if (study != null) { // issue 14: agreement of a study is computed on its frozen independent reads
            org.parsreader.study.Study s = org.parsreader.study.Study.open(study);
            if (!findings.toAbsolutePath().normalize().equals(s.casesFolder())) {
                throw new IllegalArgumentException("--findings " + findings + " is not the cases folder of study " + study + " (" + s.casesFolder() + ")");
            }
            if (readers == null) readers = s.independentReaders().stream().map(org.parsreader.study.StudyFile.Reader::id).toList();
            studyNote = org.parsreader.study.Freezing.frozenReadsNote(s);
        }
        IccForm form;
        try {
            form = IccForm.parse(icc);
        } catch (StatsInputException e) {
            throw new IllegalArgumentException("--icc: " + e.getMessage());
        }
        AgreementRun.Result r = AgreementRun.run(findings, readers, new AgreementOptions(form, bootstrap, seed));
        for (String p : r.problems()) System.err.println("warning: " + p);
        if (studyNote != null) {
            System.out.println(studyNote);
            List<String> notes = new java.util.ArrayList<>(List.of(studyNote));
            notes.addAll(r.problems());
            r = new AgreementRun.Result(r.readers(), r.options(), r.rows(), r.plots(), notes);
        }
        List<Path> files = AgreementRun.write(r, out);
        System.out.printf("Agreement of %s; %s; %s%n%-10s %-40s %-18s %-17s %5s  %s%n", String.join(", ", r.readers()), form.label(),
                bootstrap > 0 ? "bootstrap " + bootstrap + " resamples of patients, seed " + seed : "no bootstrap",
                "scope", "item", "readers", "statistic", "n", "estimate (95 % CI) [bootstrap 95 % CI]");
        for (AgreementResult a : r.rows()) {
            String v = Double.isNaN(a.estimate()) ? a.note() : Fmt.fixed(a.estimate(), 3)
                    + (Double.isNaN(a.lower()) ? "" : " (" + Fmt.fixed(a.lower(), 3) + " to " + Fmt.fixed(a.upper(), 3) + ")")
                    + (Double.isNaN(a.bootLower()) ? "" : " [" + Fmt.fixed(a.bootLower(), 3) + " to " + Fmt.fixed(a.bootUpper(), 3) + "]");
            System.out.printf("%-10s %-40s %-18s %-17s %5d  %s%n", a.scope(), a.item(), String.join(",", a.readers()), a.statistic(), a.n(), v);
        }
        System.out.println(files.size() + " files written to " + out);
        return 0;
    }
}
