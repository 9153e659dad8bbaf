package org.parsreader.sample;

import com.pixelmed.dicom.AttributeList;
import java.util.List;
import java.util.Random;
import org.parsreader.sample.CaseLayout.SeriesPlan;

/**
 * Sagittal MR images of the phantom for one weighting. The noiseless signal of every slice
 * is shared by the three weightings ({@link #signals}): each pixel averages three samples
 * across the 3.5 mm slice (partial volume), scaled by a posterior spine-coil sensitivity
 * profile; each series then adds its own seeded Rician noise. Unsigned 12-bit, no rescale.
 */
final class MrSeriesWriter extends SeriesWriter {
    static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";

    enum Weighting { T1, T2, STIR }

    /** Sequence parameters written to the header. */
    record Sequence(Weighting weighting, String scanningSequence, String[] sequenceVariant, String sequenceName,
                    double tr, double te, double ti, int echoTrainLength, double flipAngle) {}

    private final Sequence sequence;
    private final short[][] pixels;
    private final int windowCenter;
    private final int windowWidth;

    MrSeriesWriter(SeriesPlan plan, Sequence sequence, float[][][] signals, double noiseSd, long seed) {
        super(plan);
        this.sequence = sequence;
        int n = plan.slices().size();
        pixels = new short[n][];
        int[] histogram = new int[4096];
        long total = 0;
        for (int i = 0; i < n; i++) {
            float[] s = signals[sequence.weighting().ordinal()][i];
            Random rnd = new Random(seed * 1_000_003L + i);
            short[] p = new short[s.length];
            for (int k = 0; k < s.length; k++) {
                double re = s[k] + noiseSd * rnd.nextGaussian(), im = noiseSd * rnd.nextGaussian();
                p[k] = (short) Math.min(4095, Math.round(Math.sqrt(re * re + im * im)));
                histogram[p[k]]++;
            }
            pixels[i] = p;
            total += p.length;
        }
        int p995 = 0;
        for (long seen = 0; p995 < 4095 && (seen += histogram[p995]) < total * 0.995; ) p995++;
        windowCenter = p995 / 2;
        windowWidth = p995;
    }

    /** Noiseless signals [weighting][slice][pixel] of the MR slices. */
    static float[][][] signals(SpinePhantom phantom, List<SliceGeometry> slices, double thickness) {
        int n = slices.size();
        float[][][] out = new float[Weighting.values().length][n][];
        double[] offsets = {-thickness / 3, 0, thickness / 3};
        for (int i = 0; i < n; i++) {
            SliceGeometry g = slices.get(i);
            Vec3 normal = g.normal();
            int px = g.rows() * g.columns();
            for (Weighting w : Weighting.values()) out[w.ordinal()][i] = new float[px];
            for (int r = 0; r < g.rows(); r++) {
                for (int c = 0; c < g.columns(); c++) {
                    Vec3 centre = g.pixel(r, c).minus(CaseLayout.MR_FROM_ANATOMY);
                    double t1 = 0, t2 = 0, stir = 0;
                    for (double o : offsets) {
                        Tissue t = phantom.tissue(centre.plus(normal.times(o)), false, false);
                        t1 += t.t1;
                        t2 += t.t2;
                        stir += t.stir;
                    }
                    double coil = coil(centre.y()) / offsets.length;
                    int k = r * g.columns() + c;
                    out[0][i][k] = (float) (t1 * coil);
                    out[1][i][k] = (float) (t2 * coil);
                    out[2][i][k] = (float) (stir * coil);
                }
            }
        }
        return out;
    }

    /** Posterior (table) spine coil: full sensitivity at the back skin, less anteriorly. */
    static double coil(double yAnatomy) {
        return 0.55 + 0.45 * StrictMath.exp(-Math.max(0, 70 - yAnatomy) / 110);
    }

    @Override
    String sopClassUid() { return MR_IMAGE_STORAGE; }

    @Override
    void addModalityAttributes(AttributeList l, int index) {
        Dicom.put(l, "ImageType", "ORIGINAL", "PRIMARY", "OTHER");
        Dicom.put(l, "ScanningSequence", sequence.scanningSequence());
        Dicom.put(l, "SequenceVariant", sequence.sequenceVariant());
        Dicom.put(l, "ScanOptions");
        Dicom.put(l, "MRAcquisitionType", "2D");
        Dicom.put(l, "SequenceName", sequence.sequenceName());
        Dicom.put(l, "AngioFlag", "N");
        Dicom.putDecimal(l, "RepetitionTime", sequence.tr());
        Dicom.putDecimal(l, "EchoTime", sequence.te());
        if (sequence.ti() > 0) Dicom.putDecimal(l, "InversionTime", sequence.ti());
        Dicom.putDecimal(l, "NumberOfAverages", 2);
        Dicom.putDecimal(l, "ImagingFrequency", 63.676);
        Dicom.put(l, "ImagedNucleus", "1H");
        Dicom.putInt(l, "EchoNumbers", 1);
        Dicom.putDecimal(l, "MagneticFieldStrength", 1.5);
        Dicom.putDecimal(l, "SpacingBetweenSlices", plan.spacingAlongNormal());
        Dicom.putInt(l, "NumberOfPhaseEncodingSteps", CaseLayout.MR_ROWS);
        Dicom.putInt(l, "EchoTrainLength", sequence.echoTrainLength());
        Dicom.putDecimal(l, "PercentSampling", 100);
        Dicom.putDecimal(l, "PercentPhaseFieldOfView", 100);
        Dicom.putDecimal(l, "PixelBandwidth", 190);
        Dicom.put(l, "ReceiveCoilName", "SPINE");
        Dicom.put(l, "TransmitCoilName", "BODY");
        Dicom.putInt(l, "AcquisitionMatrix", 0, CaseLayout.MR_COLUMNS, CaseLayout.MR_ROWS, 0);
        Dicom.put(l, "InPlanePhaseEncodingDirection", "COL");
        Dicom.putDecimal(l, "FlipAngle", sequence.flipAngle());
        Dicom.put(l, "VariableFlipAngleFlag", "N");
        Dicom.putDecimal(l, "WindowCenter", windowCenter);
        Dicom.putDecimal(l, "WindowWidth", windowWidth);
        Dicom.putInt(l, "BitsStored", 12);
        Dicom.putInt(l, "HighBit", 11);
        Dicom.putInt(l, "PixelRepresentation", 0);
    }

    @Override
    short[] pixels(int index) {
        return pixels[index];
    }
}
