package org.parsreader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parsreader.findings.FindingsMigrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code findings migrate PATH... [--dry-run] [--include-frozen --who NAME]}: findings files to the current template version. */
@Command(name = "migrate", description = "Rewrite findings files to the current version of their reading template, every value kept: "
        + "each file atomically through the case's store (the old content kept as a version, the migration in the audit log). "
        + "Frozen reads are left as they are unless --include-frozen is given (for the study lead: the freeze then moves to the "
        + "migrated content). A damaged file is named and left untouched. Running it again changes nothing. Exit 1 if any file "
        + "was not migrated.",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader findings migrate sample-data/cohort --dry-run",
            "  pars-reader findings migrate sample-data/cohort/P001",
            "  pars-reader findings migrate sample-data/cohort --include-frozen --who lead"})
final class FindingsMigrateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "case folders, a folder of cases, or CASE/findings/<reader>.findings.json files")
    List<Path> paths;

    @Option(names = "--dry-run", description = "say what would be migrated; write nothing")
    boolean dryRun;

    @Option(names = "--include-frozen", description = "migrate frozen reads too (needs --who; the freeze moves to the migrated content)")
    boolean includeFrozen;

    @Option(names = "--who", paramLabel = "NAME", description = "who migrates, for the audit log (default: the login name)")
    String who;

    @Override
    public Integer call() throws IOException {
        if (includeFrozen && (who == null || who.isBlank())) {
            throw new IllegalArgumentException("--include-frozen changes frozen reads: say who does it with --who NAME (it goes to the audit log)");
        }
        String by = (who == null || who.isBlank() ? System.getProperty("user.name", "cli") : who.strip()) + " (findings migrate)";
        List<FindingsMigrator.Outcome> outcomes = FindingsMigrator.run(paths, new FindingsMigrator.Options(dryRun, includeFrozen, by));
        if (outcomes.isEmpty()) throw new IllegalArgumentException("no *.findings.json files in " + paths);
        int notDone = 0;
        for (FindingsMigrator.Outcome o : outcomes) {
            System.out.println(o);
            if (!o.ok()) notDone++;
        }
        long changed = outcomes.stream().filter(o -> o.status() == FindingsMigrator.Status.MIGRATED
                || o.status() == FindingsMigrator.Status.WOULD_MIGRATE).count();
        System.out.printf("%d file(s): %d %s, %d up to date, %d not migrated%s%n", outcomes.size(), changed, dryRun ? "would be migrated" : "migrated",
                outcomes.stream().filter(o -> o.status() == FindingsMigrator.Status.UP_TO_DATE).count(), notDone, dryRun ? " (dry run: nothing written)" : "");
        return notDone == 0 ? 0 : 1;
    }
}
