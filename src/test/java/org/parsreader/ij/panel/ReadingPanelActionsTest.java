package org.parsreader.ij.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.parsreader.findings.Side;

/** The panel's one path for actions: in order, off the event thread, failures as messages, never on another case. */
class ReadingPanelActionsTest {
    final List<String> done = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<String> messages = new CopyOnWriteArrayList<>();

    ReadingPanelActions actions() {
        return new ReadingPanelActions((action, o) -> {
            if (action.equals("fail")) throw new IllegalArgumentException("Reading Set...: level 'L9' is not one of [L1, L2]");
            done.add(action + " " + o);
            return action + " ok";
        }, messages::add, errors::add);
    }

    @Test
    void actionsRunInTheOrderTheyWereMadeAndFailuresBecomeMessages() {
        ReadingPanelActions a = actions();
        a.perform("set", ReadingPanelActions.place("pars_defect", "L5", Side.LEFT));
        a.perform("fail", Map.of());
        a.perform("clear", ReadingPanelActions.place("meyerding", "L5", null));
        assertThat(a.drain(5)).isTrue();
        assertThat(done).containsExactly("set {finding=pars_defect, level=L5, side=left}", "clear {finding=meyerding, level=L5}");
        assertThat(errors).containsExactly("Reading Set...: level 'L9' is not one of [L1, L2]");
        assertThat(messages).containsExactly("set ok", "clear ok");
        a.shutdown();
    }

    @Test
    void anActionQueuedForOneCaseIsNotDoneOnAnother() {
        ReadingPanelActions a = actions();
        AtomicReference<Object> shown = new AtomicReference<>("case A"), active = new AtomicReference<>("case A");
        a.guard(shown::get, active::get);
        a.after(() -> active.set("case B")); // Next case, or Read Case from the menu, ran first
        a.perform("set", ReadingPanelActions.place("pars_defect", "L5", Side.LEFT));
        a.drain(5);
        assertThat(done).isEmpty();
        assertThat(errors).containsExactly("set not done: another case was opened before it ran");
        shown.set("case B");
        a.perform("set", ReadingPanelActions.place("pars_defect", "L5", Side.LEFT));
        a.drain(5);
        assertThat(done).hasSize(1);
        a.shutdown();
    }

    @Test
    void aMessageNamesTheCauseNotTheWrapper() {
        Exception e = new java.util.concurrent.ExecutionException(new IllegalStateException("no case is open for reading"));
        assertThat(ReadingPanelActions.message(e)).isEqualTo("no case is open for reading");
        assertThat(ReadingPanelActions.message(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
