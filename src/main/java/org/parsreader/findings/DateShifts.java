package org.parsreader.findings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each pseudonym's date shift for research exports: a whole number of days, drawn at random
 * (1 to {@value #MAX_DAYS} days into the past) the first time the patient is exported and kept,
 * so every export of one patient shifts by the same amount and intervals between dates stay
 * true. The file ({@code pseudonym,shift_days}) lives beside the pseudonym registry, since it
 * turns shifted dates back into real ones; it is written atomically and readable by its owner only.
 */
public final class DateShifts {
    static final String HEADER = "pseudonym,shift_days";
    static final int MAX_DAYS = 1095;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path file;
    private final Map<String, Integer> byPseudonym = new LinkedHashMap<>();

    private DateShifts(Path file) {
        this.file = file;
    }

    /** Where the shifts of a registry live: {@code cases.pseudonyms.csv} -> {@code cases.pseudonyms.date-shifts.csv}. */
    public static Path besideRegistry(Path registry) {
        String n = registry.getFileName().toString();
        return registry.resolveSibling((n.endsWith(".csv") ? n.substring(0, n.length() - 4) : n) + ".date-shifts.csv");
    }

    /** Opens (or starts) the shifts in {@code file}; a damaged file is an error, never overwritten. */
    public static DateShifts open(Path file) throws IOException {
        DateShifts d = new DateShifts(file);
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) throw new FindingsException(file + ": not a date shift file (first line must be '" + HEADER + "'); left unchanged");
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                String[] c = lines.get(i).split(",", -1);
                int days;
                try {
                    days = c.length == 2 ? Integer.parseInt(c[1].trim()) : 0;
                } catch (NumberFormatException e) {
                    days = 0;
                }
                if (c.length != 2 || c[0].isBlank() || days == 0 || Math.abs(days) > 36500)
                    throw new FindingsException(file + ": line " + (i + 1) + " is not 'pseudonym,shift_days' with a non-zero number of days; left unchanged");
                if (d.byPseudonym.put(c[0], days) != null) throw new FindingsException(file + ": pseudonym " + c[0] + " appears twice (line " + (i + 1) + ")");
            }
        }
        return d;
    }

    /** The shift in days (negative: into the past) of {@code pseudonym}, drawn and saved if new. */
    public synchronized int shiftFor(String pseudonym) throws IOException {
        if (pseudonym == null || pseudonym.isBlank() || pseudonym.contains(",") || pseudonym.contains("\n"))
            throw new FindingsException("'" + Quote.of(String.valueOf(pseudonym)) + "' cannot get a date shift (empty, or a comma or line break in it)");
        Integer d = byPseudonym.get(pseudonym);
        if (d != null) return d;
        int days = -(1 + RANDOM.nextInt(MAX_DAYS));
        byPseudonym.put(pseudonym, days);
        save();
        return days;
    }

    private void save() throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Map.Entry<String, Integer> e : byPseudonym.entrySet()) b.append(e.getKey()).append(',').append(e.getValue()).append('\n');
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".date-shifts", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own protection applies
            }
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
