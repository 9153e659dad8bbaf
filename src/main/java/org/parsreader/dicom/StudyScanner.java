package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.parsreader.util.Parallel;
import org.parsreader.util.ProgressListener;

/**
 * Builds a {@link StudyIndex} from a folder tree, one file, or a DICOMDIR file (then exactly the
 * files it references, the missing ones skipped with a reason): reads every file's header in
 * parallel, never its pixels, groups instances into patients, studies, series and stacks,
 * reads DICOMDIRs and dose reports. A file that is not DICOM or cannot be read is listed as
 * skipped with its reason; the scan goes on.
 */
public final class StudyScanner {
    static {
        PixelMedLogging.quiet();
    }

    private StudyScanner() {}

    public static StudyIndex scan(Path root) {
        return scan(root, ProgressListener.NONE);
    }

    public static StudyIndex scan(Path root, ProgressListener progress) {
        return scan(root, progress, Parallel.cores());
    }

    public static StudyIndex scan(Path root, ProgressListener progress, int threads) {
        long t0 = System.nanoTime();
        if (!Files.exists(root)) throw new IllegalArgumentException(root + ": no such file or folder");
        List<StudyIndex.SkippedFile> skipped = new ArrayList<>();
        List<StudyIndex.DicomDirSummary> dicomdirs = new ArrayList<>();
        List<Path> files;
        boolean dicomdirRoot = DicomDirReader.isDicomDirFile(root);
        if (dicomdirRoot) { // exactly the files it references (throws when there are none)
            DicomDirReader.Contents dir = DicomDirReader.contents(root);
            files = dir.files();
            skipped.addAll(dir.missing());
            dicomdirs.add(dir.summary());
        } else {
            files = listFiles(root);
        }
        Set<Path> referenced = new HashSet<>();
        List<Path> candidates = new ArrayList<>();
        for (Path f : files) {
            String unfinished = unfinishedRetrieval(root, f);
            if (unfinished != null) {
                // a retrieval killed before its rename (pacs.StudyCache): its files may be a half study
                skipped.add(new StudyIndex.SkippedFile(f, "inside " + unfinished + ", an unfinished or replaced PACS retrieval:"
                        + " retrieve the study again, then delete that folder"));
                continue;
            }
            if (DicomDirReader.looksLikeDicomDir(f) && DicomDirReader.isDicomDirFile(f)) dicomdirs.add(DicomDirReader.read(f, referenced));
            else candidates.add(f);
        }
        List<Object> results = readAll(candidates, progress, threads);
        List<InstanceHeader> headers = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Object r = results.get(i);
            if (r instanceof InstanceHeader h) {
                if (DicomDirReader.MEDIA_STORAGE_DIRECTORY.equals(h.sopClassUid())) {
                    dicomdirs.add(DicomDirReader.read(h.file(), referenced));
                } else {
                    headers.add(h);
                }
            } else {
                skipped.add(new StudyIndex.SkippedFile(candidates.get(i), (String) r));
            }
        }
        List<StudyIndex.PatientEntry> patients = group(headers, skipped);
        if (dicomdirRoot && patients.isEmpty()) throw DicomDirReader.nothingReadable(root, files.size(), skipped);
        return new StudyIndex(root, patients, List.copyOf(skipped), List.copyOf(dicomdirs), files.size(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    private static List<Path> listFiles(Path root) {
        if (Files.isRegularFile(root)) return List.of(root);
        // a visitor, not Files.walk's stream: the first open of a cold JVM loads no stream classes
        // for it (issue 16). Like Files.walk: links to folders are not followed, links to files
        // are listed; a folder that cannot be read ends the scan, naming it.
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                    if ((a.isRegularFile() || a.isSymbolicLink() && Files.isRegularFile(f)) && !isParsReaderFile(root, f)) out.add(f);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        java.util.Collections.sort(out);
        return out;
    }

    /** The folder name when {@code f} lies in a working folder of a PACS retrieval ({@code .partial-*}, {@code .old-*}); else null. */
    static String unfinishedRetrieval(Path root, Path f) {
        if (root.equals(f.getParent())) return null; // no folder between (the usual case; relativize is dear in a cold JVM)
        Path rel = root.relativize(f);
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            String n = rel.getName(i).toString();
            if (n.startsWith(".partial-") || n.startsWith(".old-")) return n;
        }
        return null;
    }

    /**
     * Pars Reader's own working files in a case folder (findings, their versions, audit log,
     * locks): not DICOM, not worth a "skipped" line after every reading session.
     */
    static boolean isParsReaderFile(Path root, Path f) {
        if (root.equals(f.getParent())) return false; // no folder between
        Path rel = root.relativize(f);
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            if (rel.getName(i).toString().equals("findings")) {
                String name = f.getFileName().toString();
                boolean versions = false;
                for (int j = i + 1; j < rel.getNameCount() - 1; j++) versions |= rel.getName(j).toString().equals(".versions");
                return versions || name.endsWith(".findings.json") || name.equals("audit.log") || name.endsWith(".lock")
                        || name.contains(".findings.damaged-") || name.endsWith(".tmp");
            }
        }
        return false;
    }

