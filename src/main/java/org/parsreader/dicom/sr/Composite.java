package org.parsreader.dicom.sr;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TimeAttribute;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.parsreader.dicom.InstanceHeader;

/**
 * The modules every object we write shares: patient, study, equipment, SOP common. The patient is
 * the pseudonym unless the user asked for identity; then name, id, birth date and sex come from the
 * source images, with the study's date, time and accession number. With the pseudonym, birth and
 * study date are shifted by the patient's date shift or left out (see {@link Context}); sex and
 * accession number are left out.
 */
public final class Composite {
    private Composite() {}

    static final String MANUFACTURER = "Pars Reader";

    /**
     * Who and when, for one export. Without identity the patient's dates (birth date, study date,
     * the measurements' observation times) are shifted by {@code dateShiftDays} (the patient's own
     * shift, the same in every export: {@code findings.DateShifts}) or, when it is null, left out.
     * Instance creation and content date are the export's own time in every mode.
     */
    public record Context(String pseudonym, boolean identity, String software, String version, ZonedDateTime now, Integer dateShiftDays) {
        /** Pseudonym with the patient's dates removed, or the original identity. */
        public Context(String pseudonym, boolean identity, String software, String version, ZonedDateTime now) {
            this(pseudonym, identity, software, version, now, null);
        }

        public Context {
            if (dateShiftDays != null && dateShiftDays == 0) throw new IllegalArgumentException("a date shift of 0 days leaves the dates as they are");
        }

        String date() { return now.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE).substring(0, 8); }

        /** A patient's date (DA, YYYYMMDD) as this export writes it: as is with identity, shifted, or null (left out). */
        String patientDate(String da) {
            if (da == null || da.isBlank()) return null;
            if (identity) return da.trim();
            if (dateShiftDays == null) return null;
            try {
                return java.time.LocalDate.parse(da.trim(), DateTimeFormatter.BASIC_ISO_DATE).plusDays(dateShiftDays).format(DateTimeFormatter.BASIC_ISO_DATE);
            } catch (java.time.format.DateTimeParseException e) {
                return null; // a malformed date cannot be shifted: left out rather than copied
            }
        }

        /** A point in time of the patient's record (an observation) as this export writes it, or null (left out). */
        java.time.Instant patientTime(java.time.Instant t) {
            if (t == null || identity) return t;
            return dateShiftDays == null ? null : t.plus(java.time.Duration.ofDays(dateShiftDays));
        }

        String time() { return now.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HHmmss")); }
    }

    static void patientAndStudy(AttributeList l, InstanceHeader source, Context c) {
        InstanceHeader.PatientInfo p = source.patient();
        InstanceHeader.StudyInfo s = source.study();
        if (c.identity()) {
            Attrs.pn(l, TagFromName.PatientName, nz(p.name()));
            Attrs.lo(l, TagFromName.PatientID, nz(p.id()));
            setOrEmpty(l, new DateAttribute(TagFromName.PatientBirthDate), p.birthDate());
            setOrEmpty(l, new CodeStringAttribute(TagFromName.PatientSex), p.sex());
            setOrEmpty(l, new DateAttribute(TagFromName.StudyDate), s.date());
            setOrEmpty(l, new TimeAttribute(TagFromName.StudyTime), s.time());
            setOrEmpty(l, new ShortStringAttribute(TagFromName.AccessionNumber), s.accessionNumber());
        } else {
            if (c.pseudonym() == null || c.pseudonym().isBlank()) throw new SrException("no pseudonym for the patient: without --identity the export carries the pseudonym only");
            Attrs.pn(l, TagFromName.PatientName, c.pseudonym());
            Attrs.lo(l, TagFromName.PatientID, c.pseudonym());
            setOrEmpty(l, new DateAttribute(TagFromName.PatientBirthDate), c.patientDate(p.birthDate()));
            l.put(new CodeStringAttribute(TagFromName.PatientSex));
            setOrEmpty(l, new DateAttribute(TagFromName.StudyDate), c.patientDate(s.date()));
            // the time of day alone identifies no one; it goes with a shifted date, not without a date
            setOrEmpty(l, new TimeAttribute(TagFromName.StudyTime), c.dateShiftDays() == null ? null : s.time());
            l.put(new ShortStringAttribute(TagFromName.AccessionNumber));
        }
        Attrs.uid(l, TagFromName.StudyInstanceUID, s.uid());
        l.put(new PersonNameAttribute(TagFromName.ReferringPhysicianName));
        l.put(new ShortStringAttribute(TagFromName.StudyID));
    }

    static void equipmentAndSop(AttributeList l, String sopClass, String sopInstance, Context c) {
        Attrs.cs(l, TagFromName.SpecificCharacterSet, "ISO_IR 192");
        Attrs.uid(l, TagFromName.SOPClassUID, sopClass);
        Attrs.uid(l, TagFromName.SOPInstanceUID, sopInstance);
        Attrs.da(l, TagFromName.InstanceCreationDate, c.date());
        Attrs.tm(l, TagFromName.InstanceCreationTime, c.time());
        Attrs.lo(l, TagFromName.Manufacturer, MANUFACTURER);
        Attrs.lo(l, TagFromName.ManufacturerModelName, c.software());
        Attrs.lo(l, TagFromName.DeviceSerialNumber, "none");
        Attrs.lo(l, TagFromName.SoftwareVersions, c.version());
        Attrs.da(l, TagFromName.ContentDate, c.date());
        Attrs.tm(l, TagFromName.ContentTime, c.time());
    }

    private static void setOrEmpty(AttributeList l, com.pixelmed.dicom.Attribute a, String v) {
        if (v != null && !v.isBlank()) Attrs.put(l, a, v.trim());
        else l.put(a);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static void addLongString(AttributeList l, com.pixelmed.dicom.AttributeTag t, String v) {
        Attrs.put(l, new LongStringAttribute(t), v);
    }
}
