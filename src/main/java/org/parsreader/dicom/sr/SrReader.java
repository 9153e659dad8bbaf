package org.parsreader.dicom.sr;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parsreader.findings.FindingsDocument;
import org.parsreader.findings.FindingsDocument.FindingValue;
import org.parsreader.findings.FindingsDocument.Measurement;
import org.parsreader.findings.FindingsDocument.Roi;
import org.parsreader.findings.ReadingTemplate;
import org.parsreader.findings.Side;
import org.parsreader.findings.Value;

/**
 * A TID 1500 Imaging Measurement Report back as findings of a reading template: ours, or one
 * another tool wrote with the same template structure (dcmqi's measurement groups: tracking
 * identifier, finding, finding site with laterality, NUM with units and method, CODE
 * qualitative evaluations, image regions, referenced segments). What does not map to the
 * template is listed in {@link Imported#notes()}, never dropped without a word.
 */
public final class SrReader {
    private SrReader() {}

    /** The findings read: ROI ids are those in the SR (ours) or "sr-1", "sr-2" ...; values and measurements link them. */
    public record Imported(String observer, List<FindingValue> values, List<Roi> rois, List<Measurement> measurements, List<String> notes) {}

    public static Imported read(Path file, ReadingTemplate t, Map<String, SegReader.Seg> segs) throws IOException {
        return read(file, SegReader.readList(file), t, segs);
    }

    /**
     * As {@link #read(Path, ReadingTemplate, Map)}, and an image region that does not name its
     * series (other tools write none) gets the series of the image it references (Source of
     * Measurement) in {@code index}, else the one series of the case in its frame of reference.
     */
    public static Imported read(Path file, ReadingTemplate t, Map<String, SegReader.Seg> segs, org.parsreader.dicom.StudyIndex index) throws IOException {
        Imported in = read(file, t, segs);
        List<Roi> rois = new ArrayList<>();
        java.util.Set<String> here = new java.util.HashSet<>();
        for (org.parsreader.dicom.ImageStack s : index.stacks()) here.add(s.series().uid());
        for (Roi r : in.rois()) {
            Roi x = r.seriesInstanceUid() != null ? r : withSeries(file, r, index);
            if (!here.contains(x.seriesInstanceUid())) {
                throw new SrException(file + ": the " + x.type().label() + " ROI of " + x.finding() + " at " + x.level() + " lies on series "
                        + x.seriesInstanceUid() + ", which is not in the case folder " + index.root() + "; is this the case the report was made on?");
            }
            rois.add(x);
        }
        return new Imported(in.observer(), in.values(), rois, in.measurements(), in.notes());
    }

    private static Roi withSeries(Path file, Roi r, org.parsreader.dicom.StudyIndex index) {
        String series = null;
        for (org.parsreader.dicom.ImageStack s : index.stacks()) {
            for (org.parsreader.dicom.StackFrame f : s.frames()) if (r.sopInstanceUids().contains(f.instance().sopInstanceUid())) series = s.series().uid();
        }
        if (series == null) {
            List<String> same = index.stacks().stream().filter(s -> java.util.Objects.equals(s.series().frameOfReferenceUid(), r.frameOfReferenceUid()))
                    .map(s -> s.series().uid()).distinct().toList();
            if (same.size() == 1) series = same.get(0);
            else throw new SrException(file + ": the image region of " + r.finding() + " at " + r.level() + " names no image and its frame of reference "
                    + r.frameOfReferenceUid() + " holds " + same.size() + " series of the case; which series it was drawn on is unknown");
        }
        return new Roi(r.id(), r.type(), r.finding(), r.level(), r.side(), r.points(), r.frameOfReferenceUid(), series, r.sopInstanceUids(), r.mask(), r.label());
    }

