package org.parsreader.findings.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

/**
 * Append-only JSON Lines log of every change to a case's findings ({@code findings/audit.log}).
 *
 * <p>Each append is a single {@code write} in append mode followed by a force, so lines from
 * several threads or processes (two readers of one case) do not interleave on a local file
 * system. A crash mid-append can leave a torn last line; the next append starts on a fresh line,
 * and {@link #read()} skips and reports torn or unreadable lines instead of failing.
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

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    public AuditLog(Path file) {
        this.file = file;
    }

    public Path file() { return file; }

    /** Appends one line and forces it to disk. */
    public void append(AuditEntry entry) throws IOException {
        ObjectNode o = mapper.createObjectNode();
        o.put("time", entry.time().toString());
        o.put("reader", entry.reader());
        o.put("who", entry.who());
        o.put("action", entry.action().key());
        o.put("what", entry.what());
        o.put("sha256", entry.sha256());
        o.put("bytes", entry.bytes());
        byte[] line = (mapper.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        boolean created = !Files.exists(file);
        // A crash may have torn the last line: start on a new one so this entry stays whole.
        ByteBuffer buf = ByteBuffer.wrap(created || endsWithNewline(file) ? line : prependNewline(line));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
        if (created) {
            AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
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
