package org.parsreader.dicom;

import java.util.Map;

/** Transfer syntax UIDs and what this tool can decode. */
public final class TransferSyntaxes {
    public static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    public static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    public static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    public static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    public static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";
    public static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";
    public static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    public static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    public static final String JPEG_LS_NEAR = "1.2.840.10008.1.2.4.81";
    public static final String JPEG2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    public static final String JPEG2000 = "1.2.840.10008.1.2.4.91";
    public static final String RLE = "1.2.840.10008.1.2.5";

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(IMPLICIT_LE, "Implicit VR Little Endian"),
            Map.entry(EXPLICIT_LE, "Explicit VR Little Endian"),
            Map.entry(DEFLATED_LE, "Deflated Explicit VR Little Endian"),
            Map.entry(EXPLICIT_BE, "Explicit VR Big Endian"),
            Map.entry(JPEG_BASELINE, "JPEG Baseline (8-bit lossy)"),
            Map.entry(JPEG_EXTENDED, "JPEG Extended (12-bit lossy)"),
            Map.entry(JPEG_LOSSLESS, "JPEG Lossless"),
            Map.entry(JPEG_LOSSLESS_SV1, "JPEG Lossless SV1"),
            Map.entry(JPEG_LS_LOSSLESS, "JPEG-LS Lossless"),
            Map.entry(JPEG_LS_NEAR, "JPEG-LS Near-Lossless"),
            Map.entry(JPEG2000_LOSSLESS, "JPEG 2000 Lossless"),
            Map.entry(JPEG2000, "JPEG 2000"),
            Map.entry(RLE, "RLE Lossless"));

    private TransferSyntaxes() {}

    public static String name(String uid) {
        return NAMES.getOrDefault(uid, uid == null || uid.isEmpty() ? "(none)" : uid);
    }

    public static boolean isUncompressed(String uid) {
        return IMPLICIT_LE.equals(uid) || EXPLICIT_LE.equals(uid) || EXPLICIT_BE.equals(uid);
    }

    public static boolean isDeflated(String uid) {
        return DEFLATED_LE.equals(uid);
    }

    public static boolean isJpegLossless(String uid) {
        return JPEG_LOSSLESS.equals(uid) || JPEG_LOSSLESS_SV1.equals(uid);
    }

    public static boolean isJpegLs(String uid) {
        return JPEG_LS_LOSSLESS.equals(uid) || JPEG_LS_NEAR.equals(uid);
    }

    /**
     * Why pixels of this transfer syntax cannot be decoded here, or null when they can.
     * Measured: no codec on this platform decodes 12-bit lossy JPEG (JPEG-LS has its own
     * decoder, {@code codec.JpegLsDecoder}).
     */
    public static String unsupportedReason(String uid) {
        if (JPEG_EXTENDED.equals(uid)) {
            return name(uid) + " is not supported (no 12-bit lossy JPEG decoder is available); "
                    + "convert the file, e.g. with dcmtk: dcmdjpeg IN OUT";
        }
        if (uid != null && uid.startsWith("1.2.840.10008.1.2.4.") && !NAMES.containsKey(uid)) {
            return "transfer syntax " + uid + " is not supported";
        }
        return null;
    }
}
