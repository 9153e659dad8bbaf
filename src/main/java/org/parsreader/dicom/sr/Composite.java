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
 * source images, with the study's date, time and accession number.
 */
public final class Composite {
    private Composite() {}

    static final String MANUFACTURER = "Pars Reader";

    /** Who and when, for one export. */
    public record Context(String pseudonym, boolean identity, String software, String version, ZonedDateTime now) {
        String date() { return now.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE).substring(0, 8); }

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
            l.put(new DateAttribute(TagFromName.PatientBirthDate));
            l.put(new CodeStringAttribute(TagFromName.PatientSex));
            l.put(new DateAttribute(TagFromName.StudyDate));
            l.put(new TimeAttribute(TagFromName.StudyTime));
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
