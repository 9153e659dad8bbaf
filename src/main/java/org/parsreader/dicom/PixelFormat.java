package org.parsreader.dicom;

/**
 * How pixel values are stored: Image Pixel module plus the frame count.
 *
 * @param rows                Rows (0028,0010)
 * @param columns             Columns (0028,0011)
 * @param samplesPerPixel     1 for grey, 3 for colour
 * @param bitsAllocated       8, 16 or 32
 * @param bitsStored          significant bits
 * @param signed              PixelRepresentation == 1
 * @param photometric         PhotometricInterpretation, e.g. MONOCHROME2, RGB, YBR_FULL_422
 * @param planarConfiguration 0 = colour-by-pixel, 1 = colour-by-plane
 * @param frames              NumberOfFrames, 1 when absent
 */
public record PixelFormat(int rows, int columns, int samplesPerPixel, int bitsAllocated,
                          int bitsStored, boolean signed, String photometric,
                          int planarConfiguration, int frames) {

    /**
     * Bytes of one uncompressed frame; YBR_FULL_422 stores two samples per pixel (PS3.3
     * C.7.6.3.1.2); 1-bit frames are packed without padding, so this is rounded up.
     */
    public long frameBytes() {
        int samples = "YBR_FULL_422".equals(photometric) ? 2 : samplesPerPixel;
        return ((long) rows * columns * samples * bitsAllocated + 7) / 8;
    }

    public boolean isColor() {
        return samplesPerPixel == 3;
    }

    public boolean isMonochrome1() {
        return "MONOCHROME1".equals(photometric);
    }
}
