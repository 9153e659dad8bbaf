package org.parsreader.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Output files (CSV, Markdown, PNG reports) written whole or not at all: the content goes to a
 * temporary file beside the target ({@code .<name>.<random>.tmp}), is forced to disk, and is
 * renamed over the target in one step. On a full or read-only disk the target keeps what it had
 * (or stays absent), the temporary file is removed, and the error names the target.
 *
 * <pre>{@code
 * OutputFiles.writeText(out.resolve("results.csv"), w -> ScoringCsv.results(rows, w));
 * OutputFiles.write(out.resolve("forest.png"), o -> ImageIO.write(image, "png", o));
 * }</pre>
 */
public final class OutputFiles {
    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content as text (UTF-8). */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    private OutputFiles() { }

    /** Creates {@code dir} and its parents; the error names the folder. */
    public static Path createDirectories(Path dir) throws IOException {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw named(dir, "cannot create the folder", e);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static void writeText(Path target, Text text) throws IOException {
        write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            text.writeTo(w);
            w.flush();
        });
    }

    /** Replaces {@code target} with what {@code content} writes, atomically. */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            FileChannel ch = null;
            for (int attempt = 0; ch == null; attempt++) {
                temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
                try {
                    ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 10) {
                        temp = null;
                        throw e;
                    }
                }
            }
            try (FileChannel channel = ch) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true); // on disk before the rename shows it: never a renamed empty file after a crash
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temp, e);
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw named(target, "cannot write", io);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp, e);
            throw e;
        }
    }

    private static void deleteQuietly(Path temp, Throwable e) {
        if (temp == null) return;
        try {
            Files.deleteIfExists(temp);
        } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
        }
    }

    /** "out/results.csv: cannot write: No space left on device"; the JDK's message alone often names no file, or a temporary one. */
    private static IOException named(Path target, String what, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IOException(target + ": " + what + ": " + reason + (what.equals("cannot write") ? " (nothing written; an earlier "
                + target.getFileName() + " is left as it was)" : ""), e);
    }
}
