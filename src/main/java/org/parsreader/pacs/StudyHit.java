package org.parsreader.pacs;

import java.util.List;

/** One study a query found. instances is -1 when the server did not say. */
public record StudyHit(String studyUid, String patientId, String patientName, String accession, String date, List<String> modalities,
        String description, int instances) {}
