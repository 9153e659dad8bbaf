package org.parsreader.pacs;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** What to search for: any of patient ID, accession number, study date range, modality, study UID (null = any). */
public record StudyQuery(String patientId, String accession, LocalDate from, LocalDate to, String modality, String studyUid) {
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    public StudyQuery {
        if (from != null && to != null && from.isAfter(to)) throw new IllegalArgumentException("study date range " + from + ".." + to + " ends before it starts");
    }

    public static StudyQuery byStudyUid(String uid) {
        return new StudyQuery(null, null, null, null, null, uid);
    }

    /** The DICOM date range matching key (YYYYMMDD-YYYYMMDD, open ends allowed), or null. */
    public String dateRange() {
        if (from == null && to == null) return null;
        return (from == null ? "" : DA.format(from)) + "-" + (to == null ? "" : DA.format(to));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (patientId != null) b.append(" patient ").append(patientId);
        if (accession != null) b.append(" accession ").append(accession);
        if (dateRange() != null) b.append(" dates ").append(dateRange());
        if (modality != null) b.append(" modality ").append(modality);
        if (studyUid != null) b.append(" study ").append(studyUid);
        return b.length() == 0 ? "all studies" : b.substring(1);
    }
}
