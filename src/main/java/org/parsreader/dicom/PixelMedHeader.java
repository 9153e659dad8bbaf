package org.parsreader.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;

/** {@link Header} over a PixelMed {@link AttributeList}. */
final class PixelMedHeader implements Header {
    private final AttributeList list;

    PixelMedHeader(AttributeList list) {
        this.list = list;
    }

    private Attribute get(int tag) {
        return list.get(Tags.at(tag));
    }

    @Override
    public String str(int tag) {
        Attribute a = get(tag);
        return a == null ? "" : Attribute.getSingleStringValueOrEmptyString(a).trim();
    }

    @Override
    public String multi(int tag) {
        Attribute a = get(tag);
        return a == null ? "" : Attribute.getDelimitedStringValuesOrEmptyString(a).trim();
    }

    @Override
    public double[] doubles(int tag) {
        Attribute a = get(tag);
        if (a == null || a.getVM() == 0) return null;
        try {
            return a.getDoubleValues();
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public Header item(int sequence, int index) {
        return get(sequence) instanceof SequenceAttribute s && s.getNumberOfItems() > index
                ? new PixelMedHeader(s.getItem(index).getAttributeList()) : null;
    }

    @Override
    public int items(int sequence) {
        return get(sequence) instanceof SequenceAttribute s ? s.getNumberOfItems() : 0;
    }

    @Override
    public boolean has(int tag) {
        return get(tag) != null;
    }
}
