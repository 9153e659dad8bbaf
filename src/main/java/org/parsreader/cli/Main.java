package org.parsreader.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar Pars_Reader.jar SUBCOMMAND}: the headless command line. Exit status 0 on
 * success, 1 when the work failed (reason on stderr), 2 for a wrong command line.
 */
@Command(name = "pars-reader", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Pars Reader: reading CT-guided pars injection studies.",
        subcommands = {InfoCommand.class, VolumeStatsCommand.class, GenerateSampleCommand.class, DemoCommand.class, FindingsCommand.class,
            ScoreCommand.class, AgreementCommand.class, GenerateCohortCommand.class, QuantifyContrastCommand.class, BmeRatioCommand.class,
            BatchCommand.class, BatchMergeCommand.class, ReformatCommand.class, DicomSrCommands.ExportSr.class, DicomSrCommands.ExportSeg.class,
            DicomSrCommands.ImportSr.class, StudyCommand.class, PacsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns the exit status, for tests and batch callers. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        addHelpOptions(cl);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (System.getenv("PARS_READER_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return 1;
        });
        return cl.execute(args);
    }

    /**
     * Gives every subcommand, nested ones too, -h/--help (picocli gives it only where a command
     * asks; 'score --help' said "Unknown option"). Added here rather than inherited with the
     * standard mixin because that would also add --version, which 'findings restore' uses for
     * the version to restore.
     */
    static void addHelpOptions(CommandLine c) {
        CommandLine.Model.CommandSpec s = c.getCommandSpec();
        if (s.findOption("--help") == null && s.findOption("-h") == null) {
            s.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        for (CommandLine sub : c.getSubcommands().values()) addHelpOptions(sub);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (try --help)");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Pars Reader " + (v == null ? "(development build)" : v)};
        }
    }
}
