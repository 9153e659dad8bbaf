package org.parsreader.dicom.sr;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.parsreader.dicom.ImageStack;
import org.parsreader.dicom.InstanceHeader;
import org.parsreader.dicom.StackFrame;
import org.parsreader.dicom.StudyIndex;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;

/**
 * A reader's findings as a Comprehensive 3D SR following TID 1500 (Imaging Measurement Report):
 * observer context, procedure reported, an image library of the referenced series, and one
 * measurement group (TID 1501; 1410 with an image region, 1411 with a referenced segment) per
 * finding at a level and side. Layout in docs/dicom-codes.md.
 */
public final class SrWriter {
    public static final String COMPREHENSIVE_3D_SR = "1.2.840.10008.5.1.4.1.1.88.34";
    /** Private concepts that carry what TID 1500 has no place for, so an import gives back the same findings. */
    static final Code ROI_ID = new Code("roi-id", Codes.SCHEME, "ROI identifier");
    static final Code SERIES_UID = new Code("112002", "DCM", "Series Instance UID");

    private SrWriter() {}

    /** A segment of a written SEG: what a mask ROI's measurement group references. */
    public record SegmentRef(String sopInstanceUid, String seriesInstanceUid, int segmentNumber) {}

    public record Written(String sopInstanceUid, AttributeList list) {}

    /** The tracking UID of a finding's group: the same on every export of the same read. */
    static String trackingUid(FindingsDocument d, String finding, String level, Side side) {
        return Attrs.nameUid("parsreader|" + d.pseudonym() + "|" + d.reader().id() + "|" + finding + "|" + level + "|" + (side == null ? "" : side.label()));
    }

    static String trackingId(String finding, String level, Side side) {
        return finding + " " + level + (side == null ? "" : " " + side.label());
    }

