package org.parsreader.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parsreader.dicom.DoseReport;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.InstanceHeader;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.dicom.TransferSyntaxes;

/**
 * The study index as text for people and as JSON-ready maps for scripts. Patient identity
 * (name, ID, birth date) appears only when asked for.
 */
final class IndexReport {
    private IndexReport() {}

    static Map<String, Object> toMap(StudyIndex index, boolean identify) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("root", index.root().toString());
        m.put("files_scanned", index.filesScanned());
        m.put("scan_ms", index.scanMillis());
        List<Object> patients = new ArrayList<>();
        for (StudyIndex.PatientEntry p : index.patients()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("key", p.key());
            if (identify) {
                pm.put("patient_id", p.info().id());
                pm.put("patient_name", p.info().name());
                pm.put("birth_date", p.info().birthDate());
            }
            pm.put("sex", p.info().sex());
            List<Object> studies = new ArrayList<>();
            for (StudyIndex.StudyEntry s : p.studies()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("study_uid", s.info().uid());
                sm.put("date", s.info().date());
                sm.put("description", s.info().description());
                List<Object> series = new ArrayList<>();
                for (StudyIndex.SeriesEntry se : s.series()) {
                    Map<String, Object> sem = new LinkedHashMap<>();
                    sem.put("series_uid", se.info().uid());
                    sem.put("number", se.info().number());
                    sem.put("modality", se.info().modality());
                    sem.put("description", se.info().description());
                    sem.put("frame_of_reference_uid", se.info().frameOfReferenceUid());
                    List<Object> stacks = new ArrayList<>();
                    for (ImageStack st : se.stacks()) stacks.add(stackMap(st));
                    sem.put("stacks", stacks);
                    List<Object> others = new ArrayList<>();
                    for (InstanceHeader h : se.nonImage()) others.add(ordered("file", h.file().toString(), "sop_class_uid", h.sopClassUid()));
                    sem.put("non_image_objects", others);
                    series.add(sem);
                }
                sm.put("series", series);
                List<Object> doses = new ArrayList<>();
                for (DoseReport d : s.doseReports()) {
                    Map<String, Object> dm = new LinkedHashMap<>();
                    dm.put("file", d.file().toString());
                    dm.put("total_dlp_mgycm", Json.num(d.totalDlp()));
                    List<Object> acq = new ArrayList<>();
                    for (DoseReport.Acquisition a : d.acquisitions()) {
                        Map<String, Object> am = new LinkedHashMap<>();
                        am.put("protocol", a.protocol());
                        am.put("ctdivol_mgy", Json.num(a.ctdiVol()));
                        am.put("dlp_mgycm", Json.num(a.dlp()));
                        acq.add(am);
                    }
                    dm.put("acquisitions", acq);
                    doses.add(dm);
                }
                sm.put("dose_reports", doses);
                studies.add(sm);
            }
            pm.put("studies", studies);
            patients.add(pm);
        }
        m.put("patients", patients);
        List<Object> skipped = new ArrayList<>();
        for (StudyIndex.SkippedFile f : index.skipped()) skipped.add(ordered("file", f.file().toString(), "reason", f.reason()));
        m.put("skipped", skipped);
        List<Object> dirs = new ArrayList<>();
        for (StudyIndex.DicomDirSummary d : index.dicomdirs()) {
            dirs.add(ordered("file", d.file().toString(), "referenced_files", d.referencedFiles(),
                    "missing_files", d.missingFiles(), "problems", d.problems(), "notes", d.notes()));
        }
        m.put("dicomdirs", dirs);
        return m;
    }

    static Map<String, Object> stackMap(ImageStack st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", st.id());
        m.put("modality", st.modality());
        m.put("orientation", st.orientation().label());
        if ("MR".equals(st.modality())) {
            m.put("sequence_class", st.sequence().sequenceClass().label());
            m.put("sequence_basis", st.sequence().basis());
        }
        m.put("slices", st.size());
        m.put("rows", st.rows());
        m.put("columns", st.columns());
        m.put("pixel_spacing_mm", st.pixelSpacing());
        m.put("slice_spacing_mm", Json.num(st.sliceSpacing()));
        m.put("regular_spacing", st.regularSpacing());
        m.put("missing_slices", st.missingSlices());
        m.put("duplicate_positions", st.duplicatePositions());
        m.put("gantry_tilt_deg", Json.num(st.geometricTiltDeg()));
        m.put("header_gantry_tilt_deg", Json.num(st.headerTiltDeg()));
        m.put("localizer", st.localizer());
        m.put("transfer_syntax", TransferSyntaxes.name(st.transferSyntaxUid()));
        if ("CT".equals(st.modality())) {
            m.put("ctdivol_mgy", Json.num(st.ctdiVol()));
            m.put("dlp_estimate_mgycm", Json.num(st.dlpEstimate()));
        }
        m.put("warnings", st.warnings());
        return m;
    }

    static String toText(StudyIndex index, boolean identify) {
        StringBuilder b = new StringBuilder();
        int series = 0;
        int stacks = 0;
        int studies = 0;
        for (StudyIndex.PatientEntry p : index.patients()) {
            for (StudyIndex.StudyEntry s : p.studies()) {
                studies++;
                series += s.series().size();
                for (StudyIndex.SeriesEntry se : s.series()) stacks += se.stacks().size();
            }
        }
        b.append(String.format(Locale.ROOT, "%s: %d files scanned in %.2f s: %d patient(s), %d study(ies), %d series, %d stack(s); %d skipped%n",
                index.root(), index.filesScanned(), index.scanMillis() / 1000.0, index.patients().size(), studies, series, stacks,
                index.skipped().size()));
        for (StudyIndex.PatientEntry p : index.patients()) {
            b.append('\n').append(p.key());
            if (identify) {
                b.append(String.format(": %s, ID %s, born %s, sex %s", p.info().name(), p.info().id(), p.info().birthDate(), p.info().sex()));
            } else {
                b.append(" (identity hidden; --identify shows it)");
            }
            b.append('\n');
            for (StudyIndex.StudyEntry s : p.studies()) {
                b.append(String.format("  study %s \"%s\"%n    uid %s%n", date(s.info().date()), s.info().description(), s.info().uid()));
                for (StudyIndex.SeriesEntry se : s.series()) {
                    b.append(String.format("    series %-3d %-3s \"%s\"%n", se.info().number(), se.info().modality(), se.info().description()));
                    for (ImageStack st : se.stacks()) b.append(stackText(st));
                    if (!se.nonImage().isEmpty()) b.append(String.format("      %d non-image object(s)%n", se.nonImage().size()));
                }
                for (DoseReport d : s.doseReports()) {
                    b.append(String.format(Locale.ROOT, "    dose report: total DLP %.1f mGy*cm, %d acquisition(s)%n", d.totalDlp(), d.acquisitions().size()));
                    for (DoseReport.Acquisition a : d.acquisitions()) {
                        b.append(String.format(Locale.ROOT, "      %-20s CTDIvol %.2f mGy  DLP %.1f mGy*cm%n", a.protocol(), a.ctdiVol(), a.dlp()));
                    }
                }
            }
        }
        if (!index.dicomdirs().isEmpty()) {
            b.append("\nDICOMDIR\n");
            for (StudyIndex.DicomDirSummary d : index.dicomdirs()) {
                b.append(String.format("  %s: %d referenced file(s), %d missing%s%n", d.file(), d.referencedFiles(), d.missingFiles().size(),
                        d.problems().isEmpty() ? "" : "; " + String.join("; ", d.problems())));
                for (String n : d.notes()) b.append("    note: ").append(n).append('\n');
            }
        }
        if (!index.skipped().isEmpty()) {
            b.append("\nSkipped files\n");
            for (StudyIndex.SkippedFile f : index.skipped()) b.append("  ").append(f.file()).append(": ").append(f.reason()).append('\n');
        }
        return b.toString().stripTrailing();
    }

    private static String stackText(ImageStack st) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "      %s%s%s%n", st.summary(),
                st.regularSpacing() ? "" : " (irregular)", st.localizer() ? " [localizer]" : ""));
        if ("MR".equals(st.modality())) b.append("        sequence: ").append(st.sequence().basis()).append('\n');
        if ("CT".equals(st.modality())) {
            b.append(String.format(Locale.ROOT, "        gantry tilt %.1f deg; CTDIvol %s mGy; DLP ~%s mGy*cm (CTDIvol x length)%n",
                    st.geometricTiltDeg(), fmt(st.ctdiVol(), "%.2f"), fmt(st.dlpEstimate(), "%.1f")));
        }
        b.append("        id ").append(st.id()).append('\n');
        for (String w : st.warnings()) b.append("        warning: ").append(w).append('\n');
        return b.toString();
    }

    private static String fmt(double d, String f) {
        return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, f, d);
    }

    private static String date(String d) {
        return d.length() == 8 ? d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6) : d;
    }

    /**
     * A map in the order given: {@code Map.of} iterates in an order that changes from one JVM run
     * to the next, so the same index printed its JSON keys in another order on each run.
     */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }
}