    static Imported read(Path file, AttributeList l, ReadingTemplate t, Map<String, SegReader.Seg> segs) {
        String cls = Attrs.string(l, TagFromName.SOPClassUID);
        if (cls == null || !cls.startsWith("1.2.840.10008.5.1.4.1.1.88.")) {
            throw new SrException(file + " is not a DICOM Structured Report (SOP class " + cls + ")");
        }
        Code root = Items.concept(l);
        String template = Attrs.string(Attrs.first(l, TagFromName.ContentTemplateSequence), TagFromName.TemplateIdentifier);
        if (!Codes.IMAGING_MEASUREMENT_REPORT.is(root) || template != null && !"1500".equals(template)) {
            throw new SrException(file + " is not a TID 1500 Imaging Measurement Report: its root is " + (root == null ? "uncoded" : root)
                    + (template == null ? "" : ", template " + template));
        }
        String observer = null;
        List<AttributeList> groups = new ArrayList<>();
        for (AttributeList c : Items.children(l)) {
            if (Codes.PERSON_OBSERVER_NAME.is(Items.concept(c))) observer = Attrs.string(c, TagFromName.PersonName);
            if (Codes.IMAGING_MEASUREMENTS.is(Items.concept(c))) {
                for (AttributeList g : Items.children(c)) if (Codes.MEASUREMENT_GROUP.is(Items.concept(g))) groups.add(g);
            }
        }
        List<FindingValue> values = new ArrayList<>();
        List<Roi> rois = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int n = 0;
        for (AttributeList g : groups) {
            n++;
            new GroupReader(file, n, g, t, segs, values, rois, measurements, notes).read();
        }
        if (groups.isEmpty()) notes.add(file + " holds no measurement group");
        return new Imported(observer, values, rois, measurements, notes);
    }

    private static final class GroupReader {
        final Path file;
        final String where;
        final AttributeList g;
        final ReadingTemplate t;
        final Map<String, SegReader.Seg> segs;
        final List<FindingValue> values;
        final List<Roi> rois;
        final List<Measurement> measurements;
        final List<String> notes;

        GroupReader(Path file, int n, AttributeList g, ReadingTemplate t, Map<String, SegReader.Seg> segs, List<FindingValue> values, List<Roi> rois,
                    List<Measurement> measurements, List<String> notes) {
            this.file = file;
            this.where = file.getFileName() + " measurement group " + n;
            this.g = g;
            this.t = t;
            this.segs = segs;
            this.values = values;
            this.rois = rois;
            this.measurements = measurements;
            this.notes = notes;
        }

        void read() {
            List<AttributeList> items = Items.children(g);
            String tracking = null;
            ReadingTemplate.FindingType f = null;
            String level = null;
            Side side = null;
            for (AttributeList c : items) {
                Code concept = Items.concept(c);
                if (Codes.TRACKING_IDENTIFIER.is(concept)) tracking = Attrs.string(c, TagFromName.TextValue);
                else if (Codes.FINDING.is(concept)) {
                    Code v = Items.codeValue(c);
                    f = v == null ? null : Codes.finding(v, t).orElse(null);
                    if (f == null) notes.add(where + ": finding " + v + " is not a finding of template " + t.id() + "; group not imported");
                    if (f == null) return;
                } else if (Codes.FINDING_SITE.is(concept)) {
                    Code v = Items.codeValue(c);
                    level = v == null ? null : Codes.level(v).orElse(null);
                    if (level == null) throw new SrException(where + ": finding site " + v + " is not a vertebral level of template " + t.id() + " " + t.allLevels());
                    for (AttributeList m : Items.children(c)) {
                        if (Codes.LATERALITY.is(Items.concept(m))) {
                            Code s = Items.codeValue(m);
                            side = s == null ? null : Codes.side(s).orElseThrow(() -> new SrException(where + ": laterality " + s + " is not left or right"));
                        }
                    }
                }
            }
            if (f == null) throw new SrException(where + (tracking == null ? "" : " (" + tracking + ")") + " names no Finding (121071, DCM)");
            if (level == null) throw new SrException(where + " (" + f.id() + ") has no Finding Site (363698007, SCT) with a vertebral level");
            Code concept = Codes.finding(f);
            int roisBefore = rois.size(), measurementsBefore = measurements.size();
            List<String> choices = new ArrayList<>();
            Map<Integer, Roi> roiAt = new LinkedHashMap<>();
            Roi last = null;
            for (int i = 0; i < items.size(); i++) {
                AttributeList c = items.get(i);
                Code name = Items.concept(c);
                String vt = Items.valueType(c);
                if ("CODE".equals(vt) && concept.is(name)) {
                    Code v = Items.codeValue(c);
                    if (f.type() == ReadingTemplate.ValueType.BOOLEAN) {
                        if (Codes.YES.is(v) || Codes.NO.is(v)) values.add(new FindingValue(f.id(), level, side, new Value.Flag(Codes.YES.is(v)), null));
                        else throw new SrException(where + " (" + f.id() + "): " + v + " is not Yes (373066001, SCT) or No (373067005, SCT)");
                    } else {
                        final Code vv = v;
                        final ReadingTemplate.FindingType ff = f;
                        choices.add(Codes.value(ff, v).orElseThrow(() -> new SrException(where + " (" + ff.id() + "): " + vv + " is not one of its values " + ff.values())));
                    }
                } else if ("NUM".equals(vt)) {
                    num(c, f, level, side);
                } else if ("SCOORD3D".equals(vt) && Codes.IMAGE_REGION.is(name)) {
                    last = scoord(c, f, level, side, items, i);
                    rois.add(last);
                } else if ("IMAGE".equals(vt) && Codes.REFERENCED_SEGMENT.is(name)) {
                    last = segment(c, f, level, side);
                    rois.add(last);
                } else if ("TEXT".equals(vt) && SrWriter.ROI_ID.is(name) && last != null) {
                    Roi r = last;
                    rois.set(rois.indexOf(r), last = withId(r, Attrs.string(c, TagFromName.TextValue), r.label()));
                } else if ("TEXT".equals(vt) && Codes.ROI_LABEL.is(name) && last != null) {
                    Roi r = last;
                    rois.set(rois.indexOf(r), last = withId(r, r.id(), Attrs.string(c, TagFromName.TextValue)));
                }
            }
            // another tool's group names no ROI per measurement: its measurements are of the group's one region (TID 1410/1411)
            List<Roi> mine = rois.subList(roisBefore, rois.size());
            if (mine.size() == 1) {
                for (int i = measurementsBefore; i < measurements.size(); i++) {
                    Measurement m = measurements.get(i);
                    if (m.provenance() != null && m.provenance().roi() == null) {
                        FindingsDocument.Provenance p = m.provenance();
                        measurements.set(i, new Measurement(m.finding(), m.level(), m.side(), m.value(), m.unit(), new FindingsDocument.Provenance(mine.get(0).id(),
                                p.seriesInstanceUid() != null ? p.seriesInstanceUid() : mine.get(0).seriesInstanceUid(), p.method(), p.software(), p.time(), p.parameters())));
                    }
                }
            }
            if (!choices.isEmpty()) {
                Value v = f.type() == ReadingTemplate.ValueType.CHOICES ? new Value.Choices(choices) : new Value.Choice(choices.get(0));
                if (f.type() == ReadingTemplate.ValueType.CHOICE && choices.size() > 1) {
                    throw new SrException(where + " (" + f.id() + "): " + choices.size() + " values " + choices + " for a single choice");
                }
                values.add(new FindingValue(f.id(), level, side, v, null));
            }
        }