    /** Tracking UIDs of every mask ROI, for the SEG's segments (written first, so the SR can reference them). */
    public static Map<String, String> maskTrackingUids(FindingsDocument d) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Roi r : d.rois()) if (r.type() == FindingsDocument.RoiType.MASK3D) m.put(r.id(), trackingUid(d, r.finding(), r.level(), r.side()));
        return m;
    }

    public static Written build(FindingsDocument d, ReadingTemplate t, StudyIndex index, Map<String, SegmentRef> segments, Composite.Context c) {
        Map<String, InstanceHeader> instances = new LinkedHashMap<>();
        Map<String, ImageStack> seriesStacks = new LinkedHashMap<>();
        for (ImageStack s : index.stacks()) {
            seriesStacks.putIfAbsent(s.series().uid(), s);
            for (StackFrame f : s.frames()) instances.putIfAbsent(f.instance().sopInstanceUid(), f.instance());
        }
        // groups in the order the document names them: values, then measurements, then ROIs
        Map<String, Group> groups = new LinkedHashMap<>();
        for (FindingValue v : d.values()) group(groups, t, v.finding(), v.level(), v.side()).values.add(v);
        for (Measurement m : d.measurements()) group(groups, t, m.finding(), m.level(), m.side()).measurements.add(m);
        for (Roi r : d.rois()) {
            if (r.finding() == null || r.level() == null) throw new SrException("ROI " + r.id() + " has no finding or level: TID 1500 groups measurements by finding and site");
            group(groups, t, r.finding(), r.level(), r.side()).rois.add(r);
        }
        Set<String> series = new LinkedHashSet<>();
        for (Roi r : d.rois()) {
            if (!seriesStacks.containsKey(r.seriesInstanceUid())) {
                throw new SrException("ROI " + r.id() + " was drawn on series " + r.seriesInstanceUid() + ", which is not in the case folder " + index.root());
            }
            series.add(r.seriesInstanceUid());
        }
        for (Measurement m : d.measurements()) {
            if (m.provenance() != null && m.provenance().seriesInstanceUid() != null && seriesStacks.containsKey(m.provenance().seriesInstanceUid())) {
                series.add(m.provenance().seriesInstanceUid());
            }
        }
        ImageStack main = series.isEmpty() ? firstOfStudies(index, d) : seriesStacks.get(series.iterator().next());

        AttributeList l = new AttributeList();
        String sop = Attrs.newUid();
        Composite.equipmentAndSop(l, COMPREHENSIVE_3D_SR, sop, c);
        Composite.patientAndStudy(l, main.first(), c);
        Attrs.cs(l, TagFromName.Modality, "SR");
        Attrs.uid(l, TagFromName.SeriesInstanceUID, Attrs.newUid());
        Attrs.is(l, TagFromName.SeriesNumber, 9000);
        Attrs.lo(l, TagFromName.SeriesDescription, "Pars Reader findings " + d.reader().id());
        Attrs.is(l, TagFromName.InstanceNumber, 1);
        Attrs.seq(l, TagFromName.ReferencedPerformedProcedureStepSequence);
        Attrs.cs(l, TagFromName.CompletionFlag, "COMPLETE");
        Attrs.cs(l, TagFromName.VerificationFlag, "UNVERIFIED");
        Attrs.seq(l, TagFromName.PerformedProcedureCodeSequence);
        AttributeList scheme = new AttributeList();
        Attrs.sh(scheme, TagFromName.CodingSchemeDesignator, Codes.SCHEME);
        Attrs.put(scheme, new com.pixelmed.dicom.ShortTextAttribute(TagFromName.CodingSchemeName), Codes.SCHEME_NAME);
        Attrs.put(scheme, new com.pixelmed.dicom.ShortTextAttribute(TagFromName.CodingSchemeResponsibleOrganization), "Pars Reader project");
        Attrs.seq(l, TagFromName.CodingSchemeIdentificationSequence).addItem(scheme);

        // root: TID 1500
        Attrs.cs(l, TagFromName.ValueType, "CONTAINER");
        l.put(Codes.IMAGING_MEASUREMENT_REPORT.sequence(TagFromName.ConceptNameCodeSequence));
        Attrs.cs(l, TagFromName.ContinuityOfContent, "SEPARATE");
        AttributeList template = new AttributeList();
        Attrs.cs(template, TagFromName.MappingResource, "DCMR");
        Attrs.cs(template, TagFromName.TemplateIdentifier, "1500");
        Attrs.seq(l, TagFromName.ContentTemplateSequence).addItem(template);
        Items.add(l, Items.code("HAS CONCEPT MOD", Codes.LANGUAGE, Codes.ENGLISH_US));
        Items.add(l, Items.code("HAS OBS CONTEXT", Codes.OBSERVER_TYPE, Codes.PERSON));
        Items.add(l, Items.pname("HAS OBS CONTEXT", Codes.PERSON_OBSERVER_NAME, d.reader().id()));
        Items.add(l, Items.code("HAS OBS CONTEXT", Codes.ROLE_IN_PROCEDURE,
                d.reader().role() == org.parsreader.findings.Role.CONSENSUS ? Codes.ADJUDICATOR : Codes.READER));
        Items.add(l, Items.text("HAS OBS CONTEXT", Codes.IDENTIFIER_WITHIN_ROLE, d.reader().role().label()));
        Items.add(l, Items.code("HAS CONCEPT MOD", Codes.PROCEDURE_REPORTED, Codes.IMAGING_PROCEDURE));

        Map<String, Map<String, Map<String, String>>> evidence = new LinkedHashMap<>(); // study -> series -> instance -> class
        AttributeList library = Items.add(l, Items.container("CONTAINS", Codes.IMAGE_LIBRARY));
        for (String uid : series) {
            ImageStack s = seriesStacks.get(uid);
            AttributeList g = Items.add(library, Items.container("CONTAINS", Codes.IMAGE_LIBRARY_GROUP));
            for (StackFrame f : s.frames()) {
                InstanceHeader h = f.instance();
                Items.add(g, Items.image("CONTAINS", null, h.sopClassUid(), h.sopInstanceUid(), 0));
                evidence.computeIfAbsent(h.study().uid(), x -> new LinkedHashMap<>()).computeIfAbsent(uid, x -> new LinkedHashMap<>())
                        .put(h.sopInstanceUid(), h.sopClassUid());
            }
        }

        AttributeList measurements = Items.add(l, Items.container("CONTAINS", Codes.IMAGING_MEASUREMENTS));
        for (Group g : groups.values()) {
            Items.add(measurements, g.build(d, seriesStacks, instances, segments, evidence, c));
        }

        SequenceAttribute ev = Attrs.seq(l, TagFromName.CurrentRequestedProcedureEvidenceSequence);
        for (Map.Entry<String, Map<String, Map<String, String>>> st : evidence.entrySet()) {
            AttributeList studyItem = new AttributeList();
            Attrs.uid(studyItem, TagFromName.StudyInstanceUID, st.getKey());
            SequenceAttribute ser = Attrs.seq(studyItem, TagFromName.ReferencedSeriesSequence);
            for (Map.Entry<String, Map<String, String>> se : st.getValue().entrySet()) {
                AttributeList seriesItem = new AttributeList();
                Attrs.uid(seriesItem, TagFromName.SeriesInstanceUID, se.getKey());
                SequenceAttribute sops = Attrs.seq(seriesItem, TagFromName.ReferencedSOPSequence);
                for (Map.Entry<String, String> in : se.getValue().entrySet()) {
                    AttributeList r = new AttributeList();
                    Attrs.uid(r, TagFromName.ReferencedSOPClassUID, in.getValue());
                    Attrs.uid(r, TagFromName.ReferencedSOPInstanceUID, in.getKey());
                    sops.addItem(r);
                }
                ser.addItem(seriesItem);
            }
            ev.addItem(studyItem);
        }
        if (evidence.isEmpty()) l.remove(TagFromName.CurrentRequestedProcedureEvidenceSequence);
        return new Written(sop, l);
    }

    private static ImageStack firstOfStudies(StudyIndex index, FindingsDocument d) {
        for (ImageStack s : index.stacks()) if (d.studyInstanceUids().contains(s.first().study().uid())) return s;
        if (index.stacks().isEmpty()) throw new SrException("case folder " + index.root() + " has no images to take the patient and study from");
        return index.stacks().get(0);
    }

    private static Group group(Map<String, Group> groups, ReadingTemplate t, String finding, String level, Side side) {
        ReadingTemplate.FindingType f = t.finding(finding)
                .orElseThrow(() -> new SrException("finding '" + finding + "' is not in template " + t.id() + " " + t.version()));
        return groups.computeIfAbsent(trackingId(finding, level, side), k -> new Group(f, level, side));
    }

    /** One finding at one level and side. */
    private static final class Group {
        final ReadingTemplate.FindingType f;
        final String level;
        final Side side;
        final List<FindingValue> values = new ArrayList<>();
        final List<Measurement> measurements = new ArrayList<>();
        final List<Roi> rois = new ArrayList<>();

        Group(ReadingTemplate.FindingType f, String level, Side side) {
            this.f = f;
            this.level = level;
            this.side = side;
        }

        AttributeList build(FindingsDocument d, Map<String, ImageStack> stacks, Map<String, InstanceHeader> instances, Map<String, SegmentRef> segments,
                            Map<String, Map<String, Map<String, String>>> evidence, Composite.Context c) {
            AttributeList g = Items.container("CONTAINS", Codes.MEASUREMENT_GROUP);
            Items.add(g, Items.text("HAS OBS CONTEXT", Codes.TRACKING_IDENTIFIER, trackingId(f.id(), level, side)));
            Items.add(g, Items.uidref("HAS OBS CONTEXT", Codes.TRACKING_UID, trackingUid(d, f.id(), level, side)));
            Items.add(g, Items.code("CONTAINS", Codes.FINDING, Codes.finding(f)));
            AttributeList site = Items.add(g, Items.code("HAS CONCEPT MOD", Codes.FINDING_SITE, Codes.site(level, f.scope())));
            if (side != null) Items.add(site, Items.code("HAS CONCEPT MOD", Codes.LATERALITY, Codes.side(side)));
            for (Roi r : rois) {
                switch (r.type()) {
                    case MASK3D -> {
                        SegmentRef s = segments.get(r.id());
                        if (s == null) throw new SrException("ROI " + r.id() + " is a 3D mask but no segmentation was written for it");
                        Items.add(g, Items.image("CONTAINS", Codes.REFERENCED_SEGMENT, SegWriter.SEG_SOP_CLASS, s.sopInstanceUid(), s.segmentNumber()));
                        Items.add(g, Items.uidref("CONTAINS", Codes.SOURCE_SERIES_FOR_SEGMENTATION, r.seriesInstanceUid()));
                        String study = stacks.get(r.seriesInstanceUid()).first().study().uid();
                        evidence.computeIfAbsent(study, x -> new LinkedHashMap<>()).computeIfAbsent(s.seriesInstanceUid(), x -> new LinkedHashMap<>())
                                .put(s.sopInstanceUid(), SegWriter.SEG_SOP_CLASS);
                    }
                    case POINT, LINE, POLYGON -> {
                        List<double[]> pts = new ArrayList<>(r.points());
                        String type = switch (r.type()) {
                            case POINT -> "POINT";
                            case LINE -> "POLYLINE";
                            default -> "POLYGON";
                        };
                        if (r.type() == FindingsDocument.RoiType.POLYGON) pts.add(pts.get(0)); // a 3D polygon is closed: last point = first (PS3.3 C.18.9.1.2)
                        float[] data = new float[pts.size() * 3];
                        for (int i = 0; i < pts.size(); i++) for (int a = 0; a < 3; a++) data[3 * i + a] = (float) pts.get(i)[a];
                        String frame = r.frameOfReferenceUid() != null && !r.frameOfReferenceUid().isBlank() ? r.frameOfReferenceUid()
                                : stacks.get(r.seriesInstanceUid()).series().frameOfReferenceUid();
                        if (frame == null || frame.isBlank()) throw new SrException("ROI " + r.id() + ": series " + r.seriesInstanceUid() + " has no frame of reference for 3D coordinates");
                        Items.add(g, Items.scoord3d("CONTAINS", Codes.IMAGE_REGION, type, data, frame));
                        Items.add(g, Items.uidref("CONTAINS", SERIES_UID, r.seriesInstanceUid()));
                        for (String inst : r.sopInstanceUids()) {
                            InstanceHeader h = instances.get(inst);
                            if (h == null) throw new SrException("ROI " + r.id() + " names image " + inst + ", which is not in the case folder");
                            Items.add(g, Items.image("CONTAINS", Codes.SOURCE_OF_MEASUREMENT, h.sopClassUid(), inst, 0));
                        }
                    }
                }
                Items.add(g, Items.text("CONTAINS", ROI_ID, r.id()));
                if (r.label() != null) Items.add(g, Items.text("CONTAINS", Codes.ROI_LABEL, r.label()));
            }
            Code concept = Codes.finding(f);
            for (FindingValue v : values) {
                Value x = v.value();
                if (x instanceof Value.NotAssessable na) {
                    // refused rather than left out: the SR would silently say "not read" where the reader said "not assessable"
                    throw new SrException(f.id() + " at " + v.level() + (v.side() == null ? "" : " " + v.side().label()) + " is not assessable ("
                            + na.reason() + "); DICOM SR export of not-assessable values is not supported yet: clear it or export CSV");
                }
                if (x instanceof Value.Choice ch) Items.add(g, Items.code("CONTAINS", concept, Codes.value(f, ch.value())));
                else if (x instanceof Value.Choices cs) for (String s : cs.values()) Items.add(g, Items.code("CONTAINS", concept, Codes.value(f, s)));
                else if (x instanceof Value.Flag fl) Items.add(g, Items.code("CONTAINS", concept, fl.value() ? Codes.YES : Codes.NO));
                else if (x instanceof Value.Number n) {
                    if (f.unit() == null) throw new SrException("finding " + f.id() + " is a number without a unit in template; a DICOM measurement needs one");
                    Items.add(g, Items.num("CONTAINS", Codes.quantity(f, f.unit()), n.value(), Codes.unit(f.unit())));
                }
            }
            for (Measurement m : measurements) {
                AttributeList num = Items.add(g, Items.num("CONTAINS", Codes.quantity(f, m.unit()), m.value(), Codes.unit(m.unit())));
                FindingsDocument.Provenance p = m.provenance();
                if (p != null) {
                    java.time.Instant when = c.patientTime(p.time());
                    if (when != null) {
                        Attrs.put(num, new com.pixelmed.dicom.DateTimeAttribute(TagFromName.ObservationDateTime),
                                DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSS").format(when.atOffset(ZoneOffset.UTC)) + "+0000");
                    }
                    Items.add(num, Items.code("HAS CONCEPT MOD", Codes.MEASUREMENT_METHOD, Codes.method(p.method())));
                    String software = p.software() == null || p.software().isBlank() ? c.software() : p.software();
                    Items.add(num, Items.text("HAS CONCEPT MOD", Codes.ALGORITHM_NAME, software));
                    Items.add(num, Items.text("HAS CONCEPT MOD", Codes.ALGORITHM_VERSION, version(software, c.version())));
                    if (p.parameters() != null) {
                        for (Map.Entry<String, String> e : new java.util.TreeMap<>(p.parameters()).entrySet()) {
                            Items.add(num, Items.text("HAS CONCEPT MOD", Codes.ALGORITHM_PARAMETERS, e.getKey() + "=" + e.getValue()));
                        }
                    }
                    if (p.roi() != null) Items.add(num, Items.text("HAS CONCEPT MOD", ROI_ID, p.roi()));
                    if (p.seriesInstanceUid() != null) Items.add(num, Items.text("HAS CONCEPT MOD", SERIES_UID_TEXT, p.seriesInstanceUid()));
                }
            }
            return g;
        }
    }

    static final Code SERIES_UID_TEXT = new Code("source-series", Codes.SCHEME, "Series measured on");

    /** "Pars Reader 0.1.0 quantify-contrast" -> "0.1.0"; the exporting version otherwise. */
    static String version(String software, String fallback) {
        for (String part : software.split(" ")) if (!part.isEmpty() && Character.isDigit(part.charAt(0))) return part;
        return Objects.requireNonNullElse(fallback, "unknown");
    }
}
