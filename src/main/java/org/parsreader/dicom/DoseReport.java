package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * CT dose from an X-Ray Radiation Dose SR (TID 10011): total DLP and, per acquisition
 * (TID 10013), CTDIvol and DLP with the acquisition protocol text.
 */
public record DoseReport(Path file, double totalDlp, List<Acquisition> acquisitions) {
    public static final String XRAY_DOSE_SR = "1.2.840.10008.5.1.4.1.1.88.67";
    public static final String ENHANCED_XRAY_DOSE_SR = "1.2.840.10008.5.1.4.1.1.88.76";

    /** One CT acquisition: protocol text, CTDIvol (mGy), DLP (mGy*cm); NaN when absent. */
    public record Acquisition(String protocol, double ctdiVol, double dlp) {}

    private static final String CT_ACQUISITION = "113819";
    private static final String MEAN_CTDIVOL = "113830";
    private static final String DLP = "113838";
    private static final String DLP_TOTAL = "113813";
    private static final String ACQUISITION_PROTOCOL = "125203";

    public static boolean isDoseReport(String sopClassUid) {
        return XRAY_DOSE_SR.equals(sopClassUid) || ENHANCED_XRAY_DOSE_SR.equals(sopClassUid);
    }

    public static DoseReport read(Path file, AttributeList list) {
        List<Acquisition> acquisitions = new ArrayList<>();
        double[] total = {Double.NaN};
        walk(list, acquisitions, total);
        return new DoseReport(file, total[0], List.copyOf(acquisitions));
    }

    private static void walk(AttributeList item, List<Acquisition> out, double[] total) {
        for (AttributeList child : children(item)) {
            String code = conceptCode(child);
            if (CT_ACQUISITION.equals(code)) {
                String[] protocol = {""};
                double[] ctdi = {Double.NaN};
                double[] dlp = {Double.NaN};
                collect(child, protocol, ctdi, dlp);
                out.add(new Acquisition(protocol[0], ctdi[0], dlp[0]));
            } else if (DLP_TOTAL.equals(code)) {
                total[0] = numeric(child);
            } else {
                walk(child, out, total);
            }
        }
    }

    private static void collect(AttributeList item, String[] protocol, double[] ctdi, double[] dlp) {
        for (AttributeList child : children(item)) {
            String code = conceptCode(child);
            if (MEAN_CTDIVOL.equals(code)) ctdi[0] = numeric(child);
            else if (DLP.equals(code)) dlp[0] = numeric(child);
            else if (ACQUISITION_PROTOCOL.equals(code)) protocol[0] = Attrs.str(child, com.pixelmed.dicom.TagFromName.TextValue);
            collect(child, protocol, ctdi, dlp);
        }
    }

    private static List<AttributeList> children(AttributeList item) {
        List<AttributeList> out = new ArrayList<>();
        if (item.get(Tags.ContentSequence) instanceof SequenceAttribute seq) {
            Iterator<SequenceItem> it = seq.iterator();
            while (it.hasNext()) out.add(it.next().getAttributeList());
        }
        return out;
    }

    private static String conceptCode(AttributeList item) {
        return Attrs.str(Attrs.item(item, Tags.ConceptNameCodeSequence), Tags.CodeValue);
    }

    private static double numeric(AttributeList item) {
        return Attrs.dbl(Attrs.item(item, Tags.MeasuredValueSequence), Tags.NumericValue, Double.NaN);
    }
}
