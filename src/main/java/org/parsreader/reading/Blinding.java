package org.parsreader.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.InstanceHeader;
import org.parsreader.dicom.StudyIndex;

/**
 * What a blinded reader may see of a case: series by description and number, the patient by
 * pseudonym; never names, IDs, birth dates, study dates and times, accession numbers,
 * institutions, stations, physicians or operators. Applied to the DICOM header text a viewer
 * attaches to an image (ImageJ's "Info", in {@code DicomHeaderText}'s format
 * {@code "0010,0010  Patient's Name: PARS^PHANTOM"}), to window titles and to the case header.
 *
 * <p>Header lines are dropped by tag (whole patient, visit, study-request and procedure-step
 * groups, private tags, and a list of identifying attributes) and, as a safety net, by name
 * (any attribute whose name holds "Date", "Name" of a person, "Institution", "Accession",
 * "Physician", "Operator", "Comments").
 */
public final class Blinding {
    /** Groups dropped entirely: patient (0010), study (0032), visit (0038), procedure step / request (0040), and 4008 (results). */
    private static final Set<Integer> GROUPS = Set.of(0x0010, 0x0032, 0x0038, 0x0040, 0x4008);

    /** Single attributes dropped: dates, times, ids and people outside the groups above. */
    private static final Set<Integer> TAGS = Set.of(
            tag(0x0008, 0x0012), tag(0x0008, 0x0013), tag(0x0008, 0x0015), // instance creation date, time; coercion datetime
            tag(0x0008, 0x0020), tag(0x0008, 0x0021), tag(0x0008, 0x0022), tag(0x0008, 0x0023), tag(0x0008, 0x0024), tag(0x0008, 0x0025),
            tag(0x0008, 0x002A), tag(0x0008, 0x0030), tag(0x0008, 0x0031), tag(0x0008, 0x0032), tag(0x0008, 0x0033), tag(0x0008, 0x0034),
            tag(0x0008, 0x0035), tag(0x0008, 0x0050), tag(0x0008, 0x0080), tag(0x0008, 0x0081), tag(0x0008, 0x0082), tag(0x0008, 0x0090),
            tag(0x0008, 0x0092), tag(0x0008, 0x0094), tag(0x0008, 0x0096), tag(0x0008, 0x1010), tag(0x0008, 0x1040), tag(0x0008, 0x1048),
            tag(0x0008, 0x1049), tag(0x0008, 0x1050), tag(0x0008, 0x1052), tag(0x0008, 0x1060), tag(0x0008, 0x1062), tag(0x0008, 0x1070),
            tag(0x0008, 0x1072), tag(0x0008, 0x1080), tag(0x0008, 0x4000),
            tag(0x0018, 0x1000), tag(0x0018, 0x1002), tag(0x0018, 0x1004), tag(0x0018, 0x1012), tag(0x0018, 0x1014), tag(0x0018, 0x1200),
            tag(0x0018, 0x1201), tag(0x0018, 0x9004),
            tag(0x0020, 0x0010), tag(0x0020, 0x4000), tag(0x0020, 0x9158),
            tag(0x0028, 0x4000), tag(0x0400, 0x0561), tag(0x3006, 0x0008), tag(0x3006, 0x0009), tag(0x300A, 0x0006), tag(0x300A, 0x0007));

    /** Attribute names that identify whatever their tag (the safety net for tags not listed). */
    private static final Pattern NAME = Pattern.compile(
            "date|patient'?s|institution|accession|physician|operator|comments|station|serial number|birth|issuer|requesting|"
                    + "referring|performing|scheduled|admitting|occupation|address|telephone|ethnic|military|religious|mother",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LINE = Pattern.compile("^([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\\s+([^:]*):.*$");

    private Blinding() {}

    private static int tag(int group, int element) {
        return group << 16 | element;
    }

    /** Whether the attribute is hidden from a blinded reader. */
    public static boolean hidden(int group, int element, String name) {
        if ((group & 1) == 1) return true; // private: anything may be in there
        if (GROUPS.contains(group) || TAGS.contains(tag(group, element))) return true;
        return name != null && NAME.matcher(name).find();
    }

    /**
     * The header text without the identifying lines. Lines that are not attribute lines (notes
     * such as "(header of x unreadable ...)") are kept; the note says nothing of the patient.
     */
    public static String header(String headerText) {
        if (headerText == null || headerText.isEmpty()) return headerText;
        List<String> kept = new ArrayList<>();
        for (String line : headerText.split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            Matcher m = LINE.matcher(l);
            if (m.matches() && hidden(Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16), m.group(3).trim())) continue;
            kept.add(line);
        }
        return String.join("\n", kept);
    }

