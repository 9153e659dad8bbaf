package org.parsreader.reading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.parsreader.findings.Worklist;
import org.parsreader.util.ProgressListener;

/**
 * A reader going through a worklist, one open case at a time: {@link #next} and
 * {@link #previous} save and close the open case and open the neighbouring one in the
 * reader's order; {@link #progress} says where the reader is ("3 of 12, 2 complete").
 *
 * <pre>{@code
 * WorklistNavigator w = WorklistNavigator.open(cohort, options, ProgressListener.NONE); // resumes
 * w.current().set("pars_defect", "L5", Side.LEFT, "complete");
 * w.next(ProgressListener.NONE);      // saved, closed, next case open
 * }</pre>
 */
public final class WorklistNavigator implements AutoCloseable {
    /**
     * Where the reader is: the open case's place in the order (1-based; 0 when none is open),
     * of how many, and how many are complete (from the findings files, now).
     */
    public record Progress(int position, int total, int complete) {
        /** "3 of 12, 2 complete" */
        public String text() {
            return String.format(Locale.ROOT, "%d of %d, %d complete", position, total, complete);
        }
    }

    private final Path cohort;
    private final Worklist worklist;
    private final ReadingSession.Options options;
    private ReadingSession current;

    private WorklistNavigator(Path cohort, Worklist worklist, ReadingSession.Options options) {
        this.cohort = cohort;
        this.worklist = worklist;
        this.options = options;
    }

    /**
     * The reader's worklist over the case folders of {@code cohort}, opened at the first case
     * that is not complete (or the first case when all are).
     *
     * @param required findings that must have a value for a case to count as complete (may be empty)
     */
    public static WorklistNavigator open(Path cohort, ReadingSession.Options options, List<String> required,
                                         ProgressListener progress) throws IOException {
        return open(cohort, Worklist.of(cohort, options.reader().id(), options.template(), required), options, progress);
    }

    /** A reader going through a given worklist (a study's: {@code Study.worklist}), opened where the reader left off. */
    public static WorklistNavigator open(Path cohort, Worklist w, ReadingSession.Options options, ProgressListener progress) throws IOException {
        if (w.order().isEmpty()) throw new IllegalArgumentException("no case folders in " + cohort);
        WorklistNavigator n = new WorklistNavigator(cohort, w, options);
        n.current = ReadingSession.open(w.resume().orElse(w.order().get(0)), options, progress);
        return n;
    }

    /** As {@link #open(Path, ReadingSession.Options, List, ProgressListener)}, complete meaning the template's required findings. */
    public static WorklistNavigator open(Path cohort, ReadingSession.Options options, ProgressListener progress) throws IOException {
        return open(cohort, options, options.template().requiredFindings(), progress);
    }

    public Path cohort() { return cohort; }

    public Worklist worklist() { return worklist; }

    /** The open case's session (null only after {@link #close}). */
    public synchronized ReadingSession current() { return current; }

    public synchronized boolean hasNext() {
        return current != null && worklist.next(current.caseDir()).isPresent();
    }

    public synchronized boolean hasPrevious() {
        return current != null && worklist.previous(current.caseDir()).isPresent();
    }

    /** Saves and closes the open case and opens the next one; empty (the open case stays open) at the end of the list. */
    public synchronized Optional<ReadingSession> next(ProgressListener progress) throws IOException {
        return move(current == null ? Optional.empty() : worklist.next(current.caseDir()), progress);
    }

    /** Saves and closes the open case and opens the one before; empty (the open case stays open) at the start. */
    public synchronized Optional<ReadingSession> previous(ProgressListener progress) throws IOException {
        return move(current == null ? Optional.empty() : worklist.previous(current.caseDir()), progress);
    }

    private Optional<ReadingSession> move(Optional<Path> to, ProgressListener progress) throws IOException {
        if (to.isEmpty()) return Optional.empty();
        // save first and open the next case before closing this one: if either fails, the reader stays where he was
        current.save();
        ReadingSession next = ReadingSession.open(to.get(), options, progress);
        ReadingSession was = current;
        current = next;
        was.close();
        return Optional.of(current);
    }

    public synchronized Progress progress() {
        int[] p = worklist.progress();
        int position = current == null ? 0 : worklist.order().indexOf(current.caseDir()) + 1;
        return new Progress(position, p[1], p[0]);
    }

    /** Saves and closes the open case. */
    @Override
    public synchronized void close() throws IOException {
        if (current != null) {
            ReadingSession c = current;
            current = null;
            c.close();
        }
    }

    @Override
    public String toString() {
        return "worklist " + cohort + " for " + Objects.requireNonNull(options.reader()).id();
    }
}
