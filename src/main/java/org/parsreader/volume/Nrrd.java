package org.parsreader.volume;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * What every NRRD file of ours shares: a header in patient geometry ({@code space:
 * left-posterior-superior}, DICOM LPS mm; {@code space origin} is the first sample's centre,
 * {@code space directions} the step vectors of the axes, so a sheared grid stays exact) and an
 * atomic write (temporary file in the same folder, then rename). Used by the contrast mask and
 * the reformatted planes.
 */
public final class Nrrd {
    private Nrrd() {}

    /** Writes the body of a file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The header up to and including its blank line. {@code directions} holds one step vector per
     * axis (the fastest first), {@code encoding} is e.g. "gzip" or "raw"; {@code extra} lines
     * (without newline) follow the standard fields.
     */
    public static String header(String comment, String type, int[] sizes, double[][] directions, double[] origin,
                                String encoding, String... extra) {
        StringBuilder b = new StringBuilder("NRRD0004\n");
        for (String line : comment.split("\n")) b.append("# ").append(line).append('\n');
        b.append("type: ").append(type).append('\n');
        b.append("dimension: ").append(sizes.length).append('\n');
        b.append("space: left-posterior-superior\n");
        b.append("sizes:");
        for (int s : sizes) b.append(' ').append(s);
        b.append('\n');
        b.append("space directions:");
        for (double[] d : directions) b.append(' ').append(vec(d));
        b.append('\n');
        b.append("kinds:");
        for (int i = 0; i < sizes.length; i++) b.append(" domain");
        b.append('\n');
        b.append("encoding: ").append(encoding).append('\n');
        for (String e : extra) b.append(e).append('\n');
        b.append("space origin: ").append(vec(origin)).append('\n');
        b.append('\n');
        return b.toString();
    }

    /** Writes the header's bytes (ASCII). */
    public static void writeHeader(OutputStream out, String header) throws IOException {
        out.write(header.getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes the file atomically (temporary file beside it, then rename); creates its folder. */
    public static void writeAtomically(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A vector as NRRD writes it: (x,y,z) with 6 decimals. */
    public static String vec(double[] v) {
        return String.format(Locale.ROOT, "(%.6f,%.6f,%.6f)", v[0], v[1], v[2]);
    }
}
