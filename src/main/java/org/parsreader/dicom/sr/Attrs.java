package org.parsreader.dicom.sr;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FloatDoubleAttribute;
import com.pixelmed.dicom.FloatSingleAttribute;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.TimeAttribute;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import com.pixelmed.dicom.UnlimitedTextAttribute;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Small typed setters and getters over PixelMed attribute lists (PixelMed's own API throws checked exceptions at every step). */
final class Attrs {
    private Attrs() {}

    static void put(AttributeList l, Attribute a, String... values) {
        try {
            for (String v : values) a.addValue(v);
        } catch (DicomException e) {
            throw new SrException("cannot set " + a.getTag() + " to " + String.join("\\", values) + ": " + e.getMessage(), e);
        }
        l.put(a);
    }

    static void uid(AttributeList l, AttributeTag t, String v) { put(l, new UniqueIdentifierAttribute(t), v); }

    static void cs(AttributeList l, AttributeTag t, String... v) { put(l, new CodeStringAttribute(t), v); }

    static void lo(AttributeList l, AttributeTag t, String v) {
        put(l, new LongStringAttribute(t), v.length() > 64 ? v.substring(0, 64) : v);
    }

    static void sh(AttributeList l, AttributeTag t, String v) {
        put(l, new ShortStringAttribute(t), v.length() > 16 ? v.substring(0, 16) : v);
    }

    static void ut(AttributeList l, AttributeTag t, String v) { put(l, new UnlimitedTextAttribute(t), v); }

    static void pn(AttributeList l, AttributeTag t, String v) { put(l, new PersonNameAttribute(t), v); }

    static void is(AttributeList l, AttributeTag t, int v) { put(l, new IntegerStringAttribute(t), Integer.toString(v)); }

    static void da(AttributeList l, AttributeTag t, String v) { put(l, new DateAttribute(t), v); }

    static void tm(AttributeList l, AttributeTag t, String v) { put(l, new TimeAttribute(t), v); }

    static void empty(AttributeList l, Attribute a) { l.put(a); }

    static void us(AttributeList l, AttributeTag t, int... v) {
        try {
            UnsignedShortAttribute a = new UnsignedShortAttribute(t);
            for (int x : v) a.addValue(x);
            l.put(a);
        } catch (DicomException e) {
            throw new SrException(e.getMessage(), e);
        }
    }

    static void ds(AttributeList l, AttributeTag t, double... v) {
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) s[i] = ds(v[i]);
        put(l, new DecimalStringAttribute(t), s);
    }

    static void fd(AttributeList l, AttributeTag t, double v) {
        try {
            FloatDoubleAttribute a = new FloatDoubleAttribute(t);
            a.addValue(v);
            l.put(a);
        } catch (DicomException e) {
            throw new SrException(e.getMessage(), e);
        }
    }

    static void fl(AttributeList l, AttributeTag t, float[] v) {
        try {
            FloatSingleAttribute a = new FloatSingleAttribute(t);
            for (float x : v) a.addValue(x);
            l.put(a);
        } catch (DicomException e) {
            throw new SrException(e.getMessage(), e);
        }
    }

    static SequenceAttribute seq(AttributeList l, AttributeTag t) {
        SequenceAttribute s = new SequenceAttribute(t);
        l.put(s);
        return s;
    }

    /**
     * A number as a Decimal String of at most 16 characters, as exact as that allows: the
     * shortest repr when it fits, else rounded to fewer significant digits.
     */
    static String ds(double v) {
        if (!Double.isFinite(v)) throw new SrException(v + " cannot be written as a DICOM decimal string");
        String s = Double.toString(v);
        if (s.endsWith(".0")) s = s.substring(0, s.length() - 2);
        if (s.length() <= 16 && !s.contains("E")) return s;
        for (int digits = 15; digits > 1; digits--) {
            String t = new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros().toString();
            if (t.length() <= 16) return t;
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** A new UID under 2.25 (UUID-derived, PS3.5 B.2): unique without a registered root. */
    static String newUid() {
        return uuidUid(UUID.randomUUID());
    }

    /** A UID derived from a name: the same tracking item gets the same UID on every export. */
    static String nameUid(String name) {
        return uuidUid(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String uuidUid(UUID u) {
        BigInteger hi = BigInteger.valueOf(u.getMostSignificantBits()).and(new BigInteger("FFFFFFFFFFFFFFFF", 16));
        BigInteger lo = BigInteger.valueOf(u.getLeastSignificantBits()).and(new BigInteger("FFFFFFFFFFFFFFFF", 16));
        return "2.25." + hi.shiftLeft(64).or(lo);
    }

    static String string(AttributeList l, AttributeTag t) {
        Attribute a = l == null ? null : l.get(t);
        if (a == null) return null;
        try {
            String[] v = a.getStringValues();
            return v == null || v.length == 0 ? null : v[0].trim();
        } catch (DicomException e) {
            return null;
        }
    }

    static double[] doubles(AttributeList l, AttributeTag t) {
        Attribute a = l == null ? null : l.get(t);
        if (a == null) return null;
        try {
            return a.getDoubleValues();
        } catch (DicomException e) {
            return null;
        }
    }

    /** The items of a sequence, empty when absent. */
    static List<AttributeList> items(AttributeList l, AttributeTag t) {
        List<AttributeList> out = new ArrayList<>();
        if (l != null && l.get(t) instanceof SequenceAttribute s) {
            for (int i = 0; i < s.getNumberOfItems(); i++) out.add(s.getItem(i).getAttributeList());
        }
        return out;
    }

    static AttributeList first(AttributeList l, AttributeTag t) {
        List<AttributeList> items = items(l, t);
        return items.isEmpty() ? null : items.get(0);
    }
}