    /** Header per file, or the reason (a String) it was skipped, in input order. */
    private static List<Object> readAll(List<Path> files, ProgressListener progress, int threads) {
        AtomicLong done = new AtomicLong();
        int n = files.size();
        int chunk = Math.max(16, n / (threads * 8));
        List<Callable<List<Object>>> tasks = new ArrayList<>();
        for (int start = 0; start < n; start += chunk) {
            List<Path> part = files.subList(start, Math.min(n, start + chunk));
            tasks.add(new Callable<>() { // a class, not a lambda: no call site to link in a cold JVM (issue 16)
                @Override
                public List<Object> call() {
                    List<Object> out = new ArrayList<>(part.size());
                    for (Path f : part) {
                        out.add(readOne(f));
                        progress.progress(done.incrementAndGet(), n, "Reading headers");
                    }
                    return out;
                }
            });
        }
        List<Object> out = new ArrayList<>(n);
        for (List<Object> part : Parallel.run(tasks, threads, "pars-scan")) out.addAll(part);
        return out;
    }

    private static Object readOne(Path f) {
        try {
            return HeaderReader.read(f);
        } catch (DicomReadException e) {
            return e.reason();
        } catch (RuntimeException | StackOverflowError e) {
            return "unreadable: " + HeaderReader.describe(e);
        } catch (OutOfMemoryError e) {
            // a length the bounds check could not see (e.g. inside deflated data): one file must not end the scan
            return "too large to read: ran out of memory reading its header (" + e.getMessage() + ")";
        }
    }

    /**
     * Study date, time and UID, series number and UID, file name. A class rather than a
     * Comparator.comparing chain, whose six lambdas are each a class spun at first use in a cold
     * JVM (issue 16).
     */
    private static final Comparator<InstanceHeader> BY_STUDY_AND_SERIES = new Comparator<>() {
        @Override
        public int compare(InstanceHeader a, InstanceHeader b) {
            int c = a.study().date().compareTo(b.study().date());
            if (c == 0) c = a.study().time().compareTo(b.study().time());
            if (c == 0) c = a.study().uid().compareTo(b.study().uid());
            if (c == 0) c = Integer.compare(a.series().number(), b.series().number());
            if (c == 0) c = a.series().uid().compareTo(b.series().uid());
            return c != 0 ? c : a.file().toString().compareTo(b.file().toString());
        }
    };

