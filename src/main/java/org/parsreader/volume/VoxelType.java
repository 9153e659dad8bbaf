package org.parsreader.volume;

/** How voxels are stored: the array type of each slice. */
public enum VoxelType {
    /** byte[], unsigned. */
    UINT8,
    /** short[], read as unsigned; signed DICOM data is stored shifted by +32768 (as ImageJ does) and the calibration undoes it. */
    UINT16,
    /** float[], calibrated values when slices disagree on rescale, or 32-bit data. */
    FLOAT32,
    /** int[] packed 0xRRGGBB. */
    RGB
}
