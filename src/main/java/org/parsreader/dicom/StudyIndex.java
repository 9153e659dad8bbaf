package org.parsreader.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Patients, studies, series and stacks found under a folder, plus every file that was
 * skipped and why. Built by {@link StudyScanner}; immutable.
 */
public record StudyIndex(Path root, List<PatientEntry> patients, List<SkippedFile> skipped,
                         List<DicomDirSummary> dicomdirs, int filesScanned, long scanMillis) {

    /**
     * A patient. {@code key} ("patient 1", "patient 2", in index order) is what is shown
     * unless the user asks for identity; {@code info} holds the identity.
     */
    public record PatientEntry(String key, InstanceHeader.PatientInfo info, List<StudyEntry> studies) {}

    public record StudyEntry(InstanceHeader.StudyInfo info, List<SeriesEntry> series, List<DoseReport> doseReports) {}

    /** A series: its stacks and any non-image objects (SR, presentation states) filed under it. */
    public record SeriesEntry(InstanceHeader.SeriesInfo info, List<ImageStack> stacks, List<InstanceHeader> nonImage) {}

    /** A file that is not part of the index, with the reason. */
    public record SkippedFile(Path file, String reason) {}

    /**
     * A DICOMDIR read (given as the study path, or found in the tree): how many files it
     * references, which are missing (as written in the DICOMDIR, '/'-separated), what is wrong
     * with it, and notes such as files found only ignoring the case of their names.
     */
    public record DicomDirSummary(Path file, int referencedFiles, List<String> missingFiles, List<String> problems, List<String> notes) {}

    /** Every stack in index order. */
    public List<ImageStack> stacks() {
        List<ImageStack> out = new ArrayList<>();
        for (PatientEntry p : patients) for (StudyEntry s : p.studies()) for (SeriesEntry se : s.series()) out.addAll(se.stacks());
        return out;
    }

    /**
     * The stack named by {@code key}: a stack id, a SeriesInstanceUID (its largest stack), or a
     * SeriesNumber when exactly one series has it.
     */
    public Optional<ImageStack> findStack(String key) {
        List<ImageStack> all = stacks();
        for (ImageStack s : all) if (s.id().equals(key)) return Optional.of(s);
        for (ImageStack s : all) if (s.series().uid().equals(key)) return Optional.of(s);
        List<ImageStack> byNumber = all.stream().filter(s -> String.valueOf(s.series().number()).equals(key))
                .filter(s -> !s.localizer()).toList();
        if (byNumber.size() == 1) return Optional.of(byNumber.get(0));
        return Optional.empty();
    }

    public int instanceCount() {
        int n = 0;
        for (PatientEntry p : patients) for (StudyEntry s : p.studies()) for (SeriesEntry se : s.series()) {
            n += se.nonImage().size();
            for (ImageStack st : se.stacks()) n += (int) st.frames().stream().map(StackFrame::instance).distinct().count(); // identity
        }
        return n;
    }
}
