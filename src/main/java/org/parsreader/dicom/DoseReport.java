package org.parsreader.dicom;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CT dose from an X-Ray Radiation Dose SR (TID 10011): total DLP and, per acquisition
 * (TID 10013), CTDIvol and DLP with the acquisition protocol text.
 */
public record DoseReport(Path file, double totalDlp, List<Acquisition> acquisitions) {
    static {
        PixelMedLogging.quiet(); // before this class first makes PixelMed log, whoever calls it first
    }

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
        walk(new PixelMedHeader(list), acquisitions, total);
        return new DoseReport(file, total[0], List.copyOf(acquisitions));
    }

    private static void walk(Header item, List<Acquisition> out, double[] total) {
        for (Header child : children(item)) {
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

    private static void collect(Header item, String[] protocol, double[] ctdi, double[] dlp) {
        for (Header child : children(item)) {
            String code = conceptCode(child);
            if (MEAN_CTDIVOL.equals(code)) ctdi[0] = numeric(child);
            else if (DLP.equals(code)) dlp[0] = numeric(child);
            else if (ACQUISITION_PROTOCOL.equals(code)) protocol[0] = child.str(Tags.TextValue);
            collect(child, protocol, ctdi, dlp);
        }
    }

    private static List<Header> children(Header item) {
        List<Header> out = new ArrayList<>();
        for (int i = 0; i < item.items(Tags.ContentSequence); i++) out.add(item.item(Tags.ContentSequence, i));
        return out;
    }

    private static String conceptCode(Header item) {
        return Header.str(item.item(Tags.ConceptNameCodeSequence), Tags.CodeValue);
    }

    private static double numeric(Header item) {
        return Header.dbl(item.item(Tags.MeasuredValueSequence), Tags.NumericValue, Double.NaN);
    }
}
