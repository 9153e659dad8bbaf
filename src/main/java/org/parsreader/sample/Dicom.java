package org.parsreader.sample;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small helpers to fill a PixelMed {@link AttributeList} by keyword and write a Part 10 file. */
final class Dicom {
    private Dicom() {}

    static final String SOURCE_AE = "PARSREADER";

    static AttributeTag tag(String keyword) {
        AttributeTag t = AttributeList.getDictionary().getTagFromName(keyword);
        if (t == null) throw new IllegalArgumentException("not in PixelMed's dictionary: " + keyword);
        return t;
    }

    /** Puts a string-valued attribute; no values gives an empty (type 2) attribute. */
    static void put(AttributeList list, String keyword, String... values) {
        try {
            Attribute a = list.putNewAttribute(tag(keyword));
            for (String v : values) a.addValue(v);
        } catch (DicomException e) {
            throw new IllegalStateException(keyword + ": " + e.getMessage(), e);
        }
    }

    /** Puts integer values (US, SS, UL, IS). */
    static void putInt(AttributeList list, String keyword, int... values) {
        try {
            Attribute a = list.putNewAttribute(tag(keyword));
            for (int v : values) a.addValue(v);
        } catch (DicomException e) {
            throw new IllegalStateException(keyword + ": " + e.getMessage(), e);
        }
    }

    /** Puts decimal values (DS, FD) formatted by {@link #ds}, so text values fit DS's 16 characters. */
    static void putDecimal(AttributeList list, String keyword, double... values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) s[i] = ds(values[i]);
        put(list, keyword, s);
    }

    /** At most 6 decimals, no trailing zeros, no "-0". */
    static String ds(double v) {
        BigDecimal b = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (b.signum() == 0) return "0";
        String s = b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
        if (s.length() > 16) throw new IllegalArgumentException("DS too long: " + s);
        return s;
    }

    /** Puts a one-item code sequence (e.g. CTDIPhantomTypeCodeSequence). */
    static void putCode(AttributeList list, String keyword, String value, String scheme, String meaning) {
        try {
            SequenceAttribute seq = new SequenceAttribute(tag(keyword));
            seq.addItem(new CodedSequenceItem(value, scheme, meaning).getAttributeList());
            list.put(seq);
        } catch (DicomException e) {
            throw new IllegalStateException(keyword + ": " + e.getMessage(), e);
        }
    }

    static void putPixels(AttributeList list, short[] pixels) {
        try {
            OtherWordAttribute a = new OtherWordAttribute(tag("PixelData"));
            a.setValues(pixels);
            list.put(a);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds the file meta information and writes Explicit VR Little Endian. */
    static void write(AttributeList list, Path file) throws IOException {
        try {
            Files.createDirectories(file.getParent());
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, SOURCE_AE);
            list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        } catch (DicomException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
