/**
 * DICOM input: header-only scanning of folders (and DICOMDIR), grouping into patients,
 * studies, series and geometric stacks, classification (orientation, MR sequence class,
 * CT dose), and pixel loading into a {@link org.parsreader.volume.Volume}.
 *
 * <p>PixelMed parses every header. Pixel bytes of uncompressed little/big-endian files are
 * read directly at the offset PixelMed reports (PixelMed's read-everything path measured
 * about 3x the raw read here); RLE goes through {@code RleDecoder}, JPEG lossless through
 * {@code codec.JpegLosslessDecoder}, JPEG-LS through {@code codec.JpegLsDecoder}, the other
 * compressed syntaxes through PixelMed's codecs.
 *
 * <pre>{@code
 * StudyIndex index = StudyScanner.scan(Path.of("/data/case-001"), ProgressListener.NONE);
 * ImageStack stack = index.stacks().get(0);
 * Volume v = VolumeLoader.load(stack, ProgressListener.NONE);
 * }</pre>
 */
package org.parsreader.dicom;