        void num(AttributeList c, ReadingTemplate.FindingType f, String level, Side side) {
            double v = Items.number(c);
            Code u = Items.unit(c);
            if (Double.isNaN(v)) {
                notes.add(where + " (" + f.id() + "): a NUM without a value (" + Items.concept(c) + ") not imported");
                return;
            }
            String unit = u == null ? null : Codes.unitName(u).orElseThrow(() -> new SrException(where + " (" + f.id() + "): unit " + u + " is not one of "
                    + Codes.UNITS.values()));
            if (f.unit() != null && !f.unit().equals(unit)) throw new SrException(where + " (" + f.id() + "): measured in " + u + ", the template's unit is " + f.unit());
            String method = null, software = null, roi = null, series = null;
            Map<String, String> params = new LinkedHashMap<>();
            for (AttributeList m : Items.children(c)) {
                Code name = Items.concept(m);
                if (Codes.MEASUREMENT_METHOD.is(name)) {
                    Code mc = Items.codeValue(m);
                    method = mc == null ? null : Codes.method(mc).orElse(mc.meaning().isBlank() ? mc.value() : mc.meaning());
                } else if (Codes.ALGORITHM_NAME.is(name)) software = Attrs.string(m, TagFromName.TextValue);
                else if (Codes.ALGORITHM_PARAMETERS.is(name)) {
                    String kv = Attrs.string(m, TagFromName.TextValue);
                    int eq = kv == null ? -1 : kv.indexOf('=');
                    if (eq > 0) params.put(kv.substring(0, eq), kv.substring(eq + 1));
                } else if (SrWriter.ROI_ID.is(name)) roi = Attrs.string(m, TagFromName.TextValue);
                else if (SrWriter.SERIES_UID_TEXT.is(name)) series = Attrs.string(m, TagFromName.TextValue);
            }
            if (method == null && software == null) {
                if (f.type() != ReadingTemplate.ValueType.NUMBER) throw new SrException(where + " (" + f.id() + "): a number for a " + f.type() + " finding");
                values.add(new FindingValue(f.id(), level, side, new Value.Number(v), null));
            } else {
                if (method == null) method = "imported";
                measurements.add(new Measurement(f.id(), level, side, v, unit, new FindingsDocument.Provenance(roi, series, method, software,
                        time(Attrs.string(c, TagFromName.ObservationDateTime)), params.isEmpty() ? Map.of() : params)));
            }
        }

