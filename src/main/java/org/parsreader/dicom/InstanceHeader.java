package org.parsreader.dicom;

import java.nio.file.Path;
import java.util.List;

/**
 * What the index keeps of one DICOM file: identity, grouping keys, acquisition parameters,
 * pixel format, per-frame geometry and where the pixel bytes are. Pixel values are not read.
 *
 * @param pixelData where the Pixel Data value lies in the file, or null when the file has
 *                  no pixel data (SR, presentation state) or it cannot be located directly
 *                  (deflated data sets are decoded through PixelMed)
 * @param window    first WindowCenter and WindowWidth, or null
 * @param warnings  deviations from the standard that were recovered from, each saying what
 *                  was assumed
 * @param lossyCompression why the pixel values may differ from the acquired ones (a lossy
 *                  transfer syntax such as JPEG-LS near-lossless, or LossyImageCompression
 *                  (0028,2110) "01"), or "" when nothing says so; reported once per stack
 */
public record InstanceHeader(
        Path file,
        String transferSyntaxUid,
        String sopClassUid,
        String sopInstanceUid,
        int instanceNumber,
        int acquisitionNumber,
        String acquisitionTime,
        List<String> imageType,
        PatientInfo patient,
        StudyInfo study,
        SeriesInfo series,
        Acquisition acquisition,
        PixelFormat pixelFormat,
        List<FrameGeometry> frames,
        PixelDataLocation pixelData,
        double[] window,
        List<String> warnings,
        String lossyCompression) {

    /** Patient identity. Never printed or exported unless the user asks for identity. */
    public record PatientInfo(String id, String name, String birthDate, String sex, String age) {}

    public record StudyInfo(String uid, String date, String time, String description, String accessionNumber) {}

    public record SeriesInfo(String uid, int number, String modality, String description, String protocolName,
                             String frameOfReferenceUid, String bodyPart, String patientPosition) {}

    /**
     * Acquisition parameters used for classification and dose; NaN or "" when absent.
     * MR: scanning sequence, variant, options, sequence name, TR, TE, TI, field strength.
     * CT: kVp, tube current, CTDIvol, gantry tilt, kernel.
     */
    public record Acquisition(String scanningSequence, String sequenceVariant, String scanOptions,
                              String sequenceName, double repetitionTime, double echoTime,
                              double inversionTime, double fieldStrength, boolean inversionRecoveryFlag,
                              String spectralSuppression,
                              double kvp, double tubeCurrent, double ctdiVol, double gantryTilt,
                              String convolutionKernel, double spacingBetweenSlices) {}

    /**
     * Location of the Pixel Data value.
     *
     * @param valueOffset byte offset of the first value byte in the file
     * @param length      value length in bytes, or -1 for encapsulated (compressed) data
     * @param bigEndian   byte order of the stored words
     */
    public record PixelDataLocation(long valueOffset, long length, boolean bigEndian) {
        public boolean encapsulated() {
            return length < 0;
        }
    }

    public boolean hasPixels() {
        return pixelFormat != null && pixelData != null || pixelFormat != null && TransferSyntaxes.isDeflated(transferSyntaxUid);
    }

    /** ImageType says LOCALIZER or SCOUT. */
    public boolean isLocalizer() {
        for (String t : imageType) if (t.equalsIgnoreCase("LOCALIZER") || t.equalsIgnoreCase("SCOUT")) return true;
        return false;
    }

    /** Identity: two headers are the same file's header only if they are the same object (records would compare every field). */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    public String modality() {
        return series.modality();
    }
}