    /**
     * A series as the reader sees it: "P0001 - STIR SAG (series 5)"; unblinded the patient's name
     * and the study date too. ASCII only: it is an ImageJ window title, which recorded macros name
     * in {@code selectImage(...)}, and a macro file read in a non-UTF-8 locale must still find it.
     */
    public static String seriesTitle(StudyIndex index, ImageStack s, String pseudonym, boolean blinded) {
        String d = s.series().description() == null || s.series().description().isEmpty() ? s.modality() : s.series().description();
        String series = s.series().number() > 0 ? d + " (series " + s.series().number() + ")" : d;
        if (blinded) return pseudonym + " - " + series;
        List<String> who = identity(index);
        return String.join(" - ", who) + " - " + series + studyDate(index, s).replace(" · ", " - ");
    }

    /**
     * A case viewer's window title that says what the viewer is, first, so that ImageJ's cut of a
     * long title still shows it: modality, series description and plane ({@code plane}: "ax",
     * "sag", "cor", "obl", left out when the description already says it), "CT Post contrast ax
     * (series 3)", "MR STIR SAG (series 5)". Blinded it is all there is (no pseudonym, no
     * identity); unblinded the patient and study date follow.
     */
    public static String viewerTitle(StudyIndex index, ImageStack s, String plane, boolean blinded) {
        String m = s.modality() == null ? "" : s.modality().trim();
        String d = s.series().description() == null ? "" : s.series().description().trim();
        StringBuilder t = new StringBuilder(m);
        if (!d.isEmpty() && !d.equalsIgnoreCase(m)) t.append(t.length() > 0 ? " " : "").append(d);
        if (plane != null && !plane.isEmpty() && !mentionsPlane(d, plane)) t.append(t.length() > 0 ? " " : "").append(plane);
        if (s.series().number() > 0) t.append(" (series ").append(s.series().number()).append(')');
        String title = t.toString().trim();
        if (blinded) return title;
        return title + " - " + String.join(" - ", identity(index)) + studyDate(index, s).replace(" · ", " - ");
    }

    private static boolean mentionsPlane(String description, String plane) {
        Set<String> words = Set.of(description.toLowerCase(Locale.ROOT).split("[^a-z]+"));
        return switch (plane) {
            case "ax" -> words.contains("ax") || words.contains("axial") || words.contains("tra") || words.contains("transverse");
            case "sag" -> words.contains("sag") || words.contains("sagittal");
            case "cor" -> words.contains("cor") || words.contains("coronal");
            default -> words.contains(plane);
        };
    }

    /** The case as the reader sees it in the panel's header: the pseudonym (and identity and dates only when not blinded). */
    public static String caseTitle(StudyIndex index, String pseudonym, boolean blinded) {
        if (blinded) return pseudonym + " (blinded)";
        List<String> parts = new ArrayList<>();
        parts.add(pseudonym);
        parts.addAll(identity(index));
        for (StudyIndex.PatientEntry p : index.patients()) {
            for (StudyIndex.StudyEntry st : p.studies()) {
                InstanceHeader.StudyInfo i = st.info();
                parts.add((i.description() == null ? "study" : i.description()) + " " + date(i.date())
                        + (i.accessionNumber() == null || i.accessionNumber().isEmpty() ? "" : " acc. " + i.accessionNumber()));
            }
        }
        return String.join(" · ", parts);
    }

    private static List<String> identity(StudyIndex index) {
        List<String> out = new ArrayList<>();
        for (StudyIndex.PatientEntry p : index.patients()) {
            InstanceHeader.PatientInfo i = p.info();
            out.add((i.name() == null ? "" : i.name()) + " (" + (i.id() == null ? "" : i.id()) + ", born " + date(i.birthDate()) + ")");
        }
        return out;
    }

    private static String studyDate(StudyIndex index, ImageStack s) {
        for (StudyIndex.PatientEntry p : index.patients()) {
            for (StudyIndex.StudyEntry st : p.studies()) {
                for (StudyIndex.SeriesEntry se : st.series()) if (se.stacks().contains(s)) return " · " + date(st.info().date());
            }
        }
        return "";
    }

    private static String date(String dicomDate) {
        if (dicomDate == null || dicomDate.length() != 8) return dicomDate == null ? "" : dicomDate;
        return String.format(Locale.ROOT, "%s-%s-%s", dicomDate.substring(0, 4), dicomDate.substring(4, 6), dicomDate.substring(6));
    }
}
