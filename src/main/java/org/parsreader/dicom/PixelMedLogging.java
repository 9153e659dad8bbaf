package org.parsreader.dicom;

/**
 * PixelMed's fallback logger (used when no SLF4J binding is on the class path, as when our
 * jar runs alone) prints every recoverable parse problem to stderr at INFO. Pars Reader
 * reports problems itself, with the file and what was assumed, so these classes are set to
 * PixelMed's quietest level, "error" (it has no "off"; names must match exactly, package
 * prefixes are ignored), unless the user set the property. Under Fiji's SLF4J binding
 * PixelMed logs there instead and this has no effect.
 */
final class PixelMedLogging {
    private static final String[] NOISY = {
        "com.pixelmed.dicom.AttributeList", "com.pixelmed.dicom.AttributeFactory",
        "com.pixelmed.dicom.DicomInputStream", "com.pixelmed.dicom.SequenceAttribute",
        "com.pixelmed.dicom.DicomDirectory", "com.pixelmed.dicom.CompressedFrameDecoder"};

    private PixelMedLogging() {}

    static void quiet() {
        for (String cls : NOISY) {
            String key = "org.slf4j.simpleLogger.log." + cls;
            if (System.getProperty(key) == null) System.setProperty(key, "error");
        }
    }
}
