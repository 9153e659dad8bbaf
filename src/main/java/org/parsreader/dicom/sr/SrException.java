package org.parsreader.dicom.sr;

/** An SR or SEG that cannot be written or read as asked; the message names the file, item or value. */
public final class SrException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SrException(String message) {
        super(message);
    }

    public SrException(String message, Throwable cause) {
        super(message, cause);
    }
}
