package org.parsreader.pacs;

/** A PACS operation failed; the message names the server (never its password) and the study. */
public final class PacsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PacsException(String message) {
        super(message);
    }

    public PacsException(String message, Throwable cause) {
        super(message, cause);
    }
}
