package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@link CommandTable} names exactly the subcommands the annotations declare, and nests only groups without options. */
class CommandTableTest {
    @Test
    void theTopLevelTableIsMainsSubcommandList() {
        Command main = Main.class.getAnnotation(Command.class);
        assertThat(main.name()).isEqualTo(CommandTable.ROOT);
        List<Class<?>> declared = new ArrayList<>();
        for (Class<?> c : main.subcommands()) {
            if (c == CommandLine.HelpCommand.class) continue; // help needs the whole model, so the table has no entry for it
            Command a = c.getAnnotation(Command.class);
            assertThat(CommandTable.top(a.name())).as(a.name()).isEqualTo(c);
            assertThat(a.aliases()).as("aliases of " + a.name() + ": add them to CommandTable").isEmpty();
            declared.add(c);
        }
        assertThat(CommandTable.top("help")).isNull();
        assertThat(CommandTable.top("volume-stat")).as("a typo gets the whole model, for the suggestion").isNull();
        assertThat(declared).hasSize(18);
    }

    @Test
    void everyGroupWithoutOptionsIsNestedWithExactlyItsSubcommands() {
        for (Class<?> group : Main.class.getAnnotation(Command.class).subcommands()) {
            Command g = group.getAnnotation(Command.class);
            if (g.subcommands().length == 0) {
                assertThat(CommandTable.nested(group, "anything")).isNull();
                continue;
            }
            boolean bare = !hasOwnArguments(group);
            for (Class<?> c : g.subcommands()) {
                Command a = c.getAnnotation(Command.class);
                assertThat(a.aliases()).as(g.name() + " " + a.name()).isEmpty();
                assertThat(CommandTable.nested(group, a.name())).as(g.name() + " " + a.name()).isEqualTo(bare ? c : null);
            }
            assertThat(CommandTable.nested(group, "no-such-command")).isNull();
        }
        assertThat(CommandTable.nested(PacsCommand.class, "retrieve")).isEqualTo(PacsCommand.Retrieve.class);
    }

    /** Whether {@code c} (or a superclass) declares options, parameters, mixins or argument groups of its own: then it cannot be built bare. */
    private static boolean hasOwnArguments(Class<?> c) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (java.lang.reflect.Field f : k.getDeclaredFields()) {
                if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)
                        || f.isAnnotationPresent(CommandLine.Mixin.class) || f.isAnnotationPresent(CommandLine.ArgGroup.class)) return true;
            }
            for (java.lang.reflect.Method m : k.getDeclaredMethods()) {
                if (m.isAnnotationPresent(CommandLine.Option.class) || m.isAnnotationPresent(CommandLine.Parameters.class)
                        || m.isAnnotationPresent(CommandLine.Mixin.class) || m.isAnnotationPresent(CommandLine.ArgGroup.class)) return true;
            }
        }
        return c.getAnnotation(Command.class).mixinStandardHelpOptions();
    }
}
