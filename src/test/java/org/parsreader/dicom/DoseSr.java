package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeList;

/** A minimal CT Radiation Dose SR (TID 10011) for tests: acquisitions with CTDIvol and DLP, and the DLP total. */
final class DoseSr {
    private DoseSr() { }

    static AttributeList code(String value, String meaning) throws Exception {
        AttributeList c = new AttributeList();
        TestDicom.cs(c, Tags.CodeValue, value);
        TestDicom.lo(c, 0x00080102, "DCM"); // CodingSchemeDesignator
        TestDicom.lo(c, 0x00080104, meaning); // CodeMeaning
        return c;
    }

    static AttributeList num(String value, String meaning, double number) throws Exception {
        AttributeList item = new AttributeList();
        TestDicom.cs(item, Tags.ValueType, "NUM");
        item.put(TestDicom.sequence(Tags.ConceptNameCodeSequence, code(value, meaning)));
        AttributeList measured = new AttributeList();
        TestDicom.ds(measured, Tags.NumericValue, number);
        item.put(TestDicom.sequence(Tags.MeasuredValueSequence, measured));
        return item;
    }

    /** @param acquisitions {CTDIvol, DLP} per acquisition */
    static AttributeList report(String studyUid, double[][] acquisitions, double total) throws Exception {
        AttributeList sr = TestDicom.base(DoseReport.XRAY_DOSE_SR, "SR", "1.2.826.0.1.3680043.9.7133.77", "1.2.826.0.1.3680043.9.7133.77.1", 1);
        TestDicom.ui(sr, Tags.StudyInstanceUID, studyUid);
        TestDicom.cs(sr, Tags.ValueType, "CONTAINER");
        sr.put(TestDicom.sequence(Tags.ConceptNameCodeSequence, code("113701", "X-Ray Radiation Dose Report")));
        AttributeList[] items = new AttributeList[acquisitions.length + 1];
        for (int i = 0; i < acquisitions.length; i++) {
            AttributeList acquisition = new AttributeList();
            TestDicom.cs(acquisition, Tags.ValueType, "CONTAINER");
            acquisition.put(TestDicom.sequence(Tags.ConceptNameCodeSequence, code("113819", "CT Acquisition")));
            AttributeList params = new AttributeList();
            TestDicom.cs(params, Tags.ValueType, "CONTAINER");
            params.put(TestDicom.sequence(Tags.ConceptNameCodeSequence, code("113822", "CT Dose")));
            params.put(TestDicom.sequence(Tags.ContentSequence, num("113830", "Mean CTDIvol", acquisitions[i][0]),
                    num("113838", "DLP", acquisitions[i][1])));
            acquisition.put(TestDicom.sequence(Tags.ContentSequence, params));
            items[i] = acquisition;
        }
        AttributeList accumulated = new AttributeList();
        TestDicom.cs(accumulated, Tags.ValueType, "CONTAINER");
        accumulated.put(TestDicom.sequence(Tags.ConceptNameCodeSequence, code("113811", "CT Accumulated Dose Data")));
        accumulated.put(TestDicom.sequence(Tags.ContentSequence, num("113813", "CT Dose Length Product Total", total)));
        items[acquisitions.length] = accumulated;
        sr.put(TestDicom.sequence(Tags.ContentSequence, items));
        return sr;
    }
}
