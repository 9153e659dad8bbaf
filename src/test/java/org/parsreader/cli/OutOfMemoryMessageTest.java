package org.parsreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command that runs out of memory ends in one line saying how to give Java more, exit status 1, no stack trace. */
class OutOfMemoryMessageTest {
    @CommandLine.Command(name = "greedy")
    static final class Greedy implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void outOfMemoryIsOneLineThatSaysWhatToDo() {
        CommandLine cl = new CommandLine(new Greedy());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(Main.run(cl)).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: out of memory").contains("PARS_READER_JAVA_OPTS=-Xmx").doesNotContain("\tat ");
    }
}
