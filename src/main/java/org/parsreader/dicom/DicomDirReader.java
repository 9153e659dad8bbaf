package org.parsreader.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a DICOMDIR's directory records and finds the files they reference, relative to the
 * DICOMDIR's folder. A DICOMDIR given as the study path ({@link #contents}) stands for exactly
 * the files it references; one met in a folder scan ({@link #read}) is only summarised, since
 * the scanner walks the whole tree anyway.
 *
 * <p>The records are read as the flat Directory Record Sequence, not through PixelMed's
 * {@code DicomDirectory} tree: that tree silently drops every record below a record of an
 * unknown type (pydicom's DICOMDIR-nopatient: 1 of 31 files). PixelMed also reads a truncated
 * or damaged DICOMDIR without an exception, dropping the whole sequence or its tail, so every
 * record offset the file holds (root first and last, next, lower level) is checked against
 * the offsets of the records actually read: one pointing to no record means records were lost.
 */
final class DicomDirReader {
    static {
        PixelMedLogging.quiet(); // before this class first makes PixelMed log, whoever calls it first
    }

    static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";
    /** The reason given for a referenced file that is not there. */
    static final String MISSING = "referenced by DICOMDIR but missing";

    private DicomDirReader() {}

    static boolean looksLikeDicomDir(Path file) {
        return file.getFileName().toString().toUpperCase(Locale.ROOT).startsWith("DICOMDIR");
    }

    /**
     * Whether a path given to the scanner is a DICOMDIR file: by the Media Storage SOP Class UID
     * of its meta header whatever its name; by its name (DICOMDIR*) when it has no readable
     * meta header (a damaged DICOMDIR is then refused, not read as an image). A file so named
     * whose meta header names another SOP class (an image called DICOMDIR.BAK) is not one.
     */
    static boolean isDicomDirFile(Path path) {
        if (!Files.isRegularFile(path)) return false;
        String sopClass = null;
        try (InputStream in = Files.newInputStream(path)) {
            MetaSniffer.Meta meta = MetaSniffer.sniff(in.readNBytes(8192));
            if (meta != null) sopClass = meta.mediaStorageSopClassUid();
        } catch (IOException e) {
            // unreadable: decided by the name, and reported by whoever reads it
        }
        if (sopClass != null && !sopClass.isEmpty()) return MEDIA_STORAGE_DIRECTORY.equals(sopClass);
        return looksLikeDicomDir(path);
    }

    /**
     * What a DICOMDIR stands for: the referenced files that exist (in record order, each once),
     * the missing ones as skipped files, and its summary.
     */
    record Contents(List<Path> files, List<StudyIndex.SkippedFile> missing, StudyIndex.DicomDirSummary summary) {}

    /**
     * The files {@code dicomdir} references. Refuses (with the file and the reason) a DICOMDIR
     * that is damaged, references no file, or none of whose referenced files exists: a study
     * path that yields nothing is an error, never an empty study.
     *
     * @throws DicomReadException naming the DICOMDIR and what is wrong with it
     */
    static Contents contents(Path dicomdir) {
        Records r = records(dicomdir);
        if (!r.damage().isEmpty()) {
            throw new DicomReadException(dicomdir, "not usable as a DICOMDIR: " + String.join("; ", r.damage()));
        }
        if (r.fileIds().isEmpty()) {
            throw new DicomReadException(dicomdir, "DICOMDIR references no files: " + r.records()
                    + " directory record(s), none in use with a Referenced File ID (0004,1500)");
        }
        Contents c = resolveAll(dicomdir, r);
        if (c.files().isEmpty()) {
            throw new DicomReadException(dicomdir, "DICOMDIR references " + r.fileIds().size() + " file(s) under " + base(dicomdir)
                    + " and none of them exists (first: " + c.missing().get(0).file() + ")");
        }
        return c;
    }

    /**
     * The error for a DICOMDIR whose referenced files exist but none of which could be read as
     * DICOM: the count, the first file and its reason (a scan of the folder lists them all).
     */
    static DicomReadException nothingReadable(Path dicomdir, int files, List<StudyIndex.SkippedFile> skipped) {
        StudyIndex.SkippedFile first = skipped.stream().filter(f -> !f.reason().startsWith(MISSING)).findFirst()
                .orElse(skipped.isEmpty() ? null : skipped.get(0));
        return new DicomReadException(dicomdir, "none of the " + files + " file(s) the DICOMDIR references could be read as DICOM"
                + (first == null ? "" : " (first: " + first.file() + ": " + first.reason() + ")") + "; `info` on the folder lists every file and its reason");
    }

    /** Summarises a DICOMDIR met in a folder scan; the paths it references are added to {@code referenced}. */
    static StudyIndex.DicomDirSummary read(Path dicomdir, Set<Path> referenced) {
        Records r = records(dicomdir);
        if (!r.damage().isEmpty()) {
            return new StudyIndex.DicomDirSummary(dicomdir, r.fileIds().size(), List.of(), r.damage(), List.of());
        }
        Contents c = resolveAll(dicomdir, r);
        for (Path p : c.files()) referenced.add(p.normalize());
        return c.summary();
    }

    /** The Referenced File IDs of the records in use, how many records there are, and what is damaged. */
    private record Records(List<List<String>> fileIds, int records, List<String> damage) {}

    private static Records records(Path dicomdir) {
        List<String> damage = new ArrayList<>();
        long size;
        try {
            size = Files.size(dicomdir);
        } catch (IOException e) {
            return new Records(List.of(), 0, List.of("unreadable: " + HeaderReader.describe(e)));
        }
        AttributeList list = new AttributeList();
        String readError = null;
        try {
            list.read(dicomdir.toFile());
        } catch (Exception | StackOverflowError e) {
            readError = HeaderReader.describe(e);
        }
        String sopClass = Attribute.getSingleStringValueOrEmptyString(list, Tags.at(0x00020002)).trim();
        if (!sopClass.isEmpty() && !MEDIA_STORAGE_DIRECTORY.equals(sopClass)) {
            damage.add("Media Storage SOP Class UID (0002,0002) is " + sopClass + ", not Media Storage Directory Storage ("
                    + MEDIA_STORAGE_DIRECTORY + ")");
        }
        long first = offset(list, Tags.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity);
        long last = offset(list, Tags.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity);
        Attribute a = list.get(Tags.at(Tags.DirectoryRecordSequence));
        if (!(a instanceof SequenceAttribute seq)) {
            String why = readError != null ? ": " + readError : "";
            if (first > 0 || readError != null) {
                damage.add("its Directory Record Sequence (0004,1220) could not be read; the file (" + size
                        + " bytes) is truncated or damaged" + why);
            } else if (sopClass.isEmpty() && list.isEmpty()) {
                damage.add("not a DICOM file");
            } else {
                damage.add("no Directory Record Sequence (0004,1220)");
            }
            return new Records(List.of(), 0, List.copyOf(damage));
        }
        int n = seq.getNumberOfItems();
        Set<Long> read = new HashSet<>();
        for (int i = 0; i < n; i++) read.add(seq.getItem(i).getByteOffset());
        List<String> lost = new ArrayList<>();
        if (first > 0 && !read.contains(first)) lost.add("the root's first record (0004,1200) at byte " + first);
        if (last > 0 && !read.contains(last)) lost.add("the root's last record (0004,1202) at byte " + last);
        List<List<String>> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SequenceItem item = seq.getItem(i);
            AttributeList rec = item.getAttributeList();
            long next = offset(rec, Tags.OffsetOfTheNextDirectoryRecord);
            long lower = offset(rec, Tags.OffsetOfReferencedLowerLevelDirectoryEntity);
            if (next > 0 && !read.contains(next)) lost.add("the next record (0004,1400) of the record at byte " + item.getByteOffset() + " at byte " + next);
            if (lower > 0 && !read.contains(lower)) lost.add("the lower-level record (0004,1420) of the record at byte " + item.getByteOffset() + " at byte " + lower);
            if (Attribute.getSingleIntegerValueOrDefault(rec, Tags.at(Tags.RecordInUseFlag), 0xFFFF) == 0) continue; // inactive
            List<String> id = new PixelMedHeader(rec).list(Tags.ReferencedFileID);
            if (!id.isEmpty()) ids.add(id);
        }
        String cutOff = n == 0 ? null : sequenceEnd(dicomdir, size, seq.getItem(0).getByteOffset(),
                Attribute.getSingleStringValueOrEmptyString(list, Tags.at(0x00020010)).trim());
        if (cutOff != null) {
            damage.add(n + " record(s) read, but " + cutOff + "; the file (" + size + " bytes) is truncated or damaged"
                    + (readError != null ? ": " + readError : ""));
        } else if (!lost.isEmpty()) {
            damage.add(n + " record(s) read, but " + lost.get(0) + (lost.size() > 1 ? " (and " + (lost.size() - 1) + " more)" : "")
                    + " was not read; the file (" + size + " bytes) is truncated or damaged" + (readError != null ? ": " + readError : ""));
        } else if (readError != null) {
            damage.add("reading stopped with " + readError);
        }
        return new Records(List.copyOf(ids), n, List.copyOf(damage));
    }

    /**
     * Checks that the Directory Record Sequence ends inside the file: PixelMed keeps the records
     * read before the end of a truncated file (one of them partial) without a word. The
     * sequence's length is the 4 bytes before its first item (explicit and implicit VR alike):
     * a defined length must end within the file, an undefined one with the Sequence
     * Delimitation Item that ends a DICOMDIR (the records are its last element).
     *
     * @return what is wrong with the sequence's end, or null when it is whole or the check does not apply (deflate)
     */
    private static String sequenceEnd(Path dicomdir, long size, long firstItem, String transferSyntax) {
        if (TransferSyntaxes.isDeflated(transferSyntax) || firstItem < 4 || firstItem > size) return null;
        java.nio.ByteOrder order = TransferSyntaxes.EXPLICIT_BE.equals(transferSyntax) ? java.nio.ByteOrder.BIG_ENDIAN
                : java.nio.ByteOrder.LITTLE_ENDIAN;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dicomdir)) {
            java.nio.ByteBuffer len = java.nio.ByteBuffer.allocate(4).order(order);
            ch.read(len, firstItem - 4);
            long length = len.getInt(0) & 0xFFFFFFFFL;
            if (length != 0xFFFFFFFFL) {
                return firstItem + length <= size ? null : "the Directory Record Sequence (0004,1220) declares " + length
                        + " bytes from byte " + firstItem + ", past the end of the file";
            }
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(8).order(order);
            ch.read(tail, size - 8);
            boolean delimited = (tail.getShort(0) & 0xFFFF) == 0xFFFE && (tail.getShort(2) & 0xFFFF) == 0xE0DD && tail.getInt(4) == 0;
            return delimited ? null : "the Directory Record Sequence (0004,1220) does not end with a Sequence Delimitation Item";
        } catch (IOException e) {
            return "the end of the Directory Record Sequence (0004,1220) cannot be read (" + HeaderReader.describe(e) + ")";
        }
    }

    private static long offset(AttributeList list, int tag) {
        return Attribute.getSingleLongValueOrDefault(list, Tags.at(tag), 0L) & 0xFFFFFFFFL;
    }

    private static Path base(Path dicomdir) {
        Path parent = dicomdir.getParent();
        return parent != null ? parent : dicomdir.toAbsolutePath().getParent();
    }

    private static Contents resolveAll(Path dicomdir, Records r) {
        Path base = base(dicomdir);
        Resolver resolver = new Resolver();
        Set<Path> found = new LinkedHashSet<>();
        List<StudyIndex.SkippedFile> missing = new ArrayList<>();
        List<String> missingIds = new ArrayList<>();
        List<String> caseNotes = new ArrayList<>();
        for (List<String> id : r.fileIds()) {
            String shown = String.join("\\", id);
            Path written = base;
            String invalid = null;
            for (String part : id) {
                if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("/")) {
                    invalid = "component '" + part + "' is not a file or folder name";
                    break;
                }
                written = written.resolve(part);
            }
            if (invalid != null) {
                missing.add(new StudyIndex.SkippedFile(written, "referenced by DICOMDIR with an invalid Referenced File ID " + shown + ": " + invalid));
                missingIds.add(String.join("/", id));
                continue;
            }
            Resolver.Found f = resolver.find(base, id);
            if (f.path() == null) {
                missing.add(new StudyIndex.SkippedFile(written, MISSING + " (Referenced File ID " + shown + ")" + f.note()));
                missingIds.add(String.join("/", id));
            } else {
                if (f.ignoringCase() && found.add(f.path())) caseNotes.add(shown + " -> " + base.relativize(f.path()));
                else found.add(f.path());
            }
        }
        List<String> notes = new ArrayList<>();
        if (!caseNotes.isEmpty()) {
            notes.add(caseNotes.size() + " referenced file(s) found only by a case-insensitive match of their names (e.g. "
                    + caseNotes.get(0) + ")");
        }
        List<String> problems = r.fileIds().isEmpty() ? List.of("references no files") : List.of();
        StudyIndex.DicomDirSummary summary = new StudyIndex.DicomDirSummary(dicomdir, r.fileIds().size(), List.copyOf(missingIds),
                problems, List.copyOf(notes));
        return new Contents(List.copyOf(found), List.copyOf(missing), summary);
    }

    /**
     * Finds a Referenced File ID component by component: the exact name first, else the one
     * entry whose name differs only in case (media file IDs are upper case; CDs written by
     * Windows tools and mounted on Linux often show them in lower case). Listings are cached.
     */
    private static final class Resolver {
        record Found(Path path, boolean ignoringCase, String note) {}

        private final Map<Path, List<Path>> listings = new HashMap<>();

        Found find(Path base, List<String> id) {
            Path cur = base;
            boolean ignoringCase = false;
            for (int i = 0; i < id.size(); i++) {
                String part = id.get(i);
                boolean last = i == id.size() - 1;
                Path exact = cur.resolve(part);
                if (last ? Files.isRegularFile(exact) : Files.isDirectory(exact)) {
                    cur = exact;
                    continue;
                }
                List<Path> matches = list(cur).stream().filter(c -> c.getFileName().toString().equalsIgnoreCase(part))
                        .filter(c -> last ? Files.isRegularFile(c) : Files.isDirectory(c)).toList();
                if (matches.size() > 1) {
                    return new Found(null, false, "; several entries match " + part + " ignoring case: "
                            + String.join(", ", matches.stream().map(m -> m.getFileName().toString()).sorted().toList()));
                }
                if (matches.isEmpty()) return new Found(null, false, "");
                cur = matches.get(0);
                ignoringCase = true;
            }
            return new Found(cur, ignoringCase, "");
        }

        private List<Path> list(Path dir) {
            return listings.computeIfAbsent(dir, d -> {
                if (!Files.isDirectory(d)) return List.of();
                try (Stream<Path> s = Files.list(d)) {
                    return s.toList();
                } catch (IOException e) {
                    return List.of();
                }
            });
        }
    }
}
