package org.parsreader.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import java.util.Arrays;
import java.util.List;

/** Null-safe reads of PixelMed attribute values, trimmed, with defaults for absent values. */
final class Attrs {
    private Attrs() {}

    static String str(AttributeList list, AttributeTag tag) {
        return list == null ? "" : Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }

    /** All values joined by '\', the DICOM multi-value delimiter. */
    static String multi(AttributeList list, AttributeTag tag) {
        return list == null ? "" : Attribute.getDelimitedStringValuesOrEmptyString(list, tag).trim();
    }

    static List<String> list(AttributeList list, AttributeTag tag) {
        String[] v = list == null ? null : Attribute.getStringValues(list.get(tag));
        return v == null ? List.of() : Arrays.stream(v).map(s -> s == null ? "" : s.trim()).toList();
    }

    static int integer(AttributeList list, AttributeTag tag, int dflt) {
        if (list == null || list.get(tag) == null) return dflt;
        String s = str(list, tag);
        if (s.isEmpty()) return dflt;
        try {
            return (int) Math.round(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return Attribute.getSingleIntegerValueOrDefault(list, tag, dflt);
        }
    }

    static double dbl(AttributeList list, AttributeTag tag, double dflt) {
        if (list == null) return dflt;
        Attribute a = list.get(tag);
        if (a == null || a.getVM() == 0) return dflt;
        double d = Attribute.getSingleDoubleValueOrDefault(a, Double.NaN);
        return Double.isNaN(d) ? dflt : d;
    }

    /** All numeric values, or null when absent or empty. */
    static double[] doubles(AttributeList list, AttributeTag tag) {
        if (list == null) return null;
        Attribute a = list.get(tag);
        if (a == null || a.getVM() == 0) return null;
        try {
            return a.getDoubleValues();
        } catch (Exception e) {
            return null;
        }
    }

    /** The first item of a sequence, or null. */
    static AttributeList item(AttributeList list, AttributeTag seq) {
        return item(list, seq, 0);
    }

    static AttributeList item(AttributeList list, AttributeTag seq, int index) {
        if (list == null) return null;
        Attribute a = list.get(seq);
        if (!(a instanceof SequenceAttribute s) || s.getNumberOfItems() <= index) return null;
        return s.getItem(index).getAttributeList();
    }

    static int items(AttributeList list, AttributeTag seq) {
        Attribute a = list == null ? null : list.get(seq);
        return a instanceof SequenceAttribute s ? s.getNumberOfItems() : 0;
    }

    /** The attribute list of {@code seq}'s first item inside per-frame, else inside shared groups. */
    static AttributeList functionalGroup(AttributeList perFrame, AttributeList shared, AttributeTag seq) {
        AttributeList l = item(perFrame, seq);
        return l != null ? l : item(shared, seq);
    }
}
