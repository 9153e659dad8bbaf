package org.parsreader.dicom.sr;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Side;

/**
 * Every code Pars Reader writes into an SR or SEG, each verified where docs/dicom-codes.md says
 * (the standard's code tables as Debian's pydicom carries them, SNOMED CT, UCUM). Where no
 * standard code exists (the reading template's findings and their categorical values, the
 * measurement methods) the code is from the project's own scheme {@link #SCHEME}, declared in
 * each SR's Coding Scheme Identification Sequence.
 */
public final class Codes {
    private Codes() {}

    /** The project's private coding scheme (PS3.3 8.2: private designators start with "99"). */
    public static final String SCHEME = "99PARSRDR";
    public static final String SCHEME_NAME = "Pars Reader reading template vocabulary";

    // PS3.16 DCM
    static final Code IMAGING_MEASUREMENT_REPORT = new Code("126000", "DCM", "Imaging Measurement Report");
    static final Code LANGUAGE = new Code("121049", "DCM", "Language of Content Item and Descendants");
    static final Code ENGLISH_US = new Code("en-US", "RFC5646", "English (United States)");
    static final Code OBSERVER_TYPE = new Code("121005", "DCM", "Observer Type");
    static final Code PERSON = new Code("121006", "DCM", "Person");
    static final Code PERSON_OBSERVER_NAME = new Code("121008", "DCM", "Person Observer Name");
    static final Code ROLE_IN_PROCEDURE = new Code("121011", "DCM", "Person Observer's Role in this Procedure");
    static final Code IDENTIFIER_WITHIN_ROLE = new Code("128775", "DCM", "Identifier within Person Observer's Role");
    static final Code PROCEDURE_REPORTED = new Code("121058", "DCM", "Procedure reported");
    static final Code IMAGE_LIBRARY = new Code("111028", "DCM", "Image Library");
    static final Code IMAGE_LIBRARY_GROUP = new Code("126200", "DCM", "Image Library Group");
    static final Code IMAGING_MEASUREMENTS = new Code("126010", "DCM", "Imaging Measurements");
    static final Code MEASUREMENT_GROUP = new Code("125007", "DCM", "Measurement Group");
    static final Code TRACKING_IDENTIFIER = new Code("112039", "DCM", "Tracking Identifier");
    static final Code TRACKING_UID = new Code("112040", "DCM", "Tracking Unique Identifier");
    static final Code FINDING = new Code("121071", "DCM", "Finding");
    static final Code REFERENCED_SEGMENT = new Code("121191", "DCM", "Referenced Segment");
    static final Code SOURCE_SERIES_FOR_SEGMENTATION = new Code("121232", "DCM", "Source series for segmentation");
    static final Code IMAGE_REGION = new Code("111030", "DCM", "Image Region");
    static final Code SOURCE_OF_MEASUREMENT = new Code("121112", "DCM", "Source of Measurement");
    static final Code ALGORITHM_NAME = new Code("111001", "DCM", "Algorithm Name");
    static final Code ALGORITHM_VERSION = new Code("111003", "DCM", "Algorithm Version");
    static final Code ALGORITHM_PARAMETERS = new Code("111002", "DCM", "Algorithm Parameters");
    static final Code SEGMENTATION = new Code("113076", "DCM", "Segmentation");
    static final Code SOURCE_IMAGE_FOR_PROCESSING = new Code("121322", "DCM", "Source image for image processing operation");
    // NCI Thesaurus, CID 7453 Performing Roles
    static final Code READER = new Code("C28747", "NCIt", "Reader");
    static final Code ADJUDICATOR = new Code("C96561", "NCIt", "Adjudicator");
    // SNOMED CT
    static final Code IMAGING_PROCEDURE = new Code("363679005", "SCT", "Imaging procedure");
    static final Code FINDING_SITE = new Code("363698007", "SCT", "Finding Site");
    static final Code LATERALITY = new Code("272741003", "SCT", "Laterality");
    static final Code MEASUREMENT_METHOD = new Code("370129005", "SCT", "Measurement Method");
    static final Code YES = new Code("373066001", "SCT", "Yes");
    static final Code NO = new Code("373067005", "SCT", "No");
    static final Code VOLUME = new Code("118565006", "SCT", "Volume");
    static final Code LENGTH = new Code("410668003", "SCT", "Length");
    static final Code SUBSTANCE = new Code("105590001", "SCT", "Substance");
    static final Code CONTRAST_AGENT = new Code("7140000", "SCT", "Contrast agent");
    // private: what a TEXT after an Image Region names (the ROI's label)
    static final Code ROI_LABEL = new Code("roi-label", SCHEME, "ROI label");

    static final Map<String, Code> VERTEBRAE = Map.of(
            "L1", new Code("66794005", "SCT", "L1 vertebra"),
            "L2", new Code("14293000", "SCT", "L2 vertebra"),
            "L3", new Code("36470004", "SCT", "L3 vertebra"),
            "L4", new Code("11994002", "SCT", "L4 vertebra"),
            "L5", new Code("49668003", "SCT", "L5 vertebra"),
            "S1", new Code("65985001", "SCT", "First sacral vertebra"));