    private static List<StudyIndex.PatientEntry> group(List<InstanceHeader> headers, List<StudyIndex.SkippedFile> skipped) {
        Map<String, Map<String, Map<String, List<InstanceHeader>>>> tree = new LinkedHashMap<>();
        List<InstanceHeader> sorted = new ArrayList<>(headers);
        sorted.sort(BY_STUDY_AND_SERIES);
        for (InstanceHeader h : sorted) { // get and put, not computeIfAbsent: no lambdas to link in a cold JVM (issue 16)
            String patientKey = h.patient().id() + "\u0000" + h.patient().name();
            Map<String, Map<String, List<InstanceHeader>>> studies = tree.get(patientKey);
            if (studies == null) tree.put(patientKey, studies = new LinkedHashMap<>());
            Map<String, List<InstanceHeader>> series = studies.get(h.study().uid());
            if (series == null) studies.put(h.study().uid(), series = new LinkedHashMap<>());
            List<InstanceHeader> instances = series.get(h.series().uid());
            if (instances == null) series.put(h.series().uid(), instances = new ArrayList<>());
            instances.add(h);
        }
        List<StudyIndex.PatientEntry> patients = new ArrayList<>();
        for (var p : tree.values()) {
            List<StudyIndex.StudyEntry> studies = new ArrayList<>();
            InstanceHeader anyOfPatient = null;
            for (var s : p.values()) {
                List<StudyIndex.SeriesEntry> series = new ArrayList<>();
                List<DoseReport> doses = new ArrayList<>();
                InstanceHeader anyOfStudy = null;
                for (List<InstanceHeader> inSeries : s.values()) {
                    List<InstanceHeader> images = new ArrayList<>();
                    List<InstanceHeader> others = new ArrayList<>();
                    Map<InstanceHeader, List<Path>> copies = new java.util.IdentityHashMap<>();
                    for (InstanceHeader h : dropDuplicateInstances(inSeries, skipped, copies)) {
                        (h.pixelFormat() != null ? images : others).add(h);
                        if (DoseReport.isDoseReport(h.sopClassUid())) readDose(h, skipped).ifPresent(doses::add);
                    }
                    InstanceHeader.SeriesInfo info = inSeries.get(0).series();
                    List<ImageStack> stacks = images.isEmpty() ? List.of() : StackBuilder.build(info, images, copies);
                    series.add(new StudyIndex.SeriesEntry(info, stacks, List.copyOf(others)));
                    anyOfStudy = inSeries.get(0);
                }
                studies.add(new StudyIndex.StudyEntry(anyOfStudy.study(), List.copyOf(series), List.copyOf(doses)));
                anyOfPatient = anyOfStudy;
            }
            patients.add(new StudyIndex.PatientEntry("patient " + (patients.size() + 1), anyOfPatient.patient(), List.copyOf(studies)));
        }
        return patients;
    }

    /**
     * The same SOP instance stored twice (a copy in another folder) is one image; the first
     * path in sorted order is kept, and {@code copies} records the others for the stack's warning.
     */
    private static List<InstanceHeader> dropDuplicateInstances(List<InstanceHeader> in, List<StudyIndex.SkippedFile> skipped,
                                                               Map<InstanceHeader, List<Path>> copies) {
        Map<String, InstanceHeader> byUid = new LinkedHashMap<>();
        List<InstanceHeader> out = new ArrayList<>();
        for (InstanceHeader h : in) {
            InstanceHeader first = h.sopInstanceUid().isEmpty() ? null : byUid.putIfAbsent(h.sopInstanceUid(), h);
            if (first == null) out.add(h);
            else {
                skipped.add(new StudyIndex.SkippedFile(h.file(), "same SOP Instance UID as " + first.file() + "; the first copy is used"));
                copies.computeIfAbsent(first, k -> new ArrayList<>()).add(h.file());
            }
        }
        return out;
    }

    private static java.util.Optional<DoseReport> readDose(InstanceHeader h, List<StudyIndex.SkippedFile> skipped) {
        try {
            AttributeList list = new AttributeList();
            list.read(h.file().toFile());
            return java.util.Optional.of(DoseReport.read(h.file(), list));
        } catch (Exception e) {
            skipped.add(new StudyIndex.SkippedFile(h.file(), "dose report unreadable: " + HeaderReader.describe(e)));
            return java.util.Optional.empty();
        }
    }
}
