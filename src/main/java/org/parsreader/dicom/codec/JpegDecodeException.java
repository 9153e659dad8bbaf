package org.parsreader.dicom.codec;

/**
 * A JPEG bitstream could not be decoded: malformed, truncated, or using a feature the
 * decoder does not implement. The message names what failed and, for entropy-coded data,
 * the byte offset relative to the start of the frame's bitstream.
 */
public final class JpegDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JpegDecodeException(String message) {
        super(message);
    }
}
