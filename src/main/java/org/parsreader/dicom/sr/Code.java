package org.parsreader.dicom.sr;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UnlimitedCharactersAttribute;

/**
 * A coded concept (code value, coding scheme designator, code meaning). Values longer than 16
 * characters go to Long Code Value (0008,0119), as PS3.3 8.8 asks, instead of being cut.
 */
public record Code(String value, String scheme, String meaning) {
    static final AttributeTag LONG_CODE_VALUE = new AttributeTag(0x0008, 0x0119);

    /** The code as one sequence item. */
    AttributeList item() {
        try {
            AttributeList l = new AttributeList();
            if (value.length() > 16) {
                UnlimitedCharactersAttribute v = new UnlimitedCharactersAttribute(LONG_CODE_VALUE);
                v.addValue(value);
                l.put(v);
            } else {
                ShortStringAttribute v = new ShortStringAttribute(TagFromName.CodeValue);
                v.addValue(value);
                l.put(v);
            }
            ShortStringAttribute s = new ShortStringAttribute(TagFromName.CodingSchemeDesignator);
            s.addValue(scheme);
            l.put(s);
            LongStringAttribute m = new LongStringAttribute(TagFromName.CodeMeaning);
            m.addValue(meaning.length() > 64 ? meaning.substring(0, 64) : meaning);
            l.put(m);
            return l;
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sequence attribute holding this code as its one item. */
    SequenceAttribute sequence(AttributeTag tag) {
        SequenceAttribute s = new SequenceAttribute(tag);
        s.addItem(item());
        return s;
    }

    /** The code of a sequence item (Code Value or Long Code Value), or null when the item has none. */
    static Code of(AttributeList item) {
        if (item == null) return null;
        String v = Attrs.string(item, TagFromName.CodeValue);
        if (v == null) v = Attrs.string(item, LONG_CODE_VALUE);
        String s = Attrs.string(item, TagFromName.CodingSchemeDesignator);
        if (v == null || s == null) return null;
        String m = Attrs.string(item, TagFromName.CodeMeaning);
        return new Code(v, s, m == null ? "" : m);
    }

    /** Same code value and scheme (meanings may be worded differently by other tools). */
    boolean is(Code other) {
        return other != null && value.equals(other.value) && scheme.equals(other.scheme);
    }

    @Override
    public String toString() {
        return "(" + value + ", " + scheme + ", \"" + meaning + "\")";
    }
}
