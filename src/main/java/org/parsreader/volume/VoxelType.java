package org.parsreader.volume;

/** How voxels are stored: the array type of each slice. */
public enum VoxelType {
    /** byte[], unsigned. */
    UINT8(1),
    /** short[], read as unsigned; signed DICOM data is stored shifted by +32768 (as ImageJ does) and the calibration undoes it. */
    UINT16(2),
    /** float[], calibrated values when slices disagree on rescale, or 32-bit data. */
    FLOAT32(4),
    /** int[] packed 0xRRGGBB. */
    RGB(4);

    private final int bytes;

    VoxelType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes one voxel takes in memory. */
    public int bytesPerVoxel() {
        return bytes;
    }
}
