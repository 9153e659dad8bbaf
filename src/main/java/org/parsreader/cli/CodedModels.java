package org.parsreader.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli models built in code for the commands whose start-up is timed against a command-line
 * tool that has none: {@code pacs retrieve} against curl and dcmtk (issue 13, point 7). picocli
 * builds a model from annotations by reflection: the command's fields and methods and those of
 * its superclasses and {@code Object}, six annotation proxy classes spun at run time (a
 * class-data-sharing archive cannot hold them on Java 17); ~20 ms of a fresh process, where this
 * takes ~2 ms.
 *
 * <p>The annotations stay the definition: the full model ({@code pars-reader --help},
 * {@code pacs --help}) is still read from them, and {@code CodedModelsTest} holds each model here
 * equal to the annotations' (every option's attributes, the usage text, what parsing binds and
 * refuses). The texts are the commands' own constants.
 */
final class CodedModels {
    private CodedModels() {}

    /** The model of {@code command} built in code, or null: picocli then reads its annotations. */
    static CommandSpec of(Class<?> command) {
        return command == PacsCommand.Retrieve.class ? retrieve(new PacsCommand.Retrieve()) : null;
    }

    static CommandSpec retrieve(PacsCommand.Retrieve r) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(r).name("retrieve");
        s.usageMessage().description(PacsCommand.Retrieve.DESCRIPTION).footerHeading(Main.EXAMPLES)
                .footer(PacsCommand.Retrieve.EXAMPLE_1, PacsCommand.Retrieve.EXAMPLE_2);
        // in the order picocli finds them: the superclass's fields first
        s.addOption(option("--pacs-config", "FILE", Path.class, PacsCommand.Base.CONFIG, new RetrieveField(r, RetrieveField.CONFIG)));
        s.addOption(option("--server", "NAME", String.class, PacsCommand.Base.SERVER, new RetrieveField(r, RetrieveField.SERVER)));
        s.addOption(option("--protocol", PacsCommand.Base.PROTOCOLS, String.class, PacsCommand.Base.PROTOCOL, new RetrieveField(r, RetrieveField.PROTOCOL)));
        RetrieveField studies = new RetrieveField(r, RetrieveField.STUDIES);
        s.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("STUDYUID").type(List.class).auxiliaryTypes(String.class)
                .descriptionKey("").prompt("").getter(studies).setter(studies).build());
        s.addOption(option("--cache", "DIR", Path.class, PacsCommand.Retrieve.CACHE, new RetrieveField(r, RetrieveField.CACHE)));
        return s;
    }

    private static OptionSpec option(String name, String label, Class<?> type, String description, RetrieveField field) {
        // descriptionKey and prompt "" as the annotations give them (the builder's null means the same)
        return OptionSpec.builder(name).paramLabel(label).type(type).description(description).descriptionKey("").prompt("")
                .getter(field).setter(field).build();
    }

    /** One field of a {@code Retrieve}, read and written without reflection (a class, not lambdas: the first lambda of a process costs too). */
    private static final class RetrieveField implements IGetter, ISetter {
        static final int CONFIG = 0;
        static final int SERVER = 1;
        static final int PROTOCOL = 2;
        static final int STUDIES = 3;
        static final int CACHE = 4;
        private final PacsCommand.Retrieve r;
        private final int field;

        RetrieveField(PacsCommand.Retrieve r, int field) {
            this.r = r;
            this.field = field;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) switch (field) {
                case CONFIG -> r.config;
                case SERVER -> r.server;
                case PROTOCOL -> r.protocol;
                case STUDIES -> r.studies;
                default -> r.cache;
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T old = get();
            switch (field) {
                case CONFIG -> r.config = (Path) value;
                case SERVER -> r.server = (String) value;
                case PROTOCOL -> r.protocol = (String) value;
                case STUDIES -> r.studies = (List<String>) value;
                default -> r.cache = (Path) value;
            }
            return old;
        }
    }
}