    /** Segment findings are recorded at the upper level and mean the disc (segment) below it. */
    static final Map<String, Code> DISC_BELOW = Map.of(
            "L1", new Code("243920003", "SCT", "Level of L1/L2 intervertebral disc"),
            "L2", new Code("243921004", "SCT", "Level of L2/L3 intervertebral disc"),
            "L3", new Code("243922006", "SCT", "Level of L3/L4 intervertebral disc"),
            "L4", new Code("243923001", "SCT", "Level of L4/L5 intervertebral disc"),
            "L5", new Code("243927000", "SCT", "Level of L5/S1 intervertebral disc"));

    /** UCUM units for the templates' unit names. */
    static final Map<String, Code> UNITS = Map.of(
            "mm", new Code("mm", "UCUM", "millimeter"),
            "mL", new Code("mL", "UCUM", "milliliter"),
            "%", new Code("%", "UCUM", "percent"),
            "ratio", new Code("{ratio}", "UCUM", "ratio"),
            "HU", new Code("[hnsf'U]", "UCUM", "Hounsfield unit"),
            "SI", new Code("{SI}", "UCUM", "signal intensity"));

    /** The finding site of a level: the vertebra, the disc below it for segment findings; the project's code where none exists (L6, S1 segment). */
    static Code site(String level, ReadingTemplate.Scope scope) {
        boolean segment = scope == ReadingTemplate.Scope.SEGMENT || scope == ReadingTemplate.Scope.SEGMENT_SIDE;
        Code c = segment ? DISC_BELOW.get(level) : VERTEBRAE.get(level);
        if (c != null) return c;
        return new Code((segment ? "segment-" : "level-") + level, SCHEME, (segment ? "Segment below " : "Level ") + level);
    }

    /** The level a finding-site code stands for, from our codes (either scheme); empty when unknown. */
    static Optional<String> level(Code site) {
        for (Map.Entry<String, Code> e : VERTEBRAE.entrySet()) if (e.getValue().is(site)) return Optional.of(e.getKey());
        for (Map.Entry<String, Code> e : DISC_BELOW.entrySet()) if (e.getValue().is(site)) return Optional.of(e.getKey());
        if (SCHEME.equals(site.scheme())) {
            String v = site.value();
            if (v.startsWith("level-")) return Optional.of(v.substring(6));
            if (v.startsWith("segment-")) return Optional.of(v.substring(8));
        }
        return Optional.empty();
    }

    static Code side(Side s) {
        return s == Side.LEFT ? new Code(s.snomedCode(), "SCT", "Left") : new Code(s.snomedCode(), "SCT", "Right");
    }

    static Optional<Side> side(Code c) {
        for (Side s : Side.values()) if ("SCT".equals(c.scheme()) && s.snomedCode().equals(c.value())) return Optional.of(s);
        return Optional.empty();
    }

    /** The concept of a finding: the template's standard code when it gives one, else the project's. */
    static Code finding(ReadingTemplate.FindingType f) {
        if (f.code() != null) return new Code(f.code().value(), f.code().scheme(), f.code().meaning());
        return new Code(f.id(), SCHEME, f.label());
    }

    /** The finding a concept stands for in template {@code t}: its standard code or our private one. */
    static Optional<ReadingTemplate.FindingType> finding(Code c, ReadingTemplate t) {
        for (ReadingTemplate.FindingType f : t.findings()) if (finding(f).is(c)) return Optional.of(f);
        return Optional.empty();
    }

    /** The code of one categorical value of a finding (project scheme: no standard code exists for the template's vocabulary). */
    static Code value(ReadingTemplate.FindingType f, String value) {
        return new Code(f.id() + "." + value, SCHEME, f.label() + ": " + value);
    }

    /** The template value a code stands for, for finding {@code f}; empty when it is not one of f's values. */
    static Optional<String> value(ReadingTemplate.FindingType f, Code c) {
        if (!SCHEME.equals(c.scheme()) || !c.value().startsWith(f.id() + ".")) return Optional.empty();
        String v = c.value().substring(f.id().length() + 1);
        return f.values() != null && f.values().contains(v) ? Optional.of(v) : Optional.empty();
    }

    /** The quantity a number of this unit measures: Volume for mL, Length for mm, else the finding itself. */
    static Code quantity(ReadingTemplate.FindingType f, String unit) {
        if ("mL".equals(unit)) return VOLUME;
        if ("mm".equals(unit)) return LENGTH;
        return finding(f);
    }

    static Code unit(String unit) {
        Code c = UNITS.get(unit);
        if (c == null) {
            throw new SrException("unit '" + unit + "' has no UCUM code here; known units: " + List.copyOf(new java.util.TreeSet<>(UNITS.keySet())));
        }
        return c;
    }

    static Optional<String> unitName(Code c) {
        for (Map.Entry<String, Code> e : UNITS.entrySet()) if (e.getValue().is(c)) return Optional.of(e.getKey());
        return Optional.empty();
    }

    /** A measurement method's private code ("line-length", "roi-mean", "contrast-region-growing" ...). */
    static Code method(String method) {
        return new Code("method." + method.toLowerCase(Locale.ROOT), SCHEME, "Pars Reader method " + method);
    }

    static Optional<String> method(Code c) {
        return SCHEME.equals(c.scheme()) && c.value().startsWith("method.") ? Optional.of(c.value().substring(7)) : Optional.empty();
    }
}
