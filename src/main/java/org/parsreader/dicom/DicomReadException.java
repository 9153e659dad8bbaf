package org.parsreader.dicom;

import java.nio.file.Path;

/** A DICOM file could not be read or decoded; the message names the file and the reason. */
public class DicomReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String reason;

    public DicomReadException(Path file, String reason) {
        this(file, reason, null);
    }

    public DicomReadException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() { return file; }

    /** The reason without the file name. */
    public String reason() { return reason; }
}
