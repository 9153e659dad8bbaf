package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a DICOMDIR's directory records and checks that every referenced file exists. The
 * scanner walks the whole tree anyway, so a damaged DICOMDIR costs nothing but a report.
 */
final class DicomDirReader {
    static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    private DicomDirReader() {}

    static boolean looksLikeDicomDir(Path file) {
        return file.getFileName().toString().toUpperCase().startsWith("DICOMDIR");
    }

    /** Summarises {@code dicomdir}; the paths it references are added to {@code referenced}. */
    static StudyIndex.DicomDirSummary read(Path dicomdir, Set<Path> referenced) {
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int count = 0;
        try {
            AttributeList list = new AttributeList();
            list.read(dicomdir.toFile());
            Header dir = new PixelMedHeader(list);
            int records = dir.items(Tags.DirectoryRecordSequence);
            if (!dir.has(Tags.DirectoryRecordSequence)) {
                problems.add("no Directory Record Sequence (0004,1220)");
            } else {
                Path base = dicomdir.toAbsolutePath().getParent();
                for (int r = 0; r < records; r++) {
                    List<String> parts = dir.item(Tags.DirectoryRecordSequence, r).list(Tags.ReferencedFileID);
                    if (parts.isEmpty()) continue;
                    count++;
                    Path p = base;
                    for (String part : parts) p = p.resolve(part);
                    Path found = resolveCaseInsensitive(p);
                    if (found == null) missing.add(String.join("/", parts));
                    else referenced.add(found.normalize());
                }
                if (count == 0) problems.add("references no files");
            }
        } catch (Exception e) {
            problems.add("unreadable: " + HeaderReader.describe(e));
        }
        return new StudyIndex.DicomDirSummary(dicomdir, count, List.copyOf(missing), List.copyOf(problems));
    }

    /** Media file IDs are upper case; file systems copied from media are often not. */
    private static Path resolveCaseInsensitive(Path p) {
        if (Files.exists(p)) return p;
        Path parent = p.getParent();
        if (parent == null || !Files.isDirectory(parent)) return null;
        String name = p.getFileName().toString();
        try (var s = Files.list(parent)) {
            return s.filter(c -> c.getFileName().toString().equalsIgnoreCase(name)).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
