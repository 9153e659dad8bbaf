package org.parsreader.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar Pars_Reader.jar SUBCOMMAND}: the headless command line. Exit status 0 on
 * success, 1 when the work failed (reason on stderr), 2 for a wrong command line.
 */
@Command(name = "pars-reader", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Pars Reader: reading CT-guided pars injection studies.",
        footerHeading = Main.EXAMPLES, footer = {"  pars-reader info sample-data/case-001", "  pars-reader demo --sample sample-data/case-001",
            "  pars-reader help score", "  # pars-reader: java -jar Pars_Reader-0.1.0.jar; each command's --help",
            "  # ends with its own examples"},
        subcommands = {InfoCommand.class, VolumeStatsCommand.class, GenerateSampleCommand.class, DemoCommand.class, FindingsCommand.class,
            ScoreCommand.class, AgreementCommand.class, GenerateCohortCommand.class, QuantifyContrastCommand.class, BmeRatioCommand.class,
            BatchCommand.class, BatchMergeCommand.class, ReformatCommand.class, DicomSrCommands.ExportSr.class, DicomSrCommands.ExportSeg.class,
            DicomSrCommands.ImportSr.class, StudyCommand.class, PacsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /**
     * The heading of every command's examples. Each example line starts with "  pars-reader ", a line
     * ending in a backslash continues on the next; they run on the repository's sample-data/ as
     * written, and HelpExamplesTest runs every one of them (out/ rewritten to a temporary folder).
     */
    static final String EXAMPLES = "%nExamples (run from the repository root: sample-data/ ships with it, or remake it with"
            + " generate-sample and generate-cohort; out/ stands for any output folder):%n";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns the exit status, for tests and batch callers. */
    public static int execute(String... args) {
        CommandLine cl = commandLine(args);
        addHelpOptions(cl);
        CommandLine.IParameterExceptionHandler usual = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, args1) -> ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                ? unmatched(u) : usual.handleParseException(ex, args1));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            String why = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            // the JDK's NoSuchFileException says only the path
            if (ex instanceof java.nio.file.NoSuchFileException && why.equals(((java.nio.file.NoSuchFileException) ex).getFile())) why += ": no such file or folder";
            cmd.getErr().println("error: " + why);
            if (System.getenv("PARS_READER_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return 1;
        });
        int status = run(cl, args);
        if (status == 1) sampleDataHint(cl.getParseResult(), cl.getErr());
        return status;
    }

    /** Runs {@code cl}; running out of memory ends in one line saying how to give Java more, not a stack trace. */
    static int run(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println("error: out of memory (Java heap of at most " + (Runtime.getRuntime().maxMemory() >> 20) + " MB): nothing more was done."
                    + " Give Java more memory: PARS_READER_JAVA_OPTS=-Xmx8g pars-reader ..., or java -Xmx8g -jar ...");
            cl.getErr().flush();
            return 1;
        }
    }

    /**
     * After a failure: an input under a folder named sample-data that does not exist gets one line naming
     * it and saying how to get the sample data (the README's and the help's examples all use it).
     */
    static void sampleDataHint(CommandLine.ParseResult parsed, java.io.PrintWriter err) {
        if (parsed == null) return;
        for (CommandLine.ParseResult r = parsed; r != null; r = r.subcommand()) {
            for (CommandLine.Model.ArgSpec a : r.matchedArgs()) {
                Object v = a.getValue();
                java.util.List<?> values = v instanceof java.util.Collection<?> c ? java.util.List.copyOf(c) : java.util.Collections.singletonList(v);
                for (Object o : values) {
                    if (!(o instanceof java.nio.file.Path p)) continue;
                    java.util.Optional<String> hint = org.parsreader.sample.SampleDataHint.forPath(p);
                    if (hint.isEmpty()) continue;
                    err.println(hint.get());
                    err.flush();
                    return;
                }
            }
        }
    }

    /**
     * The command line for {@code args}: when they start with a subcommand's name, a root with
     * that one subcommand only. picocli builds a command's model by reflection over its
     * annotations when the command is added, which for all subcommands was a third of
     * {@code volume-stats}' start-up (issue 16); what is run, its usage ("pars-reader NAME") and
     * its errors and suggestions do not depend on the siblings. Everything else ({@code help},
     * {@code --help}, {@code --version}, no or an unknown subcommand, whose suggestion needs the
     * names of all) gets the whole model. The list of subcommands stays {@link Main}'s annotation;
     * {@link CommandTable} finds the named one without reading annotations.
     */
    static CommandLine commandLine(String... args) {
        Class<?> only = args.length == 0 ? null : CommandTable.top(args[0]);
        if (only == null) return new CommandLine(new Main());
        // the HTTP client's one-time set-up runs on a second core while picocli builds the model
        if (only == PacsCommand.class) org.parsreader.pacs.HttpWarmup.start();
        CommandLine root = bare(new Main(), CommandTable.ROOT);
        // one level further for a group of commands with no options of its own (pacs retrieve,
        // study init): only the command named second is built; 'pacs --help' and a typo in the
        // second word get the group's whole model
        Class<?> nested = args.length > 1 ? CommandTable.nested(only, args[1]) : null;
        if (nested == null) {
            root.addSubcommand(new CommandLine(only));
        } else {
            CommandLine group = bare(instance(only), args[0]);
            CommandLine.Model.CommandSpec coded = CodedModels.of(nested); // pacs retrieve: no annotations read
            group.addSubcommand(coded != null ? new CommandLine(coded) : new CommandLine(nested));
            root.addSubcommand(group);
        }
        return root;
    }

    /** A command line for {@code command} named {@code name}, and nothing else (no options, no subcommands, no annotation read). */
    private static CommandLine bare(Object command, String name) {
        return new CommandLine(CommandLine.Model.CommandSpec.wrapWithoutInspection(command).name(name));
    }

    private static Object instance(Class<?> c) {
        try {
            return CommandLine.defaultFactory().create(c);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make " + c.getName() + ": " + e, e);
        }
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
        CommandLine help = c.getSubcommands().get("help");
        if (help != null && help.getCommand() instanceof CommandLine.HelpCommand) {
            help.getCommandSpec().usageMessage().footerHeading(EXAMPLES).footer("  pars-reader help score", "  pars-reader help findings restore");
        }
    }

    /**
     * A typo in a command or an option: says which word, the closest valid ones (picocli's own
     * suggestions) and where the whole list is; exit 2 as every wrong command line.
     */
    static int unmatched(CommandLine.UnmatchedArgumentException ex) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String word = ex.getUnmatched().get(0);
        boolean option = word.startsWith("-");
        boolean command = !option && !cmd.getSubcommands().isEmpty();
        java.util.List<String> near = ex.getSuggestions().stream().map(x -> x.substring(x.lastIndexOf(' ') + 1)).distinct().toList();
        String what = option ? "unknown option '" + word + "' for " + name
                : command ? "'" + word + "' is not a command of " + name : "unexpected argument '" + word + "' for " + name;
        java.io.PrintWriter err = cmd.getErr();
        err.println("error: " + what + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?"));
        err.println("(" + name + " --help lists every " + (option ? "option" : command ? "command" : "parameter") + ")");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
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
