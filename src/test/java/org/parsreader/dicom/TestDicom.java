package org.parsreader.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.nio.file.Path;

/** Writes small synthetic DICOM images for tests, with PixelMed. */
final class TestDicom {
    static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4";
    static final String ENHANCED_CT = "1.2.840.10008.5.1.4.1.1.2.1";

    private TestDicom() {}

    /** A CT slice: every voxel stored as {@code value}; signed storage when {@code signed}. */
    static AttributeList ctSlice(String seriesUid, String sopUid, int instance, double[] ipp, double[] iop,
                                 int rows, int cols, double spacing, short value, boolean signed, double intercept) throws Exception {
        AttributeList l = base(CT_IMAGE, "CT", seriesUid, sopUid, instance);
        ds(l, Tags.ImagePositionPatient, ipp);
        ds(l, Tags.ImageOrientationPatient, iop);
        ds(l, Tags.PixelSpacing, spacing, spacing);
        ds(l, Tags.SliceThickness, 2.0);
        ds(l, Tags.RescaleSlope, 1);
        ds(l, Tags.RescaleIntercept, intercept);
        pixels(l, rows, cols, signed, filled(rows * cols, value));
        return l;
    }

    static AttributeList base(String sopClass, String modality, String seriesUid, String sopUid, int instance) throws Exception {
        AttributeList l = new AttributeList();
        ui(l, Tags.SOPClassUID, sopClass);
        ui(l, Tags.SOPInstanceUID, sopUid);
        ui(l, Tags.StudyInstanceUID, "1.2.826.0.1.3680043.9.7133.1.1");
        ui(l, Tags.SeriesInstanceUID, seriesUid);
        ui(l, Tags.FrameOfReferenceUID, "1.2.826.0.1.3680043.9.7133.1.9");
        cs(l, Tags.Modality, modality);
        lo(l, Tags.PatientID, "TEST-1");
        lo(l, Tags.SeriesDescription, "test series");
        is(l, Tags.InstanceNumber, instance);
        is(l, Tags.SeriesNumber, 1);
        return l;
    }

    static void pixels(AttributeList l, int rows, int cols, boolean signed, short[] values) throws Exception {
        us(l, Tags.Rows, rows);
        us(l, Tags.Columns, cols);
        us(l, Tags.SamplesPerPixel, 1);
        cs(l, Tags.PhotometricInterpretation, "MONOCHROME2");
        us(l, Tags.BitsAllocated, 16);
        us(l, Tags.BitsStored, 16);
        us(l, Tags.PixelRepresentation, signed ? 1 : 0);
        OtherWordAttribute pd = new OtherWordAttribute(Tags.at(Tags.PixelData));
        pd.setValues(values);
        l.put(pd);
    }

    static short[] filled(int n, short v) {
        short[] a = new short[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    static void write(AttributeList l, Path file) throws Exception {
        String ts = TransferSyntaxes.EXPLICIT_LE;
        FileMetaInformation.addFileMetaInformation(l, ts, "PARSTEST");
        l.write(file.toFile(), ts, true, true);
    }

    static SequenceAttribute sequence(int tag, AttributeList... items) {
        SequenceAttribute s = new SequenceAttribute(Tags.at(tag));
        for (AttributeList i : items) s.addItem(i);
        return s;
    }

    static void ui(AttributeList l, int t, String v) throws Exception {
        Attribute a = new UniqueIdentifierAttribute(Tags.at(t));
        a.addValue(v);
        l.put(a);
    }

    static void cs(AttributeList l, int t, String... v) throws Exception {
        Attribute a = new CodeStringAttribute(Tags.at(t));
        for (String s : v) a.addValue(s);
        l.put(a);
    }

    static void lo(AttributeList l, int t, String v) throws Exception {
        Attribute a = new LongStringAttribute(Tags.at(t));
        a.addValue(v);
        l.put(a);
    }

    static void is(AttributeList l, int t, int v) throws Exception {
        Attribute a = new IntegerStringAttribute(Tags.at(t));
        a.addValue(v);
        l.put(a);
    }

    static void us(AttributeList l, int t, int v) throws Exception {
        Attribute a = new UnsignedShortAttribute(Tags.at(t));
        a.addValue(v);
        l.put(a);
    }

    static void ds(AttributeList l, int t, double... v) throws Exception {
        Attribute a = new DecimalStringAttribute(Tags.at(t));
        for (double d : v) a.addValue(d);
        l.put(a);
    }
}
