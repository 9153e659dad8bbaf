package org.parsreader.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parsreader.sample.GroundTruth;
import org.parsreader.sample.SampleCaseGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code generate-sample DIR}: write the synthetic sample case. */
@Command(name = "generate-sample", description = "Write the deterministic synthetic sample case (MR + intraprocedural CT, "
        + "ground-truth.json) to DIR. The same bytes every run.",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader generate-sample out/case-001"})
final class GenerateSampleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "output folder (created)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        GroundTruth truth = SampleCaseGenerator.generate(dir);
        System.out.printf(Locale.ROOT, "Sample case %s written to %s: %d series, contrast %.3f mL (%s)%n", truth.caseId(), dir,
                truth.series().size(), truth.contrast().volumeVoxelMl(), String.join(", ",
                        truth.contrast().compartmentsReached().stream().map(GroundTruth.Compartment::name).toList()));
        return 0;
    }
}
