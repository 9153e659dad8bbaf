package org.parsreader.findings.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Append-only JSON Lines log of every change to a case's findings ({@code findings/audit.log}).
 *
 * <p>Each append is a {@code write} in append mode under a lock on the log, followed by a force,
 * so lines from several threads or processes (two readers of one case) do not interleave. A line
 * whose change then fails (a full disk) is cut away again ({@link #append(AuditEntry, Step)}).
 * A crash mid-append can leave a torn last line; the next append starts on a fresh line, and
 * {@link #read()} skips and reports torn or unreadable lines instead of failing.
 *
 * <pre>{@code
 * AuditLog.Contents log = new AuditLog(caseDir.resolve("findings/audit.log")).read();
 * log.entries().forEach(e -> System.out.println(e.time() + " " + e.who() + " " + e.what()));
 * }</pre>
 */
public final class AuditLog {
    /** A line that could not be read back, with its 1-based number. */
    public record SkippedLine(int lineNumber, String text, String reason) {
    }

    /** The readable entries in file order, and the lines that were not. */
    public record Contents(List<AuditEntry> entries, List<SkippedLine> skipped) {
    }

    /** One append at a time in this process: the OS lock does not exclude two channels of one process. */
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    public AuditLog(Path file) {
        this.file = file;
    }

    public Path file() { return file; }

    /** What an entry records, done while the entry's line can still be taken back. */
    @FunctionalInterface
    public interface Step {
        void run() throws IOException;
    }

    /** Appends one line and forces it to disk; an error names the log. */
    public void append(AuditEntry entry) throws IOException {
        append(entry, null);
    }

    /**
     * Appends one line, forces it to disk, then runs {@code step} (the change the line records).
     * If the line cannot be written whole, or {@code step} fails, the log is cut back to what it
     * was, so the log never records a change that did not happen; the error is rethrown.
     *
     * <p>The log is locked while this runs (an OS lock, and a lock in this Java process), so a
     * line of another reader or process is never cut back with ours.
     */
    public void append(AuditEntry entry, Step step) throws IOException {
        ObjectNode o = mapper.createObjectNode();
        o.put("time", entry.time().toString());
        o.put("reader", entry.reader());
        o.put("who", entry.who());
        o.put("action", entry.action().key());
        o.put("what", entry.what());
        o.put("sha256", entry.sha256());
        o.put("bytes", entry.bytes());
        byte[] line = (mapper.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        IN_THIS_JVM.lock();
        try {
            boolean created = !Files.exists(file);
            FileChannel ch;
            try {
                // append mode (not READ: Java refuses READ + APPEND), so a line of an older Pars
                // Reader that does not lock the log is never overwritten
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw AtomicFiles.named(file, "cannot open the audit log", e);
            }
            FileLock lock;
            try {
                lock = ch.lock();
            } catch (IOException e) {
                try {
                    ch.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw AtomicFiles.named(file, "cannot lock the audit log", e);
            }
            try (ch; lock) {
                long before = ch.size();
                try {
                    // A crash may have torn the last line: start on a new one so this entry stays whole.
                    ByteBuffer buf = ByteBuffer.wrap(before == 0 || endsWithNewline(file) ? line : prependNewline(line));
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(false);
                    if (created) {
                        AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
                    }
                } catch (IOException e) {
                    takeBack(ch, before, e);
                    throw AtomicFiles.named(file, "cannot append to the audit log", e);
                }
                if (step != null) {
                    try {
                        step.run();
                    } catch (IOException | RuntimeException e) {
                        takeBack(ch, before, e);
                        throw e;
                    }
                }
            }
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    /** Cuts the log back to {@code size}: the line of a change that failed (or a part of it) goes. */
    private void takeBack(FileChannel ch, long size, Exception cause) {
        try {
            if (ch.size() > size) {
                ch.truncate(size);
                ch.force(false);
            }
        } catch (IOException e) {
            cause.addSuppressed(AtomicFiles.named(file, "could not take back the audit line of a failed change", e));
        }
    }

    /** Reads every line; a missing log reads as empty. */
    public Contents read() throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), List.of());
        }
        List<AuditEntry> entries = new ArrayList<>();
        List<SkippedLine> skipped = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            lineNumber++;
            // decoding per line replaces a torn UTF-8 sequence instead of failing the whole read
            String text = new String(all, start, end - start, StandardCharsets.UTF_8);
            boolean terminated = end < all.length;
            if (!text.isBlank()) {
                String problem = parse(text, entries);
                if (problem != null) {
                    skipped.add(new SkippedLine(lineNumber,
                            text, terminated ? problem : "torn last line (no newline): " + problem));
                }
            }
            start = end + 1;
        }
        return new Contents(List.copyOf(entries), List.copyOf(skipped));
    }

    /** Adds the entry on this line, or returns why it could not be read. */
    private String parse(String text, List<AuditEntry> entries) {
        try {
            JsonNode o = mapper.readTree(text);
            if (o == null || !o.isObject()) {
                return "not a JSON object";
            }
            for (String field : new String[] {"time", "reader", "who", "action", "what", "sha256", "bytes"}) {
                if (!o.hasNonNull(field)) {
                    return "missing field '" + field + "'";
                }
            }
            Optional<AuditAction> action = AuditAction.fromKey(o.get("action").asText());
            if (action.isEmpty()) {
                return "unknown action '" + o.get("action").asText() + "'";
            }
            entries.add(new AuditEntry(Instant.parse(o.get("time").asText()), o.get("reader").asText(),
                    o.get("who").asText(), action.get(), o.get("what").asText(), o.get("sha256").asText(),
                    o.get("bytes").asLong()));
            return null;
        } catch (IOException | DateTimeParseException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse("");
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            return last.get(0) == '\n';
        } catch (NoSuchFileException e) {
            return true;
        }
    }

    private static byte[] prependNewline(byte[] line) {
        byte[] out = new byte[line.length + 1];
        out[0] = '\n';
        System.arraycopy(line, 0, out, 1, line.length);
        return out;
    }
}