        Roi scoord(AttributeList c, ReadingTemplate.FindingType f, String level, Side side, List<AttributeList> items, int i) {
            String type = Attrs.string(c, TagFromName.GraphicType);
            double[] d = Attrs.doubles(c, TagFromName.GraphicData);
            String frame = Attrs.string(c, TagFromName.ReferencedFrameOfReferenceUID);
            if (d == null || d.length % 3 != 0 || d.length == 0) throw new SrException(where + " (" + f.id() + "): 3D coordinates not in triplets");
            List<double[]> pts = new ArrayList<>();
            for (int p = 0; p < d.length; p += 3) pts.add(new double[] {d[p], d[p + 1], d[p + 2]});
            FindingsDocument.RoiType rt = switch (type == null ? "" : type) {
                case "POINT" -> FindingsDocument.RoiType.POINT;
                case "POLYLINE" -> pts.size() == 2 ? FindingsDocument.RoiType.LINE : null;
                case "POLYGON" -> FindingsDocument.RoiType.POLYGON;
                default -> null;
            };
            if (rt == null) throw new SrException(where + " (" + f.id() + "): a " + type + " of " + pts.size() + " points has no ROI type here (point, line of 2, polygon)");
            if (rt == FindingsDocument.RoiType.POLYGON && pts.size() > 3 && java.util.Arrays.equals(pts.get(0), pts.get(pts.size() - 1))) pts.remove(pts.size() - 1);
            String series = null;
            List<String> sops = new ArrayList<>();
            for (int j = i + 1; j < items.size(); j++) {
                AttributeList x = items.get(j);
                Code name = Items.concept(x);
                if (SrWriter.SERIES_UID.is(name)) series = Attrs.string(x, TagFromName.UID);
                else if (Codes.SOURCE_OF_MEASUREMENT.is(name)) sops.add(Attrs.string(Attrs.first(x, TagFromName.ReferencedSOPSequence), TagFromName.ReferencedSOPInstanceUID));
                else if (!SrWriter.ROI_ID.is(name) && !Codes.ROI_LABEL.is(name)) break;
            }
            return new Roi("sr-" + (rois.size() + 1), rt, f.id(), level, side, pts, frame, series, sops, null, null);
        }

        Roi segment(AttributeList c, ReadingTemplate.FindingType f, String level, Side side) {
            AttributeList ref = Attrs.first(c, TagFromName.ReferencedSOPSequence);
            String sop = Attrs.string(ref, TagFromName.ReferencedSOPInstanceUID);
            String num = Attrs.string(ref, Items.REFERENCED_SEGMENT_NUMBER);
            SegReader.Seg seg = segs.get(sop);
            if (seg == null) throw new SrException(where + " (" + f.id() + ") references segment " + num + " of segmentation " + sop + "; give that SEG file too");
            for (SegReader.Segment s : seg.segments()) {
                if (Integer.toString(s.number()).equals(num)) {
                    Roi r = s.roi();
                    return new Roi("sr-" + (rois.size() + 1), r.type(), f.id(), level, side, null, r.frameOfReferenceUid(), r.seriesInstanceUid(), List.of(), r.mask(), r.label());
                }
            }
            throw new SrException(where + " (" + f.id() + ") references segment " + num + ", which " + seg.file() + " does not have");
        }

        private static Roi withId(Roi r, String id, String label) {
            return new Roi(id, r.type(), r.finding(), r.level(), r.side(), r.points(), r.frameOfReferenceUid(), r.seriesInstanceUid(), r.sopInstanceUids(), r.mask(), label);
        }

        private static Instant time(String dt) {
            if (dt == null) return null;
            try {
                return OffsetDateTime.parse(dt, DateTimeFormatter.ofPattern("yyyyMMddHHmmss[.SSSSSS][.SSS]Z")).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** The SEG files by SOP instance UID, for the SR's referenced segments. */
    public static Map<String, SegReader.Seg> bySop(List<SegReader.Seg> segs) {
        Map<String, SegReader.Seg> m = new LinkedHashMap<>();
        for (SegReader.Seg s : segs) m.put(s.sopInstanceUid(), s);
        return m;
    }

    static Optional<String> none() { return Optional.empty(); }
}
