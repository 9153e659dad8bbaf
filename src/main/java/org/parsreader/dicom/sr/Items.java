package org.parsreader.dicom.sr;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

/** SR content items (PS3.3 C.17.3) as attribute lists: what each value type carries, and nothing else. */
final class Items {
    private Items() {}

    static final AttributeTag REFERENCED_SEGMENT_NUMBER = new AttributeTag(0x0062, 0x000B);
    static final AttributeTag FLOATING_POINT_VALUE = new AttributeTag(0x0040, 0xA161);

    static AttributeList item(String relationship, String valueType, Code concept) {
        AttributeList l = new AttributeList();
        if (relationship != null) Attrs.cs(l, TagFromName.RelationshipType, relationship);
        Attrs.cs(l, TagFromName.ValueType, valueType);
        if (concept != null) l.put(concept.sequence(TagFromName.ConceptNameCodeSequence));
        return l;
    }

    static AttributeList container(String relationship, Code concept) {
        AttributeList l = item(relationship, "CONTAINER", concept);
        Attrs.cs(l, TagFromName.ContinuityOfContent, "SEPARATE");
        return l;
    }

    static AttributeList code(String relationship, Code concept, Code value) {
        AttributeList l = item(relationship, "CODE", concept);
        l.put(value.sequence(TagFromName.ConceptCodeSequence));
        return l;
    }

    static AttributeList text(String relationship, Code concept, String value) {
        AttributeList l = item(relationship, "TEXT", concept);
        Attrs.ut(l, TagFromName.TextValue, value);
        return l;
    }

    static AttributeList pname(String relationship, Code concept, String value) {
        AttributeList l = item(relationship, "PNAME", concept);
        Attrs.pn(l, TagFromName.PersonName, value);
        return l;
    }

    static AttributeList uidref(String relationship, Code concept, String uid) {
        AttributeList l = item(relationship, "UIDREF", concept);
        Attrs.uid(l, TagFromName.UID, uid);
        return l;
    }

    /** A number: Numeric Value (DS, at most 16 characters) and, when that is not exact, the exact Floating Point Value too. */
    static AttributeList num(String relationship, Code concept, double value, Code unit) {
        AttributeList l = item(relationship, "NUM", concept);
        AttributeList mv = new AttributeList();
        String ds = Attrs.ds(value);
        Attrs.put(mv, new com.pixelmed.dicom.DecimalStringAttribute(TagFromName.NumericValue), ds);
        if (Double.parseDouble(ds) != value) Attrs.fd(mv, FLOATING_POINT_VALUE, value);
        mv.put(unit.sequence(TagFromName.MeasurementUnitsCodeSequence));
        SequenceAttribute s = Attrs.seq(l, TagFromName.MeasuredValueSequence);
        s.addItem(mv);
        return l;
    }

    static AttributeList scoord3d(String relationship, Code concept, String graphicType, float[] data, String frameOfReferenceUid) {
        AttributeList l = item(relationship, "SCOORD3D", concept);
        Attrs.cs(l, TagFromName.GraphicType, graphicType);
        Attrs.fl(l, TagFromName.GraphicData, data);
        Attrs.uid(l, TagFromName.ReferencedFrameOfReferenceUID, frameOfReferenceUid);
        return l;
    }

    /** An IMAGE reference; {@code segment} > 0 references one segment of a Segmentation. */
    static AttributeList image(String relationship, Code concept, String sopClass, String sopInstance, int segment) {
        AttributeList l = item(relationship, "IMAGE", concept);
        AttributeList ref = new AttributeList();
        Attrs.uid(ref, TagFromName.ReferencedSOPClassUID, sopClass);
        Attrs.uid(ref, TagFromName.ReferencedSOPInstanceUID, sopInstance);
        if (segment > 0) Attrs.us(ref, REFERENCED_SEGMENT_NUMBER, segment);
        Attrs.seq(l, TagFromName.ReferencedSOPSequence).addItem(ref);
        return l;
    }

    /** Appends {@code child} to {@code parent}'s Content Sequence; returns the child. */
    static AttributeList add(AttributeList parent, AttributeList child) {
        SequenceAttribute s = parent.get(TagFromName.ContentSequence) instanceof SequenceAttribute x ? x : Attrs.seq(parent, TagFromName.ContentSequence);
        s.addItem(child);
        return child;
    }

    // reading

    static String valueType(AttributeList item) { return Attrs.string(item, TagFromName.ValueType); }

    static Code concept(AttributeList item) { return Code.of(Attrs.first(item, TagFromName.ConceptNameCodeSequence)); }

    static Code codeValue(AttributeList item) { return Code.of(Attrs.first(item, TagFromName.ConceptCodeSequence)); }

    static java.util.List<AttributeList> children(AttributeList item) { return Attrs.items(item, TagFromName.ContentSequence); }

    /** The number of a NUM item (the exact Floating Point Value when present), or NaN when it has none. */
    static double number(AttributeList item) {
        AttributeList mv = Attrs.first(item, TagFromName.MeasuredValueSequence);
        if (mv == null) return Double.NaN;
        double[] fp = Attrs.doubles(mv, FLOATING_POINT_VALUE);
        if (fp != null && fp.length == 1) return fp[0];
        String ds = Attrs.string(mv, TagFromName.NumericValue);
        try {
            return ds == null ? Double.NaN : Double.parseDouble(ds);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static Code unit(AttributeList item) {
        return Code.of(Attrs.first(Attrs.first(item, TagFromName.MeasuredValueSequence), TagFromName.MeasurementUnitsCodeSequence));
    }
}
