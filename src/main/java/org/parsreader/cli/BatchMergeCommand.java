package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parsreader.batch.ManifestMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code batch-merge OUT_DIR SHARD_MANIFEST...}: the shards of one batch as one result. */
@Command(name = "batch-merge", description = {"Merge the manifests of batch shards (batch --shard i/n) into OUT_DIR/manifest.json and copy"
        + " each case's outputs there; with --outcomes also score the cohort once.",
        "Exit 1 when shards conflict (a case run twice, differing steps or versions), a shard is missing or any case failed."},
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader batch sample-data/cohort --out out/shard-1 --shard 1/2",
            "  pars-reader batch sample-data/cohort --out out/shard-2 --shard 2/2",
            "  pars-reader batch-merge out/all out/shard-1/manifest.json \\",
            "      out/shard-2/manifest.json --outcomes sample-data/cohort/outcomes.csv"})
final class BatchMergeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT_DIR", description = "where the merged manifest and outputs go")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SHARD_MANIFEST", description = "manifest.json of each shard")
    List<Path> manifests;

    @Option(names = "--outcomes", paramLabel = "CSV", description = "score the whole cohort once with these outcomes")
    Path outcomes;

    @Override
    public Integer call() throws IOException {
        ManifestMerge.Result r = ManifestMerge.mergeInto(out, manifests, outcomes);
        for (String c : r.conflicts()) System.err.println("conflict: " + c);
        for (String s : r.missingShards()) System.err.println("missing shard: " + s);
        int status = BatchCommand.report(r.manifest(), -1, 0, out);
        return r.conflicts().isEmpty() && r.missingShards().isEmpty() ? status : 1;
    }
}
