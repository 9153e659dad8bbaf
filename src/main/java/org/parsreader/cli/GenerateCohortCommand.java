package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parsreader.scoring.cohort.CohortGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code generate-cohort DIR}: the deterministic simulated cohort of sample-data/cohort. */
@Command(name = "generate-cohort", description = {"Write the simulated reading-study cohort (findings of R1 and R2, outcomes.csv);"
        + " the same bytes every run for the same seed and size."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader generate-cohort out/cohort --patients 40"})
final class GenerateCohortCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "output folder")
    Path dir;

    @Option(names = "--patients", defaultValue = "" + CohortGenerator.SAMPLE_PATIENTS, description = "number of patients (default ${DEFAULT-VALUE})")
    int patients;

    @Option(names = "--seed", defaultValue = "" + CohortGenerator.SAMPLE_SEED, description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (patients < 2) throw new IllegalArgumentException("--patients must be at least 2, got " + patients);
        CohortGenerator.write(CohortGenerator.generate(patients, seed), dir);
        System.out.println(patients + " simulated patients (seed " + seed + ") written to " + dir);
        return 0;
    }
}
