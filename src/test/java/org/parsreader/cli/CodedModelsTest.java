package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every model {@link CodedModels} builds in code is the one picocli reads from the command's
 * annotations: the same options and parameters with the same attributes, the same usage text
 * where it runs (under {@code pars-reader pacs}), and the same values bound, or the same refusal,
 * for a set of command lines. Add an option to the annotations only, and this fails.
 */
class CodedModelsTest {
    /** Every subcommand class, nested ones too, that has a model in code. */
    private static List<Class<?>> coded() {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> top : Main.class.getAnnotation(Command.class).subcommands()) {
            List<Class<?>> all = new ArrayList<>(List.of(top));
            Command a = top.getAnnotation(Command.class);
            if (a != null) all.addAll(Arrays.asList(a.subcommands()));
            for (Class<?> c : all) if (CodedModels.of(c) != null) out.add(c);
        }
        return out;
    }

    @Test
    void theCodedModelsAreTheAnnotationsModels() {
        assertThat(coded()).containsExactly(PacsCommand.Retrieve.class);
        for (Class<?> c : coded()) {
            CommandSpec annotated = new CommandLine(c).getCommandSpec();
            CommandSpec inCode = CodedModels.of(c);
            assertThat(inCode.name()).isEqualTo(annotated.name());
            assertThat(inCode.userObject()).isInstanceOf(c);
            assertThat(describe(inCode)).as(c.getName()).isEqualTo(describe(annotated));
        }
    }

    @Test
    void pacsRetrieveHelpIsTheSameWithTheCodedModel() {
        String annotated = subcommand(full(), "pacs", "retrieve").getUsageMessage(CommandLine.Help.Ansi.OFF);
        String inCode = subcommand(running("pacs", "retrieve", "--help"), "pacs", "retrieve").getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(inCode).isEqualTo(annotated).contains("--pacs-config=FILE").contains("STUDYUID...").contains("--cache=DIR");
        assertThat(CodedModels.of(PacsCommand.Retrieve.class)).as("the command that runs is built in code").isNotNull();
        assertThat(subcommand(running("pacs", "retrieve", "1.2.3"), "pacs", "retrieve").getCommandSpec().options())
                .as("the running model's options are bound in code, not to fields by reflection")
                .filteredOn(o -> !o.usageHelp()) // -h/--help, which Main adds to every command
                .isNotEmpty().allSatisfy(o -> assertThat(o.getter().getClass().getEnclosingClass()).isEqualTo(CodedModels.class));
    }

    @Test
    void pacsRetrieveBindsAndRefusesTheSameWithTheCodedModel() {
        List<List<String>> lines = List.of(
                List.of("1.2.3"),
                List.of("1.2.3", "4.5.6", "7.8"),
                List.of("--pacs-config", "conf/pacs.json", "--server", "clinical", "--protocol", "move", "--cache", "out/studies", "1.2.3"),
                List.of("--cache=out/c", "--protocol=dicomweb", "--pacs-config=p.json", "9.9", "--server=s", "8.8"),
                List.of("--", "--cache", "1.2"),
                List.of("-h"),
                List.of("--help"),
                List.of(),                                   // refused: a study is required
                List.of("--cache"),                          // refused: no value
                List.of("--cahce", "x", "1.2.3"),            // refused: unknown option
                List.of("--protocol", "dimse", "--protocol", "move", "1.2.3"), // refused: given twice
                List.of("--server"));
        for (List<String> line : lines) {
            String[] args = new String[line.size() + 2];
            args[0] = "pacs";
            args[1] = "retrieve";
            for (int i = 0; i < line.size(); i++) args[i + 2] = line.get(i);
            assertThat(parse(running(args), args)).as("pacs retrieve %s", line).isEqualTo(parse(full(), args));
        }
    }

    /** What parsing args binds in the retrieve command (option and parameter values), or the refusal's class and message. */
    private static String parse(CommandLine root, String[] args) {
        try {
            CommandLine.ParseResult r = root.parseArgs(args);
            CommandSpec s = r.subcommand().subcommand().commandSpec();
            Map<String, Object> values = new TreeMap<>();
            for (OptionSpec o : s.options()) values.put(o.longestName(), o.getValue());
            for (PositionalParamSpec p : s.positionalParameters()) values.put(p.paramLabel(), p.getValue());
            PacsCommand.Retrieve bound = (PacsCommand.Retrieve) s.userObject();
            return values + " fields " + Arrays.asList(bound.config, bound.server, bound.protocol, bound.cache, bound.studies)
                    + " help " + r.subcommand().subcommand().isUsageHelpRequested();
        } catch (CommandLine.ParameterException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static CommandLine full() {
        CommandLine c = new CommandLine(new Main());
        Main.addHelpOptions(c);
        return c;
    }

    private static CommandLine running(String... args) {
        CommandLine c = Main.commandLine(args);
        Main.addHelpOptions(c);
        return c;
    }

    private static CommandLine subcommand(CommandLine c, String... names) {
        for (String n : names) c = c.getSubcommands().get(n);
        return c;
    }

    /** Everything picocli keeps of a command's arguments and usage texts, one line each, sorted (the order of declaration is not compared). */
    private static String describe(CommandSpec s) {
        List<String> lines = new ArrayList<>();
        var u = s.usageMessage();
        lines.add("usage " + Arrays.asList(u.description()) + Arrays.asList(u.header()) + u.footerHeading() + Arrays.asList(u.footer())
                + u.synopsisHeading() + Arrays.asList(u.customSynopsis()) + u.sortOptions() + u.abbreviateSynopsis() + u.showDefaultValues()
                + u.hidden() + u.width() + u.optionListHeading() + u.parameterListHeading() + u.commandListHeading() + u.descriptionHeading());
        lines.add("command " + s.aliases().length + s.mixinStandardHelpOptions() + s.subcommands().keySet() + s.mixins().keySet() + s.argGroups().size()
                + s.exitCodeOnSuccess() + s.exitCodeOnInvalidInput() + s.exitCodeOnExecutionException() + s.isAddMethodSubcommands() + s.resourceBundleBaseName()
                + s.interpolateVariables() + s.scopeType());
        for (OptionSpec o : s.options()) lines.add("option " + Arrays.asList(o.names()) + arg(o) + o.negatable() + o.order() + o.usageHelp() + o.versionHelp()
                + o.fallbackValue() + o.help());
        for (PositionalParamSpec p : s.positionalParameters()) lines.add("positional " + p.index() + arg(p));
        lines.sort(null);
        return String.join("\n", lines);
    }

    private static String arg(ArgSpec a) {
        return " label=" + a.paramLabel() + " arity=" + a.arity() + " type=" + a.type().getName() + " aux=" + Arrays.asList(a.auxiliaryTypes())
                + " desc=" + Arrays.asList(a.description()) + " key=" + a.descriptionKey() + " required=" + a.required() + " hidden=" + a.hidden()
                + " default=" + a.defaultValue() + " split=" + a.splitRegex() + " splitSynopsis=" + a.splitRegexSynopsisLabel() + " interactive="
                + a.interactive() + " echo=" + a.echo() + " prompt=" + a.prompt() + " showDefault=" + a.showDefaultValue() + " converters="
                + a.converters().length + " candidates=" + (a.completionCandidates() != null) + " inherited=" + a.inherited() + " scope=" + a.scopeType()
                + " mapFallback=" + a.mapFallbackValue() + " paramConsumer=" + (a.parameterConsumer() != null) + " preprocessor=" + a.preprocessor().getClass()
                + " initial=" + a.initialValue() + " hasInitial=" + a.hasInitialValue() + " multi=" + a.isMultiValue() + " group=" + a.group();
    }
}
