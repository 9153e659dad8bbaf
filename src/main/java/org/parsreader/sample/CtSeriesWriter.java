package org.parsreader.sample;

import com.pixelmed.dicom.AttributeList;
import java.util.Random;
import org.parsreader.sample.CaseLayout.SeriesPlan;

/**
 * Axial CT images of the phantom: CT number per tissue, seeded Gaussian noise, mild streaks
 * around the needle, values clipped to the 12-bit range -1024..3071 HU as scanners store them.
 * Unsigned storage uses RescaleIntercept -1024 (BitsStored 12); signed storage stores HU
 * directly (PixelRepresentation 1, BitsStored 16, RescaleIntercept 0).
 */
final class CtSeriesWriter extends SeriesWriter {
    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

    /** Exposure and dose of one CT acquisition. */
    record Technique(int kvp, int tubeCurrentMa, int exposureTimeMs, double ctdiVolMGy, String kernel) {
        int mAs() { return tubeCurrentMa * exposureTimeMs / 1000; }
    }

    private final SpinePhantom phantom;
    private final boolean needle;
    private final boolean contrast;
    private final boolean signed;
    private final double noiseSd;
    private final long seed;
    private final Technique technique;

    CtSeriesWriter(SeriesPlan plan, SpinePhantom phantom, boolean needle, boolean contrast, boolean signed,
                   double noiseSd, long seed, Technique technique) {
        super(plan);
        this.phantom = phantom;
        this.needle = needle;
        this.contrast = contrast;
        this.signed = signed;
        this.noiseSd = noiseSd;
        this.seed = seed;
        this.technique = technique;
    }

    @Override
    String sopClassUid() { return CT_IMAGE_STORAGE; }

    @Override
    void addModalityAttributes(AttributeList l, int index) {
        Dicom.put(l, "ImageType", "ORIGINAL", "PRIMARY", "AXIAL");
        Dicom.putDecimal(l, "KVP", technique.kvp());
        Dicom.putDecimal(l, "DataCollectionDiameter", 500);
        Dicom.putDecimal(l, "ReconstructionDiameter", CaseLayout.CT_MATRIX * CaseLayout.CT_PIXEL);
        Dicom.putDecimal(l, "DistanceSourceToDetector", 1085.6);
        Dicom.putDecimal(l, "DistanceSourceToPatient", 595);
        Dicom.putDecimal(l, "GantryDetectorTilt", plan.gantryTiltDeg());
        Dicom.putDecimal(l, "TableHeight", 162);
        Dicom.put(l, "RotationDirection", "CW");
        Dicom.putInt(l, "ExposureTime", technique.exposureTimeMs());
        Dicom.putInt(l, "XRayTubeCurrent", technique.tubeCurrentMa());
        Dicom.putInt(l, "Exposure", technique.mAs());
        Dicom.put(l, "FilterType", "BODY");
        Dicom.putDecimal(l, "FocalSpots", 0.7);
        Dicom.put(l, "ConvolutionKernel", technique.kernel());
        Dicom.putDecimal(l, "CTDIvol", technique.ctdiVolMGy());
        Dicom.putCode(l, "CTDIPhantomTypeCodeSequence", "113691", "DCM", "IEC Body Dosimetry Phantom");
        Dicom.putDecimal(l, "RescaleIntercept", signed ? 0 : -1024);
        Dicom.putDecimal(l, "RescaleSlope", 1);
        Dicom.put(l, "RescaleType", "HU");
        Dicom.putDecimal(l, "WindowCenter", 400, 40);
        Dicom.putDecimal(l, "WindowWidth", 2000, 400);
        Dicom.put(l, "WindowCenterWidthExplanation", "BONE", "SOFT TISSUE");
        Dicom.putInt(l, "BitsStored", signed ? 16 : 12);
        Dicom.putInt(l, "HighBit", signed ? 15 : 11);
        Dicom.putInt(l, "PixelRepresentation", signed ? 1 : 0);
    }

    @Override
    short[] pixels(int index) {
        SliceGeometry g = plan.slices().get(index);
        int rows = g.rows(), cols = g.columns();
        Tissue[] t = new Tissue[rows * cols];
        double cr = 0, cc = 0;
        int metal = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Tissue x = phantom.tissue(toAnatomy(g.pixel(r, c)), needle, contrast);
                t[r * cols + c] = x;
                if (x == Tissue.NEEDLE) {
                    cr += r;
                    cc += c;
                    metal++;
                }
            }
        }
        Random rnd = new Random(seed * 1_000_003L + index);
        short[] out = new short[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int k = r * cols + c;
                double hu = t[k].hu + noiseSd * rnd.nextGaussian();
                if (metal > 0 && t[k] != Tissue.NEEDLE) hu += streak((r - cr / metal) * g.rowSpacing(), (c - cc / metal) * g.columnSpacing());
                long v = Math.max(-1024, Math.min(3071, Math.round(hu)));
                out[k] = (short) (signed ? v : v + 1024);
            }
        }
        return out;
    }

    /** Mild alternating bright/dark streaks radiating from the needle cross-section. */
    static double streak(double dyMm, double dxMm) {
        double rho = Math.sqrt(dxMm * dxMm + dyMm * dyMm);
        return 40 * StrictMath.cos(8 * StrictMath.atan2(dyMm, dxMm)) * StrictMath.exp(-rho / 25);
    }

    static Vec3 toAnatomy(Vec3 ct) {
        return ct.minus(CaseLayout.CT_FROM_ANATOMY);
    }
}
