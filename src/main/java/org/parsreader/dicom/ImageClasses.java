package org.parsreader.dicom;

import java.util.Map;

/**
 * Storage SOP classes whose instances always hold pixel data (PS3.4 B.5 and the IODs of
 * PS3.3 that require the Image Pixel module; not RT Dose, which may hold only DVHs): one of these without Pixel Data is a damaged or
 * truncated file, never a "non-image object".
 */
final class ImageClasses {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("1.2.840.10008.5.1.4.1.1.1", "CR Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.1.1", "Digital X-Ray Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.1.2", "Digital Mammography X-Ray Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.2", "CT Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.2.1", "Enhanced CT Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.2.2", "Legacy Converted Enhanced CT Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.3.1", "Ultrasound Multi-frame Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.4", "MR Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.4.1", "Enhanced MR Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.4.3", "Enhanced MR Color Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.4.4", "Legacy Converted Enhanced MR Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.6.1", "Ultrasound Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7", "Secondary Capture Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7.1", "Multi-frame Single Bit Secondary Capture Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7.2", "Multi-frame Grayscale Byte Secondary Capture Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7.3", "Multi-frame Grayscale Word Secondary Capture Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.7.4", "Multi-frame True Color Secondary Capture Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.12.1", "X-Ray Angiographic Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.12.2", "X-Ray Radiofluoroscopic Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.20", "Nuclear Medicine Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.128", "Positron Emission Tomography Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.128.1", "Legacy Converted Enhanced PET Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.130", "Enhanced PET Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.481.1", "RT Image Storage"),
            Map.entry("1.2.840.10008.5.1.4.1.1.66.4", "Segmentation Storage"));

    private ImageClasses() {}

    static boolean isImage(String sopClassUid) {
        return NAMES.containsKey(sopClassUid);
    }

    static String name(String sopClassUid) {
        return NAMES.getOrDefault(sopClassUid, sopClassUid);
    }
}
